// A unit's feedback file: the engine's feedback sheet, then a copy of the unit's own report
// sheet (values, styles, merges, widths) with each flagged cell filled and noted, so the unit
// sees its own table marked. Copied values are the figures as the unit's file shows them: a
// formula's cached result, never the formula, and text stays text.
import type ExcelJS from 'exceljs';
import type { Feedback } from '../core/plan-feedback';
import { SEVERITY_RANK } from '../core/findings';
import { SEVERITY_FILL } from '../core/plan';
import { Sheet, isErrorValue } from '../core/model';
import { readWorkbookBuffer } from './read';
import { writeSheet } from './sheet-writer';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const FORBIDDEN_SHEET = /[\\/?*[\]:]/g;

/**
 * Writes the file. The copy of the unit's sheet keeps its styles when ExcelJS can open the unit's
 * file; a file it cannot open (.xls, .ods, or one it fails on) gets a copy of the values the check
 * read instead, so no unit's feedback is lost to the format it sent.
 */
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
  const report = fb.report;
  if (source && report) {
    const flags = fb.flags.filter((f) => f.sheet === report.sheet && f.file === report.file);
    const styled = await styledSheet(new Workbook(), source, report.sheet);
    const name = sheetName(report.sheet, fb.sheet.name);
    // Another unit's row of an association's table is never sent to this unit: left blank.
    const others = new Set(report.otherRows ?? []);
    if (styled) copySheet(styled, wb.addWorksheet(name), flags, others);
    else {
      const sheet = await modelSheet(source, report.file, report.sheet);
      if (sheet) copyValues(sheet, wb.addWorksheet(name), flags, others);
    }
  }
  await wb.xlsx.writeFile(file);
}

/** The unit's sheet as the check read it (the file was read once already, so this only fails if it changed since). */
async function modelSheet(source: Uint8Array, file: string, name: string): Promise<Sheet | null> {
  try {
    return (await readWorkbookBuffer(source, file)).sheets.find((s) => s.name === name) ?? null;
  } catch {
    return null;
  }
}

/** The unit's sheet as ExcelJS opens it, or null when it cannot (another format, or a file it fails on). */
async function styledSheet(src: ExcelJS.Workbook, source: Uint8Array, name: string): Promise<ExcelJS.Worksheet | null> {
  try {
    await src.xlsx.load(source as unknown as ExcelJS.Buffer);
    return src.worksheets.find((w) => w.name === name) ?? null;
  } catch {
    return null;
  }
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

/** The values the check read from the unit's sheet, its merges and hidden rows and columns, flagged. */
function copyValues(from: Sheet, to: ExcelJS.Worksheet, flags: Feedback['flags'], others: ReadonlySet<number>) {
  to.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  from.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || cell.value === null || cell.value === undefined || others.has(r)) return;
      const t = to.getCell(r, c);
      t.value = isErrorValue(cell.value) ? cell.value.error : cell.value;
      if (cell.numFmt) t.numFmt = cell.numFmt;
      // Text that looks like a formula stays text when the unit edits it.
      if (typeof t.value === 'string' && /^[=+\-@]/.test(t.value)) t.numFmt = '@';
    }),
  );
  for (const r of from.hiddenRows) to.getRow(r).hidden = true;
  for (const c of from.hiddenCols) to.getColumn(c).hidden = true;
  for (const m of from.merges) to.mergeCells(m.top, m.left, m.bottom, m.right);
  markFlags(to, flags);
}

function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet, flags: Feedback['flags'], others: ReadonlySet<number>) {
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
      t.value = others.has(r) ? null : shownValue(cell);
      t.style = JSON.parse(JSON.stringify(cell.style ?? {}));
      // Text that looks like a formula stays text when the unit edits it.
      if (typeof t.value === 'string' && /^[=+\-@]/.test(t.value)) t.numFmt = '@';
    });
  });
  for (const m of (from.model as { merges?: string[] }).merges ?? []) to.mergeCells(m);
  markFlags(to, flags);
}

function markFlags(to: ExcelJS.Worksheet, flags: Feedback['flags']) {
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
