// A template ("biểu mẫu") into an .xlsx file: the planned sheet, then the sheet protected
// without a password, so labels stay as written and only the figure and note cells open.
import ExcelJS from 'exceljs';
import type { Template } from '../core/plan-template';
import { writeSheet } from './write';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function writeTemplateFile(t: Template, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  // Fixed dates keep the file identical for identical inputs.
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = writeSheet(wb, t.sheet);
  // Formatting columns and rows stays allowed: a unit may widen a column to read a long name.
  if (t.sheet.protect) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  await wb.xlsx.writeFile(file);
}
