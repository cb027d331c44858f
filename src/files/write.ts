// The engine's output plan into a new .xlsx file with ExcelJS's streaming writer: rows go to
// disk as they are written, so a country-sized rollup does not sit in memory twice.
// Planned text is written as a string value (a shared string): "=HYPERLINK(…)" stays text.
import type ExcelJS from 'exceljs';
import { OutputPlan, PlannedCell, PlannedSheet } from '../core/plan';

/**
 * ExcelJS's streaming writer alone, loaded when a workbook is written: the package's entry
 * loads about 660 modules (0.6 s of CPU at each start of the command on this project's
 * machine), the writer about 200 (0.3 s). Readers never need ExcelJS.
 */
function workbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
}

export async function writeWorkbookFile(plan: OutputPlan, file: string): Promise<void> {
  const WorkbookWriter = workbookWriter();
  const wb = new WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'chitieu';
  // A fixed date keeps the document properties identical for identical inputs.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  await wb.commit();
}

/** A planned sheet into a workbook, streamed (the rollup) or in memory (a feedback file). */
export function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter | ExcelJS.Workbook, plan: PlannedSheet): ExcelJS.Worksheet {
  const views: Array<Partial<ExcelJS.WorksheetView>> =
    plan.frozenRows || plan.frozenCols ? [{ state: 'frozen', xSplit: plan.frozenCols, ySplit: plan.frozenRows }] : [];
  const ws = wb.addWorksheet(plan.name, { views }) as ExcelJS.Worksheet & { commit?: () => void };
  ws.columns = plan.widths.map((w) => ({ width: w || 9 }));
  if (plan.page) {
    ws.pageSetup = {
      paperSize: 9, // A4
      orientation: plan.page.orientation,
      ...(plan.page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(plan.page.repeatRows ? { printTitlesRow: plan.page.repeatRows } : {}),
    };
    ws.headerFooter = { oddFooter: `${plan.page.footer ? `&L${plan.page.footer}` : ''}&RTrang &P/&N` };
  }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  if (plan.autoFilter) ws.autoFilter = plan.autoFilter;
  // The streaming writer takes rows in order and forgets each one once committed.
  const byRow = new Map<number, PlannedCell[]>();
  for (const c of plan.cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const styles = new StyleCache();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const row = ws.getRow(r);
    const height = plan.rowHeights?.[r];
    if (height) row.height = height;
    for (const c of byRow.get(r)!) writeCell(row.getCell(c.col), c, styles);
    row.commit();
  }
  ws.commit?.();
  return ws;
}

function writeCell(cell: ExcelJS.Cell, c: PlannedCell, styles: StyleCache) {
  const v = c.value;
  if ('text' in v) cell.value = v.text;
  else if ('number' in v) cell.value = v.number;
  else if ('formula' in v) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
  // A merged area's cells share their first cell's style object (ExcelJS links them when
  // merging), so there the look is written into that object rather than replacing it.
  if (cell.isMerged) Object.assign(cell.style, styles.of(c));
  else cell.style = styles.of(c);
  if (c.note) cell.note = c.note;
}

/**
 * One style object per distinct look, shared by the cells that have it: ExcelJS remembers the
 * style objects it has seen (a WeakMap), so a shared one skips its per-cell style lookup, a
 * large part of the writing time for the country's rollup. The objects are never changed.
 */
class StyleCache {
  private byKey = new Map<string, Partial<ExcelJS.Style>>();

  of(c: PlannedCell): Partial<ExcelJS.Style> {
    const v = c.value;
    const text = 'text' in v;
    // "@" tells Excel the cell is text, so editing it later does not turn it into a formula.
    const numFmt = text ? (/^[=+\-@]/.test(v.text) ? '@' : undefined) : c.numFmt;
    const key = `${numFmt ?? ''}|${c.bold ? 1 : 0}|${c.fill ?? ''}|${c.wrap ? 1 : 0}|${c.align ?? ''}`;
    let style = this.byKey.get(key);
    if (!style) {
      style = {};
      if (numFmt) style.numFmt = numFmt;
      if (c.bold) style.font = { bold: true };
      if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.fill } };
      if (c.wrap || c.align) style.alignment = { ...(c.wrap ? { wrapText: true } : {}), ...(c.align ? { horizontal: c.align } : {}), vertical: 'top' };
      this.byKey.set(key, style);
    }
    return style;
  }
}
