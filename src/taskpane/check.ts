// One check run as the pane does it: the rules from this workbook's rules sheets or from a
// file, the reports from this workbook's sheets and/or files read in the pane (never
// inserted into the workbook), then the engine's result and output plan.
import { CheckSession, RulesError, compareChecks, countBySeverity, keptForComparison, planOutput, readExplanations, readPrevious, readRules, toResultJson } from '../core';
import type { Changes, CheckResult, OutputPlan, Severity, WorkbookModel } from '../core';
import type { Sheet } from '../core/model';
import { rulesSheetRole } from '../core/rules';
import type { Rules } from '../core/rules';
import { FileReaders, fileReaders } from './readers';
import type { PaneHost, WorkbookInfo } from './host';
import type { Strings } from './strings';

/** A rules sheet is never a report: checking it would only say it holds no report table. */
export function isRulesSheet(name: string): boolean {
  return rulesSheetRole(name) !== null;
}

export function hasRulesSheet(info: WorkbookInfo | null): boolean {
  return !!info?.sheets.some((s) => rulesSheetRole(s.name) === 'targets');
}

/** Sheets that can be checked as reports, in tab order. */
export function reportSheetNames(info: WorkbookInfo | null): string[] {
  return (info?.sheets ?? []).filter((s) => !isRulesSheet(s.name)).map((s) => s.name);
}

/** A report or rules file picked or dropped on the pane. */
export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export function pickedFile(file: File): PickedFile {
  return { name: file.name, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

export type RulesChoice = { from: 'workbook' } | { from: 'file'; file: PickedFile | null };

export interface CheckRequest {
  rules: RulesChoice;
  /** Sheets of this workbook to check as reports: every report sheet, or the named ones. */
  sheets: 'all' | string[];
  files: PickedFile[];
}

export interface CheckOutcome {
  result: CheckResult;
  plan: OutputPlan;
  /** The workbook's name: findings and flags carrying it are in this workbook. */
  workbook: string;
  counts: Record<Severity, number> & { accepted: number };
  /** The workbook as it was at the check. */
  info: WorkbookInfo;
  /** Sheets left out because nothing is written on them. */
  emptySheets: string[];
}

export type Progress = (step: { done: number; total: number; name: string }) => void;

/** A failure whose message is already what the clerk should read. */
export class PaneError extends Error {
  constructor(
    message: string,
    readonly title?: string,
    /** The input the problem is about: the pane shows the message there. */
    readonly input?: 'rules' | 'sources',
  ) {
    super(message);
    this.name = 'PaneError';
  }
}

export async function runCheck(host: PaneHost, request: CheckRequest, t: Strings, progress: Progress = () => undefined): Promise<CheckOutcome> {
  const info = await host.describeWorkbook();
  const rulesInWorkbook = request.rules.from === 'workbook';
  if (rulesInWorkbook && !hasRulesSheet(info)) throw new PaneError(t.errors.noRulesSheet, undefined, 'rules');
  if (request.rules.from === 'file' && !request.rules.file) throw new PaneError(t.errors.noRulesFile, undefined, 'rules');
  // "All" is taken at the time of the check, so a sheet added since the pane opened counts.
  const candidates = reportSheetNames(info);
  const reportSheets = request.sheets === 'all' ? candidates : request.sheets.filter((s) => candidates.includes(s));
  if (reportSheets.length === 0 && request.files.length === 0) throw new PaneError(t.errors.nothingToCheck, undefined, 'sources');

  // One read of the workbook serves both the rules sheets and the report sheets.
  const rulesSheets = rulesInWorkbook ? info.sheets.filter((s) => isRulesSheet(s.name)).map((s) => s.name) : [];
  let workbook: WorkbookModel = { name: info.name, sheets: [] };
  if (rulesSheets.length || reportSheets.length) {
    progress({ done: 0, total: request.files.length, name: t.sources.readingWorkbook });
    workbook = await host.readSheets([...rulesSheets, ...reportSheets]);
  }

  const rulesModel =
    request.rules.from === 'file' && request.rules.file
      ? await readRulesFile(request.rules.file, t)
      : { name: workbook.name, sheets: workbook.sheets.filter((s) => rulesSheets.includes(s.name)) };
  // Explanations the office accepted live in this workbook ("Giải trình"), whichever file holds the targets.
  const explanations = request.rules.from === 'file' ? await workbookExplanations(host, info) : null;
  const session = startSession(rulesModel, t, explanations);

  // An empty sheet (a new workbook's Sheet1) is nobody's report: never a source, never a finding.
  const named = workbook.sheets.filter((s) => reportSheets.includes(s.name));
  const reports = named.filter((s) => !isEmptySheet(s));
  const emptySheets = named.filter(isEmptySheet).map((s) => s.name);
  if (reports.length === 0 && request.files.length === 0) throw new PaneError([t.errors.nothingToCheck, ...(emptySheets.length ? [t.pane.emptySheets(emptySheets)] : [])].join('\n'), undefined, 'sources');
  if (reports.length) session.addWorkbook({ name: workbook.name, sheets: reports });

  const total = request.files.length;
  for (let i = 0; i < total; i++) {
    const file = request.files[i];
    progress({ done: i, total, name: file.name });
    // Let the progress bar paint between files.
    await new Promise((resolve) => setTimeout(resolve, 0));
    let readers: FileReaders | undefined;
    try {
      readers = await fileReaders();
      session.addWorkbook(await readers.readWorkbookBuffer(await file.bytes(), file.name));
    } catch (e) {
      session.addFileError(file.name, readers && e instanceof readers.ReadError ? e.message : t.errors.fileUnreadable(file.name, reasonOf(e)));
    }
  }
  progress({ done: total, total, name: '' });

  const result = session.finish();
  result.changes = (info.keptCheck ? await previousChanges(host, result) : null) ?? undefined;
  const counts = countBySeverity(result.findings);
  return { result, plan: planOutput(result), workbook: workbook.name || info.name, counts, info, emptySheets };
}

/** No cell with a value: nothing anyone wrote. */
export function isEmptySheet(sheet: Sheet): boolean {
  return !sheet.rows.some((row) => row?.some((c) => c !== undefined && c !== null && c.value !== null && c.value !== undefined && c.value !== ''));
}

/** The "Giải trình" sheet of this workbook, when the targets come from a file. */
async function workbookExplanations(host: PaneHost, info: WorkbookInfo): Promise<WorkbookModel | null> {
  const sheet = info.sheets.find((s) => rulesSheetRole(s.name) === 'explanations');
  return sheet ? host.readSheets([sheet.name]) : null;
}

/**
 * What changed since the check kept in the workbook (the last one whose outputs were written).
 * A kept check that cannot be read is not a failure of this one: there is then nothing to compare.
 */
async function previousChanges(host: PaneHost, result: CheckResult): Promise<Changes | null> {
  const kept = await host.loadPreviousCheck();
  if (!kept) return null;
  try {
    return compareChecks(readPrevious(JSON.parse(kept), PREVIOUS_LABEL), PREVIOUS_LABEL, result);
  } catch {
    return null;
  }
}

/** How the kept check is named in the comparison. */
const PREVIOUS_LABEL = 'lần trước';

/** Keeps this check in the workbook for the next comparison. */
export function keepCheck(host: PaneHost, result: CheckResult): Promise<void> {
  return host.savePreviousCheck(keptForComparison(toResultJson(result)));
}

async function readRulesFile(file: PickedFile, t: Strings): Promise<WorkbookModel> {
  let readers: FileReaders | undefined;
  try {
    readers = await fileReaders();
    return await readers.readWorkbookBuffer(await file.bytes(), file.name);
  } catch (e) {
    throw new PaneError(readers && e instanceof readers.ReadError ? e.message : t.errors.fileUnreadable(file.name, reasonOf(e)), t.errors.rulesUnreadable, 'rules');
  }
}

/** The rules alone, read from where the pane is told to take them, as a check reads them: for the templates. */
export async function readChosenRules(host: PaneHost, choice: RulesChoice, t: Strings): Promise<Rules> {
  const info = await host.describeWorkbook();
  if (choice.from === 'workbook' && !hasRulesSheet(info)) throw new PaneError(t.errors.noRulesSheet, undefined, 'rules');
  if (choice.from === 'file' && !choice.file) throw new PaneError(t.errors.noRulesFile, undefined, 'rules');
  const model = choice.from === 'file' ? await readRulesFile(choice.file!, t) : await host.readSheets(info.sheets.filter((s) => isRulesSheet(s.name)).map((s) => s.name));
  return parseRules(model, t, null).rules;
}

function startSession(model: WorkbookModel, t: Strings, explanations: WorkbookModel | null): CheckSession {
  const read = parseRules(model, t, explanations);
  return new CheckSession(read.rules, read.problems);
}

function parseRules(model: WorkbookModel, t: Strings, explanations: WorkbookModel | null): ReturnType<typeof readRules> {
  let read: ReturnType<typeof readRules>;
  try {
    read = readRules(model);
  } catch (e) {
    if (e instanceof RulesError) throw new PaneError(e.message, t.errors.rulesUnreadable, 'rules');
    throw e;
  }
  if (explanations) read.rules.explanations.push(...readExplanations(explanations, read.rules, read.problems));
  if (read.rules.indicators.length === 0) {
    const why = read.problems.slice(0, 3).map((p) => p.message);
    throw new PaneError([t.errors.rulesEmpty(model.name), ...why].join('\n'), t.errors.rulesUnreadable, 'rules');
  }
  return read;
}

export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
