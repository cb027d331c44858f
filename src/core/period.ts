// Periods as titles write them: "NĂM 2023" (12 months), "6 tháng đầu năm 2022" (6),
// "9 tháng" (9), "quý I" (3), "6 tháng cuối năm" (6, the second half).
// Dates ("ngày 14 tháng 6 năm 2022") are read separately: their "năm" is not a period.
import { fold, foldPlain } from './text';
import { memoRecord, memoText } from './memo';
import { DOCUMENT_CODES, DOCUMENT_KINDS, PLAN_LINE_WORDS, REPORT_WORDS } from './vocabulary';

/** Folded phrases of a word list, as alternatives of a regular expression. */
const anyOf = (list: readonly string[]) => list.map(foldPlain).join('|');

export interface Period {
  label: string;
  year: number | null;
  months: number;
}

export interface ReportDate {
  year: number;
  month: number;
  day: number;
}

const DATE = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/;
// What parsePeriod strips before looking for a period: a full date, and also a date line whose
// day, month or year is left blank to be filled in by hand ("ngày    tháng 6 năm 2022") or that
// has no year ("ngày 12 tháng 12"): its "tháng" and "năm" are not a period either.
const DATE_LIKE = /\bngay(?: \d{1,2})? thang(?: \d{1,2})?(?: nam(?: \d{4})?)?/g;
// A date line without its day ("Hòa Lạc, tháng 12 năm 2022", "tháng 6/2022", "tháng … năm 2023"):
// a month then a year. "6 tháng năm 2023" (a number before "tháng") is a period, not a date.
const MONTH_DATE = /(?<!\d )\bthang(?: (\d{1,2}))?(?: nam)? (\d{4})\b/g;
// A document's own year ("Chỉ thị số 05-CT/TW năm 2016", "Quyết định 217-QĐ/TW và 218-QĐ/TW năm
// 2013"): the year it was issued, never the period a report is for. Between the document's kind
// and "năm" only its number and codes may stand.
const DOCUMENT_YEAR = new RegExp(`\\b(?:${anyOf(DOCUMENT_KINDS)})(?: (?:\\d+[a-z]*|${anyOf(DOCUMENT_CODES)}))* nam \\d{4}\\b`, 'g');
const PLAN_LINE = new RegExp(`^(?:\\W*)(?:${anyOf(PLAN_LINE_WORDS)})\\b`);
const REPORT_LINE = new RegExp(`\\b(?:${anyOf(REPORT_WORDS)})\\b`);
const DATE_NUMERIC = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/;
const DATE_NUMERIC_ALL = new RegExp(DATE_NUMERIC.source, 'g');

/** "ngày 14 tháng 6 năm 2022" or "14/6/2022", anywhere in a line as written. */
function parseDateOnce(line: string): ReportDate | null {
  const m = DATE.exec(fold(line)) ?? DATE_NUMERIC.exec(line);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

export function compareDates(a: ReportDate | null, b: ReportDate | null): number {
  if (!a && !b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatDate(d: ReportDate | null): string {
  if (!d) return '';
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

/**
 * The period a title names, or null. Several candidates in one text: the most specific wins
 * ("6 tháng đầu năm 2023" is 6 months, not the year).
 */
function parsePeriodOnce(text: string): Period | null {
  const f = fold(text.replace(DATE_NUMERIC_ALL, ' ')).replace(DATE_LIKE, ' ').replace(MONTH_DATE, ' ').replace(DOCUMENT_YEAR, ' ').replace(/\s+/g, ' ');
  const months = /\b(\d{1,2}) thang\b(?: (dau|cuoi))?(?: nam (\d{4})\b)?/.exec(f);
  if (months) {
    const n = Number(months[1]);
    if (n >= 1 && n <= 12) {
      const year = yearOfPeriod(f, months[3]);
      const part = months[2] === 'dau' ? ' đầu' : months[2] === 'cuoi' ? ' cuối' : '';
      return { label: `${n} tháng${part}${year ? ` năm ${year}` : ''}`, year, months: n };
    }
  }
  const quarter = /\bquy (iv|iii|ii|i|[1-4])\b(?: nam (\d{4})\b)?/.exec(f);
  if (quarter) {
    const year = yearOfPeriod(f, quarter[2]);
    return { label: `Quý ${quarter[1].toUpperCase()}${year ? ` năm ${year}` : ''}`, year, months: 3 };
  }
  // "Kết quả năm 2023, phương hướng năm 2024": the first "năm …" is the year reported on.
  const wholeYear = /\bnam (\d{4})\b/.exec(f);
  const year = wholeYear ? Number(wholeYear[1]) : yearOfPeriod(f, undefined);
  // A report's title with its year and no "năm" ("BÁO CÁO CÔNG TÁC DÂN VẬN 2022") names it too.
  if ((/\b(nam|ca nam|tong ket nam)\b/.test(f) || /\bbao cao\b/.test(f)) && year !== null) {
    return { label: `Năm ${year}`, year, months: 12 };
  }
  return null;
}

/** A date line's year, and its month when written, also when the day or month is left blank. */
export interface DateLine {
  year: number;
  month: number | null;
  /** As messages show it: "12/12/2023", "12/2023" or "năm 2023". */
  text: string;
}

/**
 * The date a line gives, whole ("ngày 12 tháng 12 năm 2023") or with its day or month left blank to
 * be filled in by pen ("ngày    tháng 12 năm 2023", "ngày …/12/2023", "Hòa Lạc, tháng 12 năm 2022",
 * "ngày … tháng … năm 2023"): enough to tell which year a report was written in.
 */
function parseDateLineOnce(line: string): DateLine | null {
  const full = parseDate(line);
  if (full) return { year: full.year, month: full.month, text: formatDate(full) };
  const numeric = /(?:ngày|tháng)[\s._…-]*\/?\s*(\d{1,2})\s*\/\s*(\d{4})\b/iu.exec(line.normalize('NFC'));
  // The month-and-year date parsePeriod leaves out of a title, read here as a date.
  const worded = new RegExp(MONTH_DATE.source).exec(fold(line));
  const m = numeric ?? worded;
  if (!m) return null;
  const month = m[1] ? Number(m[1]) : null;
  const year = Number(m[2]);
  if (month !== null && (month < 1 || month > 12)) return null;
  return { year, month, text: month ? `${String(month).padStart(2, '0')}/${year}` : `năm ${year}` };
}

/**
 * A line announcing a plan, not reporting on a period ("KẾ HOẠCH NĂM 2024", "Phương hướng, nhiệm
 * vụ năm 2024") when it stands above a report's table: its year is the plan's.
 */
function isPlanLineOnce(line: string): boolean {
  const f = fold(line);
  return PLAN_LINE.test(f) && !REPORT_LINE.test(f);
}

/**
 * The year of a period phrase: the one written right after it ("6 tháng đầu năm 2023"), else the
 * one year the text names. A text naming several years none of which follows the phrase ("Chỉ thị 05
 * năm 2016 … 6 tháng đầu năm", "sơ kết 3 năm (2021 - 2023)") gives none: a report is set aside for
 * another year only on a year that is plainly its own.
 */
function yearOfPeriod(folded: string, attached: string | undefined): number | null {
  if (attached) return Number(attached);
  const years = new Set<number>();
  for (const m of folded.matchAll(/\bnam (\d{4})\b/g)) years.add(Number(m[1]));
  if (years.size === 0) for (const m of folded.matchAll(/\b(20\d{2}|19\d{2})\b/g)) years.add(Number(m[1]));
  return years.size === 1 ? [...years][0] : null;
}

// Every report of a set repeats its template's title and date lines: each is read once per run.
/** "ngày 14 tháng 6 năm 2022" or "14/6/2022", anywhere in a line as written. */
export const parseDate = memoRecord(parseDateOnce);
/** The period a title names, or null (parsePeriodOnce). */
export const parsePeriod = memoRecord(parsePeriodOnce);
/** The date a line gives, whole or with its day or month left blank (parseDateLineOnce). */
export const parseDateLine = memoRecord(parseDateLineOnce);
/** A line announcing a plan (isPlanLineOnce). */
export const isPlanLine = memoText(isPlanLineOnce);
