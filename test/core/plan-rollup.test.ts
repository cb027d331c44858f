// "Tổng hợp" cell by cell, as the office reads it: the title, three header rows (sections over
// their columns, names with units, codes), one row per roster unit in roster order with its
// status and figures, the "Tổng cộng" row of SUM formulas, and reports naming no roster unit below,
// outside the sums. Each check is run and planned inside its test, so that mutation testing sees
// which test looks at which cell.
import { CellValue, columnLetter } from '../../src/core/model';
import type { PlannedCell, PlannedSheet } from '../../src/core/plan';
import { worstByCell } from '../../src/core/plan-cells';
import { LAST_YEAR_LABELS } from '../../src/core/plan-last-year';
import { RollupLayout, planRollup } from '../../src/core/plan-rollup';
import { readRules } from '../../src/core/rules';
import { CheckResult, CheckSession } from '../../src/core/session';
import { ModelRow, rulesModel, sheetOf, workbookOf } from '../helpers/model';

// Hội Nông dân: three count columns (TL, a rate from a formula, has no column of its own);
// Mặt trận: a count and a rate typed by the units; Đoàn Thanh niên: one column, no unit of measure.
const RULES: ModelRow[] = [
  ['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
  ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'hội viên', 'từ 200 hội viên trở lên', 'Toàn địa bàn', 'Lỗi', ''],
  ['DT', 'Hội Nông dân', 'Số nông dân trong độ tuổi', '', 'người', '', '', '', ''],
  ['TL', 'Hội Nông dân', 'Tỷ lệ tập hợp', '', '%', '', '', '', 'HV / DT'],
  ['GS', 'Mặt trận', 'Số cuộc giám sát', '', 'cuộc', 'từ 1 đến 2', 'Mỗi đơn vị', 'Cảnh báo', ''],
  ['TLH', 'Mặt trận', 'Tỷ lệ hộ đạt chuẩn', '', '%', '', '', '', ''],
  ['DV', 'Đoàn Thanh niên', 'Số đoàn viên', '', '', '', '', '', ''],
];
const ROSTER: ModelRow[] = [
  ['Phường Hòa Lạc', '', 'Phường'],
  ['Xã Yên Bình', '', 'Xã'],
  ['Phường Tân Thành', '', 'Phường'],
];

type Figures = Partial<Record<'HV' | 'KN' | 'DT' | 'GS' | 'TLH' | 'DV', CellValue>>;
const GOOD: Figures = { HV: 700, KN: 100, DT: 1000, GS: 1, TLH: 85, DV: 40 };

/** A unit's report, one indicator per row; `withYouth: false` leaves the Đoàn Thanh niên section out. */
function report(unitLine: string, f: Figures, withYouth = true) {
  const row = (stt: number, label: string, uom: string, code: keyof Figures): ModelRow => [stt, label, uom, null, f[code] ?? null];
  const rows: ModelRow[] = [
    [unitLine],
    ['BÁO CÁO NĂM 2023'],
    ['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện'],
    ['I', 'HỘI NÔNG DÂN'],
    row(1, 'Tổng số hội viên', 'người', 'HV'),
    row(2, 'Kết nạp hội viên mới', 'hội viên', 'KN'),
    row(3, 'Số nông dân trong độ tuổi', 'người', 'DT'),
    ['II', 'MẶT TRẬN'],
    row(1, 'Số cuộc giám sát', 'cuộc', 'GS'),
    row(2, 'Tỷ lệ hộ đạt chuẩn', '%', 'TLH'),
  ];
  if (withYouth) rows.push(['III', 'ĐOÀN THANH NIÊN'], row(1, 'Số đoàn viên', '', 'DV'));
  return workbookOf(`${unitLine}.xlsx`, sheetOf('Biểu', rows));
}

function check(books: ReturnType<typeof workbookOf>[], roster: ModelRow[] | null = ROSTER, rules: ModelRow[] = RULES): CheckResult {
  const read = readRules(rulesModel(rules, roster ? { roster } : {}));
  expect(read.problems).toEqual([]);
  const s = new CheckSession(read.rules);
  for (const b of books) s.addWorkbook(b);
  return s.finish();
}

const plan = (res: CheckResult): RollupLayout => planRollup(res, worstByCell(res.findings));

/**
 * A cell in one line: its value ("700", "\"Đạt\"", "=SUM(D7:D9)", "∅" for empty), then bold (b),
 * wrap (w), alignment, number format and fill. Notes are compared apart (`notes`).
 */
function show(c: PlannedCell): string {
  const v = c.value;
  const value = 'number' in v ? String(v.number) : 'text' in v ? `"${v.text}"` : 'formula' in v ? `=${v.formula}` : v.empty === true ? '∅' : JSON.stringify(v);
  return [value, c.bold ? 'b' : '', c.wrap ? 'w' : '', c.align ?? '', c.numFmt ?? '', c.fill ?? ''].filter(Boolean).join(' ');
}

/** Every planned cell by row, "D7 700 #,##0", in column order: a cell the plan should not hold shows up too. */
function rows(sheet: PlannedSheet): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col)) (out[c.row] ??= []).push(`${columnLetter(c.col)}${c.row} ${show(c)}`);
  return out;
}

const notes = (sheet: PlannedSheet) => Object.fromEntries(sheet.cells.filter((c) => c.note !== undefined).map((c) => [`${columnLetter(c.col)}${c.row}`, c.note]));
const merges = (sheet: PlannedSheet) => sheet.merges.map((m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`).sort();
const row = (sheet: PlannedSheet, r: number) => rows(sheet)[r];
const HEAD = 'b w center D9E1F2';
const LACKING = (units: string) => `Tổng chưa đủ: chưa tính số liệu không hợp lệ hoặc thiếu của ${units}.`;

describe('"Tổng hợp" of three roster units and a report naming none', () => {
  // Hòa Lạc gives every figure; Yên Bình writes words for two counts, "x" for the meetings and leaves
  // the youth union blank; Tân Thành sends nothing; "Xã Minh Khai" is no roster unit and has no youth union section.
  const result = () =>
    check([
      report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', GOOD),
      report('ĐẢNG ỦY XÃ YÊN BÌNH', { HV: 'khoảng 40', KN: 'chưa rõ', DT: 800, GS: 'x', TLH: 90, DV: null }),
      report('ĐẢNG ỦY XÃ MINH KHAI', { HV: 300, KN: 20, DT: 400, GS: 2, TLH: 50 }, false),
    ]);

  test('title, rules, and the three header rows: sections merged over their columns, names with units, codes', () => {
    const { sheet, columns } = plan(result());
    expect(columns.map((c) => c.code)).toEqual(['HV', 'KN', 'DT', 'GS', 'TLH', 'DV']);
    const r = rows(sheet);
    expect(r[1]).toEqual(['A1 "TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU – NĂM 2023" b']);
    expect(r[2]).toEqual(['A2 "Theo: CHỈ TIÊU NĂM 2023"']);
    expect(r[3]).toBeUndefined();
    expect(r[4]).toEqual([`A4 "STT" ${HEAD}`, `B4 "Đơn vị" ${HEAD}`, `C4 "Tình trạng" ${HEAD}`, `D4 "Hội Nông dân" ${HEAD}`, `G4 "Mặt trận" ${HEAD}`, `I4 "Đoàn Thanh niên" ${HEAD}`]);
    expect(r[5]).toEqual([
      `D5 "Tổng số hội viên (người)" ${HEAD}`,
      `E5 "Kết nạp hội viên mới (hội viên)" ${HEAD}`,
      `F5 "Số nông dân trong độ tuổi (người)" ${HEAD}`,
      `G5 "Số cuộc giám sát (cuộc)" ${HEAD}`,
      `H5 "Tỷ lệ hộ đạt chuẩn (%)" ${HEAD}`,
      `I5 "Số đoàn viên" ${HEAD}`,
    ]);
    // Codes are not bold: they are there to be looked up, not read.
    const code = 'w center D9E1F2';
    expect(r[6]).toEqual([`D6 "HV" ${code}`, `E6 "KN" ${code}`, `F6 "DT" ${code}`, `G6 "GS" ${code}`, `H6 "TLH" ${code}`, `I6 "DV" ${code}`]);
    // The title over the indicator columns; STT, unit and status down the three header rows; a one-column section unmerged.
    expect(merges(sheet)).toEqual(['A1:I1', 'A4:A6', 'B4:B6', 'C4:C6', 'D4:F4', 'G4:H4'].sort());
    expect(sheet.widths).toEqual([6, 28, 22, 14, 14, 14, 14, 14, 14]);
    expect([sheet.name, sheet.frozenRows, sheet.frozenCols]).toEqual(['Tổng hợp', 6, 2]);
  });

  test('each roster unit on its row: number, name, status in words, figures as given', () => {
    const { sheet } = plan(result());
    expect(row(sheet, 7)).toEqual(['A7 1', 'B7 "Phường Hòa Lạc"', 'C7 "Đạt"', 'D7 700 #,##0', 'E7 100 #,##0', 'F7 1000 #,##0', 'G7 1 #,##0', 'H7 0.85 0.00%', 'I7 40 #,##0']);
    // Words where a count should be are kept as text and flagged red; "x" stays "x"; a blank is flagged yellow.
    expect(row(sheet, 8)).toEqual(['A8 2', 'B8 "Xã Yên Bình"', 'C8 "2 lỗi, 1 cảnh báo"', 'D8 "khoảng 40" #,##0 FFC7CE', 'E8 "chưa rõ" #,##0 FFC7CE', 'F8 800 #,##0', 'G8 "x" #,##0', 'H8 0.9 0.00%', 'I8 ∅ #,##0 FFEB9C']);
    // A unit that sent nothing: its status on red, no figure cells at all.
    expect(row(sheet, 9)).toEqual(['A9 3', 'B9 "Phường Tân Thành"', 'C9 "Chưa gửi báo cáo" FFC7CE']);
  });

  test('"Tổng cộng": units read of the roster, a SUM over the roster rows per count column, none under a rate', () => {
    const { sheet } = plan(result());
    expect(row(sheet, 10)).toEqual([
      'B10 "Tổng cộng" b',
      'C10 "2/3 đơn vị đọc được" b',
      'D10 =SUM(D7:D9) b #,##0 FFEB9C',
      'E10 =SUM(E7:E9) b #,##0 FFC7CE',
      'F10 =SUM(F7:F9) b #,##0',
      'G10 =SUM(G7:G9) b #,##0',
      'I10 =SUM(I7:I9) b #,##0 FFEB9C',
    ]);
  });

  test('below the total, outside the sums: a heading, then the report naming no roster unit, numbered from 1', () => {
    const { sheet } = plan(result());
    expect(row(sheet, 11)).toBeUndefined();
    expect(row(sheet, 12)).toEqual(['B12 "Báo cáo không khớp danh sách đơn vị (không cộng vào tổng):" b']);
    // Its report has no youth union section: the cell is left empty, unflagged.
    expect(row(sheet, 13)).toEqual(['A13 1', 'B13 "Xã Minh Khai"', 'C13 "Không có trong danh sách đơn vị"', 'D13 300 #,##0', 'E13 20 #,##0', 'F13 400 #,##0', 'G13 2 #,##0', 'H13 0.5 0.00%', 'I13 ∅ #,##0']);
    expect(Object.keys(rows(sheet)).map(Number)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
  });

  test('notes: each flagged figure its finding; a total lacking a unit\'s figure says whose, once', () => {
    const { sheet } = plan(result());
    const area = 'Toàn địa bàn (2/3 đơn vị): Hội Nông dân – Kết nạp hội viên mới đạt 100 hội viên, chỉ tiêu ≥ 200 hội viên, thiếu 100.';
    expect(notes(sheet)).toEqual({
      D8: expect.stringMatching(/^Xã Yên Bình: "Hội Nông dân – Tổng số hội viên" ghi "khoảng 40", không phải số/),
      E8: expect.stringMatching(/^Xã Yên Bình: "Hội Nông dân – Kết nạp hội viên mới" ghi "chưa rõ", không phải số/),
      I8: expect.stringMatching(/^Xã Yên Bình: "Đoàn Thanh niên – Số đoàn viên" để trống/),
      D10: LACKING('Xã Yên Bình'),
      // The area's shortfall already says the total lacks Yên Bình: not said twice.
      E10: `${area} ${LACKING('Xã Yên Bình')}`,
      I10: LACKING('Xã Yên Bình'),
    });
  });

  test('where each unit and the total stand, and which units are counted', () => {
    const { rowOf, counted } = plan(result());
    expect([...rowOf]).toEqual([
      ['Phường Hòa Lạc', 7],
      ['Xã Yên Bình', 8],
      ['Phường Tân Thành', 9],
      ['*', 10],
      ['Xã Minh Khai', 13],
    ]);
    expect(counted.map((r) => r.unit)).toEqual(['Phường Hòa Lạc', 'Xã Yên Bình', 'Phường Tân Thành']);
  });

  test('with "Cùng kỳ": its three rows under the total, then the reports naming no roster unit', () => {
    const res = result();
    const withLastYear: CheckResult = { ...res, lastYear: { byUnit: new Map(), area: new Map([['HV', { now: 700, before: 650, units: 1, of: 1 }]]) } };
    const { sheet, rowOf } = plan(withLastYear);
    expect([11, 12, 13].map((r) => row(sheet, r)[0])).toEqual([
      `B11 "${LAST_YEAR_LABELS.before}" b`,
      `B12 "${LAST_YEAR_LABELS.change}" b`,
      `B13 "${LAST_YEAR_LABELS.percent}" b`,
    ]);
    expect(row(sheet, 11)[1]).toBe('D11 650 #,##0');
    expect(row(sheet, 14)).toBeUndefined();
    expect(row(sheet, 15)).toEqual(['B15 "Báo cáo không khớp danh sách đơn vị (không cộng vào tổng):" b']);
    expect(rowOf.get('Xã Minh Khai')).toBe(16);
  });
});

describe('"Tổng hợp": the total\'s status cell carries the verdict when it is not plainly met or short', () => {
  const three = (kn: number) => [report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...GOOD, KN: kn }), report('ĐẢNG ỦY XÃ YÊN BÌNH', { ...GOOD, KN: kn }), report('ĐẢNG ỦY PHƯỜNG TÂN THÀNH', { ...GOOD, KN: kn })];
  test.each([
    ['every unit read, every target met', () => three(100), '3/3 đơn vị đọc được', undefined],
    ['every unit read, the area short', () => three(50), '3/3 đơn vị đọc được', undefined],
    [
      'a unit not read, the others meeting every target',
      () => three(100).slice(0, 2),
      '2/3 đơn vị đọc được',
      'Chưa kết luận được cho toàn địa bàn: các đơn vị đã đọc không thiếu chỉ tiêu nào, nhưng kết quả chỉ dựa trên 2/3 đơn vị: 1 đơn vị chưa gửi.',
    ],
    ['nothing read', () => [], '0/3 đơn vị đọc được', 'Không kiểm tra được gì: không đọc được báo cáo nào (0/3 đơn vị: 3 đơn vị chưa gửi).'],
  ])('%s', (_, books, status, note) => {
    const { sheet } = plan(check(books()));
    const cell = sheet.cells.find((c) => c.row === 10 && c.col === 3)!;
    expect([show(cell), cell.note]).toEqual([`"${status}" b`, note]);
  });
});

describe('"Tổng hợp" in other shapes', () => {
  test('without a roster every report is a unit, in name order, all in the sums, none set apart', () => {
    const { sheet, counted } = plan(check([report('ĐẢNG ỦY XÃ YÊN BÌNH', GOOD), report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...GOOD, HV: 650 })], null));
    expect(counted.map((r) => r.unit)).toEqual(['Phường Hòa Lạc', 'Xã Yên Bình']);
    const r = rows(sheet);
    expect([r[7].slice(0, 4), r[8].slice(0, 4)]).toEqual([
      ['A7 1', 'B7 "Phường Hòa Lạc"', 'C7 "Đạt"', 'D7 650 #,##0'],
      ['A8 2', 'B8 "Xã Yên Bình"', 'C8 "Đạt"', 'D8 700 #,##0'],
    ]);
    expect(r[9].slice(0, 3)).toEqual(['B9 "Tổng cộng" b', 'C9 "2/2 đơn vị đọc được" b', 'D9 =SUM(D7:D8) b #,##0']);
    expect(Object.keys(r).map(Number).pop()).toBe(9);
  });

  test('one unit: the SUM runs over its one row', () => {
    const { sheet } = plan(check([report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', GOOD)], [ROSTER[0]]));
    expect(row(sheet, 8).slice(0, 3)).toEqual(['B8 "Tổng cộng" b', 'C8 "1/1 đơn vị đọc được" b', 'D8 =SUM(D7:D7) b #,##0']);
  });

  test('no unit at all (no roster, no report): the total sits on the first row, 0 under each count', () => {
    const { sheet, rowOf } = plan(check([], null));
    expect(row(sheet, 7)).toEqual([
      'B7 "Tổng cộng" b',
      'C7 "0/0 đơn vị đọc được" b',
      'D7 0 b #,##0',
      'E7 0 b #,##0',
      'F7 0 b #,##0',
      'G7 0 b #,##0',
      'I7 0 b #,##0',
    ]);
    expect(rowOf.get('*')).toBe(7);
    expect(notes(sheet).C7).toMatch(/^Không kiểm tra được gì/);
  });

  test.each([
    ['no indicator with a column', [] as string[], ['A4:A6', 'B4:B6', 'C4:C6']],
    ['one indicator', ['HV'], ['A1:D1', 'A4:A6', 'B4:B6', 'C4:C6']],
  ])('title merged over the indicator columns only when there are some: %s', (_, codes, expected) => {
    const res = check([report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', GOOD)]);
    const only: CheckResult = { ...res, rules: { ...res.rules, indicators: res.rules.indicators.filter((i) => codes.includes(i.code)) } };
    const { sheet } = plan(only);
    expect(merges(sheet)).toEqual(expected);
    expect(row(sheet, 6)?.length ?? 0).toBe(codes.length);
  });

  test('the title merge stops at column L however many indicators follow', () => {
    const wide: ModelRow[] = Array.from({ length: 12 }, (_, i) => [`C${i + 1}`, 'Mặt trận', `Chỉ tiêu số ${i + 1}`, '', 'cuộc', '', '', '', '']);
    const { sheet } = plan(check([], ROSTER, wide));
    expect(merges(sheet)).toEqual(['A1:L1', 'A4:A6', 'B4:B6', 'C4:C6', 'D4:O4']);
  });

  test('rules without a title: no "Theo:" line', () => {
    const res = check([report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', GOOD)]);
    const { sheet } = plan({ ...res, rules: { ...res.rules, title: '' } });
    expect(row(sheet, 2)).toBeUndefined();
  });

  test('an indicator with no section stands under "Chỉ tiêu"', () => {
    const res = check([report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', GOOD)]);
    const indicators = res.rules.indicators.map((i) => (i.code === 'DV' ? { ...i, section: '' } : i));
    const { sheet } = plan({ ...res, rules: { ...res.rules, indicators } });
    expect(row(sheet, 4).slice(3)).toEqual([`D4 "Hội Nông dân" ${HEAD}`, `G4 "Mặt trận" ${HEAD}`, `I4 "Chỉ tiêu" ${HEAD}`]);
  });

  test('a total lacking two units\' figures names both, in roster order', () => {
    const res = check([report('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...GOOD, HV: 'chưa tổng hợp' }), report('ĐẢNG ỦY XÃ YÊN BÌNH', { ...GOOD, HV: 'khoảng 40' })], ROSTER.slice(0, 2));
    expect(notes(plan(res).sheet).D9).toBe(LACKING('Phường Hòa Lạc, Xã Yên Bình'));
  });

  test('a unit\'s wrong "Tổng cộng" on a total lacking a unit\'s figure: both said, one under the other', () => {
    // A table of units: Yên Bình's members in words, the table's own total 900 against 500 summed.
    const table = sheetOf('Bảng', [
      ['BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN NĂM 2023'],
      ['Đơn vị', 'Tổng số hội viên'],
      ['P. Hòa Lạc', 500],
      ['Yên Bình', 'khoảng 300'],
      ['Tổng cộng', 900],
    ]);
    const res = check([workbookOf('bang.xlsx', table)], ROSTER.slice(0, 2), RULES.slice(0, 1));
    const { sheet } = plan(res);
    const total = sheet.cells.find((c) => c.row === 9 && c.col === 4)!;
    expect(show(total)).toBe('=SUM(D7:D8) b #,##0 FFC7CE');
    expect(total.note).toBe(`Dòng Tổng cộng, cột "Tổng số hội viên" ghi 900 nhưng cộng các dòng trên được 500 (chưa tính các ô không hợp lệ) (ô B5).\n${LACKING('Xã Yên Bình')}`);
  });
});
