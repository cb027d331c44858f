// A report's date line typed as a real date cell reads like its text form, in the 1900 and the
// 1904 date systems: of two copies of a report, the newer one is used, and the date shows.
import path from 'path';
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { CheckSession, readRules } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { EXAMPLES } from '../helpers/samples';

// 20/12/2023 as a serial number, worked out by hand: 45,280 days after 30/12/1899 in the 1900
// system; 1,462 fewer in the 1904 system, which counts from 01/01/1904.
const SERIAL_1900 = 45280;
const SERIAL_1904 = 45280 - 1462;

/** ThanhSon.xlsx with its date line (D2, "Thanh Sơn, ngày 12 tháng 12 năm 2023") made a date cell. */
async function withDateCell(serial: number, numFmt: string, date1904: boolean, unitLine?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(path.join(EXAMPLES, 'bao-cao', 'ThanhSon.xlsx'))) as unknown as ArrayBuffer);
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.worksheets[0];
  expect(String(ws.getCell('D2').value)).toBe('Thanh Sơn, ngày 12 tháng 12 năm 2023');
  ws.getCell('D2').value = serial;
  ws.getCell('D2').numFmt = numFmt;
  if (unitLine !== undefined) ws.getCell('A2').value = unitLine;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function check(files: Array<{ name: string; bytes: Uint8Array }>) {
  const rules = readRules(await readWorkbookBuffer(await fs.readFile(path.join(EXAMPLES, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx')).rules;
  const session = new CheckSession(rules);
  for (const f of files) session.addWorkbook(await readWorkbookBuffer(f.bytes, f.name));
  return session.finish();
}

describe.each([
  ['1900, custom format', SERIAL_1900, '"Thanh Sơn, ngày "dd" tháng "mm" năm "yyyy', false],
  ['1904, custom format', SERIAL_1904, '"Thanh Sơn, ngày "dd" tháng "mm" năm "yyyy', true],
  ['1900, dd/mm/yyyy', SERIAL_1900, 'dd/mm/yyyy', false],
  ['1904, dd/mm/yyyy', SERIAL_1904, 'dd/mm/yyyy', true],
  // English Excel's short date shows "12/20/2023"; read day first, it was no date (or another one).
  ['1900, m/d/yyyy', SERIAL_1900, 'm/d/yyyy', false],
  ['1904, mm/dd/yyyy', SERIAL_1904, 'mm/dd/yyyy', true],
])('a date cell, %s', (_, serial, numFmt, date1904) => {
  test('the reader gives the date; the newer of two copies is used, whatever their names', async () => {
    const dated = await withDateCell(serial, numFmt, date1904);
    const model = await readWorkbookBuffer(dated, 'a.xlsx');
    expect(model.sheets[0].rows[2]![4]!.value).toEqual(new Date(Date.UTC(2023, 11, 20)));
    const original = new Uint8Array(await fs.readFile(path.join(EXAMPLES, 'bao-cao', 'ThanhSon.xlsx')));
    // The date cell's copy sorts first by name: were its date ignored, the other would be used.
    const result = await check([
      { name: 'A-ThanhSon.xlsx', bytes: dated },
      { name: 'ThanhSon.xlsx', bytes: original },
    ]);
    const dup = result.findings.filter((f) => f.kind === 'duplicate-unit');
    expect(dup).toHaveLength(1);
    expect(dup[0].unit).toBe('Xã Thanh Sơn');
    expect(dup[0].message).toContain('"A-ThanhSon.xlsx" (trang "Biểu 01", ngày 20/12/2023)');
    expect(dup[0].message).toContain('"ThanhSon.xlsx" (trang "Biểu 01", ngày 12/12/2023)');
    expect(dup[0].message).toMatch(/Dùng "A-ThanhSon\.xlsx" .* có ngày báo cáo muộn nhất/);
  });
});

test('the unit named only in a date cell\'s format is read from the text it shows', async () => {
  // "ĐẢNG ỦY XÃ THANH SƠN" made "ĐẢNG ỦY": the date line's format is all that names the unit.
  const dated = await withDateCell(SERIAL_1900, '"Thanh Sơn, ngày "dd" tháng "mm" năm "yyyy', false, 'ĐẢNG ỦY');
  const result = await check([{ name: 'bao-cao.xlsx', bytes: dated }]);
  const row = result.rows.find((r) => r.unit === 'Xã Thanh Sơn')!;
  expect(row.report?.file).toBe('bao-cao.xlsx');
  expect(row.report?.date).toEqual({ year: 2023, month: 12, day: 20 });
});

test('a date cell showing only month and year ("12/2022") gives the report no day, and no date', async () => {
  // 12/12/2022 as a serial: 365 + 8 days before 20/12/2023 (2023 is not a leap year).
  const dated = await withDateCell(SERIAL_1900 - 373, 'mm/yyyy', false);
  const result = await check([{ name: 'ThanhSon.xlsx', bytes: dated }]);
  const row = result.rows.find((r) => r.unit === 'Xã Thanh Sơn')!;
  expect(row.report?.date).toBeNull();
  expect(result.findings.filter((f) => f.kind === 'other-period')).toEqual([]);
});
