// A check run: reports are added one workbook at a time (only their figures are kept, so memory
// holds one workbook plus the rollup), then `finish` settles duplicates and missing units,
// checks every unit and the area, and returns the result in a stable order.
import { Figure, UnitFigures, checkUnit, describeParts, judgeTarget, readFigures, targetFor } from './checks';
import { codesOf } from './expressions';
import type { Changes } from './changes';
import { applyExplanations, unusedExplanation } from './explanations';
import { Finding, compareFindings, countBySeverity, finding } from './findings';
import { UnitEvidence, describeEvidence, identifyReport } from './identity';
import { IndicatorMatcher } from './mapping';
import { Layout, SheetReading, UnitReport, readReportWorkbook } from './layout';
import { Sheet, WorkbookModel } from './model';
import { FEEDBACK_TITLE, SHEET_NAMES } from './plan-cells';
import { formatDate } from './period';
import { settleReports } from './settle';
import { sortByYear } from './other-period';
import { LastYear, lastYearOf } from './last-year';
import { checkOutliers } from './outliers';
import { Rollup, areaLookup, computeRollup } from './rollup';
import { RosterUnit, Rules } from './rules';
import { UnitMatcher } from './units';

export interface SubmissionInfo {
  file: string;
  sheet: string;
  unit: string;
  layout: Layout;
  /** "dd/mm/yyyy" as the report dates itself, or null. */
  date: string | null;
  period: string | null;
  inRoster: boolean;
  /** False for the earlier of two reports from one unit. */
  used: boolean;
  /** What named the unit: a header line, the sheet or file name, or a unit column cell. */
  unitEvidence: UnitEvidence | null;
}

/** `unreadable`: the unit sent something, but no file of it could be read. */
/** `other-period`: the unit sent only a report of another year, which was set aside. */
export type UnitStatus = 'ok' | 'warnings' | 'errors' | 'missing' | 'unreadable' | 'other-period' | 'unknown';

export interface UnitSummary {
  unit: string;
  status: UnitStatus;
  errors: number;
  warnings: number;
  infos: number;
  file: string | null;
  sheet: string | null;
  unitEvidence: UnitEvidence | null;
  /** The unit's figures by indicator code: numbers, or the text of a value that is not one ("khoảng 40", "x"). */
  figures?: Record<string, number | string>;
}

/** Which units the result rests on: an area verdict is only as good as the units read. */
export interface Coverage {
  /** Roster units; 0 without a roster, when every report read is a unit. */
  roster: number;
  /** Units whose figures were read and counted. */
  read: number;
  /** Roster units that sent files none of which could be read. */
  unreadable: string[];
  /** Roster units that sent nothing. */
  missing: string[];
  /** Roster units that sent only a report of another year (set aside, not counted). */
  otherPeriod: string[];
  /** Reports that name no roster unit: checked, not counted. */
  unknown: number;
  /** Files that could not be read at all, whether or not their name gives a unit. */
  unreadableFiles: number;
}

export interface UnitRow {
  unit: string;
  roster: RosterUnit | null;
  report: UnitReport | null;
  figures: Map<string, Figure>;
  derived: Map<string, number>;
  targets: { checked: number; met: number };
}

export interface CheckResult {
  rules: Rules;
  period: { label: string; year: number | null; months: number };
  submissions: SubmissionInfo[];
  findings: Finding[];
  rollup: Rollup;
  /** Roster units in roster order (sent or not), then units the roster does not know. */
  rows: UnitRow[];
  units: UnitSummary[];
  coverage: Coverage;
  /** Set when the check was compared with an earlier one (changes.ts). */
  changes?: Changes;
  /** Set when some report carries a "Cùng kỳ" (same period last year) column. */
  lastYear?: LastYear;
}

/**
 * Reads report workbooks into the figures a check needs. Separate from the session so that
 * several readers (one per worker thread) can read files in parallel for one session.
 */
export class ReportReader {
  private readonly indicators: IndicatorMatcher;
  private readonly units: UnitMatcher;

  constructor(readonly rules: Rules) {
    this.indicators = new IndicatorMatcher(rules);
    this.units = new UnitMatcher(rules.roster);
  }

  read(wb: WorkbookModel): SheetReading {
    if (isOwnRollup(wb)) return { reports: [], findings: [finding('unreadable-file', { unit: '', file: wb.name }, { reason: ownRollupReason(wb.name) })] };
    // A feedback file sent back: its "Phản hồi" sheet is the office's own words, never the unit's
    // figures; the copy of the report beside it, corrected or not, is read as a report.
    const sheets = wb.sheets.filter((s) => !isOwnFeedback(s));
    if (sheets.length === 0 && wb.sheets.length > 0) {
      const unit = identifyReport(this.units, [], '', wb.name).unit?.name ?? '';
      return { reports: [], findings: [finding('unreadable-file', { unit, file: wb.name }, { reason: `Tệp "${wb.name}" chỉ có phiếu phản hồi do cơ quan gửi (trang "${wb.sheets[0].name}"), không có báo cáo: không lấy số liệu từ phiếu. Ý kiến, giải trình ghi trên phiếu cần được đọc riêng; nếu có sửa số liệu, đề nghị đơn vị gửi lại cả báo cáo.` })] };
    }
    const r = readReportWorkbook(sheets.length === wb.sheets.length ? wb : { ...wb, sheets }, { rules: this.rules, indicators: this.indicators, units: this.units });
    if (this.rules.roster.length === 0) for (const rep of r.reports) rep.inRoster = true;
    return r;
  }

  /** The roster unit a file's name gives, if it gives one. */
  nameOfFile(file: string): string | null {
    return identifyReport(this.units, [], '', file).unit?.name ?? null;
  }
}

/**
 * A rollup this tool wrote (an earlier round's "Tổng hợp" left among the reports, or the output
 * folder given as input) is no unit's report: its "Chưa gửi báo cáo" row would otherwise be read
 * as the submission of the unit that sent nothing, and its rows as every unit's second copy.
 */
function isOwnRollup(wb: WorkbookModel): boolean {
  const names = new Set(wb.sheets.map((s) => s.name));
  return names.has(SHEET_NAMES.rollup) && names.has(SHEET_NAMES.findings);
}

/** A feedback sheet this tool wrote: its title in one of its first rows. */
function isOwnFeedback(sheet: Sheet): boolean {
  for (let r = 1; r <= 3; r++) {
    for (const cell of sheet.rows[r] ?? []) if (typeof cell?.value === 'string' && cell.value.trim().toLocaleUpperCase('vi').startsWith(FEEDBACK_TITLE)) return true;
  }
  return false;
}

function ownRollupReason(file: string): string {
  return `Tệp "${file}" là bảng tổng hợp do chitieu ghi ra (có trang "${SHEET_NAMES.rollup}" và "${SHEET_NAMES.findings}"), không phải báo cáo của một đơn vị: không lấy số liệu từ tệp này. Hãy để bảng tổng hợp các kỳ trước ở thư mục khác.`;
}

export class CheckSession {
  private reports: UnitReport[] = [];
  private findings: Finding[] = [];
  /** Also lent to readers elsewhere (the command line's worker pool reads with it in-thread). */
  readonly reader: ReportReader;

  constructor(
    readonly rules: Rules,
    ruleProblems: Finding[] = [],
  ) {
    this.reader = new ReportReader(rules);
    this.findings.push(...ruleProblems);
  }

  addWorkbook(wb: WorkbookModel): void {
    this.addReading(this.reader.read(wb));
  }

  /** What a ReportReader read, possibly elsewhere; add readings in input order for stable output. */
  addReading(r: SheetReading): void {
    this.reports.push(...r.reports);
    this.findings.push(...r.findings);
  }

  /**
   * A file that could not be opened at all: the message names it and says why. The unit its name
   * gives did send something, so it is "unreadable", never "not sent".
   */
  addFileError(file: string, message: string): void {
    const named = this.reader.nameOfFile(file);
    this.findings.push(finding('unreadable-file', { unit: named ?? '', file }, { reason: message }));
  }

  finish(): CheckResult {
    const rules = this.rules;
    const findings = [...this.findings];
    // Another year's report is set aside before duplicates are settled, so it never wins by its date.
    const { current, setAsideUnits } = sortByYear(this.reports, rules, findings);
    const { used, parts } = settleReports(current, rules, findings);
    const months = commonMonths(used, rules.period.months);
    const pace = { months, targetMonths: rules.period.months };

    const byUnit = new Map<string, UnitFigures>();
    const unknown: UnitFigures[] = [];
    const rosterByName = new Map(rules.roster.map((u) => [u.name, u]));
    for (const report of used) {
      const roster = rosterByName.get(report.unit) ?? null;
      if (rules.roster.length > 0 && !report.inRoster) findings.push(unknownUnit(report));
      const figures = readFigures(report, rules, findings);
      const u: UnitFigures = { report, roster, figures, derived: new Map(), targets: { checked: 0, met: 0 } };
      // Each report is paced by the months it says it covers; the area by the most common.
      checkUnit(u, rules, { months: report.period?.months ?? months, targetMonths: rules.period.months }, findings);
      if (rosterByName.has(report.unit) || rules.roster.length === 0) byUnit.set(report.unit, u);
      else unknown.push(u);
    }

    // A unit whose files could not be read sent something: unreadable, not missing.
    const failedFiles = findings.filter((f) => f.severity === 'error' && (f.kind === 'unreadable-file' || f.kind === 'no-table'));
    const unreadable = new Set(failedFiles.map((f) => f.unit).filter(Boolean));
    const rows: UnitRow[] = [];
    for (const r of rules.roster) {
      const u = byUnit.get(r.name);
      rows.push({ unit: r.name, roster: r, report: u?.report ?? null, figures: u?.figures ?? new Map(), derived: u?.derived ?? new Map(), targets: u?.targets ?? { checked: 0, met: 0 } });
      if (!u && !unreadable.has(r.name) && !setAsideUnits.has(r.name)) findings.push(finding('missing-unit', { unit: r.name }, { unit: r.name }));
    }
    // Without a roster every report is a unit of its own.
    if (rules.roster.length === 0) unknown.push(...byUnit.values());
    unknown.sort((a, b) => a.report.unit.localeCompare(b.report.unit, 'vi'));
    for (const u of unknown) rows.push({ unit: u.report.unit, roster: null, report: u.report, figures: u.figures, derived: u.derived, targets: u.targets });

    const counted = rules.roster.length > 0 ? rows.filter((r) => r.roster && r.report) : rows;
    const coverage: Coverage = {
      roster: rules.roster.length,
      read: counted.length,
      unreadable: rules.roster.filter((r) => !byUnit.has(r.name) && unreadable.has(r.name)).map((r) => r.name),
      missing: rules.roster.filter((r) => !byUnit.has(r.name) && !unreadable.has(r.name) && !setAsideUnits.has(r.name)).map((r) => r.name),
      otherPeriod: rules.roster.filter((r) => !byUnit.has(r.name) && !unreadable.has(r.name) && setAsideUnits.has(r.name)).map((r) => r.name),
      unknown: rules.roster.length > 0 ? unknown.length : 0,
      unreadableFiles: failedFiles.length,
    };
    const rollup = computeRollup(counted, rules);
    const lastYear = lastYearOf(counted, rules);
    checkOutliers(counted, lastYear, rules, findings);
    this.checkArea(rollup, pace, coverage, findings);
    // Explanations the office accepted turn their findings into accepted ones, before anything is counted.
    const explained = applyExplanations(findings, rules.explanations, rules);
    findings.splice(0, findings.length, ...explained.findings, ...explained.unused.map(unusedExplanation));

    const order = new Map<string, number>([['', -1]]);
    rows.forEach((r, i) => order.set(r.unit, i));
    order.set('*', rows.length + 1);
    const unitOrder = (u: string) => order.get(u) ?? rows.length;
    const indicatorRank = new Map(rules.indicators.map((ind, i) => [ind.code, i]));
    const indicatorOrder = (code: string | null) => (code === null ? -1 : (indicatorRank.get(code) ?? rules.indicators.length));
    findings.sort((a, b) => compareFindings(a, b, unitOrder, indicatorOrder));

    const submissions: SubmissionInfo[] = this.reports.map((r) => ({
      file: r.file,
      sheet: r.sheet,
      unit: r.unit,
      layout: r.layout,
      date: r.date ? formatDate(r.date) : null,
      period: r.period?.label ?? null,
      inRoster: r.inRoster,
      used: parts.has(r),
      unitEvidence: r.identity.evidence,
    }));
    return {
      rules,
      period: { label: months === rules.period.months ? rules.period.label : `${months} tháng${rules.period.year ? ` năm ${rules.period.year}` : ''}`, year: rules.period.year, months },
      submissions,
      findings,
      rollup,
      rows,
      units: summarise(rows, findings, unreadable, setAsideUnits),
      coverage,
      ...(lastYear ? { lastYear } : {}),
    };
  }

  private checkArea(rollup: Rollup, pace: { months: number; targetMonths: number }, coverage: Coverage, findings: Finding[]) {
    const rules = this.rules;
    const lookup = areaLookup(rollup.totals, rules);
    const who = coverage.roster > 0 ? `Toàn địa bàn (${coverage.read}/${coverage.roster} đơn vị)` : `Toàn địa bàn (${coverage.read} đơn vị)`;
    for (const ind of rules.indicators) {
      if (ind.scope.kind !== 'area' || !ind.condition) continue;
      const actual = ind.formula ? rollup.ratios.get(ind.code) : rollup.totals.get(ind.code);
      if (actual === undefined) continue;
      const target = targetFor(ind, pace);
      if (!target) continue;
      const left = new Set<string>();
      for (const code of ind.formula ? codesOf(ind.formula) : [ind.code]) for (const u of rollup.incomplete.get(code) ?? []) left.add(u);
      const basis = rollup.rateBasis.get(ind.code);
      const parts = describeParts(ind, basis ? areaLookup(basis.parts, rules) : lookup);
      const f = judgeTarget({ ind, actual, ...target, parts: basis && parts ? `${parts}, trên ${basis.units}/${basis.of} đơn vị có đủ số liệu` : parts }, '*', { file: null, sheet: null, cell: null }, who, [...left]);
      if (f) findings.push(f);
    }
  }
}

/** A report naming no roster unit, or fitting several: why, and what the staff can do. */
function unknownUnit(report: UnitReport): Finding {
  const id = report.identity;
  const fields = { unit: report.unit, file: report.file, sheet: report.sheet, cell: report.nameCell };
  const base = { file: report.file, sheet: report.sheet, name: report.unit, where: id.evidence ? describeEvidence(id.evidence) : 'tên tệp' };
  if (id.candidates.length) return finding('unknown-unit', fields, { ...base, variant: 'ambiguous', candidates: id.candidates, why: id.why ?? 'several' });
  if (id.unlisted) return finding('unknown-unit', fields, { ...base, variant: 'unlisted', suggested: id.unlisted.suggested, suggestedWhere: describeEvidence(id.unlisted.evidence) });
  return finding('unknown-unit', fields, { ...base, variant: 'none' });
}

function commonMonths(reports: UnitReport[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const r of reports) if (r.period) counts.set(r.period.months, (counts.get(r.period.months) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [m, c] of counts) if (c > bestCount || (c === bestCount && m > best)) [best, bestCount] = [m, c];
  return best;
}

function summarise(rows: UnitRow[], findings: Finding[], unreadable: ReadonlySet<string>, otherPeriod: ReadonlySet<string>): UnitSummary[] {
  const byUnit = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byUnit.get(f.unit) ?? [];
    list.push(f);
    byUnit.set(f.unit, list);
  }
  const hasRoster = rows.some((x) => x.roster);
  return rows.map((r) => {
    const c = countBySeverity(byUnit.get(r.unit) ?? []);
    const status: UnitStatus = !r.report
      ? unreadable.has(r.unit)
        ? 'unreadable'
        : otherPeriod.has(r.unit)
          ? 'other-period'
          : 'missing'
      : !r.roster && hasRoster
        ? 'unknown'
        : c.error
          ? 'errors'
          : c.warning
            ? 'warnings'
            : 'ok';
    return {
      unit: r.unit,
      status,
      errors: c.error,
      warnings: c.warning,
      infos: c.info,
      file: r.report?.file ?? null,
      sheet: r.report?.sheet ?? null,
      unitEvidence: r.report?.identity.evidence ?? null,
      ...(r.report ? { figures: figuresOf(r.figures) } : {}),
    };
  });
}

/** Figures as written to ket-qua.json; built with fromEntries so a code such as "__proto__" stays data. */
function figuresOf(figures: Map<string, Figure>): Record<string, number | string> {
  const out: Array<[string, number | string]> = [];
  for (const [code, f] of figures) {
    if (f.status === 'ok') out.push([code, f.value]);
    else if (f.status === 'invalid') out.push([code, f.text]);
    else if (f.status === 'not-applicable') out.push([code, 'x']);
  }
  return Object.fromEntries(out);
}
