// The small language of "Công thức" and "Kiểm tra chéo": numbers, indicator codes,
// + - * /, parentheses and one comparison (= <> < <= > >=). Hand-written because it is
// twenty lines of grammar and must also print itself as an Excel formula over cell addresses.

export type ArithOp = '+' | '-' | '*' | '/';
export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'code'; code: string }
  | { type: 'negate'; arg: Expr }
  | { type: 'arith'; op: ArithOp; left: Expr; right: Expr }
  | { type: 'compare'; op: CompareOp; left: Expr; right: Expr };

export type ParseResult = { ok: true; expr: Expr } | { ok: false; reason: string };

type Token = { kind: 'num'; value: number } | { kind: 'code'; code: string } | { kind: 'op'; op: string } | { kind: 'end' };

const CODE = /^[A-Za-z_][A-Za-z0-9_.]*/;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  const s = text.replace(/[≥]/g, '>=').replace(/[≤]/g, '<=').replace(/[≠]/g, '<>').replace(/[×]/g, '*').replace(/[÷:]/g, '/').replace(/[–−]/g, '-');
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = s.slice(i);
    const num = /^\d+(?:[.,]\d+)?/.exec(rest);
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0].replace(',', '.')) });
      i += num[0].length;
      continue;
    }
    const code = CODE.exec(rest);
    if (code) {
      tokens.push({ kind: 'code', code: code[0].toUpperCase() });
      i += code[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|==|!=|[-+*/()=<>])/.exec(rest);
    if (op) {
      const o = op[0] === '==' ? '=' : op[0] === '!=' ? '<>' : op[0];
      tokens.push({ kind: 'op', op: o });
      i += op[0].length;
      continue;
    }
    return `ký tự không hợp lệ "${ch}" ở vị trí ${i + 1}`;
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

export function parseExpression(text: string): ParseResult {
  const lexed = tokenize(text.normalize('NFC'));
  if (typeof lexed === 'string') return { ok: false, reason: lexed };
  const tokens: Token[] = lexed;
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (t: Token, ...ops: string[]) => t.kind === 'op' && ops.includes(t.op);
  const fail = (msg: string): never => {
    throw new SyntaxError(msg);
  };

  function primary(): Expr {
    const t = tokens[pos++];
    if (t.kind === 'num') return { type: 'number', value: t.value };
    if (t.kind === 'code') return { type: 'code', code: t.code };
    if (isOp(t, '(')) {
      const e = additive();
      if (!isOp(peek(), ')')) fail('thiếu dấu ")"');
      pos++;
      return e;
    }
    if (isOp(t, '-')) return { type: 'negate', arg: primary() };
    if (isOp(t, '+')) return primary();
    return fail(t.kind === 'end' ? 'biểu thức kết thúc giữa chừng' : `không chờ "${t.kind === 'op' ? t.op : ''}" ở đây`);
  }
  function multiplicative(): Expr {
    let left = primary();
    while (isOp(peek(), '*', '/')) {
      const op = (tokens[pos++] as { op: ArithOp }).op;
      left = { type: 'arith', op, left, right: primary() };
    }
    return left;
  }
  function additive(): Expr {
    let left = multiplicative();
    while (isOp(peek(), '+', '-')) {
      const op = (tokens[pos++] as { op: ArithOp }).op;
      left = { type: 'arith', op, left, right: multiplicative() };
    }
    return left;
  }
  function comparison(): Expr {
    const left = additive();
    const t = peek();
    if (isOp(t, '=', '<>', '<', '<=', '>', '>=')) {
      pos++;
      const right = additive();
      if (isOp(peek(), '=', '<>', '<', '<=', '>', '>=')) fail('chỉ được một phép so sánh');
      return { type: 'compare', op: (t as { op: CompareOp }).op, left, right };
    }
    return left;
  }
  try {
    if (peek().kind === 'end') return { ok: false, reason: 'biểu thức trống' };
    const expr = comparison();
    if (peek().kind !== 'end') fail('thừa phần cuối biểu thức');
    return { ok: true, expr };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** Codes in order of first appearance: the first is the indicator a failed check is pinned on. */
export function codesOf(expr: Expr): string[] {
  const out: string[] = [];
  const walk = (e: Expr) => {
    switch (e.type) {
      case 'code':
        if (!out.includes(e.code)) out.push(e.code);
        break;
      case 'negate':
        walk(e.arg);
        break;
      case 'arith':
      case 'compare':
        walk(e.left);
        walk(e.right);
        break;
    }
  };
  walk(expr);
  return out;
}

export function isComparison(expr: Expr): expr is Extract<Expr, { type: 'compare' }> {
  return expr.type === 'compare';
}

/** Numeric value, or undefined when a code has no value or a division by zero occurs. */
export function evaluate(expr: Expr, lookup: (code: string) => number | undefined): number | undefined {
  switch (expr.type) {
    case 'number':
      return expr.value;
    case 'code':
      return lookup(expr.code);
    case 'negate': {
      const v = evaluate(expr.arg, lookup);
      return v === undefined ? undefined : -v;
    }
    case 'arith': {
      const l = evaluate(expr.left, lookup);
      const r = evaluate(expr.right, lookup);
      if (l === undefined || r === undefined) return undefined;
      if (expr.op === '+') return l + r;
      if (expr.op === '-') return l - r;
      if (expr.op === '*') return l * r;
      return r === 0 ? undefined : l / r;
    }
    case 'compare':
      return undefined;
  }
}

// Sums of whole counts are exact, but rates and products carry binary noise.
const TOLERANCE = 1e-9;

export function compare(op: CompareOp, l: number, r: number): boolean {
  const d = l - r;
  switch (op) {
    case '=':
      return Math.abs(d) <= TOLERANCE;
    case '<>':
      return Math.abs(d) > TOLERANCE;
    case '<':
      return d < -TOLERANCE;
    case '<=':
      return d <= TOLERANCE;
    case '>':
      return d > TOLERANCE;
    case '>=':
      return d >= -TOLERANCE;
  }
}

const PRECEDENCE: Record<ArithOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

interface Printer {
  ref: (code: string) => string;
  number: (n: number) => string;
  /** Operators between spaces, for people to read. */
  spaced: boolean;
}

function print(expr: Expr, how: Printer): string {
  const op = (o: string) => (how.spaced ? ` ${o} ` : o);
  const walk = (e: Expr, parentPrec: number, rightSide: boolean): string => {
    switch (e.type) {
      case 'number':
        return how.number(e.value);
      case 'code':
        return how.ref(e.code);
      case 'negate':
        return `-${walk(e.arg, 3, false)}`;
      case 'arith': {
        const p = PRECEDENCE[e.op];
        const body = `${walk(e.left, p, false)}${op(e.op)}${walk(e.right, p, true)}`;
        const needs = p < parentPrec || (rightSide && p === parentPrec);
        return needs ? `(${body})` : body;
      }
      case 'compare':
        return `${walk(e.left, 0, false)}${op(e.op)}${walk(e.right, 0, true)}`;
    }
  };
  return walk(expr, 0, false);
}

/** Prints the expression as an Excel formula, codes replaced by `ref(code)` (a cell address). */
export function toExcelFormula(expr: Expr, ref: (code: string) => string): string {
  return print(expr, { ref, number: String, spaced: false });
}

/** The expression as the rules workbook writes it: "DVK_TONG = DVK_TAPTHE + DVK_CANHAN". */
export function toText(expr: Expr): string {
  return print(expr, { ref: (c) => c, number: String, spaced: true });
}

/** The expression in words for a message, each code as `word(code)` ("Mô hình tập thể 8"). */
export function toWords(expr: Expr, word: (code: string) => string, number: (n: number) => string): string {
  return print(expr, { ref: word, number, spaced: true });
}
