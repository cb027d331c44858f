// A date cell shown as Excel shows it. Some offices type the date line of a report as a real
// date with a custom format ("Thanh Sơn, ngày "dd" tháng "mm" năm "yyyy) or as dd/mm/yyyy; the
// reader takes the text it shows, so the unit's name and the date in it are read as from text.
// Dates in the model are UTC midnight (the file readers convert serials, in the workbook's 1900
// or 1904 date system, that way).

/**
 * True for formats that show a date or time ("dd/mm/yyyy", "[$-42A]d mmmm yyyy", "h:mm"):
 * letters inside quotes, escaped with a backslash ("#,##0\\ \\h\\ộ") or in brackets other
 * than elapsed time are literal text, not date parts. One rule for every reader, so a figure is
 * a number or a date the same way whichever program wrote the file.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
    .replace(/\\./g, '')
    .replace(/_./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A serial day number as a UTC date, in the workbook's 1900 (default) or 1904 date system. */
export function serialToDate(serial: number, date1904 = false): Date {
  // 1900 system: day 1 is 01/01/1900 and Excel counts a 29/02/1900 that never was (day 60).
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86400) * 1000);
}

/** The text a date cell shows under its number format; "dd/mm/yyyy" when the format gives none. */
export function dateCellText(d: Date, numFmt?: string): string {
  if (Number.isNaN(d.getTime())) return '';
  const section = firstSection(numFmt ?? '');
  const bare = stripLiterals(section);
  // A month shown before the day ("m/d/yyyy", English Excel's short date) would be read back day
  // first as another date: the cell's date is shown the Vietnamese way instead.
  const monthFirst = /m[^d]*d/i.test(bare.replace(/h+[^dmy]*m*|m*[^dmy]*s+|AM\/PM/gi, ''));
  const out = /[dmy]/i.test(bare) && !monthFirst ? render(d, section) : null;
  return (out ?? render(d, 'dd/mm/yyyy')!).trim();
}

/** Whether a date cell's format shows its day ("mm/yyyy" does not: that cell tells no day). */
export function showsDay(numFmt: string | undefined): boolean {
  const bare = stripLiterals(firstSection(numFmt ?? ''));
  return !/[dmy]/i.test(bare) || /d/i.test(bare);
}

/** The first of a format's ";"-separated sections (the one for positive numbers), outside quotes. */
function firstSection(fmt: string): string {
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] === '"') quoted = !quoted;
    else if (fmt[i] === '\\') i++;
    else if (fmt[i] === ';' && !quoted) return fmt.slice(0, i);
  }
  return fmt;
}

function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Renders the date parts of a format; null when the format holds something this does not know. */
function render(d: Date, fmt: string): string | null {
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < fmt.length; ) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      if (end < 0) return null;
      out += fmt.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '\\') {
      out += fmt[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '[') {
      // [$-42A], [Red], [h]: a locale, a colour or elapsed time; nothing shown for the first two.
      const end = fmt.indexOf(']', i);
      if (end < 0) return null;
      i = end + 1;
      continue;
    }
    if (ch === '_' || ch === '*') {
      out += ch === '_' ? ' ' : '';
      i += 2;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+|AM\/PM|am\/pm)/i.exec(fmt.slice(i))?.[0];
    if (!run) {
      out += ch;
      i++;
      continue;
    }
    const c = run[0].toLowerCase();
    const n = run.length;
    const minutes = c === 'm' && n <= 2 && (lastWasHour || /^[^dmy"]*s/i.test(fmt.slice(i + n)));
    if (c === 'y') out += n <= 2 ? pad(d.getUTCFullYear() % 100) : String(d.getUTCFullYear());
    else if (c === 'd' && n <= 2) out += n === 2 ? pad(d.getUTCDate()) : String(d.getUTCDate());
    else if (c === 'm' && n <= 2 && !minutes) out += n === 2 ? pad(d.getUTCMonth() + 1) : String(d.getUTCMonth() + 1);
    else if (c === 'm' && minutes) out += n === 2 ? pad(d.getUTCMinutes()) : String(d.getUTCMinutes());
    else if (c === 'h') out += n === 2 ? pad(d.getUTCHours()) : String(d.getUTCHours());
    else if (c === 's') out += n === 2 ? pad(d.getUTCSeconds()) : String(d.getUTCSeconds());
    else if (c === 'a') out += d.getUTCHours() < 12 ? 'AM' : 'PM';
    else return null; // day or month names: not a Vietnamese date line, shown as dd/mm/yyyy instead
    lastWasHour = c === 'h';
    i += n;
  }
  return out;
}
