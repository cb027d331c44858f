// The Office.js adapter: the only code that talks to Excel. Every function takes the
// Excel.RequestContext so the task pane passes the one from Excel.run and tests pass a fake.
export { readWorkbook, READ_SYNCS, READ_BATCH_BYTES, READ_BYTES_PER_CELL } from './readWorkbook';
export type { ReadOptions } from './readWorkbook';
export { writePlan, WRITE_SYNCS, WRITE_AGAIN_SYNCS, WRITE_ROLLBACK_SYNCS } from './writePlan';
export type { WriteOptions, WriteResult } from './writePlan';
export { applyFlags, clearFlags, readUndoRecord, APPLY_FLAGS_SYNCS, CLEAR_FLAGS_SYNCS, READ_UNDO_SYNCS, UNDO_SHEET } from './flags';
export type { UndoRecord, UndoEntry, FillState, FlagOptions, ApplyResult, ClearResult } from './flags';
export { MIN_EXCEL_API, FEATURE_API, hostSupports, supportsUpTo } from './requirements';
export type { Supports } from './requirements';
export { ExcelAdapterError } from './errors';
export { createExcelHost, describeWorkbook, selectCell, showSheet, insertSheets } from './host';
