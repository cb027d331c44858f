// The .xlsx reader: the model it builds, and the limits that stop a zip bomb before unpacking.
import { DEFAULT_LIMITS, ReadError, readWorkbookBuffer, zipDirectory } from '../../src/files/read';
import { xlsx } from '../helpers/build';

async function bigSheet(rows: number): Promise<Uint8Array> {
  const data = Array.from({ length: rows }, (_, i) => [i + 1, 'Tổng số hội viên', 'Người', null, 1000]);
  return xlsx([{ name: 'Biểu', rows: data }]);
}

describe('the model', () => {
  test('values, cached formula results, error values, merges and hidden rows; merged cells other than the first are empty', async () => {
    const bytes = await xlsx([
      {
        name: 'S',
        rows: [['Tiêu đề', 'Tiêu đề'], [1, { formula: 'A2*2', result: 2 }, { error: '#DIV/0!' }], ['x']],
        merges: ['A1:B1'],
        hiddenRows: [3],
        numFmts: { A2: '0.00%' },
      },
    ]);
    const m = await readWorkbookBuffer(bytes, 'a.xlsx');
    const s = m.sheets[0];
    expect(s.rows[1]![1]).toMatchObject({ value: 'Tiêu đề' });
    expect(s.rows[1]![2]).toBeUndefined();
    expect(s.rows[2]![1]).toMatchObject({ value: 1, numFmt: '0.00%' });
    expect(s.rows[2]![2]).toMatchObject({ value: 2, formula: 'A2*2' });
    expect(s.rows[2]![3]).toMatchObject({ value: { error: '#DIV/0!' } });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(s.hiddenRows).toEqual([3]);
  });
});

describe('limits', () => {
  test('the zip directory is read without unpacking', async () => {
    const bytes = await bigSheet(2000);
    const dir = zipDirectory(bytes)!;
    expect(dir.parts).toBeGreaterThan(5);
    expect(dir.unpacked).toBeGreaterThan(bytes.byteLength * 3);
    expect(zipDirectory(new Uint8Array(100))).toBeNull();
  });

  test('both sides of the unpacked-size limit: a compressible sheet over it is refused, under it is read', async () => {
    const bytes = await bigSheet(20000);
    const unpacked = zipDirectory(bytes)!.unpacked;
    const over = { ...DEFAULT_LIMITS, maxUnpackedBytes: unpacked - 1 };
    await expect(readWorkbookBuffer(bytes, 'bom.xlsx', over)).rejects.toThrow(/Tệp "bom.xlsx" khi giải nén sẽ chiếm \d+ MB \(giới hạn \d+ MB\)/);
    const m = await readWorkbookBuffer(bytes, 'ok.xlsx', { ...DEFAULT_LIMITS, maxUnpackedBytes: unpacked });
    expect(m.sheets[0].rows.length).toBe(20001);
  });

  test('a directory that declares gigabytes is refused before anything is unpacked', async () => {
    const bytes = Uint8Array.from(await bigSheet(10));
    // Patch every central-directory entry to claim 1 GB unpacked, as a zip bomb would.
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1 << 30, true);
    const err = await readWorkbookBuffer(bytes, 'bomb.xlsx').catch((e) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect(err.message).toMatch(/khi giải nén sẽ chiếm \d+ MB \(giới hạn 500 MB\)/);
  });

  test('both sides of the file-size and part-count limits', async () => {
    const bytes = await bigSheet(10);
    await expect(readWorkbookBuffer(bytes, 'a.xlsx', { ...DEFAULT_LIMITS, maxBytes: bytes.byteLength - 1 })).rejects.toThrow(/quá lớn/);
    await expect(readWorkbookBuffer(bytes, 'a.xlsx', { ...DEFAULT_LIMITS, maxBytes: bytes.byteLength })).resolves.toBeTruthy();
    const parts = zipDirectory(bytes)!.parts;
    await expect(readWorkbookBuffer(bytes, 'a.xlsx', { ...DEFAULT_LIMITS, maxParts: parts - 1 })).rejects.toThrow(/phần bên trong/);
    await expect(readWorkbookBuffer(bytes, 'a.xlsx', { ...DEFAULT_LIMITS, maxParts: parts })).resolves.toBeTruthy();
  });
});
