// The draft of the office's narrative report ("Dự thảo báo cáo"), written from the check result
// alone, section by section, as the offices write theirs: each indicator's area figure against its
// target ("đạt 107,5% chỉ tiêu"), rates with their parts, the units that fell short, the change
// against "Cùng kỳ", who did not report or could not be read, and the figures that do not add up,
// said as such. No sentence claims what the figures do not show: a verdict on part of the units
// says so, and a figure with an open problem is named with it.
import { givesFigure, targetFor } from './checks';
import { codesOf } from './expressions';
import { Finding, isAccepted } from './findings';
import { AreaChange } from './last-year';
import { formatNumber, formatPercent } from './numbers';
import { areaLookup } from './rollup';
import { Indicator } from './rules';
import { CheckResult } from './session';
import { TARGET_KINDS, isComplete } from './verdict';

export type ParagraphStyle = 'title' | 'heading' | 'body';

export interface Paragraph {
  style: ParagraphStyle;
  text: string;
}

/** Kinds that make a figure not yet fit to report: said as such, never smoothed over. */
const DATA_PROBLEMS: ReadonlySet<Finding['kind']> = new Set(['inconsistent', 'invalid-value', 'missing-value', 'outlier']);
/**
 * Lists longer than this are cut, naming how many more there are and where they are: a province
 * has 170 units, and an Excel cell holds at most 32.767 characters.
 */
export const MAX_LISTED = 20;

/** "A, B, C" or "A, B, … và 12 đơn vị khác (xem trang "Kết quả kiểm tra")". */
function list(items: string[], what: string, sep = ', '): string {
  if (items.length <= MAX_LISTED) return items.join(sep);
  return `${items.slice(0, MAX_LISTED).join(sep)}${sep}và ${items.length - MAX_LISTED} ${what} khác (xem trang "Kết quả kiểm tra")`;
}

export function draftReport(result: CheckResult): Paragraph[] {
  const out: Paragraph[] = [
    { style: 'title', text: `DỰ THẢO BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU ${result.period.label.toLocaleUpperCase('vi')}` },
    { style: 'body', text: 'Dự thảo lập tự động từ kết quả kiểm tra số liệu các đơn vị gửi; cán bộ đọc lại, sửa và bổ sung trước khi dùng.' },
    { style: 'body', text: coverageParagraph(result) },
  ];
  const summary = summaryParagraph(result);
  if (summary) out.push({ style: 'body', text: summary });
  const sections = [...result.rules.sections, ''];
  for (const section of sections) {
    const inds = result.rules.indicators.filter((i) => i.section === section);
    const sentences = inds.map((ind) => indicatorSentence(result, ind)).filter((s): s is string => !!s);
    const problems = dataProblems(result, inds);
    if (!sentences.length && !problems) continue;
    out.push({ style: 'heading', text: section || 'Chỉ tiêu khác' });
    if (sentences.length) out.push({ style: 'body', text: sentences.join(' ') });
    if (problems) out.push({ style: 'body', text: problems });
  }
  return out;
}

/** Who reported, who did not, whose files could not be read: what every figure below rests on. */
function coverageParagraph(result: CheckResult): string {
  const c = result.coverage;
  const parts: string[] = [c.roster > 0 ? `Đã nhận và đọc được báo cáo của ${c.read}/${c.roster} đơn vị.` : `Đã đọc được ${c.read} báo cáo.`];
  if (c.missing.length) parts.push(`Chưa gửi báo cáo (${c.missing.length}): ${list(c.missing, 'đơn vị')}.`);
  if (c.otherPeriod.length) parts.push(`Chỉ gửi báo cáo của kỳ khác, chưa tính vào tổng hợp (${c.otherPeriod.length}): ${list(c.otherPeriod, 'đơn vị')}.`);
  const unreadable = result.findings.filter((f) => (f.kind === 'unreadable-file' || f.kind === 'no-table') && f.severity === 'error');
  if (unreadable.length) parts.push(`Không đọc được ${unreadable.length} tệp: ${list(unreadable.map((f) => `"${f.file}"${f.unit ? ` (${f.unit})` : ''}`), 'tệp')}.`);
  if (c.unknown) parts.push(`${c.unknown} báo cáo không rõ là của đơn vị nào trong danh sách, không cộng vào tổng.`);
  if (c.read === 0) parts.push('Chưa có báo cáo nào đọc được, nên chưa có số liệu để báo cáo.');
  if (!isComplete(c) && c.read > 0) parts.push(`Số liệu toàn địa bàn dưới đây chỉ tính trên ${c.read} đơn vị đọc được, chưa phải số liệu đầy đủ.`);
  return parts.join(' ');
}

/** One indicator in a sentence or two; null when there is nothing to say about it. */
function indicatorSentence(result: CheckResult, ind: Indicator): string | null {
  const value = areaValue(result, ind);
  const target = ind.condition && ind.scope.kind === 'area' ? areaTarget(result, ind, value?.number ?? null) : '';
  const units = ind.condition && ind.scope.kind !== 'area' ? unitTargets(result, ind) : '';
  const plans = planShortfalls(result, ind);
  const change = lastYearText(result, ind);
  if (!value && !target && !units && !plans) return null;
  const head = value ? `${ind.name}: ${value.text}` : `${ind.name}: chưa có số liệu toàn địa bàn`;
  // A rate is as incomplete as the totals it is made of.
  const codes = ind.formula ? codesOf(ind.formula) : [ind.code];
  const incomplete = [...new Set(codes.flatMap((c) => result.rollup.incomplete.get(c) ?? []))];
  const left = incomplete.length ? ` (tổng chưa đủ: chưa tính số liệu không hợp lệ hoặc thiếu của ${incomplete.join(', ')})` : '';
  return `${head}${left}${target}${change}.${units}${plans}`;
}

/** "2.150 hộ", or a rate with its parts: "96,5% (2.026/2.100 hộ)". */
function areaValue(result: CheckResult, ind: Indicator): { number: number; text: string } | null {
  if (ind.formula) {
    const v = result.rollup.ratios.get(ind.code);
    if (v === undefined) return null;
    const parts = rateParts(result, ind);
    return { number: v, text: `${formatPercent(v)}${parts ? ` (${parts})` : ''}` };
  }
  const v = result.rollup.totals.get(ind.code);
  return v === undefined ? null : { number: v, text: amount(ind, v) };
}

function amount(ind: Indicator, n: number): string {
  return ind.rate ? formatPercent(n) : `${formatNumber(n)}${ind.unitOfMeasure ? ` ${ind.unitOfMeasure}` : ''}`;
}

/** "11.963/12.011 hộ" for a rate that is one count over another. */
function rateParts(result: CheckResult, ind: Indicator): string | null {
  const f = ind.formula;
  if (!f || f.type !== 'arith' || f.op !== '/' || f.left.type !== 'code' || f.right.type !== 'code') return null;
  const basis = result.rollup.rateBasis.get(ind.code);
  const lookup = areaLookup(basis?.parts ?? result.rollup.totals, result.rules);
  const a = lookup(f.left.code);
  const b = lookup(f.right.code);
  const uom = result.rules.byCode.get(f.left.code)?.unitOfMeasure ?? '';
  const over = basis ? `, trên ${basis.units}/${basis.of} đơn vị có đủ số liệu` : '';
  return a === undefined || b === undefined ? null : `${formatNumber(a)}/${formatNumber(b)}${uom ? ` ${uom}` : ''}${over}`;
}

/** ", đạt 107,5% chỉ tiêu (từ 200 trở lên), vượt chỉ tiêu" from the area's finding, or its absence. */
function areaTarget(result: CheckResult, ind: Indicator, actual: number | null): string {
  const j = areaJudgement(result, ind, actual);
  if (!j) return '';
  const cond = ind.condition!;
  const paced = j.prorated ? `; theo tiến độ ${result.period.months}/${result.rules.period.months} tháng cần ${amount(ind, j.threshold ?? 0)}` : '';
  const share = !ind.rate && j.threshold ? `, đạt ${formatNumber((actual! / j.threshold) * 100, 1)}% chỉ tiêu (${cond.text}${paced})` : `, chỉ tiêu ${cond.text}${paced}`;
  // A verdict on part of the units, or on a total that leaves figures out, says so.
  const incomplete = codesFor(ind).some((c) => result.rollup.incomplete.get(c)?.length);
  const basis = !isComplete(result.coverage) ? ` (tính trên số liệu của ${result.coverage.read} đơn vị đọc được)` : incomplete ? ' (tính trên số liệu đã có)' : '';
  const f = j.finding;
  if (!f || f.kind === 'exceeded') return `${share}: ${j.status === 'over' ? 'vượt' : 'đạt'} chỉ tiêu${basis}`;
  const accepted = isAccepted(f) ? ' (đã chấp nhận giải trình)' : '';
  const gap = typeof f.expected === 'number' && typeof f.actual === 'number' ? Math.abs(f.actual - f.expected) : null;
  const gapText = gap === null ? '' : `, ${f.actual! > f.expected! ? 'vượt mức cho phép' : 'còn thiếu'} ${ind.rate ? `${formatNumber(gap * 100)} điểm %` : amount(ind, gap)}`;
  return `${share}: ${f.kind === 'behind-pace' ? 'chậm tiến độ' : 'chưa đạt chỉ tiêu'}${gapText}${basis}${accepted}`;
}

type AreaJudgement = { status: 'met' | 'over' | 'short'; finding: Finding | undefined; threshold: number | null; prorated: boolean };

/** The area's target as the check judged it: its finding if any (short, behind pace, over a range), else met. */
function areaJudgement(result: CheckResult, ind: Indicator, actual: number | null): AreaJudgement | null {
  if (actual === null || !ind.condition || ind.scope.kind !== 'area') return null;
  const t = targetFor(ind, { months: result.period.months, targetMonths: result.rules.period.months });
  if (!t) return null;
  const c = t.comparison;
  const threshold = c.op === 'atLeast' || c.op === 'range' ? c.min : c.op === 'greaterThan' || c.op === 'equal' ? c.value : null;
  const finding = result.findings.find((x) => x.unit === '*' && x.indicator === ind.code && TARGET_KINDS.has(x.kind));
  const over = finding?.kind === 'exceeded' || (threshold !== null && actual > threshold + 1e-9);
  return { status: finding && finding.kind !== 'exceeded' ? 'short' : over ? 'over' : 'met', finding, threshold, prorated: t.prorated };
}

function codesFor(ind: Indicator): string[] {
  return ind.formula ? codesOf(ind.formula) : [ind.code];
}

/** "Trong 12 chỉ tiêu tính cho toàn địa bàn: đạt 7, chưa đạt 5 (…)." */
function summaryParagraph(result: CheckResult): string | null {
  const judged = result.rules.indicators
    .map((ind) => ({ ind, j: areaJudgement(result, ind, areaValue(result, ind)?.number ?? null) }))
    .filter((x): x is { ind: Indicator; j: AreaJudgement } => x.j !== null);
  if (!judged.length) return null;
  const short = judged.filter((x) => x.j.status === 'short');
  const name = (ind: Indicator) => (ind.section ? `${ind.section} – ${ind.name}` : ind.name);
  const basis = isComplete(result.coverage) ? '' : ` (tính trên số liệu của ${result.coverage.read} đơn vị đọc được)`;
  return `Trong ${judged.length} chỉ tiêu tính cho toàn địa bàn: đạt và vượt ${judged.length - short.length}, chưa đạt ${short.length}${short.length ? ` (${short.map((x) => name(x.ind)).join('; ')})` : ''}${basis}.`;
}

/** " Chỉ tiêu mỗi đơn vị (ít nhất 2): 4/6 đơn vị đạt; chưa đạt: Phường Đồng Tâm (1 mô hình/2)." */
function unitTargets(result: CheckResult, ind: Indicator): string {
  const hasRoster = result.rows.some((x) => x.roster);
  // Only the units counted here: a report naming no roster unit is checked but not counted, so
  // its shortfall must not be subtracted from "x/y đơn vị đạt".
  const counted = new Set(result.rows.filter((r) => r.report && (r.roster || !hasRoster) && givesFigure(r, ind)).map((r) => r.unit));
  const checked = counted.size;
  if (!checked) return '';
  const own = (f: Finding) => counted.has(f.unit) && f.indicator === ind.code && f.against !== 'plan' && TARGET_KINDS.has(f.kind);
  const short = result.findings.filter((f) => own(f) && f.kind !== 'exceeded');
  const over = result.findings.filter((f) => own(f) && f.kind === 'exceeded');
  const scope = ind.scope.label.toLocaleLowerCase('vi');
  let s = ` Chỉ tiêu ${scope} (${ind.condition!.text}): ${checked - short.length}/${checked} đơn vị đạt`;
  if (short.length) s += `; chưa đạt: ${list(short.map((f) => `${f.unit} (${figure(ind, f)}${isAccepted(f) ? ', đã giải trình' : ''})`), 'đơn vị')}`;
  if (over.length) s += `; vượt: ${list(over.map((f) => `${f.unit} (${figure(ind, f)})`), 'đơn vị')}`;
  return `${s}.`;
}

/** "30/40 người": the unit's figure against what it was held to. */
function figure(ind: Indicator, f: Finding): string {
  const a = typeof f.actual === 'number' ? (ind.rate ? formatPercent(f.actual) : formatNumber(f.actual)) : String(f.actual);
  const e = typeof f.expected === 'number' ? (ind.rate ? formatPercent(f.expected) : formatNumber(f.expected)) : '';
  return `${a}${e ? `/${e}` : ''}${!ind.rate && ind.unitOfMeasure ? ` ${ind.unitOfMeasure}` : ''}`;
}

function planShortfalls(result: CheckResult, ind: Indicator): string {
  const short = result.findings.filter((f) => f.indicator === ind.code && f.against === 'plan' && (f.kind === 'shortfall' || f.kind === 'behind-pace'));
  return short.length ? ` Chưa đạt kế hoạch đơn vị tự đặt: ${list(short.map((f) => `${f.unit} (${figure(ind, f)})`), 'đơn vị')}.` : '';
}

/** ", so với cùng kỳ tăng 12 người (+6,2%)", over the units that gave last year's figure. */
function lastYearText(result: CheckResult, ind: Indicator): string {
  const c: AreaChange | undefined = result.lastYear?.area.get(ind.code);
  if (!c) return '';
  const d = c.now - c.before;
  const basis = c.units < c.of ? ` (so sánh trên ${c.units}/${c.of} đơn vị có số cùng kỳ: ${amount(ind, c.now)} so với ${amount(ind, c.before)})` : '';
  if (Math.abs(d) < 1e-9) return `, bằng cùng kỳ${basis}`;
  const size = ind.rate ? `${formatNumber(Math.abs(d) * 100)} điểm %` : amount(ind, Math.abs(d));
  const rel = !ind.rate && c.before > 0 ? ` (${d > 0 ? '+' : '-'}${formatNumber((Math.abs(d) / c.before) * 100, 1)}%)` : '';
  return `, so với cùng kỳ ${d > 0 ? 'tăng' : 'giảm'} ${size}${rel}${basis}`;
}

/** The section's figures that do not add up, are not figures, are missing or look mistyped. */
function dataProblems(result: CheckResult, inds: Indicator[]): string {
  const codes = new Set(inds.map((i) => i.code));
  const found = result.findings.filter((f) => f.indicator && codes.has(f.indicator) && DATA_PROBLEMS.has(f.kind) && !isAccepted(f));
  if (!found.length) return '';
  return `Số liệu chưa khớp, chưa đủ hoặc cần kiểm tra lại (chưa nên dùng khi chưa làm rõ): ${list(found.map((f) => f.message), 'phát hiện', ' ')}`;
}
