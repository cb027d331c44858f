// A PaneHost over a workbook model, every method a jest mock, for the pane's component tests.
import type { CellFlag, WorkbookModel } from '../../src/core';
import type { PaneHost } from '../../src/taskpane/host';
import { cloneModel } from './samples';

export interface Fake extends PaneHost {
  model: WorkbookModel;
  describeWorkbook: jest.Mock;
  readSheets: jest.Mock;
  writeRollup: jest.Mock;
  applyFlags: jest.Mock;
  clearFlags: jest.Mock;
  selectCell: jest.Mock;
  showSheet: jest.Mock;
  insertSheets: jest.Mock;
  writeFeedback: jest.Mock;
  appendExplanation: jest.Mock;
  loadPreviousCheck: jest.Mock;
  savePreviousCheck: jest.Mock;
  saveFile: jest.Mock;
}

/** Sheets inserted through the fake are added to its model, as Excel would. */
export function fakeHost(model: WorkbookModel, extra: { flagged?: boolean } = {}): Fake {
  return {
    model,
    displayLanguage: 'vi-VN',
    describeWorkbook: jest.fn(async () => ({ name: model.name, sheets: model.sheets.map((s) => ({ name: s.name, visible: true })), ...extra })),
    readSheets: jest.fn(async (names: string[]) => ({ name: model.name, sheets: cloneModel({ ...model, sheets: model.sheets.filter((s) => names.includes(s.name)) }).sheets })),
    writeRollup: jest.fn(async () => ['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra']),
    applyFlags: jest.fn(async (flags: CellFlag[]) => ({ applied: flags.length, skipped: 0 })),
    clearFlags: jest.fn(async () => ({ restored: 3, kept: 0 })),
    selectCell: jest.fn(async () => ({ hidden: false })),
    showSheet: jest.fn(async () => undefined),
    insertSheets: jest.fn(async (sheets: WorkbookModel['sheets']) => {
      model.sheets.push(...cloneModel({ name: model.name, sheets }).sheets);
      return sheets.map((s) => s.name);
    }),
    writeFeedback: jest.fn(async (plan: { sheets: { name: string }[] }) => plan.sheets.map((s) => s.name)),
    appendExplanation: jest.fn(async () => undefined),
    loadPreviousCheck: jest.fn(async () => null),
    savePreviousCheck: jest.fn(async () => undefined),
    saveFile: jest.fn(async () => undefined),
  };
}
