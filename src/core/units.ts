// Roster names found in text: header lines, sheet and file names, the unit column of an
// association's table. A figure credited to the wrong unit is the worst error there is, so a
// text names a unit only on evidence, and a text that fits two units names neither:
// - numbers are numbers: "P1", "P.1", "PHƯỜNG 01" are Phường 1, never Phường 10;
// - diacritics decide between roster names equal without them ("Tân Thành" / "Tân Thạnh"); a
//   text written without diacritics fits both and is ambiguous;
// - a level written before a name must be the unit's ("THỊ XÃ HÒA BÌNH" is not "Phường Hòa Bình");
// - a name followed by more name ("Hòa Lạc Mới") is not the shorter roster name.
import type { RosterUnit } from './rules';
import { foldPlain } from './text';
import { memoText } from './memo';
import { LEVELS, LevelWords, NAME_FOLLOWERS, NATIONAL_HEADINGS, ORGANISATION_WORDS, PLACE_SYLLABLE_ORGANISATIONS } from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Words of a name

export interface NameToken {
  /** As written. */
  word: string;
  /** Lower case, no diacritics; numbers without leading zeros ("01" → "1"). */
  folded: string;
  /** Lower case with its marks, the tone kept apart from where it was typed ("hoà" = "hòa"). */
  marked: string;
  /** Whether the word carries any diacritic. */
  hasMarks: boolean;
  /** Words in different cells, lines or path parts never make one name. */
  segment: number;
  /** Punctuation stands between this word and the one before. */
  gap: boolean;
  /** 'upper' "HÒA", 'title' "Hòa", 'lower' "hòa", '' for numbers. */
  caps: 'upper' | 'title' | 'lower' | '';
}

const SEGMENT_SPLIT = /[|\n\r\t/\\]+/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

function canonicalMarks(word: string): string {
  const d = word.normalize('NFD');
  const tone = d.match(TONE_MARKS)?.join('') ?? '';
  return d.replace(TONE_MARKS, '').normalize('NFC') + tone;
}

function capsOf(word: string): NameToken['caps'] {
  if (!/\p{L}/u.test(word)) return '';
  if (word === word.toLowerCase()) return 'lower';
  if (word === word.toUpperCase()) return 'upper';
  return word[0] === word[0].toUpperCase() && word.slice(1) === word.slice(1).toLowerCase() ? 'title' : 'upper';
}

type WordForms = Pick<NameToken, 'folded' | 'marked' | 'hasMarks' | 'caps'>;

// The few thousand words of a round's names and headers recur in every report: each is taken apart
// once. Emptied when it grows large, so odd text cannot grow it without end.
const wordForms = memoText((word: string): WordForms => {
  const lower = word.toLowerCase();
  let folded = foldPlain(lower).replace(/ /g, '');
  if (/^\d/.test(folded)) folded = folded.replace(/^0+(?=\d)/, '');
  const marked = canonicalMarks(lower);
  return { folded, marked, hasMarks: marked !== folded && !/^\d/.test(folded), caps: capsOf(word) };
}, 50_000);

/**
 * The words of a text. `camel` also splits run-together words of file names
 * ("PhuongHoaLac", "P1", "Phuong11"); a single letter after a number stays with it ("12A").
 */
export function nameTokens(text: string, opts: { camel?: boolean } = {}): NameToken[] {
  let s = text.normalize('NFC');
  if (opts.camel) s = s.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  s = s.replace(/(\p{L})(\p{N})/gu, '$1 $2').replace(/(\p{N})(\p{L}{2,})/gu, '$1 $2');
  const out: NameToken[] = [];
  s.split(SEGMENT_SPLIT).forEach((part, segment) => {
    let last = 0;
    for (const m of part.matchAll(WORD)) {
      const word = m[0];
      const between = part.slice(last, m.index);
      out.push({ word, ...wordForms(word), segment, gap: /\S/.test(between) });
      last = (m.index ?? 0) + word.length;
    }
  });
  return out.filter((t) => t.folded !== '');
}

// ---------------------------------------------------------------------------------------------
// Phrases of the vocabulary as folded word lists

const phraseWords = (p: string): string[] => nameTokens(p).map((t) => t.folded);

interface LevelPhrase {
  level: LevelWords;
  words: string[];
  /** The phrase as written, to compare with its diacritics where the text has them. */
  written: NameToken[];
  /** A short form ("p", "kp") counts only right before a name. */
  short: boolean;
  /** The level's party committee ("huyện ủy"): it names the level, never a unit of its own. */
  committee: boolean;
}

const levelPhrase = (level: LevelWords, p: string, short: boolean, committee: boolean): LevelPhrase => ({ level, words: phraseWords(p), written: nameTokens(p), short, committee });

const LEVEL_PHRASES: LevelPhrase[] = LEVELS.flatMap((level) => [
  ...level.committee.map((p) => levelPhrase(level, p, false, true)),
  ...level.words.map((p) => levelPhrase(level, p, false, false)),
  ...level.short.map((p) => levelPhrase(level, p, true, false)),
]).sort((a, b) => b.words.length - a.words.length);

/**
 * A level written at `at`. A word written with diacritics must be the level word as it is
 * spelled ("BÀN" is not "Bản"); one written without them is compared folded (file names,
 * headers typed without marks).
 */
function levelWordsAt(tokens: NameToken[], at: number, p: LevelPhrase): boolean {
  if (!wordsAt(tokens, at, p.words)) return false;
  return p.written.every((w, j) => {
    const t = tokens[at + j];
    return !t.hasMarks || !w.hasMarks || t.marked === w.marked;
  });
}

const ORGANISATIONS: string[][] = ORGANISATION_WORDS.map(phraseWords).sort((a, b) => b.length - a.length);
const FOLLOWERS: NameToken[][] = NAME_FOLLOWERS.map((p) => nameTokens(p));
const PLACE_SYLLABLES = new Set(PLACE_SYLLABLE_ORGANISATIONS.map((w) => phraseWords(w).join(' ')));
const HEADINGS: string[][] = NATIONAL_HEADINGS.map(phraseWords);

/** The words of a text a unit may be named in: the national heading's are left out. */
function unitTokens(text: string, opts: { camel?: boolean } = {}): NameToken[] {
  const tokens = nameTokens(text, opts);
  const out: NameToken[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const heading = HEADINGS.find((h) => wordsAt(tokens, at, h));
    if (heading) at += heading.length - 1;
    else out.push(tokens[at]);
  }
  return out;
}

/**
 * Document words are compared with their diacritics when the text has them: "đầu" (in "6 tháng
 * đầu năm") follows a name, "Đâu" may be one. Written without diacritics, they fold alike.
 */
function followerAt(tokens: NameToken[], at: number): boolean {
  return FOLLOWERS.some((f) => documentWordsAt(tokens, at, f, tokens[at].segment));
}

/** Document words `f` at `at`, every word in part `segment` of the text. */
function documentWordsAt(tokens: NameToken[], at: number, f: NameToken[], segment: number): boolean {
  if (at < 0 || at + f.length > tokens.length) return false;
  return f.every((w, j) => {
    const t = tokens[at + j];
    return t.segment === segment && (t.hasMarks ? t.marked === w.marked : t.folded === w.folded);
  });
}

function wordsAt(tokens: NameToken[], at: number, words: string[]): boolean {
  if (at < 0 || at + words.length > tokens.length) return false;
  const seg = tokens[at].segment;
  return words.every((w, j) => tokens[at + j].folded === w && tokens[at + j].segment === seg);
}

/** The level written right before position `at` ("phường" in "ĐẢNG ỦY PHƯỜNG 7"), with where it starts. */
function levelBefore(tokens: NameToken[], at: number): { level: LevelWords; start: number } | null {
  for (const p of LEVEL_PHRASES) {
    const start = at - p.words.length;
    if (start >= 0 && tokens[start].segment === tokens[at].segment && levelWordsAt(tokens, start, p)) return { level: p.level, start };
  }
  return null;
}

/** A level at the start of a name ("Phường", "P.", "Khu phố"), as in a roster entry. */
function levelAt(tokens: NameToken[], at: number): { level: LevelWords; next: number } | null {
  for (const p of LEVEL_PHRASES) {
    if (levelWordsAt(tokens, at, p) && at + p.words.length < tokens.length) return { level: p.level, next: at + p.words.length };
  }
  return null;
}

/** Whether an organisation's name ends right before `at`, in the same segment. */
function organisationBefore(tokens: NameToken[], at: number): boolean {
  return ORGANISATIONS.some((o) => at - o.length >= 0 && tokens[at - o.length].segment === tokens[at]?.segment && wordsAt(tokens, at - o.length, o));
}

function organisationAt(tokens: NameToken[], at: number): number {
  for (const o of ORGANISATIONS) if (wordsAt(tokens, at, o)) return at + o.length;
  return at;
}

function isFollower(tokens: NameToken[], at: number): boolean {
  return followerAt(tokens, at) || LEVEL_PHRASES.some((p) => !p.short && levelWordsAt(tokens, at, p)) || organisationFollows(tokens, at);
}

/** An organisation's name at `at`; a lone "Hội" or "Đoàn" may be the end of a place name instead. */
function organisationFollows(tokens: NameToken[], at: number): boolean {
  return ORGANISATIONS.some((o) => wordsAt(tokens, at, o) && !(o.length === 1 && PLACE_SYLLABLES.has(o[0])));
}

/** The level a roster's "Cấp" column names ("Phường", "phuong", "P"). */
export function levelNamed(text: string): LevelWords | null {
  const words = phraseWords(text);
  if (words.length === 0) return null;
  const p = LEVEL_PHRASES.find((x) => x.words.length === words.length && x.words.every((w, i) => w === words[i]));
  return p ? p.level : null;
}

// ---------------------------------------------------------------------------------------------
// Roster names

export interface NameKey {
  unit: RosterUnit;
  /** From the roster's "Cấp" column, else from the name's own prefix. */
  level: LevelWords | null;
  core: NameToken[];
  /** "Phường 1", "Khu phố 3": the core is a number, which only counts with its level before it. */
  numbered: boolean;
}

/** A roster name taken apart: organisation words and the level in front, then the distinctive words. */
export function analyseName(unit: RosterUnit, name: string): NameKey | null {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return null;
  // Organisation words count only before a level ("UBND Phường Tân Thành"): "Hội An" is a name.
  const afterOrg = organisationAt(tokens, 0);
  const lead = (afterOrg > 0 ? levelAt(tokens, afterOrg) : null) ?? levelAt(tokens, 0);
  const core = lead ? tokens.slice(lead.next) : tokens;
  // The "Cấp" column is the unit's level now; an alias that writes a level of its own is a former
  // name at that level ("Xã Hòa Lạc", before it became a ward) and is found at it.
  const alias = name !== unit.name;
  const level = (alias ? lead?.level : null) ?? levelNamed(unit.level) ?? lead?.level ?? null;
  return { unit, level, core, numbered: core.length === 1 && /^\d/.test(core[0].folded) };
}

/**
 * Two roster rows are one unit when they are equal after Unicode normalisation, case, the tone's
 * position and the prefix ("Phường 01" and "P. 1"), at the same level. "Tân Thành" and "Tân Thạnh"
 * are two units.
 */
export function rosterKey(unit: RosterUnit): string {
  const k = analyseName(unit, unit.name);
  if (!k) return '';
  return `${k.level?.name ?? ''}\u0000${k.core.map((t) => (/^\d/.test(t.folded) ? t.folded : t.marked)).join(' ')}`;
}

// ---------------------------------------------------------------------------------------------
// Matching

/**
 * `rank`: the depth of the level written before the name, if one is. `stated`: a level or an
 * organisation ("ĐẢNG ỦY", "UBND", "ỦY BAN MTTQ") is written before the name, so the text is
 * about that unit, not a place it mentions ("Bình Thạnh, ngày …").
 */
export type NameReading =
  | { kind: 'unit'; unit: RosterUnit; text: string; rank: number | null; stated: boolean }
  | { kind: 'ambiguous'; units: RosterUnit[]; text: string; why: 'diacritics' | 'level' | 'several'; rank: number | null; stated: boolean }
  | { kind: 'none' };

/**
 * How a text is read: `line` a header line or date line; `name` a sheet or file name (words may
 * run together); `cell` a unit column cell, which must hold nothing but the unit's name.
 */
export type NameMode = 'line' | 'name' | 'cell';

interface Hit {
  keys: NameKey[];
  /** Where the level written before the name starts, else the name. */
  from: number;
  start: number;
  end: number;
  stated: LevelWords | null;
  /** An organisation's name stands right before the name (or its level). */
  org: boolean;
}

const NONE: NameReading = { kind: 'none' };

export class UnitMatcher {
  private readonly keys: NameKey[] = [];
  private readonly byFirst = new Map<string, NameKey[]>();
  private readonly byPair = new Map<string, NameKey[]>();
  private compactByStart: Map<string, number[]> | undefined;
  /** Keys whose core is at least six letters, for file names written without spaces ("tanthanh"). */
  private readonly compact: Array<{ key: NameKey; letters: string }> = [];
  /** The level most of the roster is at: a unit without one is taken to share it. */
  readonly usualLevel: LevelWords | null;

  constructor(readonly roster: RosterUnit[]) {
    const counts = new Map<LevelWords, number>();
    for (const unit of roster) {
      const own = analyseName(unit, unit.name);
      if (own?.level) counts.set(own.level, (counts.get(own.level) ?? 0) + 1);
      for (const n of [unit.name, ...unit.aliases]) {
        const key = n === unit.name ? own : analyseName(unit, n);
        if (!key || key.core.length === 0) continue;
        // An alias without a level ("Hòa Lạc") is at its unit's level.
        if (!key.level) key.level = own?.level ?? null;
        this.keys.push(key);
        const first = key.core[0].folded;
        const list = this.byFirst.get(first) ?? [];
        list.push(key);
        this.byFirst.set(first, list);
        const letters = key.core.map((t) => t.folded).join('');
        if (!key.numbered && letters.length >= 6) this.compact.push({ key, letters });
      }
    }
    let usual: LevelWords | null = null;
    for (const [level, n] of counts) if (!usual || n > (counts.get(usual) ?? 0)) usual = level;
    this.usualLevel = usual;
  }

  /**
   * Readings already made, by mode and text: most lines of a report's header ("CỘNG HÒA XÃ HỘI CHỦ
   * NGHĨA VIỆT NAM", the office above the unit) recur in every report of a round. A reading depends
   * only on the text, the mode and the roster, which does not change. Emptied when it grows large.
   */
  private readonly readings = new Map<string, NameReading>();

  /** What a text says about who wrote it. */
  read(text: string, mode: NameMode): NameReading {
    const key = `${mode}\u0000${text}`;
    let reading = this.readings.get(key);
    if (reading === undefined) {
      if (this.readings.size >= 20_000) this.readings.clear();
      reading = this.readFresh(text, mode);
      this.readings.set(key, reading);
    }
    return reading;
  }

  private readFresh(text: string, mode: NameMode): NameReading {
    const tokens = unitTokens(text, { camel: mode === 'name' });
    let hits = this.hits(tokens, mode);
    if (hits.length === 0 && mode === 'name') hits = this.compactHits(tokens);
    return decide(hits.map((h) => this.resolve(h, tokens)));
  }

  private hits(tokens: NameToken[], mode: NameMode): Hit[] {
    const found: Hit[] = [];
    tokens.forEach((t, at) => {
      for (const key of this.keysAt(tokens, at)) {
        const end = at + key.core.length;
        if (end > tokens.length || !key.core.every((c, j) => tokens[at + j]?.folded === c.folded && tokens[at + j].segment === t.segment)) continue;
        const before = branchOf(levelBefore(tokens, at), key);
        if (!this.levelAgrees(key, before?.level ?? null)) continue;
        if (mode !== 'cell' && (continuesName(tokens, at, end) || precededByName(tokens, before ? before.start : at))) continue;
        if (mode === 'cell' && !fillsCell(tokens, before ? before.start : at, end)) continue;
        const same = found.find((h) => h.start === at && h.end === end);
        if (same) same.keys.push(key);
        else found.push({ keys: [key], from: before ? before.start : at, start: at, end, stated: before?.level ?? null, org: organisationBefore(tokens, before ? before.start : at) });
      }
    });
    // A name inside a longer one found at the same place ("Hòa Lạc" in "Hòa Lạc Mới") is not named.
    return found.filter((h) => !found.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  }

  /**
   * The roster names that may start at a token: those starting with its word, narrowed (in the
   * same order) to those whose second word is the next token's, since a country's roster has
   * hundreds of names sharing a first word. Kept per pair of words.
   */
  private keysAt(tokens: NameToken[], at: number): NameKey[] {
    const all = this.byFirst.get(tokens[at].folded);
    if (!all || all.length < 8) return all ?? [];
    const next = tokens[at + 1]?.folded ?? '';
    const pair = `${tokens[at].folded}\u0000${next}`;
    let keys = this.byPair.get(pair);
    if (!keys) {
      // Bounded: texts are data, and a session may read thousands of files.
      if (this.byPair.size > 20000) this.byPair.clear();
      this.byPair.set(pair, (keys = all.filter((k) => k.core.length === 1 || k.core[1].folded === next)));
    }
    return keys;
  }

  /**
   * The compact names that may be inside a word, in roster order: those whose first three
   * letters are somewhere in it (a country's roster is thousands of names; a word holds few).
   */
  private compactCandidates(word: string): number[] {
    if (!this.compactByStart) {
      this.compactByStart = new Map();
      this.compact.forEach(({ letters }, n) => {
        const start = letters.slice(0, 3);
        const list = this.compactByStart!.get(start);
        if (list) list.push(n);
        else this.compactByStart!.set(start, [n]);
      });
    }
    const found = new Set<number>();
    for (let i = 0; i + 3 <= word.length; i++) for (const n of this.compactByStart.get(word.slice(i, i + 3)) ?? []) found.add(n);
    return [...found].sort((a, b) => a - b);
  }

  /** "bctanthanh2023": a roster name of six letters or more, bounded by the ends, digits or document words. */
  private compactHits(tokens: NameToken[]): Hit[] {
    const found: Hit[] = [];
    tokens.forEach((t, at) => {
      for (const n of this.compactCandidates(t.folded)) {
        const { key, letters } = this.compact[n];
        const i = t.folded.indexOf(letters);
        if (i < 0) continue;
        const rest = t.folded.slice(i + letters.length);
        if (rest && !FOLLOWERS.some((f) => rest === f.map((w) => w.folded).join('')) && !/^\d/.test(rest)) continue;
        const same = found.find((h) => h.start === at);
        if (same) same.keys.push(key);
        else found.push({ keys: [key], from: at, start: at, end: at + 1, stated: null, org: false });
      }
    });
    return found;
  }

  private levelAgrees(key: NameKey, stated: LevelWords | null): boolean {
    if (key.numbered) return stated !== null && (key.level === null || key.level === stated);
    if (!stated) return true;
    const level = key.level ?? this.usualLevel;
    return level === null || level === stated;
  }

  /** One place in the text: its candidate units, narrowed by the diacritics as written. */
  private resolve(hit: Hit, tokens: NameToken[]): NameReading {
    const span = tokens.slice(hit.start, hit.end);
    const text = tokens.slice(hit.from, hit.end).map((t) => t.word).join(' ');
    const rank = hit.stated?.rank ?? null;
    const stated = rank !== null || hit.org;
    const units = [...new Set(hit.keys.map((k) => k.unit))];
    if (units.length === 1) return { kind: 'unit', unit: units[0], text, rank, stated };
    // Twins ("Tân Thành", "Tân Thạnh"): a spelling with diacritics names the one it spells.
    if (span.some((t) => t.hasMarks)) {
      const spelled = [...new Set(hit.keys.filter((k) => k.core.every((c, j) => c.marked === span[j].marked)).map((k) => k.unit))];
      if (spelled.length === 1) return { kind: 'unit', unit: spelled[0], text, rank, stated };
    }
    const levels = new Set(hit.keys.map((k) => k.level ?? this.usualLevel));
    return { kind: 'ambiguous', units, text, why: levels.size > 1 && !hit.stated ? 'level' : 'diacritics', rank, stated };
  }
}

/**
 * An organisation's branch before a unit's name ("Chi hội Quang Trung", "Chi đoàn Phường 3") is
 * the branch in that unit, not a level of its own, unless the roster's units are branches.
 */
const BRANCH_RANK = 5;

function branchOf(before: { level: LevelWords; start: number } | null, key: NameKey): { level: LevelWords; start: number } | null {
  if (before && before.level.rank === BRANCH_RANK && key.level?.rank !== BRANCH_RANK) return null;
  return before;
}

/** More name right after ("Hòa Lạc Mới"): a word of the same case, no punctuation between, not a document word. */
function continuesName(tokens: NameToken[], start: number, end: number): boolean {
  const next = tokens[end];
  if (!next || next.segment !== tokens[start].segment || next.gap || next.caps === '') return false;
  if (isFollower(tokens, end)) return false;
  const last = tokens[end - 1];
  // "Phường Hòa Lạc báo cáo": a lower-case word after a capitalised name is ordinary text.
  if ((last.caps === 'title' || last.caps === 'upper') && next.caps === 'lower') return false;
  return true;
}

/**
 * "Tân Phú Mỹ" is not "Phú Mỹ": a capitalised word right before a name (or its level), in the same
 * part of the text, that is not a level, an organisation's name or a document word ("Báo cáo",
 * "Dân vận", "BC"), makes it a longer name the roster does not hold.
 */
function precededByName(tokens: NameToken[], start: number): boolean {
  const prev = tokens[start - 1];
  const first = tokens[start];
  if (!prev || prev.segment !== first.segment || first.gap || prev.caps === '') return false;
  if (prev.caps === 'lower' && first.caps !== 'lower') return false;
  if (levelBefore(tokens, start) || organisationBefore(tokens, start)) return false;
  // Document words ending right before the name ("Báo cáo Minh Khai", "BaoCaoMinhKhai").
  return !FOLLOWERS.some((f) => documentWordsAt(tokens, start - f.length, f, first.segment));
}

/** A unit column cell holds the name, perhaps after organisation and level words, and nothing else. */
function fillsCell(tokens: NameToken[], start: number, end: number): boolean {
  if (end !== tokens.length) return false;
  let at = 0;
  while (at < start) {
    const next = organisationAt(tokens, at);
    if (next > at) {
      at = next;
      continue;
    }
    const level = levelAt(tokens, at);
    if (level && level.next <= start) {
      at = level.next;
      continue;
    }
    // A row number typed into the name cell ("1. Phường 3").
    if (at === 0 && /^\d+$/.test(tokens[at].folded) && tokens[at + 1]?.gap) {
      at++;
      continue;
    }
    return false;
  }
  return true;
}

/** How much a place says: a level written before it, else an organisation, else nothing. */
function weight(r: Extract<NameReading, { kind: 'unit' }>): number {
  return r.rank !== null ? 2 : r.stated ? 1 : 0;
}

/**
 * Several places in one text: one unit when they agree; when they name different units, the one
 * stated at the deepest level (a header names the levels above a unit before the unit itself),
 * else nobody.
 */
export function decide(readings: NameReading[]): NameReading {
  const named = readings.filter((r): r is Exclude<NameReading, { kind: 'none' }> => r.kind !== 'none');
  if (named.length === 0) return NONE;
  const sure = named.filter((r): r is Extract<NameReading, { kind: 'unit' }> => r.kind === 'unit');
  const units = new Set(sure.map((r) => r.unit));
  const unsure = named.filter((r): r is Extract<NameReading, { kind: 'ambiguous' }> => r.kind === 'ambiguous');
  if (units.size === 1) {
    const [unit] = units;
    // An ambiguous place that could not be this unit names someone else too. Where several
    // places agree, the one that states the level is the evidence ("PHƯỜNG HÒA LẠC", not "Hòa Lạc, ngày …").
    if (unsure.every((r) => r.units.includes(unit))) return sure.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  }
  if (units.size > 1) {
    const deepest = Math.max(...sure.map((r) => r.rank ?? 0));
    const atDeepest = sure.filter((r) => (r.rank ?? 0) === deepest && deepest > 0);
    const deepUnits = new Set(atDeepest.map((r) => r.unit));
    if (deepUnits.size === 1 && unsure.length === 0) return atDeepest[0];
  }
  if (units.size === 0 && unsure.length > 0) {
    const common = unsure[0].units.filter((u) => unsure.every((r) => r.units.includes(u)));
    if (common.length === 1) return { kind: 'unit', unit: common[0], text: unsure[0].text, rank: unsure[0].rank, stated: unsure.some((r) => r.stated) };
    if (unsure.length === 1) return unsure[0];
  }
  const all = [...new Set([...sure.map((r) => r.unit), ...unsure.flatMap((r) => r.units)])];
  return { kind: 'ambiguous', units: all, text: named.map((r) => r.text).join(', '), why: 'several', rank: null, stated: named.some((r) => r.stated) };
}

/**
 * A unit a line names by its level, whether the roster holds it or not ("ĐẢNG ỦY XÃ HÒA LẠC MỚI"
 * → "Xã Hòa Lạc Mới"): the name a report goes by when it names no roster unit. Levels above
 * `minRank` (the district over a ward) are passed over.
 */
export function writtenUnit(text: string, minRank: number): { name: string; rank: number } | null {
  const tokens = unitTokens(text);
  for (let at = 0; at < tokens.length; at++) {
    // An organisation's name is passed over whole: "BAN CHẤP HÀNH" is a board, not the hamlet "Bản".
    const afterOrg = organisationAt(tokens, at);
    if (afterOrg > at) {
      at = afterOrg - 1;
      continue;
    }
    // The longest level written here: "thị xã" is a town even though it ends in "xã".
    const lead = LEVEL_PHRASES.find((p) => !p.short && levelWordsAt(tokens, at, p));
    if (!lead) continue;
    if (lead.level.rank < minRank || lead.committee) {
      at += lead.words.length - 1;
      continue;
    }
    const words: string[] = [];
    let i = at + lead.words.length;
    while (i < tokens.length && tokens[i].segment === tokens[at].segment && (words.length === 0 || !tokens[i].gap) && !isFollower(tokens, i)) {
      const t = tokens[i];
      words.push(/^\d/.test(t.folded) ? t.folded : t.word[0].toLocaleUpperCase('vi') + t.word.slice(1).toLocaleLowerCase('vi'));
      i++;
    }
    if (words.length) return { name: `${lead.level.name} ${words.join(' ')}`, rank: lead.level.rank };
  }
  return null;
}
