// Target phrases as resolutions write them ("từ 200 hội viên trở lên", "ít nhất 01 lần/tháng",
// "từ 80-100", "≥ 95%") read into conditions. A phrase that cannot be read is an error,
// never a silent pass: every word before the first number must be understood.
import { MAX_FIGURE, parseNumberText, formatNumber, formatPercent } from './numbers';

export type Comparison =
  | { op: 'atLeast'; min: number }
  | { op: 'greaterThan'; value: number }
  | { op: 'lessThan'; value: number }
  | { op: 'atMost'; max: number }
  | { op: 'range'; min: number; max: number }
  | { op: 'equal'; value: number }
  | { op: 'zero' };

export type Frequency = 'month' | 'quarter' | 'year';

export interface Condition {
  comparison: Comparison;
  /** Set for "X lần/tháng": the figure is per period and is multiplied by the periods covered. */
  per?: Frequency;
  /** The numbers were fractions of one (a rate target), already divided by 100. */
  rate: boolean;
  text: string;
}

export type ConditionResult = { ok: true; condition: Condition } | { ok: false; reason: string };

export type Verdict =
  | { status: 'met' }
  | { status: 'short'; required: number; gap: number }
  | { status: 'over-limit'; limit: number; excess: number }
  | { status: 'exceeded'; max: number; excess: number };

const KEYWORDS = new Set([
  'tu', 'tro', 'len', 'den', 'it', 'nhat', 'toi', 'thieu', 'da', 'khong', 'duoi', 'dat', 'tren', 'hon',
  'qua', 'vuot', 'co', 'nhieu', 'bang', 'la', 'lon', 'nho', 'be', 'muc', 'phai', 'can', 'hoac',
]);

/**
 * Words that carry a phrase on after a number and its unit: "trở lên", "đến", "tới", "hoặc".
 * Compared with their diacritics when the phrase has them, so "hỗ trợ" is a unit, not "trở".
 */
const CONTINUATIONS = new Set(['trở', 'lên', 'đến', 'tới', 'hoặc']);
const CONTINUATIONS_PLAIN = new Set([...CONTINUATIONS].map((w) => foldWord(w)));

function continues(tok: string, folded: string): boolean {
  return CONTINUATIONS.has(tok) || (tok === folded && CONTINUATIONS_PLAIN.has(folded));
}

// Canonical token strings (numbers as "#", units dropped) to a comparison builder.
const PATTERNS: Array<[RegExp, (n: number[]) => Comparison]> = [
  [/^(phai |can )?(dat )?(muc )?(tu )?# (tro len|tro len la)$/, (n) => ({ op: 'atLeast', min: n[0] })],
  [/^(phai |can )?(dat )?(it nhat|toi thieu|khong duoi|khong it hon)( la)? #( tro len)?$/, (n) => ({ op: 'atLeast', min: n[0] })],
  [/^(phai |can )?(dat )?(>=|=>) ?#$/, (n) => ({ op: 'atLeast', min: n[0] })],
  // A bare figure is "at least" it; a bare 0 ("0", "0 vụ") is what staff write for "none": at
  // least 0 could never fail.
  [/^(phai |can )?(dat )?(muc )?#$/, (n) => (n[0] === 0 ? { op: 'zero' } : { op: 'atLeast', min: n[0] })],
  [/^(dat )?(>|tren|hon|nhieu hon|lon hon|vuot) #$/, (n) => ({ op: 'greaterThan', value: n[0] })],
  [/^(<|duoi|it hon|nho hon|be hon) #$/, (n) => ({ op: 'lessThan', value: n[0] })],
  [/^(<=|=<|khong qua|toi da|khong vuot qua|khong vuot|khong lon hon|khong nhieu hon)( la)? #$/, (n) => ({ op: 'atMost', max: n[0] })],
  [/^(dat )?(tu )?# ?(-|den|toi) ?#( tro len)?$/, (n) => ({ op: 'range', min: n[0], max: n[1] })],
  [/^(= ?|bang )#$/, (n) => (n[0] === 0 ? { op: 'zero' } : { op: 'equal', value: n[0] })],
];

// `\b` is ASCII-only even with the u flag: after "quý" (ending in "ý") it never matches, so the
// end of the word is a lookahead for any letter or digit instead.
const FREQUENCY = /\s*(?:\/|\bmỗi\b|\bmột\b|\btrên\b|\bhàng\b|\bhằng\b)\s*(tháng|quý|năm)(?![\p{L}\p{N}_])/u;
const FREQ_WORD: Record<string, Frequency> = { tháng: 'month', quý: 'quarter', năm: 'year' };
const NUMBER = /[+]?\d[\d.,]*(?:\s*%)?/g;

function foldWord(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

/**
 * Reads a target phrase. `rate` says the indicator is a rate ("%" unit or a formula):
 * then "95%" is 0.95, and so is a bare 95.
 */
export function parseCondition(text: string, opts: { rate: boolean }): ConditionResult {
  const original = text;
  let s = text.normalize('NFC').toLowerCase().replace(/[\u00a0\s]+/g, ' ').trim();
  if (s === '') return { ok: false, reason: 'Điều kiện để trống' };
  s = s.replace(/≥/g, ' >= ').replace(/≤/g, ' <= ').replace(/[–—−]/g, '-').replace(/[(),;:]/g, (c) => (c === ',' ? ',' : ' '));
  let per: Frequency | undefined;
  const freq = FREQUENCY.exec(s);
  if (freq) {
    per = FREQ_WORD[freq[1]];
    s = s.slice(0, freq.index) + ' ' + s.slice(freq.index + freq[0].length);
  }
  const numbers: number[] = [];
  let percent = false;
  let badNumber: string | null = null;
  s = s.replace(NUMBER, (m) => {
    // A trailing "," or "." belongs to the sentence, not the number.
    const cleaned = m.replace(/[.,]+(?=\s*%?$)/, '');
    const parsed = parseNumberText(cleaned);
    if (!parsed) {
      badNumber = m;
      return ' # ';
    }
    if (Math.abs(parsed.value) > MAX_FIGURE) {
      badNumber = m;
      return ' # ';
    }
    if (parsed.percent) percent = true;
    numbers.push(parsed.value);
    return ' # ';
  });
  if (badNumber) return { ok: false, reason: `không đọc được số "${badNumber}"` };
  // "không có", "không có đơn vị yếu": must be zero, whatever the noun after it.
  if (numbers.length === 0 && /^(?:phai |can )?khong co\b/.test(foldWord(s.trim()))) {
    return { ok: true, condition: { comparison: { op: 'zero' }, per, rate: opts.rate, text: original } };
  }
  if (numbers.length === 0) return { ok: false, reason: 'không có con số nào' };
  // Keep operators as tokens of their own; drop unit words that follow a number.
  const raw = s.replace(/(>=|=>|<=|=<|[<>=-])/g, ' $1 ').split(/\s+/).filter(Boolean);
  const canon: string[] = [];
  let afterNumber = false;
  for (const tok of raw) {
    if (tok === '#') {
      canon.push('#');
      afterNumber = true;
      continue;
    }
    if (/^(>=|=>|<=|=<|[<>=-])$/.test(tok)) {
      canon.push(tok);
      afterNumber = false;
      continue;
    }
    const w = foldWord(tok).replace(/[^a-z0-9]/g, '');
    if (w === '') continue;
    // Words after a number are its unit of measure ("20 căn", "2 cuộc", "100 hội viên"), whatever
    // they fold to ("căn" folds like the keyword "cần"), until a word that goes on with the phrase:
    // "từ 200 hội viên trở lên", "từ 80 hội viên đến 100".
    if (afterNumber && !continues(tok, w)) continue;
    if (KEYWORDS.has(w)) {
      canon.push(w);
      if (!continues(tok, w)) afterNumber = false;
      continue;
    }
    return { ok: false, reason: `không hiểu từ "${tok}"` };
  }
  const key = canon.join(' ').replace(/\bhoac\b.*$/, '').trim();
  for (const [re, build] of PATTERNS) {
    if (re.test(key)) {
      const expected = (key.match(/#/g) ?? []).length;
      if (expected !== numbers.length) break;
      if (percent && !opts.rate) {
        return { ok: false, reason: 'điều kiện tính theo % nhưng chỉ tiêu không phải tỷ lệ (Đơn vị tính không phải "%" và không có công thức)' };
      }
      const values = opts.rate ? numbers.map((v) => (percent || v > 1 ? v / 100 : v)) : numbers;
      const comparison = build(values);
      if (comparison.op === 'range' && comparison.min > comparison.max) {
        return { ok: false, reason: `khoảng "${original}" có đầu dưới lớn hơn đầu trên` };
      }
      return { ok: true, condition: { comparison, per, rate: opts.rate, text: original } };
    }
  }
  return { ok: false, reason: 'không nhận ra dạng điều kiện' };
}

/** How many target periods a report of `months` months covers, for a frequency target. */
export function periodsCovered(per: Frequency, months: number): number {
  if (per === 'month') return months;
  if (per === 'quarter') return months / 3;
  return months / 12;
}

function mapValues(c: Comparison, f: (n: number) => number): Comparison {
  switch (c.op) {
    case 'atLeast':
      return { op: 'atLeast', min: f(c.min) };
    case 'greaterThan':
      return { op: 'greaterThan', value: f(c.value) };
    case 'lessThan':
      return { op: 'lessThan', value: f(c.value) };
    case 'atMost':
      return { op: 'atMost', max: f(c.max) };
    case 'range':
      return { op: 'range', min: f(c.min), max: f(c.max) };
    case 'equal':
      return { op: 'equal', value: f(c.value) };
    case 'zero':
      return c;
  }
}

/** The comparison scaled by a factor: frequency targets and prorated cumulative targets. */
export function scaleComparison(c: Comparison, factor: number): Comparison {
  return factor === 1 ? c : mapValues(c, (n) => n * factor);
}

// Rates are compared after rounding to 1e-9 so 0.95 typed and 19/20 computed meet.
const EPS = 1e-9;

export function judge(c: Comparison, actual: number): Verdict {
  switch (c.op) {
    case 'atLeast':
      return actual + EPS >= c.min ? { status: 'met' } : { status: 'short', required: c.min, gap: c.min - actual };
    case 'greaterThan':
      return actual > c.value + EPS ? { status: 'met' } : { status: 'short', required: c.value, gap: c.value - actual };
    case 'lessThan':
      return actual < c.value - EPS ? { status: 'met' } : { status: 'over-limit', limit: c.value, excess: actual - c.value };
    case 'atMost':
      return actual <= c.max + EPS ? { status: 'met' } : { status: 'over-limit', limit: c.max, excess: actual - c.max };
    case 'range':
      if (actual + EPS < c.min) return { status: 'short', required: c.min, gap: c.min - actual };
      if (actual > c.max + EPS) return { status: 'exceeded', max: c.max, excess: actual - c.max };
      return { status: 'met' };
    case 'equal':
      return Math.abs(actual - c.value) <= EPS
        ? { status: 'met' }
        : actual < c.value
          ? { status: 'short', required: c.value, gap: c.value - actual }
          : { status: 'over-limit', limit: c.value, excess: actual - c.value };
    case 'zero':
      return Math.abs(actual) <= EPS ? { status: 'met' } : { status: 'over-limit', limit: 0, excess: actual };
  }
}

/** The comparison in words, for messages and the findings sheet: "≥ 200", "1–2", "≥ 95%". */
export function describeComparison(c: Comparison, rate: boolean): string {
  const f = (n: number) => (rate ? formatPercent(n) : formatNumber(n));
  switch (c.op) {
    case 'atLeast':
      return `≥ ${f(c.min)}`;
    case 'greaterThan':
      return `> ${f(c.value)}`;
    case 'lessThan':
      return `< ${f(c.value)}`;
    case 'atMost':
      return `≤ ${f(c.max)}`;
    case 'range':
      return `${f(c.min)}–${f(c.max)}`;
    case 'equal':
      return `= ${f(c.value)}`;
    case 'zero':
      return '= 0';
  }
}

/** The number a finding reports as "required": the lower end, or the limit. */
export function requiredValue(c: Comparison): number {
  switch (c.op) {
    case 'atLeast':
      return c.min;
    case 'greaterThan':
    case 'lessThan':
    case 'equal':
      return c.value;
    case 'atMost':
      return c.max;
    case 'range':
      return c.min;
    case 'zero':
      return 0;
  }
}
