// The area's verdict and what it rests on: the coverage in words, whether every unit was read,
// and which targets no figure let the check judge. Whatever it says must never read as "every
// target met" when the figures do not show it.
import { areaVerdict, coverageText, isComplete } from '../../src/core/verdict';
import type { CellValue } from '../../src/core/model';
import { readRules } from '../../src/core/rules';
import { CheckResult, CheckSession, Coverage } from '../../src/core/session';
import { ModelRow, rulesModel, sheetOf, workbookOf } from '../helpers/model';

const coverage = (c: Partial<Coverage>): Coverage => ({ roster: 0, read: 0, unreadable: [], missing: [], otherPeriod: [], unknown: 0, unreadableFiles: 0, ...c });

describe('coverageText: what the figures rest on', () => {
  test.each([
    ['every roster unit read', { roster: 3, read: 3 }, '3/3 đơn vị'],
    ['a file unreadable and a unit not sent', { roster: 7, read: 5, unreadableFiles: 1, missing: ['Xã Yên Bình'] }, '5/7 đơn vị: 1 tệp không đọc được, 1 đơn vị chưa gửi'],
    ['units that sent only another year', { roster: 3, read: 1, otherPeriod: ['Xã Yên Bình', 'Phường Tân Thành'] }, '1/3 đơn vị: 2 đơn vị chỉ gửi báo cáo kỳ khác'],
    ['a report naming no roster unit', { roster: 2, read: 2, unknown: 1 }, '2/2 đơn vị: 1 báo cáo không rõ đơn vị'],
    [
      'every kind of gap, in that order',
      { roster: 9, read: 4, unreadableFiles: 2, missing: ['a'], otherPeriod: ['b'], unknown: 3 },
      '4/9 đơn vị: 2 tệp không đọc được, 1 đơn vị chưa gửi, 1 đơn vị chỉ gửi báo cáo kỳ khác, 3 báo cáo không rõ đơn vị',
    ],
    // Without a roster there is no "of how many": each report read is a unit.
    ['no roster', { roster: 0, read: 4 }, '4 báo cáo'],
    ['no roster, a broken file', { roster: 0, read: 4, unreadableFiles: 1 }, '4 báo cáo: 1 tệp không đọc được'],
  ])('%s', (_, c, text) => expect(coverageText(coverage(c))).toBe(text));
});

describe('isComplete: every unit the area is made of was read', () => {
  test.each([
    ['every roster unit read', { roster: 3, read: 3 }, true],
    ['no roster, reports read', { roster: 0, read: 4 }, true],
    ['no roster, nothing read', { roster: 0, read: 0 }, false],
    ['a roster unit not read', { roster: 3, read: 2 }, false],
    // A broken file beside every unit's report may still hold some unit's figures.
    ['every unit read, but a file could not be', { roster: 3, read: 3, unreadableFiles: 1 }, false],
    // Each gap named is enough on its own, whatever the counts say.
    ['a unit named as not sent', { roster: 3, read: 3, missing: ['Xã Yên Bình'] }, false],
    ['a unit named as sending only another year', { roster: 3, read: 3, otherPeriod: ['Xã Yên Bình'] }, false],
  ])('%s', (_, c, complete) => expect(isComplete(coverage(c))).toBe(complete));
});

// Two counts and a target each unit is held to; an area target added per test.
const BASE: ModelRow[] = [
  ['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
  ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'hội viên', '', '', '', ''],
  ['GS', 'Mặt trận', 'Số cuộc giám sát', '', 'cuộc', 'từ 1 đến 2', 'Mỗi đơn vị', 'Cảnh báo', ''],
];
const ROSTER: ModelRow[] = [['Phường Hòa Lạc', '', 'Phường'], ['Xã Yên Bình', '', 'Xã']];

/** A report: one row per [section heading, label, figure]. */
function report(unitLine: string, rows: Array<[string, string, CellValue]>) {
  const body: ModelRow[] = [];
  let section = '';
  rows.forEach(([heading, label, value], i) => {
    if (heading !== section) body.push([heading === 'HỘI NÔNG DÂN' ? 'I' : 'II', heading]);
    section = heading;
    body.push([i + 1, label, '', null, value]);
  });
  return workbookOf(`${unitLine}.xlsx`, sheetOf('Biểu', [[unitLine], ['BÁO CÁO NĂM 2023'], ['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện'], ...body]));
}
const unit = (unitLine: string, f: { HV?: CellValue; KN?: CellValue; GS?: CellValue }) =>
  report(unitLine, [
    ['HỘI NÔNG DÂN', 'Tổng số hội viên', f.HV ?? 500],
    ['HỘI NÔNG DÂN', 'Kết nạp hội viên mới', f.KN ?? 100],
    ['MẶT TRẬN', 'Số cuộc giám sát', f.GS === undefined ? 1 : f.GS],
  ]);

function check(rules: ModelRow[], roster: ModelRow[] | null, books: ReturnType<typeof workbookOf>[]): CheckResult {
  const read = readRules(rulesModel(rules, roster ? { roster } : {}));
  expect(read.problems).toEqual([]);
  const s = new CheckSession(read.rules);
  for (const b of books) s.addWorkbook(b);
  return s.finish();
}

const said = (res: CheckResult) => {
  const v = areaVerdict(res);
  return [v.status, v.text, v.unassessed];
};

describe('areaVerdict', () => {
  test('an area figure above its range is information, not a target missed: every target met', () => {
    const range: ModelRow = ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'hội viên', 'từ 100 đến 200 hội viên', 'Toàn địa bàn', 'Cảnh báo', ''];
    const res = check([BASE[0], range, BASE[2]], ROSTER, [unit('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { KN: 150 }), unit('ĐẢNG ỦY XÃ YÊN BÌNH', { KN: 150 })]);
    // 300 is over 200: an "exceeded" on the area, which the verdict must not count as short.
    expect(res.findings.filter((f) => f.unit === '*').map((f) => [f.kind, f.severity])).toEqual([['exceeded', 'info']]);
    expect(said(res)).toEqual(['met', 'Toàn địa bàn: đạt mọi chỉ tiêu (2/2 đơn vị).', []]);
  });

  const targets = (n: number): ModelRow[] => Array.from({ length: n }, (_, i) => [`M${i + 1}`, 'Mặt trận', `Mô hình số ${i + 1}`, '', 'mô hình', 'ít nhất 1', 'Toàn địa bàn', 'Cảnh báo', '']);
  const blanks = (n: number) => report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', Array.from({ length: n }, (_, i): [string, string, CellValue] => ['MẶT TRẬN', `Mô hình số ${i + 1}`, null]));
  test.each([
    [5, 'Mô hình số 1; Mô hình số 2; Mô hình số 3; Mô hình số 4; Mô hình số 5'],
    [7, 'Mô hình số 1; Mô hình số 2; Mô hình số 3; Mô hình số 4; Mô hình số 5; và 2 chỉ tiêu khác'],
  ])('%s area targets with no figure to total: named, five at most, the rest counted', (n, names) => {
    const res = check(targets(n), [ROSTER[0]], [blanks(n)]);
    const [status, text, unassessed] = said(res);
    expect([status, text]).toEqual(['partial', `Chưa kết luận được cho toàn địa bàn: ${n} chỉ tiêu chưa có đủ số liệu để đánh giá (${names}); dựa trên 1/1 đơn vị.`]);
    expect(unassessed).toHaveLength(n);
  });

  test('a blank in a report naming no roster unit is not the area\'s: it is neither counted nor judged', () => {
    const res = check(BASE, ROSTER, [unit('ĐẢNG ỦY PHƯỜNG HÒA LẠC', {}), unit('ĐẢNG ỦY XÃ YÊN BÌNH', {}), unit('ĐẢNG ỦY XÃ MINH KHAI', { GS: null })]);
    expect(res.rows.map((r) => [r.unit, !!r.roster])).toEqual([['Phường Hòa Lạc', true], ['Xã Yên Bình', true], ['Xã Minh Khai', false]]);
    expect(said(res)).toEqual(['met', 'Toàn địa bàn: đạt mọi chỉ tiêu (2/2 đơn vị: 1 báo cáo không rõ đơn vị).', []]);
  });

  test('a unit table whose "Tổng cộng" does not add up is a doubt on that total, not a target missed', () => {
    // Every target met (members have no target; 150 + 150 new members ≥ 200), but the table's own
    // total row says 900 members where its rows sum to 800.
    const atLeast: ModelRow = ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'hội viên', 'ít nhất 200', 'Toàn địa bàn', 'Lỗi', ''];
    const table = workbookOf(
      'bang.xlsx',
      sheetOf('Bảng', [['BẢNG TỔNG HỢP HỘI NÔNG DÂN NĂM 2023'], ['Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ['Phường Hòa Lạc', 500, 150], ['Xã Yên Bình', 300, 150], ['Tổng cộng', 900, 300]]),
    );
    const res = check([BASE[0], atLeast], ROSTER, [table]);
    expect(res.findings.filter((f) => f.unit === '*').map((f) => [f.kind, f.indicator, f.severity])).toEqual([['inconsistent', 'HV', 'error']]);
    const v = areaVerdict(res);
    expect([v.status, v.short, v.doubtful]).toEqual(['partial', 0, ['Tổng số hội viên']]);
    expect(v.text).toBe('Chưa kết luận được cho toàn địa bàn: không thiếu chỉ tiêu nào, nhưng số liệu tổng của 1 chỉ tiêu cần xem lại (Tổng số hội viên); dựa trên 2/2 đơn vị:');
  });

  test('two totals in doubt are both named, in the order their findings come', () => {
    const table = workbookOf(
      'bang.xlsx',
      sheetOf('Bảng', [['BẢNG TỔNG HỢP HỘI NÔNG DÂN NĂM 2023'], ['Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ['Phường Hòa Lạc', 500, 150], ['Xã Yên Bình', 300, 150], ['Tổng cộng', 900, 301]]),
    );
    const v = areaVerdict(check([BASE[0], BASE[1]], ROSTER, [table]));
    expect([v.status, v.doubtful]).toEqual(['partial', ['Tổng số hội viên', 'Kết nạp hội viên mới']]);
    expect(v.text).toBe('Chưa kết luận được cho toàn địa bàn: không thiếu chỉ tiêu nào, nhưng số liệu tổng của 2 chỉ tiêu cần xem lại (Tổng số hội viên; Kết nạp hội viên mới); dựa trên 2/2 đơn vị:');
  });

  test('every report read was of another year: "none of this round", not "none could be read"', () => {
    const lastYear = workbookOf('hoa-lac.xlsx', sheetOf('Biểu', [['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], ['BÁO CÁO NĂM 2022'], ['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện'], ['I', 'HỘI NÔNG DÂN'], [1, 'Tổng số hội viên', '', null, 500]]));
    const read = readRules(rulesModel(BASE, { roster: ROSTER, title: 'CHỈ TIÊU NĂM 2023' }));
    const s = new CheckSession(read.rules);
    s.addWorkbook(lastYear);
    const v = areaVerdict(s.finish());
    expect([v.status, v.text]).toEqual(['nothing-read', 'Không kiểm tra được gì: không có báo cáo nào của kỳ này (0/2 đơn vị: 1 đơn vị chưa gửi, 1 đơn vị chỉ gửi báo cáo kỳ khác).']);
  });

  test('a target missed is counted as missed; a total in doubt beside it is not counted with it', () => {
    const atLeast: ModelRow = ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'hội viên', 'ít nhất 400', 'Toàn địa bàn', 'Lỗi', ''];
    const table = workbookOf(
      'bang.xlsx',
      sheetOf('Bảng', [['BẢNG TỔNG HỢP HỘI NÔNG DÂN NĂM 2023'], ['Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ['Phường Hòa Lạc', 500, 150], ['Xã Yên Bình', 300, 150], ['Tổng cộng', 900, 300]]),
    );
    const v = areaVerdict(check([BASE[0], atLeast], ROSTER, [table]));
    expect([v.status, v.short, v.text]).toEqual(['short', 1, 'Toàn địa bàn chưa đạt 1 chỉ tiêu (dựa trên 2/2 đơn vị):']);
    expect(v.doubtful).toEqual(['Tổng số hội viên']);
  });

  test('without a roster every report is a unit of the area: its blank leaves a target unjudged', () => {
    const res = check(BASE, null, [unit('ĐẢNG ỦY PHƯỜNG HÒA LẠC', {}), unit('ĐẢNG ỦY XÃ YÊN BÌNH', { GS: null })]);
    expect(said(res)).toEqual([
      'partial',
      'Chưa kết luận được cho toàn địa bàn: 1 chỉ tiêu chưa có đủ số liệu để đánh giá (Số cuộc giám sát); dựa trên 2 báo cáo.',
      ['Số cuộc giám sát'],
    ]);
  });
});
