// Reports carrying a "Cùng kỳ" (same period last year) column, built in code, over six units
// (enough for the peer comparison), and a check run on them.
import { CheckSession, readRules } from '../../src/core';
import type { CheckResult } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { IndicatorSpec, Row, SheetSpec, rulesWorkbook, xlsx } from './build';

export const SIX_UNITS: Array<[string, string, string]> = [
  ['Phường Hòa Lạc', '', 'Phường'],
  ['Phường Tân Thành', '', 'Phường'],
  ['Phường Đồng Tâm', '', 'Phường'],
  ['Xã Yên Bình', '', 'Xã'],
  ['Xã Phú Thịnh', '', 'Xã'],
  ['Xã Thanh Sơn', '', 'Xã'],
];

/** Each unit's header line as it writes it. */
export const UNIT_LINES = ['ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'ĐẢNG ỦY PHƯỜNG TÂN THÀNH', 'ĐẢNG ỦY PHƯỜNG ĐỒNG TÂM', 'ĐẢNG ỦY XÃ YÊN BÌNH', 'ĐẢNG ỦY XÃ PHÚ THỊNH', 'ĐẢNG ỦY XÃ THANH SƠN'];

export const LY_INDICATORS: IndicatorSpec[] = [
  { code: 'SO_HO', section: 'Mặt trận Tổ quốc', name: 'Tổng số hộ gia đình', uom: 'hộ' },
  { code: 'NHA_DDK', section: 'Mặt trận Tổ quốc', name: 'Nhà đại đoàn kết xây dựng mới', uom: 'nhà' },
  { code: 'HND_HV', section: 'Hội Nông dân', name: 'Tổng số hội viên', uom: 'người' },
  { code: 'HND_KN', section: 'Hội Nông dân', name: 'Kết nạp hội viên mới', uom: 'người', condition: 'từ 100 hội viên trở lên', scope: 'Toàn địa bàn' },
];

/** Label, unit of measure, this year, last year, per code. */
const ROWS: Array<[string, string, string]> = [
  ['SO_HO', 'Tổng số hộ gia đình', 'Hộ'],
  ['NHA_DDK', 'Nhà đại đoàn kết xây dựng mới', 'Nhà'],
  ['HND_HV', 'Tổng số hội viên', 'Người'],
  ['HND_KN', 'Kết nạp hội viên mới', 'Người'],
];

export type Figures = Record<string, [number | null, number | null]>;

/** "STT | Nội dung | ĐVT | Thực hiện | <lastYearHeader> | So với cùng kỳ (%) | Ghi chú". */
export function lastYearSheet(unitLine: string, figures: Figures, lastYearHeader = 'Cùng kỳ năm trước'): SheetSpec {
  const rows: Row[] = [
    ['ĐẢNG BỘ THỊ XÃ HÒA BÌNH', null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
    [unitLine, null, null, 'ngày 12 tháng 12 năm 2023'],
    ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023'],
    ['STT', 'Nội dung', 'ĐVT', 'Thực hiện', lastYearHeader, 'So với cùng kỳ (%)', 'Ghi chú'],
    ['I', 'MẶT TRẬN TỔ QUỐC'],
  ];
  ROWS.forEach(([code, label, uom], i) => {
    if (code === 'HND_HV') rows.push(['II', 'HỘI NÔNG DÂN']);
    const [now, before] = figures[code] ?? [null, null];
    const pct = now !== null && before ? Math.round((now / before) * 1000) / 10 : null;
    rows.push([i + 1, label, uom, now, before, pct]);
  });
  rows.push([], ['NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY']);
  return { name: 'Biểu 01', rows };
}

/** Six units, each its own figures; `codes` of `sizes` give the rules' "Quy mô" column. */
export async function checkLastYear(perUnit: Figures[], opts: { settings?: Row[]; sizes?: Record<string, string>; headers?: string[]; extra?: IndicatorSpec[] } = {}): Promise<CheckResult> {
  const indicators = [...LY_INDICATORS, ...(opts.extra ?? [])].map((i) => ({ ...i, size: opts.sizes?.[i.code] }));
  const rulesBytes = await rulesWorkbook({ indicators, roster: SIX_UNITS, checks: [['K1', 'HND_KN <= HND_HV', 'Lỗi']], settings: opts.settings });
  const { rules, problems } = readRules(await readWorkbookBuffer(rulesBytes, 'rules.xlsx'));
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  for (let i = 0; i < perUnit.length; i++) {
    const bytes = await xlsx([lastYearSheet(UNIT_LINES[i], perUnit[i], opts.headers?.[i])]);
    session.addWorkbook(await readWorkbookBuffer(bytes, `bc-${i + 1}.xlsx`));
  }
  return session.finish();
}

/** Plausible figures for unit i: sizes differ, shares alike. */
export function plausible(i: number): Figures {
  const households = [1200, 950, 1800, 700, 1400, 1100][i];
  const members = Math.round(households * 0.4);
  return {
    SO_HO: [households, households - 10],
    NHA_DDK: [2 + (i % 3), 2],
    HND_HV: [members, members - 12],
    HND_KN: [Math.round(members * 0.06) + (i % 2), Math.round(members * 0.05)],
  };
}
