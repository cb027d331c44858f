// "Báo cáo": the draft narrative report, one paragraph per cell in one wide wrapped column, so it
// prints on A4 portrait and can be copied into the office's report.
import { draftReport } from './narrative';
import { PlannedSheet, fitRowHeights } from './plan';
import { SHEET_NAMES, text } from './plan-cells';
import { CheckResult } from './session';

/** Characters per line at this width fit A4 portrait at Calibri 11 with ordinary margins. */
const WIDTH = 95;
/**
 * A longer paragraph goes on in the next cell: at this width about 21 lines, so the row stays
 * under Excel's tallest (409 points, 27 lines) with room for word wrap, and all of it shows.
 */
const MAX_CELL = 2000;

export function planReport(result: CheckResult): PlannedSheet {
  const sheet: PlannedSheet = { name: SHEET_NAMES.report, cells: [], merges: [], widths: [WIDTH], frozenRows: 0, frozenCols: 0 };
  let row = 1;
  for (const p of draftReport(result)) {
    for (const piece of pieces(p.text)) {
      sheet.cells.push({ row: row++, col: 1, value: text(piece), wrap: true, bold: p.style !== 'body', ...(p.style === 'title' ? { align: 'center' as const } : {}) });
    }
  }
  sheet.rowHeights = fitRowHeights(sheet);
  sheet.page = { orientation: 'portrait', fitToWidth: true, footer: `Dự thảo báo cáo – ${result.period.label}` };
  return sheet;
}

/** A paragraph in pieces that fit a cell, cut after a sentence where there is one. */
export function pieces(t: string): string[] {
  const out: string[] = [];
  let rest = t;
  while (rest.length > MAX_CELL) {
    const cut = rest.lastIndexOf('. ', MAX_CELL);
    const at = cut > MAX_CELL / 2 ? cut + 1 : MAX_CELL;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  out.push(rest);
  return out;
}
