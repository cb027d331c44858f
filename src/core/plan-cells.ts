// What every planned sheet is made of: text and number values, header cells, the unit statuses
// in words, and a cell marked with its findings (fill and note).
import { Finding, byWorst, isAccepted } from './findings';
import { PlannedCell, PlannedValue, SEVERITY_FILL } from './plan';
import { UnitStatus } from './session';

/** The title of a unit's feedback sheet; a sheet under it, sent back among the reports, is the office's own, not a report. */
export const FEEDBACK_TITLE = 'PHIẾU PHẢN HỒI KẾT QUẢ KIỂM TRA BÁO CÁO';

export const SHEET_NAMES = { rollup: 'Tổng hợp', rates: 'Tỷ lệ', findings: 'Kết quả kiểm tra', changes: 'Thay đổi', report: 'Báo cáo' } as const;

export const text = (t: string): PlannedValue => ({ text: t });
export const num = (n: number): PlannedValue => ({ number: n });
export const empty: PlannedValue = { empty: true };

/** A header cell: bold, wrapped, centred, on the header fill. */
export function header(row: number, col: number, t: string, extra: Partial<PlannedCell> = {}): PlannedCell {
  return { row, col, value: text(t), bold: true, wrap: true, align: 'center', fill: 'D9E1F2', ...extra };
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A unit's status in words, as the rollup's status column shows it. */
export const STATUS_TEXT: Record<UnitStatus, (errors: number, warnings: number) => string> = {
  ok: () => 'Đạt',
  warnings: (_, w) => `${w} cảnh báo`,
  errors: (e, w) => `${e} lỗi${w ? `, ${w} cảnh báo` : ''}`,
  missing: () => 'Chưa gửi báo cáo',
  unreadable: () => 'Không đọc được tệp',
  'other-period': () => 'Chỉ gửi báo cáo kỳ khác',
  unknown: () => 'Không có trong danh sách đơn vị',
};

/** Findings per (unit, indicator), worst first, for the fill and note on a figure's cell. */
export function worstByCell(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.indicator) continue;
    const key = cellKey(f.unit, f.indicator);
    const list = m.get(key) ?? [];
    list.push(f);
    m.set(key, list);
  }
  for (const list of m.values()) list.sort(byWorst);
  return m;
}

export const cellKey = (unit: string, code: string) => `${unit}\u0000${code}`;

/** The cell filled by its worst finding and noted with every message (information only when over a range). */
export function decorate(cell: PlannedCell, list: Finding[] | undefined): PlannedCell {
  const shown = list?.filter((f) => !isAccepted(f) && (f.severity !== 'info' || f.kind === 'exceeded'));
  if (!shown || shown.length === 0) return cell;
  return { ...cell, fill: SEVERITY_FILL[shown[0].severity], note: shown.map((f) => f.message).join('\n') };
}
