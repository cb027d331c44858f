// The office's cycle inside the workbook: explanations the office accepts are written as rows of
// its "Giải trình" sheet, and the last check whose outputs were written is kept in a very hidden
// sheet, so the next check can say what changed since.
/// <reference types="office-js" />
import { ExcelAdapterError, readableError } from './errors';

/** The sheet of accepted explanations, as the rules workbook names it. */
export const EXPLANATIONS_SHEET = 'Giải trình';
export const EXPLANATION_HEADER = ['Đơn vị', 'Mã chỉ tiêu', 'Loại', 'Giá trị', 'Lý do', 'Người chấp nhận', 'Ngày'];

/** Where the last check is kept: very hidden, never listed as a report sheet. */
export const PREVIOUS_SHEET = 'chitieu_prev';
/** Characters per cell of the kept check, under Excel's 32,767 per cell. */
export const PREVIOUS_CHUNK = 30_000;
/** Cells of the kept check read or written per request. */
const PREVIOUS_ROWS_PER_REQUEST = 40; // 1,2 million characters: under 4 MB even at 3 bytes each

export interface ExplanationRow {
  unit: string;
  code: string;
  kind: string;
  value: number | string | null;
  reason: string;
  by: string;
  date: string;
}

/**
 * Appends one row to "Giải trình", adding the sheet (a title and the header) when there is none.
 * Every text goes in as text ("@" first), so a reason or a unit name starting with "=" stays text.
 * 2 syncs, 3 when the sheet is added.
 */
export async function appendExplanation(context: Excel.RequestContext, row: ExplanationRow): Promise<void> {
  try {
    let ws = context.workbook.worksheets.getItemOrNullObject(EXPLANATIONS_SHEET);
    await context.sync();
    if (ws.isNullObject) {
      ws = context.workbook.worksheets.add(EXPLANATIONS_SHEET);
      textRow(ws, 0, ['GIẢI TRÌNH ĐÃ CHẤP NHẬN']);
      textRow(ws, 2, EXPLANATION_HEADER);
      ws.getRangeByIndexes(2, 0, 1, EXPLANATION_HEADER.length).format.font.bold = true;
      await context.sync();
    }
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
    await context.sync();
    const next = used.isNullObject ? 3 : used.rowIndex + used.rowCount;
    const cells = [row.unit, row.code, row.kind, row.value, row.reason, row.by, row.date];
    const target = ws.getRangeByIndexes(next, 0, 1, cells.length);
    target.numberFormat = [cells.map((v) => (typeof v === 'number' ? 'General' : '@'))];
    target.values = [cells.map((v) => (v === null ? '' : v))];
    await context.sync();
  } catch (e) {
    if (e instanceof ExcelAdapterError) throw e;
    throw readableError(e, `Không ghi được giải trình vào trang "${EXPLANATIONS_SHEET}"`);
  }
}

function textRow(ws: Excel.Worksheet, row: number, texts: string[]) {
  const r = ws.getRangeByIndexes(row, 0, 1, texts.length);
  r.numberFormat = [texts.map(() => '@')];
  r.values = [texts];
}

/** The kept check as its JSON text, or null when none was kept. */
export async function loadPreviousCheck(context: Excel.RequestContext): Promise<string | null> {
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(PREVIOUS_SHEET);
    await context.sync();
    if (ws.isNullObject) return null;
    const used = ws.getUsedRangeOrNullObject(true).load('rowCount');
    await context.sync();
    if (used.isNullObject) return null;
    let text = '';
    for (let from = 0; from < used.rowCount; from += PREVIOUS_ROWS_PER_REQUEST) {
      const block = ws.getRangeByIndexes(from, 0, Math.min(PREVIOUS_ROWS_PER_REQUEST, used.rowCount - from), 1).load('values');
      await context.sync();
      text += block.values.map((r) => String(r[0] ?? '')).join('');
    }
    return text || null;
  } catch (e) {
    throw readableError(e, 'Không đọc được kết quả lần kiểm tra trước trong sổ tính');
  }
}

/** Keeps the check (its JSON text) for the next comparison, replacing the one kept before. */
export async function savePreviousCheck(context: Excel.RequestContext, json: string): Promise<void> {
  try {
    const old = context.workbook.worksheets.getItemOrNullObject(PREVIOUS_SHEET);
    await context.sync();
    // Hidden sheets cannot be deleted while very hidden; and the last visible sheet is never this one.
    if (!old.isNullObject) {
      old.visibility = 'Hidden';
      old.delete();
    }
    const ws = context.workbook.worksheets.add(PREVIOUS_SHEET);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += PREVIOUS_CHUNK) chunks.push(json.slice(i, i + PREVIOUS_CHUNK));
    for (let from = 0; from < chunks.length; from += PREVIOUS_ROWS_PER_REQUEST) {
      const part = chunks.slice(from, from + PREVIOUS_ROWS_PER_REQUEST);
      const range = ws.getRangeByIndexes(from, 0, part.length, 1);
      range.numberFormat = part.map(() => ['@']);
      range.values = part.map((c) => [c]);
      if (from + PREVIOUS_ROWS_PER_REQUEST < chunks.length) await context.sync();
    }
    ws.visibility = 'VeryHidden';
    await context.sync();
  } catch (e) {
    throw readableError(e, 'Không lưu được kết quả kiểm tra này để so sánh lần sau');
  }
}
