// Periods as titles write them: "NĂM 2023" (12 months), "6 tháng đầu năm 2022" (6),
// "9 tháng" (9), "quý I" (3), "6 tháng cuối năm" (6, the second half).
// Dates ("ngày 14 tháng 6 năm 2022") are read separately: their "năm" is not a period.
import { fold } from './text';

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
const DATE_NUMERIC = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/;

/** "ngày 14 tháng 6 năm 2022" or "14/6/2022", anywhere in a line as written. */
export function parseDate(line: string): ReportDate | null {
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
export function parsePeriod(text: string): Period | null {
  const f = fold(text).replace(DATE_LIKE, ' ').replace(/\s+/g, ' ');
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
  if (/\b(nam|ca nam|tong ket nam)\b/.test(f) && year !== null) {
    return { label: `Năm ${year}`, year, months: 12 };
  }
  return null;
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
