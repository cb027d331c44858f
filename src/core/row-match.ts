// Which row of a unit's own report (or column of an association's table) gives which indicator. Clerks put other rows beside the real
// one: a plan line, last year's figure, the women among the members, an old copy left hidden. A
// row is taken by its template code first, then by naming an indicator exactly, then by resembling
// one; a row that names an indicator exactly wins it over one that only resembles it, wherever
// the two stand, and a row the sheet shows wins over a hidden one. A second row naming a taken
// indicator exactly is said, never silently passed over or summed.
import { IndicatorMatcher, qualifiersOf } from './mapping';
import { Indicator } from './rules';

export interface RowToMatch {
  /** The label, folded, without its enumerator. */
  folded: string;
  section: string | null;
  hidden: boolean;
  /** The indicator the template's hidden code column gives, if any. */
  coded: Indicator | null;
}

export type RowMatch =
  | { status: 'matched'; indicator: Indicator }
  /** Names an indicator another row (index `first`) already gives. */
  | { status: 'again'; indicator: Indicator; first: number }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'none' };

/** `year`: the report's, when known; a label naming another year is not this year's figure. */
export function matchRows(rows: RowToMatch[], matcher: IndicatorMatcher, year: number | null): RowMatch[] {
  const out: RowMatch[] = rows.map(() => ({ status: 'none' }));
  const taken = new Map<string, number>();
  // The rows the sheet shows first, then the hidden ones; each group in the sheet's order.
  for (const hidden of [false, true]) {
    const group = [...rows.keys()].filter((i) => rows[i].hidden === hidden);
    matchGroup(group, rows, matcher, year, out, taken);
  }
  return out;
}

function matchGroup(group: number[], rows: RowToMatch[], matcher: IndicatorMatcher, year: number | null, out: RowMatch[], taken: Map<string, number>): void {
  const take = (i: number, indicator: Indicator) => {
    out[i] = { status: 'matched', indicator };
    taken.set(indicator.code, i);
  };
  for (const i of group) {
    const c = rows[i].coded;
    if (c && !taken.has(c.code)) take(i, c);
  }
  for (const i of group) {
    if (out[i].status !== 'none') continue;
    const ind = matcher.exactly(rows[i].folded, rows[i].section);
    if (ind && !taken.has(ind.code)) take(i, ind);
  }
  for (const i of group) {
    if (out[i].status !== 'none') continue;
    const { folded, section } = rows[i];
    // A row naming a taken indicator exactly is that indicator again, never a look-alike of another.
    const again = matcher.exactly(folded, section);
    if (again) {
      out[i] = { status: 'again', indicator: again, first: taken.get(again.code)! };
      continue;
    }
    // A year counts against a label only when the report's own is known and differs.
    const qualifiers = qualifiersOf(folded).filter((q) => !/^\d{4}$/.test(q) || (year !== null && q !== String(year)));
    const m = matcher.match(folded, section, new Set(taken.keys()), qualifiers);
    if (m.status === 'matched') take(i, m.indicator);
    else if (m.status === 'ambiguous') out[i] = m;
  }
}
