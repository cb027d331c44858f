// "Tổng hợp", below the "Tổng cộng" row, when reports carry "Cùng kỳ": the area's figure for the
// same period last year, the change, and the change in per cent, each over the units that gave
// last year's figure (the note says so when that is not every unit).
import { Indicator } from './rules';
import { LastYear, relativeChange } from './last-year';
import { PlannedCell, PlannedSheet } from './plan';
import { num, text } from './plan-cells';
import { formatNumber } from './numbers';

export const LAST_YEAR_LABELS = {
  before: 'Cùng kỳ năm trước',
  change: 'Tăng (+), giảm (-) so với cùng kỳ',
  percent: 'Tỷ lệ tăng, giảm so với cùng kỳ',
} as const;

/** Writes the three rows from `row`; returns how many rows it used (0 without "Cùng kỳ"). */
export function planLastYearRows(lastYear: LastYear | undefined | null, sheet: PlannedSheet, columns: Indicator[], row: number, firstCol: number): number {
  if (!lastYear || lastYear.area.size === 0) return 0;
  const labels = [LAST_YEAR_LABELS.before, LAST_YEAR_LABELS.change, LAST_YEAR_LABELS.percent];
  labels.forEach((l, i) => sheet.cells.push({ row: row + i, col: 2, value: text(l), bold: true }));
  columns.forEach((ind, i) => {
    const c = lastYear.area.get(ind.code);
    if (!c) return;
    const col = firstCol + i;
    const fmt = ind.rate ? '0.00%' : '#,##0';
    const note = c.units < c.of ? `Chỉ ${c.units}/${c.of} đơn vị có số cùng kỳ; so sánh với số năm nay của chính các đơn vị đó (${show(ind, c.now)}).` : undefined;
    const cells: PlannedCell[] = [
      { row, col, value: num(c.before), numFmt: fmt, ...(note ? { note } : {}) },
      { row: row + 1, col, value: num(c.now - c.before), numFmt: ind.rate ? '+0.00%;-0.00%;0%' : '+#,##0;-#,##0;0' },
    ];
    const rel = ind.rate ? null : relativeChange(c);
    if (rel !== null) cells.push({ row: row + 2, col, value: num(rel), numFmt: '+0.0%;-0.0%;0%' });
    sheet.cells.push(...cells);
  });
  return labels.length;
}

function show(ind: Indicator, n: number): string {
  return ind.rate ? `${formatNumber(n * 100)}%` : formatNumber(n);
}
