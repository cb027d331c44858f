// Formulas without a stored result. Excel saves each formula's last result beside it; a file
// re-saved by a script library (openpyxl, SheetJS…) keeps the formula and drops the result, so a
// total "=E12+E13" would read as blank and the area total would drop. The little that reports
// use is computed here: + - * /, parentheses, unary minus, numbers, same-sheet cell references
// (with or without $), SUM over same-sheet ranges and lists, and the rate column's
// IF(D26=0,"",E26/D26*100) or a template's IF(E12="","",…). Anything else is left blank and reported, never guessed.
import { Cell, ErrorValue, Sheet, WorkbookModel, cellAddress, getCell, isErrorValue, parseAddress, setCell } from './model';

/** The cells of one sheet whose formula has no result and could not be computed. */
export interface UncomputedFormulas {
  sheet: string;
  cells: string[];
}

/** A computed value: a number, text (only "" or literal text from IF), or an error such as #DIV/0!. */
type Value = number | string | ErrorValue;
type At = { row: number; col: number };
type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; at: At }
  | { k: 'range'; from: At; to: At }
  | { k: 'neg'; x: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'sum'; args: Node[] }
  | { k: 'if'; test: Node; then: Node; else: Node | null };
type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; at: At } | { t: 'fn'; v: string } | { t: 'op'; v: string };

class Unsupported extends Error {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|"((?:[^"]|"")*)"|(\$?[A-Za-z]{1,3}\$?\d{1,7})(?![\w(!.])|([A-Za-z][A-Za-z0-9.]*)\(|(<=|>=|<>|[-+*/(),;:=<>]))/y;

/** Excel's own limit on a formula's length; anything longer was not made by Excel. */
const MAX_FORMULA_CHARS = 8192;
/** Cells one SUM may cover: a report's column is tens of cells; a whole-sheet range is not computed. */
const MAX_RANGE_CELLS = 100_000;

function tokenize(formula: string): Token[] {
  if (formula.length > MAX_FORMULA_CHARS) throw new Unsupported('long');
  const text = formula.replace(/^\s*=/, '').trim();
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || m.index !== at || TOKEN.lastIndex === at) throw new Unsupported(formula);
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: 'ref', at: parseAddress(m[3])! });
    else if (m[4] !== undefined) out.push({ t: 'fn', v: m[4].toUpperCase() });
    else out.push({ t: 'op', v: m[5] });
  }
  return out;
}

/** compare := sum (op sum)?, sum := term (± term)*, term := unary (×÷ unary)*, unary := -unary | primary. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  formula(): Node {
    const n = this.compare();
    if (this.i !== this.tokens.length) throw new Unsupported('trailing');
    return n;
  }

  private op(...ops: string[]): string | null {
    const t = this.tokens[this.i];
    if (t && t.t === 'op' && ops.includes(t.v)) {
      this.i++;
      return t.v;
    }
    return null;
  }

  private need(op: string): void {
    if (!this.op(op)) throw new Unsupported(op);
  }

  private compare(): Node {
    const a = this.sum();
    const op = this.op('=', '<>', '<', '>', '<=', '>=');
    return op ? { k: 'bin', op, a, b: this.sum() } : a;
  }

  private sum(): Node {
    let n = this.term();
    for (let op = this.op('+', '-'); op; op = this.op('+', '-')) n = { k: 'bin', op, a: n, b: this.term() };
    return n;
  }

  private term(): Node {
    let n = this.unary();
    for (let op = this.op('*', '/'); op; op = this.op('*', '/')) n = { k: 'bin', op, a: n, b: this.unary() };
    return n;
  }

  private unary(): Node {
    const op = this.op('-', '+');
    if (!op) return this.primary();
    const x = this.unary();
    return op === '-' ? { k: 'neg', x } : x;
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new Unsupported('end');
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'ref') {
      if (!this.op(':')) return { k: 'ref', at: t.at };
      const to = this.tokens[this.i++];
      if (to?.t !== 'ref') throw new Unsupported('range');
      return { k: 'range', from: t.at, to: to.at };
    }
    if (t.t === 'fn') return this.call(t.v);
    if (t.v === '(') {
      const n = this.compare();
      this.need(')');
      return n;
    }
    throw new Unsupported(t.v);
  }

  private call(name: string): Node {
    const args: Node[] = [];
    if (!this.op(')')) {
      do args.push(this.compare());
      while (this.op(',', ';'));
      this.need(')');
    }
    if (name === 'SUM') return { k: 'sum', args };
    if (name === 'IF' && (args.length === 2 || args.length === 3)) return { k: 'if', test: args[0], then: args[1], else: args[2] ?? null };
    throw new Unsupported(name);
  }
}

/**
 * The workbook with every formula that has no result computed where it can be, and what was
 * left. The given workbook is not changed: a sheet with such formulas is copied (its rows only),
 * the others are shared.
 */
export function computeMissingResults(wb: WorkbookModel): { workbook: WorkbookModel; uncomputed: UncomputedFormulas[] } {
  const uncomputed: UncomputedFormulas[] = [];
  const sheets = wb.sheets.map((sheet) => {
    const pending: At[] = [];
    sheet.rows.forEach((r, row) =>
      r?.forEach((c, col) => {
        if (c && c.formula !== undefined && c.value === null) pending.push({ row, col });
      }),
    );
    if (pending.length === 0) return sheet;
    const copy: Sheet = { ...sheet, rows: sheet.rows.map((r) => (r ? [...r] : r)) };
    const left = computeSheet(copy, pending);
    if (left.length) uncomputed.push({ sheet: sheet.name, cells: left });
    return copy;
  });
  return { workbook: sheets.some((s, i) => s !== wb.sheets[i]) ? { ...wb, sheets } : wb, uncomputed };
}

function computeSheet(sheet: Sheet, pending: At[]): string[] {
  // 'busy' while a cell's own references are being worked out: meeting it again is a cycle.
  const state = new Map<string, 'busy' | 'done' | 'failed'>();
  const cellValue = (at: At): Value | null => {
    const key = cellAddress(at.row, at.col);
    const cell = getCell(sheet, at.row, at.col);
    const s = state.get(key);
    if (s === 'busy' || s === 'failed') throw new Unsupported(key);
    if (!cell || cell.formula === undefined || cell.value !== null || s === 'done') return stored(cell);
    state.set(key, 'busy');
    try {
      const v = evaluate(new Parser(tokenize(cell.formula)).formula(), cellValue);
      if (typeof v !== 'number' && typeof v !== 'string' && !isError(v)) throw new Unsupported('range as a value');
      setCell(sheet, at.row, at.col, { ...cell, value: v });
      state.set(key, 'done');
      return v;
    } catch (e) {
      state.set(key, 'failed');
      throw e;
    }
  };
  const left: string[] = [];
  for (const at of pending) {
    try {
      cellValue(at);
    } catch (e) {
      // RangeError: a chain of references thousands deep, which no report holds.
      if (!(e instanceof Unsupported) && !(e instanceof RangeError)) throw e;
      left.push(cellAddress(at.row, at.col));
    }
  }
  return left;
}

/** A cell's value as formulas see it; null for a blank. */
function stored(cell: Cell | undefined): Value | null {
  const v = cell?.value;
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  // TRUE counts as 1 in "+" but is skipped by SUM over a range: not worth the difference here;
  // the formula is left uncomputed and said so.
  if (typeof v === 'boolean') throw new Unsupported('boolean');
  if (isErrorValue(v)) return v;
  // A date in a report's arithmetic: not what its totals add up.
  throw new Unsupported('date');
}

function evaluate(n: Node, cell: (at: At) => Value | null): Value | Node {
  const num = (x: Node): number | ErrorValue => {
    const v = x.k === 'ref' ? (cell(x.at) ?? 0) : evaluate(x, cell);
    if (typeof v === 'number' || isError(v)) return v;
    // Text in arithmetic is #VALUE! in Excel, or a number Excel reads under the computer's own
    // separators ("1.250" is 1250 in Vietnamese settings): which one the unit saw is not known,
    // so the formula is left uncomputed and said so, and the figure cell is reported where it stands.
    throw new Unsupported('text');
  };
  switch (n.k) {
    case 'num':
    case 'str':
      return n.v;
    case 'ref':
      return cell(n.at) ?? 0;
    case 'range':
      return n; // only SUM takes a range
    case 'neg': {
      const v = num(n.x);
      return typeof v === 'number' ? -v : v;
    }
    case 'sum':
      return n.args.reduce<number | ErrorValue>((total, a) => add(total, a.k === 'range' || a.k === 'ref' ? sumRange(a, cell) : num(a)), 0);
    case 'if': {
      const test = num(n.test);
      if (typeof test !== 'number') return test;
      const branch = test !== 0 ? n.then : n.else;
      return branch ? (branch.k === 'ref' ? (cell(branch.at) ?? 0) : evaluate(branch, cell)) : 0;
    }
    case 'bin':
      return binary(n.op, n.a, n.b, num, cell);
  }
}

function binary(op: string, a: Node, b: Node, num: (x: Node) => number | ErrorValue, cell: (at: At) => Value | null): Value {
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) return compare(op, a, b, cell);
  const x = num(a);
  const y = num(b);
  if (typeof x !== 'number') return x;
  if (typeof y !== 'number') return y;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  return y === 0 ? { error: '#DIV/0!' } : x / y;
}

/** A comparison as 1 or 0; a blank equals both 0 and "", as in Excel. */
function compare(op: string, a: Node, b: Node, cell: (at: At) => Value | null): Value {
  const side = (x: Node): Value | null => (x.k === 'ref' ? cell(x.at) : (evaluate(x, cell) as Value));
  let x = side(a);
  let y = side(b);
  if (isErrorValue(x)) return x;
  if (isErrorValue(y)) return y;
  if (x === null) x = typeof y === 'string' ? '' : 0;
  if (y === null) y = typeof x === 'string' ? '' : 0;
  // Excel orders every number before every text: 5="" is FALSE, as a template's rate guard
  // IF(E12="","",…) asks of a part that holds a figure.
  const c = typeof x !== typeof y ? (typeof x === 'number' ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0;
  const yes = op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  return yes ? 1 : 0;
}

/** SUM over a range or a lone reference: text and blanks are skipped, errors carry through. */
function sumRange(n: Node, cell: (at: At) => Value | null): number | ErrorValue {
  const [from, to] = n.k === 'range' ? [n.from, n.to] : n.k === 'ref' ? [n.at, n.at] : [null, null];
  if (!from || !to) throw new Unsupported('range');
  if ((Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1) > MAX_RANGE_CELLS) throw new Unsupported('large range');
  let total: number | ErrorValue = 0;
  for (let row = Math.min(from.row, to.row); row <= Math.max(from.row, to.row); row++) {
    for (let col = Math.min(from.col, to.col); col <= Math.max(from.col, to.col); col++) {
      const v = cell({ row, col });
      if (typeof v === 'number' || isErrorValue(v)) total = add(total, v);
    }
  }
  return total;
}

function isError(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && isErrorValue(v as ErrorValue);
}

function add(a: number | ErrorValue, b: number | ErrorValue): number | ErrorValue {
  if (typeof a !== 'number') return a;
  if (typeof b !== 'number') return b;
  return a + b;
}
