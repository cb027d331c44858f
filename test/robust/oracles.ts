// What must hold after every fuzzed check, as plain functions that throw an OracleError naming
// what broke (fast-check then shrinks the input and prints it). The fuzz test also feeds each
// oracle a broken result once, so none of them can pass vacuously.
import { CheckSession, FINDING_KINDS, SHEET_NAMES, exitCodeFor, planOutput, readRules, toResultJson } from '../../src/core';
import type { CheckResult, OutputPlan, ResultJson, Rules, WorkbookModel } from '../../src/core';

export class OracleError extends Error {}

function fail(message: string): never {
  throw new OracleError(message);
}

export interface FileError {
  file: string;
  message: string;
}

export interface Run {
  rules: Rules;
  result: CheckResult;
  json: ResultJson;
  /** `JSON.stringify(toResultJson(result), null, 2)`: ket-qua.json as written. */
  text: string;
  plan: OutputPlan;
}

/** One whole check as the command line runs it: rules, every workbook, finish, JSON, plan. */
export function runCheck(rulesModel: WorkbookModel, reports: WorkbookModel[], fileErrors: FileError[] = []): Run {
  const { rules, problems } = readRules(rulesModel);
  const session = new CheckSession(rules, problems);
  for (const wb of reports) session.addWorkbook(wb);
  for (const e of fileErrors) session.addFileError(e.file, e.message);
  const result = session.finish();
  const json = toResultJson(result);
  const text = JSON.stringify(json, null, 2);
  const plan = planOutput(result);
  return { rules, result, json, text, plan };
}

// ---------------------------------------------------------------------------------------------
// (b) every input is accounted for, every finding is well formed

const SEVERITIES = new Set(['error', 'warning', 'info']);
const STATUSES = new Set(['ok', 'warnings', 'errors', 'missing', 'unreadable', 'other-period', 'unknown']);
/** A letter only Vietnamese uses (or a d with stroke): the message is in Vietnamese. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const LEAKED = /\bundefined\b|\[object Object\]|\[object Map\]|function\s*\(/;
const ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

export function checkAccounted(run: Run, reports: WorkbookModel[], fileErrors: FileError[]): void {
  const { json } = run;
  const submitted = new Set(json.submissions.map((s) => s.file));
  const named = new Set(json.findings.map((f) => f.file));
  for (const wb of reports) {
    if (!submitted.has(wb.name) && !named.has(wb.name)) fail(`workbook "${wb.name}" gave neither a submission nor a finding naming it`);
  }
  for (const e of fileErrors) {
    if (!json.findings.some((f) => f.kind === 'unreadable-file' && f.file === e.file)) fail(`file error for "${e.file}" has no unreadable-file finding`);
  }
  const known = new Set<string>([run.rules.file, ...reports.map((w) => w.name), ...fileErrors.map((e) => e.file)]);
  json.findings.forEach((f, i) => {
    const at = `finding #${i} ${JSON.stringify(f).slice(0, 300)}`;
    if (typeof f.kind !== 'string' || !Object.prototype.hasOwnProperty.call(FINDING_KINDS, f.kind)) fail(`${at}: kind is not in FINDING_KINDS`);
    if (!SEVERITIES.has(f.severity)) fail(`${at}: severity is not error|warning|info`);
    if (typeof f.message !== 'string' || f.message.trim() === '') fail(`${at}: empty message`);
    if (!VIETNAMESE.test(f.message)) fail(`${at}: message is not Vietnamese`);
    if (LEAKED.test(f.message)) fail(`${at}: message shows a programming value`);
    if (typeof f.unit !== 'string') fail(`${at}: unit is not a string`);
    if (f.file !== null && !known.has(f.file)) fail(`${at}: names a file that was not given`);
    if (f.cell !== null && !ADDRESS.test(f.cell)) fail(`${at}: cell is not an address`);
    for (const v of [f.actual, f.expected]) if (v !== null && typeof v !== 'number' && typeof v !== 'string') fail(`${at}: actual/expected is neither number, text nor null`);
  });
  const counts = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of json.findings) {
    if (f.status === 'accepted') counts.accepted++;
    else counts[f.severity]++;
  }
  if (JSON.stringify(counts) !== JSON.stringify(json.counts)) fail(`counts ${JSON.stringify(json.counts)} do not match the findings ${JSON.stringify(counts)}`);
  for (const u of json.units) if (!STATUSES.has(u.status)) fail(`unit "${u.unit}" has status "${u.status}"`);
  // Another year's report is set aside: never used, and a unit left with nothing else says why.
  const setAside = json.findings.filter((f) => f.kind === 'other-period' && f.severity === 'error');
  // (A sheet may hold a second table of the unit, with no year of its own, which is used.)
  for (const f of setAside) if (!json.submissions.some((s) => s.file === f.file && s.sheet === f.sheet && !s.used)) fail(`"${f.file}" / "${f.sheet}" was set aside as another year's report, yet every report on it was used`);
  for (const u of json.units) if (u.status === 'other-period' && !setAside.some((f) => f.unit === u.unit)) fail(`unit "${u.unit}" is "other-period" with no finding saying why`);
}

// ---------------------------------------------------------------------------------------------
// (f) never claims success on what it did not read

const ALL_MET = /đạt mọi chỉ tiêu/;

export function checkClaims(run: Run): void {
  const { json } = run;
  const NOT_READ = new Set(['missing', 'unreadable', 'other-period']);
  const read = json.units.filter((u) => !NOT_READ.has(u.status) && u.status !== 'unknown').length;
  const unread = json.units.filter((u) => NOT_READ.has(u.status));
  const failedFiles = json.findings.filter((f) => f.severity === 'error' && (f.kind === 'unreadable-file' || f.kind === 'no-table')).length;
  if (json.coverage.read !== read && json.rules.units > 0) fail(`coverage says ${json.coverage.read} units read, the statuses say ${read}`);
  if (json.coverage.read === 0) {
    if (exitCodeFor(run.result) !== 1) fail('nothing was read, yet the exit code says success');
    if (json.verdict.status !== 'nothing-read') fail(`nothing was read, yet the verdict is "${json.verdict.status}"`);
  }
  if (ALL_MET.test(json.verdict.text)) {
    if (unread.length) fail(`the verdict says every target is met while ${unread.map((u) => `${u.unit} (${u.status})`).join(', ')} was not read`);
    if (failedFiles) fail(`the verdict says every target is met while ${failedFiles} file(s) could not be read`);
    if (json.coverage.read === 0) fail('the verdict says every target is met while nothing was read');
  }
  // The rollup's status column never says "Đạt" for a unit that was not read.
  const rollup = run.plan.sheets.find((s) => s.name === SHEET_NAMES.rollup);
  for (const u of unread) {
    const nameCell = rollup?.cells.find((c) => c.col === 2 && 'text' in c.value && c.value.text === u.unit);
    const status = nameCell && rollup!.cells.find((c) => c.row === nameCell.row && c.col === 3);
    if (status && 'text' in status.value && status.value.text === 'Đạt') fail(`the rollup says "Đạt" for ${u.unit}, which was not read`);
  }
}

// ---------------------------------------------------------------------------------------------
// (d) nothing touches a prototype; result objects keyed by code hold codes only

const WATCHED: Array<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Date.prototype', Date.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Error.prototype', Error.prototype],
];

export type PrototypeSnapshot = Array<Map<PropertyKey, unknown[]>>;

export function prototypeSnapshot(): PrototypeSnapshot {
  return WATCHED.map(([, proto]) => {
    const m = new Map<PropertyKey, unknown[]>();
    for (const k of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, k)!;
      m.set(k, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
    }
    return m;
  });
}

export function checkPrototypes(before: PrototypeSnapshot): void {
  const now = prototypeSnapshot();
  WATCHED.forEach(([name], i) => {
    const a = before[i];
    const b = now[i];
    for (const k of b.keys()) if (!a.has(k)) fail(`${name} gained a key ${String(k)}`);
    for (const [k, was] of a) {
      const is = b.get(k);
      if (!is) fail(`${name} lost its key ${String(k)}`);
      if (was.some((v, j) => !Object.is(v, is[j]))) fail(`${name}.${String(k)} was changed`);
    }
  });
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'POLLUTED', '__PROTO__', 'CONSTRUCTOR']) if (probe[k] !== undefined) fail(`({}).${k} is defined`);
  if (Object.getPrototypeOf(probe) !== Object.prototype) fail('a plain object has another prototype');
}

export function checkResultKeys(run: Run): void {
  const codes = new Set(run.rules.indicators.map((i) => i.code));
  const parsed = JSON.parse(run.text) as ResultJson;
  for (const field of ['totals', 'ratios', 'incomplete'] as const) {
    const obj = run.json[field] as Record<string, unknown>;
    if (Object.getPrototypeOf(obj) !== Object.prototype) fail(`${field} does not have Object.prototype as its prototype`);
    for (const k of Reflect.ownKeys(obj)) {
      if (typeof k !== 'string' || !codes.has(k)) fail(`${field} has key ${String(k)}, not an indicator code`);
      const d = Object.getOwnPropertyDescriptor(obj, k)!;
      if (!('value' in d) || !d.enumerable) fail(`${field}.${k} is not a plain data property`);
      const v = d.value as unknown;
      if (field === 'incomplete' ? !Array.isArray(v) || v.some((u) => typeof u !== 'string') : typeof v !== 'number') fail(`${field}.${k} has a value of the wrong type`);
    }
    for (const k in obj) if (!Object.prototype.hasOwnProperty.call(obj, k)) fail(`${field} inherits an enumerable key ${k}`);
    const again = Object.keys(parsed[field]);
    if (again.join('\u0000') !== Object.keys(obj).join('\u0000')) fail(`${field} keys change through JSON: ${again.join(',')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// (e) formulas in the output plan are the engine's own; input text is only ever text

const A1 = String.raw`\$?[A-Z]{1,3}\$?[1-9]\d{0,6}`;
const ROLLUP_REF = `'${SHEET_NAMES.rollup.replace(/'/g, "''")}'!${A1}`;
const NUMBER = String.raw`\d+(?:\.\d+)?(?:e[+-]\d+)?`;
const SUM_FORMULA = new RegExp(`^SUM\\(${A1}:${A1}\\)$`);
const IFERROR_FORMULA = /^IFERROR\((.+),""\)$/s;
// A like-for-like area rate sums each part over the rows where every part is a number.
const TOKEN = new RegExp(`^(?:${ROLLUP_REF}(?::${A1})?|${NUMBER}|SUMPRODUCT\\(|--ISNUMBER\\(|[-+*/(),])`);
const RANGE = new RegExp(`^${A1}(?::${A1})?$`);

/** True for SUM(D7:D9) and IFERROR(<arithmetic over 'Tổng hợp'!cells, numbers and SUMPRODUCT(--ISNUMBER(range),…,range)>,""). */
export function isEngineFormula(formula: string): boolean {
  if (SUM_FORMULA.test(formula)) return true;
  const m = IFERROR_FORMULA.exec(formula);
  if (!m) return false;
  let rest = m[1];
  let depth = 0;
  while (rest.length) {
    const t = TOKEN.exec(rest);
    if (!t) return false;
    if (t[0].endsWith('(')) depth++;
    if (t[0] === ')' && --depth < 0) return false;
    rest = rest.slice(t[0].length);
  }
  return depth === 0;
}

export function checkPlan(plan: OutputPlan): void {
  const names = plan.sheets.map((s) => s.name);
  const wanted = [SHEET_NAMES.rollup, SHEET_NAMES.rates, SHEET_NAMES.findings, SHEET_NAMES.report];
  if (names.join('|') !== wanted.join('|')) fail(`planned sheets are ${JSON.stringify(names)}`);
  for (const sheet of plan.sheets) {
    const seen = new Set<string>();
    for (const c of sheet.cells) {
      const at = `${sheet.name}!R${c.row}C${c.col}`;
      if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 1 || c.col < 1) fail(`${at}: not a cell position`);
      const key = `${c.row},${c.col}`;
      if (seen.has(key)) fail(`${at}: planned twice`);
      seen.add(key);
      const v = c.value as Record<string, unknown>;
      const keys = Object.keys(v);
      if (keys.length !== 1 || !['text', 'number', 'formula', 'empty'].includes(keys[0])) fail(`${at}: value ${JSON.stringify(v)} is not exactly one of text/number/formula/empty`);
      if ('text' in v && typeof v.text !== 'string') fail(`${at}: text is not a string`);
      if ('number' in v && typeof v.number !== 'number') fail(`${at}: number is not a number`);
      if ('empty' in v && v.empty !== true) fail(`${at}: empty is not true`);
      if ('formula' in v && (typeof v.formula !== 'string' || !isEngineFormula(v.formula))) fail(`${at}: formula ${JSON.stringify(v.formula).slice(0, 200)} is not one the engine builds`);
      if (c.note !== undefined && typeof c.note !== 'string') fail(`${at}: note is not text`);
    }
    for (const m of sheet.merges) if (!(m.top >= 1 && m.left >= 1 && m.bottom >= m.top && m.right >= m.left)) fail(`${sheet.name}: merge ${JSON.stringify(m)} is not a range`);
    if (sheet.autoFilter !== undefined && !RANGE.test(sheet.autoFilter)) fail(`${sheet.name}: autofilter ${sheet.autoFilter}`);
    for (const ch of sheet.charts ?? []) for (const r of [ch.categories, ch.anchor, ...ch.series.map((s) => s.values)]) if (!RANGE.test(r)) fail(`${sheet.name}: chart range ${r}`);
  }
}

/** Every planned number is finite (Infinity or NaN cannot be written into a cell). */
export function checkPlannedNumbersFinite(plan: OutputPlan): void {
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells) {
      if ('number' in c.value && !Number.isFinite(c.value.number)) fail(`${sheet.name}!R${c.row}C${c.col}: planned number ${c.value.number}`);
    }
  }
}

/** Every figure in ket-qua.json is a finite number (JSON writes Infinity and NaN as null). */
export function checkJsonNumbersFinite(json: ResultJson): void {
  for (const field of ['totals', 'ratios'] as const) {
    for (const [k, v] of Object.entries(json[field])) if (!Number.isFinite(v)) fail(`${field}.${k} is ${v}`);
  }
  json.findings.forEach((f, i) => {
    for (const v of [f.actual, f.expected]) if (typeof v === 'number' && !Number.isFinite(v)) fail(`finding #${i} (${f.kind}, ${f.indicator}) has a value ${v}`);
  });
}

/** "Infinity", "-Infinity%" or "NaN" as the engine would print a broken number. */
const NON_FINITE_TEXT = /Infinity|\bNaN\b/;

/** Every text of the input workbooks, so a name that happens to say "NaN" is not blamed on the engine. */
function inputTexts(models: WorkbookModel[]): string {
  const out: string[] = [];
  for (const wb of models) {
    out.push(wb.name);
    for (const sheet of wb.sheets) {
      out.push(sheet.name);
      for (const row of sheet.rows) for (const c of row ?? []) if (c && typeof c.value === 'string') out.push(c.value);
    }
  }
  return out.join('\n');
}

/**
 * No message or written text shows a number the engine could not compute ("-Infinity%", "NaN"),
 * unless the input itself said so; and no finding carries a non-finite figure.
 */
export function checkNoNonFiniteText(run: Run, models: WorkbookModel[]): void {
  // A word the input itself holds ("Xã NaN") is the input's, not a broken number.
  const given = new Set(inputTexts(models).match(new RegExp(NON_FINITE_TEXT.source, 'g')) ?? []);
  const blame = (where: string, text: string) => {
    for (const word of text.match(new RegExp(NON_FINITE_TEXT.source, 'g')) ?? []) {
      if (!given.has(word)) fail(`${where}: "${text.slice(0, 200)}" shows a number that is not one`);
    }
  };
  run.result.findings.forEach((f, i) => {
    blame(`finding #${i} (${f.kind})`, f.message);
    for (const v of [f.actual, f.expected]) if (typeof v === 'number' && !Number.isFinite(v)) fail(`finding #${i} (${f.kind}) holds ${v}`);
  });
  for (const sheet of run.plan.sheets) for (const c of sheet.cells) if ('text' in c.value) blame(`${sheet.name}!R${c.row}C${c.col}`, c.value.text);
}

/** Every per-run property: (b), (d), (e). (a) is that `runCheck` returned at all. */
export function checkAll(run: Run, reports: WorkbookModel[], fileErrors: FileError[], before: PrototypeSnapshot, rulesModel?: WorkbookModel): void {
  checkAccounted(run, reports, fileErrors);
  checkClaims(run);
  checkPrototypes(before);
  checkResultKeys(run);
  checkPlan(run.plan);
  checkJsonNumbersFinite(run.json);
  checkPlannedNumbersFinite(run.plan);
  checkNoNonFiniteText(run, rulesModel ? [rulesModel, ...reports] : reports);
}

// ---------------------------------------------------------------------------------------------
// Copies and comparisons of input models. structuredClone is not used: under Jest it builds
// objects and Dates of Node's own realm, which `instanceof Date` inside the test realm does not
// recognise, so a clone would not be the same input.

/** A deep copy in this realm that keeps sparse arrays sparse and Dates as Dates. */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    v.forEach((x, i) => {
      out[i] = deepClone(x);
    });
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: deepClone((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  return out as T;
}

/** A text that differs whenever two models differ: holes, -0, NaN, Dates and key order included. */
export function fingerprint(v: unknown): string {
  if (v === undefined) return 'u';
  if (v === null) return 'n';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `D${v.getTime()}`;
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (let i = 0; i < v.length; i++) parts.push(i in v ? fingerprint(v[i]) : '_');
    return `[${parts.join(',')}]`;
  }
  if (typeof v === 'object') return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${fingerprint((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return `?${typeof v}`;
}
