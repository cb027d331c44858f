// Who sent a report, decided from evidence and recorded with it. The header block is what the
// unit wrote in its own report, so it comes first; then the sheet name, which stands beside the
// figures; then the file name, which the unit, a colleague or the office may have given it.
// When these disagree the header's unit is used and a warning names both; when the best source
// fits several roster units, a later source may settle it; otherwise the unit is unknown.
import type { RosterUnit } from './rules';
import { fold } from './text';
import { NameReading, UnitMatcher, decide, writtenUnit } from './units';

export type EvidenceSource = 'header' | 'sheet' | 'file' | 'unit-column';

/** What named a report's unit: where it was read and what was written there. */
export interface UnitEvidence {
  source: EvidenceSource;
  text: string;
  /** The cell, for a header line or a unit column; null for sheet and file names. */
  cell: string | null;
}

export interface Identity {
  /** The roster unit, or null when the evidence names none or fits several. */
  unit: RosterUnit | null;
  /** The roster name, or the name as written. */
  name: string;
  evidence: UnitEvidence | null;
  /** Roster units the evidence fits when it fits several, and why it could not choose. */
  candidates: RosterUnit[];
  why: 'diacritics' | 'level' | 'several' | null;
  /** Another source naming another roster unit: the header's unit is used, and this is said. */
  conflict: { evidence: UnitEvidence; unit: RosterUnit } | null;
  /**
   * The header names a unit the roster does not hold (`evidence` is then that header line), while
   * a sheet or file name (here) fits a roster unit: not taken, but suggested.
   */
  unlisted: { evidence: UnitEvidence; suggested: RosterUnit } | null;
}

export interface HeaderLine {
  text: string;
  cell: string;
}

interface Read {
  evidence: UnitEvidence;
  reading: NameReading;
}

/** The file's own name without folders and extension, as the unit named it. */
export function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** A report sheet's unit, from its header lines, its sheet name and its file name. */
export function identifyReport(units: UnitMatcher, header: HeaderLine[], sheet: string, file: string): Identity {
  const lines: Read[] = header.map((l) => ({ evidence: { source: 'header', text: l.text, cell: l.cell }, reading: units.read(l.text, 'line') }));
  const headerReading = decide(lines.map((l) => l.reading));
  const headerRead: Read | null = headerReading.kind === 'none' ? null : { evidence: evidenceFor(lines, headerReading), reading: headerReading };
  const sources: Read[] = [
    ...(headerRead ? [headerRead] : []),
    { evidence: { source: 'sheet', text: sheet, cell: null }, reading: units.read(sheet, 'name') },
    { evidence: { source: 'file', text: file, cell: null }, reading: units.read(fileStem(file), 'name') },
  ];
  // The strongest evidence decides, in source order among equals.
  const first = sources.reduce<Read | null>((best, s) => (strength(s.reading) > (best ? strength(best.reading) : 0) ? s : best), null);
  if (!first) return unknown(units, header, sheet, file, null);
  const rest = sources.filter((s) => s !== first);
  if (first.reading.kind === 'unit') {
    const unit = first.reading.unit;
    // A header line that names, by its level, a unit the roster does not hold outranks a bare
    // name or a name found elsewhere: nothing is taken, the roster unit is suggested.
    if (first.evidence.source !== 'header' || strength(first.reading) < STATED) {
      const written = unlistedInHeader(units, header);
      if (written) return { ...unknown(units, [{ text: written.text, cell: written.cell ?? '' }], sheet, file, null), unlisted: { evidence: first.evidence, suggested: unit } };
    }
    const other = rest.find((s) => s.reading.kind === 'unit' && s.reading.unit !== unit);
    const conflict = other && other.reading.kind === 'unit' ? { evidence: other.evidence, unit: other.reading.unit } : null;
    return { unit, name: unit.name, evidence: first.evidence, candidates: [], why: null, conflict, unlisted: null };
  }
  // The best source fits several units: another that names one of them settles it.
  const candidates = first.reading.kind === 'ambiguous' ? first.reading.units : [];
  const settling = rest.find((s) => s.reading.kind === 'unit' && candidates.includes(s.reading.unit));
  if (settling && settling.reading.kind === 'unit') {
    return { unit: settling.reading.unit, name: settling.reading.unit.name, evidence: settling.evidence, candidates: [], why: null, conflict: null, unlisted: null };
  }
  return unknown(units, header, sheet, file, first);
}

/**
 * A name written with its level or its organisation ("ĐẢNG ỦY PHƯỜNG 7", "P1", "ỦY BAN MTTQ AN
 * HÓA") is stronger evidence than a bare name ("Bình Thạnh, ngày 9 tháng 12": a date line names
 * the place it was signed, often the district).
 */
const STATED = 2;

function strength(r: NameReading): number {
  if (r.kind === 'none') return 0;
  return r.stated ? STATED : 1;
}

/** A unit-per-row table's row: its unit cell alone. */
export function identifyRow(units: UnitMatcher, text: string, cell: string): Identity {
  const evidence: UnitEvidence = { source: 'unit-column', text, cell };
  // A note after the name ("Xã Minh Khai (chưa báo cáo)", "(đã sáp nhập)") says something of the
  // unit, it is not part of its name: read without it when the whole names nobody.
  const whole = units.read(text, 'cell');
  const note = /^(.*\S)\s*\([^()]*\)\s*$/.exec(text);
  const bare = whole.kind === 'none' && note ? units.read(note[1], 'cell') : null;
  const r = bare?.kind === 'unit' ? bare : whole;
  if (r.kind === 'unit') return { unit: r.unit, name: r.unit.name, evidence, candidates: [], why: null, conflict: null, unlisted: null };
  return { unit: null, name: text, evidence, candidates: r.kind === 'ambiguous' ? r.units : [], why: r.kind === 'ambiguous' ? r.why : null, conflict: null, unlisted: null };
}

/** The header cell that named the decided unit most strongly (or the first that named any). */
function evidenceFor(lines: Read[], decided: NameReading): UnitEvidence {
  const unit = decided.kind === 'unit' ? decided.unit : null;
  const naming = lines.filter((l) => (unit ? l.reading.kind === 'unit' && l.reading.unit === unit : l.reading.kind !== 'none'));
  const hit = naming.reduce<Read | null>((a, b) => (!a || strength(b.reading) > strength(a.reading) ? b : a), null) ?? lines[0];
  return hit.evidence;
}

/** A header line naming, by its level, a unit that is not in the roster ("ĐẢNG ỦY XÃ HÒA LẠC MỚI"). */
function unlistedInHeader(units: UnitMatcher, header: HeaderLine[]): UnitEvidence | null {
  const minRank = units.usualLevel?.rank ?? 3;
  for (const l of header) {
    const w = writtenUnit(l.text, minRank);
    if (w && units.read(w.name, 'cell').kind === 'none') return { source: 'header', text: l.text, cell: l.cell };
  }
  return null;
}

// Sheet names a template gives, which name nobody: "Sheet1", "Biểu 01", "Báo cáo".
const GENERIC_SHEET = /^(sheet\d*|trang\s*\d*|bieu\s*\d*|bieu mau.*|bao cao.*|tong hop.*)$/;

const SOURCE_WORDS: Record<EvidenceSource, string> = { header: 'tiêu đề', sheet: 'tên trang tính', file: 'tên tệp', 'unit-column': 'cột đơn vị' };

/** Where the evidence stands, in words: "tiêu đề, ô A2", "tên tệp". */
export function describeEvidence(e: UnitEvidence, withCell = true): string {
  return withCell && e.cell ? `${SOURCE_WORDS[e.source]}, ô ${e.cell}` : SOURCE_WORDS[e.source];
}

/** No roster unit: the report goes by the name its header writes, else its sheet or file name. */
function unknown(units: UnitMatcher, header: HeaderLine[], sheet: string, file: string, ambiguous: Read | null): Identity {
  const base = { unit: null, conflict: null, unlisted: null };
  if (ambiguous && ambiguous.reading.kind === 'ambiguous') {
    return { ...base, name: ambiguous.reading.text || ambiguous.evidence.text, evidence: ambiguous.evidence, candidates: ambiguous.reading.units, why: ambiguous.reading.why };
  }
  const minRank = units.usualLevel?.rank ?? 3;
  for (const l of header) {
    const w = writtenUnit(l.text, minRank);
    if (w) return { ...base, name: w.name, evidence: { source: 'header', text: l.text, cell: l.cell }, candidates: [], why: null };
  }
  if (sheet && !GENERIC_SHEET.test(fold(sheet))) {
    return { ...base, name: sheet, evidence: { source: 'sheet', text: sheet, cell: null }, candidates: [], why: null };
  }
  return { ...base, name: fileStem(file), evidence: { source: 'file', text: file, cell: null }, candidates: [], why: null };
}
