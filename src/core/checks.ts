// The checks on one unit's figures: values that are not figures, targets per unit and per
// level, the unit's own plan, cross checks, and stated rates against recomputed ones.
import { Comparison, describeComparison, judge, periodsCovered, scaleComparison } from './conditions';
import { codesOf, compare, evaluate, toText } from './expressions';
import { Finding, finding } from './findings';
import { IndicatorEntry, UnitReport, ValueCell } from './layout';
import { MAX_FIGURE, formatNumber, formatPercent, rateAsFraction } from './numbers';
import { Indicator, Rules, RosterUnit } from './rules';
import { fold } from './text';

/** A figure as the checks and the rollup use it. */
export type Figure =
  | { status: 'ok'; value: number; cell: string | null }
  | { status: 'invalid'; text: string; cell: string | null }
  | { status: 'missing'; cell: string | null }
  | { status: 'not-applicable'; cell: string | null };

// Units of measure whose figures are whole counts; a fraction there is a typing error.
const COUNT_UNITS = /^(nguoi|ho|mo hinh|cuoc|lan|nha|khu|co so|don vi|to|hoi vien|doan vien|thanh vien|cong trinh|doi|cau lac bo|clb|chi hoi|chi doan|buoi|hoi nghi|lop|luot|thon|to dan pho|xa|phuong|dang vien|hop tac xa|htx|tin|bai|vu|don|truong hop|cai|chiec|con|em|tre|cu tri|y kien|kien nghi)$/;

export function isWholeCount(ind: Indicator): boolean {
  return !ind.rate && COUNT_UNITS.test(fold(ind.unitOfMeasure));
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

function where(report: UnitReport, cell: string | null) {
  return { file: report.file, sheet: report.sheet, cell };
}

function label(ind: Indicator): string {
  return ind.section ? `${ind.section} – ${ind.name}` : ind.name;
}

function show(ind: Indicator, n: number): string {
  return ind.rate ? formatPercent(n) : formatNumber(n);
}

/** Reads each mapped value into a figure, with a finding for each one that is not a figure. */
export function readFigures(report: UnitReport, rules: Rules, findings: Finding[]): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  const unit = report.unit;
  for (const ind of rules.indicators) {
    const entry = report.entries.get(ind.code);
    if (!entry) {
      // A row dropped from a section the unit did report on is a missing figure; a section the
      // report does not cover at all (an association's own table) is simply not there.
      if (report.layout === 'indicator-per-row' && !ind.formula && report.sections.has(ind.section)) {
        figures.set(ind.code, { status: 'missing', cell: null });
        findings.push(finding('missing-value', { unit, indicator: ind.code, ...where(report, null), message: `${unit}: thiếu dòng "${label(ind)}" trong báo cáo.` }));
      }
      continue;
    }
    figures.set(ind.code, figureOf(ind, entry.value, report, findings));
  }
  return figures;
}

function figureOf(ind: Indicator, v: ValueCell, report: UnitReport, findings: Finding[]): Figure {
  const unit = report.unit;
  const at = where(report, v.address);
  const r = v.reading;
  switch (r.kind) {
    case 'blank':
      findings.push(finding('missing-value', { unit, indicator: ind.code, ...at, message: `${unit}: "${label(ind)}" để trống (ô ${v.address}).` }));
      return { status: 'missing', cell: v.address };
    case 'not-applicable':
      return { status: 'not-applicable', cell: v.address };
    case 'error':
      findings.push(finding('invalid-value', { unit, indicator: ind.code, ...at, actual: r.code, message: `${unit}: "${label(ind)}" là ô lỗi ${r.code} (ô ${v.address}), không có số liệu.` }));
      return { status: 'invalid', text: r.code, cell: v.address };
    case 'text':
      findings.push(finding('invalid-value', { unit, indicator: ind.code, ...at, actual: r.text, message: `${unit}: "${label(ind)}" ghi "${r.text}" (ô ${v.address}), không phải số; không tính vào tổng.` }));
      return { status: 'invalid', text: r.text, cell: v.address };
    case 'number': {
      const value = ind.rate ? rateAsFraction(r) : r.value;
      if (Math.abs(r.value) > MAX_FIGURE) {
        findings.push(finding('invalid-value', { unit, indicator: ind.code, ...at, actual: String(r.value), message: `${unit}: "${label(ind)}" là số quá lớn (${String(r.value)}, ô ${v.address}); không tính vào tổng.` }));
        return { status: 'invalid', text: String(r.value), cell: v.address };
      }
      if (value < 0) {
        findings.push(finding('invalid-value', { unit, indicator: ind.code, ...at, actual: r.value, message: `${unit}: "${label(ind)}" là số âm ${formatNumber(r.value)} (ô ${v.address}); không tính vào tổng.` }));
        return { status: 'invalid', text: String(r.value), cell: v.address };
      }
      if (isWholeCount(ind) && !Number.isInteger(value)) {
        findings.push(finding('invalid-value', { unit, indicator: ind.code, ...at, actual: r.value, message: `${unit}: "${label(ind)}" là ${formatNumber(r.value, 4)} ${ind.unitOfMeasure} (ô ${v.address}), phải là số nguyên; không tính vào tổng.` }));
        return { status: 'invalid', text: String(r.value), cell: v.address };
      }
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

function appliesTo(ind: Indicator, roster: RosterUnit | null, report: UnitReport): boolean {
  if (ind.scope.kind === 'area') return false;
  if (ind.scope.kind === 'each') return true;
  const level = ind.scope.level;
  const unitLevel = fold(roster?.level ?? '') || fold(report.unit).split(' ')[0];
  return unitLevel === level || fold(roster?.name ?? report.unit).startsWith(level + ' ');
}

export interface TargetJudgement {
  ind: Indicator;
  actual: number;
  comparison: Comparison;
  prorated: boolean;
  parts?: string;
}

/** Judges one actual figure against a target and returns the finding, if any. */
export function judgeTarget(j: TargetJudgement, unit: string, loc: { file: string | null; sheet: string | null; cell: string | null }, who: string): Finding | null {
  const { ind, actual, comparison, prorated } = j;
  const v = judge(comparison, actual);
  const target = describeComparison(comparison, ind.rate);
  const uom = ind.rate ? '' : ind.unitOfMeasure ? ` ${ind.unitOfMeasure}` : '';
  const parts = j.parts ? ` (${j.parts})` : '';
  const base = { unit, indicator: ind.code, ...loc, actual, against: 'target' as const };
  if (v.status === 'short') {
    const gap = ind.rate ? `thiếu ${formatNumber(v.gap * 100)} điểm %` : `thiếu ${formatNumber(v.gap)}`;
    if (prorated) {
      return finding('behind-pace', { ...base, severity: 'warning', expected: v.required, message: `${who}: ${label(ind)} đến nay đạt ${show(ind, actual)}${uom}${parts}, theo tiến độ cần ${target}${uom} (chỉ tiêu cả kỳ: ${ind.condition!.text}), ${gap}.` });
    }
    return finding('shortfall', { ...base, severity: ind.severity, expected: v.required, message: `${who}: ${label(ind)} đạt ${show(ind, actual)}${uom}${parts}, chỉ tiêu ${target}${uom}, ${gap}.` });
  }
  if (v.status === 'over-limit') {
    return finding('shortfall', { ...base, severity: ind.severity, expected: v.limit, message: `${who}: ${label(ind)} là ${show(ind, actual)}${uom}${parts}, vượt mức cho phép ${target}${uom}.` });
  }
  if (v.status === 'exceeded') {
    return finding('exceeded', { ...base, severity: 'info', expected: v.max, message: `${who}: ${label(ind)} đạt ${show(ind, actual)}${uom}${parts}, vượt chỉ tiêu ${target}${uom}.` });
  }
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
      if (v !== undefined) u.derived.set(ind.code, v);
      checkStatedRate(ind, report.entries.get(ind.code), v, lookup, report, findings);
    }
    if (!appliesTo(ind, roster, report)) continue;
    const target = targetFor(ind, pace);
    if (!target) continue;
    const actual = lookup(ind.code);
    if (actual === undefined) continue; // already reported as missing or invalid, or its parts are
    const entry = report.entries.get(ind.code);
    const f = judgeTarget(
      { ind, actual, ...target, parts: describeParts(ind, lookup) },
      unit,
      where(report, entry?.value.address ?? firstPartCell(ind, report)),
      unit,
    );
    u.targets.checked++;
    if (!f || f.kind === 'exceeded') u.targets.met++;
    if (f) findings.push(f);
  }

  for (const [code, entry] of report.entries) {
    const ind = rules.byCode.get(code);
    if (!ind) continue;
    const outcome = checkPlan(ind, entry, figures.get(code), report, pace, findings);
    if (outcome === 'none') continue;
    u.targets.checked++;
    if (outcome === 'met') u.targets.met++;
  }

  for (const chk of rules.crossChecks) {
    const l = evaluate(chk.expr.left, lookup);
    const r = evaluate(chk.expr.right, lookup);
    if (l === undefined || r === undefined) continue; // a part is missing or invalid: reported there
    if (compare(chk.expr.op, l, r)) continue;
    const codes = codesOf(chk.expr);
    const first = codes[0];
    const entry = report.entries.get(first);
    const values = codes.map((c) => `${c} = ${lookup(c) === undefined ? '?' : formatNumber(lookup(c)!)}`).join(', ');
    findings.push(
      finding('inconsistent', {
        unit,
        indicator: first ?? null,
        check: chk.code,
        severity: chk.severity,
        ...where(report, entry?.value.address ?? null),
        actual: l,
        expected: r,
        message: `${unit}: kiểm tra ${chk.code} (${toText(chk.expr)}) không đúng: ${values}${chk.note ? ` – ${chk.note}` : ''}.`,
      }),
    );
  }
}

function firstPartCell(ind: Indicator, report: UnitReport): string | null {
  if (!ind.formula) return null;
  for (const c of codesOf(ind.formula)) {
    const e = report.entries.get(c);
    if (e) return e.value.address;
  }
  return null;
}

/** The unit's own plan ("Kế hoạch" column) for the row. */
function checkPlan(ind: Indicator, entry: IndicatorEntry, fig: Figure | undefined, report: UnitReport, pace: Pace, findings: Finding[]): 'met' | 'short' | 'none' {
  const plan = entry.plan?.reading;
  if (!plan || plan.kind !== 'number' || !fig || fig.status !== 'ok') return 'none';
  const planValue = ind.rate ? rateAsFraction(plan) : plan.value;
  if (planValue <= 0 || Math.abs(plan.value) > MAX_FIGURE) return 'none';
  const unit = report.unit;
  const prorated = !ind.rate && pace.months < pace.targetMonths && !ind.condition?.per;
  const required = prorated ? (planValue * pace.months) / pace.targetMonths : planValue;
  const short = fig.value + 1e-9 < required;
  if (short) {
    const gap = required - fig.value;
    const uom = ind.rate || !ind.unitOfMeasure ? '' : ` ${ind.unitOfMeasure}`;
    findings.push(
      finding(prorated ? 'behind-pace' : 'shortfall', {
        unit,
        indicator: ind.code,
        against: 'plan',
        severity: prorated ? 'warning' : ind.condition ? ind.severity : 'warning',
        ...where(report, entry.value.address),
        actual: fig.value,
        expected: required,
        message: `${unit}: ${label(ind)} đạt ${show(ind, fig.value)}/${show(ind, required)}${uom} theo kế hoạch của đơn vị${prorated ? ' (chia theo tiến độ)' : ''}, thiếu ${ind.rate ? formatNumber(gap * 100) + ' điểm %' : formatNumber(gap)}.`,
      }),
    );
  }
  const stated = entry.planRate?.reading;
  if (stated && stated.kind === 'number' && !ind.rate) {
    const computed = (fig.value / planValue) * 100;
    const typed = stated.percent && !stated.fromText ? stated.value * 100 : stated.value;
    if (!matchesRounded(typed, computed)) {
      findings.push(
        finding('inconsistent', {
          unit,
          indicator: ind.code,
          severity: 'warning',
          ...where(report, entry.planRate!.address),
          actual: typed,
          expected: computed,
          message: `${unit}: ${label(ind)} ghi tỷ lệ so với kế hoạch ${formatNumber(typed)}% (ô ${entry.planRate!.address}), tính lại ${formatNumber(fig.value)}/${formatNumber(planValue)} = ${formatNumber(computed)}%.`,
        }),
      );
    }
  }
  return short ? 'short' : 'met';
}

/**
 * A stated figure agrees with the computed one when it is the computed one rounded to the
 * decimals it shows. Truncating 92,118 to 92,11 does not agree: rounding gives 92,12.
 */
export function matchesRounded(stated: number, computed: number): boolean {
  const decimals = Math.min(decimalsOf(stated), 10);
  const tolerance = 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(computed));
  return Math.abs(stated - computed) <= tolerance;
}

function decimalsOf(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 10;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A rate row the unit filled in itself, against the rate recomputed from its parts. */
function checkStatedRate(ind: Indicator, entry: IndicatorEntry | undefined, computed: number | undefined, lookup: (c: string) => number | undefined, report: UnitReport, findings: Finding[]) {
  if (!entry || computed === undefined) return;
  const r = entry.value.reading;
  if (r.kind !== 'number') return;
  const statedFraction = rateAsFraction(r);
  const statedPoints = r.percent && !r.fromText ? r.value * 100 : r.value;
  if (matchesRounded(statedPoints, computed * 100)) return;
  // 0,996 typed into a cell without a percent format is still a fraction, not 0,996%.
  if (!r.percent && r.value <= 1 && matchesRounded(r.value, computed)) return;
  const unit = report.unit;
  const parts = describeParts(ind, lookup);
  const tenTimes = Math.abs(statedFraction * 10 - computed) < 0.01 ? ' (có lẽ gõ thiếu một chữ số hoặc sai vị trí dấu phẩy)' : '';
  findings.push(
    finding('inconsistent', {
      unit,
      indicator: ind.code,
      severity: 'error',
      ...where(report, entry.value.address),
      actual: statedFraction,
      expected: computed,
      message: `${unit}: ${label(ind)} ghi ${formatNumber(statedPoints)}% (ô ${entry.value.address}) nhưng tính lại từ số liệu${parts ? ` ${parts}` : ''} được ${formatPercent(computed)}${tenTimes}.`,
    }),
  );
}
