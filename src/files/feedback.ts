// A unit's feedback file: the engine's feedback sheet, then a copy of the unit's own report
// sheet (values, styles, merges, widths) with each flagged cell filled and noted, so the unit
// sees its own table marked. Copied values are the figures as the unit's file shows them: a
// formula's cached result, never the formula, and text stays text.
import type ExcelJS from 'exceljs';
import type { Feedback } from '../core/plan-feedback';
import { SEVERITY_RANK } from '../core/findings';
import { SEVERITY_FILL } from '../core/plan';
import { writeSheet } from './sheet-writer';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const FORBIDDEN_SHEET = /[\\/?*[\]:]/g;

export async function writeFeedbackFile(fb: Feedback, source: Uint8Array | null, file: string): Promise<void> {
  // Loaded only when feedback files are asked for (--phan-hoi): see workbookWriter in ./write.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  wb.creator = 'chitieu';
  // Fixed dates keep the file identical for identical inputs.
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  writeSheet(wb, fb.sheet);
  if (source && fb.report) {
    const src = new Workbook();
    await src.xlsx.load(source as unknown as ExcelJS.Buffer);
    const ws = src.worksheets.find((w) => w.name === fb.report!.sheet);
    if (ws) copySheet(ws, wb.addWorksheet(sheetName(fb.report.sheet, fb.sheet.name)), fb.flags.filter((f) => f.sheet === fb.report!.sheet && f.file === fb.report!.file));
  }
  await wb.xlsx.writeFile(file);
}

function sheetName(name: string, taken: string): string {
  const clean = name.replace(FORBIDDEN_SHEET, ' ').trim().slice(0, 31) || 'Báo cáo';
  return clean.toLowerCase() === taken.toLowerCase() ? `${clean.slice(0, 27)} (2)` : clean;
}

/** The value a cell shows, as data: a formula's cached result, rich text as plain text. */
function shownValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return r === undefined || (typeof r === 'object' && !(r instanceof Date)) ? null : r;
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && 'hyperlink' in v) return String(v.text);
  if ('error' in v) return v.error;
  return null;
}

function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet, flags: Feedback['flags']) {
  // Printed one page wide, so the flagged figures are on the page with their labels.
  to.pageSetup = { paperSize: 9, orientation: from.pageSetup?.orientation ?? 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  from.columns?.forEach((c, i) => {
    const col = to.getColumn(i + 1);
    if (c.width) col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  from.eachRow({ includeEmpty: true }, (row, r) => {
    const target = to.getRow(r);
    if (row.height) target.height = row.height;
    if (row.hidden) target.hidden = true;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const t = target.getCell(c);
      t.value = shownValue(cell);
      t.style = JSON.parse(JSON.stringify(cell.style ?? {}));
      // Text that looks like a formula stays text when the unit edits it.
      if (typeof t.value === 'string' && /^[=+\-@]/.test(t.value)) t.numFmt = '@';
    });
  });
  for (const m of (from.model as { merges?: string[] }).merges ?? []) to.mergeCells(m);
  // One fill per cell, its worst finding's; one note with every message.
  const byCell = new Map<string, Feedback['flags']>();
  for (const f of flags) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  for (const [address, list] of byCell) {
    const cell = to.getCell(address);
    const worst = list.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + SEVERITY_FILL[worst.severity] } };
    cell.note = list.map((f) => f.message).join('\n');
  }
}
