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

  test('a start that packs poorly is read in a second, longer try, and a character cut in two is never kept', async () => {
    // Text that deflate can hardly shrink (a pseudo-random mix of one- to three-byte characters):
    // a quarter of the compressed bytes asked for holds fewer characters than asked.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = [...'abcdefghijklmnopqrstuvwxyzĐđƯưƠơÂâÊêÔôĂăàáạảãằắặẳẵ0123456789<>="/ ', '\u4e00', '\u4e8c'];
    const text = Array.from({ length: 60000 }, () => alphabet[next() % alphabet.length]).join('');
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', text);
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const e = zipEntries(bytes)!.find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
    let twice = 0;
    for (const maxChars of [100, 1000, 4096, 4097, 5000]) {
      usePeekInflater(null);
      const viaFflate = await peekEntry(bytes, e, maxChars);
      expect(viaFflate).toBe(text.slice(0, maxChars));
      const inputs: number[] = [];
      usePeekInflater((data) => {
        inputs.push(data.length);
        return nodePeek(data);
      });
      expect(await peekEntry(bytes, e, maxChars)).toBe(viaFflate);
      // the first try is the short one; the second, when made, is as long as before
      expect(inputs[0]).toBe(Math.ceil(maxChars / 4) + 256);
      if (inputs.length > 1) {
        twice++;
        expect(inputs).toEqual([Math.ceil(maxChars / 4) + 256, Math.min(e.compressedSize, maxChars * 4 + 1024)]);
      }
    }
    expect(twice).toBeGreaterThan(0);
  });

  test('a sheet declaring more rows than the limit is refused through the native start too, and named', async () => {
    usePeekInflater(nodePeek);
    const data = Array.from({ length: 300 }, (_, i) => [i + 1, 'Tổng số hội viên', 'Người', null, 1000]);
    const declared = await xlsx([{ name: 'Biểu 02', rows: data }]);
    expect(await refusal(declared, 'a.xlsx', limits({ maxSheetRows: 299 }))).toMatch(/trang "Biểu 02" với 300 dòng \(giới hạn 299\)/);
    await expect(readWorkbookBuffer(declared, 'a.xlsx', limits({ maxSheetRows: 300 }))).resolves.toBeTruthy();
  });
});
