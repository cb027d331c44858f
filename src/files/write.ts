// The engine's output plan into .xlsx files: the rollup by the lean writer (./xlsx-writer);
// templates and feedback files, and the lean writer's reference, through ExcelJS.
// Planned text is written as a string value (a shared string): "=HYPERLINK(…)" stays text.
import type ExcelJS from 'exceljs';
import { OutputPlan } from '../core/plan';
import { writeSheet } from './sheet-writer';

export { writeSheet };

/**
 * ExcelJS's streaming writer alone, loaded when a workbook is written: the package's entry
 * loads about 660 modules (0.6 s of CPU at each start of the command on this project's
 * machine), the writer about 200 (0.3 s). Readers never need ExcelJS.
 */
function workbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
}

/** The rollup: written by the lean writer (./xlsx-writer), which writes what this one did. */
export async function writeWorkbookFile(plan: OutputPlan, file: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeWorkbookBytes } = require('./xlsx-writer') as typeof import('./xlsx-writer');
  await writeWorkbookBytes(plan, file);
}

/** The plan through ExcelJS's streaming writer: what the lean writer is compared with. */
export async function writeWorkbookFileWithExcelJs(plan: OutputPlan, file: string): Promise<void> {
  const WorkbookWriter = workbookWriter();
  const wb = new WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'chitieu';
  // A fixed date keeps the document properties identical for identical inputs.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  await wb.commit();
}

