// A text view of a sheet: every cell decoded (TCVN3/VNI by font), normalised and folded once,
// merged ranges resolved to their top-left cell so a header spanning columns reads in each.
import { Cell, CellRange, Sheet, getCell } from './model';
import { fold, toUnicode } from './text';

export interface Grid {
  sheet: Sheet;
  maxRow: number;
  maxCol: number;
  cell(r: number, c: number): Cell | undefined;
  /** Decoded text of a text cell ('' for numbers, errors and blanks). */
  text(r: number, c: number): string;
  /** Decoded text, looking through merges to the top-left cell. */
  mergedText(r: number, c: number): string;
  folded(r: number, c: number): string;
  mergedFolded(r: number, c: number): string;
  /** Text of the whole row, cells joined by " | ". */
  rowText(r: number): string;
  /** Rows holding something, from `start` on, in order: a stray cell far below costs nothing. */
  rowsFrom(start: number): number[];
  /** Columns of row r holding something or covered by a merge, in order. */
  columnsOf(r: number): number[];
  mergeOf(r: number, c: number): CellRange | undefined;
  hiddenRow(r: number): boolean;
  /** Encodings met while decoding, for the submission record. */
  legacy: Set<string>;
}

// A merge as wide as a whole row would list thousands of columns; none of a table's headers is.
const MAX_MERGE_COLUMNS = 256;

export function makeGrid(sheet: Sheet): Grid {
  let maxRow = 0;
  let maxCol = 0;
  const filledRows: number[] = [];
  const filledCols = new Map<number, number[]>();
  // forEach skips the holes of the sparse rows, so this is linear in the cells there are.
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    const cols: number[] = [];
    row.forEach((c, j) => {
      if (c !== undefined && c.value !== null && c.value !== '') {
        cols.push(j);
        if (j > maxCol) maxCol = j;
      }
    });
    if (cols.length) {
      filledRows.push(r);
      filledCols.set(r, cols);
      if (r > maxRow) maxRow = r;
    }
  });
  const mergeAt = new Map<number, CellRange>();
  const key = (r: number, c: number) => r * 20000 + c;
  for (const m of sheet.merges) {
    // Huge merges (whole rows or columns) only matter at their corner; cap the cells indexed.
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 5000) {
      mergeAt.set(key(m.top, m.left), m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeAt.set(key(r, c), m);
  }
  const hidden = new Set(sheet.hiddenRows);
  const textCache = new Map<number, string>();
  const foldCache = new Map<number, string>();
  const legacy = new Set<string>();

  const text = (r: number, c: number): string => {
    const k = key(r, c);
    const cached = textCache.get(k);
    if (cached !== undefined) return cached;
    const cell = getCell(sheet, r, c);
    let t = '';
    if (cell && typeof cell.value === 'string') {
      const u = toUnicode(cell.value, cell.font);
      if (u.encoding !== 'unicode') legacy.add(u.encoding);
      t = u.text;
    }
    textCache.set(k, t);
    return t;
  };
  const mergeOf = (r: number, c: number) => mergeAt.get(key(r, c));
  const mergedText = (r: number, c: number): string => {
    const m = mergeOf(r, c);
    return m ? text(m.top, m.left) : text(r, c);
  };
  const folded = (r: number, c: number): string => {
    const k = key(r, c);
    const cached = foldCache.get(k);
    if (cached !== undefined) return cached;
    const f = fold(text(r, c));
    foldCache.set(k, f);
    return f;
  };
  const mergedFolded = (r: number, c: number): string => {
    const m = mergeOf(r, c);
    return m ? folded(m.top, m.left) : folded(r, c);
  };
  const mergesByRow = new Map<number, CellRange[]>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= Math.min(m.bottom, m.top + 64); r++) {
      const list = mergesByRow.get(r) ?? [];
      list.push(m);
      mergesByRow.set(r, list);
    }
  }
  const columnCache = new Map<number, number[]>();
  const columnsOf = (r: number): number[] => {
    const cached = columnCache.get(r);
    if (cached) return cached;
    const set = new Set(filledCols.get(r) ?? []);
    for (const m of mergesByRow.get(r) ?? []) for (let c = m.left; c <= Math.min(m.right, m.left + MAX_MERGE_COLUMNS); c++) set.add(c);
    const cols = [...set].sort((a, b) => a - b);
    columnCache.set(r, cols);
    return cols;
  };
  const rowsFrom = (start: number): number[] => {
    let lo = 0;
    let hi = filledRows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (filledRows[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return filledRows.slice(lo);
  };
  const rowText = (r: number): string => {
    const parts: string[] = [];
    let last = '';
    let lastCol = -1;
    for (const c of columnsOf(r)) {
      const t = mergedText(r, c);
      // The same text again right after is one merged cell, or its repeat in a merged header.
      if (t && !(t === last && c === lastCol + 1)) parts.push(t);
      last = t;
      lastCol = c;
    }
    return parts.join(' | ');
  };
  return {
    sheet,
    maxRow,
    maxCol,
    cell: (r, c) => getCell(sheet, r, c),
    text,
    mergedText,
    folded,
    mergedFolded,
    rowText,
    rowsFrom,
    columnsOf,
    mergeOf,
    hiddenRow: (r) => hidden.has(r),
    legacy,
  };
}

/**
 * Finds the header row of a table: the first row, within `scanRows`, where at least `minHits`
 * cells are recognised by `classify`. Returns the row and each recognised column's role.
 */
export function findHeader<R extends string>(
  grid: Grid,
  classify: (folded: string) => R | null,
  opts: { minHits: number; required?: R[]; scanRows?: number },
): { row: number; columns: Map<R, number> } | null {
  const last = Math.min(grid.maxRow, opts.scanRows ?? 40);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<R, number>();
    for (const c of grid.columnsOf(r)) {
      const role = classify(grid.folded(r, c));
      if (role && !columns.has(role)) columns.set(role, c);
    }
    if (columns.size >= opts.minHits && (opts.required ?? []).every((q) => columns.has(q))) return { row: r, columns };
  }
  return null;
}
