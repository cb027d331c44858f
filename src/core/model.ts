// The workbook model: what the engine sees of a workbook, whichever host it came from
// (an .xlsx file read by src/files, or the open workbook read by src/excel).
// Rows and columns are 1-based, as in Excel, so a cell's address reads the same everywhere.

/** An error value such as #DIV/0! or #N/A, kept apart from text that merely looks like one. */
export interface ErrorValue {
  error: string;
}

/** A cell's value as shown: for a formula, its cached result. */
export type CellValue = number | string | boolean | Date | ErrorValue | null;

export interface Cell {
  value: CellValue;
  /** Formula text without the leading "=", when the cell holds one. */
  formula?: string;
  /** Number format code, e.g. "0.00%", "@", "General". */
  numFmt?: string;
  /** Font name, e.g. ".VnTime"; decides how legacy 8-bit text is decoded. */
  font?: string;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Sparse: rows[r][c] for 1-based r and c; holes are empty cells. */
  rows: Array<Array<Cell | undefined> | undefined>;
  merges: CellRange[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** The sheet's tab is hidden (state "hidden" or "veryHidden"): a draft or an old copy, not what was sent. */
  hidden?: boolean;
}

export interface WorkbookModel {
  /** File name (or workbook name) as the user knows it; used in messages and to name the unit. */
  name: string;
  sheets: Sheet[];
}

export function isErrorValue(v: CellValue | undefined): v is ErrorValue {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as ErrorValue).error === 'string';
}

export function getCell(sheet: Sheet, row: number, col: number): Cell | undefined {
  const r = sheet.rows[row];
  return r ? r[col] : undefined;
}

export function setCell(sheet: Sheet, row: number, col: number, cell: Cell): void {
  let r = sheet.rows[row];
  if (!r) {
    r = [];
    sheet.rows[row] = r;
  }
  r[col] = cell;
}

export function newSheet(name: string): Sheet {
  return { name, rows: [], merges: [], hiddenRows: [], hiddenCols: [] };
}

/** Last used row and column (0 when the sheet is empty). */
export function sheetExtent(sheet: Sheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.rows.forEach((r, i) => {
    if (!r) return;
    let last = 0;
    r.forEach((c, j) => {
      if (c && c.value !== null && c.value !== '') last = j;
    });
    if (last > 0) {
      rows = i;
      if (last > cols) cols = last;
    }
  });
  return { rows, cols };
}

/** "A" for 1, "AA" for 27. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parses "E11" into 1-based row and column; null when it is not an address. */
export function parseAddress(addr: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(addr.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
