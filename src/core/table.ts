// Finding a report's table in a sheet: its header rows (merged, several rows deep), the role of
// each column, and where the data starts. A one-indicator-per-row table is known by its header
// words ("Nội dung", "Thực hiện"); a one-unit-per-row table by what it holds: a column whose
// cells name roster units under a header whose cells name indicators, whatever that column's
// own header says ("Tên cơ sở Hội", "Phường", nothing at all).
import { Grid } from './grid';
import { IndicatorMatcher } from './mapping';
import { GROUP_HEADING, SUBTOTAL, isTotalRow } from './row-kinds';
import { foldPlain, phraseClassifier, phraseTest } from './text';
import { UnitMatcher } from './units';
import { PLAN_PERIOD_WORDS, REPORT_COLUMNS, ReportColumn, SIGNATURE_BLOCK } from './vocabulary';

export type Role = ReportColumn;

export const classifyColumn = phraseClassifier(REPORT_COLUMNS);
export const isSignature = phraseTest(SIGNATURE_BLOCK, 'starts');

/** A heading row among the units: its words in the unit column (merged across the row or not), nothing else right of it. */
function isGroupHeading(grid: Grid, r: number, unitCol: number): boolean {
  const own = grid.mergeOf(r, unitCol);
  return GROUP_HEADING.test(grid.mergedFolded(r, unitCol)) && grid.columnsOf(r).every((c) => c <= unitCol || !grid.mergedFolded(r, c) || (own !== undefined && grid.mergeOf(r, c) === own));
}

/** A plan column and the months its header says it covers (null: the header names no period). */
export interface PlanColumn {
  col: number;
  months: number | null;
}

export interface Header {
  top: number;
  bottom: number;
  /** First data row. */
  start: number;
  roles: Map<Role, number>;
  plans: PlanColumn[];
  /** Every figure column, by what its header says; `roles` holds the one chosen without the report's period. */
  values: ValueColumn[];
  /** Figure columns nothing told apart, the first of them chosen. */
  undecided?: number[];
}

export interface ValueColumn {
  col: number;
  year: number | null;
  months: number | null;
  hidden: boolean;
}

const COLUMN_NUMBER = /^\(?\s*(\d{1,2}|[a-h])\s*\)?$/i;

export function isColumnNumberRow(grid: Grid, r: number): boolean {
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

/**
 * A row under the indicator names giving only their units of measure ("người", "hội viên", "%") or
 * their codes: part of the header, never the names themselves nor a unit's row.
 */
export function isUnitsOrCodesRow(grid: Grid, r: number, indicators: IndicatorMatcher, unitCol?: number): boolean {
  let seen = 0;
  for (const c of grid.columnsOf(r)) {
    const t = grid.text(r, c);
    if (!t || c === unitCol) continue;
    if (!indicators.isUnitOrCode(t)) return false;
    seen++;
  }
  return seen >= 2;
}

/** Every column that holds something in the header rows, in order. */
export function headerColumns(grid: Grid, top: number, bottom: number): number[] {
  const set = new Set<number>();
  for (let r = top; r <= bottom; r++) for (const c of grid.columnsOf(r)) set.add(c);
  return [...set].sort((a, b) => a - b);
}

function roleOf(grid: Grid, r: number, c: number): Role | null {
  return classifyColumn(grid.mergedFolded(r, c), grid.mergedText(r, c));
}

function countTexts(grid: Grid, r: number): number {
  let n = 0;
  for (const c of grid.columnsOf(r)) if (grid.folded(r, c)) n++;
  return n;
}

/** "Năm 2023", "6 tháng", "6 tháng đầu năm 2023", "6T/2023", "Cả năm", "Quý I", "Năm nay" (folded): a period alone. */
const PERIOD_HEADER = /^(?:(?:\d{1,2} ?t|\d{1,2} thang(?: dau| cuoi)?|ca nam|nam|quy [ivx]+|quy \d)(?: nam)?(?: ?[/-]? ?(?:19|20)\d\d)?|(?:nam )?(?:19|20)\d\d|nam nay|ky nay|ky bao cao)$/;

/** The year a column's own header cells name ("Thực hiện năm 2023", "Năm 2022" under "Thực hiện"). */
function headerYear(grid: Grid, top: number, bottom: number, c: number): number | null {
  for (let r = bottom; r >= top; r--) {
    const years = grid.mergedFolded(r, c).match(/\b(?:19|20)\d\d\b/g);
    if (years) return Math.max(...years.map(Number));
  }
  return null;
}

function isSubHeaderRow(grid: Grid, r: number): boolean {
  let known = 0;
  for (const c of grid.columnsOf(r)) {
    const cell = grid.cell(r, c);
    if (cell && typeof cell.value === 'number') return false;
    const f = grid.folded(r, c);
    if (!f) continue;
    if (!roleOf(grid, r, c) && !PERIOD_HEADER.test(f)) return false;
    known++;
  }
  return known > 0;
}

// A column's role comes from its lowest specific header text ("Thực hiện" under "Kết quả ... 2023"),
// then from the texts above it.
function columnRole(grid: Grid, top: number, bottom: number, c: number): Role | null {
  for (let r = bottom; r >= top; r--) {
    const role = roleOf(grid, r, c);
    if (role) return role;
  }
  return null;
}

const words = (list: readonly string[]) => list.map(foldPlain).join('|');
const MONTHS = new RegExp(`\\b(\\d{1,2}) (?:${words(PLAN_PERIOD_WORDS.months)})\\b`);
const QUARTER = new RegExp(`\\b(?:${words(PLAN_PERIOD_WORDS.quarter)})\\b`);
const YEAR = new RegExp(`\\b(?:${words(PLAN_PERIOD_WORDS.year)})\\b`);

/** The months a plan column's own header names: "Kế hoạch 9 tháng" 9, "KH năm" 12, "Kế hoạch" null. */
function planMonths(grid: Grid, top: number, bottom: number, c: number): number | null {
  // Its own header cell and the sub-headers below it; a group header above ("Năm 2024") may span
  // the figure columns too, so it says nothing of the plan's period.
  let from = top;
  for (let r = bottom; r >= top; r--) if (roleOf(grid, r, c) === 'plan') from = r;
  for (let r = from; r <= bottom; r++) {
    const months = monthsIn(grid.mergedFolded(r, c), false);
    if (months !== null) return months;
  }
  return null;
}

/** The months a figure column's own header cells name: "6 tháng" 6, "Cả năm" or "năm 2023" 12, "Quý I" 3. */
function headerMonths(grid: Grid, top: number, bottom: number, c: number): number | null {
  for (let r = bottom; r >= top; r--) {
    const months = monthsIn(grid.mergedFolded(r, c), true);
    if (months !== null) return months;
  }
  return null;
}

/**
 * A header cell that names a period alone ("Năm 2023", "6 tháng", "Cả năm", "Quý I"), folded: the
 * year and months it names (each null when it names none); null when it is not a period alone.
 */
export function periodHeader(f: string): { year: number | null; months: number | null } | null {
  if (!PERIOD_HEADER.test(f)) return null;
  const years = f.match(/\b(?:19|20)\d\d\b/g);
  return { year: years ? Math.max(...years.map(Number)) : null, months: monthsIn(f, true) };
}

/** The months one folded header cell names; `short` also reads a figure column's "6T". */
function monthsIn(f: string, short: boolean): number | null {
  const m = MONTHS.exec(f) ?? (short ? /\b(\d{1,2}) ?t\b/.exec(f) : null);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return Number(m[1]);
  if (QUARTER.test(f)) return 3;
  if (YEAR.test(f)) return 12;
  return null;
}

function headerFrom(grid: Grid, top: number, bottom: number, start: number, extra: Partial<Record<Role, number>> = {}): Header {
  const roles = new Map<Role, number>();
  const plans: PlanColumn[] = [];
  const values: ValueColumn[] = [];
  const periods: ValueColumn[] = [];
  for (const [role, col] of Object.entries(extra) as Array<[Role, number]>) roles.set(role, col);
  for (const c of headerColumns(grid, top, bottom)) {
    if ([...roles.values()].includes(c)) continue;
    const role = columnRole(grid, top, bottom, c);
    if (role === 'plan') plans.push({ col: c, months: planMonths(grid, top, bottom, c) });
    const column = () => ({ col: c, year: headerYear(grid, top, bottom, c), months: headerMonths(grid, top, bottom, c), hidden: grid.hiddenCol(c) });
    if (role === 'value') values.push(column());
    else if (role && !roles.has(role)) roles.set(role, c);
    // A column headed with a period alone ("6 tháng", "Năm 2023") is a figure column when none says "Thực hiện".
    else if (!role && PERIOD_HEADER.test(grid.mergedFolded(bottom, c))) periods.push(column());
  }
  const header: Header = { top, bottom, start, roles, plans, values: values.length ? values : periods };
  if (!roles.has('value') && header.values.length) header.undecided = setValueColumn(roles, header.values, null);
  return header;
}

/**
 * The figure column among several, for a report's period when it is known: one the sheet shows
 * over a hidden one (an old column left in the template); then the one for the report's year, or
 * the latest year headers name ("Thực hiện năm 2022 | … năm 2023": a year's report has no column
 * for a later year); then the one for the report's months ("6 tháng | Cả năm"), or the longest.
 * An earlier year's column is last year's figure.
 */
export function setValueColumn(roles: Map<Role, number>, values: ValueColumn[], period: { year: number | null; months: number } | null): number[] {
  const shown = values.filter((v) => !v.hidden);
  let pool = shown.length ? shown : values;
  const years = new Set(pool.map((v) => v.year));
  const byYear = pool.filter((v) => period?.year != null && v.year === period.year);
  if (byYear.length) pool = byYear;
  else if (!years.has(null) && years.size > 1) pool = pool.filter((v) => v.year === Math.max(...pool.map((x) => x.year!)));
  const months = new Set(pool.map((v) => v.months));
  const byMonths = pool.filter((v) => period && v.months === period.months);
  if (byMonths.length) pool = byMonths;
  else if (!months.has(null) && months.size > 1) pool = pool.filter((v) => v.months === Math.max(...pool.map((x) => x.months!)));
  const chosen = pool[0];
  roles.set('value', chosen.col);
  if (roles.get('lastYear') === chosen.col) roles.delete('lastYear');
  const earlier = chosen.year === null ? undefined : values.find((v) => v.year !== null && v.year < chosen.year!);
  if (earlier && !roles.has('lastYear')) roles.set('lastYear', earlier.col);
  // Nothing told them apart ("TH trong kỳ | Lũy kế"): the first was taken, and the caller says so.
  return pool.length > 1 ? pool.map((v) => v.col) : [];
}

function dataStart(grid: Grid, bottom: number): number {
  const start = bottom + 1;
  return start <= grid.maxRow && isColumnNumberRow(grid, start) ? start + 1 : start;
}

/** The header by its words: the first row with a label or unit column and a figure column, plus merged rows under it. */
export function findReportHeader(grid: Grid): Header | null {
  const last = Math.min(grid.maxRow, 60);
  for (let r = 1; r <= last; r++) {
    const header = headerAt(grid, r);
    if (header) return header;
  }
  return null;
}

/** A header starting at row r: a label or unit column and another recognised one, plus the rows under it that continue it. */
export function headerAt(grid: Grid, r: number): Header | null {
  const rowRoles = new Map<Role, number>();
  let bottom = r;
  for (const c of grid.columnsOf(r)) {
    const role = roleOf(grid, r, c);
    if (role && !rowRoles.has(role)) rowRoles.set(role, c);
    const m = grid.mergeOf(r, c);
    if (m && m.top === r && m.bottom > bottom && m.bottom - r < 4) bottom = m.bottom;
  }
  // A unit-per-row table may have no other recognised header ("Đơn vị | Tổng số hội viên | …"):
  // its other header cells name indicators, checked once the columns are read.
  const otherTexts = rowRoles.has('unit') ? countTexts(grid, r) - 1 : 0;
  const isHeader = rowRoles.has('label') ? rowRoles.size >= 2 : rowRoles.has('unit') && (rowRoles.size >= 2 || otherTexts >= 1);
  if (!isHeader) return null;
  // A second header row without merges: "Thực hiện | Tỷ lệ" under "Kết quả thực hiện".
  while (bottom + 1 <= grid.maxRow && bottom - r < 3 && isSubHeaderRow(grid, bottom + 1)) bottom++;
  return headerFrom(grid, r, bottom, dataStart(grid, bottom));
}

// ---------------------------------------------------------------------------------------------
// Unit-per-row tables found by what they hold

export interface UnitTable {
  header: Header;
  unitCol: number;
  /** How the unit column was known. */
  by: 'roster' | 'header' | 'names';
}

/** Rows looked at for a unit column: a district's table has a few dozen, a province's under two hundred. */
const MAX_SCAN_ROWS = 400;

/** The column whose cells name the most roster units (at least two, or the whole roster of one). */
function unitColumnByRoster(grid: Grid, units: UnitMatcher): { col: number; first: number } | null {
  const counts = new Map<number, { n: number; first: number }>();
  for (const r of grid.rowsFrom(1).slice(0, MAX_SCAN_ROWS)) {
    for (const c of grid.columnsOf(r)) {
      const t = grid.text(r, c);
      if (!t || t.length > 80) continue;
      if (units.read(t, 'cell').kind === 'none') continue;
      const e = counts.get(c) ?? { n: 0, first: r };
      e.n++;
      counts.set(c, e);
    }
  }
  const need = Math.min(2, units.roster.length);
  // A hidden column of names (lookup keys kept for sorting) is the unit column only when no shown one is.
  let best: { col: number; n: number; first: number; shown: boolean } | null = null;
  for (const [col, e] of counts) {
    const shown = !grid.hiddenCol(col) && e.n >= need;
    if (!best || (shown && !best.shown) || (shown === best.shown && e.n > best.n)) best = { col, ...e, shown };
  }
  return best && best.n >= need ? { col: best.col, first: best.first } : null;
}

/**
 * The first text of a row at or left of the unit column, folded: where a table of units writes
 * "Tổng cộng" or "Cụm 1", in the unit column or in the row-number column before it.
 */
export function rowLead(grid: Grid, r: number, unitCol: number): string {
  for (const c of grid.columnsOf(r)) {
    if (c > unitCol) break;
    const t = grid.mergedFolded(r, c);
    if (t) return t;
  }
  return '';
}

/** A row of the table's body that is not a unit: its total, a subtotal, a group's heading ("Cụm 1"). */
function isBodyHeading(grid: Grid, r: number, unitCol: number): boolean {
  const lead = rowLead(grid, r, unitCol);
  return lead !== '' && (isTotalRow(lead) || SUBTOTAL.test(lead) || GROUP_HEADING.test(lead)) && !grid.columnsOf(r).some((c) => c > unitCol && grid.mergedFolded(r, c) && typeof grid.cell(r, c)?.value !== 'number' && !grid.mergeOf(r, c));
}

/** The header rows over the first unit row: the nearest row with text, and the group rows above it. */
function headerAbove(grid: Grid, unitCol: number, firstUnitRow: number, indicators: IndicatorMatcher): { top: number; bottom: number } | null {
  const above = grid.rowsFrom(1).filter((r) => r < firstUnitRow && !isColumnNumberRow(grid, r) && !isUnitsOrCodesRow(grid, r, indicators, unitCol) && !isGroupHeading(grid, r, unitCol) && !isBodyHeading(grid, r, unitCol));
  let bottom = -1;
  for (let i = above.length - 1; i >= 0; i--) {
    const r = above[i];
    if (grid.columnsOf(r).some((c) => c !== unitCol && grid.mergedFolded(r, c))) {
      bottom = r;
      break;
    }
  }
  if (bottom < 0) return null;
  let top = bottom;
  while (top - 1 >= 1 && bottom - top < 3 && isGroupRow(grid, top - 1, unitCol, bottom)) top--;
  return { top, bottom };
}

/**
 * A group header ("Hội Nông dân" over its columns) stands right above the header, over the
 * figure columns; over the unit column it is blank or the unit header merged down. A title line
 * spans the unit column too, and is not part of the header.
 */
function isGroupRow(grid: Grid, r: number, unitCol: number, bottom: number): boolean {
  // Over the figure columns: a title in the row-number column, left of the units, is no group.
  if (hasNumbers(grid, r) || !grid.columnsOf(r).some((c) => c > unitCol && grid.mergedFolded(r, c))) return false;
  const over = grid.mergedFolded(r, unitCol);
  if (!over) return true;
  const m = grid.mergeOf(r, unitCol);
  return (m !== undefined && m.bottom >= bottom && m.left === m.right) || over === grid.mergedFolded(bottom, unitCol);
}

function hasNumbers(grid: Grid, r: number): boolean {
  return grid.columnsOf(r).some((c) => typeof grid.cell(r, c)?.value === 'number');
}

/** Without a roster: a header row of at least two indicator names, and a column of distinct names under it. */
function unitTableByNames(grid: Grid, indicators: IndicatorMatcher): UnitTable | null {
  const last = Math.min(grid.maxRow, 40);
  for (let r = 1; r <= last; r++) {
    const named = grid.columnsOf(r).filter((c) => {
      const f = grid.mergedFolded(r, c);
      return f && indicators.match(f, null).status !== 'none';
    });
    if (named.length < 2) continue;
    const start = dataStart(grid, r);
    const rows = grid.rowsFrom(start).slice(0, MAX_SCAN_ROWS);
    // The unit column stands left of the figures; its header may be blank.
    for (let c = 1; c < named[0]; c++) {
      const names = rows.filter((x) => grid.text(x, c) && !isTotalRow(grid.folded(x, c))).map((x) => grid.text(x, c));
      const distinct = new Set(names);
      const figures = rows.filter((x) => named.some((n) => typeof grid.cell(x, n)?.value === 'number')).length;
      if (names.length >= 2 && distinct.size === names.length && figures >= 2) {
        let top = r;
        while (top - 1 >= 1 && r - top < 3 && isGroupRow(grid, top - 1, c, r)) top--;
        return { header: headerFrom(grid, top, r, start, { unit: c }), unitCol: c, by: 'names' };
      }
    }
  }
  return null;
}

/**
 * A one-unit-per-row table: by its cells naming roster units, else by a unit header word, else
 * (without a roster) by a column of distinct names under a header of indicator names.
 */
export function findUnitTable(grid: Grid, units: UnitMatcher, indicators: IndicatorMatcher, byWords: Header | null): UnitTable | null {
  if (units.roster.length > 0) {
    const found = unitColumnByRoster(grid, units);
    if (found) {
      const rows = headerAbove(grid, found.col, found.first, indicators);
      if (rows) return { header: headerFrom(grid, rows.top, rows.bottom, dataStart(grid, rows.bottom), { unit: found.col }), unitCol: found.col, by: 'roster' };
    }
  }
  if (byWords?.roles.has('unit')) return { header: byWords, unitCol: byWords.roles.get('unit')!, by: 'header' };
  return units.roster.length === 0 ? unitTableByNames(grid, indicators) : null;
}
