// Numbers as people type them in Vietnamese reports: "." groups thousands, "," marks decimals,
// "-" means zero, "x" means not applicable, and anything else that is text is not a number.
import { CellValue, isErrorValue } from './model';
import { NOT_APPLICABLE_MARKS, ZERO_MARKS } from './vocabulary';

/**
 * The largest figure taken as one: a thousand trillion. Anything bigger is a typing or file
 * error, and summing it over thousands of units could overflow to Infinity.
 */
export const MAX_FIGURE = 1e15;

export type Reading =
  /**
   * `percent`: typed with "%" or shown with a percent format; `value` is then as typed (99.6 for "99,6%").
   * `shown`: the decimals a percent format with a fixed number of them shows ("0.00%": 2).
   */
  | { kind: 'number'; value: number; percent: boolean; fromText: boolean; shown?: number }
  | { kind: 'blank' }
  | { kind: 'not-applicable' }
  | { kind: 'error'; code: string }
  | { kind: 'text'; text: string };

const DASHES: ReadonlySet<string> = new Set(ZERO_MARKS);
const NOT_APPLICABLE: ReadonlySet<string> = new Set(NOT_APPLICABLE_MARKS);

export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  // A "%" inside quotes or escaped is a literal, not a scaling.
  const stripped = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return stripped.includes('%');
}

/** The decimals a percent format shows: "0%" 0, "0.00%" 2; undefined when it shows no fixed number. */
function percentDecimals(numFmt: string): number | undefined {
  const section = numFmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const m = /[0#?](?:\.([0#?]*))?\s*%/.exec(section);
  return m ? (m[1] ?? '').length : undefined;
}

/**
 * Parses a number written as text. Returns null for anything that is not wholly a number:
 * "khoảng 40" is not 40, because a guessed figure must be reported, not summed.
 */
export function parseNumberText(raw: string): { value: number; percent: boolean } | null {
  let s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both marks: the later one is the decimal mark ("1.250,5" or "1,250.5").
    const [thousands, decimal] = lastComma > lastDot ? ['.', ','] : [',', '.'];
    const [intPart, fracPart, ...rest] = s.split(decimal);
    if (rest.length > 0 || !isGrouped(intPart, thousands)) return null;
    normalised = intPart.split(thousands).join('') + '.' + fracPart;
  } else if (lastComma >= 0) {
    const parts = s.split(',');
    if (parts.length === 2) normalised = parts[0] + '.' + parts[1];
    else if (isGrouped(s, ',')) normalised = parts.join('');
    else return null;
  } else if (lastDot >= 0) {
    const parts = s.split('.');
    // "1.250" and "12.011" are thousands, as Vietnamese write them; "2.5" can only be a decimal.
    if (isGrouped(s, '.')) normalised = parts.join('');
    else if (parts.length === 2) normalised = parts[0] + '.' + parts[1];
    else return null;
  } else {
    normalised = s;
  }
  if (normalised.startsWith('.') || normalised.endsWith('.')) return null;
  const value = Number(normalised);
  if (!Number.isFinite(value)) return null;
  return { value: sign * value, percent };
}

function isGrouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts.length < 2) return false;
  if (!/^\d{1,3}$/.test(parts[0])) return false;
  return parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/**
 * A number cell as text. No spreadsheet holds NaN or Infinity, but a damaged file can make a
 * reader produce one; the clerk is told it is not a valid number, not shown "NaN".
 */
export function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : 'số không hợp lệ';
}

/** What a report cell says, read as a figure. */
export function readCellNumber(value: CellValue | undefined, numFmt?: string): Reading {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'text', text: numberText(value) };
    const percent = isPercentFormat(numFmt);
    const shown = percent ? percentDecimals(numFmt!) : undefined;
    return { kind: 'number', value, percent, fromText: false, ...(shown === undefined ? {} : { shown }) };
  }
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  // A date where a figure is due is not a figure; a number too big for a date reads as an invalid one.
  if (value instanceof Date) return { kind: 'text', text: Number.isNaN(value.getTime()) ? 'ngày không hợp lệ' : value.toISOString().slice(0, 10) };
  if (isErrorValue(value)) return { kind: 'error', code: value.error };
  const text = value.normalize('NFC').trim();
  if (text === '') return { kind: 'blank' };
  if (DASHES.has(text)) return { kind: 'number', value: 0, percent: false, fromText: true };
  if (NOT_APPLICABLE.has(text)) return { kind: 'not-applicable' };
  const parsed = parseNumberText(text);
  if (parsed) return { kind: 'number', value: parsed.value, percent: parsed.percent, fromText: true };
  return { kind: 'text', text };
}

/**
 * A rate as a fraction. Typed as 99.6 (percent points) or "99,6%": divide by 100.
 * Shown as 0.996 with a percent format: already a fraction.
 */
export function rateAsFraction(reading: Extract<Reading, { kind: 'number' }>): number {
  if (reading.percent && !reading.fromText) return reading.value;
  return reading.value / 100;
}

/** Vietnamese number formatting for messages: 1.250 and 2,5. */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  // Past a thousand trillion no figure is real, and scaling it for rounding could overflow:
  // it is shown as JavaScript writes it ("1,8e+306"), with the Vietnamese decimal mark.
  if (Math.abs(n) > MAX_FIGURE) return String(n).replace('.', ',');
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(n * factor) / factor;
  const neg = rounded < 0;
  const [intPart, frac] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fracTrimmed = (frac ?? '').replace(/0+$/, '');
  return (neg ? '-' : '') + grouped + (fracTrimmed ? ',' + fracTrimmed : '');
}

/** 0.9345 → "93,45%". */
export function formatPercent(fraction: number, maxDecimals = 2): string {
  // A "rate" past a thousand trillion is no rate; scaling it to percent could overflow.
  if (Math.abs(fraction) > MAX_FIGURE) return `${formatNumber(fraction)} (số quá lớn)`;
  return formatNumber(fraction * 100, maxDecimals) + '%';
}
