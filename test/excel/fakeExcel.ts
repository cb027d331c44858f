// A fake Excel host for the Office.js adapter, strict where real Excel is strict:
// - proxy objects: a scalar property can be read only after load() and a sync; reading it
//   earlier throws PropertyNotLoaded, as Office.js does (office-addin-mock returns a string);
// - isNullObject can be read only after a sync;
// - writes and method calls are queued and take effect, in order, at sync(); an object
//   obtained by getItem/getRange is resolved at its place in the queue;
// - calling an API above the host's ExcelApi version throws ApiNotFound at the call;
// - values typed into a non-text cell are parsed as Excel parses typing ("=1+1" and
//   "+84 912" become formulas), text-formatted ("@") cells keep strings verbatim;
// - each sync counts request and response bytes as Microsoft's client library would send and
//   receive them (object paths, actions and their arguments in the library's JSON shape; see
//   "request and response bytes" below, calibrated against the library in requests.test.ts)
//   and fails, as Excel on the web does, past a payload limit;
// - failOnSync(n, afterOps) makes the n-th sync apply only its first operations and reject.
/// <reference types="office-js" />
import { CellRange, CellValue, WorkbookModel, cellAddress, columnLetter, isErrorValue, parseAddress } from '../../src/core/model';

// ---------------------------------------------------------------- errors

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---------------------------------------------------------------- state

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Characters a cell holds at most (Excel's specifications and limits). */
export const MAX_CELL_CHARS = 32767;

export interface FFill {
  pattern: string;
  color: string;
  patternColor: string;
}

export interface FCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
  numFmt: string;
  fill: FFill;
  bold: boolean;
  font: string;
  wrap: boolean;
  align: string;
}

const NO_FILL: FFill = { pattern: 'None', color: '#FFFFFF', patternColor: '#000000' };

function blankCell(): FCell {
  return { value: null, numFmt: 'General', fill: { ...NO_FILL }, bold: false, font: 'Calibri', wrap: false, align: 'General' };
}

export interface FChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legend: boolean;
  series: Array<{ name: string; values: string; categories?: string }>;
  position?: string;
}

export interface FPage {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  titleRows?: string;
  leftFooter?: string;
  rightFooter?: string;
}

export class FSheet {
  visibility = 'Visible';
  readonly cells = new Map<number, Map<number, FCell>>();
  merges: CellRange[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  widths = new Map<number, number>();
  frozen = { rows: 0, cols: 0 };
  autoFilter?: string;
  readonly notes = new Map<string, string>();
  readonly charts: FChart[] = [];
  readonly rowHeights = new Map<number, number>();
  /** What pageLayout set (ExcelApi 1.9). */
  page: FPage = {};
  deleted = false;
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(row: number, col: number): FCell | undefined {
    return this.cells.get(row)?.get(col);
  }
  /** The cell, created blank when missing. */
  at(row: number, col: number): FCell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = blankCell()));
    return c;
  }
  forEach(f: (cell: FCell, row: number, col: number) => void): void {
    for (const [row, r] of this.cells) for (const [col, c] of r) f(c, row, col);
  }
}

export interface FName {
  name: string;
  sheet: FSheet | null;
  cell: string;
  comment: string;
  visible: boolean;
}

export interface FComment {
  id: string;
  sheet: FSheet;
  cell: string;
  content: string;
}

export class FakeWorkbookState {
  sheets: FSheet[] = [];
  names: FName[] = [];
  comments: FComment[] = [];
  active?: FSheet;
  private nextId = 1;
  constructor(public name: string) {}

  find(name: string): FSheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }
  addSheet(name: string): FSheet {
    checkSheetName(name);
    if (this.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
    const s = new FSheet(`{${String(this.nextId++).padStart(8, '0')}-0001-0000-0000-000000000000}`, name);
    this.sheets.push(s);
    return s;
  }
  newCommentId(): string {
    return `c${this.nextId++}`;
  }
}

/** Excel's rules for a sheet name: 1 to 31 characters, none of : \\ / ? * [ ], no quote at either end, not "History". */
function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history')
    throw new FakeOfficeError('InvalidArgument', `Invalid worksheet name "${name}".`);
}

// ---------------------------------------------------------------- addresses

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectAddress(r: CellRange): string {
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** "A1", "B2:D9", "A:C", "3:5", with or without $ and a sheet prefix. */
export function parseRect(address: string): CellRange {
  const a = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (cols) {
    const l = parseAddress(`${cols[1]}1`)!.col;
    const r = parseAddress(`${cols[2]}1`)!.col;
    return { top: 1, left: Math.min(l, r), bottom: MAX_ROWS, right: Math.max(l, r) };
  }
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COLS };
  const [p, q] = a.split(':');
  const x = parseAddress(p);
  const y = q === undefined ? x : parseAddress(q);
  if (!x || !y) throw new FakeOfficeError('InvalidArgument', `Invalid address "${address}".`);
  return { top: Math.min(x.row, y.row), left: Math.min(x.col, y.col), bottom: Math.max(x.row, y.row), right: Math.max(x.col, y.col) };
}

function splitList(address: string): string[] {
  return address.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ---------------------------------------------------------------- typing rules

function isTextFormat(fmt: string): boolean {
  return fmt === '@';
}

/** Characters a formula holds at most (Excel's specifications and limits). */
export const MAX_FORMULA_CHARS = 8192;

/** Excel's serial number of a date (1900 system). */
function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/**
 * What Excel makes of text typed into a cell that is not text-formatted (en-US settings), the way
 * `values` and `formulas` take a string: a number, a percentage, a date, a boolean, an error value,
 * or a formula; with the number format Excel gives it when the cell's is "General".
 */
export function typedText(s: string): { value?: number | boolean; error?: string; formula?: string; numFmt?: string } | null {
  const t = s.trim();
  let m: RegExpExecArray | null;
  if (s.length > 1 && s[0] === '=') return { formula: s.slice(1) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  if ((m = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/.exec(t))) return { value: Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] ?? ''}`), numFmt: m[3] ? '#,##0.00' : '#,##0' };
  if ((m = /^([+-]?\d+(?:\.(\d+))?)\s*%$/.exec(t))) return { value: Number(m[1]) / 100, numFmt: m[2] ? '0.00%' : '0%' };
  if ((m = /^\((\d+(?:\.\d+)?)\)$/.exec(t))) return { value: -Number(m[1]) };
  if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(t)) && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31)
    return { value: serial(new Date().getUTCFullYear(), Number(m[1]), Number(m[2])), numFmt: 'd-mmm' };
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)) && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31)
    return { value: serial(Number(m[3]), Number(m[1]), Number(m[2])), numFmt: 'm/d/yyyy' };
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) return { value: serial(Number(m[1]), Number(m[2]), Number(m[3])), numFmt: 'm/d/yyyy' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!)$/i.test(t)) return { error: t.toUpperCase() };
  if (s.length > 1 && (s[0] === '+' || s[0] === '-' || s[0] === '@')) return { formula: s };
  return null;
}

/** What Excel stores when `input` is written through `values` (or `formulas`) into `cell`. */
function typeInto(cell: FCell, input: unknown, viaFormulas: boolean): void {
  cell.formula = undefined;
  cell.error = undefined;
  if (input === null || input === undefined || input === '') {
    cell.value = null;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const s = String(input);
  // Excel's limit on a cell's text; it refuses the write rather than cut the text.
  if (s.length > MAX_CELL_CHARS) throw new FakeOfficeError('InvalidArgument', `Text of ${s.length} characters: a cell holds at most ${MAX_CELL_CHARS}.`);
  if (isTextFormat(cell.numFmt)) {
    cell.value = s;
    return;
  }
  const typed = typedText(s);
  if (typed?.formula !== undefined && s[0] === '@' && viaFormulas) {
    cell.value = s;
    return;
  }
  if (typed?.formula !== undefined) {
    if (typed.formula.length + 1 > MAX_FORMULA_CHARS) throw new FakeOfficeError('InvalidArgument', `A formula of ${typed.formula.length + 1} characters: Excel takes at most ${MAX_FORMULA_CHARS}.`);
    // Excel takes these as the start of a formula; this fake evaluates only plain references.
    cell.formula = typed.formula;
    cell.value = null;
    if (/^[+-]?\d[\d ]*\s+\d/.test(typed.formula)) cell.error = '#NULL!';
    return;
  }
  if (typed?.error) {
    cell.value = null;
    cell.error = typed.error;
    return;
  }
  if (typed?.value !== undefined) {
    cell.value = typed.value;
    if (typed.numFmt && cell.numFmt === 'General') cell.numFmt = typed.numFmt;
    return;
  }
  cell.value = s;
}

// ---------------------------------------------------------------- formulas and the sheets they name

const NAME_CHAR = /[A-Za-z0-9_.\u00C0-\uFFFF]/;

/**
 * The formula with every reference to `sheet` (outside string literals) rewritten as Excel does:
 * to the sheet's new name on a rename, to #REF! when the sheet is deleted.
 */
export function rewriteSheetRefs(formula: string, sheet: string, to: string | null): string {
  const key = sheet.toLowerCase();
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let name: string | null = null;
    let end = i;
    if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      if (formula[j + 1] === '!') {
        name = formula.slice(i + 1, j).replace(/''/g, "'");
        end = j + 2;
      }
    } else if (NAME_CHAR.test(ch) && (i === 0 || !NAME_CHAR.test(formula[i - 1]))) {
      const m = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*!/.exec(formula.slice(i));
      if (m) {
        name = m[0].slice(0, -1);
        end = i + m[0].length;
      }
    }
    if (name !== null) {
      out += name.toLowerCase() === key ? (to === null ? '#REF!' : `${quote(to)}!`) : formula.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Every formula of the workbook, rewritten after `sheet` was renamed or deleted. */
function followSheet(state: FakeWorkbookState, sheet: string, to: string | null): void {
  for (const s of state.sheets) s.forEach((c) => {
    if (c.formula !== undefined) c.formula = rewriteSheetRefs(c.formula, sheet, to);
  });
}

const PLAIN_REF = /^(?:'((?:[^']|'')+)'!|([^'!"]+)!)?\$?([A-Za-z]{1,3})\$?(\d+)$/;

/**
 * A cell's value as Excel shows it. Formulas are not evaluated, except a plain reference
 * (="'Tổng hợp'!D9") which shows the referenced cell's value, and any formula holding #REF!.
 */
function valueIn(state: FakeWorkbookState, sheet: FSheet, c: FCell | undefined, depth = 0): string | number | boolean {
  if (c?.formula !== undefined && !c.error) {
    if (c.formula.includes('#REF!')) return '#REF!';
    const m = PLAIN_REF.exec(c.formula);
    if (m && depth < 20) {
      const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      const target = name === undefined ? sheet : state.find(name);
      const at = parseAddress(`${m[3]}${m[4]}`);
      if (target && at) {
        const v = valueIn(state, target, target.get(at.row, at.col), depth + 1);
        return v === '' ? 0 : v;
      }
    }
  }
  return valueOf(c);
}

function typeIn(state: FakeWorkbookState, sheet: FSheet, c: FCell | undefined): string {
  if (c?.formula === undefined) return typeOf(c);
  const v = valueIn(state, sheet, c);
  if (typeof v === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!)$/.test(v)) return 'Error';
  return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : v === '' ? 'Empty' : 'String';
}

function valueOf(c: FCell | undefined): string | number | boolean {
  if (!c) return '';
  if (c.error) return c.error;
  return c.value === null ? '' : c.value;
}

function formulaOf(c: FCell | undefined): string | number | boolean {
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  return valueOf(c);
}

function typeOf(c: FCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error) return 'Error';
  if (c.value === null) return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

// ---------------------------------------------------------------- host and context

interface Op {
  /** What the client library would send for it: an action on an object (none for a resolve point). */
  action?: FAction;
  /** Runs the operation against the state; returns a commit to deliver loaded data. */
  run: () => (() => void) | void;
  /** The value this op returns in the answer, when it returns one. */
  response?: () => unknown;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version the host supports, e.g. "1.18" (default) or "1.7". */
  api?: string;
  /** Per-request and per-response limit in bytes; default Excel on the web's 5 MB. */
  payloadLimit?: number;
}

export class FakeExcel {
  readonly state: FakeWorkbookState;
  readonly api: string;
  readonly payloadLimit: number;
  syncCount = 0;
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** Operations queued in each sync. */
  readonly opCounts: number[] = [];
  private failure?: { sync: number; afterOps?: number };

  constructor(model?: WorkbookModel, opts: FakeExcelOptions = {}) {
    this.state = new FakeWorkbookState(model?.name ?? 'Book1.xlsx');
    this.api = opts.api ?? '1.18';
    this.payloadLimit = opts.payloadLimit ?? 5 * 1024 * 1024;
    if (model) for (const s of model.sheets) loadSheet(this.state, s);
    if (!this.state.sheets.length) this.state.addSheet('Sheet1');
  }

  /** A request context, as Excel.run would pass (typed for the adapter). */
  context(): Excel.RequestContext {
    return new FakeContext(this) as unknown as Excel.RequestContext;
  }

  /**
   * As Excel.run: the batch gets a new context, and once it has finished, the objects it made
   * can no longer be used (loaded values stay readable, as in Office.js).
   */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this);
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      ctx.finished = true;
    }
  }

  /** Make the n-th sync (counted over this host's life, from 1) apply only `afterOps` operations and reject. */
  failOnSync(n: number, afterOps?: number): void {
    this.failure = { sync: n, afterOps };
  }

  supports(version: string): boolean {
    const [a, b] = this.api.split('.').map(Number);
    const [c, d] = version.split('.').map(Number);
    return c < a || (c === a && d <= b);
  }

  /** For adapter calls: the requirement-set check of this host. */
  readonly isSetSupported = (set: string, version: string): boolean => set === 'ExcelApi' && this.supports(version);

  takeFailure(sync: number): { afterOps?: number } | undefined {
    if (this.failure?.sync !== sync) return undefined;
    const f = this.failure;
    this.failure = undefined;
    return f;
  }

  sheet(name: string): FSheet {
    const s = this.state.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** Every stored cell of a sheet, for cell-by-cell comparisons. */
  snapshot(name: string): Record<string, { value: unknown; formula?: string; error?: string; numFmt: string; fill: FFill; bold: boolean }> {
    const out: Record<string, { value: unknown; formula?: string; error?: string; numFmt: string; fill: FFill; bold: boolean }> = {};
    this.sheet(name).forEach((c, r, k) => {
      // A cell back to all defaults is no different from one never touched.
      if (JSON.stringify(c) === JSON.stringify(blankCell())) return;
      out[cellAddress(r, k)] = { value: c.value, formula: c.formula, error: c.error, numFmt: c.numFmt, fill: { ...c.fill }, bold: c.bold };
    });
    return out;
  }
}

function loadSheet(state: FakeWorkbookState, s: WorkbookModel['sheets'][number]): void {
  const sh = state.addSheet(s.name);
  if (s.hidden) sh.visibility = 'Hidden';
  s.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const fc = sh.at(r, c);
      const v: CellValue = cell.value;
      if (isErrorValue(v)) fc.error = v.error;
      else if (v instanceof Date) fc.value = v.getTime() / 86400000 + 25569;
      else fc.value = v === '' ? null : (v as string | number | boolean | null);
      if (cell.formula !== undefined) fc.formula = cell.formula;
      if (cell.numFmt) fc.numFmt = cell.numFmt;
      if (cell.font) fc.font = cell.font;
    }),
  );
  sh.merges = s.merges.map((m) => ({ ...m }));
  s.hiddenRows.forEach((r) => sh.hiddenRows.add(r));
  s.hiddenCols.forEach((c) => sh.hiddenCols.add(c));
}

function jsonBytes(x: unknown): number {
  return x === undefined ? 0 : Buffer.byteLength(JSON.stringify(x), 'utf8');
}

// ---------------------------------------------------------------- request and response bytes
// One sync is one request. Microsoft's client library sends it as JSON: every object reached is
// an object path ({"Id","ObjectPathType","Name","ParentObjectPathId","ArgumentInfo"}) and an
// Instantiate action; every load, property write and method call is an action; each request
// carries the paths its actions reach (parents included, again in each request that uses them)
// and, per action, the ids of the paths it is the last to use ("L"). The fake builds that JSON
// from its own proxies and counts its UTF-8 bytes; the answer is {"Results":[{"ActionId",
// "Value"}]} for loads, method results and null checks.

/** An object path, as the library numbers and describes it. */
interface FPath {
  id: number;
  /** 1 the workbook, 3 a method's result, 4 a property, 5 an item by key. */
  type: 1 | 3 | 4 | 5;
  name: string;
  parent: P | null;
  args?: unknown[];
  /** Arguments that are objects (a range passed to notes.add), by position. */
  refs?: Array<P | null>;
}

/** An action: 2 a query (load), 3 a method, 4 a property write. */
interface FAction {
  type: 2 | 3 | 4;
  name: string;
  subject: P;
  args?: unknown[];
  refs?: Array<P | null>;
  select?: string[];
}

type Logged = { created: P } | { op: Op };

function argumentInfo(args: unknown[] = [], refs?: Array<P | null>): Record<string, unknown> {
  if (!refs || !refs.some((r) => r?._path)) return { Arguments: args };
  return {
    Arguments: args.map((a, i) => refs[i]?._path?.id ?? a),
    ReferencedObjectPathIds: args.map((_, i) => refs[i]?._path?.id ?? 0),
  };
}

function pathJson(p: FPath): Record<string, unknown> {
  const out: Record<string, unknown> = { Id: p.id, ObjectPathType: p.type, Name: p.name };
  if (p.parent?._path) out.ParentObjectPathId = p.parent._path.id;
  if (p.type === 3 || p.type === 5) out.ArgumentInfo = argumentInfo(p.args, p.refs);
  return out;
}

/** The request body the library would build for what was queued since the last sync. */
function requestBody(log: Logged[], nextId: () => number): unknown {
  const actions: Array<{ json: Record<string, unknown>; uses: FPath[] }> = [];
  const paths = new Map<number, FPath>();
  const instantiated = new Set<number>();
  const reference = (p: FPath | undefined | null): void => {
    for (let q = p; q && !paths.has(q.id); q = q.parent?._path) {
      paths.set(q.id, q);
      q.refs?.forEach((r) => reference(r?._path));
    }
  };
  const ensure = (p: FPath | undefined | null): void => {
    if (!p || instantiated.has(p.id)) return;
    ensure(p.parent?._path);
    p.refs?.forEach((r) => ensure(r?._path));
    instantiated.add(p.id);
    reference(p);
    actions.push({ json: { Id: nextId(), ActionType: 1, Name: '', ObjectPathId: p.id }, uses: [p] });
  };
  for (const entry of log) {
    if ('created' in entry) {
      ensure(entry.created._path);
      continue;
    }
    const a = entry.op.action;
    if (!a || !a.subject._path) continue;
    const subject = a.subject._path;
    ensure(subject);
    a.refs?.forEach((r) => ensure(r?._path));
    reference(subject);
    const json: Record<string, unknown> = { Id: nextId(), ActionType: a.type, Name: a.name, ObjectPathId: subject.id };
    if (a.type === 2) json.QueryInfo = { Select: a.select ?? [] };
    else json.ArgumentInfo = argumentInfo(a.args ?? [], a.refs);
    const uses = [subject, ...(a.refs ?? []).map((r) => r?._path).filter((x): x is FPath => !!x)];
    actions.push({ json, uses });
  }
  // "L": each path listed once, on the last action that reaches it (or an object under it).
  const last = new Set<number>();
  for (let i = actions.length - 1; i >= 0; i--) {
    const ids: number[] = [];
    const walk = (p: FPath | undefined | null): void => {
      for (let q = p; q && !last.has(q.id); q = q.parent?._path) {
        last.add(q.id);
        ids.push(q.id);
        q.refs?.forEach((r) => walk(r?._path));
      }
    };
    actions[i].uses.forEach(walk);
    if (ids.length) actions[i].json.L = ids;
  }
  const objectPaths: Record<string, unknown> = {};
  for (const [id, p] of paths) objectPaths[id] = pathJson(p);
  return { Actions: actions.map((a) => a.json), ObjectPaths: objectPaths };
}

/** The answer to one action, as the library reads it. */
function result(value: unknown): { ActionId: number; Value: unknown } {
  // Ids of a long batch run to six digits.
  return { ActionId: 100000, Value: value };
}

/** A query's answer: PascalCase properties, a collection's items as "_Items" with their key "_Id". */
function queryAnswer(loaded: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(loaded)) {
    if (k === 'items' && Array.isArray(v)) out._Items = v;
    else out[k.charAt(0).toUpperCase() + k.slice(1)] = v;
  }
  return out;
}

class FakeContext {
  readonly host: FakeExcel;
  readonly workbook: WorkbookP;
  /** Syncs completed by this context: proxies created before one may read isNullObject. */
  syncs = 0;
  private queue: Op[] = [];
  /** Objects created and operations queued since the last sync, in order, for the request's size. */
  private log: Logged[] = [];
  private ids = 0;

  constructor(host: FakeExcel) {
    this.host = host;
    this.workbook = new WorkbookP(this);
    this.workbook._path = { id: this.nextId(), type: 1, name: '', parent: null };
  }

  nextId(): number {
    return ++this.ids;
  }

  /** Set when its Excel.run has finished. */
  finished = false;

  /** An object of a finished Excel.run, or of another context, is refused as Office.js refuses it. */
  checkUsable(refs?: Array<P | null>): void {
    if (this.finished)
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `The object path isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
      );
    if (refs?.some((r) => r && r.ctx !== this)) throw new FakeOfficeError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
  }

  enqueue(op: Op): void {
    this.checkUsable(op.action?.refs);
    this.queue.push(op);
    this.log.push({ op });
  }

  /** An object the library would instantiate in this request (every one but a collection's loaded items). */
  created(p: P): void {
    this.checkUsable(p._path?.refs);
    this.log.push({ created: p });
  }

  requireApi(version: string, what: string): void {
    if (!this.host.supports(version))
      throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this host has ${this.host.api}.`);
  }

  async sync(): Promise<void> {
    this.checkUsable();
    const host = this.host;
    const n = ++host.syncCount;
    const ops = this.queue;
    this.queue = [];
    host.opCounts.push(ops.length);
    const log = this.log;
    this.log = [];
    // The library sends nothing for a sync with nothing queued.
    const request = ops.length || log.length ? jsonBytes(requestBody(log, () => this.nextId())) : 0;
    host.requestBytes.push(request);
    if (request > host.payloadLimit) {
      host.responseBytes.push(0);
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`);
    }
    const failure = host.takeFailure(n);
    let response = 0;
    const count = failure ? Math.min(failure.afterOps ?? Math.floor(ops.length / 2), ops.length) : ops.length;
    const commits: Array<() => void> = [];
    const results: unknown[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const commit = ops[i].run();
        if (typeof commit === 'function') commits.push(commit);
        if (ops[i].response) results.push(result(ops[i].response!()));
      }
    } finally {
      for (const entry of log) if ('created' in entry && /OrNullObject$/.test(entry.created._path?.name ?? '')) results.push(result(null));
      response = jsonBytes({ Results: results });
      host.responseBytes.push(response);
    }
    if (failure) throw new FakeOfficeError('GeneralException', `Injected failure at sync ${n} after ${count} of ${ops.length} operations.`);
    if (response > host.payloadLimit)
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} bytes).`);
    commits.forEach((c) => c());
    this.syncs++;
  }
}

// ---------------------------------------------------------------- proxies

const UNRESOLVED = Symbol('unresolved');

type Reader = (t: any) => unknown;
type Writer = (t: any, v: any, ctx: FakeContext) => void;

abstract class P {
  protected _target: any = UNRESOLVED;
  /** How the client library would name this object in a request; set by whoever makes it. */
  _path: FPath | null = null;
  private readonly _values = new Map<string, unknown>();
  private readonly _born: number;
  constructor(
    readonly ctx: FakeContext,
    private _resolver: () => any,
    /** Resolved at its place in the queue (getItem, getRange…); else lazily from the parent. */
    queued: boolean,
    private readonly _nullable = false,
  ) {
    this._born = ctx.syncs;
    if (queued) ctx.enqueue({ run: () => void this._resolve() });
  }

  /** Names `child` as the library would (a property, a method's result, an item by key) and counts its Instantiate. */
  _at<T extends P>(child: T, type: 3 | 4 | 5, name: string, args?: unknown[], refs?: Array<P | null>, item = false): T {
    child._path = { id: this.ctx.nextId(), type, name, parent: this, args, refs };
    if (!item) this.ctx.created(child);
    return child;
  }
  protected abstract readers(): Record<string, Reader>;
  protected writers(): Record<string, Writer> {
    return {};
  }
  protected navs(): Record<string, () => P> {
    return {};
  }

  _resolve(): any {
    if (this._target === UNRESOLVED) {
      const t = this._resolver();
      if ((t === null || t === undefined) && !this._nullable)
        throw new FakeOfficeError('ItemNotFound', `The requested resource (${this.constructor.name}) doesn't exist.`);
      this._target = t ?? null;
    }
    return this._target;
  }
  _setResolved(t: any): void {
    this._target = t;
  }
  /** Resolved by `f` when its request runs (an item reached by position). */
  _resolveBy(f: () => any): void {
    this._resolver = f;
  }
  /** The target for a write or a method: a null object here is a bug in the caller. */
  _t(): any {
    const t = this._resolve();
    if (t === null) throw new FakeOfficeError('InvalidObjectPath', `${this.constructor.name} is a null object.`);
    const sheet: FSheet | undefined = t instanceof FSheet ? t : t.sheet instanceof FSheet ? t.sheet : undefined;
    if (sheet?.deleted) throw new FakeOfficeError('ItemNotFound', `Worksheet "${sheet.name}" was deleted.`);
    return t;
  }

  get isNullObject(): boolean {
    if (this.ctx.syncs <= this._born) throw notLoaded('isNullObject');
    return this._resolve() === null;
  }

  load(what?: string | string[] | Record<string, unknown>): this {
    const list = pathList(what, Object.keys(this.readers()));
    let loaded: Record<string, unknown> = {};
    this.ctx.enqueue({
      action: { type: 2, name: '', subject: this, select: list.map((p) => p.replace(/^items\//, '')) },
      run: () => {
        const commits: Array<() => void> = [];
        loaded = {};
        for (const p of list) commits.push(this._loadPath(p.split('/'), loaded));
        return () => commits.forEach((c) => c());
      },
      response: () => queryAnswer(loaded),
    });
    return this;
  }

  /** Reads one path now; returns the commit that makes it readable after the sync. */
  _loadPath(path: string[], out: Record<string, unknown>): () => void {
    const [head, ...rest] = path;
    if (rest.length) {
      const nav = (this as any)[head] as P | undefined;
      if (!nav || !(nav instanceof P)) throw new FakeOfficeError('InvalidArgument', `Cannot load "${path.join('/')}".`);
      const sub: Record<string, unknown> = {};
      out[head] = sub;
      return nav._loadPath(rest, sub);
    }
    const reader = this.readers()[head];
    if (!reader) throw new FakeOfficeError('InvalidArgument', `Unknown property "${head}" on ${this.constructor.name}.`);
    const t = this._resolve();
    if (t instanceof FSheet && t.deleted) throw new FakeOfficeError('ItemNotFound', `Worksheet "${t.name}" was deleted.`);
    const v = t === null ? null : reader(t);
    out[head] = v;
    return () => this._values.set(head, v);
  }

  protected _get(prop: string): any {
    if (!this._values.has(prop)) throw notLoaded(prop);
    return this._values.get(prop);
  }

  protected _set(prop: string, value: unknown): void {
    const w = this.writers()[prop];
    if (!w) throw new FakeOfficeError('InvalidArgument', `Property "${prop}" is read-only.`);
    const name = prop.charAt(0).toUpperCase() + prop.slice(1);
    this.ctx.enqueue({ action: { type: 4, name, subject: this, args: [value] }, run: () => w(this._t(), value, this.ctx) });
  }

  /** A method call: `name` as Excel spells it ("Delete", "FreezeRows"). */
  protected _call(name: string, args: unknown[], run: () => void, refs?: Array<P | null>): void {
    this.ctx.enqueue({ action: { type: 3, name, subject: this, args, refs }, run });
  }

  /** A method that returns a new object ("Add"): no action of its own, the object's path and Instantiate. */
  protected _make<T extends P>(result: T, name: string, args: unknown[], run: () => void, refs?: Array<P | null>): T {
    this.ctx.enqueue({ run });
    return this._at(result, 3, name, args, refs);
  }
}

function pathList(what: string | string[] | Record<string, unknown> | undefined, all: string[]): string[] {
  const paths = what === undefined ? all : typeof what === 'string' ? what.split(',') : Array.isArray(what) ? what : Object.keys(what);
  return paths.map((p) => p.trim()).filter(Boolean);
}

/** Declares getters/setters for the proxy's scalar properties. */
function props(cls: { prototype: object }, names: string[], writable: string[] = []): void {
  for (const n of names) {
    Object.defineProperty(cls.prototype, n, {
      get(this: any) {
        return this._get(n);
      },
      set: writable.includes(n)
        ? function (this: any, v: unknown) {
            this._set(n, v);
          }
        : function () {
            throw new FakeOfficeError('InvalidArgument', `Property "${n}" is read-only.`);
          },
      configurable: true,
    });
  }
}

class ClientResult<T> {
  private _v: T | typeof UNRESOLVED = UNRESOLVED;
  constructor(ctx: FakeContext, action: FAction, compute: () => T) {
    let tmp: T;
    ctx.enqueue({
      action,
      run: () => {
        tmp = compute();
        return () => (this._v = tmp);
      },
      response: () => tmp,
    });
  }
  get value(): T {
    if (this._v === UNRESOLVED) throw notLoaded('value');
    return this._v;
  }
}

// ---------------------------------------------------------------- workbook

class WorkbookP extends P {
  private _ws?: WorksheetCollectionP;
  private _names?: NamedItemCollectionP;
  private _comments?: CommentCollectionP;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.state, false);
  }
  protected readers(): Record<string, Reader> {
    return { name: (s: FakeWorkbookState) => s.name };
  }
  get worksheets(): WorksheetCollectionP {
    return (this._ws ??= this._at(new WorksheetCollectionP(this.ctx), 4, 'Worksheets'));
  }
  get names(): NamedItemCollectionP {
    return (this._names ??= this._at(new NamedItemCollectionP(this.ctx), 4, 'Names'));
  }
  get comments(): CommentCollectionP {
    this.ctx.requireApi('1.10', 'workbook.comments');
    return (this._comments ??= this._at(new CommentCollectionP(this.ctx, null), 4, 'Comments'));
  }
}
props(WorkbookP, ['name']);

abstract class CollectionP<T extends P> extends P {
  private _items?: T[];
  protected readers(): Record<string, Reader> {
    return {};
  }
  protected abstract list(): any[];
  protected abstract wrap(target: any): T;
  /** The key an item is known by in Excel's answer ("_Id"), if it has one. */
  protected keyOf(_target: any): string | undefined {
    return undefined;
  }
  get items(): T[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }
  /** The item at a position, resolved when the request runs (Excel's getItemAt). */
  getItemAt(index: number): T {
    const item = this.wrap(null);
    item._resolveBy(() => this.list()[index]);
    this.ctx.enqueue({ run: () => void item._resolve() });
    return this._at(item, 3, 'GetItemAt', [index]);
  }
  /** All "items/…" paths of one load share one set of item proxies. */
  override load(what?: string | string[] | Record<string, unknown>): this {
    const list = pathList(what, ['items']);
    let loaded: Record<string, unknown> = {};
    this.ctx.enqueue({
      action: { type: 2, name: '', subject: this, select: list.map((p) => p.replace(/^items\/?/, '')).filter(Boolean) },
      run: () => {
        const targets = this.list();
        const keys = targets.map((t) => this.keyOf(t));
        const items = targets.map((t, i) => {
          const w = this.wrap(t);
          w._setResolved(t);
          // Items the answer names by key are reached by key later; others by position.
          return keys[i] === undefined ? this._at(w, 3, 'GetItemAt', [i], undefined, true) : this._at(w, 5, '', [keys[i]], undefined, true);
        });
        const outs = items.map(() => ({}) as Record<string, unknown>);
        const commits: Array<() => void> = [];
        for (const p of list) {
          const parts = p.split('/');
          if (parts[0] !== 'items') throw new FakeOfficeError('InvalidArgument', `Cannot load "${p}" on a collection.`);
          if (parts.length > 1) items.forEach((it, i) => commits.push(it._loadPath(parts.slice(1), outs[i])));
        }
        loaded = { items: outs.map((o, i) => (keys[i] === undefined ? o : { _Id: keys[i], ...o })) };
        return () => {
          this._items = items;
          commits.forEach((c) => c());
        };
      },
      response: () => queryAnswer(loaded),
    });
    return this;
  }
}

/** For the replay of the client library's requests (officeJs.ts): is this a collection proxy? */
export function isCollectionProxy(x: unknown): boolean {
  return x instanceof CollectionP;
}

class WorksheetCollectionP extends CollectionP<WorksheetP> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.state, false);
  }
  protected list(): FSheet[] {
    return this.ctx.host.state.sheets;
  }
  protected wrap(): WorksheetP {
    return new WorksheetP(this.ctx, () => null, false);
  }
  protected override keyOf(s: FSheet): string {
    return s.id;
  }
  /** By name or, as Excel also allows, by id. */
  getItem(key: string): WorksheetP {
    return this._at(new WorksheetP(this.ctx, () => this.ctx.host.state.find(key) ?? this.ctx.host.state.sheets.find((s) => s.id === key), true), 5, '', [key]);
  }
  getItemOrNullObject(key: string): WorksheetP {
    const ws = new WorksheetP(this.ctx, () => this.ctx.host.state.find(key) ?? this.ctx.host.state.sheets.find((s) => s.id === key) ?? null, true, true);
    return this._at(ws, 3, 'GetItemOrNullObject', [key]);
  }
  add(name?: string): WorksheetP {
    const ws = new WorksheetP(this.ctx, () => null, false);
    return this._make(ws, 'Add', [name], () => {
      const state = this.ctx.host.state;
      let n = name;
      for (let k = state.sheets.length + 1; !n; k++) if (!state.find(`Sheet${k}`)) n = `Sheet${k}`;
      ws._setResolved(state.addSheet(n));
    });
  }
}

class WorksheetP extends P {
  private _notes?: NoteCollectionP;
  private _comments?: CommentCollectionP;
  protected readers(): Record<string, Reader> {
    return { name: (s: FSheet) => s.name, visibility: (s: FSheet) => s.visibility, id: (s: FSheet) => s.id };
  }
  protected override writers(): Record<string, Writer> {
    return {
      name: (s: FSheet, v: string, ctx) => {
        checkSheetName(v);
        const other = ctx.host.state.find(v);
        if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named "${v}" already exists.`);
        const was = s.name;
        s.name = v;
        // Formulas that name the sheet follow it, as in Excel.
        followSheet(ctx.host.state, was, v);
      },
      visibility: (s: FSheet, v: string, ctx) => {
        if (v !== 'Visible' && ctx.host.state.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0)
          throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
        s.visibility = v;
      },
    };
  }
  private sheetRange(name: string, args: unknown[], resolve: (s: FSheet) => CellRange | null, nullable = false): RangeP {
    const range = new RangeP(this.ctx, () => {
      const s = this._t() as FSheet;
      const r = resolve(s);
      return r ? { sheet: s, rect: r } : null;
    }, true, nullable);
    return this._at(range, 3, name, args);
  }
  getRange(address?: string): RangeP {
    return this.sheetRange('GetRange', [address], () => (address ? parseRect(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    this.ctx.requireApi('1.7', 'getRangeByIndexes');
    if (rows < 1 || cols < 1) throw new FakeOfficeError('InvalidArgument', 'Empty range.');
    return this.sheetRange('GetRangeByIndexes', [row, col, rows, cols], () => ({ top: row + 1, left: col + 1, bottom: row + rows, right: col + cols }));
  }
  getRanges(address: string): RangeAreasP {
    this.ctx.requireApi('1.9', 'getRanges');
    if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'Address too long.');
    const areas = new RangeAreasP(this.ctx, () => {
      const rects = splitList(address).map(parseRect);
      // Reported on the office-js tracker: getRanges fails past 512 areas.
      if (rects.length > 512) throw new FakeOfficeError('InvalidArgument', `getRanges with ${rects.length} areas (more than 512).`);
      return { sheet: this._t(), rects };
    }, true);
    return this._at(areas, 3, 'GetRanges', [address]);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeP {
    this.ctx.requireApi('1.4', 'getUsedRangeOrNullObject');
    return this.sheetRange('GetUsedRangeOrNullObject', [valuesOnly], (s) => usedRect(s, !!valuesOnly), true);
  }
  delete(): void {
    this._call('Delete', [], () => {
      const s = this._t() as FSheet;
      const state = this.ctx.host.state;
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', 'Cannot delete a very hidden worksheet.');
      if (state.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0)
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      s.deleted = true;
      state.sheets = state.sheets.filter((x) => x !== s);
      // Formulas that named the sheet now say #REF!, as in Excel.
      followSheet(state, s.name, null);
      for (const n of state.names) if (n.sheet === s) n.sheet = null;
      state.comments = state.comments.filter((c) => c.sheet !== s);
    });
  }
  activate(): void {
    this._call('Activate', [], () => (this.ctx.host.state.active = this._t()));
  }
  private _freeze?: FreezePanesP;
  private _charts?: ChartCollectionP;
  private _filter?: AutoFilterP;
  get freezePanes(): FreezePanesP {
    this.ctx.requireApi('1.7', 'freezePanes');
    return (this._freeze ??= this._at(new FreezePanesP(this.ctx, () => this._t(), false), 4, 'FreezePanes'));
  }
  get charts(): ChartCollectionP {
    return (this._charts ??= this._at(new ChartCollectionP(this.ctx, () => this._t(), false), 4, 'Charts'));
  }
  get autoFilter(): AutoFilterP {
    this.ctx.requireApi('1.9', 'autoFilter');
    return (this._filter ??= this._at(new AutoFilterP(this.ctx, () => this._t(), false), 4, 'AutoFilter'));
  }
  private _page?: PageLayoutP;
  get pageLayout(): PageLayoutP {
    this.ctx.requireApi('1.9', 'worksheet.pageLayout');
    return (this._page ??= this._at(new PageLayoutP(this.ctx, () => this._t(), false), 4, 'PageLayout'));
  }
  get notes(): NoteCollectionP {
    this.ctx.requireApi('1.18', 'worksheet.notes');
    return (this._notes ??= this._at(new NoteCollectionP(this.ctx, () => this._t(), false), 4, 'Notes'));
  }
  get comments(): CommentCollectionP {
    this.ctx.requireApi('1.10', 'worksheet.comments');
    return (this._comments ??= this._at(new CommentCollectionP(this.ctx, this), 4, 'Comments'));
  }
}
props(WorksheetP, ['name', 'visibility', 'id'], ['name', 'visibility']);

function usedRect(s: FSheet, valuesOnly: boolean): CellRange | null {
  let r: CellRange | null = null;
  s.forEach((c, row, col) => {
    const used = c.value !== null || c.formula !== undefined || c.error !== undefined;
    const formatted = c.fill.pattern !== 'None' || c.bold || c.numFmt !== 'General';
    if (!used && (valuesOnly || !formatted)) return;
    if (!r) r = { top: row, left: col, bottom: row, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.left = Math.min(r.left, col);
      r.bottom = Math.max(r.bottom, row);
      r.right = Math.max(r.right, col);
    }
  });
  return r;
}

class FreezePanesP extends P {
  protected readers(): Record<string, Reader> {
    return {};
  }
  freezeRows(n = 1): void {
    this._call('FreezeRows', [n], () => ((this._t() as FSheet).frozen = { rows: n, cols: 0 }));
  }
  freezeColumns(n = 1): void {
    this._call('FreezeColumns', [n], () => ((this._t() as FSheet).frozen = { rows: 0, cols: n }));
  }
  unfreeze(): void {
    this._call('Unfreeze', [], () => ((this._t() as FSheet).frozen = { rows: 0, cols: 0 }));
  }
  freezeAt(range: RangeP | string): void {
    this._call('FreezeAt', [range], () => {
      const r = typeof range === 'string' ? parseRect(range) : (range._t().rect as CellRange);
      (this._t() as FSheet).frozen = { rows: r.bottom, cols: r.right };
    }, [typeof range === 'string' ? null : range]);
  }
}

// Page layout (ExcelApi 1.9): only what writePlan sets. Excel takes the enum names as written.
const ORIENTATIONS = ['Portrait', 'Landscape'];
const PAPERS = ['A3', 'A4', 'A5', 'Letter', 'Legal'];

class PageLayoutP extends P {
  protected readers(): Record<string, Reader> {
    return { orientation: (t: FSheet) => t.page.orientation ?? 'Portrait', paperSize: (t: FSheet) => t.page.paperSize ?? 'Letter', zoom: (t: FSheet) => t.page.zoom ?? { scale: 100 } };
  }
  protected override writers(): Record<string, Writer> {
    return {
      orientation: (t: FSheet, v: string) => {
        if (!ORIENTATIONS.includes(v)) throw new FakeOfficeError('InvalidArgument', `Invalid orientation "${v}".`);
        t.page.orientation = v;
      },
      paperSize: (t: FSheet, v: string) => {
        if (!PAPERS.includes(v)) throw new FakeOfficeError('InvalidArgument', `Invalid paper size "${v}".`);
        t.page.paperSize = v;
      },
      zoom: (t: FSheet, v: FPage['zoom']) => {
        const fit = v && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined);
        if (!v || (fit && v.scale !== undefined)) throw new FakeOfficeError('InvalidArgument', 'Zoom takes a scale or pages to fit, not both.');
        t.page.zoom = { ...v };
      },
    };
  }
  setPrintArea(area: string): void {
    this._call('SetPrintArea', [area], () => ((this._t() as FSheet).page.printArea = rectAddress(parseRect(area))));
  }
  setPrintTitleRows(rows: string): void {
    this._call('SetPrintTitleRows', [rows], () => {
      const r = parseRect(rows);
      if (r.left !== 1 || r.right !== MAX_COLS) throw new FakeOfficeError('InvalidArgument', `Print title rows "${rows}" are not whole rows.`);
      (this._t() as FSheet).page.titleRows = `${r.top}:${r.bottom}`;
    });
  }
  get headersFooters(): { defaultForAllPages: HeaderFooterP } {
    const group = this._at(new HeaderFooterP(this.ctx, () => this._t(), false), 4, 'HeadersFooters');
    return { defaultForAllPages: group._at(new HeaderFooterP(this.ctx, () => this._t(), false), 4, 'DefaultForAllPages') };
  }
}
props(PageLayoutP, ['orientation', 'paperSize', 'zoom'], ['orientation', 'paperSize', 'zoom']);

class HeaderFooterP extends P {
  protected readers(): Record<string, Reader> {
    return { leftFooter: (t: FSheet) => t.page.leftFooter ?? '', rightFooter: (t: FSheet) => t.page.rightFooter ?? '' };
  }
  protected override writers(): Record<string, Writer> {
    return { leftFooter: (t: FSheet, v: string) => (t.page.leftFooter = String(v)), rightFooter: (t: FSheet, v: string) => (t.page.rightFooter = String(v)) };
  }
}
props(HeaderFooterP, ['leftFooter', 'rightFooter'], ['leftFooter', 'rightFooter']);

// Charts: only what writePlan uses (add, title, legend, first series' name and categories, position).
type ChartT = { sheet: FSheet; chart: FChart };
const rangeText = (r: RangeP | string): string => (typeof r === 'string' ? r : rectAddress(r._t().rect as CellRange));

class ChartCollectionP extends P {
  protected readers(): Record<string, Reader> {
    return {};
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.ctx, { type: 3, name: 'GetCount', subject: this, args: [] }, () => (this._t() as FSheet).charts.length);
  }
  /** The chart at a position, resolved when the request runs. */
  getItemAt(index: number): ChartP {
    const chart = new ChartP(this.ctx, () => {
      const sheet = this._t() as FSheet;
      const c = sheet.charts[index];
      return c ? { sheet, chart: c } : undefined;
    }, true);
    return this._at(chart, 3, 'GetItemAt', [index]);
  }
  add(type: string, source: RangeP, seriesBy = 'Auto'): ChartP {
    const chart = new ChartP(this.ctx, () => null, false);
    return this._make(chart, 'Add', [type, source, seriesBy], () => {
      const sheet = this._t() as FSheet;
      const src = source._t() as { sheet: FSheet; rect: CellRange };
      if (src.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'Chart data must be on the same sheet.');
      const c: FChart = { type, source: rectAddress(src.rect), seriesBy, title: '', legend: true, series: [{ name: '', values: rectAddress(src.rect) }] };
      sheet.charts.push(c);
      chart._setResolved({ sheet, chart: c });
    }, [null, source, null]);
  }
}

class ChartP extends P {
  protected readers(): Record<string, Reader> {
    return {};
  }
  get title(): ChartPartP {
    return this._at(new ChartPartP(this.ctx, () => ({ ...this._t(), part: 'title' }), false), 4, 'Title');
  }
  get legend(): ChartPartP {
    return this._at(new ChartPartP(this.ctx, () => ({ ...this._t(), part: 'legend' }), false), 4, 'Legend');
  }
  get series(): { getItemAt(i: number): SeriesP } {
    const coll = this._at(new ChartPartP(this.ctx, () => this._t(), false), 4, 'Series');
    return { getItemAt: (i: number) => coll._at(new SeriesP(this.ctx, () => ({ ...this._t(), index: i }), false), 3, 'GetItemAt', [i]) };
  }
  delete(): void {
    this._call('Delete', [], () => {
      const t = this._t() as ChartT;
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
    });
  }
  setPosition(start: RangeP | string): void {
    this._call('SetPosition', [start], () => ((this._t() as ChartT).chart.position = rangeText(start)), [typeof start === 'string' ? null : start]);
  }
}

class ChartPartP extends P {
  protected readers(): Record<string, Reader> {
    return {};
  }
  protected override writers(): Record<string, Writer> {
    return {
      text: (t: ChartT, v: string) => (t.chart.title = String(v)),
      visible: (t: ChartT, v: boolean) => (t.chart.legend = !!v),
    };
  }
}
props(ChartPartP, ['text', 'visible'], ['text', 'visible']);

class SeriesP extends P {
  protected readers(): Record<string, Reader> {
    return {};
  }
  protected override writers(): Record<string, Writer> {
    return { name: (t: ChartT & { index: number }, v: string) => (t.chart.series[t.index].name = String(v)) };
  }
  setXAxisValues(r: RangeP): void {
    this.ctx.requireApi('1.7', 'series.setXAxisValues');
    this._call('SetXAxisValues', [r], () => {
      const t = this._t() as ChartT & { index: number };
      t.chart.series[t.index].categories = rangeText(r);
    }, [r]);
  }
}
props(SeriesP, ['name'], ['name']);

class AutoFilterP extends P {
  protected readers(): Record<string, Reader> {
    return {};
  }
  remove(): void {
    this.ctx.requireApi('1.9', 'autoFilter.remove');
    this._call('Remove', [], () => ((this._t() as FSheet).autoFilter = undefined));
  }
  apply(range: RangeP | string): void {
    this._call('Apply', [range], () => {
      const r = typeof range === 'string' ? parseRect(range) : (range._t().rect as CellRange);
      (this._t() as FSheet).autoFilter = rectAddress(r);
    }, [typeof range === 'string' ? null : range]);
  }
}

// ---------------------------------------------------------------- ranges

interface RangeT {
  sheet: FSheet;
  rect: CellRange;
}

function grid<T>(t: RangeT, f: (c: FCell | undefined, row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const line: T[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) line.push(f(t.sheet.get(r, c), r, c));
    out.push(line);
  }
  return out;
}

function checkDims(t: RangeT, v: unknown): unknown[][] {
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
  return v as unknown[][];
}

function writeGrid(t: RangeT, v: unknown, f: (cell: FCell, x: unknown) => void): void {
  const rows = checkDims(t, v);
  rows.forEach((line, i) => line.forEach((x, j) => f(t.sheet.at(t.rect.top + i, t.rect.left + j), x)));
}

/** The client library writes bigger grids in blocks of rows (its setRangePropertiesInBulk). */
const BULK_CELLS = 1500;

class RangeP extends P {
  private _format?: RangeFormatP;
  protected readers(): Record<string, Reader> {
    return {
      address: (t: RangeT) => `${quote(t.sheet.name)}!${rectAddress(t.rect)}`,
      rowIndex: (t: RangeT) => t.rect.top - 1,
      columnIndex: (t: RangeT) => t.rect.left - 1,
      rowCount: (t: RangeT) => t.rect.bottom - t.rect.top + 1,
      columnCount: (t: RangeT) => t.rect.right - t.rect.left + 1,
      values: (t: RangeT) => grid(t, (c) => valueIn(this.ctx.host.state, t.sheet, c)),
      formulas: (t: RangeT) => grid(t, formulaOf),
      numberFormat: (t: RangeT) => grid(t, (c) => c?.numFmt ?? 'General'),
      valueTypes: (t: RangeT) => grid(t, (c) => typeIn(this.ctx.host.state, t.sheet, c)),
    };
  }
  protected override writers(): Record<string, Writer> {
    return {
      values: (t: RangeT, v) => writeGrid(t, v, (c, x) => typeInto(c, x, false)),
      formulas: (t: RangeT, v) => writeGrid(t, v, (c, x) => typeInto(c, x, true)),
      numberFormat: (t: RangeT, v) => writeGrid(t, v, (c, x) => (c.numFmt = String(x))),
    };
  }
  /**
   * As the client library writes a grid of more than 1,500 cells: a size check, then one write
   * per block of rows, each to getRow(first).getBoundingRect(getRow(last)).
   */
  protected override _set(prop: string, value: unknown): void {
    const bulk = ['values', 'formulas', 'numberFormat'].includes(prop) && Array.isArray(value) && Array.isArray(value[0]) && value.length * value[0].length > BULK_CELLS;
    if (!bulk) return super._set(prop, value);
    const rows = value as unknown[][];
    this._ValidateArraySize(rows.length, rows[0].length);
    const per = Math.max(1, Math.round(BULK_CELLS / rows[0].length));
    for (let r = 0; r < rows.length; r += per) {
      const n = Math.min(per, rows.length - r);
      super._set.call(this.getRow(r).getBoundingRect(this.getRow(r + n - 1)), prop, rows.slice(r, r + n));
    }
  }
  _ValidateArraySize(rows: number, cols: number): void {
    this._call('_ValidateArraySize', [rows, cols], () => checkDims(this._t() as RangeT, Array.from({ length: rows }, () => new Array(cols).fill(0))));
  }
  getRow(i: number): RangeP {
    const row = new RangeP(this.ctx, () => {
      const t = this._t() as RangeT;
      return { sheet: t.sheet, rect: { top: t.rect.top + i, left: t.rect.left, bottom: t.rect.top + i, right: t.rect.right } };
    }, true);
    return this._at(row, 3, 'GetRow', [i]);
  }
  getBoundingRect(other: RangeP): RangeP {
    const box = new RangeP(this.ctx, () => {
      const [a, b] = [(this._t() as RangeT).rect, (other._t() as RangeT).rect];
      const top = Math.min(a.top, b.top);
      const left = Math.min(a.left, b.left);
      return { sheet: (this._t() as RangeT).sheet, rect: { top, left, bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) } };
    }, true);
    return this._at(box, 3, 'GetBoundingRect', [other], [other]);
  }
  get format(): RangeFormatP {
    return (this._format ??= this._at(new RangeFormatP(this.ctx, () => {
      const t = this._t() as RangeT;
      return { sheet: t.sheet, rects: [t.rect] };
    }, false), 4, 'Format'));
  }
  merge(across = false): void {
    this._call('Merge', [across], () => {
      const t = this._t() as RangeT;
      if (t.sheet.merges.some((m) => intersects(m, t.rect))) throw new FakeOfficeError('InvalidOperation', 'Cannot merge over a merged area.');
      t.sheet.merges.push({ ...t.rect });
    });
  }
  /** Clear("All"): values, formulas, formats and merges (notes, comments and charts are not modelled as cleared). */
  clear(applyTo: string = 'All'): void {
    if (applyTo !== 'All') throw new Error(`fake: clear("${applyTo}") is not modelled`);
    this._call('Clear', [applyTo], () => {
      const t = this._t() as RangeT;
      for (const [row, r] of t.sheet.cells) for (const col of [...r.keys()]) if (row >= t.rect.top && row <= t.rect.bottom && col >= t.rect.left && col <= t.rect.right) r.delete(col);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
    });
  }
  getCellProperties(opts: Excel.CellPropertiesLoadOptions): ClientResult<Excel.CellProperties[][]> {
    this.ctx.requireApi('1.9', 'getCellProperties');
    return new ClientResult(this.ctx, { type: 3, name: 'GetCellProperties', subject: this, args: [opts] }, () =>
      grid(this._t() as RangeT, (c, r, k) => cellProps(c, r, k, opts)),
    );
  }
  getRowProperties(opts: Excel.RowPropertiesLoadOptions): ClientResult<Excel.RowProperties[]> {
    this.ctx.requireApi('1.9', 'getRowProperties');
    return new ClientResult(this.ctx, { type: 3, name: 'GetRowProperties', subject: this, args: [opts] }, () => {
      const t = this._t() as RangeT;
      const out: Excel.RowProperties[] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        const p: Excel.RowProperties = {};
        if (opts.rowIndex) p.rowIndex = r - 1;
        if (opts.rowHidden) p.rowHidden = t.sheet.hiddenRows.has(r);
        out.push(p);
      }
      return out;
    });
  }
  getColumnProperties(opts: Excel.ColumnPropertiesLoadOptions): ClientResult<Excel.ColumnProperties[]> {
    this.ctx.requireApi('1.9', 'getColumnProperties');
    return new ClientResult(this.ctx, { type: 3, name: 'GetColumnProperties', subject: this, args: [opts] }, () => {
      const t = this._t() as RangeT;
      const out: Excel.ColumnProperties[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const p: Excel.ColumnProperties = {};
        if (opts.columnIndex) p.columnIndex = c - 1;
        if (opts.columnHidden) p.columnHidden = t.sheet.hiddenCols.has(c);
        out.push(p);
      }
      return out;
    });
  }
  getMergedAreasOrNullObject(): RangeAreasP {
    this.ctx.requireApi('1.13', 'getMergedAreasOrNullObject');
    const areas = new RangeAreasP(this.ctx, () => {
      const t = this._t() as RangeT;
      const rects = t.sheet.merges.filter((m) => intersects(m, t.rect));
      if (rects.length > 512) throw new FakeOfficeError('GeneralException', 'More than 512 merged areas.');
      return rects.length ? { sheet: t.sheet, rects } : null;
    }, true, true);
    return this._at(areas, 3, 'GetMergedAreasOrNullObject', []);
  }
}
props(RangeP, ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes'], ['values', 'formulas', 'numberFormat']);

function cellProps(c: FCell | undefined, r: number, k: number, o: Excel.CellPropertiesLoadOptions): Excel.CellProperties {
  const cell = c ?? blankCell();
  const p: Excel.CellProperties = {};
  if (o.address) p.address = cellAddress(r, k);
  if (o.format) {
    const f: Excel.CellPropertiesFormat = {};
    const fo = o.format as Excel.CellPropertiesFormatLoadOptions;
    if (fo.font) {
      const font: Excel.CellPropertiesFont = {};
      const fl = fo.font as Excel.CellPropertiesFontLoadOptions | boolean;
      if (fl === true || (typeof fl === 'object' && fl.name)) font.name = cell.font;
      if (fl === true || (typeof fl === 'object' && fl.bold)) font.bold = cell.bold;
      f.font = font;
    }
    if (fo.fill) {
      const fl = fo.fill as Excel.CellPropertiesFillLoadOptions | boolean;
      const fill: Excel.CellPropertiesFill = {};
      if (fl === true || (typeof fl === 'object' && fl.color)) fill.color = cell.fill.color;
      if (fl === true || (typeof fl === 'object' && fl.pattern)) fill.pattern = cell.fill.pattern as Excel.FillPattern;
      if (fl === true || (typeof fl === 'object' && fl.patternColor)) fill.patternColor = cell.fill.patternColor;
      f.fill = fill;
    }
    p.format = f;
  }
  return p;
}

interface AreasT {
  sheet: FSheet;
  rects: CellRange[];
}

class RangeAreasP extends P {
  private _format?: RangeFormatP;
  protected readers(): Record<string, Reader> {
    return { address: (t: AreasT) => t.rects.map((r) => `${quote(t.sheet.name)}!${rectAddress(r)}`).join(',') };
  }
  get format(): RangeFormatP {
    return (this._format ??= this._at(new RangeFormatP(this.ctx, () => this._t(), false), 4, 'Format'));
  }
}
props(RangeAreasP, ['address']);

function eachCell(t: AreasT, f: (c: FCell) => void): void {
  for (const r of t.rects) {
    if (r.bottom - r.top > 100000 || r.right - r.left > 1000) throw new Error('fake: whole-row/column formats are not modelled');
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(t.sheet.at(row, col));
  }
}

function uniform<T>(t: AreasT, f: (c: FCell) => T): T | null {
  let v: T | undefined;
  let same = true;
  for (const r of t.rects)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const x = f(t.sheet.get(row, col) ?? blankCell());
        if (v === undefined) v = x;
        else if (x !== v) same = false;
      }
  return same && v !== undefined ? v : null;
}

class RangeFormatP extends P {
  private _fill?: RangeFillP;
  private _font?: RangeFontP;
  protected readers(): Record<string, Reader> {
    return {
      columnWidth: (t: AreasT) => {
        const ws = new Set<number>();
        for (const r of t.rects) for (let c = r.left; c <= r.right; c++) ws.add(t.sheet.widths.get(c) ?? 48);
        return ws.size === 1 ? [...ws][0] : null;
      },
      useStandardWidth: (t: AreasT) => t.rects.every((r) => [...t.sheet.widths.keys()].every((c) => c < r.left || c > r.right)),
      useStandardHeight: (t: AreasT) => t.rects.every((r) => [...t.sheet.rowHeights.keys()].every((row) => row < r.top || row > r.bottom)),
      wrapText: (t: AreasT) => uniform(t, (c) => c.wrap),
      horizontalAlignment: (t: AreasT) => uniform(t, (c) => c.align),
      rowHeight: (t: AreasT) => {
        const hs = new Set<number>();
        for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) hs.add(t.sheet.rowHeights.get(row) ?? 15);
        return hs.size === 1 ? [...hs][0] : null;
      },
    };
  }
  protected override writers(): Record<string, Writer> {
    return {
      columnWidth: (t: AreasT, v: number) => {
        for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.widths.set(c, v);
      },
      // Only meant to be set to true: the columns go back to the sheet's standard width.
      useStandardWidth: (t: AreasT, v: boolean) => {
        this.ctx.requireApi('1.7', 'useStandardWidth');
        if (v === true) for (const r of t.rects) for (const c of [...t.sheet.widths.keys()]) if (c >= r.left && c <= r.right) t.sheet.widths.delete(c);
      },
      // The same for rows: only meant to be set to true.
      useStandardHeight: (t: AreasT, v: boolean) => {
        this.ctx.requireApi('1.7', 'useStandardHeight');
        if (v === true) for (const r of t.rects) for (const row of [...t.sheet.rowHeights.keys()]) if (row >= r.top && row <= r.bottom) t.sheet.rowHeights.delete(row);
      },
      wrapText: (t: AreasT, v: boolean) => eachCell(t, (c) => (c.wrap = v)),
      horizontalAlignment: (t: AreasT, v: string) => eachCell(t, (c) => (c.align = v)),
      rowHeight: (t: AreasT, v: number) => {
        if (!(v >= 0 && v <= 409)) throw new FakeOfficeError('InvalidArgument', `Row height ${v} is out of range.`);
        for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, v);
      },
    };
  }
  get fill(): RangeFillP {
    return (this._fill ??= this._at(new RangeFillP(this.ctx, () => this._t(), false), 4, 'Fill'));
  }
  get font(): RangeFontP {
    return (this._font ??= this._at(new RangeFontP(this.ctx, () => this._t(), false), 4, 'Font'));
  }
}
props(RangeFormatP, ['columnWidth', 'useStandardWidth', 'useStandardHeight', 'wrapText', 'horizontalAlignment', 'rowHeight'], ['columnWidth', 'useStandardWidth', 'useStandardHeight', 'wrapText', 'horizontalAlignment', 'rowHeight']);

function normColor(v: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(v);
  if (!m) throw new FakeOfficeError('InvalidArgument', `Invalid colour "${v}".`);
  return `#${m[1].toUpperCase()}`;
}

class RangeFillP extends P {
  protected readers(): Record<string, Reader> {
    return {
      color: (t: AreasT) => uniform(t, (c) => c.fill.color),
      pattern: (t: AreasT) => {
        this.ctx.requireApi('1.9', 'fill.pattern');
        return uniform(t, (c) => c.fill.pattern);
      },
      patternColor: (t: AreasT) => {
        this.ctx.requireApi('1.9', 'fill.patternColor');
        return uniform(t, (c) => c.fill.patternColor);
      },
    };
  }
  protected override writers(): Record<string, Writer> {
    return {
      color: (t: AreasT, v: string) =>
        eachCell(t, (c) => {
          c.fill.color = normColor(v);
          if (c.fill.pattern === 'None') c.fill.pattern = 'Solid';
        }),
      pattern: (t: AreasT, v: string) => eachCell(t, (c) => (c.fill.pattern = v)),
      patternColor: (t: AreasT, v: string) => eachCell(t, (c) => (c.fill.patternColor = normColor(v))),
    };
  }
  clear(): void {
    this._call('Clear', [], () => eachCell(this._t(), (c) => (c.fill = { ...NO_FILL })));
  }
}
props(RangeFillP, ['color', 'pattern', 'patternColor'], ['color', 'pattern', 'patternColor']);

class RangeFontP extends P {
  protected readers(): Record<string, Reader> {
    return { bold: (t: AreasT) => uniform(t, (c) => c.bold), name: (t: AreasT) => uniform(t, (c) => c.font) };
  }
  protected override writers(): Record<string, Writer> {
    return {
      bold: (t: AreasT, v: boolean) => eachCell(t, (c) => (c.bold = v)),
      name: (t: AreasT, v: string) => eachCell(t, (c) => (c.font = v)),
    };
  }
}
props(RangeFontP, ['bold', 'name'], ['bold', 'name']);

// ---------------------------------------------------------------- names

class NamedItemCollectionP extends CollectionP<NamedItemP> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.host.state, false);
  }
  protected list(): FName[] {
    return this.ctx.host.state.names;
  }
  protected wrap(): NamedItemP {
    return new NamedItemP(this.ctx, () => null, false);
  }
  protected override keyOf(n: FName): string {
    return n.name;
  }
  add(name: string, reference: RangeP | string, comment?: string): NamedItemP {
    const item = new NamedItemP(this.ctx, () => null, false);
    return this._make(item, 'Add', [name, reference, comment], () => {
      const state = this.ctx.host.state;
      checkDefinedName(name);
      if (state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `Name "${name}" exists.`);
      if (typeof reference === 'string') throw new Error('fake: only Range references are modelled');
      const t = reference._t() as RangeT;
      const n: FName = { name, sheet: t.sheet, cell: rectAddress(t.rect), comment: comment ?? '', visible: true };
      state.names.push(n);
      item._setResolved(n);
    }, [null, typeof reference === 'string' ? null : reference, null]);
  }
  getItem(name: string): NamedItemP {
    return this._at(new NamedItemP(this.ctx, () => this.ctx.host.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()), true), 5, '', [name]);
  }
  getItemOrNullObject(name: string): NamedItemP {
    const item = new NamedItemP(this.ctx, () => this.ctx.host.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null, true, true);
    return this._at(item, 3, 'GetItemOrNullObject', [name]);
  }
}

/**
 * Excel's rules for a defined name: a letter, "_" or "\\" first, then letters, digits, "_" and
 * ".", at most 255 characters, and nothing Excel could read as a cell reference: "A1", "ABC123",
 * "XFD1048576", "R1C1", "R", "C", "R2", "C3", "RC".
 */
export function checkDefinedName(name: string): void {
  const bad = () => new FakeOfficeError('InvalidArgument', `Invalid name "${name}".`);
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) || name.length > 255) throw bad();
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const col = parseAddress(`${a1[1]}1`)?.col ?? Infinity;
    const row = Number(a1[2]);
    if (col <= MAX_COLS && row >= 1 && row <= MAX_ROWS) throw bad();
  }
  if (/^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) throw bad();
}

class NamedItemP extends P {
  protected readers(): Record<string, Reader> {
    return {
      name: (n: FName) => n.name,
      comment: (n: FName) => n.comment,
      visible: (n: FName) => n.visible,
      type: () => 'Range',
      formula: (n: FName) => {
        this.ctx.requireApi('1.7', 'NamedItem.formula');
        const abs = n.cell.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
        return n.sheet ? `=${quote(n.sheet.name)}!${abs}` : `=#REF!${abs}`;
      },
    };
  }
  protected override writers(): Record<string, Writer> {
    return { comment: (n: FName, v: string) => (n.comment = v), visible: (n: FName, v: boolean) => (n.visible = v) };
  }
  delete(): void {
    this._call('Delete', [], () => {
      const n = this._t() as FName;
      this.ctx.host.state.names = this.ctx.host.state.names.filter((x) => x !== n);
    });
  }
}
props(NamedItemP, ['name', 'comment', 'visible', 'type', 'formula'], ['comment', 'visible']);

// ---------------------------------------------------------------- notes and comments

interface NoteT {
  sheet: FSheet;
  cell: string;
}

function singleCell(ref: RangeP | string, sheet: FSheet | null, ctx: FakeContext): NoteT {
  if (typeof ref !== 'string') {
    const t = ref._t() as RangeT;
    if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) throw new FakeOfficeError('InvalidArgument', 'Not a single cell.');
    return { sheet: t.sheet, cell: cellAddress(t.rect.top, t.rect.left) };
  }
  const bang = ref.lastIndexOf('!');
  const s = bang >= 0 ? ctx.host.state.find(ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'")) : sheet;
  if (!s) throw new FakeOfficeError('InvalidArgument', `The address "${ref}" must include the sheet name.`);
  const r = parseRect(ref);
  if (r.top !== r.bottom || r.left !== r.right) throw new FakeOfficeError('InvalidArgument', 'Not a single cell.');
  return { sheet: s, cell: cellAddress(r.top, r.left) };
}

class NoteCollectionP extends CollectionP<NoteP> {
  /** A sheet's notes in the order they were added. */
  protected list(): NoteT[] {
    const sheet = this._t() as FSheet;
    return [...sheet.notes.keys()].map((cell) => ({ sheet, cell }));
  }
  protected wrap(): NoteP {
    return new NoteP(this.ctx, () => null, false);
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.ctx, { type: 3, name: 'GetCount', subject: this, args: [] }, () => (this._t() as FSheet).notes.size);
  }
  getItem(key: string): NoteP {
    const note = new NoteP(this.ctx, () => {
      const t = singleCell(key, this._t(), this.ctx);
      return t.sheet.notes.has(t.cell) ? t : undefined;
    }, true);
    return this._at(note, 5, '', [key]);
  }
  add(cell: RangeP | string, content: string): NoteP {
    const note = new NoteP(this.ctx, () => null, false);
    return this._make(note, 'Add', [cell, content], () => {
      const t = singleCell(cell, this._t(), this.ctx);
      if (t.sheet.notes.has(t.cell)) throw new FakeOfficeError('InvalidArgument', `Cell ${t.cell} already has a note.`);
      t.sheet.notes.set(t.cell, String(content));
      note._setResolved(t);
    }, [typeof cell === 'string' ? null : cell, null]);
  }
  getItemOrNullObject(key: string): NoteP {
    const note = new NoteP(this.ctx, () => {
      const t = singleCell(key, this._t(), this.ctx);
      return t.sheet.notes.has(t.cell) ? t : null;
    }, true, true);
    return this._at(note, 3, 'GetItemOrNullObject', [key]);
  }
}

class NoteP extends P {
  protected readers(): Record<string, Reader> {
    return { content: (t: NoteT) => t.sheet.notes.get(t.cell) ?? null };
  }
  protected override writers(): Record<string, Writer> {
    return { content: (t: NoteT, v: string) => t.sheet.notes.set(t.cell, v) };
  }
  delete(): void {
    this._call('Delete', [], () => {
      const t = this._t() as NoteT;
      t.sheet.notes.delete(t.cell);
    });
  }
  getLocation(): RangeP {
    const range = new RangeP(this.ctx, () => {
      const t = this._t() as NoteT;
      return { sheet: t.sheet, rect: parseRect(t.cell) };
    }, true);
    return this._at(range, 3, 'GetLocation', []);
  }
}
props(NoteP, ['content'], ['content']);

class CommentCollectionP extends CollectionP<CommentP> {
  constructor(
    ctx: FakeContext,
    private readonly ws: WorksheetP | null,
  ) {
    super(ctx, () => ctx.host.state, false);
  }
  protected list(): FComment[] {
    const sheet = this.ws ? (this.ws._t() as FSheet) : null;
    return this.ctx.host.state.comments.filter((c) => !sheet || c.sheet === sheet);
  }
  protected wrap(): CommentP {
    return new CommentP(this.ctx, () => null, false);
  }
  protected override keyOf(c: FComment): string {
    return c.id;
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.ctx, { type: 3, name: 'GetCount', subject: this, args: [] }, () => this.list().length);
  }
  add(cell: RangeP | string, content: string): CommentP {
    const comment = new CommentP(this.ctx, () => null, false);
    return this._make(comment, 'Add', [cell, content, null], () => {
      const state = this.ctx.host.state;
      const t = singleCell(cell, this.ws ? this.ws._t() : null, this.ctx);
      if (state.comments.some((c) => c.sheet === t.sheet && c.cell === t.cell))
        throw new FakeOfficeError('InvalidArgument', `Cell ${t.cell} already has a comment.`);
      const c: FComment = { id: state.newCommentId(), sheet: t.sheet, cell: t.cell, content: String(content) };
      state.comments.push(c);
      comment._setResolved(c);
    }, [typeof cell === 'string' ? null : cell, null, null]);
  }
  getItem(id: string): CommentP {
    return this._at(new CommentP(this.ctx, () => this.ctx.host.state.comments.find((c) => c.id === id), true), 5, '', [id]);
  }
}

class CommentP extends P {
  protected readers(): Record<string, Reader> {
    return { id: (c: FComment) => c.id, content: (c: FComment) => c.content };
  }
  protected override writers(): Record<string, Writer> {
    return { content: (c: FComment, v: string) => (c.content = v) };
  }
  delete(): void {
    this._call('Delete', [], () => {
      const c = this._t() as FComment;
      this.ctx.host.state.comments = this.ctx.host.state.comments.filter((x) => x !== c);
    });
  }
  getLocation(): RangeP {
    const range = new RangeP(this.ctx, () => {
      const c = this._t() as FComment;
      return { sheet: c.sheet, rect: parseRect(c.cell) };
    }, true);
    return this._at(range, 3, 'GetLocation', []);
  }
}
props(CommentP, ['id', 'content'], ['content']);

/** A cell back to all defaults is no different from one never touched. */
export function isDefaultCell(c: FCell): boolean {
  return (
    c.value === null && c.formula === undefined && c.error === undefined && c.numFmt === 'General' && !c.bold && c.font === 'Calibri' && !c.wrap && c.align === 'General' &&
    c.fill.pattern === 'None' && c.fill.color === '#FFFFFF' && c.fill.patternColor === '#000000'
  );
}
