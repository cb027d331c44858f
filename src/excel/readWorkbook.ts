// Reads the open workbook into the engine's WorkbookModel. Each phase is split into syncs by
// bytes (batches.ts), so these counts hold whatever the number of sheets until the bytes need
// more (READ_SYNCS when everything fits):
//   sync 1  worksheet names and visibility, workbook name, own-sheet markers
//   sync 2  each chosen sheet's used range (address and size only: cheap)
//   sync 3  values, formulas, number formats, value types by row blocks; hidden rows and
//           columns (ExcelApi 1.9); merged areas (ExcelApi 1.13) in blocks of at most 512
//           cells, so that no call can meet more than the 512 merged areas Excel answers for
//   sync 4  font names of the cells whose text looks like legacy TCVN3/VNI
/// <reference types="office-js" />
import { Cell, CellRange, Sheet, WorkbookModel, newSheet, setCell } from '../core/model';
import { isDateFormat, serialToDate } from '../core/dates';
import { parseRange, splitAreas } from './address';
import { ANSWER_BYTES, Job, PAYLOAD_BUDGET, requestCost, runJobs, sheetCache } from './batches';
import { looksLegacyVietnamese } from './legacy';
import { loadSheetList, UNDO_SHEET } from './ownership';
import { Supports, has, hostSupports } from './requirements';
import { readableError } from './errors';

/** Syncs of readWorkbook when every phase fits one request and one answer. */
export const READ_SYNCS = 4;
/** Budget for one request and one answer, under Excel on the web's 5 MB limit. */
export const READ_BATCH_BYTES = PAYLOAD_BUDGET;
/** Estimated answer bytes per cell for values+formulas+numberFormat+valueTypes. */
export const READ_BYTES_PER_CELL = 64;
/** Estimated bytes per cell of a getCellProperties font answer. */
const FONT_BYTES_PER_CELL = 48;
/** getMergedAreasOrNullObject fails past 512 merged areas: a block of 512 cells cannot meet more. */
export const MERGE_BLOCK_CELLS = 512;
/** A row's or a column's answer from getRowProperties / getColumnProperties. */
const PROPERTY_BYTES = 48;

export interface ReadOptions {
  /** Only these sheets (exact names); default all readable sheets. */
  sheets?: string[];
  /** Requirement-set check; default Office.context.requirements. */
  supports?: Supports;
  /** Read sheets the user hid (not very-hidden ones); default true. */
  includeHidden?: boolean;
  /** Read sheets this add-in wrote (rollups); default false. */
  includeOwnSheets?: boolean;
  /** Request and answer budget per sync; tests lower it. */
  batchBytes?: number;
}

interface SheetRead {
  name: string;
  /** 0-based origin and size of the used range, known after sync 2. */
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  sheet: Sheet;
  /** Merged areas seen so far ("top,left,bottom,right"): a block meets an area its neighbour met. */
  merged: Set<string>;
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookModel> {
  const supports = options.supports ?? hostSupports;
  const run = { budget: options.batchBytes, readOnly: true };
  try {
    // sync 1
    const list = await loadSheetList(context);
    const sheet = sheetCache(context.workbook.worksheets);
    const chosen = chooseSheets(list.sheets, list.own, options);

    // syncs 2
    const hidden = new Set(list.sheets.filter((w) => String(w.visibility) !== 'Visible').map((w) => w.name));
    const targets: SheetRead[] = chosen.map((name) => ({ name, row0: 0, col0: 0, rows: 0, cols: 0, sheet: { ...newSheet(name), ...(hidden.has(name) ? { hidden: true } : {}) }, merged: new Set<string>() }));
    await runJobs(context, targets.map((t) => usedRangeJob(sheet, t)), run);

    // syncs 3
    const budget = options.batchBytes ?? READ_BATCH_BYTES;
    await runJobs(context, targets.flatMap((t) => chunkJobs(sheet, t, supports, budget)), run);

    // syncs 4
    await runJobs(context, targets.flatMap((t) => fontJobs(sheet, t, supports, budget)), run);

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

function usedRangeJob(sheet: (n: string) => Excel.Worksheet, t: SheetRead): Job {
  return {
    request: requestCost(2, 1, [t.name, 'rowIndex,columnIndex,rowCount,columnCount']),
    response: 2 * ANSWER_BYTES + 100,
    queue: () => {
      const used = sheet(t.name).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      return () => {
        if (used.isNullObject) return;
        t.row0 = used.rowIndex;
        t.col0 = used.columnIndex;
        t.rows = used.rowCount;
        t.cols = used.columnCount;
      };
    },
  };
}

/**
 * A sheet's cells as row blocks, each answer at most a quarter of the budget: values, formulas,
 * formats and types; the block's hidden rows (and the sheet's hidden columns with the first);
 * its merged areas by blocks of at most MERGE_BLOCK_CELLS cells.
 */
function chunkJobs(sheet: (n: string) => Excel.Worksheet, t: SheetRead, supports: Supports, budget: number): Job[] {
  if (t.rows === 0) return [];
  const rowBytes = t.cols * READ_BYTES_PER_CELL + 64;
  const perChunk = Math.max(1, Math.floor(budget / 4 / rowBytes));
  const properties = has(supports, 'cellProperties');
  const merges = has(supports, 'mergedAreas');
  const jobs: Job[] = [];
  for (let from = 0; from < t.rows; from += perChunk) {
    const count = Math.min(perChunk, t.rows - from);
    const first = from === 0;
    const blocks = merges ? mergeBlocks(t, from, count) : [];
    let request = requestCost(2, 1, [t.name, 'values,formulas,numberFormat,valueTypes', 0, 0, 0, 0]);
    let response = ANSWER_BYTES + count * rowBytes;
    if (properties) {
      request += requestCost(1, 1, [{ rowIndex: true, rowHidden: true }]) + (first ? requestCost(1, 1, [{ columnIndex: true, columnHidden: true }]) : 0);
      response += ANSWER_BYTES + count * PROPERTY_BYTES + (first ? ANSWER_BYTES + t.cols * PROPERTY_BYTES : 0);
    }
    request += blocks.length * requestCost(2, 2, [0, 0, 0, 0, 'address']);
    // An answer names each merged area once per block it meets; a few hundred bytes a block is the usual.
    response += blocks.length * (2 * ANSWER_BYTES + 300);
    jobs.push({ request, response, queue: () => queueChunk(sheet(t.name), t, from, count, first, properties, blocks) });
  }
  return jobs;
}

/** Blocks of at most MERGE_BLOCK_CELLS cells covering rows [from, from+count) of the used range. */
function mergeBlocks(t: SheetRead, from: number, count: number): CellRange[] {
  const width = Math.min(t.cols, MERGE_BLOCK_CELLS);
  const height = Math.max(1, Math.floor(MERGE_BLOCK_CELLS / width));
  const blocks: CellRange[] = [];
  for (let r = from; r < from + count; r += height)
    for (let c = 0; c < t.cols; c += width)
      blocks.push({ top: r, left: c, bottom: Math.min(r + height, from + count) - 1, right: Math.min(c + width, t.cols) - 1 });
  return blocks;
}

function queueChunk(ws: Excel.Worksheet, t: SheetRead, from: number, count: number, first: boolean, properties: boolean, blocks: CellRange[]): () => void {
  const area = () => ws.getRangeByIndexes(t.row0 + from, t.col0, count, t.cols);
  const range = area().load('values,formulas,numberFormat,valueTypes');
  const rowProps = properties ? area().getRowProperties({ rowIndex: true, rowHidden: true }) : undefined;
  const colProps = properties && first ? area().getColumnProperties({ columnIndex: true, columnHidden: true }) : undefined;
  const merged = blocks.map((b) =>
    ws.getRangeByIndexes(t.row0 + b.top, t.col0 + b.left, b.bottom - b.top + 1, b.right - b.left + 1).getMergedAreasOrNullObject().load('address'),
  );
  return () => {
    const { values, formulas, numberFormat, valueTypes } = range;
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < t.cols; j++) {
        const cell = toCell(values[i][j], formulas[i][j], numberFormat[i][j], valueTypes[i][j]);
        if (cell) setCell(t.sheet, t.row0 + from + i + 1, t.col0 + j + 1, cell);
      }
    }
    if (rowProps) for (const r of rowProps.value) if (r.rowHidden) t.sheet.hiddenRows.push((r.rowIndex ?? 0) + 1);
    if (colProps) for (const k of colProps.value) if (k.columnHidden) t.sheet.hiddenCols.push((k.columnIndex ?? 0) + 1);
    for (const m of merged) {
      if (m.isNullObject) continue;
      for (const a of splitAreas(m.address)) {
        const r = parseRange(a);
        const k = r && `${r.top},${r.left},${r.bottom},${r.right}`;
        if (r && !t.merged.has(k!)) {
          t.merged.add(k!);
          t.sheet.merges.push(r);
        }
      }
    }
  };
}

/** One cell of the API's parallel arrays → a model cell; null for a truly empty cell. */
export function toCell(value: unknown, formula: unknown, numFmt: unknown, type: unknown): Cell | null {
  // Excel answers `formulas` with the value itself where a cell holds no formula: text typed
  // as "= 0" or "=SUM(A1)" into a text cell comes back the same in both, and is text.
  const holdsFormula = typeof formula === 'string' && formula.startsWith('=') && !(type === 'String' && value === formula);
  const f = holdsFormula ? (formula as string).slice(1) : undefined;
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
 * row block of the cells' bounding box; without it one font load per cell.
 */
function fontJobs(sheet: (n: string) => Excel.Worksheet, t: SheetRead, supports: Supports, budget: number): Job[] {
  const cells = legacyCells(t);
  if (!cells.length) return [];
  if (!has(supports, 'cellProperties')) {
    return cells.map((c) => ({
      request: requestCost(4, 1, [t.name, 0, 0, 1, 1, 'name']),
      response: ANSWER_BYTES + 40,
      queue: () => {
        const font = sheet(t.name).getRangeByIndexes(c.row - 1, c.col - 1, 1, 1).format.font.load('name');
        return () => setFont(t.sheet, c.row, c.col, font.name);
      },
    }));
  }
  const box = boundingBox(cells);
  const width = box.right - box.left + 1;
  const perBlock = Math.max(1, Math.floor(budget / 4 / (width * FONT_BYTES_PER_CELL)));
  const jobs: Job[] = [];
  for (let top = box.top; top <= box.bottom; top += perBlock) {
    const count = Math.min(perBlock, box.bottom - top + 1);
    jobs.push({
      request: requestCost(2, 1, [t.name, 0, 0, 0, 0, { format: { font: { name: true } } }]),
      response: ANSWER_BYTES + count * width * FONT_BYTES_PER_CELL,
      queue: () => {
        const props = sheet(t.name)
          .getRangeByIndexes(top - 1, box.left - 1, count, width)
          .getCellProperties({ format: { font: { name: true } } });
        return () => setFonts(t.sheet, props.value, top, box.left);
      },
    });
  }
  return jobs;
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
