// The engine's output plan into a new .xlsx file with ExcelJS's streaming writer: rows go to
// disk as they are written, so a country-sized rollup does not sit in memory twice.
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

export async function writeWorkbookFile(plan: OutputPlan, file: string): Promise<void> {
  const WorkbookWriter = workbookWriter();
  const wb = new WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'chitieu';
  // A fixed date keeps the document properties identical for identical inputs.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  await wb.commit();
}

