// A template ("biểu mẫu") into an .xlsx file: the planned sheet, then the sheet protected
// without a password, so labels stay as written and only the figure and note cells open.
// In memory, with no Node module: the command line writes it to disk, the pane offers it for download.
import type ExcelJS from 'exceljs';
import type { Template } from '../core/plan-template';
import { uniqueFileNames } from '../cli/names';
import { writeSheet } from './sheet-writer';

/** The one template for any unit, without a roster. */
export const GENERIC_TEMPLATE = 'bieu-mau.xlsx';

/** Each template's file name: its unit's, made safe on Windows and macOS, or the generic one. */
export function templateFileNames(templates: Template[]): string[] {
  return templates[0]?.unit === null ? [GENERIC_TEMPLATE] : uniqueFileNames(templates.map((t) => t.unit!), '.xlsx');
}

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function templateBytes(t: Template): Promise<Uint8Array> {
  // Loaded only when templates are written (the package's entry is about 660 modules); in the
  // pane this file is itself in a chunk loaded on the first click, with ExcelJS's browser build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  wb.creator = 'chitieu';
  // Fixed dates keep the file identical for identical inputs.
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = writeSheet(wb, t.sheet);
  // Formatting columns and rows stays allowed: a unit may widen a column to read a long name.
  if (t.sheet.protect) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
