// A text view of a sheet: every cell decoded (TCVN3/VNI by font), normalised and folded once
// when the grid is built, merged ranges resolved to their top-left cell so a header spanning
// columns reads in each.
import { dateCellText } from './dates';
import { Cell, CellRange, Sheet, getCell } from './model';
import { decodeLegacy, fitsLegacy, fold, toUnicode } from './text';

/** Cells decoded as one legacy encoding, and none as the other, for a sheet to be taken as typed in it. */
const LEGACY_SHEET_CELLS = 3;
const HIGH_BYTE_RE = /[^\u0000-\u007f]/;

export interface Grid {
  sheet: Sheet;
  maxRow: number;
  maxCol: number;
  cell(r: number, c: number): Cell | undefined;
  /** Decoded text of a text cell, or the text a date cell shows ('' for numbers, errors and blanks). */
  text(r: number, c: number): string;
  /** Decoded text, looking through merges to the top-left cell. */
  mergedText(r: number, c: number): string;
  folded(r: number, c: number): string;
  mergedFolded(r: number, c: number): string;
  /** Text of the whole row, cells joined by " | ". */
  rowText(r: number): string;
  /** Folded text of the whole row, cells joined by a space. */
  rowFolded(r: number): string;
  /** The row's text cells (a merged cell once), with where each stands. */
  rowCells(r: number): Array<{ col: number; text: string; folded: string }>;
  /** Rows holding something, from `start` on, in order: a stray cell far below costs nothing. */
  rowsFrom(start: number): number[];
  /** Columns of row r holding something or covered by a merge, in order. */
  columnsOf(r: number): number[];
  mergeOf(r: number, c: number): CellRange | undefined;
  hiddenRow(r: number): boolean;
  hiddenCol(c: number): boolean;
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
  const hiddenCols = new Set(sheet.hiddenCols);
  // Every text cell is decoded, normalised and folded here, once; the reader's later stages
  // (headers, labels, unit names, totals, signatures) all take these.
  const textAt = new Map<number, string>();
  const foldedAt = new Map<number, string>();
  const legacy = new Set<string>();
  const decoded = { tcvn3: 0, vni: 0 };
  const undecided: Array<[number, number, string]> = [];
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell && cell.value instanceof Date) {
        // A date line typed as a date cell reads as the text it shows.
        const shown = dateCellText(cell.value, cell.numFmt).normalize('NFC');
        textAt.set(key(r, c), shown);
        foldedAt.set(key(r, c), fold(shown));
        return;
      }
      if (!cell || typeof cell.value !== 'string') return;
      const u = toUnicode(cell.value, cell.font);
      if (u.encoding !== 'unicode') {
        legacy.add(u.encoding);
        decoded[u.encoding]++;
      } else if (HIGH_BYTE_RE.test(cell.value)) undecided.push([r, c, cell.value]);
      textAt.set(key(r, c), u.text);
      foldedAt.set(key(r, c), fold(u.text));
    });
  });
  // A sheet typed in TCVN3 or VNI without its font: the long labels are known by their words, the
  // short ones ("Ng­êi", "Cuéc") are not on their own; they are read in the sheet's encoding when
  // they read as Vietnamese in it, so a unit of measure never passes for a unit's name.
  const sheetEncoding = decoded.tcvn3 >= LEGACY_SHEET_CELLS && decoded.vni === 0 ? 'tcvn3' : decoded.vni >= LEGACY_SHEET_CELLS && decoded.tcvn3 === 0 ? 'vni' : null;
  if (sheetEncoding) {
    for (const [r, c, raw] of undecided) {
      if (!fitsLegacy(raw, sheetEncoding)) continue;
      const t = decodeLegacy(raw, sheetEncoding);
      textAt.set(key(r, c), t);
      foldedAt.set(key(r, c), fold(t));
    }
  }
  const text = (r: number, c: number): string => textAt.get(key(r, c)) ?? '';
  const folded = (r: number, c: number): string => foldedAt.get(key(r, c)) ?? '';
  const mergeOf = (r: number, c: number) => mergeAt.get(key(r, c));
  const mergedText = (r: number, c: number): string => {
    const m = mergeOf(r, c);
    return m ? text(m.top, m.left) : text(r, c);
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
  const rowCells = (r: number): Array<{ col: number; text: string; folded: string }> => {
    const parts: Array<{ col: number; text: string; folded: string }> = [];
    let last = '';
    let lastCol = -1;
    for (const c of columnsOf(r)) {
      const t = mergedText(r, c);
      // The same text again right after is one merged cell, or its repeat in a merged header.
      if (t && !(t === last && c === lastCol + 1)) parts.push({ col: c, text: t, folded: mergedFolded(r, c) });
      last = t;
      lastCol = c;
    }
    return parts;
  };
  const rowText = (r: number): string =>
    rowCells(r)
      .map((p) => p.text)
      .join(' | ');
  const rowFolded = (r: number): string =>
    rowCells(r)
      .map((p) => p.folded)
      .filter(Boolean)
      .join(' ');
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
    rowFolded,
    rowCells,
    rowsFrom,
    columnsOf,
    mergeOf,
    hiddenRow: (r) => hidden.has(r),
    hiddenCol: (c) => hiddenCols.has(c),
    legacy,
  };
}

/**
 * Finds the header row of a table: the first row, within `scanRows`, where at least `minHits`
 * cells are recognised by `classify`. Returns the row and each recognised column's role.
 */
export function findHeader<R extends string>(
  grid: Grid,
  classify: (folded: string, text?: string) => R | null,
  opts: { minHits: number; required?: R[]; scanRows?: number },
): { row: number; columns: Map<R, number> } | null {
  const last = Math.min(grid.maxRow, opts.scanRows ?? 40);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<R, number>();
    for (const c of grid.columnsOf(r)) {
      const role = classify(grid.folded(r, c), grid.text(r, c));
      if (role && !columns.has(role)) columns.set(role, c);
    }
    if (columns.size >= opts.minHits && (opts.required ?? []).every((q) => columns.has(q))) return { row: r, columns };
  }
  return null;
}
