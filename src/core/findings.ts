// The catalogue of findings. Each kind has a code, a default severity and a one-line meaning;
// the message of each finding is written where it is found, in words a clerk understands.
import { Severity } from './plan';

export type FindingKind =
  | 'shortfall'
  | 'behind-pace'
  | 'exceeded'
  | 'inconsistent'
  | 'invalid-value'
  | 'missing-value'
  | 'missing-unit'
  | 'duplicate-unit'
  | 'unknown-unit'
  | 'unmapped-row'
  | 'no-table'
  | 'unreadable-file'
  | 'invalid-rule';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Roster name of the unit, "*" for the area, "" when the finding is about a file or the rules. */
  unit: string;
  indicator: string | null;
  /** Code of the cross check that failed, if any. */
  check: string | null;
  /** For shortfalls: measured against the rules' target or the unit's own plan. */
  against?: 'target' | 'plan';
  actual: number | string | null;
  expected: number | string | null;
  file: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
}

export const FINDING_KINDS: Record<FindingKind, { label: string; severity: Severity; meaning: string }> = {
  shortfall: { label: 'Không đạt chỉ tiêu', severity: 'warning', meaning: 'Thấp hơn chỉ tiêu (của địa bàn, của đơn vị, hoặc kế hoạch đơn vị tự đặt).' },
  'behind-pace': { label: 'Chậm tiến độ', severity: 'warning', meaning: 'Báo cáo một phần năm: thấp hơn chỉ tiêu đã chia theo số tháng.' },
  exceeded: { label: 'Vượt chỉ tiêu', severity: 'info', meaning: 'Cao hơn đầu trên của khoảng chỉ tiêu.' },
  inconsistent: { label: 'Không khớp', severity: 'error', meaning: 'Kiểm tra chéo sai, tỷ lệ ghi khác tỷ lệ tính lại, hoặc dòng Tổng cộng khác tổng các dòng.' },
  'invalid-value': { label: 'Giá trị không hợp lệ', severity: 'error', meaning: 'Chữ không phải số, số âm, số lẻ ở chỗ phải là số nguyên, ô lỗi.' },
  'missing-value': { label: 'Thiếu số liệu', severity: 'warning', meaning: 'Ô để trống hoặc thiếu dòng ở chỗ cần số liệu.' },
  'missing-unit': { label: 'Chưa gửi báo cáo', severity: 'error', meaning: 'Đơn vị trong danh sách không gửi báo cáo.' },
  'duplicate-unit': { label: 'Gửi trùng', severity: 'warning', meaning: 'Một đơn vị gửi hai lần; dùng bản có ngày muộn hơn.' },
  'unknown-unit': { label: 'Không rõ đơn vị', severity: 'error', meaning: 'Không nhận ra báo cáo của đơn vị nào trong danh sách.' },
  'unmapped-row': { label: 'Dòng không khớp', severity: 'info', meaning: 'Dòng không khớp chỉ tiêu nào; thêm tên vào "Tên gọi khác" nếu cần.' },
  'no-table': { label: 'Không thấy bảng', severity: 'error', meaning: 'Trang tính không có bảng số liệu nhận ra được.' },
  'unreadable-file': { label: 'Không đọc được tệp', severity: 'error', meaning: 'Tệp hỏng, không phải .xlsx, có mật khẩu hoặc trống.' },
  'invalid-rule': { label: 'Lỗi tệp chỉ tiêu', severity: 'error', meaning: 'Một dòng của tệp chỉ tiêu không đọc được.' },
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

export function finding(
  kind: FindingKind,
  fields: Partial<Omit<Finding, 'kind' | 'message'>> & { message: string },
): Finding {
  return {
    kind,
    severity: fields.severity ?? FINDING_KINDS[kind].severity,
    unit: fields.unit ?? '',
    indicator: fields.indicator ?? null,
    check: fields.check ?? null,
    ...(fields.against ? { against: fields.against } : {}),
    actual: fields.actual ?? null,
    expected: fields.expected ?? null,
    file: fields.file ?? null,
    sheet: fields.sheet ?? null,
    cell: fields.cell ?? null,
    message: fields.message,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A stable order, so the same inputs always give byte-identical output. */
export function compareFindings(a: Finding, b: Finding, unitOrder: (u: string) => number, indicatorOrder: (code: string | null) => number): number {
  return (
    unitOrder(a.unit) - unitOrder(b.unit) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    indicatorOrder(a.indicator) - indicatorOrder(b.indicator) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    cellOrder(a.cell) - cellOrder(b.cell) ||
    a.kind.localeCompare(b.kind) ||
    (a.indicator ?? '').localeCompare(b.indicator ?? '') ||
    a.message.localeCompare(b.message)
  );
}

function cellOrder(cell: string | null): number {
  if (!cell) return -1;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20000 + col;
}
