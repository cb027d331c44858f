// Naming the unit of a report: the roster names are matched in a header line
// ("ĐẢNG ỦY PHƯỜNG HÒA LẠC"), a sheet name or a file name ("BC-DanVan-2023-PhuongHoaLac"),
// ignoring case, diacritics and prefixes ("Phường", "P.", "Xã", "X.").
import { RosterUnit } from './rules';
import { fold, foldCompact } from './text';

const LEVEL_WORDS = ['thi tran', 'thi xa', 'thanh pho', 'phuong', 'xa', 'huyen', 'quan', 'tinh'];
const PREFIX = /^(?:(?:dang uy|dang bo|chi bo|uy ban nhan dan|ubnd|uy ban mttq|uy ban mat tran to quoc|mat tran to quoc|ban dan van|hoi|cong doan)\s+)*(?:thi tran|thi xa|thanh pho|phuong|xa|huyen|quan|tinh)\s+/;

/** The distinctive part of a unit name: "Phường Hòa Lạc" → "hoa lac". */
export function coreName(name: string): string {
  const f = fold(name);
  const stripped = f.replace(PREFIX, '');
  return stripped || f;
}

function levelOf(unit: RosterUnit): string {
  const l = fold(unit.level);
  if (l) return l;
  const f = fold(unit.name);
  return LEVEL_WORDS.find((w) => f.startsWith(w + ' ')) ?? '';
}

interface Key {
  unit: RosterUnit;
  tokens: string[];
  compact: string;
  level: string;
}

export class UnitMatcher {
  private keys: Key[] = [];
  /**
   * Keys by their first two words (or their only word): a line is looked up word by word, not
   * against the whole roster, and many names share a first word ("Tân …", "Hòa …").
   */
  private byLead = new Map<string, Key[]>();
  private byFolded = new Map<string, RosterUnit>();

  constructor(readonly roster: RosterUnit[]) {
    for (const unit of roster) {
      const level = levelOf(unit);
      for (const n of [unit.name, ...unit.aliases]) {
        const core = coreName(n);
        if (!core) continue;
        const key: Key = { unit, tokens: core.split(' '), compact: core.replace(/ /g, ''), level };
        this.keys.push(key);
        const lead = key.tokens.slice(0, 2).join(' ');
        const list = this.byLead.get(lead) ?? [];
        list.push(key);
        this.byLead.set(lead, list);
        this.byFolded.set(fold(n), unit);
        this.byFolded.set(core, unit);
      }
    }
  }

  /** A cell that is nothing but a unit name (the unit column of a unit-per-row table). */
  exact(text: string): RosterUnit | null {
    const f = fold(text);
    const direct = this.byFolded.get(f);
    if (direct) return direct;
    const unit = this.byFolded.get(coreName(text));
    if (!unit) return null;
    // "Phường Yên Bình" is not "Xã Yên Bình": a level written in the cell must agree.
    const toks = f.split(' ');
    const core = coreName(text).split(' ');
    return conflictsWithLevel(toks, toks.length - core.length, levelOf(unit)) ? null : unit;
  }

  /** A unit named somewhere inside a line of text; null when none or when two differ. */
  inText(text: string): RosterUnit | null {
    const r = this.search(text);
    return r === 'ambiguous' ? null : r;
  }

  private search(text: string): RosterUnit | null | 'ambiguous' {
    const toks = fold(text).split(' ').filter(Boolean);
    let best: Key | null = null;
    let tie = false;
    // Every place a name stands counts: "THỊ XÃ HÒA BÌNH … PHƯỜNG HÒA BÌNH" names the ward at its second.
    const found = new Set<Key>();
    const consider = (keys: Key[] | undefined, at: number) => {
      for (const key of keys ?? []) {
        if (found.has(key) || at + key.tokens.length > toks.length) continue;
        if (key.tokens.every((k, j) => toks[at + j] === k) && !conflictsWithLevel(toks, at, key.level)) found.add(key);
      }
    };
    toks.forEach((t, at) => {
      consider(this.byLead.get(t), at);
      if (at + 1 < toks.length) consider(this.byLead.get(`${t} ${toks[at + 1]}`), at);
    });
    for (const key of found) {
      if (!best || key.tokens.length > best.tokens.length) {
        best = key;
        tie = false;
      } else if (key.tokens.length === best.tokens.length && key.unit !== best.unit) {
        tie = true;
      }
    }
    if (!best) return null;
    return tie ? 'ambiguous' : best.unit;
  }

  /** A unit named in a file or sheet name, where words may run together ("PhuongHoaLac"). */
  inName(name: string): RosterUnit | null {
    const spaced = this.search(name.replace(/([a-zà-ỹđ])([A-ZÀ-ỸĐ])/g, '$1 $2'));
    if (spaced === 'ambiguous') return null;
    if (spaced) return spaced;
    const compact = foldCompact(name);
    const hits = this.keys.filter((key) => key.compact.length >= 3 && compact.includes(key.compact));
    // Two different units in one name ("HoaLac-TanThanh") is no answer, unless one name
    // contains the other ("hoalac" inside "hoalacmoi").
    const units = new Set(hits.map((h) => h.unit));
    if (units.size === 1) return hits[0].unit;
    const longest = hits.reduce<Key | null>((a, h) => (!a || h.compact.length > a.compact.length ? h : a), null);
    if (longest && hits.every((h) => h.unit === longest.unit || longest.compact.includes(h.compact))) return longest.unit;
    return null;
  }
}

// "THỊ XÃ HÒA BÌNH" must not name "Phường Hòa Bình": the word before the name says the level.
function conflictsWithLevel(toks: string[], at: number, level: string): boolean {
  if (!level) return false;
  const before2 = toks.slice(Math.max(0, at - 2), at).join(' ');
  const before1 = at > 0 ? toks[at - 1] : '';
  const stated = LEVEL_WORDS.find((w) => before2 === w || before2.endsWith(' ' + w) || before1 === w);
  if (!stated) return false;
  // "thi xa" ends in "xa": look at the two-word form first.
  const two = LEVEL_WORDS.find((w) => w.includes(' ') && before2 === w);
  const said = two ?? stated;
  return said !== level && !level.startsWith(said) && !said.startsWith(level);
}
