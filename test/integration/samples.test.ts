// The bundled samples check exactly as the samples' expected.json says: every error and warning
// and every "exceeded", no other errors or warnings, and the same area totals and ratios. The
// same reports saved with their formulas but without the formulas' results (as script libraries
// save them) check the same: the totals and rates are computed again.
import path from 'path';
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { CheckSession, readRules } from '../../src/core';
import { computeMissingResults } from '../../src/core/formulas';
import { readWorkbookBuffer } from '../../src/files/read';
import { EXAMPLES, describeSampleSet, sampleReports } from '../helpers/samples';

describeSampleSet('the bundled samples', async () => Promise.all((await sampleReports()).map((f) => readWorkbookBuffer(f.bytes, f.name))));

/** The workbook saved again with every formula's result dropped. */
async function withoutResults(bytes: Uint8Array): Promise<{ bytes: Uint8Array; formulas: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let formulas = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type !== ExcelJS.ValueType.Formula) return;
        c.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
        formulas++;
      }),
    ),
  );
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), formulas };
}

describe('saved without formula results', () => {
  test('the stripped files really hold formulas without results, among them the total =E12+E13', async () => {
    const reports = await sampleReports();
    const stripped = await Promise.all(reports.map((f) => withoutResults(f.bytes)));
    expect(stripped.reduce((n, s) => n + s.formulas, 0)).toBeGreaterThanOrEqual(18);
    const dongTam = stripped[reports.findIndex((f) => f.name === 'DongTam_BC_2023.xlsx')];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dongTam.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('E11').value).toEqual({ formula: 'E12+E13' });
    const model = await readWorkbookBuffer(dongTam.bytes, 'DongTam_BC_2023.xlsx');
    expect(model.sheets[0].rows[11]![5]).toMatchObject({ value: null, formula: 'E12+E13' });
  });
});

describeSampleSet('the samples saved without formula results', async () =>
  Promise.all((await sampleReports()).map(async (f) => readWorkbookBuffer((await withoutResults(f.bytes)).bytes, f.name))),
);

test('a formula without a result that cannot be computed is a missing value that says how to fix the file', async () => {
  const reports = await sampleReports();
  const dongTam = reports.find((f) => f.name === 'DongTam_BC_2023.xlsx')!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(dongTam.bytes as unknown as ArrayBuffer);
  wb.worksheets[0].getCell('E11').value = { formula: 'VLOOKUP(B12,B12:E13,4,0)+E13' } as ExcelJS.CellFormulaValue;
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const rulesModel = await readWorkbookBuffer(await fs.readFile(path.join(EXAMPLES, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx');
  const session = new CheckSession(readRules(rulesModel).rules);
  session.addWorkbook(await readWorkbookBuffer(bytes, 'DongTam_BC_2023.xlsx'));
  const found = session.finish().findings.filter((f) => f.kind === 'missing-value' && f.indicator === null);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ unit: 'Phường Đồng Tâm', file: 'DongTam_BC_2023.xlsx', sheet: 'Biểu 01', cell: 'E11', severity: 'warning' });
  expect(found[0].message).toBe(
    'Tệp "DongTam_BC_2023.xlsx", trang "Biểu 01": tệp có công thức chưa có kết quả lưu sẵn (thường do tệp được lưu bằng phần mềm khác Excel) và công thức này không tự tính được, nên ô để trống. Mở tệp trong Excel rồi lưu lại (Excel tính lại công thức khi lưu) và kiểm tra lần nữa (ô E11).',
  );
});

test('a shared formula saved without results is computed from each cell\'s own formula', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 1;
  ws.getCell('A2').value = 2;
  ws.getCell('B1').value = { formula: 'A1*2', shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
  ws.getCell('B2').value = { sharedFormula: 'B1' } as ExcelJS.CellSharedFormulaValue;
  const model = await readWorkbookBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'a.xlsx');
  expect(model.sheets[0].rows[2]![2]).toMatchObject({ value: null, formula: 'A2*2' });
  const { workbook, uncomputed } = computeMissingResults(model);
  expect(uncomputed).toEqual([]);
  expect([workbook.sheets[0].rows[1]![2]!.value, workbook.sheets[0].rows[2]![2]!.value]).toEqual([2, 4]);
});
