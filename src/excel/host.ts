// The task pane's host backed by Office.js: each operation is one Excel.run, so a failed
// operation never leaves a half-used request context behind for the next one.
// The building blocks take a RequestContext (like the rest of the adapter) so tests drive
// them with the fake host.
/// <reference types="office-js" />
import { Cell, Sheet, sheetExtent } from '../core/model';
import { CellFlag, OutputPlan } from '../core/plan';
import type { PaneHost, SheetInfo, WorkbookInfo } from '../taskpane/host';
import { ExcelAdapterError, readableError } from './errors';
import { applyFlags, clearFlags } from './flags';
import { loadSheetList, UNDO_SHEET } from './ownership';
import { readWorkbook } from './readWorkbook';
import { writePlan } from './writePlan';
import { appendExplanation, loadPreviousCheck, PREVIOUS_SHEET, savePreviousCheck } from './cycle';
import { Supports } from './requirements';
import { FEEDBACK_SHEET } from '../core/plan-feedback';
import { downloadFile } from '../taskpane/download';

/** Feedback sheets ("Phản hồi – Xã Yên Bình") are one family of output, the rollup another. */
const isFeedbackSheet = (plannedName: string) => plannedName.startsWith(FEEDBACK_SHEET);

declare const Office: { context?: { displayLanguage?: string } } | undefined;

export function createExcelHost(): PaneHost {
  return excelHostOn((f) => Excel.run((context) => f(context)), (typeof Office !== 'undefined' && Office?.context?.displayLanguage) || 'vi-VN');
}

/** Runs one operation in its own request context. */
export type Runner = <T>(f: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The pane's host over a runner: Excel.run in the add-in; a fake Excel's context in tests, so
 * they drive exactly this mapping of the pane's operations onto the adapter.
 */
export function excelHostOn(run: Runner, displayLanguage: string, supports?: Supports): PaneHost {
  const write = (plan: OutputPlan, family: (base: string) => boolean) =>
    run(async (context) => (await writePlan(context, { sheets: plan.sheets, flags: [] }, { family, supports })).sheets.map((s) => s.written));
  return {
    displayLanguage,
    describeWorkbook: () => run(describeWorkbook),
    readSheets: (names) => run((context) => readWorkbook(context, { sheets: names, supports })),
    writeRollup: (plan: OutputPlan) => write(plan, (base) => !isFeedbackSheet(base)),
    writeFeedback: (plan: OutputPlan, replace: 'all' | 'these') => {
      const names = new Set(plan.sheets.map((s) => s.name));
      return write(plan, replace === 'all' ? isFeedbackSheet : (base: string) => names.has(base));
    },
    appendExplanation: (row) => run((context) => appendExplanation(context, row)),
    loadPreviousCheck: () => run(loadPreviousCheck),
    savePreviousCheck: (json) => run((context) => savePreviousCheck(context, json)),
    // Not an Excel operation: the pane's page downloads it.
    saveFile: downloadFile,
    applyFlags: (flags: CellFlag[], workbookName: string) =>
      run(async (context) => {
        const r = await applyFlags(context, flags, { file: workbookName, supports });
        return { applied: r.applied, skipped: r.skipped.length };
      }),
    clearFlags: () =>
      run(async (context) => {
        const r = await clearFlags(context, undefined, { supports });
        return { restored: r.restored, kept: r.keptUserFill };
      }),
    selectCell: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),
    showSheet: (sheet, cell) => run((context) => showSheet(context, sheet, cell)),
    insertSheets: (sheets) => run((context) => insertSheets(context, sheets)),
  };
}

/** The workbook's name and the sheets a user may pick as reports (not the add-in's own). */
export async function describeWorkbook(context: Excel.RequestContext): Promise<WorkbookInfo> {
  try {
    const list = await loadSheetList(context);
    const sheets: SheetInfo[] = list.sheets
      .filter((w) => w.name !== UNDO_SHEET && String(w.visibility) !== 'VeryHidden' && !list.own.has(w.name))
      .map((w) => ({ name: w.name, visible: String(w.visibility) === 'Visible' }));
    // Whether a check is kept, and whether flags wait to be cleared (their undo record exists
    // until "Xóa đánh dấu" takes it, even from an earlier session), come from the same list.
    return { name: list.name, sheets, keptCheck: list.sheets.some((w) => w.name === PREVIOUS_SHEET), flagged: list.sheets.some((w) => w.name === UNDO_SHEET) };
  } catch (e) {
    throw readableError(e, 'Không đọc được danh sách trang tính');
  }
}

/**
 * Shows a finding's cell: its sheet becomes the active one and the cell is selected. 2 syncs.
 * A sheet the user hid is left hidden and the answer says so: the pane asks before showing it.
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<{ hidden: boolean }> {
  try {
    const ws = context.workbook.worksheets.getItem(sheet).load('visibility');
    await context.sync();
    if (String(ws.visibility) !== 'Visible') return { hidden: true };
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
    return { hidden: false };
  } catch (e) {
    throw readableError(e, `Không chuyển được tới ô ${cell} của trang "${sheet}"`);
  }
}

/** Shows a sheet the user hid, then its cell, as the user asked. 1 sync. */
export async function showSheet(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.visibility = 'Visible';
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  } catch (e) {
    throw readableError(e, `Không hiện được trang "${sheet}"`);
  }
}

/**
 * Adds sheets as ordinary user sheets (not registered as the add-in's output, so a later
 * rollup never deletes them). Refuses when a name is taken rather than overwrite anything.
 * Text goes in with the "@" format first, so "= 0" or "-" typed in a condition stays text.
 * On failure the sheets this call added are deleted again. Returns the names written.
 */
export async function insertSheets(context: Excel.RequestContext, sheets: Sheet[]): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  let before: string[] | null = null;
  try {
    worksheets.load('items/name');
    await context.sync();
    before = worksheets.items.map((w) => w.name);
    const taken = new Set(before.map((n) => n.toLowerCase()));
    const clash = sheets.filter((s) => taken.has(s.name.toLowerCase())).map((s) => `"${s.name}"`);
    if (clash.length) throw new ExcelAdapterError(`Sổ tính đã có trang ${clash.join(', ')}; không ghi đè. Đổi tên hoặc xoá trang đó rồi thử lại.`);
    sheets.forEach((s) => queueSheet(worksheets.add(s.name), s));
    if (sheets.length) worksheets.getItem(sheets[0].name).activate();
    await context.sync();
    return sheets.map((s) => s.name);
  } catch (e) {
    if (before) await removeAdded(context, before, sheets).catch(() => undefined);
    if (e instanceof ExcelAdapterError) throw e;
    throw readableError(e, 'Không chèn được bảng chỉ tiêu');
  }
}

async function removeAdded(context: Excel.RequestContext, before: string[], sheets: Sheet[]): Promise<void> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const old = new Set(before.map((n) => n.toLowerCase()));
  const wanted = new Set(sheets.map((s) => s.name.toLowerCase()));
  for (const w of worksheets.items) if (wanted.has(w.name.toLowerCase()) && !old.has(w.name.toLowerCase())) w.delete();
  await context.sync();
}

function queueSheet(ws: Excel.Worksheet, s: Sheet): void {
  const { rows, cols } = sheetExtent(s);
  if (rows === 0 || cols === 0) return;
  const formats: string[][] = [];
  const values: Array<Array<string | number | boolean>> = [];
  const formulas: Array<{ row: number; col: number; formula: string }> = [];
  const widths: number[] = new Array(cols).fill(8);
  for (let r = 1; r <= rows; r++) {
    const f: string[] = [];
    const v: Array<string | number | boolean> = [];
    for (let c = 1; c <= cols; c++) {
      const cell = s.rows[r]?.[c];
      const { value, format } = plainValue(cell);
      f.push(format);
      v.push(value);
      if (cell?.formula !== undefined) formulas.push({ row: r, col: c, formula: cell.formula });
      // Long titles spill over merged cells; they should not widen a column alone.
      if (typeof value === 'string' && !s.merges.some((m) => m.top === r && m.left === c && m.right > m.left))
        widths[c - 1] = Math.max(widths[c - 1], Math.min(48, value.length));
    }
    formats.push(f);
    values.push(v);
  }
  const range = ws.getRangeByIndexes(0, 0, rows, cols);
  range.numberFormat = formats;
  range.values = values;
  for (const f of formulas) ws.getRangeByIndexes(f.row - 1, f.col - 1, 1, 1).formulas = [[`=${f.formula}`]];
  for (const m of s.merges) ws.getRangeByIndexes(m.top - 1, m.left - 1, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  // Column width is in points; about 6 points per character of Calibri 11.
  widths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * 6 + 8));
}

function plainValue(cell: Cell | undefined): { value: string | number | boolean; format: string } {
  const v = cell?.value;
  // A formula goes in afterwards, into a cell that must not be text-formatted.
  if (cell?.formula !== undefined) return { value: '', format: cell.numFmt ?? 'General' };
  if (v === null || v === undefined) return { value: '', format: cell?.numFmt ?? 'General' };
  if (typeof v === 'string') return { value: v, format: '@' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, format: cell?.numFmt ?? 'General' };
  if (v instanceof Date) return { value: v.getTime() / 86400000 + 25569, format: cell?.numFmt ?? 'dd/mm/yyyy' };
  return { value: v.error, format: '@' };
}

