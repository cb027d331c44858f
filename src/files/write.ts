// The engine's output plan into a new .xlsx workbook, with ExcelJS. Planned text is written as
// a string value, which ExcelJS stores as a shared string: "=HYPERLINK(…)" stays text.
import ExcelJS from 'exceljs';
import { OutputPlan, PlannedCell, PlannedSheet } from '../core/plan';

export function buildWorkbook(plan: OutputPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  // A fixed date keeps the file identical for identical inputs.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  return wb;
}

function writeSheet(wb: ExcelJS.Workbook, plan: PlannedSheet) {
  const views: Array<Partial<ExcelJS.WorksheetView>> =
    plan.frozenRows || plan.frozenCols ? [{ state: 'frozen', xSplit: plan.frozenCols, ySplit: plan.frozenRows }] : [];
  const ws = wb.addWorksheet(plan.name, { views });
  plan.widths.forEach((w, i) => {
    if (w) ws.getColumn(i + 1).width = w;
  });
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const c of plan.cells) writeCell(ws.getCell(c.row, c.col), c);
  if (plan.autoFilter) ws.autoFilter = plan.autoFilter;
}

function writeCell(cell: ExcelJS.Cell, c: PlannedCell) {
  const v = c.value;
  if ('text' in v) {
    cell.value = v.text;
    // "@" tells Excel the cell is text, so editing it later does not turn it into a formula.
    if (/^[=+\-@]/.test(v.text)) cell.numFmt = '@';
  } else if ('number' in v) {
    cell.value = v.number;
  } else if ('formula' in v) {
    cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
  }
  if (c.numFmt && !('text' in v)) cell.numFmt = c.numFmt;
  if (c.bold) cell.font = { bold: true };
  if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.fill } };
  if (c.wrap || c.align) cell.alignment = { ...(c.wrap ? { wrapText: true } : {}), ...(c.align ? { horizontal: c.align } : {}), vertical: 'top' };
  if (c.note) cell.note = c.note;
}

export async function workbookBytes(plan: OutputPlan): Promise<Uint8Array> {
  const buf = await buildWorkbook(plan).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
