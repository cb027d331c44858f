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
