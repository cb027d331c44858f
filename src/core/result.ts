// ket-qua.json: the check's result for other programs. Keys built from indicator codes use
// Object.fromEntries, which defines own properties, so a code such as "__proto__" stays data.
import { Finding, countBySeverity } from './findings';
import { CheckResult, Coverage, SubmissionInfo, UnitSummary } from './session';
import type { Changes } from './changes';
import { VerdictStatus, areaVerdict } from './verdict';

export interface ResultJson {
  period: { label: string; year: number | null; months: number };
  rules: { file: string; title: string; indicators: number; crossChecks: number; units: number };
  submissions: SubmissionInfo[];
  units: UnitSummary[];
  findings: Finding[];
  totals: Record<string, number>;
  ratios: Record<string, number>;
  /** Rates computed over the units that gave every part (some unit lacks one): `{code: {units, of, parts}}`. */
  rateBasis?: Record<string, { units: number; of: number; parts: Record<string, number> }>;
  /** Totals that leave out invalid or missing values, with the units left out. */
  incomplete: Record<string, string[]>;
  /** Findings by severity; accepted ones (an explanation the office accepted) apart, in `accepted` only. */
  counts: { error: number; warning: number; info: number; accepted: number };
  /** Which units the figures rest on. */
  coverage: Coverage;
  /** The area's verdict as the summary words it. */
  verdict: { status: VerdictStatus; text: string };
  /** What changed since the check it was compared with (`--so-sanh`). */
  changes?: Changes;
  /** Where reports carry "Cùng kỳ": per code, the area this year and last over the units that gave both. */
  lastYear?: Record<string, { now: number; before: number; units: number; of: number }>;
}

export function toResultJson(result: CheckResult): ResultJson {
  const counts = countBySeverity(result.findings);
  const verdict = areaVerdict(result);
  const order = (m: ReadonlyMap<string, unknown>) => result.rules.indicators.map((i) => i.code).filter((c) => m.has(c));
  return {
    period: result.period,
    rules: {
      file: result.rules.file,
      title: result.rules.title,
      indicators: result.rules.indicators.length,
      crossChecks: result.rules.crossChecks.length,
      units: result.rules.roster.length,
    },
    submissions: result.submissions,
    units: result.units,
    findings: result.findings,
    totals: Object.fromEntries(order(result.rollup.totals).map((c) => [c, result.rollup.totals.get(c)!])),
    ratios: Object.fromEntries(order(result.rollup.ratios).map((c) => [c, result.rollup.ratios.get(c)!])),
    ...(result.rollup.rateBasis.size
      ? { rateBasis: Object.fromEntries(order(result.rollup.rateBasis).map((c) => { const b = result.rollup.rateBasis.get(c)!; return [c, { units: b.units, of: b.of, parts: Object.fromEntries(b.parts) }]; })) }
      : {}),
    incomplete: Object.fromEntries(order(result.rollup.incomplete).map((c) => [c, result.rollup.incomplete.get(c)!])),
    counts,
    coverage: result.coverage,
    verdict: { status: verdict.status, text: verdict.text },
    ...(result.changes ? { changes: result.changes } : {}),
    ...(result.lastYear ? { lastYear: Object.fromEntries(order(result.lastYear.area).map((c) => [c, result.lastYear!.area.get(c)!])) } : {}),
  };
}

/** 1 when some finding is an error, and when no report could be read: nothing checked is no pass. */
export function exitCodeFor(result: CheckResult): 0 | 1 {
  return result.coverage.read === 0 || result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
