// One set of figures per unit from everything it sent. A unit's own report (one indicator per
// row) and an association's table (one unit per row) hold different indicators of the same
// unit: they are parts of one submission and are put together. Two reports that give the same
// indicators are duplicates: the one with the later date is used, and the choice is stated.
// A figure given differently by the unit's own report and an association's table is said too.
import { subject } from './checks';
import { Finding, finding } from './findings';
import { IndicatorEntry, UnitReport } from './layout';
import { ReportDate, compareDates, formatDate } from './period';
import { Rules } from './rules';

export interface Settled {
  /** One report per unit, in the order the units' first reports were added. */
  used: UnitReport[];
  /** Every report whose figures went into a used one. */
  parts: Set<UnitReport>;
}

export function settleReports(reports: UnitReport[], rules: Rules, findings: Finding[]): Settled {
  const groups = new Map<string, UnitReport[]>();
  for (const r of reports) {
    const key = r.inRoster ? r.unit : `?${r.file}|${r.sheet}|${r.nameCell ?? ''}|${r.unit}`;
    const g = groups.get(key) ?? [];
    g.push(r);
    groups.set(key, g);
  }
  const used: UnitReport[] = [];
  const parts = new Set<UnitReport>();
  for (const g of groups.values()) {
    // A report split over two sheets or files (the Front's rows in one, the associations' in the
    // other) gives different indicators: its parts are put together, as a table's rows are.
    const own = clusters(g.filter((r) => r.layout === 'indicator-per-row'));
    const tables = clusters(g.filter((r) => r.layout === 'unit-per-row'));
    const kept = [...own, ...tables].map((c) => latest(c, findings)).filter((r): r is UnitReport => r !== null);
    kept.forEach((r) => parts.add(r));
    used.push(combine(kept, rules, findings));
  }
  return { used, parts };
}

/**
 * A report's place in name order: the file name without its extension, so "Xã Yên Bình (1).xlsx",
 * the copy a second download makes, sorts after "Xã Yên Bình.xlsx" (with the extension it sorted first).
 */
const baseName = (file: string) => file.replace(/\.[^./\\]+$/, '');
const byName = (a: UnitReport, b: UnitReport) => baseName(a.file).localeCompare(baseName(b.file)) || a.file.localeCompare(b.file) || a.sheet.localeCompare(b.sheet);

/** When a report was written: its date, else what a date line left partly blank tells ("tháng 12 năm 2023"). */
function when(r: UnitReport): ReportDate | null {
  return r.date ?? (r.dated ? { year: r.dated.year, month: r.dated.month ?? 0, day: 0 } : null);
}

/** Reports, or rows of association tables, that give the same indicators of a unit are copies of each other. */
function clusters(rows: UnitReport[]): UnitReport[][] {
  const out: UnitReport[][] = [];
  for (const r of rows) {
    const overlapping = out.find((c) => c.some((o) => [...r.entries.keys()].some((code) => o.entries.has(code))));
    if (overlapping) overlapping.push(r);
    else out.push([r]);
  }
  return out;
}

/**
 * The later of several reports giving the same figures; the choice is a finding. One on a shown
 * sheet wins over one on a hidden sheet (a draft, an old copy) whatever their dates; then the one
 * covering more months (a year's report supersedes the six months' sent in June); then the later
 * date; of two of the same date, the fuller.
 */
function latest(g: UnitReport[], findings: Finding[]): UnitReport | null {
  if (g.length <= 1) return g[0] ?? null;
  const shown = (r: UnitReport) => (r.hiddenSheet ? 0 : 1);
  const months = (r: UnitReport) => r.period?.months ?? 0;
  const sorted = [...g].sort((a, b) => shown(a) - shown(b) || months(a) - months(b) || compareDates(when(a), when(b)) || a.entries.size - b.entries.size || byName(a, b));
  const winner = sorted[sorted.length - 1];
  const second = sorted[sorted.length - 2];
  const sameSheet = second.file === winner.file && second.sheet === winner.sheet;
  const why =
    shown(second) < shown(winner) ? 'shown' : months(second) < months(winner) ? 'longer' : compareDates(when(second), when(winner)) !== 0 ? 'latest' : second.entries.size < winner.entries.size ? 'fuller' : sameSheet ? 'row' : 'last';
  // A row of a table of units is named by its cell: two rows of one sheet are told apart.
  const cell = (r: UnitReport) => (r.layout === 'unit-per-row' && r.nameCell ? { cell: r.nameCell } : {});
  findings.push(
    finding(
      'duplicate-unit',
      { unit: winner.unit, file: winner.file, sheet: winner.sheet },
      {
        unit: winner.unit,
        count: g.length,
        reports: sorted.map((r) => ({ file: r.file, sheet: r.sheet, ...cell(r), date: r.date ? formatDate(r.date) : (r.dated?.text ?? ''), ...(r.hiddenSheet ? { hidden: true } : {}) })),
        used: { file: winner.file, sheet: winner.sheet, ...cell(winner) },
        why,
      },
    ),
  );
  const dropped = new Set(sorted.slice(0, -1).filter((r) => r.file !== winner.file || r.sheet !== winner.sheet).map((r) => `${r.file}|${r.sheet}`));
  // Rows of a dropped report are not the unit's figures any more; their notes go with them.
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i];
    if (f.kind === 'unmapped-row' && f.unit === winner.unit && dropped.has(`${f.file}|${f.sheet}`)) findings.splice(i, 1);
  }
  return winner;
}

/**
 * The unit's own report with the figures association tables add. Where both give a figure, the
 * unit's own is used, and a different one elsewhere is a warning naming both cells; where the unit
 * left its row blank, the table's is used.
 */
function combine(kept: UnitReport[], rules: Rules, findings: Finding[]): UnitReport {
  const [base, ...others] = kept;
  if (others.length === 0) return base;
  const entries = new Map(base.entries);
  for (const other of others) {
    for (const [code, e] of other.entries) {
      const mine = entries.get(code);
      const theirs: IndicatorEntry = { ...e, from: { file: other.file, sheet: other.sheet } };
      // A row the unit left blank gives no figure: the table's, compiled for that unit, is its figure.
      if (!mine || (mine.value.reading.kind === 'blank' && e.value.reading.kind !== 'blank')) {
        entries.set(code, theirs);
        continue;
      }
      const a = mine.value.reading;
      const b = e.value.reading;
      const ind = rules.byCode.get(code);
      if (ind && a.kind === 'number' && b.kind === 'number' && a.value !== b.value) {
        const place = (r: UnitReport, x: IndicatorEntry) => ({ file: x.from?.file ?? r.file, sheet: x.from?.sheet ?? r.sheet, cell: x.value.address });
        findings.push(
          finding(
            'inconsistent',
            { unit: base.unit, indicator: code, severity: 'warning', ...place(base, mine), actual: a.value, expected: b.value },
            { variant: 'two-sources', subject: subject(ind, base.unit), used: { value: a.value, ...place(base, mine) }, other: { value: b.value, ...place(other, theirs) } },
          ),
        );
      }
    }
  }
  // Rows missing from a section either part of a split report covers are missing values.
  const sections = new Set([...base.sections, ...others.filter((o) => o.layout === 'indicator-per-row').flatMap((o) => [...o.sections])]);
  return { ...base, entries, sections };
}
