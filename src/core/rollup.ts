// Area figures: counts summed over the units used, rates recomputed from the summed parts
// (never an average of the units' rates). A value left out makes its total incomplete. A rate
// whose parts are not given by the same units (one unit's numerator is "khoảng 40") is computed
// like for like, over the units that gave every part: otherwise 56 members over 48 eligible
// would read as 116,67 %.
import { Figure, makeLookup } from './checks';
import { Expr, codesOf } from './expressions';
import { Indicator, Rules } from './rules';

export interface Rollup {
  totals: Map<string, number>;
  ratios: Map<string, number>;
  /** Codes whose total leaves out at least one invalid or missing value. */
  incomplete: Map<string, string[]>;
  /** Rates computed over fewer units than their parts' totals: the parts over those units. */
  rateBasis: Map<string, RateBasis>;
}

export interface RateBasis {
  /** Each part's sum over the units that gave every part. */
  parts: Map<string, number>;
  /** Units that gave every part, of those that gave any. */
  units: number;
  of: number;
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
  const rateBasis = new Map<string, RateBasis>();
  for (const ind of rules.indicators) {
    if (!ind.formula) continue;
    const parts = leafCodes(ind, rules);
    // Sums and differences add up whatever the units; only a quotient needs the same units above and below.
    const basis = divides(ind, rules) && parts.some((c) => incomplete.has(c)) ? likeForLike(units, parts) : null;
    const v = basis ? areaLookup(basis.parts, rules)(ind.code) : lookup(ind.code);
    if (basis && basis.units > 0) rateBasis.set(ind.code, basis);
    if (v !== undefined && (!basis || basis.units > 0)) ratios.set(ind.code, v);
  }
  return { totals, ratios, incomplete, rateBasis };
}

/** The counted codes a derived indicator rests on, through the formulas of derived parts. */
export function leafCodes(ind: Indicator, rules: Rules, seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const code of ind.formula ? codesOf(ind.formula) : [ind.code]) {
    const part = rules.byCode.get(code);
    if (part?.formula && !seen.has(code)) out.push(...leafCodes(part, rules, seen.add(code)));
    else if (!part?.formula) out.push(code);
  }
  return [...new Set(out)];
}

function divides(ind: Indicator, rules: Rules, seen = new Set<string>()): boolean {
  const walk = (e: Expr): boolean => {
    if (e.type === 'arith') return e.op === '/' || walk(e.left) || walk(e.right);
    if (e.type === 'compare') return walk(e.left) || walk(e.right);
    if (e.type === 'negate') return walk(e.arg);
    if (e.type !== 'code' || seen.has(e.code)) return false;
    const part = rules.byCode.get(e.code);
    return !!part?.formula && divides(part, rules, seen.add(e.code));
  };
  return !!ind.formula && walk(ind.formula);
}

/** The parts summed over the units that gave a number for every one of them. */
function likeForLike(units: Array<{ figures: Map<string, Figure> }>, codes: string[]): RateBasis {
  const parts = new Map<string, number>(codes.map((c) => [c, 0]));
  let n = 0;
  let of = 0;
  for (const u of units) {
    const values = codes.map((c) => u.figures.get(c));
    if (values.some((f) => f?.status === 'ok')) of++;
    if (!values.every((f) => f?.status === 'ok')) continue;
    n++;
    codes.forEach((c, i) => parts.set(c, parts.get(c)! + (values[i] as { value: number }).value));
  }
  return { parts, units: n, of };
}

/** Values over the area: a count's total, or a rate's formula over the totals of its parts. */
export function areaLookup(totals: ReadonlyMap<string, number>, rules: Rules): (code: string) => number | undefined {
  const figures = new Map<string, Figure>();
  for (const [code, value] of totals) figures.set(code, { status: 'ok', value, cell: null });
  return makeLookup(figures, rules);
}
