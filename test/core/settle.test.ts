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
  /** A row naming no indicator, with a figure (an unmapped row). */
  stray?: boolean;
}

/** A report of Phường Hòa Lạc: the farmers' rows (HV 500, KN) and/or the Front's (GS 1, DT2 12). */
function copy(c: Copy): Sheet {
  const rows: ModelRow[] = [['ĐẢNG ỦY PHƯỜNG HÒA LẠC', null, null, c.date ?? null], [c.title ?? 'BÁO CÁO NĂM 2023'], ['STT', 'Nội dung', 'ĐVT', 'Thực hiện']];
  const parts = c.parts ?? ['farmers', 'front'];
  if (parts.includes('farmers')) rows.push(['I', 'HỘI NÔNG DÂN'], [1, 'Tổng số hội viên', 'người', 500], [2, 'Kết nạp hội viên mới', 'người', c.kn ?? 40]);
  if (parts.includes('front')) rows.push(['II', 'MẶT TRẬN'], [1, 'Số cuộc giám sát', 'cuộc', 1], [2, 'Số cuộc đối thoại', 'cuộc', 12]);
  if (c.stray) rows.push([3, 'Số buổi sinh hoạt chuyên đề về chuyển đổi số', 'buổi', 7]);
  const s = sheetOf(c.sheet, rows);
  if (c.hidden) s.hidden = true;
  return s;
}

/** The farmers' association's table of its branches: Hòa Lạc's members and new members, and Yên Bình's. */
function table(sheet: string, hv: number, kn: number): Sheet {
  return sheetOf(sheet, [
    ['BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN NĂM 2023'],
    ['Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'],
    ['Phường Hòa Lạc', hv, kn],
    ['Xã Yên Bình', 300, 20],
  ]);
}

const check = (...books: Sheet[][]) => checkWith('', ...books);

/** `kn` is the condition on Kết nạp hội viên mới. */
function checkWith(kn: string, ...books: Sheet[][]): CheckResult {
  const { rules, problems } = readRules(
    rulesModel(
      [
        ['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
        ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'người', kn, kn ? 'Mỗi đơn vị' : '', 'Lỗi', ''],
        ['GS', 'Mặt trận', 'Số cuộc giám sát', '', 'cuộc', '', '', '', ''],
        ['DT2', 'Mặt trận', 'Số cuộc đối thoại', '', 'cuộc', '', '', '', ''],
      ],
      { roster: [['Phường Hòa Lạc', '', 'Phường'], ['Xã Yên Bình', '', 'Xã']] },
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

test('of two copies the later name wins whichever was read first, and copies without a date say so', () => {
  const r = check([copy({ sheet: 'A' }), copy({ sheet: 'B', kn: 9 })]);
  expect(figures(r)[1]).toBe(9);
  expect(duplicates(r)).toEqual([
    'Phường Hòa Lạc gửi 2 báo cáo: "bao-cao-1.xlsx" (trang "A", không ghi ngày), "bao-cao-1.xlsx" (trang "B", không ghi ngày). Dùng "bao-cao-1.xlsx" (trang "B") vì cùng ngày hoặc không ghi ngày, lấy tệp xếp sau cùng theo tên.',
  ]);
  const f = r.findings.find((x) => x.kind === 'duplicate-unit')!;
  expect([f.unit, f.file, f.sheet]).toEqual(['Phường Hòa Lạc', 'bao-cao-1.xlsx', 'B']);
});

test('of two undated files, "Xã Yên Bình (1).xlsx", the copy a second download makes, sorts after "Xã Yên Bình.xlsx" (found by an outside tester: the older file won)', () => {
  const { rules, problems } = readRules(rulesModel([['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'người', '', '', '', '']], { roster: [['Phường Hòa Lạc', '', 'Phường']] }));
  const session = new CheckSession(rules, problems);
  session.addWorkbook(workbookOf('Phường Hòa Lạc (1).xlsx', copy({ sheet: 'Biểu', kn: 9 })));
  session.addWorkbook(workbookOf('Phường Hòa Lạc.xlsx', copy({ sheet: 'Biểu' })));
  const r = session.finish();
  expect(r.rows.find((x) => x.unit === 'Phường Hòa Lạc')!.figures.get('KN')).toMatchObject({ value: 9 });
  expect(duplicates(r)[0]).toMatch(/Dùng "Phường Hòa Lạc \(1\)\.xlsx" \(trang "Biểu"\) vì cùng ngày hoặc không ghi ngày, lấy tệp xếp sau cùng theo tên\.$/);
  // A dot inside the name is not its extension.
  const dotted = new CheckSession(rules, problems);
  dotted.addWorkbook(workbookOf('P.Hòa Lạc (1).xlsx', copy({ sheet: 'Biểu', kn: 9 })));
  dotted.addWorkbook(workbookOf('P.Hòa Lạc.xlsx', copy({ sheet: 'Biểu' })));
  expect(dotted.finish().rows.find((x) => x.unit === 'Phường Hòa Lạc')!.figures.get('KN')).toMatchObject({ value: 9 });
});

test("a unit listed twice in one table: the lower row is used, both named by their cells; the table's other notes on the unit stay", () => {
  const t = table('Hội Nông dân', 500, 40);
  // Row 5: Hòa Lạc again, shown (the one used); row 6: an old copy of it, hidden (dropped when the table is read, and said).
  t.rows[5] = sheetOf('x', [[], [], [], [], ['Phường Hòa Lạc', 510, 41], ['Phường Hòa Lạc', 1, 1]]).rows[5];
  t.rows[6] = sheetOf('x', [[], [], [], [], [], ['Phường Hòa Lạc', 1, 1]]).rows[6];
  t.hiddenRows = [6];
  const r = check([t]);
  expect(figures(r).slice(0, 2)).toEqual([510, 41]);
  expect(duplicates(r)).toEqual([
    'Phường Hòa Lạc gửi 2 báo cáo: "bao-cao-1.xlsx" (trang "Hội Nông dân", ô A3, không ghi ngày), "bao-cao-1.xlsx" (trang "Hội Nông dân", ô A5, không ghi ngày). Dùng "bao-cao-1.xlsx" (trang "Hội Nông dân", ô A5) vì cùng một trang, không có gì khác để phân biệt, lấy dòng ghi sau; nếu sai, xóa dòng thừa rồi gửi lại.',
  ]);
  expect(r.findings.filter((f) => f.kind === 'unmapped-row' && f.unit === 'Phường Hòa Lạc').map((f) => [f.severity, f.cell])).toEqual([['info', 'A6']]);
});

test('a date line without its day still dates a copy: December beats November, and beats no date', () => {
  const months = check([copy({ sheet: 'A', date: 'tháng 12 năm 2023' }), copy({ sheet: 'B', date: 'tháng 11 năm 2023', kn: 9 })]);
  expect(figures(months)[1]).toBe(40);
  expect(duplicates(months)[0]).toMatch(/Dùng "bao-cao-1.xlsx" \(trang "A"\) vì có ngày báo cáo muộn nhất\.$/);
  const undated = check([copy({ sheet: 'A', date: 'tháng 12 năm 2023' }), copy({ sheet: 'B', kn: 9 })]);
  expect(figures(undated)[1]).toBe(40);
  expect(duplicates(undated)[0]).toMatch(/vì có ngày báo cáo muộn nhất\.$/);
});

test('copies whose titles give no period are settled too', () => {
  const r = check([copy({ sheet: 'A', title: 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN' }), copy({ sheet: 'B', title: 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN', kn: 9 })]);
  expect(figures(r)[1]).toBe(9);
  expect(duplicates(r)).toHaveLength(1);
});

test('a copy overlapping only part of the others is a copy of them all', () => {
  // The full report, then the farmers' part alone, then the Front's part alone: three copies of one report.
  const r = check([copy({ sheet: 'A', date: 'ngày 20 tháng 12 năm 2023' }), copy({ sheet: 'B', parts: ['farmers'], kn: 9 }), copy({ sheet: 'C', parts: ['front'] })]);
  expect(figures(r)).toEqual([500, 40, 1, 12]);
  expect(duplicates(r)).toHaveLength(1);
  expect(duplicates(r)[0]).toMatch(/^Phường Hòa Lạc gửi 3 báo cáo: .*Dùng "bao-cao-1.xlsx" \(trang "A"\) vì có ngày báo cáo muộn nhất\.$/);
  // A part first, then the full report: still one report and its copy, not two parts put together.
  const partFirst = check([copy({ sheet: 'A', parts: ['farmers'], kn: 9 }), copy({ sheet: 'B', date: 'ngày 20 tháng 12 năm 2023' })]);
  expect(figures(partFirst)).toEqual([500, 40, 1, 12]);
  expect(duplicates(partFirst)).toHaveLength(1);
  expect(partFirst.findings.filter((f) => f.kind === 'inconsistent')).toEqual([]);
});

test("a dropped copy's unmapped rows go with it; the used copy's stay", () => {
  const lost = check([copy({ sheet: 'A', date: 'ngày 20 tháng 12 năm 2023' }), copy({ sheet: 'B', stray: true })]);
  expect(lost.findings.filter((f) => f.kind === 'unmapped-row')).toEqual([]);
  const kept = check([copy({ sheet: 'A', date: 'ngày 20 tháng 12 năm 2023', stray: true }), copy({ sheet: 'B', stray: true })]);
  expect(kept.findings.filter((f) => f.kind === 'unmapped-row').map((f) => [f.unit, f.sheet, f.cell])).toEqual([['Phường Hòa Lạc', 'A', 'B10']]);
  // In another file, under the same sheet name as the used copy's.
  const otherFile = check([copy({ sheet: 'Biểu', date: 'ngày 20 tháng 12 năm 2023' })], [copy({ sheet: 'Biểu', stray: true })]);
  expect(otherFile.findings.filter((f) => f.kind === 'unmapped-row')).toEqual([]);
  // Of three copies, both dropped ones lose theirs.
  const three = check([copy({ sheet: 'A', stray: true }), copy({ sheet: 'B', stray: true }), copy({ sheet: 'C', date: 'ngày 20 tháng 12 năm 2023' })]);
  expect(three.findings.filter((f) => f.kind === 'unmapped-row')).toEqual([]);
});

test("a dropped copy's other findings stay: a sheet named for another unit is still said", () => {
  const r = check([copy({ sheet: 'Xã Yên Bình' }), copy({ sheet: 'Báo cáo', date: 'ngày 20 tháng 12 năm 2023' })]);
  expect(figures(r)).toEqual([500, 40, 1, 12]);
  expect(r.findings.filter((f) => f.kind === 'unit-mismatch').map((f) => [f.unit, f.sheet])).toEqual([['Phường Hòa Lạc', 'Xã Yên Bình']]);
});

test("an association's table adds the figures the unit's own report lacks, placed on the table's cells", () => {
  const r = checkWith('>= 50', [copy({ sheet: 'Báo cáo', parts: ['front'] })], [table('Hội Nông dân', 500, 42)]);
  expect(figures(r)).toEqual([500, 42, 1, 12]);
  expect(duplicates(r)).toEqual([]);
  const short = r.findings.filter((f) => f.kind === 'shortfall' && f.unit === 'Phường Hòa Lạc');
  expect(short.map((f) => [f.indicator, f.file, f.sheet, f.cell, f.actual])).toEqual([['KN', 'bao-cao-2.xlsx', 'Hội Nông dân', 'C3', 42]]);
  expect(r.findings.filter((f) => f.kind === 'inconsistent')).toEqual([]);
});

test("a figure in both the unit's report and an association's table: the report's is used, a different one is a warning naming both cells", () => {
  const r = check([copy({ sheet: 'Báo cáo' })], [table('Hội Nông dân', 480, 40)]);
  expect(figures(r)).toEqual([500, 40, 1, 12]);
  expect(duplicates(r)).toEqual([]);
  const two = r.findings.filter((f) => f.kind === 'inconsistent');
  expect(two.map((f) => [f.unit, f.indicator, f.severity, f.file, f.sheet, f.cell, f.actual, f.expected])).toEqual([
    ['Phường Hòa Lạc', 'HV', 'warning', 'bao-cao-1.xlsx', 'Báo cáo', 'D5', 500, 480],
  ]);
  expect(two[0].message).toBe(
    'Phường Hòa Lạc: Hội Nông dân – Tổng số hội viên là 500 người trong báo cáo của đơn vị nhưng 480 người trong "bao-cao-2.xlsx" (trang "Hội Nông dân", ô B3); dùng số trong báo cáo của đơn vị (tệp "bao-cao-1.xlsx", trang "Báo cáo", ô D5).',
  );
  expect(check([copy({ sheet: 'Báo cáo' })], [table('Hội Nông dân', 500, 40)]).findings.filter((f) => f.kind === 'inconsistent')).toEqual([]);
});

test("a row the unit left blank takes the table's figure; a note in the unit's row is its own invalid value, never weighed against the table", () => {
  const own = copy({ sheet: 'Báo cáo' });
  own.rows[6]![4]!.value = null; // KN (row 6, column D) left blank
  const blank = check([own], [table('Hội Nông dân', 500, 42)]);
  expect(figures(blank)).toEqual([500, 42, 1, 12]);
  expect(blank.findings.filter((f) => f.unit === 'Phường Hòa Lạc' && f.kind !== 'missing-unit')).toEqual([]);
  // Both blank: the blank is the unit's own, said on its own cell.
  const bothBlank = table('Hội Nông dân', 500, 0);
  bothBlank.rows[3]![3]!.value = null;
  const neither = check([own], [bothBlank]);
  expect(neither.findings.filter((f) => f.unit === 'Phường Hòa Lạc').map((f) => [f.kind, f.indicator, f.file, f.cell])).toEqual([['missing-value', 'KN', 'bao-cao-1.xlsx', 'D6']]);
  const noted = copy({ sheet: 'Báo cáo' });
  noted.rows[6]![4]!.value = 'khoảng 40';
  const note = check([noted], [table('Hội Nông dân', 500, 42)]);
  expect(figures(note)[1]).toBe('invalid');
  expect(note.findings.filter((f) => f.unit === 'Phường Hòa Lạc').map((f) => [f.kind, f.indicator, f.cell])).toEqual([['invalid-value', 'KN', 'D6']]);
  // And a note in the table beside the unit's number says nothing more.
  const theirs = table('Hội Nông dân', 500, 0);
  theirs.rows[3]![3]!.value = 'chưa tổng hợp';
  expect(check([copy({ sheet: 'Báo cáo' })], [theirs]).findings.filter((f) => f.unit === 'Phường Hòa Lạc')).toEqual([]);
});
