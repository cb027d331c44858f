// One submission per unit (src/core/settle.ts): a report's parts put together, copies settled by a
// shown sheet, then the longer period, then the later date, then the fuller; each choice said.
// Fixtures are built inside each test, so a mutation run credits them.
import { CheckSession } from '../../src/core/session';
import type { CheckResult } from '../../src/core/session';
import { readRules } from '../../src/core/rules';
import { ModelRow, rulesModel, sheetOf, workbookOf } from '../helpers/model';
import type { Sheet } from '../../src/core/model';

type Part = 'farmers' | 'front';
interface Copy {
  sheet: string;
  parts?: Part[];
  title?: string;
  date?: string;
  hidden?: boolean;
  /** Kết nạp hội viên mới. */
  kn?: number;
}

/** A report of Phường Hòa Lạc: the farmers' rows (HV 500, KN) and/or the Front's (GS 1, DT2 12). */
function copy(c: Copy): Sheet {
  const rows: ModelRow[] = [['ĐẢNG ỦY PHƯỜNG HÒA LẠC', null, null, c.date ?? null], [c.title ?? 'BÁO CÁO NĂM 2023'], ['STT', 'Nội dung', 'ĐVT', 'Thực hiện']];
  const parts = c.parts ?? ['farmers', 'front'];
  if (parts.includes('farmers')) rows.push(['I', 'HỘI NÔNG DÂN'], [1, 'Tổng số hội viên', 'người', 500], [2, 'Kết nạp hội viên mới', 'người', c.kn ?? 40]);
  if (parts.includes('front')) rows.push(['II', 'MẶT TRẬN'], [1, 'Số cuộc giám sát', 'cuộc', 1], [2, 'Số cuộc đối thoại', 'cuộc', 12]);
  const s = sheetOf(c.sheet, rows);
  if (c.hidden) s.hidden = true;
  return s;
}

function check(...books: Sheet[][]): CheckResult {
  const { rules, problems } = readRules(
    rulesModel(
      [
        ['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
        ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'người', '', '', '', ''],
        ['GS', 'Mặt trận', 'Số cuộc giám sát', '', 'cuộc', '', '', '', ''],
        ['DT2', 'Mặt trận', 'Số cuộc đối thoại', '', 'cuộc', '', '', '', ''],
      ],
      { roster: [['Phường Hòa Lạc', '', 'Phường']] },
    ),
  );
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  books.forEach((sheets, i) => session.addWorkbook(workbookOf(`bao-cao-${i + 1}.xlsx`, ...sheets)));
  return session.finish();
}

const figures = (r: CheckResult) => {
  const f = r.rows.find((x) => x.unit === 'Phường Hòa Lạc')!.figures;
  return ['HV', 'KN', 'GS', 'DT2'].map((c) => {
    const x = f.get(c);
    return x && x.status === 'ok' ? x.value : x?.status;
  });
};
const duplicates = (r: CheckResult) => r.findings.filter((f) => f.kind === 'duplicate-unit').map((f) => f.message);
const used = (r: CheckResult) => r.submissions.map((s) => [s.sheet, s.used]);

test('a report split over two sheets, or two files, is put together, with nothing said', () => {
  for (const r of [check([copy({ sheet: 'A', parts: ['farmers'] }), copy({ sheet: 'B', parts: ['front'] })]), check([copy({ sheet: 'A', parts: ['farmers'] })], [copy({ sheet: 'B', parts: ['front'] })])]) {
    expect(figures(r)).toEqual([500, 40, 1, 12]);
    expect(duplicates(r)).toEqual([]);
    expect(used(r)).toEqual([
      ['A', true],
      ['B', true],
    ]);
  }
});

test('a row missing from either part of a split report is a missing value', () => {
  const sheets = [copy({ sheet: 'A', parts: ['farmers'] }), copy({ sheet: 'B', parts: ['front'] })];
  sheets[1].rows.splice(sheets[1].rows.length - 1, 1);
  const r = check(sheets);
  expect(r.findings.filter((f) => f.kind === 'missing-value').map((f) => f.indicator)).toEqual(['DT2']);
});

test('a shown sheet wins over a hidden one whatever their dates', () => {
  const r = check([copy({ sheet: 'Báo cáo', date: 'ngày 10 tháng 12 năm 2023' }), copy({ sheet: 'Nháp', date: 'ngày 20 tháng 12 năm 2023', hidden: true, kn: 9 })]);
  expect(figures(r)).toEqual([500, 40, 1, 12]);
  expect(duplicates(r)).toEqual([
    'Phường Hòa Lạc gửi 2 báo cáo: "bao-cao-1.xlsx" (trang "Nháp", trang ẩn, ngày 20/12/2023), "bao-cao-1.xlsx" (trang "Báo cáo", ngày 10/12/2023). Dùng "bao-cao-1.xlsx" (trang "Báo cáo") vì các trang còn lại bị ẩn (bản nháp hoặc bản cũ).',
  ]);
});

test('a longer period wins over a later date; then the later date; then the fuller; then the last by name', () => {
  const longer = check([copy({ sheet: 'Năm', date: 'ngày 1 tháng 12 năm 2023' }), copy({ sheet: '6 tháng', title: 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', date: 'ngày 20 tháng 12 năm 2023', kn: 9 })]);
  expect(figures(longer)[1]).toBe(40);
  expect(duplicates(longer)[0]).toMatch(/Dùng "bao-cao-1.xlsx" \(trang "Năm"\) vì báo cáo này bao quát kỳ dài hơn \(số liệu lũy kế mới hơn\)\.$/);
  const later = check([copy({ sheet: 'B', date: 'ngày 20 tháng 12 năm 2023' }), copy({ sheet: 'A', date: 'tháng 11 năm 2023', kn: 9 })]);
  expect(figures(later)[1]).toBe(40);
  expect(duplicates(later)[0]).toBe('Phường Hòa Lạc gửi 2 báo cáo: "bao-cao-1.xlsx" (trang "A", tháng 11/2023), "bao-cao-1.xlsx" (trang "B", ngày 20/12/2023). Dùng "bao-cao-1.xlsx" (trang "B") vì có ngày báo cáo muộn nhất.');
  const fuller = check([copy({ sheet: 'A' }), copy({ sheet: 'B', parts: ['farmers'], kn: 9 })]);
  expect(figures(fuller)).toEqual([500, 40, 1, 12]);
  expect(duplicates(fuller)[0]).toMatch(/vì cùng ngày hoặc không ghi ngày, lấy bản có nhiều chỉ tiêu hơn\.$/);
  const last = check([copy({ sheet: 'B', kn: 9 }), copy({ sheet: 'A' })]);
  expect(figures(last)[1]).toBe(9);
  expect(duplicates(last)[0]).toMatch(/Dùng "bao-cao-1.xlsx" \(trang "B"\) vì cùng ngày hoặc không ghi ngày, lấy tệp xếp sau cùng theo tên\.$/);
  expect(used(last)).toEqual([
    ['B', true],
    ['A', false],
  ]);
});
