// The output plan: what the engine wants written, independent of how it is written.
// src/files writes it into a new .xlsx file; src/excel writes it into the open workbook.
// Every adapter must honour `text` as literal text: a value taken from a submitted file
// is data and never becomes a formula, whatever its first character.

export type Severity = 'error' | 'warning' | 'info';

export type PlannedValue =
  | { text: string }
  | { number: number }
  | { formula: string } // without the leading "="; built by the engine from codes and addresses only
  | { empty: true };

export interface PlannedCell {
  row: number; // 1-based
  col: number; // 1-based
  value: PlannedValue;
  numFmt?: string;
  bold?: boolean;
  /** Fill colour as RGB hex without '#', e.g. "FFC7CE". */
  fill?: string;
  /** A short note shown on the cell (an Excel note/comment). */
  note?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Left open for typing when the sheet is protected (a template's figure cells). */
  unlocked?: boolean;
}

/** What may be typed in a range ("D7:F7"): the adapter turns it into data validation. */
export interface PlannedValidation {
  range: string;
  /** Whole numbers, decimals, or any text up to 255 characters. */
  kind: 'whole' | 'decimal' | 'text';
  min?: number;
  max?: number;
  /** Shown when the cell is selected. */
  prompt?: string;
  /** Shown when what was typed is refused. */
  error?: string;
}

/** A bar chart over ranges of the same sheet (Excel draws it; a file written by ExcelJS has none). */
export interface PlannedChart {
  title: string;
  /** Category labels, e.g. "B5:B11" (the units). */
  categories: string;
  /** One series per range, e.g. "D5:D11", named by `name`. */
  series: Array<{ name: string; values: string }>;
  /** Top-left cell the chart is placed at, e.g. "F3". */
  anchor: string;
}

export interface PlannedSheet {
  name: string;
  cells: PlannedCell[];
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  /** Column widths in characters, index 0 for column A. */
  widths: number[];
  frozenRows: number;
  frozenCols: number;
  /** Range with an autofilter, e.g. "A1:H40". */
  autoFilter?: string;
  charts?: PlannedChart[];
  /** Row heights in points, for rows whose wrapped text needs more than one line (see fitRowHeights). */
  rowHeights?: Record<number, number>;
  /** How the sheet prints; adapters that cannot set page layout leave it. */
  page?: PlannedPage;
  /** Columns hidden from view (1-based): a template's code column. */
  hiddenCols?: number[];
  validations?: PlannedValidation[];
  /** Protected without a password: only `unlocked` cells can be typed in. */
  protect?: boolean;
}

export interface PlannedPage {
  orientation: 'portrait' | 'landscape';
  /** Scale to one page wide, as many pages tall as it takes. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "1:8". */
  repeatRows?: string;
  /** Footer text (the page number is added by the adapter). */
  footer?: string;
  /** The range printed, e.g. "A1:AG20". */
  printArea?: string;
}

/**
 * Points per line of text at the default font (Calibri 11), and characters per unit of column
 * width. Calibri fits about 1.15 characters a unit; the fonts LibreOffice falls back on where
 * Calibri is missing (DejaVu Sans) are wider, so the estimate takes 1: a row a little tall
 * beats text running over the row below. A few points spare for the cell's padding.
 */
const LINE_POINTS = 15;
const CHARS_PER_WIDTH = 1;
const SPARE_POINTS = 3;
/** Excel's tallest row: a larger height is refused by Excel (and the add-in's write would fail). */
export const MAX_ROW_POINTS = 409;

/**
 * Heights for rows whose wrapped cells need several lines: Excel fits them when it opens a
 * file, but LibreOffice and a printer take the stored height, so text would run over the row
 * below. An estimate from the text's length and the (merged) column widths.
 */
export function fitRowHeights(sheet: PlannedSheet): Record<number, number> {
  const width = (c: number) => sheet.widths[c - 1] || 9;
  const spanOf = (row: number, col: number) => {
    const m = sheet.merges.find((x) => x.top === row && x.left === col && x.bottom === row);
    let w = 0;
    for (let c = col; c <= (m ? m.right : col); c++) w += width(c);
    return w;
  };
  const heights: Record<number, number> = {};
  for (const cell of sheet.cells) {
    if (!cell.wrap || !('text' in cell.value)) continue;
    // Bold letters are wider, capitals wider still ("ĐẢNG ỦY XÃ …"): fewer fit on a line.
    const t = cell.value.text;
    const capitals = /\p{Lu}/u.test(t) && t === t.toLocaleUpperCase('vi');
    const perLine = Math.max(1, Math.floor(spanOf(cell.row, cell.col) * CHARS_PER_WIDTH * (cell.bold ? 0.9 : 1) * (capitals ? 0.75 : 1)));
    const lines = cell.value.text.split('\n').reduce((n, para) => n + wrappedLines(para, perLine), 0);
    if (lines > 1) heights[cell.row] = Math.min(MAX_ROW_POINTS, Math.max(heights[cell.row] ?? 0, lines * LINE_POINTS + SPARE_POINTS));
  }
  return heights;
}

/** Lines a paragraph takes when wrapped at word boundaries, `perLine` characters a line. */
export function wrappedLines(para: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of para.split(/\s+/).filter(Boolean)) {
    const n = [...word].length;
    if (used > 0 && used + 1 + n <= perLine) used += 1 + n;
    else if (used === 0 && n <= perLine) used = n;
    else {
      // A word longer than a line is broken across lines.
      if (used > 0) lines++;
      lines += Math.ceil(n / perLine) - 1;
      used = n % perLine || perLine;
    }
  }
  return lines;
}

/** A mark to put on a cell of a submitted report (the add-in draws these on the units' own sheets). */
export interface CellFlag {
  file: string;
  sheet: string;
  cell: string;
  severity: Severity;
  message: string;
}

export interface OutputPlan {
  sheets: PlannedSheet[];
  flags: CellFlag[];
}

/** Fill colours by severity, shared by every adapter so a flag looks the same everywhere. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'DDEBF7',
};
