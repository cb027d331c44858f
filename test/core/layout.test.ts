import { readReportSheet, readReportWorkbook } from '../../src/core/layout';
import type { ReadContext } from '../../src/core/layout';
import { IndicatorMatcher } from '../../src/core/mapping';
import { readRules } from '../../src/core/rules';
import { UnitMatcher } from '../../src/core/units';
import { ModelRow, rulesModel, sheetOf, workbookOf } from '../helpers/model';

function context(): ReadContext {
  const { rules } = readRules(
    rulesModel(
      [
        ['HND_HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
        ['HND_KN', 'Hội Nông dân', 'Kết nạp hội viên mới', 'Số hội viên kết nạp mới', 'người', '', '', '', ''],
        ['CCB_HV', 'Hội Cựu chiến binh', 'Tổng số hội viên', '', 'người', '', '', '', ''],
        ['CCB_KN', 'Hội Cựu chiến binh', 'Kết nạp hội viên mới', '', 'người', '', '', '', ''],
        ['TL', 'Hội Nông dân', 'Tỷ lệ tập hợp', '', '%', '', '', '', 'HND_HV / HND_KN'],
      ],
      { roster: [['Phường Hòa Lạc', 'P. Hòa Lạc', 'Phường'], ['Xã Yên Bình', '', 'Xã']] },
    ),
  );
  return { rules, indicators: new IndicatorMatcher(rules), units: new UnitMatcher(rules.roster) };
}

const body: ModelRow[] = [
  ['I', 'HỘI NÔNG DÂN'],
  [1, 'Tổng số hội viên', 'Người', null, 500],
  [2, 'Kết nạp hội viên mới', 'Người', 40, 42],
  ['II', 'HỘI CỰU CHIẾN BINH'],
  [1, 'Tổng số hội viên', 'Người', null, 100],
  [2, 'Kết nạp hội viên mới', 'Người', null, 7],
];

function report(header: ModelRow[], rows: ModelRow[] = body, opts: Parameters<typeof sheetOf>[2] = {}, name = 'Biểu 01') {
  return sheetOf(name, [['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], ['BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023'], [], ...header, ...rows, [], ['NGƯỜI LẬP BIỂU', null, null, 'T/M ĐẢNG ỦY'], [null, 'Hòa Lạc, ngày 14 tháng 6 năm 2023'], ['', 'Tổng số hội viên', '', '', 9999]], opts);
}

const codesAt = (r: ReturnType<typeof readReportSheet>) => [...r!.reports[0].entries.values()].map((e) => `${e.code}@${e.value.address}`);

describe('reading a one-indicator-per-row report', () => {
  test('a two-row merged header, a column-number row, sections, and signatures below', () => {
    const header: ModelRow[] = [
      ['STT', 'Nội dung', 'Đơn vị tính', 'Kế hoạch năm 2023', 'Kết quả thực hiện', null, 'Ghi chú'],
      [null, null, null, null, 'Thực hiện', 'Tỷ lệ (%) so với KH', null],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
    ];
    const r = readReportSheet('hl.xlsx', report(header, body, { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:F4', 'G4:G5'] }), context());
    expect(codesAt(r)).toEqual(['HND_HV@E8', 'HND_KN@E9', 'CCB_HV@E11', 'CCB_KN@E12']);
    const rep = r!.reports[0];
    expect(rep.unit).toBe('Phường Hòa Lạc');
    expect(rep.period).toEqual({ label: '6 tháng đầu năm 2023', year: 2023, months: 6 });
    expect(rep.date).toEqual({ year: 2023, month: 6, day: 14 });
    expect(rep.entries.get('HND_KN')!.plan!.address).toBe('D9');
    expect(rep.entries.get('HND_KN')!.planRate!.address).toBe('F9');
    expect(r!.findings).toEqual([]);
  });

  test('other wordings: "TT | Chỉ tiêu | ĐVT | KH | Thực hiện | Cùng kỳ", no column-number row', () => {
    const header: ModelRow[] = [['TT', 'Chỉ tiêu', 'ĐVT', 'KH', 'Thực hiện', 'Cùng kỳ năm trước']];
    const rows: ModelRow[] = [
      ['A.', 'HỘI NÔNG DÂN'],
      ['', '- Tổng số hội viên', 'Người', null, 500, 480],
      ['', '+ Số hội viên kết nạp mới', 'Người', 40, 42, 30],
      ['', 'B. Hội Cựu chiến binh'],
      ['', 'a) Tổng số hội viên', 'Người', null, 100, 90],
    ];
    const r = readReportSheet('hl.xlsx', report(header, rows), context());
    expect(codesAt(r)).toEqual(['HND_HV@E6', 'HND_KN@E7', 'CCB_HV@E9']);
    expect(r!.reports[0].entries.get('HND_HV')!.lastYear!.address).toBe('F6');
  });

  test('an unknown row with a figure is unmapped; a sub-heading without one is not; a row with no section is ambiguous', () => {
    const rows: ModelRow[] = [
      [1, 'Tổng số hội viên', 'Người', null, 500],
      ['I', 'HỘI NÔNG DÂN'],
      [1, 'Số tổ hợp tác do Hội hướng dẫn thành lập', 'Tổ', null, 3],
      [null, 'Trong đó:'],
      [2, 'Kết nạp hội viên mới', 'Người', null, 9],
    ];
    const r = readReportSheet('hl.xlsx', report([['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện']], rows), context());
    expect(codesAt(r)).toEqual(['HND_KN@E9']);
    expect(r!.findings.map((f) => [f.kind, f.cell, f.actual])).toEqual([
      ['unmapped-row', 'B5', 'Tổng số hội viên'],
      ['unmapped-row', 'B7', 'Số tổ hợp tác do Hội hướng dẫn thành lập'],
    ]);
    expect(r!.findings[0].message).toMatch(/có thể là HND_HV, CCB_HV/);
    expect(r!.findings.every((f) => f.unit === 'Phường Hòa Lạc')).toBe(true);
  });

  test('the unit comes from the sheet name, then the file name, when the header block does not say', () => {
    const plain = (name: string) => sheetOf(name, [['BÁO CÁO NĂM 2023'], ['STT', 'Nội dung', 'ĐVT', 'Thực hiện'], ['I', 'HỘI NÔNG DÂN'], [1, 'Tổng số hội viên', 'Người', 5]]);
    expect(readReportSheet('x.xlsx', plain('Yên Bình'), context())!.reports[0].unit).toBe('Xã Yên Bình');
    expect(readReportSheet('BC-2023-PhuongHoaLac.xlsx', plain('Sheet1'), context())!.reports[0].unit).toBe('Phường Hòa Lạc');
    const unknown = readReportSheet('abc.xlsx', plain('Sheet1'), context())!.reports[0];
    expect([unknown.unit, unknown.inRoster]).toEqual(['abc', false]);
  });

  test('a workbook without any table is one no-table finding naming the file and its sheets', () => {
    const r = readReportWorkbook(workbookOf('notes.xlsx', sheetOf('Ghi chú', [['chỉ là ghi chú']]), sheetOf('Trống', [])), context());
    expect(r.reports).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ kind: 'no-table', severity: 'error', file: 'notes.xlsx' });
    expect(r.findings[0].message).toMatch(/Tệp "notes.xlsx": không thấy bảng số liệu nào \(đã xem "Ghi chú", "Trống"\)/);
  });

  test('several unit sheets in one workbook give one report each', () => {
    const mk = (unitLine: string, name: string) => sheetOf(name, [[unitLine], ['STT', 'Nội dung', 'ĐVT', 'Thực hiện'], ['I', 'HỘI NÔNG DÂN'], [1, 'Tổng số hội viên', 'Người', 5]]);
    const r = readReportWorkbook(workbookOf('all.xlsx', mk('ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'HL'), mk('ĐẢNG ỦY XÃ YÊN BÌNH', 'YB')), context());
    expect(r.reports.map((x) => [x.unit, x.sheet])).toEqual([
      ['Phường Hòa Lạc', 'HL'],
      ['Xã Yên Bình', 'YB'],
    ]);
  });

  test('values as typed: text numbers, dash, x, blank, notes, error values, formulas with cached results', () => {
    const rows: ModelRow[] = [
      ['I', 'HỘI NÔNG DÂN'],
      [1, 'Tổng số hội viên', 'Người', null, '1.250'],
      [2, 'Kết nạp hội viên mới', 'Người', null, '-'],
      ['II', 'HỘI CỰU CHIẾN BINH'],
      [1, 'Tổng số hội viên', 'Người', null, { error: '#DIV/0!' }],
      [2, 'Kết nạp hội viên mới', 'Người', null, 'khoảng 40'],
    ];
    const sheet = report([['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện']], rows);
    const r = readReportSheet('hl.xlsx', sheet, context())!;
    const e = r.reports[0].entries;
    expect(e.get('HND_HV')!.value.reading).toEqual({ kind: 'number', value: 1250, percent: false, fromText: true });
    expect(e.get('HND_KN')!.value.reading).toMatchObject({ kind: 'number', value: 0 });
    expect(e.get('CCB_HV')!.value.reading).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(e.get('CCB_KN')!.value.reading).toEqual({ kind: 'text', text: 'khoảng 40' });
  });
});

describe('reading a one-unit-per-row table', () => {
  test('a header of indicator names only, no STT, units by alias or bare name', () => {
    const sheet = sheetOf('Bảng', [
      ['HỘI NÔNG DÂN THỊ XÃ'],
      ['Đơn vị', 'Tổng số hội viên', 'Số hội viên kết nạp mới', 'Ghi chú'],
      ['P. Hòa Lạc', 500, 40],
      ['Yên Bình', 300, 20],
      ['Cộng', 800, 60],
    ]);
    const r = readReportSheet('t.xlsx', sheet, context())!;
    expect(r.reports.map((x) => [x.unit, x.inRoster, x.entries.get('HND_KN')?.value.address])).toEqual([
      ['Phường Hòa Lạc', true, 'C3'],
      ['Xã Yên Bình', true, 'C4'],
    ]);
    expect(r.findings).toEqual([]);
  });

  test('a wrong total is flagged on its cell', () => {
    const sheet = sheetOf('Bảng', [
      ['BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN NĂM 2023'],
      ['Đơn vị', 'Tổng số hội viên'],
      ['P. Hòa Lạc', 500],
      ['Yên Bình', 300],
      ['Tổng cộng', 900],
    ]);
    const r = readReportSheet('t.xlsx', sheet, context())!;
    expect(r.findings.map((f) => [f.kind, f.cell, f.actual, f.expected])).toEqual([['inconsistent', 'B5', 900, 800]]);
  });
});

describe('section headings in other forms', () => {
  test('"I. Hội Nông dân" merged across STT and label, and a bare "Hội Cựu chiến binh" heading', () => {
    const rows: ModelRow[] = [
      ['I. Hội Nông dân'],
      [1, 'Tổng số hội viên', 'Người', null, 500],
      [null, 'Hội Cựu chiến binh'],
      [1, 'Tổng số hội viên', 'Người', null, 100],
    ];
    const sheet = report([['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện']], rows, { merges: ['A5:E5'] });
    const r = readReportSheet('hl.xlsx', sheet, context())!;
    expect(codesAt(r)).toEqual(['HND_HV@E6', 'CCB_HV@E8']);
    expect(r.findings).toEqual([]);
  });
});

describe('a table that is not a report', () => {
  const appendix = sheetOf('Phụ lục', [['STT', 'Nội dung', 'Thực hiện'], [1, 'Sửa nhà văn hóa', 'xong']]);
  const mk = () => sheetOf('Biểu', [['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], ['STT', 'Nội dung', 'ĐVT', 'Thực hiện'], ['I', 'HỘI NÔNG DÂN'], [1, 'Tổng số hội viên', 'Người', 5]]);
  test('beside a report: skipped with a note, not a second report of the unit', () => {
    const r = readReportWorkbook(workbookOf('hl.xlsx', mk(), appendix), context());
    expect(r.reports.map((x) => x.sheet)).toEqual(['Biểu']);
    expect(r.findings.map((f) => [f.kind, f.severity, f.sheet])).toEqual([['no-table', 'info', 'Phụ lục']]);
  });
  test('alone: an error that says the table matched no indicator', () => {
    const r = readReportWorkbook(workbookOf('x.xlsx', appendix), context());
    expect(r.findings.map((f) => [f.kind, f.severity])).toEqual([['no-table', 'error']]);
    expect(r.findings[0].message).toMatch(/có bảng ở trang "Phụ lục" nhưng không dòng nào khớp chỉ tiêu/);
  });
});

describe('a stray cell far away', () => {
  test('a value at XFD1048576 does not change what is read', () => {
    const sheet = report([['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện']]);
    sheet.rows[1048576] = [];
    sheet.rows[1048576]![16384] = { value: 'lạc' };
    const r = readReportSheet('hl.xlsx', sheet, context())!;
    expect(codesAt(r)).toEqual(['HND_HV@E6', 'HND_KN@E7', 'CCB_HV@E9', 'CCB_KN@E10']);
  });
});
