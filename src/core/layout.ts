// Reading a unit's report sheet as the unit wrote it: a title block, a header of merged rows,
// perhaps a column-number row "(1) (2) (3)", the table, then signatures. Two layouts:
// one indicator per row (a unit's own report) and one unit per row (an association's table).
import { Finding, finding } from './findings';
import { Grid, makeGrid } from './grid';
import { IndicatorMatcher, cleanLabel } from './mapping';
import { Sheet, WorkbookModel, cellAddress } from './model';
import { MAX_FIGURE, Reading, formatNumber, readCellNumber } from './numbers';
import { Period, ReportDate, parseDate, parsePeriod } from './period';
import { Rules } from './rules';
import { fold } from './text';
import { UnitMatcher } from './units';

export type Layout = 'indicator-per-row' | 'unit-per-row';

export interface ValueCell {
  reading: Reading;
  row: number;
  col: number;
  address: string;
  formula?: string;
}

export interface IndicatorEntry {
  code: string;
  label: string;
  value: ValueCell;
  plan?: ValueCell;
  lastYear?: ValueCell;
  /** The "Tỷ lệ % so với kế hoạch" the unit typed or computed. */
  planRate?: ValueCell;
}

/** One unit's figures as one report gives them. */
export interface UnitReport {
  file: string;
  sheet: string;
  layout: Layout;
  /** Roster name, or the name as written when the roster has no such unit. */
  unit: string;
  inRoster: boolean;
  date: ReportDate | null;
  period: Period | null;
  entries: Map<string, IndicatorEntry>;
  /** Sections that have at least one mapped row: rows missing from them are missing values. */
  sections: Set<string>;
  /** Where the unit's name stands, for flags on the unit itself. */
  nameCell: string | null;
  legacy: string[];
}

export interface SheetReading {
  reports: UnitReport[];
  findings: Finding[];
}

type Role = 'stt' | 'label' | 'uom' | 'plan' | 'value' | 'lastYear' | 'planRate' | 'note' | 'unit';

function classifyReportHeader(f: string): Role | null {
  if (!f) return null;
  if (/^(stt|tt|so tt|so thu tu)$/.test(f)) return 'stt';
  if (/^(noi dung|chi tieu|ten chi tieu|noi dung chi tieu|cac chi tieu|danh muc|danh muc chi tieu|noi dung cong viec|cac noi dung)\b/.test(f)) return 'label';
  if (/^(don vi tinh|dvt)$/.test(f)) return 'uom';
  if (/^ghi chu/.test(f)) return 'note';
  if (/\bcung ky\b/.test(f)) return 'lastYear';
  if (/\b(ty le|so sanh)\b/.test(f) || f === '%') return 'planRate';
  if (/\b(ke hoach|chi tieu giao|chi tieu duoc giao|kh)\b/.test(f)) return 'plan';
  if (/\b(thuc hien|ket qua|so lieu|uoc thuc hien|luy ke|so luong)\b/.test(f)) return 'value';
  if (/^(ten don vi|don vi|phuong xa|xa phuong|co so|ten co so|dia phuong|ten phuong xa|chi hoi|don vi co so|don vi phuong xa)$/.test(f)) return 'unit';
  return null;
}

const SIGNATURE = /^(nguoi lap bieu|nguoi lap|lap bieu|noi nhan|t m|tm|thu truong|bi thu|pho bi thu|chu tich|truong ban|xac nhan|ky ten|ky ghi ro ho ten|giam doc|ke toan)\b/;
const TOTAL = /^(tong cong|cong|tong so|tong|toan (huyen|thi xa|thanh pho|tinh|quan|dia ban|don vi)|cong toan)$/;
const COLUMN_NUMBER = /^\(?\s*(\d{1,2}|[a-h])\s*\)?$/i;

function isColumnNumberRow(grid: Grid, r: number): boolean {
  let seen = 0;
  for (const c of grid.columnsOf(r)) {
    const cell = grid.cell(r, c);
    if (!cell || cell.value === null || cell.value === '') continue;
    const t = typeof cell.value === 'number' ? String(cell.value) : typeof cell.value === 'string' ? cell.value.trim() : '';
    if (!COLUMN_NUMBER.test(t) && !/^\(\d+\)\s*=/.test(t)) return false;
    seen++;
  }
  return seen >= 2;
}

interface Header {
  top: number;
  bottom: number;
  /** First data row. */
  start: number;
  roles: Map<Role, number>;
}

/** The header: the first row with a label or unit column and a figure column, plus merged rows under it. */
function findReportHeader(grid: Grid): Header | null {
  const last = Math.min(grid.maxRow, 60);
  for (let r = 1; r <= last; r++) {
    const rowRoles = new Map<Role, number>();
    let bottom = r;
    for (const c of grid.columnsOf(r)) {
      const role = classifyReportHeader(grid.folded(r, c));
      if (role && !rowRoles.has(role)) rowRoles.set(role, c);
      const m = grid.mergeOf(r, c);
      if (m && m.top === r && m.bottom > bottom && m.bottom - r < 4) bottom = m.bottom;
    }
    // A unit-per-row table may have no other recognised header ("Đơn vị | Tổng số hội viên | …"):
    // its other header cells name indicators, checked once the columns are read.
    const otherTexts = rowRoles.has('unit') ? countTexts(grid, r) - 1 : 0;
    const isHeader = rowRoles.has('label') ? rowRoles.size >= 2 : rowRoles.has('unit') && (rowRoles.size >= 2 || otherTexts >= 1);
    if (!isHeader) continue;
    // A second header row without merges: "Thực hiện | Tỷ lệ" under "Kết quả thực hiện".
    while (bottom + 1 <= grid.maxRow && bottom - r < 3 && isSubHeaderRow(grid, bottom + 1)) bottom++;
    const roles = new Map<Role, number>();
    for (const c of headerColumns(grid, r, bottom)) {
      const role = columnRole(grid, r, bottom, c);
      if (role && !roles.has(role)) roles.set(role, c);
    }
    let start = bottom + 1;
    if (start <= grid.maxRow && isColumnNumberRow(grid, start)) start++;
    return { top: r, bottom, start, roles };
  }
  return null;
}

function countTexts(grid: Grid, r: number): number {
  let n = 0;
  for (const c of grid.columnsOf(r)) if (grid.folded(r, c)) n++;
  return n;
}

/** Every column that holds something in the header rows, in order. */
function headerColumns(grid: Grid, top: number, bottom: number): number[] {
  const set = new Set<number>();
  for (let r = top; r <= bottom; r++) for (const c of grid.columnsOf(r)) set.add(c);
  return [...set].sort((a, b) => a - b);
}

function isSubHeaderRow(grid: Grid, r: number): boolean {
  let known = 0;
  for (const c of grid.columnsOf(r)) {
    const cell = grid.cell(r, c);
    if (cell && typeof cell.value === 'number') return false;
    const f = grid.folded(r, c);
    if (!f) continue;
    if (!classifyReportHeader(f)) return false;
    known++;
  }
  return known > 0;
}

// A column's role comes from its lowest specific header text ("Thực hiện" under "Kết quả ... 2023"),
// then from the texts above it.
function columnRole(grid: Grid, top: number, bottom: number, c: number): Role | null {
  const texts: string[] = [];
  for (let r = bottom; r >= top; r--) {
    const f = grid.mergedFolded(r, c);
    if (f && !texts.includes(f)) texts.push(f);
  }
  for (const t of texts) {
    const role = classifyReportHeader(t);
    if (role) return role;
  }
  return null;
}

function isSectionRow(stt: string, label: string, valueBlank: boolean): boolean {
  if (/^[IVXLC]+\.?$/.test(stt) || /^[A-H]\.?$/.test(stt) || /^phần\s+[IVX\d]+/i.test(stt)) return true;
  // "I. Hội Nông dân" in the label, or in one cell merged across the STT and label columns.
  if ((!stt || stt === label) && /^([IVXLC]+|[A-H])[.)]\s+\S/.test(label)) return true;
  const letters = label.replace(/[^\p{L}]/gu, '');
  return valueBlank && letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function cellText(grid: Grid, r: number, c: number | undefined): string {
  if (c === undefined) return '';
  const cell = grid.cell(r, c);
  if (cell && typeof cell.value === 'number') return String(cell.value);
  return grid.mergedText(r, c).trim();
}

function valueCell(grid: Grid, r: number, c: number | undefined): ValueCell | undefined {
  if (c === undefined) return undefined;
  const cell = grid.cell(r, c);
  let reading: Reading;
  if (cell && typeof cell.value === 'string') reading = readCellNumber(grid.text(r, c), cell.numFmt);
  else reading = readCellNumber(cell?.value ?? null, cell?.numFmt);
  return { reading, row: r, col: c, address: cellAddress(r, c), ...(cell?.formula !== undefined ? { formula: cell.formula } : {}) };
}

const isBlank = (v: ValueCell | undefined) => !v || v.reading.kind === 'blank';

/** Title lines above the header and lines below the table: where the unit, date and period are written. */
function contextLines(grid: Grid, header: Header, end: number): { above: string[]; below: string[] } {
  const above: string[] = [];
  for (let r = 1; r < header.top; r++) {
    const t = grid.rowText(r);
    if (t) above.push(t);
  }
  const below: string[] = [];
  for (let r = end + 1; r <= Math.min(grid.maxRow, end + 15); r++) {
    const t = grid.rowText(r);
    if (t) below.push(t);
  }
  return { above, below };
}

function readDateAndPeriod(lines: string[], fallbackLines: string[]): { date: ReportDate | null; period: Period | null } {
  let date: ReportDate | null = null;
  let period: Period | null = null;
  for (const l of [...lines, ...fallbackLines]) {
    if (!date) date = parseDate(l);
    if (!period) {
      const p = parsePeriod(l);
      if (p) period = p;
      else continue;
    } else if (period.months === 12) {
      // "6 tháng đầu năm 2023" below a line that only said "năm 2023": the more specific wins.
      const p = parsePeriod(l);
      if (p && p.months < 12 && p.year === period.year) period = p;
    }
  }
  return { date, period };
}

export interface ReadContext {
  rules: Rules;
  indicators: IndicatorMatcher;
  units: UnitMatcher;
}

export function readReportWorkbook(wb: WorkbookModel, ctx: ReadContext): SheetReading {
  const reports: UnitReport[] = [];
  const findings: Finding[] = [];
  const noTable: string[] = [];
  const skipped: Finding[] = [];
  for (const sheet of wb.sheets) {
    const r = readReportSheet(wb.name, sheet, ctx);
    if (!r || r.reports.length === 0) {
      noTable.push(sheet.name);
      if (r) skipped.push(...r.findings);
      continue;
    }
    reports.push(...r.reports);
    findings.push(...r.findings);
  }
  if (reports.length > 0) findings.push(...skipped);
  else {
    findings.push(
      finding('no-table', {
        file: wb.name,
        sheet: wb.sheets.length === 1 ? wb.sheets[0].name : null,
        message:
          wb.sheets.length === 0
            ? `Tệp "${wb.name}" không có trang tính nào.`
            : skipped.length
              ? `Tệp "${wb.name}": có bảng ở ${skipped.map((f) => `trang "${f.sheet}"`).join(', ')} nhưng không dòng nào khớp chỉ tiêu của tệp chỉ tiêu. Kiểm tra đúng tệp chỉ tiêu, hoặc thêm tên các dòng vào cột "Tên gọi khác".`
              : `Tệp "${wb.name}": không thấy bảng số liệu nào (đã xem ${noTable.map((n) => `"${n}"`).join(', ')}). Bảng cần có dòng tiêu đề với cột "Nội dung" (hoặc "Đơn vị") và cột "Thực hiện" hoặc "Kế hoạch".`,
      }),
    );
  }
  return { reports, findings };
}

export function readReportSheet(file: string, sheet: Sheet, ctx: ReadContext): SheetReading | null {
  const grid = makeGrid(sheet);
  if (grid.maxRow === 0) return null;
  const header = findReportHeader(grid);
  if (!header) return null;
  if (header.roles.has('label') && (header.roles.has('value') || header.roles.has('plan'))) {
    return readIndicatorRows(file, sheet, grid, header, ctx);
  }
  if (header.roles.has('unit')) return readUnitRows(file, sheet, grid, header, ctx);
  return null;
}

function nameUnit(ctx: ReadContext, file: string, sheet: string, lines: string[]): { unit: string; inRoster: boolean } {
  for (const l of lines) {
    const u = ctx.units.inText(l);
    if (u) return { unit: u.name, inRoster: true };
  }
  const bySheet = ctx.units.inName(sheet);
  if (bySheet) return { unit: bySheet.name, inRoster: true };
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const byFile = ctx.units.inName(stem);
  if (byFile) return { unit: byFile.name, inRoster: true };
  // Without a roster match, the header line that names a ward or commune is the best name we have.
  for (const l of lines) {
    const m = /(?:^|\|\s*)(?:đảng ủy|đảng bộ|ủy ban nhân dân|ubnd)\s+((?:phường|xã|thị trấn)\s+[^|]+)/iu.exec(l);
    if (m) return { unit: titleCase(m[1].trim()), inRoster: false };
  }
  const generic = /^(sheet\d*|trang\d*|bieu\s*\d*|bieu mau.*|bao cao.*)$/;
  return { unit: generic.test(fold(sheet)) ? stem : sheet, inRoster: false };
}

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => (w ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

function readIndicatorRows(file: string, sheet: Sheet, grid: Grid, header: Header, ctx: ReadContext): SheetReading {
  const roles = header.roles;
  const labelCol = roles.get('label')!;
  const valueCol = roles.get('value') ?? roles.get('plan')!;
  const planCol = roles.has('value') ? roles.get('plan') : undefined;
  const findings: Finding[] = [];
  const entries = new Map<string, IndicatorEntry>();
  const sectionsSeen = new Set<string>();
  const used = new Set<string>();
  let section: string | null = null;
  let end = grid.maxRow;
  for (const r of grid.rowsFrom(header.start)) {
    const label = cellText(grid, r, labelCol);
    const stt = cellText(grid, r, roles.get('stt'));
    const foldedLabel = fold(label);
    if (!label) {
      const firstText = fold(grid.rowText(r));
      if (SIGNATURE.test(firstText)) {
        end = r - 1;
        break;
      }
      continue;
    }
    if (SIGNATURE.test(foldedLabel) || SIGNATURE.test(fold(stt))) {
      end = r - 1;
      break;
    }
    const value = valueCell(grid, r, valueCol);
    const plan = valueCell(grid, r, planCol);
    if (isSectionRow(stt, label, isBlank(value) && isBlank(plan))) {
      section = ctx.indicators.section(label);
      continue;
    }
    const match = ctx.indicators.match(label, section, used);
    if (match.status !== 'matched') {
      if (isBlank(value) && isBlank(plan)) {
        // A heading in ordinary case with no numbering ("Hội Nông dân") still opens its section;
        // a sub-heading such as "Trong đó:" names none and is passed over.
        const named = ctx.indicators.section(label);
        if (named) section = named;
        continue;
      }
      const why = match.status === 'ambiguous' ? ` (có thể là ${match.candidates.join(', ')}; không rõ thuộc nhóm nào)` : '';
      findings.push(
        finding('unmapped-row', {
          unit: '',
          file,
          sheet: sheet.name,
          cell: cellAddress(r, labelCol),
          actual: cleanLabel(label),
          message: `Dòng ${r} "${cleanLabel(label)}" không khớp chỉ tiêu nào${why}; nếu là một chỉ tiêu, thêm tên này vào cột "Tên gọi khác" của tệp chỉ tiêu.`,
        }),
      );
      continue;
    }
    const code = match.indicator.code;
    used.add(code);
    if (match.indicator.section) sectionsSeen.add(match.indicator.section);
    entries.set(code, {
      code,
      label: cleanLabel(label),
      value: value!,
      ...(plan ? { plan } : {}),
      ...(roles.has('lastYear') ? { lastYear: valueCell(grid, r, roles.get('lastYear')) } : {}),
      ...(roles.has('planRate') && planCol !== undefined ? { planRate: valueCell(grid, r, roles.get('planRate')) } : {}),
    });
  }
  if (entries.size === 0) {
    // A table of something else (an appendix, a list of names): not a report, so not a unit's.
    return {
      reports: [],
      findings: [
        finding('no-table', {
          severity: 'info',
          file,
          sheet: sheet.name,
          cell: cellAddress(header.top, labelCol),
          message: `Tệp "${file}", trang "${sheet.name}": có bảng nhưng không dòng nào khớp chỉ tiêu; trang này bị bỏ qua.`,
        }),
      ],
    };
  }
  const lines = contextLines(grid, header, end);
  const { date, period } = readDateAndPeriod(lines.above, lines.below);
  const { unit, inRoster } = nameUnit(ctx, file, sheet.name, lines.above);
  for (const f of findings) f.unit = unit;
  return {
    reports: [{ file, sheet: sheet.name, layout: 'indicator-per-row', unit, inRoster, date, period, entries, sections: sectionsSeen, nameCell: null, legacy: [...grid.legacy] }],
    findings,
  };
}

function readUnitRows(file: string, sheet: Sheet, grid: Grid, header: Header, ctx: ReadContext): SheetReading | null {
  const unitCol = header.roles.get('unit')!;
  const findings: Finding[] = [];
  // Each other column: its lowest header text is the indicator, a text above it the section.
  const columns: Array<{ col: number; code: string }> = [];
  const used = new Set<string>();
  // An association's own table names it in the title: its columns belong to that section.
  let titleSection: string | null = null;
  for (let r = 1; r < header.top && !titleSection; r++) titleSection = ctx.indicators.sectionIn(grid.rowText(r));
  for (const c of headerColumns(grid, header.top, header.bottom)) {
    if (c === unitCol || c === header.roles.get('stt') || c === header.roles.get('note')) continue;
    let label = '';
    let section: string | null = titleSection;
    for (let r = header.bottom; r >= header.top; r--) {
      const t = grid.mergedText(r, c);
      if (!t) continue;
      if (!label) label = t;
      else if (t !== label) section = ctx.indicators.section(t) ?? section;
    }
    if (!label) continue;
    const m = ctx.indicators.match(label, section, used);
    if (m.status === 'matched') {
      used.add(m.indicator.code);
      columns.push({ col: c, code: m.indicator.code });
    } else {
      findings.push(
        finding('unmapped-row', {
          file,
          sheet: sheet.name,
          cell: cellAddress(header.bottom, c),
          actual: label,
          message: `Cột "${label}" (${cellAddress(header.bottom, c)}) không khớp chỉ tiêu nào; nếu là một chỉ tiêu, thêm tên này vào cột "Tên gọi khác" của tệp chỉ tiêu.`,
        }),
      );
    }
  }
  if (columns.length === 0) return null;
  const reports: UnitReport[] = [];
  let totalRow: number | null = null;
  let end = grid.maxRow;
  for (const r of grid.rowsFrom(header.start)) {
    const name = cellText(grid, r, unitCol);
    const f = fold(name);
    if (!name) {
      if (SIGNATURE.test(fold(grid.rowText(r)))) {
        end = r - 1;
        break;
      }
      continue;
    }
    if (SIGNATURE.test(f)) {
      end = r - 1;
      break;
    }
    if (TOTAL.test(f)) {
      totalRow = r;
      end = r;
      break;
    }
    const rosterUnit = ctx.units.exact(name) ?? ctx.units.inText(name);
    const entries = new Map<string, IndicatorEntry>();
    for (const { col, code } of columns) entries.set(code, { code, label: name, value: valueCell(grid, r, col)! });
    reports.push({
      file,
      sheet: sheet.name,
      layout: 'unit-per-row',
      unit: rosterUnit ? rosterUnit.name : name,
      inRoster: !!rosterUnit,
      date: null,
      period: null,
      entries,
      sections: new Set(),
      nameCell: cellAddress(r, unitCol),
      legacy: [],
    });
  }
  const lines = contextLines(grid, header, end);
  const { date, period } = readDateAndPeriod(lines.above, lines.below);
  for (const rep of reports) {
    rep.date = date;
    rep.period = period;
    rep.legacy = [...grid.legacy];
  }
  if (totalRow !== null) findings.push(...checkTotalRow(file, sheet.name, grid, totalRow, columns, reports, ctx.rules));
  return { reports, findings };
}

/** The "Tổng cộng" row must equal the sum of the unit rows above it; it is never a unit. */
function checkTotalRow(file: string, sheet: string, grid: Grid, row: number, columns: Array<{ col: number; code: string }>, reports: UnitReport[], rules: Rules): Finding[] {
  const out: Finding[] = [];
  for (const { col, code } of columns) {
    const ind = rules.byCode.get(code);
    if (!ind || ind.rate) continue;
    const stated = valueCell(grid, row, col)!;
    if (stated.reading.kind !== 'number' || Math.abs(stated.reading.value) > MAX_FIGURE) continue;
    let sum = 0;
    let complete = true;
    for (const rep of reports) {
      const v = rep.entries.get(code)?.value.reading;
      if (v && v.kind === 'number' && Math.abs(v.value) <= MAX_FIGURE) sum += v.value;
      else if (v && v.kind !== 'blank' && v.kind !== 'not-applicable') complete = false;
    }
    if (Math.abs(sum - stated.reading.value) > 1e-6) {
      out.push(
        finding('inconsistent', {
          unit: '*',
          indicator: code,
          file,
          sheet,
          cell: stated.address,
          actual: stated.reading.value,
          expected: sum,
          message: `Dòng Tổng cộng, cột "${ind.name}" (${stated.address}) ghi ${formatNumber(stated.reading.value)} nhưng cộng các dòng trên được ${formatNumber(sum)}${complete ? '' : ' (chưa tính các ô không hợp lệ)'}.`,
        }),
      );
    }
  }
  return out;
}
