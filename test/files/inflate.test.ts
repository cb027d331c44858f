// The command line's native inflate (src/cli/inflate.ts) reads every sample exactly as fflate's,
// and a part whose directory understates its size falls back to fflate's reading.
import { promises as fs } from 'fs';
import path from 'path';
import { readWorkbookBuffer } from '../../src/files/read';
import { nodeInflate } from '../../src/cli/inflate';
import { useInflater } from '../../src/files/xlsx';
import { EXAMPLES, sampleReports } from '../helpers/samples';

// Importing src/cli/inflate sets it for every read: each test sets what it compares.
afterEach(() => useInflater(null));
beforeEach(() => useInflater(null));

test('the samples and the rules read the same through Node\'s zlib as through fflate', async () => {
  const files = [...(await sampleReports()), { name: 'chi-tieu-2023.xlsx', bytes: new Uint8Array(await fs.readFile(path.join(EXAMPLES, 'chi-tieu-2023.xlsx'))) }];
  const viaFflate = await Promise.all(files.map((f) => readWorkbookBuffer(f.bytes, f.name)));
  let calls = 0;
  useInflater((data, size) => {
    calls++;
    return nodeInflate(data, size);
  });
  const viaZlib = await Promise.all(files.map((f) => readWorkbookBuffer(f.bytes, f.name)));
  expect(calls).toBeGreaterThan(files.length * 3);
  expect(viaZlib).toEqual(viaFflate);
});

test('an inflate that gives another size than the directory declares is not trusted', async () => {
  const [first] = await sampleReports();
  const want = await readWorkbookBuffer(first.bytes, first.name);
  useInflater((_, size) => new Uint8Array(size + 1));
  expect(await readWorkbookBuffer(first.bytes, first.name)).toEqual(want);
  useInflater(() => {
    throw new RangeError('too large');
  });
  expect(await readWorkbookBuffer(first.bytes, first.name)).toEqual(want);
});
