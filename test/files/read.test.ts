// The .xlsx reader: the model it builds, and the limits that refuse hostile files before
// ExcelJS unpacks them. Every limit is tried on both sides.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_LIMITS, ReadError, ReadLimits, readWorkbookBuffer } from '../../src/files/read';
import { limits, refusal } from '../helpers/refusal';
import { declaredExtent, peekEntry, sheetNamesByPart, zipEntries } from '../../src/files/zip';
import { goodRows, reportSheet, xlsx } from '../helpers/build';

async function bigSheet(rows: number): Promise<Uint8Array> {
  const data = Array.from({ length: rows }, (_, i) => [i + 1, 'Tổng số hội viên', 'Người', null, 1000]);
  return xlsx([{ name: 'Biểu', rows: data }]);
}

const unpackedOf = (bytes: Uint8Array) => zipEntries(bytes)!.reduce((n, e) => n + e.size, 0);

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

describe('looking inside the zip without unpacking it', () => {
  test('the directory, a sheet\'s declared extent, and sheet names by part', async () => {
    const bytes = await bigSheet(2000);
    const entries = zipEntries(bytes)!;
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.size).toBeGreaterThan(sheet.compressedSize * 3);
    expect(declaredExtent(await peekEntry(bytes, sheet, 4096))).toEqual({ rows: 2000, cols: 5 });
    expect(await sheetNamesByPart(bytes, entries)).toEqual(new Map([['xl/worksheets/sheet1.xml', 'Biểu']]));
    expect(zipEntries(new Uint8Array(100))).toBeNull();
  });
  test.each([
    ['<dimension ref="A1:G49"/>', { rows: 49, cols: 7 }],
    ['<x:dimension ref="B2"/>', { rows: 1, cols: 1 }],
    ['<dimension ref="A1:XFD1048576"/>', { rows: 1048576, cols: 16384 }],
    ['<sheetData>', null],
  ])('declaredExtent(%s)', (xml, extent) => expect(declaredExtent(xml)).toEqual(extent));
});

describe('limits, each on both sides', () => {
  test('unpacked size: a compressible sheet over the limit is refused, at the limit it is read', async () => {
    const bytes = await bigSheet(20000);
    const unpacked = unpackedOf(bytes);
    expect(await refusal(bytes, 'bom.xlsx', limits({ maxUnpackedBytes: unpacked - 1 }))).toMatch(/Tệp "bom.xlsx" khi giải nén sẽ chiếm \d+ MB \(giới hạn \d+ MB\); không mở/);
    const m = await readWorkbookBuffer(bytes, 'ok.xlsx', limits({ maxUnpackedBytes: unpacked }));
    expect(m.sheets[0].rows.length).toBe(20001);
  });

  test('a directory that declares gigabytes (a zip bomb) is refused before anything is unpacked', async () => {
    const bytes = Uint8Array.from(await bigSheet(10));
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1 << 30, true);
    expect(await refusal(bytes, 'bomb.xlsx')).toMatch(/khi giải nén sẽ chiếm \d+ MB \(giới hạn 200 MB\)/);
  });

  test('rows and cells a sheet declares: a million rows are refused in milliseconds', async () => {
    // A real million-row sheet takes ExcelJS ~16 s and ~1.7 GB; its <dimension> says so up front.
    const bytes = await bigSheet(10);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:E1000000"/>');
    zip.file('xl/worksheets/sheet1.xml', xml);
    const million = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // The sheet holds ten rows: refused on what it declares, before a row is read. (How fast is
    // measured in the bench, not asserted here.)
    expect(await refusal(million, 'trieu-dong.xlsx')).toMatch(/trang "Biểu" với 1\.000\.000 dòng \(giới hạn 50\.000\)/);
    const declared = await bigSheet(300);
    expect(await refusal(declared, 'a.xlsx', limits({ maxSheetRows: 299 }))).toMatch(/300 dòng \(giới hạn 299\)/);
    await expect(readWorkbookBuffer(declared, 'a.xlsx', limits({ maxSheetRows: 300 }))).resolves.toBeTruthy();
    expect(await refusal(declared, 'a.xlsx', limits({ maxSheetCells: 1499 }))).toMatch(/1\.500 ô \(giới hạn 1\.499\)/);
    await expect(readWorkbookBuffer(declared, 'a.xlsx', limits({ maxSheetCells: 1500 }))).resolves.toBeTruthy();
  });

  test('one sheet\'s unpacked size, for a sheet that declares no extent', async () => {
    const bytes = await bigSheet(3000);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/<dimension ref="[^"]+"\/>/, '');
    zip.file('xl/worksheets/sheet1.xml', xml);
    const undeclared = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const size = zipEntries(undeclared)!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.size;
    expect(await refusal(undeclared, 'a.xlsx', limits({ maxSheetBytes: size - 1, maxSheetRows: 10 }))).toMatch(/trang "Biểu" chiếm \d+ MB khi giải nén/);
    const m = await readWorkbookBuffer(undeclared, 'a.xlsx', limits({ maxSheetBytes: size, maxSheetRows: 10 }));
    expect(m.sheets[0].rows.length).toBe(3001);
  });

  test('thousands of sheets', async () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 1; i <= 600; i++) wb.addWorksheet(`S${i}`).getCell('A1').value = i;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await refusal(bytes, 'nhieu-trang.xlsx')).toMatch(/có 600 trang tính \(giới hạn 500\)/);
    await expect(readWorkbookBuffer(bytes, 'a.xlsx', limits({ maxSheets: 600 }))).resolves.toBeTruthy();
  });

  test('a cell of ten million characters is refused with its sheet and cell; Excel\'s own 32,767 is read', async () => {
    const huge = await xlsx([{ name: 'Biểu', rows: [['Tiêu đề'], [null, 'x'.repeat(10_000_000)]] }]);
    expect(await refusal(huge, 'dai.xlsx')).toMatch(/Tệp "dai.xlsx", trang "Biểu", ô B2: chữ dài 10\.000\.000 ký tự, quá giới hạn 32\.767 ký tự/);
    const over = await xlsx([{ name: 'Biểu', rows: [['Tiêu đề'], [null, 'x'.repeat(32_768)]] }]);
    expect(await refusal(over, 'a.xlsx')).toMatch(/ô B2: chữ dài 32\.768 ký tự/);
    const max = await xlsx([{ name: 'Biểu', rows: [['Tiêu đề'], [null, 'x'.repeat(32_767)]] }]);
    const m = await readWorkbookBuffer(max, 'a.xlsx');
    expect((m.sheets[0].rows[2]![2]!.value as string).length).toBe(32_767);
  });

  test('file size', async () => {
    const bytes = await bigSheet(10);
    expect(await refusal(bytes, 'a.xlsx', limits({ maxBytes: bytes.byteLength - 1 }))).toMatch(/quá lớn/);
    await expect(readWorkbookBuffer(bytes, 'a.xlsx', limits({ maxBytes: bytes.byteLength }))).resolves.toBeTruthy();
  });

  test('part count', async () => {
    const bytes = await bigSheet(10);
    const parts = zipEntries(bytes)!.length;
    expect(await refusal(bytes, 'a.xlsx', limits({ maxParts: parts - 1 }))).toMatch(/phần bên trong/);
    await expect(readWorkbookBuffer(bytes, 'a.xlsx', limits({ maxParts: parts }))).resolves.toBeTruthy();
  });
});

describe('a workbook with macros and external links', () => {
  test('is read for its values; the macro and the linked workbook are never touched', async () => {
    const zip = await JSZip.loadAsync(await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows({ HND_HV: { formula: "'[1]Sheet1'!A1", result: 500 } }) })]));
    zip.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    zip.file('xl/externalLinks/externalLink1.xml', '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook/></externalLink>');
    const ct = (await zip.file('[Content_Types].xml')!.async('string')).replace(
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    );
    zip.file('[Content_Types].xml', ct);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const m = await readWorkbookBuffer(bytes, 'macro.xlsm');
    const cell = m.sheets[0].rows.flatMap((r) => r ?? []).find((c) => c?.formula?.includes('[1]'));
    expect(cell).toMatchObject({ value: 500, formula: "'[1]Sheet1'!A1" });
  });
});
