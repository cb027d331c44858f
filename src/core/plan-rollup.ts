// "Tổng hợp": one row per roster unit in roster order, one column per indicator grouped under
// its section, a status column, and a "Tổng cộng" row of SUM formulas; reports that name no
// roster unit below, outside the sums.
import { Finding } from './findings';
import { columnLetter } from './model';
import { PlannedCell, PlannedSheet, SEVERITY_FILL } from './plan';
import { planLastYearRows } from './plan-last-year';
import { SHEET_NAMES, STATUS_TEXT, cellKey, decorate, header, num, text } from './plan-cells';
import { Indicator } from './rules';
import { CheckResult, UnitRow } from './session';
import { areaVerdict } from './verdict';

/** First indicator column (D). */
export const FIRST_FIGURE_COL = 4;

export interface RollupLayout {
  sheet: PlannedSheet;
  /** Indicators with a column, in column order. */
  columns: Indicator[];
  /** Each unit's row; "*" the total row. */
  rowOf: Map<string, number>;
  /** The units in the sums (roster units, or every unit without a roster). */
  counted: UnitRow[];
}

export function planRollup(result: CheckResult, marks: Map<string, Finding[]>): RollupLayout {
  const columns = result.rules.indicators.filter((i) => !i.formula);
  const sheet: PlannedSheet = { name: SHEET_NAMES.rollup, cells: [], merges: [], widths: [6, 28, 22], frozenRows: 6, frozenCols: 2 };
  headRows(result, sheet, columns);
  const summaries = new Map(result.units.map((u) => [u.unit, u]));
  const rowOf = new Map<string, number>();
  // Units the roster does not know stand below the total; without a roster every unit counts.
  const hasRoster = result.rows.some((x) => x.roster);
  const counted = result.rows.filter((r) => r.roster || !hasRoster);
  const others = result.rows.filter((r) => hasRoster && !r.roster);
  let row = 7;
  const unitRow = (r: UnitRow, stt: number) => {
    rowOf.set(r.unit, row);
    const s = summaries.get(r.unit);
    const status = STATUS_TEXT[s?.status ?? 'missing'](s?.errors ?? 0, s?.warnings ?? 0);
    sheet.cells.push({ row, col: 1, value: num(stt) }, { row, col: 2, value: text(r.unit) });
    sheet.cells.push({ row, col: 3, value: text(status), ...(r.report ? {} : { fill: SEVERITY_FILL.error }) });
    if (r.report) columns.forEach((ind, i) => sheet.cells.push(decorate(figureCell(r, ind, row, FIRST_FIGURE_COL + i), marks.get(cellKey(r.unit, ind.code)))));
    row++;
  };
  counted.forEach((r, i) => unitRow(r, i + 1));
  const totalRow = row;
  totalRowCells(result, sheet, columns, marks, { first: 7, last: totalRow - 1, total: totalRow, counted: counted.length });
  rowOf.set('*', totalRow);
  row = totalRow + 2 + planLastYearRows(result.lastYear, sheet, columns, totalRow + 1, FIRST_FIGURE_COL);
  if (others.length) {
    sheet.cells.push({ row, col: 2, value: text('Báo cáo không khớp danh sách đơn vị (không cộng vào tổng):'), bold: true });
    row++;
    others.forEach((r, i) => unitRow(r, i + 1));
  }
  const lastCol = FIRST_FIGURE_COL + columns.length - 1;
  if (lastCol >= FIRST_FIGURE_COL) sheet.merges.push({ top: 1, left: 1, bottom: 1, right: Math.min(lastCol, 12) });
  return { sheet, columns, rowOf, counted };
}

/** Title, and three header rows: sections over their columns, names with units, codes. */
function headRows(result: CheckResult, sheet: PlannedSheet, columns: Indicator[]) {
  sheet.cells.push({ row: 1, col: 1, value: text(`TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU – ${result.period.label.toLocaleUpperCase('vi')}`), bold: true });
  if (result.rules.title) sheet.cells.push({ row: 2, col: 1, value: text(`Theo: ${result.rules.title}`) });
  sheet.cells.push(header(4, 1, 'STT'), header(4, 2, 'Đơn vị'), header(4, 3, 'Tình trạng'));
  for (const c of [1, 2, 3]) sheet.merges.push({ top: 4, left: c, bottom: 6, right: c });
  let groupStart = FIRST_FIGURE_COL;
  columns.forEach((ind, i) => {
    const col = FIRST_FIGURE_COL + i;
    sheet.cells.push(header(5, col, ind.unitOfMeasure ? `${ind.name} (${ind.unitOfMeasure})` : ind.name), header(6, col, ind.code, { bold: false }));
    sheet.widths[col - 1] = 14;
    const next = columns[i + 1];
    if (!next || next.section !== ind.section) {
      sheet.cells.push(header(4, groupStart, ind.section || 'Chỉ tiêu'));
      if (col > groupStart) sheet.merges.push({ top: 4, left: groupStart, bottom: 4, right: col });
      groupStart = col + 1;
    }
  });
}

function figureCell(r: UnitRow, ind: Indicator, row: number, col: number): PlannedCell {
  const f = r.figures.get(ind.code);
  const cell: PlannedCell = { row, col, value: { empty: true }, numFmt: ind.rate ? '0.00%' : '#,##0' };
  if (f?.status === 'ok') cell.value = num(f.value);
  else if (f?.status === 'invalid') cell.value = text(f.text);
  else if (f?.status === 'not-applicable') cell.value = text('x');
  return cell;
}

/** "Tổng cộng": how many units were read, and a SUM per count indicator that says when it lacks a unit's figure. */
function totalRowCells(result: CheckResult, sheet: PlannedSheet, columns: Indicator[], marks: Map<string, Finding[]>, at: { first: number; last: number; total: number; counted: number }) {
  const verdict = areaVerdict(result);
  sheet.cells.push({ row: at.total, col: 2, value: text('Tổng cộng'), bold: true });
  sheet.cells.push({ row: at.total, col: 3, value: text(`${result.coverage.read}/${at.counted} đơn vị đọc được`), bold: true, ...(verdict.status === 'met' || verdict.status === 'short' ? {} : { note: verdict.text }) });
  columns.forEach((ind, i) => {
    if (ind.rate) return;
    const col = FIRST_FIGURE_COL + i;
    const L = columnLetter(col);
    const cell: PlannedCell = { row: at.total, col, value: at.last >= at.first ? { formula: `SUM(${L}${at.first}:${L}${at.last})` } : num(0), bold: true, numFmt: '#,##0' };
    const marked = decorate(cell, marks.get(cellKey('*', ind.code)));
    const incomplete = result.rollup.incomplete.get(ind.code);
    if (incomplete?.length) {
      const lacking = `Tổng chưa đủ: chưa tính số liệu không hợp lệ hoặc thiếu của ${incomplete.join(', ')}.`;
      // The area's finding on this total already ends with the same sentence: said once.
      if (!marked.note?.includes(lacking)) marked.note = [marked.note, lacking].filter(Boolean).join('\n');
      marked.fill = marked.fill ?? SEVERITY_FILL.warning;
    }
    sheet.cells.push(marked);
  });
}
