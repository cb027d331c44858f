// The area's verdict in one sentence, the same for the command line, the pane and the rollup.
// It is only as good as the units read: it never says every target was met when a roster unit
// was not read, and says plainly when nothing was read at all.
import type { CheckResult, Coverage } from './session';

export type VerdictStatus = 'nothing-read' | 'short' | 'met' | 'partial';

export interface AreaVerdict {
  status: VerdictStatus;
  /** "5/7 đơn vị: 1 tệp không đọc được, 1 đơn vị chưa gửi". */
  basis: string;
  text: string;
}

/** What the figures rest on. */
export function coverageText(c: Coverage): string {
  const gaps = [
    c.unreadableFiles ? `${c.unreadableFiles} tệp không đọc được` : '',
    c.missing.length ? `${c.missing.length} đơn vị chưa gửi` : '',
    c.unknown ? `${c.unknown} báo cáo không rõ đơn vị` : '',
  ].filter(Boolean);
  const read = c.roster > 0 ? `${c.read}/${c.roster} đơn vị` : `${c.read} báo cáo`;
  return gaps.length ? `${read}: ${gaps.join(', ')}` : read;
}

/** Whether every unit the area is made of was read. */
export function isComplete(c: Coverage): boolean {
  return c.read > 0 && c.unreadableFiles === 0 && c.missing.length === 0 && (c.roster === 0 || c.read === c.roster);
}

export function areaVerdict(result: CheckResult): AreaVerdict {
  const c = result.coverage;
  const basis = coverageText(c);
  if (c.read === 0) return { status: 'nothing-read', basis, text: `Không kiểm tra được gì: không đọc được báo cáo nào (${basis}).` };
  const short = result.findings.filter((f) => f.unit === '*' && f.severity !== 'info').length;
  if (short > 0) return { status: 'short', basis, text: `Toàn địa bàn chưa đạt ${short} chỉ tiêu (dựa trên ${basis}):` };
  if (isComplete(c)) return { status: 'met', basis, text: `Toàn địa bàn: đạt mọi chỉ tiêu (${basis}).` };
  // Worded so that no part of it reads as "every target met" to someone skimming.
  return { status: 'partial', basis, text: `Chưa kết luận được cho toàn địa bàn: các đơn vị đã đọc không thiếu chỉ tiêu nào, nhưng kết quả chỉ dựa trên ${basis}.` };
}
