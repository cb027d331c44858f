// The area's verdict in one sentence, the same for the command line, the pane and the rollup.
// It is only as good as the units read: it never says every target was met when a roster unit
// was not read, and says plainly when nothing was read at all.
import { appliesTo, givesFigure } from './checks';
import type { Finding } from './findings';
import type { Indicator } from './rules';
import type { CheckResult, Coverage, UnitRow } from './session';

export type VerdictStatus = 'nothing-read' | 'short' | 'met' | 'partial';

export interface AreaVerdict {
  status: VerdictStatus;
  /** "5/7 đơn vị: 1 tệp không đọc được, 1 đơn vị chưa gửi". */
  basis: string;
  text: string;
  /** Targets no figure let it judge (a blank figure, a total with nothing in it): never "met". */
  unassessed: string[];
  /** Area targets missed (shortfall, over a limit, behind the pace). */
  short: number;
  /**
   * Indicators whose area figure is in doubt without a target being missed: a "Tổng cộng" row of
   * an association's table that does not add up. Never "met", and never counted as missed.
   */
  doubtful: string[];
}

/** The kinds of finding that say a target was missed. */
export const TARGET_KINDS: ReadonlySet<Finding['kind']> = new Set(['shortfall', 'behind-pace', 'exceeded']);

/** What the figures rest on. */
export function coverageText(c: Coverage): string {
  const gaps = [
    c.unreadableFiles ? `${c.unreadableFiles} tệp không đọc được` : '',
    c.missing.length ? `${c.missing.length} đơn vị chưa gửi` : '',
    c.otherPeriod.length ? `${c.otherPeriod.length} đơn vị chỉ gửi báo cáo kỳ khác` : '',
    c.unknown ? `${c.unknown} báo cáo không rõ đơn vị` : '',
  ].filter(Boolean);
  const read = c.roster > 0 ? `${c.read}/${c.roster} đơn vị` : `${c.read} báo cáo`;
  return gaps.length ? `${read}: ${gaps.join(', ')}` : read;
}

/** Whether every unit the area is made of was read. */
export function isComplete(c: Coverage): boolean {
  return c.read > 0 && c.unreadableFiles === 0 && c.missing.length === 0 && c.otherPeriod.length === 0 && (c.roster === 0 || c.read === c.roster);
}

export function areaVerdict(result: CheckResult): AreaVerdict {
  const c = result.coverage;
  const basis = coverageText(c);
  const unassessed = unassessedTargets(result).map((ind) => ind.name);
  const area = result.findings.filter((f) => f.unit === '*' && f.severity !== 'info');
  const short = area.filter((f) => TARGET_KINDS.has(f.kind)).length;
  const doubtful = [...new Set(area.filter((f) => !TARGET_KINDS.has(f.kind)).map((f) => nameOf(result, f.indicator)))];
  const v = (status: VerdictStatus, text: string): AreaVerdict => ({ status, basis, text, unassessed, short, doubtful });
  // Reports read but all set aside for another year were read: what is missing is this round's.
  const none = c.otherPeriod.length ? 'không có báo cáo nào của kỳ này' : 'không đọc được báo cáo nào';
  if (c.read === 0) return v('nothing-read', `Không kiểm tra được gì: ${none} (${basis}).`);
  if (short > 0) return v('short', `Toàn địa bàn chưa đạt ${short} chỉ tiêu (dựa trên ${basis}):`);
  if (doubtful.length) {
    return v('partial', `Chưa kết luận được cho toàn địa bàn: không thiếu chỉ tiêu nào, nhưng số liệu tổng của ${doubtful.length} chỉ tiêu cần xem lại (${doubtful.join('; ')}); dựa trên ${basis}:`);
  }
  // A target the rules workbook states in words not understood was judged for nobody: never "met".
  const unchecked = result.rules.indicators.filter((ind) => ind.unchecked).map((ind) => ind.name);
  if (unchecked.length) {
    return v('partial', `Chưa kết luận được cho toàn địa bàn: ${unchecked.length} chỉ tiêu chưa kiểm tra được vì tệp chỉ tiêu ghi chưa đúng (${listed(unchecked)}); dựa trên ${basis}.`);
  }
  if (isComplete(c) && unassessed.length === 0) return v('met', `Toàn địa bàn: đạt mọi chỉ tiêu (${basis}).`);
  // Worded so that no part of it reads as "every target met" to someone skimming.
  if (unassessed.length) {
    return v('partial', `Chưa kết luận được cho toàn địa bàn: ${unassessed.length} chỉ tiêu chưa có đủ số liệu để đánh giá (${listed(unassessed)}); dựa trên ${basis}.`);
  }
  return v('partial', `Chưa kết luận được cho toàn địa bàn: các đơn vị đã đọc không thiếu chỉ tiêu nào, nhưng kết quả chỉ dựa trên ${basis}.`);
}

const listed = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join('; ')}; và ${names.length - 5} chỉ tiêu khác` : names.join('; '));

function nameOf(result: CheckResult, code: string | null | undefined): string {
  return result.rules.indicators.find((ind) => ind.code === code)?.name ?? code ?? '';
}

/**
 * Indicators with a target that the figures read could not judge: an area target with no total
 * or rate, or a unit target some unit read and held to it gave no figure for ("x", not
 * applicable, is an answer).
 */
export function unassessedTargets(result: CheckResult): Indicator[] {
  const hasRoster = result.rows.some((r) => r.roster);
  const read = result.rows.filter((r) => r.report && (r.roster || !hasRoster));
  return result.rules.indicators.filter((ind) => {
    if (!ind.condition) return false;
    if (ind.scope.kind === 'area') return !result.rollup.totals.has(ind.code) && !result.rollup.ratios.has(ind.code);
    return read.some((r) => appliesTo(ind, r.roster, r.report!) && !givesFigure(r, ind, true));
  });
}
