// The same period last year ("Cùng kỳ"), where reports carry that column: each unit's figure
// as it wrote it, and the area's, compared like for like (this year's sum over the very units
// that gave last year's figure), so a unit without a "Cùng kỳ" never reads as a fall.
import { Figure } from './checks';
import { codesOf, evaluate } from './expressions';
import { UnitReport } from './layout';
import { MAX_FIGURE, rateAsFraction } from './numbers';
import { Indicator, Rules } from './rules';

export interface LastYearFigure {
  value: number;
  cell: string;
}

/** The area's figure this year and last, over the units that gave both. */
export interface AreaChange {
  now: number;
  before: number;
  /** Units that gave both figures, of the units that gave this year's. */
  units: number;
  of: number;
}

export interface LastYear {
  /** Each unit's "Cùng kỳ" figure by code (rates as fractions). */
  byUnit: Map<string, Map<string, LastYearFigure>>;
  /** Counts summed, rates from their summed parts (only when every part is complete). */
  area: Map<string, AreaChange>;
}

interface UnitInput {
  unit: string;
  report: UnitReport | null;
  figures: Map<string, Figure>;
}

/** A unit's "Cùng kỳ" figures: numbers only; a blank or a note there is simply no comparison. */
export function unitLastYear(report: UnitReport, rules: Rules): Map<string, LastYearFigure> {
  const out = new Map<string, LastYearFigure>();
  for (const [code, entry] of report.entries) {
    const ind = rules.byCode.get(code);
    const r = entry.lastYear?.reading;
    if (!ind || !r || r.kind !== 'number' || r.value < 0 || Math.abs(r.value) > MAX_FIGURE) continue;
    out.set(code, { value: ind.rate ? rateAsFraction(r) : r.value, cell: entry.lastYear!.address });
  }
  return out;
}

/** Null when no report read carries a "Cùng kỳ" figure. */
export function lastYearOf(units: UnitInput[], rules: Rules): LastYear | null {
  const byUnit = new Map<string, Map<string, LastYearFigure>>();
  for (const u of units) if (u.report) byUnit.set(u.unit, unitLastYear(u.report, rules));
  if (![...byUnit.values()].some((m) => m.size > 0)) return null;
  const area = new Map<string, AreaChange>();
  for (const ind of rules.indicators) {
    if (ind.rate || ind.formula) continue;
    const c = countChange(ind, units, byUnit);
    if (c) area.set(ind.code, c);
  }
  for (const ind of rules.indicators) {
    if (!ind.formula) continue;
    const c = rateChange(ind, area);
    if (c) area.set(ind.code, c);
  }
  return { byUnit, area };
}

function countChange(ind: Indicator, units: UnitInput[], byUnit: Map<string, Map<string, LastYearFigure>>): AreaChange | null {
  let now = 0;
  let before = 0;
  let both = 0;
  let of = 0;
  for (const u of units) {
    const f = u.figures.get(ind.code);
    if (f?.status !== 'ok') continue;
    of++;
    const last = byUnit.get(u.unit)?.get(ind.code);
    if (!last) continue;
    both++;
    now += f.value;
    before += last.value;
  }
  return both ? { now, before, units: both, of } : null;
}

/** A rate's formula over its parts' sums, only when each part compares every unit that gave it. */
function rateChange(ind: Indicator, area: Map<string, AreaChange>): AreaChange | null {
  const parts = codesOf(ind.formula!).map((c) => area.get(c));
  if (parts.some((p) => !p || p.units !== p.of)) return null;
  const value = (key: 'now' | 'before') => evaluate(ind.formula!, (c) => area.get(c)?.[key]);
  const now = value('now');
  const before = value('before');
  if (now === undefined || before === undefined || !Number.isFinite(now) || !Number.isFinite(before)) return null;
  const units = Math.min(...parts.map((p) => p!.units));
  return { now, before, units, of: units };
}

/** The change as a share of last year's figure; null when last year's was zero. */
export function relativeChange(c: { now: number; before: number }): number | null {
  return c.before === 0 ? null : (c.now - c.before) / c.before;
}
