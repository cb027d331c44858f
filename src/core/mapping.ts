// Mapping a report's row label (or column header) to an indicator: by its name and aliases,
// in the section it stands under. "Tổng số hội viên" under "HỘI NÔNG DÂN" is HND_HV, under
// "HỘI CỰU CHIẾN BINH" it is CCB_HV, and with no section at all it is ambiguous, so unmapped.
import { Indicator, Rules } from './rules';
import { fold, tokens } from './text';
import { NOT_ACHIEVED_WORDS, UNIT_OF_MEASURE_HEADERS } from './vocabulary';

export type MatchResult =
  | { status: 'matched'; indicator: Indicator; score: number }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'none' };

interface Name {
  indicator: Indicator;
  folded: string;
  tokens: Set<string>;
}

// Leading enumerators and child markers: "1.", "1.1", "a)", "-", "+", "•", "Trong đó:".
const ENUMERATOR = /^(?:(?:\d+(?:\.\d+)*\.?|[a-zđ][).]|[ivxlc]+[.)]|[-+•*–—·])\s*|trong đó\s*:?\s*|tr\.\s*đó\s*:?\s*)+/i;

export function cleanLabel(label: string): string {
  return label.replace(ENUMERATOR, '').trim();
}

/**
 * A row label ready to match: as written without its enumerator, and folded. `folded` is the
 * grid's fold of the whole cell; only the enumerator's few characters are folded again, to know
 * how many words to drop, so the label itself is folded once.
 */
export interface Label {
  text: string;
  folded: string;
}

export function labelOf(text: string, folded: string): Label {
  const m = ENUMERATOR.exec(text);
  if (!m || m[0].length === 0) return { text: text.trim(), folded };
  const drop = tokens(m[0]).length;
  return { text: text.slice(m[0].length).trim(), folded: folded.split(' ').slice(drop).join(' ') };
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

const MIN_SCORE = 0.72;
const SECTION_BONUS = 0.15;
const OTHER_SECTION_PENALTY = 0.3;
const TIE_MARGIN = 0.02;
const NOT_ACHIEVED: string[] = NOT_ACHIEVED_WORDS.map(fold);

/** Words of a plan, a target, last year or a year ("năm 2022") in a folded label. */
export function qualifiersOf(f: string): string[] {
  const padded = ` ${f} `;
  const found = NOT_ACHIEVED.filter((w) => padded.includes(` ${w} `));
  for (const m of f.matchAll(/\b(?:19|20)\d\d\b/g)) found.push(m[0]);
  return found;
}

export class IndicatorMatcher {
  private names: Name[] = [];
  private exactNames = new Map<string, Indicator[]>();
  private sections: Array<{ name: string; tokens: Set<string>; folded: string }> = [];
  /** Units of measure ("người", "%") and codes ("HND_HV") as a header row of their own writes them. */
  private unitsAndCodes = new Set<string>();

  constructor(rules: Rules) {
    for (const unit of [...rules.indicators.map((ind) => ind.unitOfMeasure), ...UNIT_OF_MEASURE_HEADERS]) {
      if (unit.trim()) this.unitsAndCodes.add(fold(unit) || unit.trim());
    }
    for (const ind of rules.indicators) this.unitsAndCodes.add(ind.code.toLowerCase());
    for (const ind of rules.indicators) {
      for (const n of [ind.name, ...ind.aliases]) {
        const folded = fold(cleanLabel(n));
        if (!folded) continue;
        this.names.push({ indicator: ind, folded, tokens: new Set(folded.split(' ')) });
        const same = this.exactNames.get(folded) ?? [];
        if (!same.includes(ind)) same.push(ind);
        this.exactNames.set(folded, same);
      }
    }
    for (const s of rules.sections) {
      const folded = fold(s);
      this.sections.push({ name: s, folded, tokens: new Set(folded.split(' ')) });
    }
  }

  /** Whether a header cell is only a unit of measure or an indicator's code (a row of units or codes under the names). */
  isUnitOrCode(text: string): boolean {
    const t = text.trim();
    return this.unitsAndCodes.has(t.toLowerCase()) || this.unitsAndCodes.has(fold(t) || t);
  }

  /** The rules section a (folded) section heading names ("I. HỘI NÔNG DÂN" → "Hội Nông dân"), or null. */
  section(folded: string): string | null {
    const f = folded.replace(/^(?:(?:[ivxlc]+|[a-h]|\d+|phan|muc)\s+)+/, '');
    if (!f) return null;
    const toks = new Set(f.split(' '));
    let best: { name: string; score: number } | null = null;
    for (const s of this.sections) {
      const score = s.folded === f ? 1 : dice(toks, s.tokens);
      if (!best || score > best.score) best = { name: s.name, score };
    }
    if (best && best.score >= 0.6) return best.name;
    // A heading by the section's short name ("5. Phụ nữ" for "Hội Liên hiệp Phụ nữ"): two words or
    // more, all in one section's name and in no other's.
    const holding = toks.size >= 2 ? this.sections.filter((s) => [...toks].every((t) => s.tokens.has(t))) : [];
    return holding.length === 1 ? holding[0].name : null;
  }

  /** A section named anywhere in a (folded) title line ("BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN NĂM 2023"). */
  sectionIn(folded: string): string | null {
    const toks = folded.split(' ');
    let best: { name: string; len: number } | null = null;
    for (const s of this.sections) {
      const need = s.folded.split(' ');
      if (need.length === 0 || (best && need.length <= best.len)) continue;
      for (let i = 0; i + need.length <= toks.length; i++) {
        if (need.every((t, j) => toks[i + j] === t)) {
          best = { name: s.name, len: need.length };
          break;
        }
      }
    }
    return best ? best.name : null;
  }

  /** The one indicator a folded label names exactly (its name or an alias) in its section, or null. */
  exactly(f: string, section: string | null): Indicator | null {
    const exact = this.exactNames.get(f)?.filter((i) => !section || !i.section || i.section === section) ?? [];
    const own = exact.filter((i) => i.section === section);
    return exact.length === 1 ? exact[0] : own.length === 1 ? own[0] : null;
  }

  /**
   * Matches a folded label (see labelOf) in the section it stands under. With `qualifiers` (see
   * qualifiersOf), a name that lacks any of them is no match: "Kế hoạch kết nạp hội viên mới" is not
   * "Kết nạp hội viên mới".
   */
  match(f: string, section: string | null, used?: ReadonlySet<string>, qualifiers: string[] = []): MatchResult {
    if (!f) return { status: 'none' };
    // Most rows are the template's own wording: one exact name in the row's section settles it
    // without scoring every name.
    const exact = this.exactNames.get(f)?.filter((i) => !used?.has(i.code) && (!section || !i.section || i.section === section));
    if (exact && exact.length === 1 && (section === null || exact[0].section === section)) {
      return { status: 'matched', indicator: exact[0], score: section && exact[0].section ? 1 + SECTION_BONUS : 1 };
    }
    const toks = new Set(f.split(' '));
    const best = new Map<string, { indicator: Indicator; score: number }>();
    for (const n of this.names) {
      if (qualifiers.length && n.folded !== f && !qualifiers.every((q) => ` ${n.folded} `.includes(` ${q} `))) continue;
      let score = n.folded === f ? 1 : dice(toks, n.tokens);
      // The threshold applies to the words alone; the section only ranks matches that pass it.
      if (score < MIN_SCORE) continue;
      if (section && n.indicator.section) score += n.indicator.section === section ? SECTION_BONUS : -OTHER_SECTION_PENALTY;
      const prev = best.get(n.indicator.code);
      if (!prev || score > prev.score) best.set(n.indicator.code, { indicator: n.indicator, score });
    }
    let candidates = [...best.values()];
    // When the row's own section has a match, even one already used, other sections' look-alikes
    // are not candidates: a second "Tổng số hội viên" under Hội Nông dân is not the veterans' one.
    if (section && candidates.some((c) => c.indicator.section === section)) candidates = candidates.filter((c) => c.indicator.section === section);
    const ranked = candidates.filter((c) => !used?.has(c.indicator.code)).sort((a, b) => b.score - a.score);
    if (ranked.length === 0) return { status: 'none' };
    if (ranked.length > 1 && ranked[0].score - ranked[1].score < TIE_MARGIN) {
      return { status: 'ambiguous', candidates: ranked.filter((c) => ranked[0].score - c.score < TIE_MARGIN).map((c) => c.indicator.code) };
    }
    return { status: 'matched', indicator: ranked[0].indicator, score: ranked[0].score };
  }
}
