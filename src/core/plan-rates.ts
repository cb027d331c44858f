// "Tỷ lệ": each rate per unit and for the area as a live formula over "Tổng hợp", so a corrected
// figure there updates the rate; then each unit's achievement (the share of the targets and plans
// it was held to that it met), with a bar chart where the host can draw one.
import { toExcelFormula } from './expressions';
import { Finding } from './findings';
import { cellAddress, columnLetter } from './model';
import { PlannedCell, PlannedSheet, SEVERITY_FILL } from './plan';
import { SHEET_NAMES, STATUS_TEXT, cellKey, decorate, header, num, quoteSheet, text } from './plan-cells';
import { FIRST_FIGURE_COL, RollupLayout } from './plan-rollup';
import { Indicator } from './rules';
import { CheckResult } from './session';

export function planRates(result: CheckResult, rollup: RollupLayout, marks: Map<string, Finding[]>): PlannedSheet {
  const rates = result.rules.indicators.filter((i) => i.formula);
  const sheet: PlannedSheet = { name: SHEET_NAMES.rates, cells: [], merges: [], widths: [6, 28], frozenRows: 4, frozenCols: 2 };
  sheet.cells.push({ row: 1, col: 1, value: text(`TỶ LỆ – ${result.period.label.toLocaleUpperCase('vi')}`), bold: true });
  const formulaFor = rateFormula(result, rollup);
  const achieved = 3 + rates.length;
  rateHeads(sheet, rates, achieved);
  let rr = 5;
  const rateRow = (unit: string, label: string, sourceRow: number, bold: boolean, stt: number | null) => {
    if (stt !== null) sheet.cells.push({ row: rr, col: 1, value: num(stt) });
    sheet.cells.push({ row: rr, col: 2, value: text(label), bold });
    rates.forEach((ind, i) => {
      const basis = unit === '*' ? result.rollup.rateBasis.get(ind.code) : undefined;
      const note = basis ? `Tính trên ${basis.units}/${basis.of} đơn vị có đủ số liệu của mọi thành phần, để tử số và mẫu số cùng các đơn vị.` : undefined;
      const cell: PlannedCell = { row: rr, col: 3 + i, value: { formula: formulaFor(ind, sourceRow) }, numFmt: '0.00%', bold, ...(note ? { note } : {}) };
      sheet.cells.push(decorate(cell, marks.get(cellKey(unit, ind.code))));
    });
    rr++;
  };
  const summaries = new Map(result.units.map((u) => [u.unit, u]));
  const firstRateRow = rr;
  rollup.counted.forEach((r, i) => {
    if (r.report) {
      if (r.targets.checked > 0) sheet.cells.push({ row: rr, col: achieved, value: num(r.targets.met / r.targets.checked), numFmt: '0%', note: `${r.targets.met}/${r.targets.checked} chỉ tiêu và kế hoạch đạt` });
      rateRow(r.unit, r.unit, rollup.rowOf.get(r.unit)!, false, i + 1);
    } else {
      sheet.cells.push({ row: rr, col: 1, value: num(i + 1) }, { row: rr, col: 2, value: text(r.unit) }, { row: rr, col: 3, value: text(STATUS_TEXT[summaries.get(r.unit)?.status ?? 'missing'](0, 0)), fill: SEVERITY_FILL.error });
      rr++;
    }
  });
  const lastRateRow = rr - 1;
  rateRow('*', 'Toàn địa bàn', rollup.rowOf.get('*')!, true, null);
  if (lastRateRow >= firstRateRow) {
    const A = columnLetter(achieved);
    sheet.charts = [
      {
        title: 'Tỷ lệ chỉ tiêu đạt của từng đơn vị',
        categories: `B${firstRateRow}:B${lastRateRow}`,
        series: [{ name: 'Chỉ tiêu đạt', values: `${A}${firstRateRow}:${A}${lastRateRow}` }],
        anchor: `${columnLetter(achieved + 2)}3`,
      },
    ];
  }
  return sheet;
}

/**
 * Three header rows, as "Tổng hợp" has: each section over its rates (several associations have
 * a rate of the same name, told apart only by the section), the rates' names, their codes.
 * The figures start on row 5 whatever the sections.
 */
function rateHeads(sheet: PlannedSheet, rates: Indicator[], achieved: number) {
  sheet.cells.push(header(2, 1, 'STT'), header(2, 2, 'Đơn vị'));
  for (const c of [1, 2]) sheet.merges.push({ top: 2, left: c, bottom: 4, right: c });
  let groupStart = 3;
  rates.forEach((ind, i) => {
    const col = 3 + i;
    sheet.cells.push(header(3, col, ind.name), header(4, col, ind.code, { bold: false }));
    sheet.widths[col - 1] = 16;
    if (rates[i + 1]?.section === ind.section) return;
    sheet.cells.push(header(2, groupStart, ind.section || 'Tỷ lệ'));
    if (col > groupStart) sheet.merges.push({ top: 2, left: groupStart, bottom: 2, right: col });
    groupStart = col + 1;
  });
  sheet.cells.push(header(2, achieved, 'Chỉ tiêu đạt (của đơn vị)'), header(4, achieved, 'đạt / được giao', { bold: false }));
  sheet.merges.push({ top: 2, left: achieved, bottom: 3, right: achieved });
  sheet.widths[achieved - 1] = 16;
}

/**
 * A rate's formula over a row of "Tổng hợp", its parts' own formulas written out. The area's rate
 * over parts some unit did not give is taken over the units that gave them all, as the engine
 * computes it (rollup.ts): each part is a SUMPRODUCT over the unit rows where every part is a number.
 */
function rateFormula(result: CheckResult, rollup: RollupLayout): (ind: Indicator, sheetRow: number) => string {
  const colOfCode = new Map(rollup.columns.map((ind, i) => [ind.code, FIRST_FIGURE_COL + i]));
  const byCode = result.rules.byCode;
  const unitRows = rollup.counted.map((r) => rollup.rowOf.get(r.unit)).filter((r): r is number => r !== undefined);
  const [first, last] = [Math.min(...unitRows), Math.max(...unitRows)];
  const column = (code: string) => `${quoteSheet(SHEET_NAMES.rollup)}!${cellAddress(first, colOfCode.get(code)!)}:${cellAddress(last, colOfCode.get(code)!)}`;
  return (ind, sheetRow) => {
    const basis = sheetRow === rollup.rowOf.get('*') && unitRows.length > 0 ? result.rollup.rateBasis.get(ind.code) : undefined;
    const filter = basis ? [...basis.parts.keys()].map((c) => `--ISNUMBER(${column(c)})`).join(',') : '';
    const ref = (code: string): string => {
      const sub = byCode.get(code);
      if (sub?.formula) return `(${toExcelFormula(sub.formula, ref)})`;
      if (basis) return `SUMPRODUCT(${filter},${column(code)})`;
      return `${quoteSheet(SHEET_NAMES.rollup)}!${cellAddress(sheetRow, colOfCode.get(code)!)}`;
    };
    return `IFERROR(${toExcelFormula(ind.formula!, ref)},"")`;
  };
}
