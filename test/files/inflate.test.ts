// The command line's native inflate (src/cli/inflate.ts) reads every sample exactly as fflate's,
// and a part whose directory understates its size falls back to fflate's reading; so does the
// start of a sheet looked at before reading, where a zip bomb's first bytes fall back too.
import { promises as fs } from 'fs';
import path from 'path';
import { readWorkbookBuffer } from '../../src/files/read';
import JSZip from 'jszip';
import { nodeInflate, nodePeek } from '../../src/cli/inflate';
import { useInflater } from '../../src/files/xlsx';
import { peekEntry, usePeekInflater, zipEntries } from '../../src/files/zip';
import { xlsx } from '../helpers/build';
import { limits, refusal } from '../helpers/refusal';
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

describe("the start of a sheet through Node's zlib, for the limits checked before reading", () => {
  afterEach(() => usePeekInflater(null));

  test('gives what the JavaScript inflate gives, for every sample sheet', async () => {
    let deflated = 0;
    for (const f of await sampleReports()) {
      for (const e of zipEntries(f.bytes)!.filter((x) => x.name.startsWith('xl/worksheets/'))) {
        if (e.method === 8) deflated++;
        usePeekInflater(null);
        const viaFflate = await peekEntry(f.bytes, e, 4096);
        let calls = 0;
        usePeekInflater((data) => {
          calls++;
          return nodePeek(data);
        });
        expect(await peekEntry(f.bytes, e, 4096)).toBe(viaFflate);
        expect(calls).toBe(e.method === 8 ? 1 : 0);
        expect(viaFflate).toHaveLength(Math.min(4096, e.size));
      }
    }
    expect(deflated).toBeGreaterThan(5);
  });

  test("a zip bomb's first bytes are left to the JavaScript inflate, which stops at what was asked", async () => {
    // 40 MB of one character deflate to about 40 KB: the first 17 KB would inflate to 16 MB.
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', 'a'.repeat(40 * 1024 * 1024));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const e = zipEntries(bytes)!.find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
    const native: Array<Uint8Array | null> = [];
    usePeekInflater((data) => {
      native.push(nodePeek(data));
      return native[native.length - 1];
    });
    expect(await peekEntry(bytes, e, 4096)).toBe('a'.repeat(4096));
    expect(native).toEqual([null]);
  });

  test('a sheet declaring more rows than the limit is refused through the native start too, and named', async () => {
    usePeekInflater(nodePeek);
    const data = Array.from({ length: 300 }, (_, i) => [i + 1, 'Tổng số hội viên', 'Người', null, 1000]);
    const declared = await xlsx([{ name: 'Biểu 02', rows: data }]);
    expect(await refusal(declared, 'a.xlsx', limits({ maxSheetRows: 299 }))).toMatch(/trang "Biểu 02" với 300 dòng \(giới hạn 299\)/);
    await expect(readWorkbookBuffer(declared, 'a.xlsx', limits({ maxSheetRows: 300 }))).resolves.toBeTruthy();
  });
});
