// "Báo cáo": the draft narrative report, one paragraph per cell in one wide wrapped column, so it
// prints on A4 portrait and can be copied into the office's report.
import { draftReport } from './narrative';
import { PlannedSheet, fitRowHeights } from './plan';
import { SHEET_NAMES, text } from './plan-cells';
import { CheckResult } from './session';

/** Characters per line at this width fit A4 portrait at Calibri 11 with ordinary margins. */
const WIDTH = 95;

export function planReport(result: CheckResult): PlannedSheet {
  const sheet: PlannedSheet = { name: SHEET_NAMES.report, cells: [], merges: [], widths: [WIDTH], frozenRows: 0, frozenCols: 0 };
  draftReport(result).forEach((p, i) => {
    sheet.cells.push({ row: i + 1, col: 1, value: text(p.text), wrap: true, bold: p.style !== 'body', ...(p.style === 'title' ? { align: 'center' as const } : {}) });
  });
  sheet.rowHeights = fitRowHeights(sheet);
  sheet.page = { orientation: 'portrait', fitToWidth: true, footer: `Dự thảo báo cáo – ${result.period.label}` };
  return sheet;
}
