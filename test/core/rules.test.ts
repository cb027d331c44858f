import { readRules, RulesError, parseScope, parseSeverity } from '../../src/core/rules';
import { rulesModel, sheetOf, workbookOf } from '../helpers/model';

describe('readRules', () => {
  test('finds columns by header text in any order under a title, and reads the period from the title', () => {
    const wb = workbookOf(
      'r.xlsx',
      sheetOf('CHỈ TIÊU', [
        ['KẾ HOẠCH CÔNG TÁC 6 THÁNG ĐẦU NĂM 2024'],
        ['(Ban hành kèm theo Kế hoạch số 12)'],
        ['điều kiện', 'MÃ', 'Nhom', 'Chỉ Tiêu', 'ĐVT', 'Mức độ', 'Phạm vi'],
        ['từ 10 trở lên', 'hv_kn', 'Hội Nông dân', 'Kết nạp hội viên mới', 'người', 'Lỗi', 'Mỗi xã'],
      ]),
    );
    const { rules, problems } = readRules(wb);
    expect(problems).toEqual([]);
    expect(rules.period).toEqual({ label: '6 tháng đầu năm 2024', year: 2024, months: 6 });
    const ind = rules.byCode.get('HV_KN')!;
    expect(ind).toMatchObject({ code: 'HV_KN', section: 'Hội Nông dân', unitOfMeasure: 'người', severity: 'error', rate: false, row: 4 });
    expect(ind.scope).toEqual({ kind: 'level', levels: ['xa'], label: 'Mỗi xã' });
    expect(ind.condition?.comparison).toEqual({ op: 'atLeast', min: 10 });
  });

  test('a rate is marked by "%" or by a formula, and its condition is a fraction', () => {
    const { rules, problems } = readRules(
      rulesModel([
        ['A', 'X', 'Số A', '', 'hộ', '', '', '', ''],
        ['B', 'X', 'Số B', '', 'hộ', '', '', '', ''],
        ['TL', 'X', 'Tỷ lệ', '', '', '≥ 95%', 'Mỗi đơn vị', 'Cảnh báo', 'A / B'],
        ['TL2', 'X', 'Tỷ lệ 2', '', '%', '90', '', '', ''],
      ]),
    );
    expect(problems).toEqual([]);
    expect(rules.byCode.get('TL')).toMatchObject({ rate: true, formulaText: 'A / B' });
    expect(rules.byCode.get('TL')!.condition!.comparison).toEqual({ op: 'atLeast', min: 0.95 });
    expect(rules.byCode.get('TL2')!.condition!.comparison).toEqual({ op: 'atLeast', min: 0.9 });
    expect(rules.byCode.get('A')!.rate).toBe(false);
  });

  test.each(['A / B * 100', 'A / B × 100', 'A*100/B', '100 * A / B', '(A / B) * 100'])('a rate\'s formula written with the percent factor, "%s", is the rate A / B', (formula) => {
    const { rules, problems } = readRules(
      rulesModel([
        ['A', 'X', 'Số A', '', 'hộ', '', '', '', ''],
        ['B', 'X', 'Số B', '', 'hộ', '', '', '', ''],
        ['TL', 'X', 'Tỷ lệ', '', '%', '≥ 95%', 'Mỗi đơn vị', 'Cảnh báo', formula],
      ]),
    );
    expect(problems).toEqual([]);
    expect(rules.byCode.get('TL')!.formula).toEqual({ type: 'arith', op: '/', left: { type: 'code', code: 'A' }, right: { type: 'code', code: 'B' } });
  });

  test('a header the sheet has and no column is named by is said, and a missing condition column too; "Ghi chú" and "STT" are not', () => {
    const wb = workbookOf('r.xlsx', sheetOf('Chỉ tiêu', [['STT', 'Mã', 'Chỉ tiêu', 'Điều kiện đạt ra', 'Ghi chú'], [1, 'A', 'Số A', '≥ 5', '']]));
    const { problems } = readRules(wb);
    expect(problems.map((p) => [p.severity, p.cell, p.message])).toEqual([
      ['warning', 'D1', 'Tệp chỉ tiêu, trang "Chỉ tiêu", dòng 1: cột "Điều kiện đạt ra" không phải cột nào của bảng chỉ tiêu (Mã, Chỉ tiêu, Tên gọi khác, Đơn vị tính, Điều kiện, Phạm vi, Mức độ, Công thức, Quy mô): không đọc cột này. Nếu là một trong các cột đó, đổi tiêu đề cho đúng.'],
      ['warning', 'A1', 'Tệp chỉ tiêu, trang "Chỉ tiêu", dòng 1: không thấy cột "Điều kiện" (điều kiện đạt của mỗi chỉ tiêu, ví dụ "≥ 95%"): không chỉ tiêu nào được đánh giá đạt hay chưa đạt.'],
    ]);
  });

  test.each([
    ['Chỉ tiêu phấn đấu', 'Phạm vi áp dụng', 'Mức độ cảnh báo'],
    ['Chỉ tiêu giao', 'Áp dụng', 'Mức'],
    ['Điều kiện đạt', 'Đối tượng', 'Mức độ'],
  ])('headers "%s", "%s", "%s" are the condition, scope and severity', (cond, scope, sev) => {
    const wb = workbookOf('r.xlsx', sheetOf('Chỉ tiêu', [['Mã', 'Chỉ tiêu', cond, scope, sev], ['A', 'Số A', '≥ 5', 'Mỗi đơn vị', 'Lỗi']]));
    const { rules, problems } = readRules(wb);
    expect(problems).toEqual([]);
    expect(rules.byCode.get('A')).toMatchObject({ severity: 'error', scope: { kind: 'each' }, condition: { comparison: { op: 'atLeast', min: 5 } } });
  });

  test('a scope at a level no roster unit is at is said, and the target is marked unchecked', () => {
    const { rules, problems } = readRules(
      rulesModel([['A', 'X', 'Số A', '', 'hộ', '≥ 5', 'Mỗi thị trấn', 'Lỗi', '']], { roster: [['Phường Hòa Lạc', '', 'Phường'], ['Xã Yên Bình', '', 'Xã']] }),
    );
    expect(problems.map((p) => [p.severity, p.indicator])).toEqual([['error', 'A']]);
    expect(problems[0].message).toContain('phạm vi "Mỗi thị trấn" của A: danh sách đơn vị không có đơn vị nào ở cấp này');
    expect(rules.byCode.get('A')!.unchecked).toBe(true);
  });

  test('an alias that is another indicator\'s name in the same section is dropped, and said', () => {
    const { rules, problems } = readRules(
      rulesModel([
        ['A', 'X', 'Nhà đại đoàn kết', 'Nhà tình thương; Số cuộc phản biện', 'nhà', '', '', '', ''],
        ['B', 'X', 'Số cuộc phản biện', '', 'cuộc', '', '', '', ''],
      ]),
    );
    expect(rules.byCode.get('A')!.aliases).toEqual(['Nhà tình thương']);
    expect(problems.map((p) => [p.indicator, p.message])).toEqual([['A', 'Tệp chỉ tiêu, trang "Chỉ tiêu", dòng 4: tên gọi khác "Số cuộc phản biện" của A là tên của chỉ tiêu B cùng nhóm; bỏ tên gọi khác này.']]);
  });

  test('aliases on lines of their own in one cell (Alt+Enter) are several aliases, as with ";"', () => {
    const wb = workbookOf('r.xlsx', sheetOf('Chỉ tiêu', [['Mã', 'Chỉ tiêu', 'Tên gọi khác', 'Điều kiện'], ['A', 'Nhà đại đoàn kết', 'Nhà tình thương\nNhà tình nghĩa; Nhà 167', '']]));
    expect(readRules(wb).rules.byCode.get('A')!.aliases).toEqual(['Nhà tình thương', 'Nhà tình nghĩa', 'Nhà 167']);
  });

  test('a roster grouped as offices group it: headings, a part\'s sum and the total are no units; "Khối 5" is one', () => {
    const { rules, problems } = readRules(
      rulesModel([['A', 'X', 'Số A', '', 'hộ', '', '', '', '']], {
        roster: [['I – CÁC PHƯỜNG', '', ''], ['Phường Hòa Lạc', '', 'Phường'], ['II. Các xã', '', ''], ['Xã Yên Bình', '', 'Xã'], ['Khối 5', '', ''], ['Cộng: 3 đơn vị', '', ''], ['Tổng cộng', '', '']],
      }),
    );
    expect(problems).toEqual([]);
    expect(rules.roster.map((u) => u.name)).toEqual(['Phường Hòa Lạc', 'Xã Yên Bình', 'Khối 5']);
  });

  test('problems are findings on their row; the row is left out, the rest is read', () => {
    const { rules, problems } = readRules(
      rulesModel(
        [
          ['A', 'X', 'Số A', '', 'hộ', '', '', '', ''],
          ['A', 'X', 'Số A lần hai', '', 'hộ', '', '', '', ''],
          ['B', 'X', 'Số B', '', 'hộ', 'tăng so với năm trước', '', 'Rất nặng', ''],
          ['C', 'X', 'Tỷ lệ C', '', '%', '', '', '', 'A / Z'],
          ['D', 'X', 'Tỷ lệ D', '', '%', '', 'Vài nơi', '', 'A +'],
          ['', 'X', 'Không mã', '', '', '', '', '', ''],
          ['1X', 'X', 'Mã sai', '', '', '', '', '', ''],
          ['E', 'X', 'E', '', '', '', '', '', 'F'],
          ['F', 'X', 'F', '', '', '', '', '', 'E'],
        ],
        { checks: [['K1', 'A <= B', 'Lỗi'], ['K2', 'A + B', ''], ['K3', 'A = Q', ''], ['K1', 'B >= 0', '']] },
      ),
    );
    const msgs = problems.map((p) => `${p.cell}: ${p.message}`);
    expect(msgs).toEqual([
      expect.stringMatching(/^A5: .*dòng 5: mã "A" bị trùng với dòng 4/),
      expect.stringMatching(/^H6: .*mức độ "Rất nặng" không hiểu/),
      expect.stringMatching(/^F6: .*không đọc được điều kiện "tăng so với năm trước" của chỉ tiêu B/),
      expect.stringMatching(/^G8: .*phạm vi "Vài nơi" không hiểu/),
      expect.stringMatching(/^A9: .*chỉ tiêu "Không mã" chưa có mã/),
      expect.stringMatching(/^A10: .*mã "1X" không hợp lệ/),
      expect.stringMatching(/^I7: .*công thức của C dùng mã chưa có: Z/),
      expect.stringMatching(/^I8: .*công thức "A \+" của D không đọc được/),
      expect.stringMatching(/^I11: .*công thức của E tự tham chiếu vòng tròn/),
      expect.stringMatching(/^I12: .*công thức của F tự tham chiếu vòng tròn/),
      expect.stringMatching(/^B3: .*"Kiểm tra chéo", dòng 3: biểu thức "A \+ B" không đọc được: cần một phép so sánh/),
      expect.stringMatching(/^B4: .*biểu thức "A = Q" dùng mã chưa có .*Q/),
      expect.stringMatching(/^A5: .*mã kiểm tra "K1" bị trùng/),
    ]);
    expect(problems.every((p) => p.kind === 'invalid-rule' && p.severity === 'error' && p.file === 'rules.xlsx')).toBe(true);
    // A problem on an indicator's row names the indicator; a row without a usable code, or a cross check, names none.
    expect(problems.map((p) => p.indicator)).toEqual(['A', 'B', 'B', 'D', null, null, 'C', 'D', 'E', 'F', null, null, null]);
    expect(rules.indicators.map((i) => i.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(rules.byCode.get('B')!.condition).toBeNull();
    expect(rules.byCode.get('C')!.formula).toBeNull();
    expect(rules.crossChecks.map((c) => c.code)).toEqual(['K1']);
  });

  test('without a "Chỉ tiêu" sheet, or without its header, it throws a message naming the file', () => {
    expect(() => readRules(workbookOf('x.xlsx', sheetOf('Sheet1', [['a']])))).toThrow(new RulesError('Tệp chỉ tiêu "x.xlsx" không có trang tính "Chỉ tiêu" (có: "Sheet1").'));
    expect(() => readRules(workbookOf('x.xlsx', sheetOf('Chỉ tiêu', [['Tên'], ['a']])))).toThrow(/trang "Chỉ tiêu": không thấy dòng tiêu đề có cột "Mã" và "Chỉ tiêu"/);
  });

  test('reads the roster in order, with aliases and levels; duplicate names are problems', () => {
    const { rules, problems } = readRules(
      rulesModel([['A', 'X', 'Số A', '', '', '', '', '', '']], {
        roster: [
          ['Phường Hòa Lạc', 'P. Hòa Lạc; Hoà Lạc', 'Phường'],
          ['Xã Yên Bình', '', 'Xã'],
          ['xã yên bình', '', 'Xã'],
        ],
      }),
    );
    expect(rules.roster).toEqual([
      { name: 'Phường Hòa Lạc', aliases: ['P. Hòa Lạc', 'Hoà Lạc'], level: 'Phường', order: 0 },
      { name: 'Xã Yên Bình', aliases: [], level: 'Xã', order: 1 },
    ]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/đơn vị "xã yên bình" bị trùng với dòng 3/)]);
  });

  test('a roster duplicate is two rows equal after normalisation, case and prefix, never after folding', () => {
    const { rules, problems } = readRules(
      rulesModel([['A', 'X', 'Số A', '', '', '', '', '', '']], {
        roster: [
          ['Phường Tân Thành', '', 'Phường'],
          ['Phường Tân Thạnh', '', 'Phường'],
          ['Phường Bình Thành', '', 'Phường'],
          ['Xã Bình Thạnh', '', 'Xã'],
          ['Phường Long Bình', '', 'Phường'],
          ['Xã Long Bình', '', 'Xã'],
          ['Phường 1', '', 'Phường'],
          ['Phường 10', '', 'Phường'],
          ['P. 01', '', 'Phường'],
          ['PHƯỜNG TÂN THẠNH'.normalize('NFD'), '', 'Phường'],
        ],
      }),
    );
    expect(rules.roster.map((u) => u.name)).toEqual(['Phường Tân Thành', 'Phường Tân Thạnh', 'Phường Bình Thành', 'Xã Bình Thạnh', 'Phường Long Bình', 'Xã Long Bình', 'Phường 1', 'Phường 10']);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/dòng 10: đơn vị "P. 01" bị trùng với dòng 8/),
      expect.stringMatching(/dòng 11: đơn vị "PHƯỜNG TÂN THẠNH" bị trùng với dòng 3/),
    ]);
  });

  test('without a period in the title the targets are annual', () => {
    const { rules } = readRules(rulesModel([['A', 'X', 'Số A', '', '', '', '', '', '']], { title: 'Danh mục chỉ tiêu' }));
    expect(rules.period.months).toBe(12);
    expect(rules.period.year).toBeNull();
  });

  test('a code such as __proto__ is data, not a property', () => {
    const { rules } = readRules(rulesModel([['__proto__', 'X', 'Lạ', '', '', 'ít nhất 1', '', '', ''], ['constructor', 'X', 'Lạ 2', '', '', '', '', '', '']]));
    expect(rules.byCode.get('__PROTO__')?.name).toBe('Lạ');
    expect(rules.byCode.get('CONSTRUCTOR')?.name).toBe('Lạ 2');
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});

describe('scope and severity words', () => {
  test.each([
    ['', 'area'],
    ['Toàn địa bàn', 'area'],
    ['Toàn thị xã', 'area'],
    ['toàn thành phố', 'area'],
    ['Mỗi đơn vị', 'each'],
    ['Từng đơn vị', 'each'],
    ['Mỗi phường', 'level'],
    ['Mỗi xã', 'level'],
    ['Mỗi thị trấn', 'level'],
  ])('%s → %s', (text, kind) => {
    expect(parseScope(text)?.kind).toBe(kind);
  });
  test('unknown scope is null', () => expect(parseScope('một số nơi')).toBeNull());
  test.each<[string, string[]]>([
    ['Mỗi xã, phường', ['xa', 'phuong']],
    ['Mỗi phường, xã', ['phuong', 'xa']],
    ['Mỗi phường/xã', ['phuong', 'xa']],
    ['Mỗi xã, phường, thị trấn', ['xa', 'phuong', 'thi tran']],
    ['Mỗi xã và thị trấn', ['xa', 'thi tran']],
    ['Mỗi P.', ['phuong']],
  ])('"%s" is every unit at those levels', (text, levels) => {
    expect(parseScope(text)).toEqual({ kind: 'level', levels, label: text });
  });
  test.each(['Mỗi đơn vị cấp xã', 'Mỗi địa phương', 'Từng địa phương', 'Mỗi cơ sở'])('"%s" is every unit', (text) => {
    expect(parseScope(text)?.kind).toBe('each');
  });
  // Once, "Mỗi" and any words became a level no unit is at, and the target judged nobody, silently.
  test.each(['Mỗi khu vực', 'Mỗi xã, khu vực', 'Mỗi nơi'])('"%s" names no level: not understood, so said', (text) => {
    expect(parseScope(text)).toBeNull();
  });
  test.each([
    ['Lỗi', 'error'],
    ['LỖI', 'error'],
    ['Cảnh báo', 'warning'],
    ['canh bao', 'warning'],
    ['Thông tin', 'info'],
    ['', 'warning'],
  ])('severity %s → %s', (text, sev) => expect(parseSeverity(text, 'warning')).toBe(sev));
  test('unknown severity is null', () => expect(parseSeverity('nặng', 'warning')).toBeNull());
});
