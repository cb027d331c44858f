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
  const yearMatch = /\bnam (\d{4})\b/.exec(f) ?? /\b(20\d{2}|19\d{2})\b/.exec(f);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const suffix = year ? ` năm ${year}` : '';
  const months = /\b(\d{1,2}) thang\b(?: (dau|cuoi))?/.exec(f);
  if (months) {
    const n = Number(months[1]);
    if (n >= 1 && n <= 12) {
      const part = months[2] === 'dau' ? ' đầu' : months[2] === 'cuoi' ? ' cuối' : '';
      return { label: `${n} tháng${part}${suffix}`, year, months: n };
    }
  }
  const quarter = /\bquy (iv|iii|ii|i|[1-4])\b/.exec(f);
  if (quarter) {
    return { label: `Quý ${quarter[1].toUpperCase()}${suffix}`, year, months: 3 };
  }
  if (/\b(nam|ca nam|tong ket nam)\b/.test(f) && year !== null) {
    return { label: `Năm ${year}`, year, months: 12 };
  }
  return null;
}
