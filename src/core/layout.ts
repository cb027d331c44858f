// Reading a unit's report sheet as the unit wrote it: a title block, a header of merged rows,
// perhaps a column-number row "(1) (2) (3)", the table, then signatures. Two layouts:
// one indicator per row (a unit's own report) and one unit per row (an association's table).
// Where the table is and what its columns are is table.ts; who sent it is identity.ts.
import { Finding, finding } from './findings';
import { showsDay } from './dates';
import { computeMissingResults } from './formulas';
import { Grid, makeGrid } from './grid';
import { HeaderLine, Identity, UnitEvidence, describeEvidence, identifyReport, identifyRow } from './identity';
import { IndicatorMatcher, Label, labelOf } from './mapping';
import { Sheet, WorkbookModel, cellAddress } from './model';
import { MAX_FIGURE, Reading, readCellNumber } from './numbers';
import { DateLine, Period, ReportDate, formatDate, isPlanLine, parseDate, parseDateLine, parsePeriod } from './period';
import { Indicator, Rules } from './rules';
import { Header, PlanColumn, Role, classifyColumn, findReportHeader, headerAt, setValueColumn, findUnitTable, headerColumns, isColumnNumberRow, isSignature, isUnitsOrCodesRow, periodHeader, rowLead } from './table';
import { GROUP_HEADING, SUBTOTAL, isTotalRow } from './row-kinds';
import { RowToMatch, matchRows } from './row-match';
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
  /** The months the plan column's header says it covers; null when it names no period. */
  planMonths?: number | null;
  lastYear?: ValueCell;
  /** The "Tỷ lệ % so với kế hoạch" the unit typed or computed. */
  planRate?: ValueCell;
  /** Set when the figure comes from another report of the unit than the one it is filed under (an association's table). */
  from?: { file: string; sheet: string };
}

/** How a report's unit was found, and what could not be settled. */
export interface ReportIdentity {
  evidence: UnitEvidence | null;
  /** Roster names the evidence fits when it fits several. */
  candidates: string[];
  why: Identity['why'];
  /** The header names a unit the roster does not hold while another source fits a roster unit. */
  unlisted: { evidence: UnitEvidence; suggested: string } | null;
}

/** One unit's figures as one report gives them. */
export interface UnitReport {
  file: string;
  sheet: string;
  layout: Layout;
  /** Roster name, or the name as written when the roster has no such unit. */
  unit: string;
  inRoster: boolean;
  identity: ReportIdentity;
  date: ReportDate | null;
  /** The year (and month) the report was written in: its date, else a date line left partly blank. */
  dated: DateLine | null;
  period: Period | null;
  entries: Map<string, IndicatorEntry>;
  /** Sections that have at least one mapped row: rows missing from them are missing values. */
  sections: Set<string>;
  /** Where the unit's name stands, for flags on the unit itself. */
  nameCell: string | null;
  legacy: string[];
  /** On a sheet whose tab is hidden: a draft or an old copy, which never wins over a shown one. */
  hiddenSheet?: boolean;
}

export interface SheetReading {
  reports: UnitReport[];
  findings: Finding[];
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
  // Before anything is read: a formula saved without its result is computed where it can be.
  const { workbook, uncomputed } = computeMissingResults(wb);
  for (const sheet of workbook.sheets) {
    const r = readReportSheet(wb.name, sheet, ctx);
    if (!r || r.reports.length === 0) {
      noTable.push(sheet.name);
      if (r) skipped.push(...r.findings);
      continue;
    }
    reports.push(...r.reports);
    findings.push(...r.findings);
  }
  for (const u of uncomputed) {
    const unit = reports.find((r) => r.sheet === u.sheet)?.unit ?? '';
    findings.push(finding('missing-value', { unit, file: wb.name, sheet: u.sheet, cell: u.cells[0] }, { variant: 'no-result', file: wb.name, ...u }));
  }
  if (reports.length > 0) {
    findings.push(...skipped);
    return { reports, findings };
  }
  // Why a table found was not read, when it was said (a warning): kept beside the file's error.
  findings.push(...skipped.filter((f) => f.severity !== 'info'));
  // The file was sent, so the unit its name gives did send something: it is unreadable, not missing.
  const named = identifyReport(ctx.units, [], wb.sheets.length === 1 ? wb.sheets[0].name : '', wb.name);
  const where = { unit: named.unit?.name ?? '', file: wb.name, sheet: wb.sheets.length === 1 ? wb.sheets[0].name : null };
  const variant = wb.sheets.length === 0 ? { variant: 'no-sheets' as const } : skipped.length ? { variant: 'no-match' as const, sheets: skipped.map((f) => f.sheet ?? '') } : { variant: 'no-table' as const, sheets: noTable };
  findings.push(finding('no-table', where, { file: wb.name, ...variant }));
  return { reports, findings };
}

export function readReportSheet(file: string, sheet: Sheet, ctx: ReadContext): SheetReading | null {
  const grid = makeGrid(sheet);
  if (grid.maxRow === 0) return null;
  const byWords = findReportHeader(grid);
  let indicatorRows: SheetReading | null = null;
  if (byWords && byWords.roles.has('label') && (byWords.roles.has('value') || byWords.plans.length)) {
    indicatorRows = readIndicatorRows(file, sheet, grid, byWords, ctx);
    if (indicatorRows.reports.length) return indicatorRows;
  }
  const table = findUnitTable(grid, ctx.units, ctx.indicators, byWords);
  const unitRows = table ? readUnitRows(file, sheet, grid, table.header, table.unitCol, ctx) : null;
  return unitRows ?? indicatorRows;
}

// ---------------------------------------------------------------------------------------------
// Cells and context lines

function isSectionRow(stt: string, label: string, valueBlank: boolean): boolean {
  if (/^[IVXLC]+\.?$/.test(stt) || /^[A-H]\.?$/.test(stt) || /^phần\s+[IVX\d]+/i.test(stt)) return true;
  // "I. Hội Nông dân" in the label, or in one cell merged across the STT and label columns.
  if ((!stt || stt === label) && /^([IVXLC]+|[A-H])[.)]\s+\S/.test(label)) return true;
  if (!valueBlank) return false;
  const letters = label.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function cellText(grid: Grid, r: number, c: number | undefined): string {
  if (c === undefined) return '';
  const cell = grid.cell(r, c);
  if (cell && typeof cell.value === 'number') return String(cell.value);
  return grid.mergedText(r, c);
}

function cellLabel(grid: Grid, r: number, c: number): Label {
  const m = grid.mergeOf(r, c);
  const [rr, cc] = m ? [m.top, m.left] : [r, c];
  return labelOf(grid.text(rr, cc), grid.folded(rr, cc));
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

/** The rows above the header and the few below the table: where the unit, date and period are written. */
function contextRows(grid: Grid, header: Header, end: number): { above: number[]; below: number[] } {
  const above: number[] = [];
  for (let r = 1; r < header.top; r++) above.push(r);
  const below: number[] = [];
  for (let r = end + 1; r <= Math.min(grid.maxRow, end + 15); r++) below.push(r);
  return { above, below };
}

function contextLines(grid: Grid, header: Header, end: number): { above: string[]; below: string[] } {
  const { above, below } = contextRows(grid, header, end);
  const lines = (rows: number[]) => rows.map((r) => grid.rowText(r)).filter(Boolean);
  return { above: lines(above), below: lines(below) };
}

/** The report's date and period: from the text of its title and date lines, else from a date cell there. */
function dateAndPeriod(grid: Grid, header: Header, end: number): { date: ReportDate | null; dated: DateLine | null; period: Period | null } {
  const lines = contextLines(grid, header, end);
  const read = readDateAndPeriod(lines.above, lines.below);
  const rows = contextRows(grid, header, end);
  const date = read.date ?? dateCell(grid, [...rows.above, ...rows.below]);
  const dated = date ? { year: date.year, month: date.month, text: formatDate(date) } : read.partial;
  return { date, dated, period: read.period };
}

/** Each text cell above the header: where a report names its unit ("ĐẢNG ỦY PHƯỜNG 7", "Hòa Lạc, ngày …"). */
function headerLines(grid: Grid, header: Header): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (let r = 1; r < header.top; r++) for (const p of grid.rowCells(r)) lines.push({ text: p.text, cell: cellAddress(r, p.col) });
  return lines;
}

/** A date line typed as a real date cell ("Tân Sơn, ngày "dd" tháng "mm" năm "yyyy"): its date. */
function dateCell(grid: Grid, rows: number[]): ReportDate | null {
  for (const r of rows) {
    for (const c of grid.columnsOf(r)) {
      const cell = grid.cell(r, c);
      const v = cell?.value;
      // A cell showing only "12/2022" was given no day: it dates nothing, as a date line without its day.
      if (v instanceof Date && !Number.isNaN(v.getTime()) && showsDay(cell?.numFmt)) return { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() };
    }
  }
  return null;
}

function readDateAndPeriod(lines: string[], fallbackLines: string[]): { date: ReportDate | null; partial: DateLine | null; period: Period | null } {
  let date: ReportDate | null = null;
  let partial: DateLine | null = null;
  let period: Period | null = null;
  for (const l of [...lines, ...fallbackLines]) {
    if (!date) date = parseDate(l);
    if (!partial) partial = parseDateLine(l);
    // "KẾ HOẠCH NĂM 2024" above the title is the plan's year, not the period reported on.
    if (isPlanLine(l)) continue;
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
  return { date, partial, period };
}

/** The plan column to compare with: the one for the report's own months, else the annual or unlabelled one. */
function choosePlan(plans: PlanColumn[], months: number | null): PlanColumn | undefined {
  return plans.find((p) => months !== null && p.months === months) ?? plans.find((p) => p.months === null || p.months === 12) ?? plans[0];
}

function reportIdentity(id: Identity): ReportIdentity {
  return {
    evidence: id.evidence,
    candidates: id.candidates.map((u) => u.name),
    why: id.why,
    unlisted: id.unlisted ? { evidence: id.unlisted.evidence, suggested: id.unlisted.suggested.name } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// One indicator per row

/** A row of a one-indicator-per-row table that may give a figure, with what it stands under. */
interface FigureRow extends RowToMatch {
  r: number;
  label: Label;
  labelCell: string;
  value: ValueCell;
  plan: ValueCell | undefined;
  planMonths: number | null;
  lastYear: ValueCell | undefined;
  planRate: ValueCell | undefined;
}

/** The columns rows are read with: the header's, the figure and plan columns chosen for the report's period. */
interface Columns {
  roles: Map<Role, number>;
  label: number;
  value: number;
  plan?: PlanColumn;
  /** Figure columns nothing told apart (the first is `value`), with the header row they stand in. */
  undecided: number[];
  headerRow: number;
}

function columnsFor(header: Header, period: Period | null): Columns {
  // Of several figure columns, the one for the period the title gives.
  const roles = new Map(header.roles);
  const undecided = header.values.length > 1 && period ? setValueColumn(roles, header.values, period) : (header.undecided ?? []);
  const plan = roles.has('value') ? choosePlan(header.plans, period?.months ?? null) : undefined;
  return { roles, label: roles.get('label')!, value: roles.get('value') ?? header.plans[0].col, plan, undecided, headerRow: header.bottom };
}

/** A warning when the figures were read from the first of figure columns nothing told apart. */
function undecidedColumns(grid: Grid, cols: Columns, where: { file: string; sheet: string }): Finding[] {
  if (cols.undecided.length < 2) return [];
  const cells = cols.undecided.map((c) => `${cellAddress(cols.headerRow, c)} "${grid.mergedText(cols.headerRow, c)}"`);
  return [finding('unmapped-row', { ...where, severity: 'warning', cell: cellAddress(cols.headerRow, cols.value) }, { variant: 'figure-column', cells, used: cells[0], candidates: [] })];
}

/**
 * The rows a label gives figures on: its own; for a label merged down over several rows, the rows
 * of the merge that hold a figure (the figure is often on the second), read once, at its top.
 */
function rowsOfLabel(grid: Grid, r: number, cols: Columns): number[] {
  const m = grid.mergeOf(r, cols.label);
  if (!m || m.bottom === m.top) return [r];
  if (r !== m.top) return [];
  const filled: number[] = [];
  for (let x = m.top; x <= m.bottom; x++) if (!isBlank(valueCell(grid, x, cols.value)) || !isBlank(valueCell(grid, x, cols.plan?.col))) filled.push(x);
  return filled.length ? filled : [r];
}

/**
 * The rows that may give figures, the sections they stand under, and where the table ends. A
 * header repeated further down (page two pasted from another form) gives the rows under it its
 * own columns.
 */
function figureRows(grid: Grid, header: Header, period: Period | null, ctx: ReadContext): { rows: FigureRow[]; end: number; headers: Columns[] } {
  let cols = columnsFor(header, period);
  const headers = [cols];
  const rows: FigureRow[] = [];
  let section: string | null = null;
  let next = header.start;
  for (const r of grid.rowsFrom(header.start)) {
    if (r < next) continue;
    const labelText = cellText(grid, r, cols.label);
    const stt = cellText(grid, r, cols.roles.get('stt'));
    if (!labelText) {
      if (isSignature(grid.rowFolded(r))) return { rows, end: r - 1, headers };
      continue;
    }
    const label = cellLabel(grid, r, cols.label);
    const sttCol = cols.roles.get('stt');
    if (isSignature(grid.mergedFolded(r, cols.label)) || (sttCol !== undefined && isSignature(grid.mergedFolded(r, sttCol)))) return { rows, end: r - 1, headers };
    // A header again: its label column says "Nội dung" (checked first: most rows are not headers).
    const again = classifyColumn(grid.mergedFolded(r, cols.label), grid.mergedText(r, cols.label)) === 'label' ? headerAt(grid, r) : null;
    if (again && again.roles.has('label') && (again.roles.has('value') || again.plans.length)) {
      cols = columnsFor(again, period);
      headers.push(cols);
      next = again.start;
      continue;
    }
    const at = rowsOfLabel(grid, r, cols);
    if (at.length === 0) continue;
    const blank = isBlank(valueCell(grid, at[0], cols.value)) && isBlank(valueCell(grid, at[0], cols.plan?.col));
    if (isSectionRow(stt, labelText, blank)) {
      section = ctx.indicators.section(label.folded);
      continue;
    }
    const coded = byCode(grid, r, cols.roles.get('code'), ctx.rules);
    if (blank && !coded && ctx.indicators.match(label.folded, section).status !== 'matched') {
      // A heading in ordinary case ("Hội Nông dân") still opens its section; a numbered one
      // naming no section ("7 | Đoàn TNCS Hồ Chí Minh") ends the one before, so its rows are never
      // taken for that one's; a sub-heading such as "Trong đó:" names none and is passed over.
      section = ctx.indicators.section(label.folded) ?? (/^\d+\.?$/.test(stt.trim()) ? null : section);
      continue;
    }
    for (const x of at) rows.push(figureRow(grid, x, cols, { label, section, coded, labelCell: cellAddress(r, cols.label) }));
  }
  return { rows, end: grid.maxRow, headers };
}

function figureRow(grid: Grid, r: number, cols: Columns, o: { label: Label; section: string | null; coded: Indicator | null; labelCell: string }): FigureRow {
  const { roles, plan } = cols;
  return {
    r,
    ...o,
    folded: o.label.folded,
    hidden: grid.hiddenRow(r),
    value: valueCell(grid, r, cols.value)!,
    plan: valueCell(grid, r, plan?.col),
    planMonths: plan?.months ?? null,
    lastYear: valueCell(grid, r, roles.get('lastYear')),
    planRate: plan ? valueCell(grid, r, roles.get('planRate')) : undefined,
  };
}

function readIndicatorRows(file: string, sheet: Sheet, grid: Grid, header: Header, ctx: ReadContext): SheetReading {
  const periodAbove = readDateAndPeriod(contextLines(grid, header, grid.maxRow).above, []).period;
  const labelCol = header.roles.get('label')!;
  const findings: Finding[] = [];
  const entries = new Map<string, IndicatorEntry>();
  const sectionsSeen = new Set<string>();
  const read = figureRows(grid, header, periodAbove, ctx);
  const { end, headers } = read;
  for (const cols of headers) findings.push(...undecidedColumns(grid, cols, { file, sheet: sheet.name }));
  // The template's hidden codes decide a row, unless they are out of step with the labels (cells
  // inserted or deleted with "shift down" in the labels' columns only): two rows or more whose label
  // names the indicator coded the same number of rows away. Then the labels decide, and that is
  // said once. Whole rows moved keep their codes, and the codes still decide.
  const conflicts = shiftedCodes(read.rows, ctx);
  const rows = conflicts.length >= 2 ? read.rows.map((row) => ({ ...row, coded: null })) : read.rows;
  if (rows !== read.rows) findings.push(finding('unmapped-row', { severity: 'warning', file, sheet: sheet.name, cell: cellAddress(conflicts[0].r, header.roles.get('code')!) }, { variant: 'codes-shifted', count: conflicts.length, rows: conflicts.map((c) => c.r), candidates: [] }));
  const matches = matchRows(rows, ctx.indicators, periodAbove?.year ?? null);
  rows.forEach((row, i) => {
    const { r, label, value } = row;
    const where = { file, sheet: sheet.name, cell: row.labelCell, actual: label.text };
    const match = matches[i];
    if (row.coded) {
      const named = labelNamesAnother(row.coded, label.folded, row.section, ctx);
      if (named) findings.push(finding('unmapped-row', { ...where, severity: 'warning', indicator: row.coded.code }, { variant: 'code-label', row: r, label: label.text, code: row.coded.code, codeLabel: indicatorLabel(row.coded), named: named.code, namedLabel: indicatorLabel(named), labelCell: where.cell, codeCell: cellAddress(r, header.roles.get('code')!), candidates: [] }));
    }
    if (match.status === 'again') {
      const first = rows[match.first];
      const severity = row.hidden || isBlank(value) ? 'info' : 'warning';
      findings.push(finding('unmapped-row', { ...where, severity, indicator: match.indicator.code }, { variant: 'again', row: r, label: label.text, hidden: row.hidden, code: match.indicator.code, codeLabel: indicatorLabel(match.indicator), usedRow: first.r, usedCell: first.value.address, candidates: [] }));
      return;
    }
    if (match.status !== 'matched') {
      const candidates = match.status === 'ambiguous' ? match.candidates : [];
      findings.push(finding('unmapped-row', where, { variant: 'row', row: r, label: label.text, candidates }));
      return;
    }
    const code = match.indicator.code;
    if (match.indicator.section) sectionsSeen.add(match.indicator.section);
    entries.set(code, {
      code,
      label: label.text,
      value,
      ...(row.plan ? { plan: row.plan, planMonths: row.planMonths } : {}),
      ...(row.lastYear ? { lastYear: row.lastYear } : {}),
      ...(row.planRate ? { planRate: row.planRate } : {}),
    });
  });
  if (entries.size === 0) {
    // A table of something else (an appendix, a list of names): not a report, so not a unit's.
    return { reports: [], findings: [finding('no-table', { severity: 'info', file, sheet: sheet.name, cell: cellAddress(header.top, labelCol) }, { file, variant: 'sheet-skipped', sheet: sheet.name })] };
  }
  const { date, dated, period } = dateAndPeriod(grid, header, end);
  const id = identifyReport(ctx.units, headerLines(grid, header), sheet.name, file);
  for (const f of findings) f.unit = id.name;
  if (id.conflict && id.unit) findings.push(mismatch(file, sheet.name, id));
  const report: UnitReport = {
    file,
    sheet: sheet.name,
    layout: 'indicator-per-row',
    unit: id.name,
    inRoster: id.unit !== null,
    identity: reportIdentity(id),
    date,
    dated,
    period,
    entries,
    sections: sectionsSeen,
    nameCell: id.evidence?.cell ?? null,
    legacy: [...grid.legacy],
    ...(sheet.hidden ? { hiddenSheet: true } : {}),
  };
  return { reports: [report], findings };
}

/** The rows whose label names the indicator coded at one same distance from them (the most common one). */
function shiftedCodes(rows: FigureRow[], ctx: ReadContext): FigureRow[] {
  const codeRow = new Map(rows.filter((row) => row.coded).map((row) => [row.coded!.code, row.r]));
  const byOffset = new Map<number, FigureRow[]>();
  for (const row of rows) {
    const named = row.coded ? labelNamesAnother(row.coded, row.label.folded, row.section, ctx) : null;
    const at = named ? codeRow.get(named.code) : undefined;
    if (at === undefined) continue;
    byOffset.set(row.r - at, [...(byOffset.get(row.r - at) ?? []), row]);
  }
  return [...byOffset.values()].reduce<FigureRow[]>((a, b) => (b.length > a.length ? b : a), []);
}

/**
 * The indicator a template row's label names exactly (its name or an alias, in the row's section),
 * when that is not the one its hidden code gives: a contradiction the staff are told of. A label
 * naming no indicator, or several, or one only loosely, is a row renamed, not a contradiction.
 */
function labelNamesAnother(coded: Indicator, folded: string, section: string | null, ctx: ReadContext): Indicator | null {
  const byName = ctx.indicators.match(folded, section);
  return byName.status === 'matched' && byName.indicator.code !== coded.code && byName.score >= 1 ? byName.indicator : null;
}

const indicatorLabel = (ind: Indicator) => (ind.section ? `${ind.section} – ${ind.name}` : ind.name);

/** A row of chitieu's own template: its indicator by the code in the hidden column, when the rules know it. */
function byCode(grid: Grid, r: number, col: number | undefined, rules: Rules): Indicator | null {
  return (col === undefined ? undefined : rules.byCode.get(cellText(grid, r, col).trim())) ?? null;
}

function mismatch(file: string, sheet: string, id: Identity): Finding {
  const used = { unit: id.unit!.name, where: describeEvidence(id.evidence!, false), text: id.evidence!.text };
  const other = { unit: id.conflict!.unit.name, where: describeEvidence(id.conflict!.evidence, false), text: id.conflict!.evidence.text };
  return finding('unit-mismatch', { unit: id.unit!.name, file, sheet, cell: id.evidence!.cell }, { file, sheet, used, other });
}

// ---------------------------------------------------------------------------------------------
// One unit per row

/**
 * Each column other than the unit's: its lowest header text is the indicator, a text above it the
 * section. A group's name written once over its first column, its cells not merged (a common way of
 * drawing it), stands over the columns to its right until the next name.
 */
function indicatorColumns(file: string, sheet: Sheet, grid: Grid, header: Header, nameCols: number[], owner: (col: number) => number, ctx: ReadContext, findings: Finding[]) {
  const columns: Array<{ col: number; code: string }> = [];
  // An association's own table names it in the title: its columns belong to that section.
  let titleSection: string | null = null;
  for (let r = 1; r < header.top && !titleSection; r++) titleSection = ctx.indicators.sectionIn(grid.rowFolded(r));
  const labelled: Array<{ col: number; label: Label; section: string | null }> = [];
  const titlePeriod = readDateAndPeriod(contextLines(grid, header, grid.maxRow).above, []).period;
  const year = titlePeriod?.year ?? null;
  for (const c of headerColumns(grid, header.top, header.bottom)) {
    if (nameCols.includes(c) || c === header.roles.get('stt') || c === header.roles.get('note')) continue;
    let label: Label | null = null;
    let section: string | null = titleSection;
    let sub: 'value' | 'other' | null = null;
    for (let r = header.bottom; r >= header.top; r--) {
      // Above the indicator's name, a group's name may be written only over its first column.
      const l: Label = label ? groupLabel(grid, r, c, owner(c)) : cellLabel(grid, r, c);
      if (!l.text) continue;
      // "Kế hoạch | Thực hiện" or "Năm 2022 | Năm 2023" under an indicator's name: the name is above.
      const kind: 'value' | 'other' | null = label || sub || r === header.top ? null : subColumn(l.folded, titlePeriod, ctx);
      if (kind) sub = kind;
      else if (!label) label = l;
      else if (l.text !== label.text) section = ctx.indicators.section(l.folded) ?? section;
    }
    if (label && sub !== 'other') labelled.push({ col: c, label, section });
  }
  const candidates = labelled.filter(({ col, label, section }) => {
    // The same name over several columns and no group telling them apart ("Tổng số hội viên" of
    // each association, with no row naming the associations, or under one association the title
    // names): which is whose cannot be known.
    const same = labelled.filter((o) => o.label.folded === label.folded && o.section === section);
    // One shown among hidden copies (an old column kept hidden): all go to the matching below, which
    // takes the shown one and says the hidden one was not read, as for rows.
    if (same.length > 1 && same.filter((o) => !grid.hiddenCol(o.col)).length === 1) return true;
    if (same.length > 1 && same[0].col === col) findings.push(finding('unmapped-row', { severity: 'warning', file, sheet: sheet.name, cell: cellAddress(header.bottom, col), actual: label.text }, { variant: 'repeated', label: label.text, cells: same.map((o) => cellAddress(header.bottom, o.col)), candidates: [] }));
    return same.length === 1;
  });
  // As rows are: a column naming an indicator wins it over a look-alike, shown columns first.
  const matches = matchRows(candidates.map((c) => ({ folded: c.label.folded, section: c.section, hidden: grid.hiddenCol(c.col), coded: null })), ctx.indicators, year);
  candidates.forEach(({ col, label }, i) => {
    const m = matches[i];
    const cell = cellAddress(header.bottom, col);
    if (m.status === 'matched') columns.push({ col, code: m.indicator.code });
    else if (m.status === 'again') {
      const usedCell = cellAddress(header.bottom, candidates[m.first].col);
      findings.push(finding('unmapped-row', { file, sheet: sheet.name, cell, actual: label.text, indicator: m.indicator.code, severity: grid.hiddenCol(col) ? 'info' : 'warning' }, { variant: 'again-column', label: label.text, cell, code: m.indicator.code, codeLabel: indicatorLabel(m.indicator), usedCell, candidates: [] }));
    } else findings.push(finding('unmapped-row', { file, sheet: sheet.name, cell, actual: label.text }, { variant: 'column', label: label.text, cell, candidates: m.status === 'ambiguous' ? m.candidates : [] }));
  });
  return columns;
}

/**
 * A sub-header under an indicator's name in a table of units: the figure ("Thực hiện", or a period
 * alone that is the report's: its year, its months), or another column of the indicator (its plan,
 * last year's, a rate, another period), or neither (null).
 */
function subColumn(folded: string, period: Period | null, ctx: ReadContext): 'value' | 'other' | null {
  if (ctx.indicators.match(folded, null).status !== 'none') return null;
  const years = [...folded.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
  const role = classifyColumn(folded);
  const alone = periodHeader(folded);
  if (role !== 'value' && !alone && role !== 'plan' && role !== 'planRate' && role !== 'lastYear' && role !== 'lastYearChange') return null;
  const otherYear = years.some((y) => y !== (period?.year ?? null));
  const otherMonths = alone?.months != null && period !== null && alone.months !== period.months;
  return otherYear || otherMonths || (role !== null && role !== 'value') ? 'other' : 'value';
}

/**
 * A group row's text over a column; a blank cell not merged takes the name written to its left in
 * the same row, back to the unit column or a merged group's end.
 */
function groupLabel(grid: Grid, r: number, c: number, unitCol: number): Label {
  const own = cellLabel(grid, r, c);
  if (own.text || grid.mergeOf(r, c)) return own;
  for (let left = c - 1; left > unitCol; left--) {
    if (grid.mergeOf(r, left)) return own;
    const l = cellLabel(grid, r, left);
    if (l.text) return l;
  }
  return own;
}


function isHeaderLike(grid: Grid, r: number, unitCol: number, ctx: ReadContext): boolean {
  const cols = grid.columnsOf(r);
  if (cols.some((c) => typeof grid.cell(r, c)?.value === 'number')) return false;
  if (cols.filter((c) => c > unitCol && grid.text(r, c)).length < 2) return false;
  const name = cellText(grid, r, unitCol);
  return !name || ctx.units.read(name, 'cell').kind !== 'unit';
}

/** Rows after the table's end whose unit cell names a roster unit and that hold a number: a table not read. */
function unitRowsBelow(grid: Grid, end: number, unitCol: number, ctx: ReadContext): number[] {
  if (end >= grid.maxRow) return [];
  return grid.rowsFrom(end + 1).filter((r) => {
    const name = cellText(grid, r, unitCol);
    return name !== '' && grid.columnsOf(r).some((c) => c !== unitCol && typeof grid.cell(r, c)?.value === 'number') && ctx.units.read(name, 'cell').kind === 'unit';
  });
}

/**
 * A unit listed twice in one table, once in a hidden row: the hidden row is an old copy left in the
 * sheet, and the row the unit shows is its figure. A unit only in hidden rows keeps them.
 */
function dropHiddenCopies(reports: UnitReport[], hidden: Set<number>): UnitReport[] {
  const shown = new Set(reports.filter((_, i) => !hidden.has(i) && reports[i].inRoster).map((r) => r.unit));
  const dropped: UnitReport[] = [];
  for (let i = reports.length - 1; i >= 0; i--) if (hidden.has(i) && reports[i].inRoster && shown.has(reports[i].unit)) dropped.unshift(...reports.splice(i, 1));
  return dropped;
}

function readUnitRows(file: string, sheet: Sheet, grid: Grid, header: Header, unitCol: number, ctx: ReadContext): SheetReading | null {
  const findings: Finding[] = [];
  // Each figure column belongs to the column of unit names nearest on its left: two tables side by
  // side, or a column of names kept for sorting beside the real one, never have one table's figures
  // read against the other's names row by row.
  const nameCols = [unitCol, ...otherNameColumns(grid, header, unitCol, ctx)].sort((a, b) => a - b);
  const owner = (col: number) => nameCols.filter((n) => n < col).pop() ?? unitCol;
  const columns = indicatorColumns(file, sheet, grid, header, nameCols, owner, ctx, findings);
  // No column taken: the reason, when one was given (names repeated without their groups), is kept.
  if (columns.length === 0) return findings.some((f) => f.severity !== 'info') ? { reports: [], findings } : null;
  const reports: UnitReport[] = [];
  let end = 0;
  const owners = [...new Set(columns.map((c) => owner(c.col)))];
  for (const nameCol of owners) {
    const own = columns.filter((c) => owner(c.col) === nameCol);
    const t = tableRows(file, sheet, grid, header, nameCol, own, ctx);
    reports.push(...t.reports);
    findings.push(...t.findings);
    end = Math.max(end, t.end);
  }
  // Where the columns of names disagree on a row, which names a figure was read with is said.
  if (nameCols.length > 1 && namesDisagree(grid, nameCols, header.bottom + 1, end, ctx)) {
    findings.push(finding('unmapped-row', { severity: 'warning', file, sheet: sheet.name, cell: cellAddress(header.bottom, owners[0]) }, { variant: 'name-columns', cells: nameCols.map((c) => cellAddress(header.bottom, c)), candidates: [] }));
  }
  const { date, dated, period } = dateAndPeriod(grid, header, end);
  for (const rep of reports) {
    rep.date = date;
    rep.dated = dated;
    rep.period = period;
    rep.legacy = [...grid.legacy];
    if (sheet.hidden) rep.hiddenSheet = true;
  }
  // A second table below this one (the next association's) is read as a table of its own, with its
  // own header and title; the sheet's period and date stand for it when it names none.
  const below = unitRowsBelow(grid, end, unitCol, ctx);
  const next = below.length ? readReportSheet(file, rowsBelow(sheet, end), ctx) : null;
  if (next && next.reports.length) {
    for (const rep of next.reports) {
      rep.period ??= period;
      rep.date ??= date;
      rep.dated ??= dated;
    }
    reports.push(...next.reports);
    findings.push(...next.findings);
  } else if (below.length) findings.push(finding('unmapped-row', { severity: 'warning', file, sheet: sheet.name, cell: cellAddress(below[0], unitCol) }, { variant: 'below', first: below[0], count: below.length, candidates: [] }));
  return { reports, findings };
}

/** The sheet without its rows down to `end`: what stands below a table, at the same addresses. */
function rowsBelow(sheet: Sheet, end: number): Sheet {
  return { ...sheet, rows: sheet.rows.map((row, r) => (r > end ? row : undefined)), merges: sheet.merges.filter((m) => m.top > end), hiddenRows: sheet.hiddenRows.filter((r) => r > end) };
}

/**
 * Other columns of the table that list roster units as the unit column does: each unit once (four
 * in five at least, for a hidden old copy), as many as half the unit column's. A column naming a few
 * units again and again (the cluster's leading commune) is a note, not a list of units.
 */
function otherNameColumns(grid: Grid, header: Header, unitCol: number, ctx: ReadContext): number[] {
  if (ctx.units.roster.length === 0) return [];
  const named = new Map<number, string[]>();
  for (const r of grid.rowsFrom(header.bottom + 1)) {
    for (const c of grid.columnsOf(r)) {
      const t = grid.text(r, c);
      if (!t || t.length > 80 || typeof grid.cell(r, c)?.value !== 'string') continue;
      const reading = ctx.units.read(t, 'cell');
      if (reading.kind === 'unit') named.set(c, [...(named.get(c) ?? []), reading.unit.name]);
    }
  }
  const need = Math.max(2, (named.get(unitCol)?.length ?? 0) / 2);
  return [...named].filter(([c, units]) => c !== unitCol && units.length >= need && new Set(units).size >= units.length * 0.8).map(([c]) => c);
}

/** Whether some row between `from` and `to` names one unit in one column of names and another in another. */
function namesDisagree(grid: Grid, nameCols: number[], from: number, to: number, ctx: ReadContext): boolean {
  return grid.rowsFrom(from).some((r) => {
    if (r > to) return false;
    const units = new Set<string>();
    for (const c of nameCols) {
      const reading = ctx.units.read(cellText(grid, r, c), 'cell');
      if (reading.kind === 'unit') units.add(reading.unit.name);
    }
    return units.size > 1;
  });
}

/** The unit rows of one column of names and the figure columns that belong to it, to the table's end. */
function tableRows(file: string, sheet: Sheet, grid: Grid, header: Header, unitCol: number, columns: Array<{ col: number; code: string }>, ctx: ReadContext): SheetReading & { end: number } {
  const findings: Finding[] = [];
  const reports: UnitReport[] = [];
  /** Indexes in `reports` of rows hidden in the sheet. */
  const hidden = new Set<number>();
  let totalRow: number | null = null;
  let end = grid.maxRow;
  let lastUnitRow = header.start;
  for (const r of grid.rowsFrom(header.start)) {
    const name = cellText(grid, r, unitCol);
    // Another table's header below this one (words across its columns, no figure, no unit named):
    // this table ends there, and its columns are never applied to the other table's rows.
    // Its title and group rows above it are the other table's too: this one ends at its last unit.
    if (reports.length > 0 && isHeaderLike(grid, r, unitCol, ctx)) {
      end = lastUnitRow;
      break;
    }
    // "Tổng cộng" may stand in the row-number column, with the unit's cell left blank.
    const folded = name ? grid.mergedFolded(r, unitCol) : rowLead(grid, r, unitCol);
    if (!name && !isTotalRow(folded)) {
      if (isSignature(grid.rowFolded(r))) {
        end = r - 1;
        break;
      }
      continue;
    }
    if (isSignature(folded)) {
      end = r - 1;
      break;
    }
    if (isTotalRow(folded)) {
      totalRow = r;
      // Some tables put "Tổng cộng" first, right under the header: the units follow it.
      if (reports.length === 0) continue;
      end = r;
      break;
    }
    // A row of units of measure or codes, a subtotal ("Cộng cụm 1") or a group's heading ("Các xã",
    // "Cụm 2") with no figure: part of the table's shape, not a unit.
    if (isColumnNumberRow(grid, r) || isUnitsOrCodesRow(grid, r, ctx.indicators, unitCol) || SUBTOTAL.test(folded)) continue;
    const entries = new Map<string, IndicatorEntry>();
    for (const { col, code } of columns) entries.set(code, { code, label: name, value: valueCell(grid, r, col)! });
    const id = identifyRow(ctx.units, name, cellAddress(r, unitCol));
    if (id.unit === null && GROUP_HEADING.test(folded) && [...entries.values()].every((e) => e.value.reading.kind === 'blank')) continue;
    if (grid.hiddenRow(r)) hidden.add(reports.length);
    lastUnitRow = r;
    reports.push({
      file,
      sheet: sheet.name,
      layout: 'unit-per-row',
      unit: id.name,
      inRoster: id.unit !== null,
      identity: reportIdentity(id),
      date: null,
      dated: null,
      period: null,
      entries,
      sections: new Set(),
      nameCell: cellAddress(r, unitCol),
      legacy: [],
    });
  }
  // Which row was used is said, so a staff member who unhides the old row knows it was left out.
  for (const d of dropHiddenCopies(reports, hidden)) {
    const used = reports.find((r) => r.unit === d.unit)!;
    findings.push(finding('unmapped-row', { severity: 'info', unit: d.unit, file, sheet: sheet.name, cell: d.nameCell }, { variant: 'hidden-copy', unit: d.unit, hiddenCell: d.nameCell ?? '', usedCell: used.nameCell ?? '', candidates: [] }));
  }
  if (totalRow !== null) findings.push(...checkTotalRow(file, sheet.name, grid, totalRow, columns, reports, ctx.rules));
  return { reports, findings, end };
}

/** The "Tổng cộng" row must equal the sum of the unit rows above it; it is never a unit. */
function checkTotalRow(file: string, sheet: string, grid: Grid, row: number, columns: Array<{ col: number; code: string }>, reports: UnitReport[], rules: Rules): Finding[] {
  const out: Finding[] = [];
  for (const { col, code } of columns) {
    const ind = rules.byCode.get(code);
    if (!ind || ind.rate) continue;
    const stated = valueCell(grid, row, col)!;
    if (stated.reading.kind !== 'number') continue;
    let sum = 0;
    let complete = true;
    for (const rep of reports) {
      const v = rep.entries.get(code)?.value.reading;
      if (v && v.kind === 'number' && Math.abs(v.value) <= MAX_FIGURE) sum += v.value;
      else if (v && v.kind !== 'blank' && v.kind !== 'not-applicable') complete = false;
    }
    if (Math.abs(sum - stated.reading.value) > 1e-6) {
      out.push(
        finding(
          'inconsistent',
          { unit: '*', indicator: code, file, sheet, cell: stated.address, actual: stated.reading.value, expected: sum },
          { variant: 'total-row', column: ind.name, cell: stated.address, stated: stated.reading.value, sum, complete },
        ),
      );
    }
  }
  return out;
}

