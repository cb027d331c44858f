// What changed since the last check, against the ket-qua.json it wrote: findings new, fixed,
// accepted since and still open; units newly sent, newly readable or no longer read; each unit's
// figures and the area totals that changed. A check starts a conversation with the units; this
// is what the office reads when the corrected reports come back.
import { Finding, isAccepted } from './findings';
import type { CheckResult, UnitStatus } from './session';

export interface FindingRef {
  kind: string;
  unit: string;
  indicator: string | null;
  check: string | null;
  message: string;
}

export interface FigureChange {
  /** "*" for the area's total. */
  unit: string;
  indicator: string;
  before: number | string | null;
  after: number | string | null;
}

export interface Changes {
  /** The earlier check as its file names it. */
  previous: { file: string; period: string };
  /**
   * `notRechecked`: gone only because nothing of the unit was read this time (it sent nothing, or
   * its file could not be read), or, for the area's findings, because some unit read last time was
   * not: never "fixed".
   */
  findings: { new: FindingRef[]; fixed: FindingRef[]; notRechecked: FindingRef[]; accepted: FindingRef[]; open: number };
  units: { newlySent: string[]; newlyReadable: string[]; noLongerRead: string[] };
  figures: FigureChange[];
  /** Set when the earlier file holds no figures per unit (written by an older version): figures were not compared. */
  figuresNotCompared?: string;
}

/** The parts of an earlier ket-qua.json a comparison needs; anything else in it is ignored. */
interface Previous {
  period: string;
  findings: Array<Pick<Finding, 'kind' | 'unit' | 'indicator' | 'check' | 'message' | 'severity'> & { against?: string; status?: string; file?: string | null; sheet?: string | null; actual?: unknown }>;
  units: Array<{ unit: string; status: string; figures?: Record<string, number | string> }>;
  totals: Record<string, number>;
}

export class PreviousResultError extends Error {}

const READ: ReadonlySet<string> = new Set<UnitStatus>(['ok', 'warnings', 'errors']);

/** Checks the shape of an earlier ket-qua.json; throws a message saying what is wrong with it. */
export function readPrevious(json: unknown, file: string): Previous {
  const bad = (why: string) => new PreviousResultError(`Tệp "${file}" không phải kết quả kiểm tra (ket-qua.json) của chương trình này: ${why}.`);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw bad('không phải một đối tượng JSON');
  const o = json as Record<string, unknown>;
  if (!Array.isArray(o.findings)) throw bad('thiếu danh sách "findings"');
  if (!Array.isArray(o.units)) throw bad('thiếu danh sách "units"');
  const findings = o.findings.filter((f): f is Previous['findings'][number] => !!f && typeof f === 'object' && typeof (f as Finding).kind === 'string' && typeof (f as Finding).unit === 'string');
  const units = o.units.filter((u): u is Previous['units'][number] => !!u && typeof u === 'object' && typeof (u as { unit: unknown }).unit === 'string');
  const period = o.period && typeof o.period === 'object' && typeof (o.period as { label?: unknown }).label === 'string' ? (o.period as { label: string }).label : '';
  const totals = o.totals && typeof o.totals === 'object' && !Array.isArray(o.totals) ? (o.totals as Record<string, number>) : {};
  return { period, findings, units, totals };
}

/** What makes two findings the same one in two checks: not its message or figure, which change when corrected. */
function keyOf(f: { kind: string; unit: string; indicator: string | null; check: string | null; against?: string; file?: string | null; sheet?: string | null; actual?: unknown }): string {
  const aboutFile = !f.indicator && (f.kind === 'unreadable-file' || f.kind === 'no-table' || f.kind === 'unknown-unit' || f.kind === 'unit-mismatch');
  const label = f.kind === 'unmapped-row' ? String(f.actual ?? '') : '';
  return JSON.stringify([f.kind, f.unit, f.indicator ?? '', f.check ?? '', f.against ?? '', aboutFile ? `${f.file ?? ''}|${f.sheet ?? ''}` : '', label]);
}

/** Errors and warnings, and what the office accepted: information alone does not make a change. */
const counts = (f: { severity: string; status?: string }) => f.severity !== 'info' || f.status === 'accepted';

const ref = (f: FindingRef): FindingRef => ({ kind: f.kind, unit: f.unit, indicator: f.indicator ?? null, check: f.check ?? null, message: f.message });

export function compareChecks(previous: Previous, file: string, result: CheckResult): Changes {
  const before = new Map(previous.findings.filter(counts).map((f) => [keyOf(f), f]));
  const now = new Map(result.findings.filter(counts).map((f) => [keyOf(f), f]));
  const changes: Changes = { previous: { file, period: previous.period }, findings: { new: [], fixed: [], notRechecked: [], accepted: [], open: 0 }, units: { newlySent: [], newlyReadable: [], noLongerRead: [] }, figures: [] };
  for (const [key, f] of now) {
    const was = before.get(key);
    const wasOpen = !!was && was.status !== 'accepted';
    if (isAccepted(f)) {
      if (wasOpen) changes.findings.accepted.push(ref(f));
    } else if (wasOpen) changes.findings.open++;
    else changes.findings.new.push(ref(f));
  }
  compareUnits(previous, result, changes);
  const unread = new Set(result.units.filter((u) => !READ.has(u.status)).map((u) => u.unit));
  const areaShort = changes.units.noLongerRead.length > 0;
  for (const [key, f] of before) {
    if (f.status === 'accepted' || now.has(key)) continue;
    const recheckable = f.unit === '*' ? !areaShort : !unread.has(f.unit);
    (recheckable ? changes.findings.fixed : changes.findings.notRechecked).push(ref(f));
  }
  compareFigures(previous, result, changes);
  return changes;
}

function compareUnits(previous: Previous, result: CheckResult, changes: Changes) {
  const was = new Map(previous.units.map((u) => [u.unit, u.status]));
  for (const u of result.units) {
    const before = was.get(u.unit);
    if (before === undefined) continue;
    if (READ.has(u.status) && before === 'missing') changes.units.newlySent.push(u.unit);
    else if (READ.has(u.status) && before === 'unreadable') changes.units.newlyReadable.push(u.unit);
    else if (!READ.has(u.status) && u.status !== 'unknown' && READ.has(before)) changes.units.noLongerRead.push(u.unit);
  }
}

function compareFigures(previous: Previous, result: CheckResult, changes: Changes) {
  const codes = result.rules.indicators.filter((i) => !i.formula).map((i) => i.code);
  if (!previous.units.some((u) => u.figures && typeof u.figures === 'object')) {
    changes.figuresNotCompared = 'tệp kết quả lần trước không ghi số liệu của từng đơn vị';
  } else {
    const was = new Map(previous.units.map((u) => [u.unit, u.figures ?? {}]));
    for (const u of result.units) {
      const before = was.get(u.unit);
      if (!before || !u.figures) continue;
      for (const code of codes) {
        const b = Object.prototype.hasOwnProperty.call(before, code) ? before[code] : null;
        const a = Object.prototype.hasOwnProperty.call(u.figures, code) ? u.figures[code] : null;
        if (b !== a && (b !== null || a !== null)) changes.figures.push({ unit: u.unit, indicator: code, before: b, after: a });
      }
    }
  }
  for (const code of codes) {
    const b = Object.prototype.hasOwnProperty.call(previous.totals, code) ? previous.totals[code] : null;
    const a = result.rollup.totals.get(code) ?? null;
    if (b !== a) changes.figures.push({ unit: '*', indicator: code, before: b, after: a });
  }
}

/**
 * What the pane keeps in the workbook for the next comparison: the parts of ket-qua.json that
 * compareChecks reads, so a province's check stays a few hundred kilobytes.
 */
export function keptForComparison(json: { period: { label: string }; findings: Finding[]; units: Array<{ unit: string; status: string; figures?: Record<string, number | string> }>; totals: Record<string, number> }): string {
  return JSON.stringify({
    period: { label: json.period.label },
    findings: json.findings.map((f) => ({ kind: f.kind, severity: f.severity, unit: f.unit, indicator: f.indicator, check: f.check, against: f.against, file: f.file, sheet: f.sheet, actual: f.kind === 'unmapped-row' ? f.actual : null, status: f.status, message: f.message })),
    units: json.units.map((u) => ({ unit: u.unit, status: u.status, ...(u.figures ? { figures: u.figures } : {}) })),
    totals: json.totals,
  });
}
