// Reports of another year. A unit that sends last year's file again (or whose workbook keeps last
// year's copy on another sheet) must not have those figures summed into this year's rollup, and a
// 2022 copy must never win a duplicate over the 2023 report by its date. The year a report is for
// is the one its title names; the round's year is the one the rules' title names, else the year
// most reports name (and the message says which). Evidence is weighed, never guessed:
// - the title names another year and the date line does not contradict it: set aside (error);
// - the title names another year but the report is dated in the round's year (and not in the
//   title's), or the title names no year and the date is before the round's year: the figures are
//   used and the message says why and what to look at (warning).
// A date line with its day or month left blank still tells the year it was written in.
import { Finding, finding } from './findings';
import { UnitReport } from './layout';
import type { DateLine } from './period';
import { Rules } from './rules';

export interface RoundYear {
  year: number;
  /** Where the year comes from: the rules' title, or `count` of `of` report sheets naming one. */
  basis: { kind: 'rules' } | { kind: 'majority'; count: number; of: number };
}

export interface PeriodSorting {
  current: UnitReport[];
  /** Roster units every report of which was set aside: they sent something, but not this round's report. */
  setAsideUnits: Set<string>;
}

/** Splits reports into this round's and another year's, with a finding for each sheet set aside or in doubt. */
export function sortByYear(reports: UnitReport[], rules: Rules, findings: Finding[]): PeriodSorting {
  const round = roundYear(reports, rules);
  if (!round) {
    const years = yearsNamed(reports);
    if (years.length > 1) findings.push(finding('other-period', { severity: 'warning' }, { variant: 'years-differ', years }));
    return { current: reports, setAsideUnits: new Set() };
  }
  const current: UnitReport[] = [];
  const setAside: UnitReport[] = [];
  const said = new Set<string>();
  for (const r of reports) {
    const verdict = judgeYear(r, round.year);
    if (verdict !== 'set-aside') current.push(r);
    else setAside.push(r);
    // One finding per unit on a sheet, so each unit's feedback and status say why.
    const key = `${r.file}\u0000${r.sheet}\u0000${r.inRoster ? r.unit : ''}`;
    if (verdict === 'current' || said.has(key)) continue;
    said.add(key);
    findings.push(periodFinding(r, round, verdict));
  }
  const kept = new Set(current.filter((r) => r.inRoster).map((r) => r.unit));
  const setAsideUnits = new Set(setAside.filter((r) => r.inRoster && !kept.has(r.unit)).map((r) => r.unit));
  return { current, setAsideUnits };
}

/** The round's year: the rules' own, else the year named by more than half the report sheets naming one. */
export function roundYear(reports: UnitReport[], rules: Rules): RoundYear | null {
  if (rules.period.year !== null) return { year: rules.period.year, basis: { kind: 'rules' } };
  const years = yearsNamed(reports);
  const of = years.reduce((n, y) => n + y.sheets, 0);
  const top = years.find((y) => y.sheets * 2 > of);
  return top ? { year: top.year, basis: { kind: 'majority', count: top.sheets, of } } : null;
}

/** The years report titles name, with how many sheets name each (a table of many units is one sheet). */
function yearsNamed(reports: UnitReport[]): Array<{ year: number; sheets: number }> {
  const bySheet = new Map<string, number>();
  for (const r of reports) if (r.period?.year != null) bySheet.set(`${r.file}\u0000${r.sheet}`, r.period.year);
  const counts = new Map<number, number>();
  for (const y of bySheet.values()) counts.set(y, (counts.get(y) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([year, sheets]) => ({ year, sheets }));
}

type YearVerdict = 'current' | 'set-aside' | 'dated-in-round' | 'dated-before';

/**
 * Whether a report written at `d` is one of `year`'s: written during that year, or, for a year's
 * report, in the first quarter after it (the "tổng kết năm" meetings); never before.
 */
function writtenFor(d: DateLine, year: number): 'in-year' | 'early-next' | null {
  if (d.year === year) return 'in-year';
  if (d.year === year + 1 && d.month !== null && d.month <= 3) return 'early-next';
  return null;
}

function judgeYear(r: UnitReport, year: number): YearVerdict {
  const titled = r.period?.year ?? null;
  const d = r.dated;
  if (titled !== null && titled !== year) {
    // The title's year stands when the date agrees with it (a 2022 report signed in January 2023),
    // and is doubted only when the date fits the round and not the title.
    if (d && writtenFor(d, titled)) return 'set-aside';
    return d && writtenFor(d, year) ? 'dated-in-round' : 'set-aside';
  }
  if (d && d.year < year) return 'dated-before';
  return 'current';
}

function periodFinding(r: UnitReport, round: RoundYear, verdict: Exclude<YearVerdict, 'current'>): Finding {
  const unit = r.inRoster ? r.unit : '';
  return finding(
    'other-period',
    { unit, file: r.file, sheet: r.sheet, severity: verdict === 'set-aside' ? 'error' : 'warning', actual: r.period?.year ?? r.dated?.year ?? null, expected: round.year },
    {
      variant: verdict,
      who: r.inRoster ? r.unit : `Báo cáo không rõ đơn vị ("${r.unit}")`,
      file: r.file,
      sheet: r.sheet,
      title: r.period?.label ?? null,
      date: r.dated?.text ?? null,
      ...(r.dated && writtenFor(r.dated, round.year) === 'early-next' ? { early: true } : {}),
      year: round.year,
      basis: round.basis.kind === 'rules' ? 'theo tiêu đề bảng chỉ tiêu' : `năm mà ${round.basis.count}/${round.basis.of} trang báo cáo ghi`,
    },
  );
}
