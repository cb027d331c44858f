// The bundled samples as models, and the engine run on them alone, for the pane's tests.
import { promises as fs } from 'fs';
import * as path from 'path';
import { CheckSession, readRules } from '../../src/core';
import type { CheckResult, Severity, Sheet, WorkbookModel } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { isRulesSheet } from '../../src/taskpane/check';

export const ROOT = path.resolve(__dirname, '../..');
export const RULES_FILE = path.join(ROOT, 'examples/chi-tieu-2023.xlsx');
export const REPORTS_DIR = path.join(ROOT, 'examples/bao-cao');

export async function sampleRules(): Promise<WorkbookModel> {
  return readWorkbookBuffer(await fs.readFile(RULES_FILE), path.basename(RULES_FILE));
}

export async function sampleReports(): Promise<WorkbookModel[]> {
  const files = (await fs.readdir(REPORTS_DIR)).filter((f) => f.endsWith('.xlsx')).sort();
  return Promise.all(files.map(async (f) => readWorkbookBuffer(await fs.readFile(path.join(REPORTS_DIR, f)), f)));
}

/** One workbook holding the sample rules sheets and each report as a sheet named after its file. */
export async function combinedWorkbook(name: string): Promise<WorkbookModel> {
  const rules = await sampleRules();
  const reports = await sampleReports();
  return {
    name,
    sheets: [
      ...rules.sheets.filter((s) => isRulesSheet(s.name)),
      ...reports.map((r) => ({ ...cloneSheet(r.sheets[0]), name: r.name.replace(/\.xlsx$/, '').slice(0, 31) })),
    ],
  };
}

export function engineCheck(rules: WorkbookModel, workbooks: WorkbookModel[]): CheckResult {
  const read = readRules(rules);
  const session = new CheckSession(read.rules, read.problems);
  workbooks.forEach((w) => session.addWorkbook(w));
  return session.finish();
}

/** Findings by severity, and those the office accepted apart (counted here, not by the code under test). */
export function countsOf(result: CheckResult): Record<Severity, number> & { accepted: number } {
  const c = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of result.findings) {
    if (f.status === 'accepted') c.accepted++;
    else c[f.severity]++;
  }
  return c;
}

/** A deep copy (jsdom has no structuredClone); sparse rows stay sparse, dates stay dates. */
export function cloneSheet(s: Sheet): Sheet {
  return {
    ...s,
    rows: s.rows.map((row) => row?.map((c) => c && { ...c, value: c.value instanceof Date ? new Date(c.value) : c.value && typeof c.value === 'object' ? { ...c.value } : c.value })),
    merges: s.merges.map((m) => ({ ...m })),
    hiddenRows: [...s.hiddenRows],
    hiddenCols: [...s.hiddenCols],
  };
}

export function cloneModel(m: WorkbookModel): WorkbookModel {
  return { name: m.name, sheets: m.sheets.map(cloneSheet) };
}
