// The lean .xlsx reader (src/files/xlsx.ts) against the ExcelJS reading it replaced
// (test/helpers/exceljsReader.ts): the same model for every .xlsx in the project, for generated
// corpus sets and for workbooks built here with ExcelJS; and files ExcelJS refused or misread
// (rows and cells without addresses, Strict namespaces, ISO dates), built by hand, read right.
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { Cell, WorkbookModel, parseAddress } from '../../src/core/model';
import { ReadError, readWorkbookBuffer } from '../../src/files/read';
import { cellAddressOf, slideFormula } from '../../src/files/xlsx';
import { generateSet } from '../corpus/generate';
import { readWithExcelJS } from '../helpers/exceljsReader';

const ROOT = path.resolve(__dirname, '..', '..');

async function xlsxFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await xlsxFiles(full)));
    else if (/\.xls[xm]$/i.test(e.name)) out.push(full);
  }
  return out;
}

/** Files ExcelJS fails on that Excel opens: a sample saved by openpyxl with a cell note ("reading 'comments'"). */
const EXCELJS_FAILS = new Set(['yen-binh-openpyxl-note.xlsx']);

/** Both readers on one file: the same model, or both refuse it, or only ExcelJS does (the files above). */
async function compare(bytes: Uint8Array, name: string): Promise<'same' | 'both refused' | 'read where ExcelJS failed'> {
  const old = await readWithExcelJS(bytes, name).then(
    (m) => m,
    () => null,
  );
  const lean = await readWorkbookBuffer(bytes, name).then(
    (m) => m,
    (e) => e as Error,
  );
  if (EXCELJS_FAILS.has(name)) {
    expect(old).toBeNull();
    expect(lean).not.toBeInstanceOf(Error);
    return 'read where ExcelJS failed';
  }
  if (old === null || old.sheets.every((s) => s.rows.length === 0)) {
    expect(lean).toBeInstanceOf(ReadError);
    return 'both refused';
  }
  expect(lean).not.toBeInstanceOf(Error);
  expect({ name, model: plain(lean as WorkbookModel) }).toStrictEqual({ name, model: plain(old) });
  return 'same';
}

/**
 * Holes and explicit undefined alike, so the comparison is of content only. Number formats are
 * compared without their backslashes: the lean reader keeps them (they quote a letter that would
 * otherwise be a date part), ExcelJS dropped them. An empty text is a blank in both (ExcelJS kept
 * some and dropped others, by how the file wrote them; the lean reader drops them all).
 */
function plain(m: WorkbookModel): unknown {
  const cell = (c: Cell) => (c.numFmt ? { ...c, numFmt: c.numFmt.replace(/\\(.)/g, '$1') } : c);
  return m.sheets.map((s) => ({
    ...s,
    rows: Object.fromEntries(
      s.rows.flatMap((r, i) => (r && r.some(Boolean) ? [[i, Object.fromEntries(r.flatMap((c, j) => (c && !(c.value === '' && c.formula === undefined) ? [[j, cell(c)]] : [])))]] : [])),
    ),
  }));
}

describe('the same model as ExcelJS gave', () => {
  test('every .xlsx in the project (samples, foreign sets, fixtures)', async () => {
    const files = [...(await xlsxFiles(path.join(ROOT, 'examples'))), ...(await xlsxFiles(path.join(ROOT, 'test', 'fixtures')))];
    expect(files.length).toBeGreaterThanOrEqual(90);
    const outcomes: Record<string, number> = {};
    for (const f of files) {
      const o = await compare(new Uint8Array(await fs.readFile(f)), path.basename(f));
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }
    // The foreign sets hold 13 files that are no workbook on purpose (truncated, zero bytes, lock
    // and macOS companion files); every other file gives the same model.
    expect(outcomes).toStrictEqual({ same: files.length - 14, 'both refused': 13, 'read where ExcelJS failed': 1 });
  });

  test('generated corpus sets', async () => {
    let n = 0;
    for (const seed of [1, 2, 3, 4]) {
      const set = await generateSet(seed);
      await compare(set.rules, 'rules.xlsx');
      for (const f of set.files) if (f.bytes) n += (await compare(f.bytes, f.name)) === 'same' ? 1 : 0;
    }
    expect(n).toBeGreaterThan(20);
  });

  test('styles, rich text, fonts, dates in both systems, shared formulas, merges, hidden rows and columns, hyperlinks', async () => {
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Biểu 1');
      ws.getCell('A1').value = { richText: [{ text: 'Ti', font: { name: '.VnTime' } }, { text: 'Õu ®Ò' }] };
      ws.getCell('A2').value = 'Tổng số';
      ws.getCell('A2').font = { name: 'Times New Roman', bold: true };
      ws.getCell('B2').value = 0.996;
      ws.getCell('B2').numFmt = '0.0%';
      ws.getCell('C2').value = new Date(Date.UTC(2023, 5, 14));
      ws.getCell('C2').numFmt = '"Hòa Lạc, ngày "dd" tháng "mm" năm "yyyy';
      ws.getCell('D2').value = new Date(Date.UTC(2022, 11, 31, 12));
      ws.getCell('D2').numFmt = 'dd/mm/yyyy';
      ws.getCell('E2').value = { formula: 'B2*2', result: 1.992 };
      ws.getCell('E3').value = { sharedFormula: 'E2', result: 4 } as ExcelJS.CellValue;
      ws.getCell('E4').value = { sharedFormula: 'E2', result: 6 } as ExcelJS.CellValue;
      ws.getCell('F2').value = { formula: 'A2&"x"', result: 'Tổng sốx' };
      ws.getCell('F3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
      ws.getCell('F4').value = true;
      ws.getCell('F5').value = { error: '#N/A' };
      ws.getCell('F6').value = { formula: 'TODAY()', result: new Date(Date.UTC(2024, 0, 2)) } as ExcelJS.CellValue;
      ws.getCell('F6').numFmt = 'd-mmm-yy';
      ws.getCell('F7').value = { formula: 'NOW()' } as ExcelJS.CellValue;
      ws.getCell('G2').value = { text: 'xem', hyperlink: 'https://example.org' };
      ws.getCell('G3').value = 'a & b < c "d" _x000D_';
      ws.getCell('H2').value = 1250;
      ws.getCell('H2').numFmt = '#,##0';
      ws.getCell('A6').value = 'gộp';
      ws.getCell('B6').value = 'ẩn dưới ô gộp';
      ws.mergeCells('A6:C7');
      ws.getCell('A9').value = 'dòng ẩn';
      ws.getRow(9).hidden = true;
      ws.getRow(10).hidden = true;
      ws.getColumn(4).hidden = true;
      ws.getColumn(9).hidden = true;
      const ws2 = wb.addWorksheet('__proto__');
      ws2.getCell('B3').value = 5;
      ws2.getCell('B3').style = { font: { name: 'VNI-Times' }, numFmt: '0.00' };
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      expect(await compare(bytes, `built-${date1904}.xlsx`)).toBe('same');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Files ExcelJS could not read

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

function handMade(opts: { sheet: string; workbookPr?: string; strict?: boolean; strings?: string; styles?: string }): Uint8Array {
  const rel = opts.strict ? STRICT_REL : REL;
  const main = opts.strict ? 'http://purl.oclc.org/ooxml/spreadsheetml/main' : 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><x:workbook xmlns:x="${main}" xmlns:r="${rel}">${opts.workbookPr ?? ''}<x:sheets><x:sheet name="Biểu &amp; 1" sheetId="7" r:id="rId1"/></x:sheets></x:workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="strings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/worksheets/data.xml': strToU8(`<?xml version="1.0"?><x:worksheet xmlns:x="${main}" xmlns:r="${rel}">${opts.sheet}</x:worksheet>`),
    'xl/strings.xml': strToU8(`<?xml version="1.0"?><x:sst xmlns:x="${main}">${opts.strings ?? ''}</x:sst>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0"?><x:styleSheet xmlns:x="${main}">${opts.styles ?? ''}</x:styleSheet>`),
  };
  return zipSync(files);
}

const STYLES =
  '<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts>' +
  '<x:fonts count="2"><x:font><x:name val="Calibri"/></x:font><x:font><x:name val=".VnTime"/></x:font></x:fonts>' +
  '<x:cellXfs count="4"><x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="164" fontId="0"/><x:xf numFmtId="10" fontId="1"/><x:xf numFmtId="0" fontId="1"/></x:cellXfs>';

describe('files ExcelJS refused or misread', () => {
  test('rows and cells without addresses, in a Strict workbook with prefixed elements, 1904 dates', async () => {
    const sheet =
      '<x:cols><x:col min="2" max="3" hidden="1"/></x:cols><x:sheetData>' +
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s" s="3"><x:v>1</x:v></x:c></x:row>' +
      '<x:row hidden="1"><x:c><x:v>12</x:v></x:c><x:c s="2"><x:v>0.5</x:v></x:c><x:c t="str"><x:f>A2&amp;"x"</x:f><x:v>12x</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> chữ  </x:t></x:is></x:c><x:c r="D5" s="1"><x:v>0</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
      '<x:row><x:c t="d"><x:v>2023-06-14T00:00:00</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="A5:B5"/></x:mergeCells>';
    const strings = '<x:si><x:t>Tiêu đề</x:t></x:si><x:si><x:r><x:rPr><x:rFont val="VNI-Times"/></x:rPr><x:t>Tæng</x:t></x:r><x:r><x:t> sè</x:t></x:r></x:si>';
    const bytes = handMade({ sheet, strict: true, strings, styles: STYLES, workbookPr: '<x:workbookPr date1904="1"/>' });
    // ExcelJS could not open it at all.
    await expect(readWithExcelJS(bytes, 'a.xlsx')).rejects.toThrow();
    const m = await readWorkbookBuffer(bytes, 'a.xlsx');
    expect(m.sheets).toHaveLength(1);
    const s = m.sheets[0];
    expect(s.name).toBe('Biểu & 1');
    expect(s.rows[1]![1]).toStrictEqual({ value: 'Tiêu đề' });
    expect(s.rows[1]![2]).toStrictEqual({ value: 'Tæng sè', font: '.VnTime' });
    expect(s.rows[2]![1]).toStrictEqual({ value: 12 });
    expect(s.rows[2]![2]).toStrictEqual({ value: 0.5, numFmt: '0.00%', font: '.VnTime' });
    expect(s.rows[2]![3]).toStrictEqual({ value: '12x', formula: 'A2&"x"' });
    expect(s.rows[3]).toBeUndefined();
    expect(s.rows[5]![1]).toStrictEqual({ value: ' chữ  ' });
    expect(s.rows[5]![2]).toBeUndefined(); // no cell there, and merged anyway
    // 0 in the 1904 system is 1 January 1904.
    expect(s.rows[5]![4]).toStrictEqual({ value: new Date(Date.UTC(1904, 0, 1)), numFmt: 'dd/mm/yyyy', font: 'Calibri' });
    expect(s.rows[5]![5]).toStrictEqual({ value: { error: '#N/A' } });
    expect(s.rows[5]![6]).toStrictEqual({ value: true });
    expect(s.rows[6]![1]).toStrictEqual({ value: new Date(Date.UTC(2023, 5, 14)) });
    expect(s.merges).toStrictEqual([{ top: 5, left: 1, bottom: 5, right: 2 }]);
    expect(s.hiddenRows).toStrictEqual([2]);
    expect(s.hiddenCols).toStrictEqual([2, 3]);
  });

  test('a cut-off sheet is refused as broken, not read in part', async () => {
    const whole = handMade({ sheet: '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>' });
    expect((await readWorkbookBuffer(whole, 'a.xlsx')).sheets[0].rows[1]![1]).toStrictEqual({ value: 1 });
    // The sheet's XML ends before </worksheet>.
    const broken = zipSync({
      '_rels/.rels': strToU8(`<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8(`<workbook><sheets><sheet name="S" sheetId="1" r:id="a"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(`<Relationships><Relationship Id="a" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'),
    });
    expect(((await readWorkbookBuffer(broken, 'b.xlsx').catch((e: Error) => e)) as Error).message).toMatch(/Tệp "b.xlsx" bị hỏng/);
  });
});

test('a shared formula moves its relative references, not the anchored ones nor functions or text', () => {
  expect(slideFormula('SUM(E2:E5)+$B$1*B2+Sheet2!C3&"A1"', 2, 1)).toBe('SUM(F4:F7)+$B$1*C4+Sheet2!D5&"A1"');
  expect(slideFormula('LOG10(A1)+$A1+A$1', 1, 1)).toBe('LOG10(B2)+$A2+B$1');
});

test('a figure whose format spells its unit with escaped letters stays a number (not a date)', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.getCell('A1').value = 1250;
  ws.getCell('A1').numFmt = '#,##0\\ \\h\\ộ';
  ws.getCell('A2').value = 45280;
  ws.getCell('A2').numFmt = 'dd/mm/yyyy';
  const model = await readWorkbookBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), 'don-vi.xlsx');
  expect(model.sheets[0].rows[1]![1]!.value).toBe(1250);
  expect(model.sheets[0].rows[2]![1]!.value).toEqual(new Date(Date.UTC(2023, 11, 20)));
});

test("a cell's address read character by character agrees with the general parser", () => {
  const refs = ['A1', 'E12', 'XFD1048576', 'AA10', 'Z9999999', 'A0', 'A01', 'ABCD1', 'A12345678', '$E$12', 'e12', ' E12', 'E', '12', '', 'E1x', 'É1', 'A1:B2'];
  for (let n = 1; n <= 18_278; n += 37) refs.push(`${columnLetters(n)}${n}`);
  for (const ref of refs) expect([ref, cellAddressOf(ref)]).toEqual([ref, parseAddress(ref)]);
  expect(cellAddressOf('XFD1048576')).toEqual({ row: 1048576, col: 16384 });
});

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
