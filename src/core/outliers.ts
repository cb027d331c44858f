// Figures that are probably typing slips: a unit's figure many times its own "Cùng kỳ" (or a
// small fraction of it), and a unit whose figure per size (per household, per member: the rules'
// "Quy mô") is far from its peers'. Warnings, never errors: a real change is explained, not fixed.
import { Figure, subject } from './checks';
import { Finding, finding } from './findings';
import { UnitReport } from './layout';
import { LastYear } from './last-year';
import { Indicator, Rules } from './rules';
import { DEFAULT_SETTINGS } from './settings';

/** Fewer units than this say nothing about what is usual among them. */
export const MIN_PEERS = 5;
/**
 * Small counts change by large factors without any slip (1 house last year, 4 this year), so a
 * change against "Cùng kỳ" is only an outlier when it is also at least this large.
 */
export const MIN_LAST_YEAR_GAP = 10;
/** The MAD of a normal distribution is 0,6745 of its standard deviation (Iglewicz and Hoaglin). */
const MAD_SCALE = 0.6745;

interface UnitInput {
  unit: string;
  report: UnitReport | null;
  figures: Map<string, Figure>;
}

/**
 * A figure that already carries an error (a failed cross check, an invalid value) gets no outlier
 * warning besides: the error already sends the clerk to that cell.
 */
export function checkOutliers(units: UnitInput[], lastYear: LastYear | null, rules: Rules, findings: Finding[]): void {
  const settings = rules.settings ?? DEFAULT_SETTINGS;
  const flagged = new Set(findings.filter((f) => f.severity === 'error' && f.indicator).map((f) => `${f.unit}\u0000${f.indicator}`));
  const found: Finding[] = [];
  const counts = rules.indicators.filter((i) => !i.rate && !i.formula);
  if (settings.lastYearFactor !== null && lastYear) {
    for (const u of units) for (const ind of counts) checkLastYear(u, ind, lastYear, settings.lastYearFactor, found);
  }
  if (settings.peerZ !== null) {
    for (const ind of counts) if (ind.size) checkPeers(units, ind, rules.byCode.get(ind.size)!, settings.peerZ, found);
  }
  findings.push(...found.filter((f) => !flagged.has(`${f.unit}\u0000${f.indicator}`)));
}

function place(u: UnitInput, code: string, cell: string | null) {
  const from = u.report?.entries.get(code)?.from;
  return { unit: u.unit, indicator: code, file: from?.file ?? u.report?.file ?? null, sheet: from?.sheet ?? u.report?.sheet ?? null, cell };
}

function checkLastYear(u: UnitInput, ind: Indicator, lastYear: LastYear, factor: number, findings: Finding[]) {
  const f = u.figures.get(ind.code);
  const before = lastYear.byUnit.get(u.unit)?.get(ind.code);
  if (f?.status !== 'ok' || !before || f.value <= 0 || before.value <= 0) return;
  const ratio = Math.max(f.value / before.value, before.value / f.value);
  if (ratio <= factor || Math.abs(f.value - before.value) < MIN_LAST_YEAR_GAP) return;
  findings.push(
    finding(
      'outlier',
      { ...place(u, ind.code, f.cell), actual: f.value },
      { variant: 'last-year', subject: subject(ind, u.unit), now: f.value, before: before.value, limit: factor, cell: f.cell ?? undefined, lastYearCell: before.cell ?? undefined },
    ),
  );
}

/** Robust z-score of each unit's figure per size: median and MAD over the units, |z| above the setting. */
function checkPeers(units: UnitInput[], ind: Indicator, size: Indicator, limit: number, findings: Finding[]) {
  const shares: Array<{ u: UnitInput; value: number; size: number; share: number; cell: string | null }> = [];
  for (const u of units) {
    const f = u.figures.get(ind.code);
    const s = u.figures.get(size.code);
    if (f?.status !== 'ok' || s?.status !== 'ok' || s.value <= 0) continue;
    shares.push({ u, value: f.value, size: s.value, share: f.value / s.value, cell: f.cell });
  }
  if (shares.length < MIN_PEERS) return;
  const med = median(shares.map((x) => x.share));
  const mad = median(shares.map((x) => Math.abs(x.share - med)));
  if (!(mad > 0)) return;
  for (const x of shares) {
    const z = (MAD_SCALE * (x.share - med)) / mad;
    if (Math.abs(z) <= limit) continue;
    findings.push(
      finding(
        'outlier',
        { ...place(x.u, ind.code, x.cell), actual: x.value },
        { variant: 'peers', subject: subject(ind, x.u.unit), value: x.value, size: { label: size.name, value: x.size }, share: x.share, median: med, units: shares.length, cell: x.cell ?? undefined },
      ),
    );
  }
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
