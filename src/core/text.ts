// Text of cells: normalising, repairing legacy-encoded Vietnamese, and folding labels for matching.
// Pure TypeScript (also bundled for the browser): no Node modules, no npm packages.
// Everything here runs on every text cell of thousands of workbooks, so regexes and tables are
// built once at load time and the common cases (ASCII, already-Unicode text) leave early.

import { CP1252_HIGH, TCVN3_TO_UNICODE, VNI_TABLE } from './legacy-tables';
import { ABBREVIATIONS, PLACE_PREFIXES, PhraseMode, PhraseRule } from './vocabulary';
import { memoText } from './memo';

export { ABBREVIATIONS, PLACE_PREFIXES };

// ---------------------------------------------------------------------------------------------
// normalizeText

// Zero-width characters are removed rather than turned into spaces: they sit inside words
// (pasted from web pages and Word) and a space there would split the word.
const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF]/g;
// \s already covers NBSP and the other Unicode spaces, tabs and line breaks; U+0085 (NEL) is the
// one line break it misses.
const WHITESPACE_RE = /[\s\u0085]+/g;

function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** Whitespace other than the ASCII space (what WHITESPACE_RE matches beyond it). */
function isOtherSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Characters that are NFC and never compose with a neighbour: Latin up to U+02FF, the
 * precomposed Vietnamese block, and the punctuation Windows-1252 adds. Text made only of these
 * is already NFC, which spares normalize() on nearly every cell (the test checks every pair).
 */
function isNfcSafe(c: number): boolean {
  return (
    c < 0x300 ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    c === 0x20ac ||
    c === 0x2122
  );
}

export function normalizeText(s: string): string {
  let zeroWidth = false;
  let spaces = false;
  let nfc = false;
  // True at the start, so a leading space counts as a space to remove.
  let afterSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) spaces = true;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (c < 0x80 && c > 0x20) continue;
    if (isOtherSpace(c)) spaces = true;
    else if (isZeroWidth(c)) zeroWidth = true;
    else if (!isNfcSafe(c)) nfc = true;
  }
  if (afterSpace && s.length > 0) spaces = true;
  if (!zeroWidth && !spaces && !nfc) return s;
  let t = s;
  // Removing a zero-width character can leave spaces doubled or at an end, so spaces follow it.
  if (zeroWidth) t = t.replace(ZERO_WIDTH_RE, '');
  if (zeroWidth || spaces) t = t.replace(WHITESPACE_RE, ' ').trim();
  // NFC last: removing a zero-width character can bring a base letter and a combining mark
  // together, and composing before that would leave the result not NFC (and not idempotent).
  if (nfc) t = t.normalize('NFC');
  return t;
}

// ---------------------------------------------------------------------------------------------
// Legacy encodings

export type LegacyEncoding = 'unicode' | 'tcvn3' | 'vni';

// Legacy text arrives as the Windows-1252 rendering of its bytes; these map it back to bytes.
const CP1252_TO_BYTE: ReadonlyMap<number, number> = new Map(
  CP1252_HIGH.map((code, i) => [code, 0x80 + i] as [number, number]).filter(([code]) => code > 0xff),
);

const TCVN3_CHARS: readonly string[] = TCVN3_TO_UNICODE.map((c) => String.fromCharCode(c));

/** True when the character could be the Windows-1252 view of some byte. */
function isByteChar(code: number): boolean {
  return code <= 0xff || CP1252_TO_BYTE.has(code);
}

function decodeTcvn3Raw(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code <= 0xff) {
      out += TCVN3_CHARS[code];
    } else {
      const byte = CP1252_TO_BYTE.get(code);
      out += byte === undefined ? s[i] : TCVN3_CHARS[byte];
    }
  }
  return out;
}

// VNI letters are a base letter plus an optional mark character, or one of a few single characters.
// Pairs are also accepted with the mark in the other case (text typed with Caps Lock or Shift
// mixed up); the letter's case follows the base, which is what the reader sees.
const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLES = new Map<string, string>();
for (const [uni, vni] of VNI_TABLE) {
  if (vni.length === 1) {
    VNI_SINGLES.set(vni, uni);
  } else {
    const base = vni[0];
    const mark = vni[1];
    VNI_PAIRS.set(base + mark, uni);
    const otherCase = mark === mark.toLowerCase() ? mark.toUpperCase() : mark.toLowerCase();
    if (!VNI_PAIRS.has(base + otherCase)) VNI_PAIRS.set(base + otherCase, uni);
  }
}

function decodeVniRaw(s: string): string {
  let out = '';
  const n = s.length;
  let i = 0;
  while (i < n) {
    const ch = s[i];
    // Every VNI mark is in U+00C0-U+00FF, so a cheap range test avoids most map lookups.
    if (i + 1 < n && s.charCodeAt(i + 1) >= 0xc0 && s.charCodeAt(i + 1) <= 0xff) {
      const pair = VNI_PAIRS.get(ch + s[i + 1]);
      if (pair !== undefined) {
        out += pair;
        i += 2;
        continue;
      }
    }
    out += VNI_SINGLES.get(ch) ?? ch;
    i++;
  }
  return out;
}

function decodeRaw(s: string, encoding: 'tcvn3' | 'vni'): string {
  return encoding === 'tcvn3' ? decodeTcvn3Raw(s) : decodeVniRaw(s);
}

/**
 * Decode text whose characters are the Windows-1252 view of legacy bytes.
 * The result is normalised (NFC, spaces collapsed, trimmed), as for 'unicode'.
 */
export function decodeLegacy(s: string, encoding: LegacyEncoding): string {
  if (encoding === 'unicode') return normalizeText(s);
  return normalizeText(decodeRaw(s, encoding));
}

// ---------------------------------------------------------------------------------------------
// Detection

const TCVN3_FONT_RE = /^\.vn/i;
const VNI_FONT_RE = /^vni[- ]/i;
// ABC "H" fonts (.VnTimeH, .VnArialH ...) draw every letter as a capital: TCVN3 has no code for
// capital toned letters, so they are typed with the lower-case codes and the font capitalises.
const TCVN3_CAPS_FONT_RE = /h$/i;

function fontEncoding(font: string | undefined): LegacyEncoding | undefined {
  if (!font) return undefined;
  const f = font.trim();
  if (TCVN3_FONT_RE.test(f)) return 'tcvn3';
  if (VNI_FONT_RE.test(f)) return 'vni';
  return undefined;
}

// Vietnamese syllable shape on the tone-less form: onset, vowel cluster, coda. Deliberately
// permissive (it accepts some non-words): it is only asked whether a token could be Vietnamese.
// Sets rather than one big regex: a failing regex with this many alternatives backtracks a lot.
const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'ch', 'nh', 'qu', ...'bcdđghklmnprstvx', ''];
const CODAS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', ''];
const NUCLEI: ReadonlySet<string> = new Set(
  (
    'uyê uya uyu iêu yêu oai oay oao oeo uây uôi ươi ươu ươ uơ ai ao au ay âu ây eo êu ia iê iu ' +
    'oa oă oe oi oo ôi ơi ua uâ uê ui uô uy ưa ưi ưu yê a ă â e ê i o ô ơ u ư y'
  ).split(' '),
);

function isSyllableShape(base: string): boolean {
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    for (const coda of CODAS) {
      if (base.length > onset.length + coda.length && base.endsWith(coda)) {
        if (NUCLEI.has(base.slice(onset.length, base.length - coda.length))) return true;
      }
    }
  }
  return false;
}

const COMBINING_TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/;

function isToneMark(c: number): boolean {
  return c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323;
}

// Each Vietnamese letter (lower case, by code) -> its tone-less form and whether it carries a
// tone, so a syllable check needs no normalize() calls.
const TONELESS = new Map<number, { base: string; tone: number }>();
for (const [letter] of VNI_TABLE) {
  const lower = letter.toLowerCase();
  let tone = 0;
  let rest = '';
  for (const ch of lower.normalize('NFD')) {
    if (isToneMark(ch.charCodeAt(0))) tone++;
    else rest += ch;
  }
  TONELESS.set(lower.charCodeAt(0), { base: rest.normalize('NFC'), tone });
}

/** Whether an NFC token has the shape of one Vietnamese syllable (any case, at most one tone). */
function isVietnameseSyllable(token: string): boolean {
  const lower = token.toLowerCase();
  let base = '';
  let tones = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      base += lower[i];
    } else if (isToneMark(c)) {
      // A tone byte TCVN3 could not compose with the letter before it.
      tones++;
    } else {
      const e = TONELESS.get(c);
      if (e === undefined) return false;
      base += e.base;
      tones += e.tone;
    }
  }
  return tones <= 1 && isSyllableShape(base);
}

// Tokens are cut at ASCII spaces and punctuation and at the Windows-1252 punctuation specials:
// both mean the same in every encoding here, while Latin-1 symbols such as "¸" or "«" are letters
// in TCVN3 and must stay inside their word.
const TOKEN_SPLIT_RE =
  /[\s\x00-\x2F\x3A-\x40\x5B-\x60\x7B-\x7F\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]+/;
const HAS_HIGH_RE = /[^\x00-\x7F]/;

interface Evidence {
  /**
   * Distinct tokens that are not Vietnamese as they stand but are once decoded (2+ letters).
   * Distinct, so a repeated symbol ("Nº 5, Nº 6") does not count twice.
   */
  strong: number;
  /** Tokens changed by decoding that are plausible either way. */
  weak: number;
  /** Tokens decoding turns into something that is not Vietnamese. */
  bad: number;
  changed: number;
}

function weigh(tokens: readonly string[], encoding: 'tcvn3' | 'vni'): Evidence {
  const e: Evidence = { strong: 0, weak: 0, bad: 0, changed: 0 };
  const strong = new Set<string>();
  for (const token of tokens) {
    let decoded = decodeRaw(token, encoding);
    // Only TCVN3's separate tone bytes (0xB0-0xB4) produce combining marks to compose.
    if (COMBINING_TONE_RE.test(decoded)) decoded = decoded.normalize('NFC');
    if (decoded === token) continue;
    e.changed++;
    if (!isVietnameseSyllable(decoded)) e.bad++;
    else if (!isVietnameseSyllable(token) && decoded.length >= 2) strong.add(decoded.toLowerCase());
    else e.weak++;
  }
  e.strong = strong.size;
  return e;
}

// Thresholds. A genuine Vietnamese word is a valid syllable as it stands, so it can never be
// "strong"; strong evidence only comes from tokens that are not Vietnamese until decoded.
// TCVN3 needs two such tokens, because its letters are the common Latin-1 symbols and a lone
// "½" or a Danish "Sø" decodes to something syllable-shaped. VNI needs one strong token plus
// one more changed token that decodes well ("Soá moâ": "soá" is itself syllable-shaped), since
// its mark characters after a vowel hardly occur outside VNI. Either way at most a fifth of the
// changed tokens may decode to non-Vietnamese.
function accepts(e: Evidence, encoding: 'tcvn3' | 'vni'): boolean {
  if (e.bad * 5 > e.changed) return false;
  if (encoding === 'tcvn3') return e.strong >= 2;
  return e.strong >= 2 || (e.strong >= 1 && e.strong + e.weak >= 2);
}

// Workbooks from one template repeat the same labels, and content detection is the one slow path
// (text made only of Latin-1 characters), so verdicts are remembered. Cleared when full rather
// than evicted one by one: simple, and the next workbook refills it with its own labels.
const GUESS_CACHE_MAX_KEY = 200;
const guessRemembered = memoText(guessUncached);

function guessFromContent(s: string): LegacyEncoding {
  return s.length > GUESS_CACHE_MAX_KEY ? guessUncached(s) : guessRemembered(s);
}

function guessUncached(s: string): LegacyEncoding {
  const tokens = s.split(TOKEN_SPLIT_RE).filter((t) => HAS_HIGH_RE.test(t));
  if (tokens.length === 0) return 'unicode';
  const tcvn = weigh(tokens, 'tcvn3');
  const vni = weigh(tokens, 'vni');
  const tcvnOk = accepts(tcvn, 'tcvn3');
  const vniOk = accepts(vni, 'vni');
  if (tcvnOk && vniOk) {
    // Both plausible is unusual; prefer the stronger, and when they tie leave the text alone.
    const d = tcvn.strong - vni.strong || tcvn.strong + tcvn.weak - (vni.strong + vni.weak) || vni.bad - tcvn.bad;
    return d > 0 ? 'tcvn3' : d < 0 ? 'vni' : 'unicode';
  }
  return tcvnOk ? 'tcvn3' : vniOk ? 'vni' : 'unicode';
}

/**
 * Which encoding a cell's text is in. The font decides when it is a legacy font, unless the text
 * holds characters no legacy byte can show as (then it was typed as Unicode into an old-font cell).
 * Without a legacy font the text itself is examined, conservatively.
 */
export function detectLegacy(s: string, font?: string): LegacyEncoding {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) {
      if (!isByteChar(code)) return 'unicode';
      high = true;
    }
  }
  const byFont = fontEncoding(font);
  if (byFont) return byFont;
  return high ? guessFromContent(s) : 'unicode';
}

/**
 * Whether a short text the statistics alone would not decide ("Ng­êi", "Cuéc": one token) reads as
 * Vietnamese in an encoding the rest of its sheet is known to be in: every character a legacy byte
 * can show as, some changed by decoding, none decoding to a non-Vietnamese syllable.
 */
export function fitsLegacy(s: string, encoding: 'tcvn3' | 'vni'): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80 && !isByteChar(s.charCodeAt(i))) return false;
  const tokens = s.split(TOKEN_SPLIT_RE).filter((t) => HAS_HIGH_RE.test(t));
  if (tokens.length === 0) return false;
  const e = weigh(tokens, encoding);
  return e.changed > 0 && e.bad === 0;
}

/** Detect, decode and normalise: what readers call on every text cell. */
export function toUnicode(s: string, font?: string): { text: string; encoding: LegacyEncoding } {
  const encoding = detectLegacy(s, font);
  let text = decodeLegacy(s, encoding);
  if (encoding === 'tcvn3' && font && TCVN3_FONT_RE.test(font.trim()) && TCVN3_CAPS_FONT_RE.test(font.trim())) {
    text = text.toUpperCase();
  }
  return { text, encoding };
}

// ---------------------------------------------------------------------------------------------
// Folding

// A Map, not an object: label text such as "constructor" must not hit prototype keys.
const ABBREVIATION_MAP: ReadonlyMap<string, string> = new Map(ABBREVIATIONS);
const PREFIX_MAP: ReadonlyMap<string, string> = new Map(PLACE_PREFIXES);

// What each character folds to: '' (dropped), ' ' (a separator) or lower-case a-z0-9.
// Precomputed for Latin and Vietnamese; anything else is computed once and cached.
const FOLD_DROP = '';
const FOLD_SPACE = ' ';
const FOLD_MAX_LENGTH = 4;
const COMBINING_RE = /[\u0300-\u036F]/g;
const NOT_ALNUM_RE = /[^a-z0-9]+/g;
const D_STROKE_RE = /đ/g;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return FOLD_DROP;
  const raw = ch.toLowerCase().normalize('NFD').replace(COMBINING_RE, '').replace(D_STROKE_RE, 'd');
  if (raw === '') return FOLD_DROP;
  const v = raw.replace(NOT_ALNUM_RE, ' ').trim();
  if (v === '') return FOLD_SPACE;
  // No character today folds to more than one letter (ligatures such as "ǆ" only decompose under
  // NFKD); the cap just keeps fold's buffer bound true whatever a future Unicode does.
  return v.length > FOLD_MAX_LENGTH ? v.slice(0, FOLD_MAX_LENGTH) : v;
}

const LATIN_END = 0x250;
const FOLD_LATIN: readonly string[] = Array.from({ length: LATIN_END }, (_, c) => foldChar(String.fromCharCode(c)));
const VIET_START = 0x1e00;
const VIET_END = 0x1f00;
const FOLD_VIET: readonly string[] = Array.from({ length: VIET_END - VIET_START }, (_, i) =>
  foldChar(String.fromCharCode(VIET_START + i)),
);
const FOLD_CACHE = new Map<number, string>();
const FOLD_CACHE_LIMIT = 4096;

function foldCode(code: number): string {
  if (code < LATIN_END) return FOLD_LATIN[code];
  if (code >= VIET_START && code < VIET_END) return FOLD_VIET[code - VIET_START];
  if (code >= 0x0300 && code <= 0x036f) return FOLD_DROP;
  // Astral characters (emoji, mathematical letters) have no canonical decomposition to a-z.
  if (code >= 0xd800 && code <= 0xdfff) return FOLD_SPACE;
  let v = FOLD_CACHE.get(code);
  if (v === undefined) {
    v = foldChar(String.fromCharCode(code));
    if (FOLD_CACHE.size < FOLD_CACHE_LIMIT) FOLD_CACHE.set(code, v);
  }
  return v;
}

// One test decides whether any expansion can apply, so most labels skip the split and join.
const MAY_EXPAND_RE = new RegExp(`(?:^| )(?:${ABBREVIATIONS.map(([a]) => a).join('|')})(?= |$)|^[px] [a-z]`);
const STARTS_WITH_LETTER_RE = /^[a-z]/;

function expandAbbreviations(folded: string): string {
  if (!MAY_EXPAND_RE.test(folded)) return folded;
  const words = folded.split(' ');
  for (let i = 0; i < words.length; i++) {
    const exp = ABBREVIATION_MAP.get(words[i]);
    if (exp !== undefined) words[i] = exp;
  }
  if (words.length > 1 && STARTS_WITH_LETTER_RE.test(words[1])) {
    const exp = PREFIX_MAP.get(words[0]);
    if (exp !== undefined) words[0] = exp;
  }
  return words.join(' ');
}

// Output is collected as UTF-16 units in a reused buffer: much cheaper than growing a string
// one character at a time.
let foldBuffer = new Uint16Array(256);
const FOLD_BUFFER_KEEP = 1 << 18;
const FROM_CHAR_CODE_CHUNK = 8192;

function unitsToString(buf: Uint16Array, from: number, to: number): string {
  // fromCharCode accepts a typed array as its argument list; the cast only satisfies the typing.
  return String.fromCharCode.apply(null, buf.subarray(from, to) as unknown as number[]);
}

function bufferToString(buf: Uint16Array, n: number): string {
  // Chunked, because a very long argument list can overflow the stack.
  if (n <= FROM_CHAR_CODE_CHUNK) return unitsToString(buf, 0, n);
  let out = '';
  for (let i = 0; i < n; i += FROM_CHAR_CODE_CHUNK) out += unitsToString(buf, i, Math.min(n, i + FROM_CHAR_CODE_CHUNK));
  return out;
}

/**
 * The form labels are matched in: lower case, no diacritics (đ -> d), only a-z, 0-9 and single
 * spaces, known abbreviations expanded as whole words.
 */
export function fold(s: string): string {
  return (foldRemembered ??= memoText(foldOnce))(s);
}
let foldRemembered: ((s: string) => string) | undefined;

function foldOnce(s: string): string {
  const plain = foldPlain(s);
  return plain === '' ? '' : expandAbbreviations(plain);
}

/** fold without expanding abbreviations: "TT" stays "tt", "P" stays "p". */
export function foldPlain(s: string): string {
  // Each character folds to at most FOLD_MAX_LENGTH units, plus one space before it. The shared
  // buffer only grows for cell-sized text, so one huge string does not stay allocated.
  const cap = s.length * (FOLD_MAX_LENGTH + 1);
  if (foldBuffer.length < cap && cap <= FOLD_BUFFER_KEEP) foldBuffer = new Uint16Array(cap);
  const buf = foldBuffer.length >= cap ? foldBuffer : new Uint16Array(cap);
  let n = 0;
  let pendingSpace = false;
  // Per-character folding equals folding the NFC string: NFD of a string is the NFD of each
  // character (reordering only moves marks, which are dropped), and line breaks, NBSP and the
  // like fold to a space either way.
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
        // kept as it is
      } else if (c >= 0x41 && c <= 0x5a) {
        c += 0x20;
      } else {
        if (n > 0) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        buf[n++] = 0x20;
        pendingSpace = false;
      }
      buf[n++] = c;
      continue;
    }
    const v = foldCode(c);
    if (v === FOLD_DROP) continue;
    if (v === FOLD_SPACE) {
      if (n > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      buf[n++] = 0x20;
      pendingSpace = false;
    }
    for (let j = 0; j < v.length; j++) buf[n++] = v.charCodeAt(j);
  }
  return n === 0 ? '' : bufferToString(buf, n);
}

const SPACE_RE = / /g;

/** fold without spaces: matches a camel-case file name ("PhuongHoaLac") against a label. */
export function foldCompact(s: string): string {
  return fold(s).replace(SPACE_RE, '');
}

/** The words of fold(s). */
export function tokens(s: string): string[] {
  const f = fold(s);
  return f === '' ? [] : f.split(' ');
}

// ---------------------------------------------------------------------------------------------
// Phrase lists (src/core/vocabulary.ts) compiled for folded text

function phraseRegex(folded: readonly string[], mode: PhraseMode): RegExp | null {
  const alts = folded.filter(Boolean);
  if (alts.length === 0) return null;
  // Folded phrases hold only a-z, 0-9 and spaces: nothing to escape.
  const body = `(?:${alts.join('|')})`;
  if (mode === 'exact') return new RegExp(`^${body}$`);
  if (mode === 'starts') return new RegExp(`^${body}(?: |$)`);
  return new RegExp(`(?:^| )${body}(?: |$)`);
}

/** A test of folded text against phrases written as people write them. */
export function phraseTest(phrases: readonly string[], mode: PhraseMode): (folded: string) => boolean {
  const re = phraseRegex(phrases.map(fold), mode);
  return re === null ? () => false : memoText((folded) => re.test(folded));
}

/**
 * Classifies a cell by the first rule whose phrases it matches. A phrase with no letters or
 * digits ("%") is compared with the cell's text as written.
 */
export function phraseClassifier<R extends string>(rules: ReadonlyArray<PhraseRule<R>>): (folded: string, text?: string) => R | null {
  const compiled = rules.map((r) => ({
    role: r.role,
    re: phraseRegex(r.phrases.map(fold), r.mode),
    literal: new Set(r.phrases.filter((p) => fold(p) === '').map((p) => p.trim())),
  }));
  // Header cells recur in every report of a template: the first rule whose phrases a folded text
  // matches is found once per run; the text as written is then compared with the literal phrases.
  const firstMatching = memoText((folded) => (folded ? compiled.findIndex((c) => c.re?.test(folded)) : -1));
  return (folded, text) => {
    const byPhrase = firstMatching(folded);
    const upTo = byPhrase < 0 ? compiled.length : byPhrase;
    if (text !== undefined) {
      const written = text.trim();
      for (let i = 0; i < upTo; i++) if (compiled[i].literal.has(written)) return compiled[i].role;
    }
    return byPhrase < 0 ? null : compiled[byPhrase].role;
  };
}
