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
  mergeOf(r: number, c: number): CellRange | undefined;
  hiddenRow(r: number): boolean;
  /** Encodings met while decoding, for the submission record. */
  legacy: Set<string>;
}

export function makeGrid(sheet: Sheet): Grid {
  let maxRow = 0;
  let maxCol = 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((c, j) => {
      if (c !== undefined && c.value !== null && c.value !== '') {
        if (r > maxRow) maxRow = r;
        if (j > maxCol) maxCol = j;
      }
    });
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
  const rowText = (r: number): string => {
    const parts: string[] = [];
    let last = '';
    for (let c = 1; c <= maxCol; c++) {
      const t = mergedText(r, c);
      if (t && t !== last) parts.push(t);
      last = t;
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
    for (let c = 1; c <= grid.maxCol; c++) {
      const role = classify(grid.folded(r, c));
      if (role && !columns.has(role)) columns.set(role, c);
    }
    if (columns.size >= opts.minHits && (opts.required ?? []).every((q) => columns.has(q))) return { row: r, columns };
  }
  return null;
}
