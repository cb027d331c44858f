// Reads the open workbook into the engine's WorkbookModel with a fixed number of
// round trips (context.sync calls), whatever the number of sheets:
//   sync 1  worksheet names and visibility, workbook name, own-sheet markers
//   sync 2  each chosen sheet's used range (address and size only: cheap)
//   sync 3  values, formulas, number formats, value types by row chunks; hidden rows and
//           columns (ExcelApi 1.9); merged areas (ExcelApi 1.13)
//   sync 4  font names of the cells whose text looks like legacy TCVN3/VNI
// Excel on the web refuses a request or response over 5 MB, and one sync is one request,
// so sync 3 is split into as many syncs as needed to keep each response under
// READ_BATCH_BYTES (estimated from cell counts). A district or province workbook (up to
// ~60,000 used cells) fits in one; only bigger workbooks take more, by size, not by sheet count.
/// <reference types="office-js" />
import { Cell, CellRange, Sheet, WorkbookModel, newSheet, setCell } from '../core/model';
import { parseRange, splitAreas } from './address';
import { looksLegacyVietnamese } from './legacy';
import { loadSheetList, UNDO_SHEET } from './ownership';
import { Supports, has, hostSupports } from './requirements';
import { isPayloadTooLarge, readableError } from './errors';

/** Syncs of readWorkbook when the cells fit in one batch (the usual case). */
export const READ_SYNCS = 4;
/** Budget for one response, under Excel on the web's 5 MB limit. */
export const READ_BATCH_BYTES = 4_000_000;
/** Estimated response bytes per cell for values+formulas+numberFormat+valueTypes. */
export const READ_BYTES_PER_CELL = 64;
/** Estimated bytes per cell of a getCellProperties font answer. */
const FONT_BYTES_PER_CELL = 48;

export interface ReadOptions {
  /** Only these sheets (exact names); default all readable sheets. */
  sheets?: string[];
  /** Requirement-set check; default Office.context.requirements. */
  supports?: Supports;
  /** Read sheets the user hid (not very-hidden ones); default true. */
  includeHidden?: boolean;
  /** Read sheets this add-in wrote (rollups); default false. */
  includeOwnSheets?: boolean;
  /** Response budget per sync; tests lower it. */
  batchBytes?: number;
}

interface SheetRead {
  name: string;
  used: Excel.Range;
  /** 0-based origin and size of the used range, known after sync 2. */
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  sheet: Sheet;
}

interface Chunk {
  target: SheetRead;
  /** 0-based rows within the used range. */
  from: number;
  count: number;
  bytes: number;
  /** Merges and hidden rows/cols ride with a sheet's first chunk. */
  first: boolean;
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookModel> {
  const supports = options.supports ?? hostSupports;
  const budget = options.batchBytes ?? READ_BATCH_BYTES;
  try {
    // sync 1
    const list = await loadSheetList(context);
    const worksheets = context.workbook.worksheets;
    const chosen = chooseSheets(list.sheets, list.own, options);

    // sync 2
    const reads = chosen.map((name) => ({
      name,
      used: worksheets.getItem(name).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
    }));
    await context.sync();
    const targets: SheetRead[] = reads.map((r) => {
      const empty = r.used.isNullObject;
      return {
        name: r.name,
        used: r.used,
        row0: empty ? 0 : r.used.rowIndex,
        col0: empty ? 0 : r.used.columnIndex,
        rows: empty ? 0 : r.used.rowCount,
        cols: empty ? 0 : r.used.columnCount,
        sheet: newSheet(r.name),
      };
    });

    // sync 3 (one per batch)
    for (const batch of batches(chunksOf(targets, budget), budget)) await readBatch(context, worksheets, batch, supports);

    // sync 4
    await readLegacyFonts(context, worksheets, targets, supports, budget);

    return { name: list.name, sheets: targets.map((t) => t.sheet) };
  } catch (e) {
    throw readableError(e, 'Không đọc được sổ tính đang mở');
  }
}

function chooseSheets(worksheets: Excel.Worksheet[], own: Set<string>, o: ReadOptions): string[] {
  const all = worksheets.map((w) => ({ name: w.name, visibility: String(w.visibility) }));
  if (o.sheets) {
    const missing = o.sheets.filter((s) => !all.some((w) => w.name === s));
    if (missing.length) throw new Error(`Không tìm thấy trang tính: ${missing.join(', ')}`);
    return o.sheets.slice();
  }
  return all
    .filter((w) => w.name !== UNDO_SHEET && w.visibility !== 'VeryHidden')
    .filter((w) => o.includeHidden !== false || w.visibility === 'Visible')
    .filter((w) => o.includeOwnSheets || !own.has(w.name))
    .map((w) => w.name);
}

/** Row blocks small enough that each one's estimated response stays under the budget. */
function chunksOf(targets: SheetRead[], budget: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const t of targets) {
    if (t.rows === 0) continue;
    const rowBytes = t.cols * READ_BYTES_PER_CELL + 64;
    const perChunk = Math.max(1, Math.floor((budget / 2) / rowBytes));
    for (let from = 0; from < t.rows; from += perChunk) {
      const count = Math.min(perChunk, t.rows - from);
      const extras = from === 0 ? (t.rows + t.cols) * 32 + 2048 : 0;
      chunks.push({ target: t, from, count, bytes: count * rowBytes + extras + 200, first: from === 0 });
    }
  }
  return chunks;
}

/** Packs chunks into batches whose estimated total fits the budget: one sync each. */
function batches(chunks: Chunk[], budget: number): Chunk[][] {
  const out: Chunk[][] = [];
  let cur: Chunk[] = [];
  let bytes = 0;
  for (const c of chunks) {
    if (cur.length && bytes + c.bytes > budget) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(c);
    bytes += c.bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

async function readBatch(
  context: Excel.RequestContext,
  worksheets: Excel.WorksheetCollection,
  batch: Chunk[],
  supports: Supports,
): Promise<void> {
  const queued = batch.map((c) => queueChunk(worksheets, c, supports));
  try {
    await context.sync();
  } catch (e) {
    // The estimate was too low (long texts): halve and try again rather than fail.
    if (!isPayloadTooLarge(e) || !canSplit(batch)) throw e;
    for (const half of split(batch)) await readBatch(context, worksheets, half, supports);
    return;
  }
  queued.forEach((q, i) => storeChunk(batch[i], q));
}

function canSplit(batch: Chunk[]): boolean {
  return batch.length > 1 || batch[0].count > 1;
}

function split(batch: Chunk[]): Chunk[][] {
  if (batch.length > 1) {
    const mid = Math.ceil(batch.length / 2);
    return [batch.slice(0, mid), batch.slice(mid)];
  }
  const c = batch[0];
  const h = Math.ceil(c.count / 2);
  return [[{ ...c, count: h }], [{ ...c, from: c.from + h, count: c.count - h, first: false }]];
}

interface QueuedChunk {
  range: Excel.Range;
  rowProps?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  colProps?: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  merged?: Excel.RangeAreas;
}

function queueChunk(worksheets: Excel.WorksheetCollection, c: Chunk, supports: Supports): QueuedChunk {
  const t = c.target;
  const ws = worksheets.getItem(t.name);
  const range = ws.getRangeByIndexes(t.row0 + c.from, t.col0, c.count, t.cols).load('values,formulas,numberFormat,valueTypes');
  const q: QueuedChunk = { range };
  if (c.first && has(supports, 'cellProperties')) {
    q.rowProps = t.used.getRowProperties({ rowIndex: true, rowHidden: true });
    q.colProps = t.used.getColumnProperties({ columnIndex: true, columnHidden: true });
  }
  if (c.first && has(supports, 'mergedAreas')) q.merged = t.used.getMergedAreasOrNullObject().load('address');
  return q;
}

function storeChunk(c: Chunk, q: QueuedChunk): void {
  const t = c.target;
  const { values, formulas, numberFormat, valueTypes } = q.range;
  for (let i = 0; i < c.count; i++) {
    for (let j = 0; j < t.cols; j++) {
      const cell = toCell(values[i][j], formulas[i][j], numberFormat[i][j], valueTypes[i][j]);
      if (cell) setCell(t.sheet, t.row0 + c.from + i + 1, t.col0 + j + 1, cell);
    }
  }
  if (q.rowProps) for (const r of q.rowProps.value) if (r.rowHidden) t.sheet.hiddenRows.push((r.rowIndex ?? 0) + 1);
  if (q.colProps) for (const k of q.colProps.value) if (k.columnHidden) t.sheet.hiddenCols.push((k.columnIndex ?? 0) + 1);
  if (q.merged && !q.merged.isNullObject) {
    for (const a of splitAreas(q.merged.address)) {
      const r = parseRange(a);
      if (r) t.sheet.merges.push(r);
    }
  }
}

/** One cell of the API's parallel arrays → a model cell; null for a truly empty cell. */
export function toCell(value: unknown, formula: unknown, numFmt: unknown, type: unknown): Cell | null {
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  if (type === 'Empty' && f === undefined) return null;
  const fmt = typeof numFmt === 'string' && numFmt !== 'General' ? numFmt : undefined;
  let v: Cell['value'];
  if (type === 'Error') v = { error: String(value) };
  else if (type === 'Empty' || value === '' || value === null || value === undefined) v = null;
  else if (typeof value === 'number' && fmt && isDateFormat(fmt)) v = serialToDate(value);
  else v = value as Cell['value'];
  const cell: Cell = { value: v };
  if (f !== undefined) cell.formula = f;
  if (fmt) cell.numFmt = fmt;
  return cell;
}

/** True for formats that show a date or time ("dd/mm/yyyy", "[$-42A]d mmmm yyyy", "h:mm"). */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
    .replace(/\\./g, '')
    .replace(/_./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Excel's 1900 date system serial → Date at UTC midnight (+ time fraction). */
export function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
}

/** Cells whose text looks legacy-encoded, per sheet. */
function legacyCells(t: SheetRead): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  t.sheet.rows.forEach((r, row) =>
    r?.forEach((cell, col) => {
      if (cell && typeof cell.value === 'string' && looksLegacyVietnamese(cell.value)) out.push({ row, col });
    }),
  );
  return out;
}

/**
 * Sync 4: font names of legacy-looking cells. With ExcelApi 1.9 one getCellProperties per
 * row block of the cells' bounding box; without it one font load per cell. Exactly one
 * sync unless the answers would pass the budget (an empty batch costs no round trip).
 */
async function readLegacyFonts(
  context: Excel.RequestContext,
  worksheets: Excel.WorksheetCollection,
  targets: SheetRead[],
  supports: Supports,
  budget: number,
): Promise<void> {
  const jobs: Array<{ bytes: number; queue: () => () => void }> = [];
  for (const t of targets) {
    const cells = legacyCells(t);
    if (!cells.length) continue;
    if (has(supports, 'cellProperties')) {
      const box = boundingBox(cells);
      const width = box.right - box.left + 1;
      const perBlock = Math.max(1, Math.floor(budget / 4 / (width * FONT_BYTES_PER_CELL)));
      for (let top = box.top; top <= box.bottom; top += perBlock) {
        const count = Math.min(perBlock, box.bottom - top + 1);
        jobs.push({
          bytes: count * width * FONT_BYTES_PER_CELL,
          queue: () => {
            const props = worksheets
              .getItem(t.name)
              .getRangeByIndexes(top - 1, box.left - 1, count, width)
              .getCellProperties({ format: { font: { name: true } } });
            return () => setFonts(t.sheet, props.value, top, box.left);
          },
        });
      }
    } else {
      for (const c of cells) {
        jobs.push({
          bytes: 64,
          queue: () => {
            const font = worksheets.getItem(t.name).getRangeByIndexes(c.row - 1, c.col - 1, 1, 1).format.font.load('name');
            return () => setFont(t.sheet, c.row, c.col, font.name);
          },
        });
      }
    }
  }
  let i = 0;
  do {
    const apply: Array<() => void> = [];
    for (let bytes = 0; i < jobs.length && (apply.length === 0 || bytes + jobs[i].bytes <= budget); i++) {
      bytes += jobs[i].bytes;
      apply.push(jobs[i].queue());
    }
    await context.sync();
    apply.forEach((f) => f());
  } while (i < jobs.length);
}

function setFonts(sheet: Sheet, props: Excel.CellProperties[][], top: number, left: number): void {
  props.forEach((row, i) => row.forEach((p, j) => setFont(sheet, top + i, left + j, p.format?.font?.name)));
}

function setFont(sheet: Sheet, row: number, col: number, name: string | null | undefined): void {
  const cell = sheet.rows[row]?.[col];
  // Only legacy-looking text: a font on every cell would be noise in the model.
  if (cell && name && typeof cell.value === 'string' && looksLegacyVietnamese(cell.value)) cell.font = name;
}

function boundingBox(cells: Array<{ row: number; col: number }>): CellRange {
  // A loop, not Math.min(...cells): a big sheet would overflow the argument stack.
  const box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  for (const c of cells) {
    box.top = Math.min(box.top, c.row);
    box.left = Math.min(box.left, c.col);
    box.bottom = Math.max(box.bottom, c.row);
    box.right = Math.max(box.right, c.col);
  }
  return box;
}
