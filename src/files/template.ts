// A template ("biểu mẫu") into an .xlsx file: the planned sheet, then the sheet protected
// without a password, so labels stay as written and only the figure and note cells open.
import type ExcelJS from 'exceljs';
import type { Template } from '../core/plan-template';
import { writeSheet } from './write';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function writeTemplateFile(t: Template, file: string): Promise<void> {
  // Loaded only when templates are written: the package's entry is about 660 modules.
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
  await wb.xlsx.writeFile(file);
}
