// Formats other than .xlsx: told by their bytes, read through SheetJS with the same limits, and
// every file that is no workbook named for what it is, with what to do.
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { DEFAULT_LIMITS, ReadError, ReadLimits, readWorkbookBuffer } from '../../src/files/read';
import { limits, refusal } from '../helpers/refusal';
import { odsHidden } from '../../src/files/ods';
import { serialToDate } from '../../src/core/dates';
import { readCellNumber } from '../../src/core/numbers';


/** A workbook written by SheetJS in `bookType`, from rows of values (or cell objects). */
function book(bookType: XLSX.BookType, rows: unknown[][], props: { date1904?: boolean; sheets?: number } = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (let i = 0; i < (props.sheets ?? 1); i++) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), `Biểu ${i + 1}`);
  if (props.date1904) wb.Workbook = { WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function ole(...streams: string[]): Uint8Array {
  const b = new Uint8Array(2048);
  b.set(OLE);
  streams.forEach((s, i) => b.set(Uint8Array.from(Buffer.from(s, 'utf16le')), 600 + i * 100));
  return b;
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [n, t] of Object.entries(files)) z.file(n, t);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('read through SheetJS', () => {
  test.each(['xls', 'biff5', 'ods', 'xlsb'] as const)('%s: text, numbers, booleans, error values', async (bookType) => {
    // BIFF5 keeps 8-bit text in a code page SheetJS writes as Latin-1: plain letters there.
    const title = bookType === 'biff5' ? 'Tieu de' : 'Tiêu đề';
    const error = bookType === 'ods' ? null : { t: 'e', v: 0x07 };
    const m = await readWorkbookBuffer(book(bookType, [[title, 'x'], [3, 7.5, error], [true, 'chữ']]), `a.${bookType}`);
    const s = m.sheets[0];
    expect(s.rows[1]![1]).toMatchObject({ value: title });
    expect(s.rows[2]![1]).toMatchObject({ value: 3 });
    expect(s.rows[2]![2]).toMatchObject({ value: 7.5 });
    // .ods has no error cell SheetJS writes; its cell stays empty.
    expect(s.rows[2]![3]?.value ?? null).toEqual(error ? { error: '#DIV/0!' } : null);
    expect(s.rows[3]![1]).toMatchObject({ value: true });
  });

  test.each([
    ['xls', false],
    ['xls', true],
    ['xlsb', false],
    ['xlsb', true],
  ] as const)('%s, 1904 date system %s: a date cell is the same day', async (bookType, date1904) => {
    // 20/12/2023 worked out by hand: serial 45,280 from 30/12/1899, or 1,462 fewer from 01/01/1904.
    const serial = date1904 ? 45280 - 1462 : 45280;
    const bytes = book(bookType, [[{ t: 'n', v: serial, z: '"Thanh Sơn, ngày "dd" tháng "mm" năm "yyyy' }]], { date1904 });
    const m = await readWorkbookBuffer(bytes, `a.${bookType}`);
    expect(m.sheets[0].rows[1]![1]!.value).toEqual(new Date(Date.UTC(2023, 11, 20)));
  });

  // (.ods: SheetJS writes no hidden sheet; LibreOffice's way is tested with odsHidden below.)
  test.each(['xls', 'xlsb', 'xlsx'] as const)('%s: a hidden sheet is marked hidden, the shown ones not', async (bookType) => {
    const wb = XLSX.utils.book_new();
    for (const name of ['Biểu 01', 'Nháp']) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Tiêu đề', 1]]), name);
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    const m = await readWorkbookBuffer(new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer), `a.${bookType}`);
    expect(m.sheets.map((x) => [x.name, x.hidden === true])).toEqual([
      ['Biểu 01', false],
      ['Nháp', true],
    ]);
  });

  test('serial days in both systems, and the 1900 system\'s day 60 that never was', () => {
    expect(serialToDate(1, false)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(serialToDate(61, false)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(serialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
    expect(serialToDate(45280.5, false)).toEqual(new Date(Date.UTC(2023, 11, 20, 12)));
  });

  test('an HTML table saved as .xls and a 2003 XML spreadsheet are read', async () => {
    // An HTML table's cells are kept as the text the unit typed: SheetJS alone read "3.000" as 3
    // and "03/12/2023" as 12 March (found by an outside tester); the engine reads them the Vietnamese way.
    const html = new TextEncoder().encode('<html><body><table><tr><td>Tổng số hộ</td><td>120</td><td>3.000</td><td>ngày 03/12/2023</td><td>03/12/2023</td></tr></table></body></html>');
    const cells = (await readWorkbookBuffer(html, 'web.xls')).sheets[0].rows[1]!;
    expect(cells.slice(2).map((c) => c?.value)).toEqual(['120', '3.000', 'ngày 03/12/2023', '03/12/2023']);
    expect(readCellNumber(cells[3]!.value)).toMatchObject({ kind: 'number', value: 3000 });
    const xml = book('xlml', [['Tổng số hộ', 120]]);
    expect((await readWorkbookBuffer(xml, 'a.xml')).sheets[0].rows[1]![1]).toMatchObject({ value: 'Tổng số hộ' });
  });
});

describe('limits hold for every format', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [i + 1, 'Tổng số hội viên', 1000]);
  test.each(['xls', 'ods', 'xlsb'] as const)('%s: rows and cells a sheet declares, each on both sides', async (bookType) => {
    const bytes = book(bookType, rows(300));
    expect(await refusal(bytes, `a.${bookType}`, limits({ maxSheetRows: 299 }))).toMatch(/Tệp "a\.\w+" có trang "Biểu 1" với 300 dòng \(giới hạn 299\); không mở/);
    await expect(readWorkbookBuffer(bytes, `a.${bookType}`, limits({ maxSheetRows: 300 }))).resolves.toBeTruthy();
    expect(await refusal(bytes, `a.${bookType}`, limits({ maxSheetCells: 899 }))).toMatch(/900 ô \(giới hạn 899\)/);
    await expect(readWorkbookBuffer(bytes, `a.${bookType}`, limits({ maxSheetCells: 900 }))).resolves.toBeTruthy();
  });

  test.each(['xls', 'ods', 'xlsb'] as const)('%s: sheets, and text longer than a cell can hold', async (bookType) => {
    const three = book(bookType, [['x']], { sheets: 3 });
    expect(await refusal(three, `a.${bookType}`, limits({ maxSheets: 2 }))).toMatch(/có 3 trang tính \(giới hạn 2\)/);
    await expect(readWorkbookBuffer(three, `a.${bookType}`, limits({ maxSheets: 3 }))).resolves.toBeTruthy();
    const long = book(bookType, [['a'.repeat(200)]]);
    expect(await refusal(long, `a.${bookType}`, limits({ maxCellChars: 199 }))).toMatch(/trang "Biểu 1", ô A1: chữ dài 200 ký tự, quá giới hạn 199 ký tự/);
    await expect(readWorkbookBuffer(long, `a.${bookType}`, limits({ maxCellChars: 200 }))).resolves.toBeTruthy();
  });

  test('an .ods whose directory declares more than the unpacked limit is refused before SheetJS runs', async () => {
    const bytes = book('ods', rows(2000));
    expect(await refusal(bytes, 'a.ods', limits({ maxUnpackedBytes: 1000 }))).toMatch(/Tệp "a.ods" khi giải nén sẽ chiếm \d+ MB \(giới hạn 0 MB\)/);
  });
});

describe('what is not a workbook is named, with what to do', () => {
  test.each([
    ['pdf.xlsx', () => new TextEncoder().encode('%PDF-1.7\n...'), /là tệp PDF, không phải sổ tính\. Gửi bảng số liệu dưới dạng tệp Excel \(\.xlsx\)/],
    ['word.xls', () => ole('WordDocument'), /là văn bản Word \(\.doc\), không phải sổ tính/],
    ['word-book.xls', () => ole('WordDocument', 'Book'), /là văn bản Word \(\.doc\), không phải sổ tính/],
    ['slides.xls', () => ole('PowerPoint Document'), /là bản trình chiếu PowerPoint \(\.ppt\), không phải sổ tính/],
    ['office.xls', () => ole('Root Entry'), /là tệp Office cũ nhưng không phải sổ tính Excel\. Mở tệp trong Excel \(hoặc LibreOffice\) và lưu lại dưới dạng Sổ làm việc Excel \(\.xlsx\)/],
    ['locked.xlsx', () => ole('EncryptedPackage'), /có mật khẩu mở tệp\. Mở tệp trong Excel, bỏ mật khẩu/],
    ['broken.xls', () => ole('Workbook'), /Tệp "broken\.xls" là tệp Excel 97–2003 \(\.xls\) nhưng bị hỏng hoặc có phần không đọc được \(.+\)\. Mở tệp trong Excel hoặc LibreOffice và lưu lại dưới dạng Sổ làm việc Excel \(\.xlsx\)/],
    ['text.xlsx', () => new TextEncoder().encode('đây không phải sổ tính'), /không phải sổ tính Excel \(\.xlsx, \.xls\), OpenDocument \(\.ods\) hay Excel nhị phân \(\.xlsb\)/],
    // CSV exports, by comma, semicolon (Excel in a Vietnamese locale) or tab: named, not read.
    ['bao-cao.csv', () => new TextEncoder().encode('STT,Nội dung,Thực hiện\n1,Tổng số hộ,"1.250"\n'), /Tệp "bao-cao\.csv" là tệp văn bản CSV .*không phải sổ tính: không đọc.*lưu lại dưới dạng Sổ làm việc Excel \(\.xlsx\)/],
    ['bao-cao.xls', () => new TextEncoder().encode('\uFEFFSTT;Nội dung;Thực hiện\r\n1;Tổng số hộ;1.250\r\n'), /là tệp văn bản CSV/],
    ['tab.txt', () => new TextEncoder().encode('STT\tNội dung\n1\tTổng số hộ\n'), /là tệp văn bản CSV/],
    ['one-line.csv', () => new TextEncoder().encode('a,b,c'), /không phải sổ tính Excel \(\.xlsx, \.xls\)/],
  ])('%s', async (name, bytes, message) => {
    expect(await refusal(bytes(), name)).toMatch(message);
  });

  test.each([
    ['doc.xlsx', { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }, /là văn bản Word \(\.docx\)/],
    ['text.ods', { mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }, /là tài liệu OpenDocument nhưng không phải bảng tính \(text\)/],
    ['archive.xlsx', { 'bao-cao/a.xlsx': 'x' }, /là tệp nén \(\.zip\) nhưng không phải sổ tính Excel hay OpenDocument\. Giải nén và chọn tệp báo cáo bên trong/],
  ])('%s', async (name, files, message) => {
    expect(await refusal(await zipOf(files), name)).toMatch(message);
  });
});

test('.ods hidden rows, columns and sheets, which SheetJS does not give, are read from content.xml', async () => {
  const row = (attrs = '') => `<table:table-row${attrs}><table:table-cell/></table:table-row>`;
  // The table styles as LibreOffice 7.4 writes them for a shown and a hidden sheet.
  const styles =
    '<office:automatic-styles><style:style style:name="ta1" style:family="table" style:master-page-name="PageStyle_5f_Bieu"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>' +
    '<style:style style:name="ta2" style:family="table" style:master-page-name="PageStyle_5f_Nhap"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style></office:automatic-styles>';
  const content =
    '<office:document-content>' + styles + '<office:body><office:spreadsheet>' +
    '<table:table table:name="A &amp; B" table:style-name="ta1"><table:table-column/><table:table-column table:visibility="collapse" table:number-columns-repeated="2"/>' +
    row() + row(' table:visibility="collapse" table:number-rows-repeated="2"') + row() + row(' table:visibility="filter"') +
    '</table:table><table:table table:name="Khác" table:style-name="ta2">' + row(' table:number-rows-repeated="3"') + row(' table:visibility="collapse" table:number-rows-repeated="1000000"') +
    '</table:table></office:spreadsheet></office:body></office:document-content>';
  const bytes = await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': content });
  expect(await odsHidden(bytes, 6)).toEqual(
    new Map([
      ['A & B', { rows: [2, 3, 5], cols: [2, 3], sheet: false }],
      ['Khác', { rows: [4, 5, 6], cols: [], sheet: true }],
    ]),
  );
});

describe('damaged files of these formats end in a message, never a crash', () => {
  // Seeded byte flips and cuts, so a failure repeats: each read resolves or is a ReadError.
  const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  test.each(['xls', 'ods', 'xlsb'] as const)('%s: 150 damaged copies', async (bookType) => {
    const good = book(bookType, [['Tổng số hội viên', 120, { t: 'n', v: 45280, z: 'dd/mm/yyyy' }], ['Kết nạp', 7]]);
    const rnd = seeded(bookType.length * 7919);
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 150; i++) {
      const bytes = Uint8Array.from(good.subarray(0, rnd() < 0.2 ? Math.floor(rnd() * good.length) : good.length));
      for (let k = 0; k < 1 + Math.floor(rnd() * 8); k++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      const r = await readWorkbookBuffer(bytes, `hong.${bookType}`).then(
        () => 'read' as const,
        (e) => {
          expect(e).toBeInstanceOf(ReadError);
          expect((e as ReadError).message).toMatch(/^Tệp "hong\./);
          return 'refused' as const;
        },
      );
      outcomes[r]++;
    }
    expect(outcomes.read + outcomes.refused).toBe(150);
  });
});
