// The checks on one unit's figures: values that are not figures, targets per unit and per
// level, the unit's own plan, cross checks, and stated rates against recomputed ones.
import { Comparison, describeComparison, judge, periodsCovered, scaleComparison } from './conditions';
import { CompareOp, Expr, codesOf, compare, evaluate, toText, toWords } from './expressions';
import { Finding, Subject, finding } from './findings';
import { IndicatorEntry, UnitReport, ValueCell } from './layout';
import { MAX_FIGURE, Reading, formatNumber, formatPercent, rateAsFraction } from './numbers';
import { Indicator, Rules, RosterUnit } from './rules';
import { fold, phraseTest } from './text';
import { analyseName } from './units';
import { COUNT_UNITS } from './vocabulary';

/** A figure as the checks and the rollup use it. */
export type Figure =
  | { status: 'ok'; value: number; cell: string | null }
  | { status: 'invalid'; text: string; cell: string | null }
  | { status: 'missing'; cell: string | null }
  | { status: 'not-applicable'; cell: string | null };

const isCountUnit = phraseTest(COUNT_UNITS, 'exact');

export function isWholeCount(ind: Indicator): boolean {
  return !ind.rate && isCountUnit(fold(ind.unitOfMeasure));
}

export interface UnitFigures {
  report: UnitReport;
  roster: RosterUnit | null;
  figures: Map<string, Figure>;
  /** Derived indicators (rates) recomputed from this unit's parts. */
  derived: Map<string, number>;
  /** Targets and plans this unit was held to, and how many it met: its achievement. */
  targets: { checked: number; met: number };
}

/** Where a figure stands: its own file and sheet when it came from another report of the unit (an association's table). */
function where(report: UnitReport, entry: IndicatorEntry | undefined, cell: string | null = entry?.value.address ?? null) {
  return { file: entry?.from?.file ?? report.file, sheet: entry?.from?.sheet ?? report.sheet, cell };
}

function label(ind: Indicator): string {
  return ind.section ? `${ind.section} – ${ind.name}` : ind.name;
}

/** An indicator as messages name it, for a unit or for the area. */
export function subject(ind: Indicator, who: string): Subject {
  return { who, label: label(ind), rate: ind.rate, uom: ind.rate ? '' : ind.unitOfMeasure };
}

function show(ind: Indicator, n: number): string {
  return ind.rate ? formatPercent(n) : formatNumber(n);
}

/** Reads each mapped value into a figure, with a finding for each one that is not a figure. */
export function readFigures(report: UnitReport, rules: Rules, findings: Finding[]): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  const unit = report.unit;
  const blankRates: Array<{ ind: Indicator; entry: IndicatorEntry }> = [];
  for (const ind of rules.indicators) {
    const entry = report.entries.get(ind.code);
    if (ind.formula && entry?.value.reading.kind === 'blank') {
      blankRates.push({ ind, entry });
      continue;
    }
    if (!entry) {
      // A row dropped from a section the unit did report on is a missing figure; a section the
      // report does not cover at all (an association's own table) is simply not there.
      if (report.layout === 'indicator-per-row' && !ind.formula && report.sections.has(ind.section)) {
        figures.set(ind.code, { status: 'missing', cell: null });
        findings.push(finding('missing-value', { unit, indicator: ind.code, ...where(report, undefined) }, { variant: 'row', subject: subject(ind, unit) }));
      }
      continue;
    }
    figures.set(ind.code, figureOf(ind, entry, report, findings));
  }
  // A rate left blank is not asked for when the report holds its parts: it is computed from them
  // (as a template's own rate formula does). When it cannot be, the finding names the parts missing.
  const lookup = makeLookup(figures, rules);
  for (const { ind, entry } of blankRates) {
    if (lookup(ind.code) !== undefined) continue;
    const missingParts = codesOf(ind.formula!)
      .filter((c) => lookup(c) === undefined)
      .map((c) => {
        const part = rules.byCode.get(c);
        return part ? label(part) : c;
      });
    figures.set(ind.code, { status: 'missing', cell: entry.value.address });
    findings.push(finding('missing-value', { unit, indicator: ind.code, ...where(report, entry) }, { variant: 'blank', subject: subject(ind, unit), cell: entry.value.address, missingParts }));
  }
  return figures;
}

function figureOf(ind: Indicator, entry: IndicatorEntry, report: UnitReport, findings: Finding[]): Figure {
  const v = entry.value;
  const fields = { unit: report.unit, indicator: ind.code, ...where(report, entry) };
  const base = { subject: subject(ind, report.unit), cell: v.address };
  const invalid = (text: string, actual: number | string, p: Parameters<typeof finding<'invalid-value'>>[2]): Figure => {
    findings.push(finding('invalid-value', { ...fields, actual }, p));
    return { status: 'invalid', text, cell: v.address };
  };
  const r = v.reading;
  switch (r.kind) {
    case 'blank':
      findings.push(finding('missing-value', fields, { variant: 'blank', ...base }));
      return { status: 'missing', cell: v.address };
    case 'not-applicable':
      return { status: 'not-applicable', cell: v.address };
    case 'error':
      return invalid(r.code, r.code, { variant: 'error', code: r.code, ...base });
    case 'text':
      return invalid(r.text, r.text, { variant: 'text', text: r.text, ...base });
    case 'number': {
      // "85%" typed in a count's cell is a rate written in the wrong place, never 85 of the count.
      if (!ind.rate && r.percent && r.fromText) return invalid(`${formatNumber(r.value)}%`, `${formatNumber(r.value)}%`, { variant: 'percent', text: `${formatNumber(r.value)}%`, ...base });
      const value = ind.rate ? rateAsFraction(r) : r.value;
      if (Math.abs(r.value) > MAX_FIGURE) return invalid(String(r.value), String(r.value), { variant: 'too-large', value: r.value, ...base });
      if (value < 0) return invalid(String(r.value), r.value, { variant: 'negative', value: r.value, ...base });
      if (isWholeCount(ind) && !Number.isInteger(value)) return invalid(String(r.value), r.value, { variant: 'fraction', value: r.value, ...base });
      return { status: 'ok', value, cell: v.address };
    }
  }
}

/** Value of a code for one unit: its own figure, or its formula over its parts. */
export function makeLookup(figures: Map<string, Figure>, rules: Rules): (code: string) => number | undefined {
  const memo = new Map<string, number | undefined>();
  const lookup = (code: string): number | undefined => {
    if (memo.has(code)) return memo.get(code);
    const ind = rules.byCode.get(code);
    let v: number | undefined;
    if (ind?.formula) v = evaluate(ind.formula, lookup);
    else {
      const f = figures.get(code);
      v = f && f.status === 'ok' ? f.value : undefined;
    }
    memo.set(code, v);
    return v;
  };
  return lookup;
}

export interface Pace {
  /** Months the report covers. */
  months: number;
  /** Months the targets are set for (the rules' period). */
  targetMonths: number;
}

/** A target scaled to the period covered; `prorated` when a cumulative count was cut to pace. */
export function targetFor(ind: Indicator, pace: Pace): { comparison: Comparison; prorated: boolean } | null {
  const cond = ind.condition;
  if (!cond) return null;
  if (cond.per) return { comparison: scaleComparison(cond.comparison, periodsCovered(cond.per, pace.months)), prorated: false };
  if (ind.rate || pace.months >= pace.targetMonths) return { comparison: cond.comparison, prorated: false };
  return { comparison: scaleComparison(cond.comparison, pace.months / pace.targetMonths), prorated: true };
}

/**
 * Whether a unit's row gives a figure for an indicator: a number read, or computed for a derived
 * one. "x" (not applicable) counts when judging whether a target could be assessed, not when
 * writing what the unit achieved.
 */
export function givesFigure(r: { figures: ReadonlyMap<string, Figure>; derived: ReadonlyMap<string, number> }, ind: Indicator, notApplicableCounts = false): boolean {
  if (ind.formula) return r.derived.has(ind.code);
  const status = r.figures.get(ind.code)?.status;
  return status === 'ok' || (notApplicableCounts && status === 'not-applicable');
}

export function appliesTo(ind: Indicator, roster: RosterUnit | null, report: UnitReport): boolean {
  if (ind.scope.kind === 'area') return false;
  if (ind.scope.kind === 'each') return true;
  // "Mỗi phường": the unit's level from the roster's "Cấp" or its name's prefix ("P. Hòa Lạc").
  const unit = roster ?? { name: report.unit, aliases: [], level: '', order: 0 };
  const level = analyseName(unit, unit.name)?.level;
  return !!level && ind.scope.levels.includes(fold(level.name));
}

export interface TargetJudgement {
  ind: Indicator;
  actual: number;
  comparison: Comparison;
  prorated: boolean;
  parts?: string;
}

/** Judges one actual figure against a target and returns the finding, if any. */
export function judgeTarget(
  j: TargetJudgement,
  unit: string,
  loc: { file: string | null; sheet: string | null; cell: string | null },
  who: string,
  incomplete?: string[],
): Finding | null {
  const { ind, actual, comparison, prorated } = j;
  const v = judge(comparison, actual);
  // Most figures meet their target: the words of a finding are put together only for the others.
  if (v.status === 'met') return null;
  const base = { unit, indicator: ind.code, ...loc, actual, against: 'target' as const };
  const p = { ...subject(ind, who), actual, target: describeComparison(comparison, ind.rate), parts: j.parts, incomplete };
  if (v.status === 'short') {
    if (prorated) return finding('behind-pace', { ...base, severity: 'warning', expected: v.required }, { variant: 'target', ...p, gap: v.gap, wholePeriod: ind.condition!.text });
    return finding('shortfall', { ...base, severity: ind.severity, expected: v.required }, { variant: 'target', ...p, gap: v.gap });
  }
  if (v.status === 'over-limit') return finding('shortfall', { ...base, severity: ind.severity, expected: v.limit }, { variant: 'over-limit', ...p, gap: v.excess });
  if (v.status === 'exceeded') return finding('exceeded', { ...base, severity: 'info', expected: v.max }, { ...p, gap: v.excess });
  return null;
}

/** "1.850/1.980" for a rate whose formula is a plain quotient of two codes. */
export function describeParts(ind: Indicator, lookup: (code: string) => number | undefined): string | undefined {
  const f = ind.formula;
  if (!f || f.type !== 'arith' || f.op !== '/' || f.left.type !== 'code' || f.right.type !== 'code') return undefined;
  const a = lookup(f.left.code);
  const b = lookup(f.right.code);
  return a === undefined || b === undefined ? undefined : `${formatNumber(a)}/${formatNumber(b)}`;
}

export function checkUnit(u: UnitFigures, rules: Rules, pace: Pace, findings: Finding[]): void {
  const { report, roster, figures } = u;
  const unit = report.unit;
  const lookup = makeLookup(figures, rules);

  for (const ind of rules.indicators) {
    if (ind.formula) {
      const v = lookup(ind.code);
      checkStatedRate(ind, report.entries.get(ind.code), v, lookup, report, findings);
      // 0,9755 in a plain cell, where the counts give 97,55 %, is recorded as that fraction.
      const stated = figures.get(ind.code);
      const reading = report.entries.get(ind.code)?.value.reading;
      if (stated?.status === 'ok' && v !== undefined && reading && writtenAsFraction(reading, v)) figures.set(ind.code, { ...stated, value: reading.value });
      // A rate the unit wrote without the counts it comes from is still its rate, judged as written.
      const rate = v ?? (stated?.status === 'ok' ? stated.value : undefined);
      if (rate !== undefined) u.derived.set(ind.code, rate);
    }
    if (!appliesTo(ind, roster, report)) continue;
    const target = targetFor(ind, pace);
    if (!target) continue;
    const actual = ind.formula ? u.derived.get(ind.code) : lookup(ind.code);
    if (actual === undefined) {
      // Already reported as missing or invalid, or its parts are; but a target the unit is held to
      // that none of its reports gives at all (an association's table was all it sent) is said too,
      // so the unit is never shown as meeting every target on figures it did not give.
      // (A report naming no roster unit is an error already: its gaps are not listed one by one.)
      if (!ind.formula && !figures.has(ind.code) && (roster !== null || rules.roster.length === 0)) findings.push(finding('missing-value', { unit, indicator: ind.code, ...where(report, undefined) }, { variant: 'absent', subject: subject(ind, unit) }));
      continue;
    }
    const entry = report.entries.get(ind.code);
    const f = judgeTarget(
      { ind, actual, ...target, parts: describeParts(ind, lookup) },
      unit,
      where(report, entry ?? firstPart(ind, report)),
      unit,
    );
    u.targets.checked++;
    if (!f || f.kind === 'exceeded') u.targets.met++;
    if (f) findings.push(f);
  }

  for (const [code, entry] of report.entries) {
    const ind = rules.byCode.get(code);
    if (!ind) continue;
    // A derived rate is judged on the value its parts give, as its target is: the cell may hold
    // it as a fraction (0,75) or in points (75), and the stated-rate check has compared the two.
    const computed = ind.formula ? lookup(code) : undefined;
    const outcome = checkPlan(ind, entry, figures.get(code), computed, report, pace, findings);
    if (outcome === 'none') continue;
    u.targets.checked++;
    if (outcome === 'met') u.targets.met++;
  }

  for (const chk of rules.crossChecks) {
    const l = evaluate(chk.expr.left, lookup);
    const r = evaluate(chk.expr.right, lookup);
    if (l === undefined || r === undefined) continue; // a part is missing or invalid: reported there
    if (compare(chk.expr.op, l, r)) continue;
    const first = codesOf(chk.expr)[0];
    const entry = report.entries.get(first);
    findings.push(
      finding(
        'inconsistent',
        { unit, indicator: first ?? null, check: chk.code, severity: chk.severity, ...where(report, entry), actual: l, expected: r },
        { variant: 'cross-check', who: unit, sentence: crossCheckSentence(chk.expr, rules, lookup, l, r), check: chk.code, expression: toText(chk.expr), note: chk.note },
      ),
    );
  }
}

/** What a failed comparison says, as a sentence: "… 12 khác Mô hình tập thể 8 + Mô hình cá nhân 3 = 11". */
const BROKEN: Record<CompareOp, string> = { '=': 'khác', '<>': 'bằng', '<': 'không nhỏ hơn', '<=': 'lớn hơn', '>': 'không lớn hơn', '>=': 'nhỏ hơn' };

function crossCheckSentence(expr: Extract<Expr, { type: 'compare' }>, rules: Rules, lookup: (code: string) => number | undefined, l: number, r: number): string {
  const word = (code: string) => {
    const ind = rules.byCode.get(code)!;
    const v = lookup(code);
    return `${ind.name} ${v === undefined ? '?' : show(ind, v)}`;
  };
  const side = (e: Expr, value: number) => {
    const words = toWords(e, word, (n) => formatNumber(n));
    return e.type === 'code' || e.type === 'number' ? words : `${words} = ${formatNumber(value)}`;
  };
  return `${side(expr.left, l)} ${BROKEN[expr.op]} ${side(expr.right, r)}`;
}

function firstPart(ind: Indicator, report: UnitReport): IndicatorEntry | undefined {
  if (!ind.formula) return undefined;
  for (const c of codesOf(ind.formula)) {
    const e = report.entries.get(c);
    if (e) return e;
  }
  return undefined;
}

/** The unit's own plan ("Kế hoạch" column) for the row. */
function checkPlan(ind: Indicator, entry: IndicatorEntry, fig: Figure | undefined, computed: number | undefined, report: UnitReport, pace: Pace, findings: Finding[]): 'met' | 'short' | 'none' {
  const plan = entry.plan?.reading;
  if (!plan || plan.kind !== 'number' || !fig || fig.status !== 'ok') return 'none';
  const actual = computed ?? fig.value;
  // A unit that writes its rate as a plain fraction (0,75) writes its plan in the row so too.
  const fractions = computed !== undefined && writtenAsFraction(entry.value.reading, computed);
  const planValue = !ind.rate ? plan.value : fractions && !plan.percent && plan.value <= 1 ? plan.value : rateAsFraction(plan);
  if (planValue <= 0 || Math.abs(plan.value) > MAX_FIGURE) return 'none';
  const unit = report.unit;
  // A plan is for the period its header names ("Kế hoạch 9 tháng"); one that names none is taken
  // to be for the targets' period, as plans usually are, and the message says so.
  const planMonths = entry.planMonths ?? null;
  const covers = planMonths ?? pace.targetMonths;
  const prorated = !ind.rate && pace.months < covers;
  const required = prorated ? (planValue * pace.months) / covers : planValue;
  const short = actual + 1e-9 < required;
  if (short) {
    const kind = prorated ? 'behind-pace' : 'shortfall';
    const paced = prorated
      ? `${planMonths === null ? `cột kế hoạch không ghi kỳ, coi là kế hoạch ${periodWords(covers)}` : `kế hoạch ${periodWords(covers)}`}, chia theo tiến độ ${pace.months}/${covers} tháng`
      : undefined;
    findings.push(
      finding(
        kind,
        { unit, indicator: ind.code, against: 'plan', severity: prorated ? 'warning' : ind.condition ? ind.severity : 'warning', ...where(report, entry), actual, expected: required },
        { variant: 'plan', ...subject(ind, unit), actual, required, gap: required - actual, paced },
      ),
    );
  }
  checkPlanRate(ind, entry, actual, planValue, report, findings);
  return short ? 'short' : 'met';
}

function periodWords(months: number): string {
  return months === 12 ? 'năm' : months === 3 ? 'quý' : `${months} tháng`;
}

/** The "Tỷ lệ % so với KH" the unit wrote, against actual / plan. */
function checkPlanRate(ind: Indicator, entry: IndicatorEntry, actual: number, planValue: number, report: UnitReport, findings: Finding[]) {
  const stated = entry.planRate?.reading;
  if (!stated || stated.kind !== 'number' || ind.rate) return;
  const computed = (actual / planValue) * 100;
  // A rate too large to be one is still reported as written (scaling it could overflow).
  const typed = stated.percent && !stated.fromText && Math.abs(stated.value) <= MAX_FIGURE ? stated.value * 100 : stated.value;
  if (matchesRounded(typed, computed, stated.percent && !stated.fromText ? stated.shown : undefined)) return;
  const cell = entry.planRate!.address;
  findings.push(
    finding(
      'inconsistent',
      { unit: report.unit, indicator: ind.code, severity: 'warning', ...where(report, entry, cell), actual: typed, expected: computed },
      { variant: 'plan-rate', subject: subject(ind, report.unit), stated: typed, cell, actual, plan: planValue, computed },
    ),
  );
}

/**
 * A stated figure agrees with the computed one when it is the computed one rounded to the
 * decimals it shows (those typed, or `shown` by its format). Truncating 92,118 to 92,11 does not
 * agree: rounding gives 92,12.
 */
export function matchesRounded(stated: number, computed: number, shown?: number): boolean {
  const decimals = Math.min(shown ?? decimalsOf(stated), 10);
  const tolerance = 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(computed));
  return Math.abs(stated - computed) <= tolerance;
}

function decimalsOf(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 10;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** 0,996 typed into a cell without a percent format, where the parts give 99,6 %: a fraction, not 0,996 %. */
function writtenAsFraction(r: Reading, computed: number): r is Extract<Reading, { kind: 'number' }> {
  return r.kind === 'number' && !r.percent && r.value <= 1 && matchesRounded(r.value, computed);
}

/** A rate row the unit filled in itself, against the rate recomputed from its parts. */
function checkStatedRate(ind: Indicator, entry: IndicatorEntry | undefined, computed: number | undefined, lookup: (c: string) => number | undefined, report: UnitReport, findings: Finding[]) {
  if (!entry || computed === undefined) return;
  const r = entry.value.reading;
  // A figure too large to be one is an invalid value already; no rate is compared with it.
  if (r.kind !== 'number' || Math.abs(r.value) > MAX_FIGURE) return;
  const statedFraction = rateAsFraction(r);
  const statedPoints = r.percent && !r.fromText ? r.value * 100 : r.value;
  // A percent cell is judged as it shows: 0,857142 under "0.00%" shows 85,71 %, which 30/35 gives.
  if (matchesRounded(statedPoints, computed * 100, r.percent && !r.fromText ? r.shown : undefined)) return;
  if (writtenAsFraction(r, computed)) return;
  const parts = describeParts(ind, lookup);
  findings.push(
    finding(
      'inconsistent',
      { unit: report.unit, indicator: ind.code, severity: 'error', ...where(report, entry), actual: statedFraction, expected: computed },
      { variant: 'stated-rate', subject: subject(ind, report.unit), stated: statedPoints, cell: entry.value.address, computed, parts, tenTimes: Math.abs(statedFraction * 10 - computed) < 0.01 },
    ),
  );
}
