// What the pane needs from its host. The pane's components get one of these passed in, so they
// render and test without Excel: src/excel/host.ts implements it over Office.js, tests pass a
// fake object.
import type { Sheet, WorkbookModel } from '../core/model';
import type { CellFlag, OutputPlan } from '../core/plan';
import type { ExplanationRow } from '../excel/cycle';

export type { ExplanationRow };

export interface SheetInfo {
  name: string;
  /** False for a sheet the user hid (very hidden sheets are never listed). */
  visible: boolean;
}

export interface WorkbookInfo {
  /** The workbook's name as Excel shows it; findings of its sheets carry it as their file. */
  name: string;
  /** The user's sheets, in tab order: the add-in's own output and undo sheets left out. */
  sheets: SheetInfo[];
  /** Whether an earlier check is kept in the workbook (so the next check says what changed). */
  keptCheck?: boolean;
  /**
   * Whether the add-in's marks are on the sheets (its undo record is there). Absent when the
   * host does not say: the pane then offers "Xóa đánh dấu" until it knows there is nothing to clear.
   */
  flagged?: boolean;
}

export interface PaneHost {
  /** Office's display language, e.g. "vi-VN" or "en-US". */
  readonly displayLanguage: string;
  describeWorkbook(): Promise<WorkbookInfo>;
  /** The named sheets of the open workbook as the engine's model (named after the workbook). */
  readSheets(names: string[]): Promise<WorkbookModel>;
  /** Writes the rollup sheets; a failed write leaves no half-written sheet. Returns the names written. */
  writeRollup(plan: OutputPlan): Promise<string[]>;
  /** Marks the flags whose file is this workbook on its sheets. */
  applyFlags(flags: CellFlag[], workbookName: string): Promise<{ applied: number; skipped: number }>;
  /** Takes every mark off again, restoring the cells' own fills. */
  clearFlags(): Promise<{ restored: number; kept: number }>;
  /**
   * Activates the sheet and selects the cell; on a sheet the user hid, does nothing and says so
   * (activating a hidden sheet is not something Excel defines).
   */
  selectCell(sheet: string, cell: string): Promise<{ hidden: boolean }>;
  /** Shows a hidden sheet, then activates it and selects the cell. */
  showSheet(sheet: string, cell: string): Promise<void>;
  /** Adds the sheets as ordinary user sheets; refuses if a name is taken. Returns the names written. */
  insertSheets(sheets: Sheet[]): Promise<string[]>;
  /**
   * Writes feedback sheets: `all` replaces every earlier feedback sheet of the add-in, `these`
   * only those of the same units. Never the rollup, never a user's sheet. Returns the names written.
   */
  writeFeedback(plan: OutputPlan, replace: 'all' | 'these'): Promise<string[]>;
  /** Adds an accepted explanation as a row of the workbook's "Giải trình" sheet. */
  appendExplanation(row: ExplanationRow): Promise<void>;
  /** The last check kept in the workbook (its JSON), or null. */
  loadPreviousCheck(): Promise<string | null>;
  /** Keeps this check in the workbook, for the next comparison. */
  savePreviousCheck(json: string): Promise<void>;
  /** Offers a file the pane made (the templates' zip) as a download: it stays on this machine. */
  saveFile(name: string, bytes: Uint8Array, type: string): Promise<void>;
}
