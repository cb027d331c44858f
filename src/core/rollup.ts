// Area figures: counts summed over the units used, rates recomputed from the summed parts
// (never an average of the units' rates). A value left out makes its total incomplete.
import { Figure, makeLookup } from './checks';
import { Rules } from './rules';

export interface Rollup {
  totals: Map<string, number>;
  ratios: Map<string, number>;
  /** Codes whose total leaves out at least one invalid or missing value. */
  incomplete: Map<string, string[]>;
}

export function computeRollup(units: Array<{ unit: string; figures: Map<string, Figure> }>, rules: Rules): Rollup {
  const totals = new Map<string, number>();
  const incomplete = new Map<string, string[]>();
  for (const ind of rules.indicators) {
    if (ind.formula || ind.rate) continue;
    let sum = 0;
    let any = false;
    for (const u of units) {
      const f = u.figures.get(ind.code);
      if (f?.status === 'ok') {
        sum += f.value;
        any = true;
      } else if (f?.status === 'invalid' || f?.status === 'missing') {
        const list = incomplete.get(ind.code) ?? [];
        list.push(u.unit);
        incomplete.set(ind.code, list);
      }
    }
    if (any) totals.set(ind.code, sum);
  }
  const lookup = areaLookup(totals, rules);
  const ratios = new Map<string, number>();
  for (const ind of rules.indicators) {
    if (!ind.formula) continue;
    const v = lookup(ind.code);
    if (v !== undefined) ratios.set(ind.code, v);
  }
  return { totals, ratios, incomplete };
}

/** Values over the area: a count's total, or a rate's formula over the totals of its parts. */
export function areaLookup(totals: ReadonlyMap<string, number>, rules: Rules): (code: string) => number | undefined {
  const figures = new Map<string, Figure>();
  for (const [code, value] of totals) figures.set(code, { status: 'ok', value, cell: null });
  return makeLookup(figures, rules);
}
