// A planned sheet into an ExcelJS workbook: the rollup's streamed sheets, a feedback file, a
// template. Free of Node's modules, so the pane bundles it for the templates it makes.
// Planned text is written as a string value (a shared string): "=HYPERLINK(…)" stays text.
import type ExcelJS from 'exceljs';
import { PlannedCell, PlannedPage, PlannedSheet, PlannedValidation } from '../core/plan';

/** A planned sheet into a workbook, streamed (the rollup) or in memory (a feedback file). */
export function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter | ExcelJS.Workbook, plan: PlannedSheet): ExcelJS.Worksheet {
  const views: Array<Partial<ExcelJS.WorksheetView>> =
    plan.frozenRows || plan.frozenCols ? [{ state: 'frozen', xSplit: plan.frozenCols, ySplit: plan.frozenRows }] : [];
  // Page setup goes in with the sheet: the streaming writer writes the sheet's opening (where
  // "fit to page" lives) as soon as the sheet is added.
  const page = plan.page ? pageOptions(plan.page) : {};
  const ws = wb.addWorksheet(plan.name, { views, ...page }) as ExcelJS.Worksheet & { commit?: () => void };
  const hidden = new Set(plan.hiddenCols ?? []);
  ws.columns = plan.widths.map((w, i) => ({ width: w || 9, ...(hidden.has(i + 1) ? { hidden: true } : {}) }));
  // Both writers have a sheet-wide list of validations; ExcelJS's types leave it out.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of plan.validations ?? []) validations.add(v.range, validationOf(v));
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

/** A4, the planned orientation and fit, print titles and area, the footer with the page number. */
function pageOptions(page: PlannedPage): Partial<ExcelJS.AddWorksheetOptions> {
  // "&" starts a code in a header or footer; a literal one is written "&&".
  const footer = page.footer ? `&L${page.footer.replace(/&/g, '&&')}` : '';
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: page.orientation,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(page.repeatRows ? { printTitlesRow: page.repeatRows } : {}),
      ...(page.printArea ? { printArea: page.printArea } : {}),
    },
    headerFooter: { oddFooter: `${footer}&RTrang &P/&N` } as ExcelJS.HeaderFooter,
  };
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

/** A planned validation as ExcelJS takes it: refused with a message, prompted when selected. */
function validationOf(v: PlannedValidation): ExcelJS.DataValidation {
  const between = v.min !== undefined && v.max !== undefined;
  const formulae = v.kind === 'text' ? [255] : between ? [v.min, v.max] : [v.min ?? v.max ?? 0];
  return {
    type: v.kind === 'text' ? 'textLength' : v.kind,
    operator: v.kind === 'text' ? 'lessThanOrEqual' : between ? 'between' : v.min !== undefined ? 'greaterThanOrEqual' : 'lessThanOrEqual',
    allowBlank: true,
    formulae,
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    ...(v.error ? { showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Số liệu không hợp lệ', error: v.error } : {}),
  };
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
    const key = `${numFmt ?? ''}|${c.bold ? 1 : 0}|${c.fill ?? ''}|${c.wrap ? 1 : 0}|${c.align ?? ''}|${c.unlocked ? 1 : 0}`;
    let style = this.byKey.get(key);
    if (!style) {
      style = {};
      if (numFmt) style.numFmt = numFmt;
      if (c.bold) style.font = { bold: true };
      if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.fill } };
      // Every cell at the top, so a row whose wrapped text makes it tall still reads as one line.
      style.alignment = { ...(c.wrap ? { wrapText: true } : {}), ...(c.align ? { horizontal: c.align } : {}), vertical: 'top' };
      // A template's figure cells stay open to typing when the sheet is protected.
      if (c.unlocked) style.protection = { locked: false };
      this.byKey.set(key, style);
    }
    return style;
  }
}
