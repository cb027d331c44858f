import { IndicatorMatcher, MatchResult, cleanLabel, labelOf } from '../../src/core/mapping';
import { fold } from '../../src/core/text';

/** A label as the reader hands it over: without its enumerator, folded once. */
const lab = (text: string) => labelOf(text, fold(text)).folded;
import { WorkbookModel, newSheet, setCell } from '../../src/core/model';
import { Rules, readRules } from '../../src/core/rules';
import { rulesModel } from '../helpers/model';

const DVK = 'Phong trào thi đua "Dân vận khéo"';

/** A small rules workbook, as staff would type it: title, blank row, header, one row per indicator. */
function rulesWorkbook(): WorkbookModel {
  const sheet = newSheet('Chỉ tiêu');
  const rows: string[][] = [
    ['CHỈ TIÊU CÔNG TÁC DÂN VẬN NĂM 2023'],
    [],
    ['Mã', 'Nhóm', 'Chỉ tiêu', 'Tên gọi khác', 'Đơn vị tính', 'Điều kiện'],
    ['HND_HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'Người', ''],
    ['HND_KN', 'Hội Nông dân', 'Kết nạp hội viên mới', 'Số hội viên kết nạp mới; Hội viên mới', 'Người', 'từ 200 hội viên trở lên'],
    ['CCB_HV', 'Hội Cựu chiến binh', 'Tổng số hội viên', '', 'Người', ''],
    ['CCB_KN', 'Hội Cựu chiến binh', 'Kết nạp hội viên mới', 'Số hội viên kết nạp mới', 'Người', 'từ 80-100 hội viên mới'],
    ['DTN_DV', 'Đoàn Thanh niên', 'Tổng số đoàn viên', '', 'Người', ''],
    ['DTN_KN', 'Đoàn Thanh niên', 'Kết nạp đoàn viên mới', '', 'Người', ''],
    ['LDLD_DV', 'Liên đoàn Lao động', 'Tổng số đoàn viên công đoàn', '', 'Người', ''],
    ['LDLD_KN', 'Liên đoàn Lao động', 'Kết nạp đoàn viên công đoàn mới', '', 'Người', ''],
    ['DVK_TAPTHE', DVK, 'Mô hình tập thể', '', 'Mô hình', ''],
    ['DVK_CANHAN', DVK, 'Mô hình cá nhân', '', 'Mô hình', ''],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => setCell(sheet, i + 1, j + 1, { value: v })));
  return { name: 'chi-tieu-test.xlsx', sheets: [sheet] };
}

let rules: Rules;
let m: IndicatorMatcher;

// Built for each test rather than once: code run in a test's own hooks counts as that test's,
// so the mutation run knows which tests build the matcher.
beforeEach(() => {
  const read = readRules(rulesWorkbook());
  expect(read.problems).toEqual([]);
  rules = read.rules;
  m = new IndicatorMatcher(rules);
});

/** The matched code, "?A,B" for ambiguous, or null for none: short to compare in tables. */
function outcome(r: MatchResult): string | null {
  if (r.status === 'matched') return r.indicator.code;
  if (r.status === 'ambiguous') return '?' + [...r.candidates].sort().join(',');
  if (r.status === 'none') return null;
  throw new Error(`not a match result: ${JSON.stringify(r)}`);
}

describe('the rules workbook built for these tests', () => {
  test('reads all indicators, sections in order, and the period', () => {
    expect(rules.indicators.map((i) => i.code)).toEqual([
      'HND_HV',
      'HND_KN',
      'CCB_HV',
      'CCB_KN',
      'DTN_DV',
      'DTN_KN',
      'LDLD_DV',
      'LDLD_KN',
      'DVK_TAPTHE',
      'DVK_CANHAN',
    ]);
    expect(rules.sections).toEqual(['Hội Nông dân', 'Hội Cựu chiến binh', 'Đoàn Thanh niên', 'Liên đoàn Lao động', DVK]);
    expect(rules.period).toEqual({ label: 'Năm 2023', year: 2023, months: 12 });
    expect(rules.byCode.get('HND_KN')!.aliases).toEqual(['Số hội viên kết nạp mới', 'Hội viên mới']);
    expect(rules.byCode.get('CCB_KN')!.condition?.comparison).toEqual({ op: 'range', min: 80, max: 100 });
  });
});

describe('cleanLabel', () => {
  test.each<[string, string]>([
    ['1.1. - Mô hình tập thể', 'Mô hình tập thể'],
    ['1.1 Mô hình tập thể', 'Mô hình tập thể'],
    ['1. Tổng số hội viên', 'Tổng số hội viên'],
    ['a) Mô hình cá nhân', 'Mô hình cá nhân'],
    ['b. Mô hình cá nhân', 'Mô hình cá nhân'],
    ['- Tổng số hội viên', 'Tổng số hội viên'],
    ['+ Mô hình cá nhân', 'Mô hình cá nhân'],
    ['• Mô hình cá nhân', 'Mô hình cá nhân'],
    ['Trong đó: Mô hình tập thể', 'Mô hình tập thể'],
    ['Trong đó - Mô hình tập thể', 'Mô hình tập thể'],
    ['Tr. đó: tập thể', 'tập thể'],
    ['II. HỘI CỰU CHIẾN BINH', 'HỘI CỰU CHIẾN BINH'],
    ['iv) Đối thoại', 'Đối thoại'],
    ['Xây dựng mô hình', 'Xây dựng mô hình'], // a word is not an enumerator
    ['Tổng số hội viên', 'Tổng số hội viên'],
    ['- Tổng số hội viên ', 'Tổng số hội viên'], // a space typed after the words
  ])('%j → %j', (label, expected) => {
    expect(cleanLabel(label)).toBe(expected);
  });
});

describe('labelOf: the label as shown and as matched, both without the enumerator', () => {
  test.each<[string, string, string]>([
    ['1.1. - Mô hình tập thể', 'Mô hình tập thể', 'mo hinh tap the'],
    ['Trong đó: Mô hình cá nhân ', 'Mô hình cá nhân', 'mo hinh ca nhan'],
    ['II. HỘI CỰU CHIẾN BINH', 'HỘI CỰU CHIẾN BINH', 'hoi cuu chien binh'],
    ['  Tổng số hội viên  ', 'Tổng số hội viên', 'tong so hoi vien'],
    ['Xây dựng mô hình', 'Xây dựng mô hình', 'xay dung mo hinh'],
  ])('%j → %j, matched as %j', (text, shown, folded) => {
    expect(labelOf(text, fold(text))).toEqual({ text: shown, folded });
  });
});

describe('IndicatorMatcher.isUnitOrCode: a header cell that is only a unit of measure or a code', () => {
  test.each<[string, boolean]>([
    ['Người', true],
    [' NGƯỜI ', true],
    ['nguoi', true],
    ['Mô hình', true],
    ['ĐVT', true],
    ['Đơn vị tính', true],
    ['%', true],
    // Codes as the rules write them, in any case: folding would spell out "HND" ("hoi nong dan hv").
    ['HND_HV', true],
    ['hnd_kn', true],
    ['Tổng số hội viên', false],
    ['Hội Nông dân', false],
    ['Hội Nông dân HV', false],
    ['', false],
    ['  ', false],
    ['2023', false],
  ])('%j → %s', (text, expected) => {
    expect(m.isUnitOrCode(text)).toBe(expected);
  });
});

test('an indicator with no unit of measure makes no blank cell a unit', () => {
  const read = readRules(rulesModel([['MH', 'Mặt trận', 'Mô hình mới', '', '', '', '', '', '']]));
  const mm = new IndicatorMatcher(read.rules);
  expect([mm.isUnitOrCode(''), mm.isUnitOrCode('MH'), mm.isUnitOrCode('%')]).toEqual([false, true, true]);
});

test('exactly(): a name an indicator with no section shares with one of a section', () => {
  const read = readRules(
    rulesModel([
      ['TS', '', 'Tổng số hội viên', '', 'người', '', '', '', ''],
      ['HND', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
      ['PN', 'Hội Phụ nữ', 'Số hội viên mới', '', 'người', '', '', '', ''],
    ]),
  );
  const mm = new IndicatorMatcher(read.rules);
  const f = lab('Tổng số hội viên');
  // Under the section, the section's own; under another section, the one with no section; with no
  // section known, either could be meant: none.
  expect([mm.exactly(f, 'Hội Nông dân')?.code, mm.exactly(f, 'Hội Phụ nữ')?.code, mm.exactly(f, null)]).toEqual(['HND', 'TS', null]);
});

describe('IndicatorMatcher.exactly: the one indicator a label names exactly', () => {
  test('two associations\' "Tổng số hội viên": the section decides, and without one nothing is named', () => {
    expect(m.exactly(lab('Tổng số hội viên'), 'Hội Nông dân')?.code).toBe('HND_HV');
    expect(m.exactly(lab('Tổng số hội viên'), 'Hội Cựu chiến binh')?.code).toBe('CCB_HV');
    expect(m.exactly(lab('Tổng số hội viên'), null)).toBeNull();
    expect(m.exactly(lab('Tổng số hội viên'), 'Đoàn Thanh niên')).toBeNull();
  });
  test('a name only one indicator has is that indicator in any section or none; a look-alike is not exact', () => {
    expect(m.exactly(lab('Tổng số đoàn viên'), null)?.code).toBe('DTN_DV');
    expect(m.exactly(lab('Tổng số đoàn viên'), 'Đoàn Thanh niên')?.code).toBe('DTN_DV');
    expect(m.exactly(lab('Hội viên mới'), 'Hội Nông dân')?.code).toBe('HND_KN');
    expect(m.exactly(lab('Tổng số đoàn viên mới'), 'Đoàn Thanh niên')).toBeNull();
  });
});

describe('IndicatorMatcher.section', () => {
  test.each<[string, string | null]>([
    ['I. HỘI NÔNG DÂN', 'Hội Nông dân'],
    ['HỘI NÔNG DÂN', 'Hội Nông dân'],
    ['HND', 'Hội Nông dân'],
    ['Phần I - Hội Nông dân', 'Hội Nông dân'],
    ['II. HỘI CỰU CHIẾN BINH', 'Hội Cựu chiến binh'],
    ['III. ĐOÀN THANH NIÊN', 'Đoàn Thanh niên'],
    ['4. LIÊN ĐOÀN LAO ĐỘNG', 'Liên đoàn Lao động'],
    ['PHONG TRÀO THI ĐUA "DÂN VẬN KHÉO"', DVK],
    ['B. PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”', DVK],
    ['I. HỘI NÔNG DÂN'.normalize('NFD'), 'Hội Nông dân'],
    ['B. CÔNG TÁC DÂN VẬN CHÍNH QUYỀN', null],
    ['HỘI LIÊN HIỆP PHỤ NỮ', null], // no such section in these rules
    ['', null],
    ['I.', null],
    // Words around the section's name: a share of words of 0.6 or more still names it.
    ['I. HỘI NÔNG DÂN XÃ', 'Hội Nông dân'],
    ['HỘI NÔNG DÂN (SỐ LIỆU CẢ NĂM)', 'Hội Nông dân'], // its 3 words in the heading's 7: 2 × 3 / 10 = 0.6
    ['HỘI NÔNG DÂN (SỐ LIỆU CẢ NĂM 2023)', null], // in 8: 6 / 11, below
    // A short name, its words all in one section's name and no other's ("5. Phụ nữ" for "Hội Liên
    // hiệp Phụ nữ"), though under the share: 2 × 2 / 8 = 0.5 here.
    ['5. Thi đua', DVK],
    ['Dân vận', DVK],
    ['Thi đua Nông dân', null], // words of two sections
    ['Hội', null], // one word
  ])('%j → %j', (heading, expected) => {
    expect(m.section(fold(heading))).toBe(expected);
  });

  // At the 0.6 share, one enumerator word counted as a word of the heading would tip it to no
  // section: every kind of enumerator must be left out, however many there are.
  test.each<string>([
    'Phần I. Hội Nông dân (số liệu cả năm)',
    'II. HỘI NÔNG DÂN (SỐ LIỆU CẢ NĂM)',
    'B. HỘI NÔNG DÂN (SỐ LIỆU CẢ NĂM)',
    '10. HỘI NÔNG DÂN (SỐ LIỆU CẢ NĂM)',
    'Mục 2. Hội Nông dân (số liệu cả năm)',
  ])('%j: the enumerator does not count against the heading', (heading) => {
    expect(m.section(fold(heading))).toBe('Hội Nông dân');
  });

  test('a heading naming two sections equally well goes to the one first in the rules', () => {
    expect(m.section(fold('HỘI NÔNG DÂN - ĐOÀN THANH NIÊN'))).toBe('Hội Nông dân');
  });
});

describe('IndicatorMatcher.sectionIn: a section named anywhere in a title line', () => {
  test.each<[string, string | null]>([
    ['BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN', 'Hội Nông dân'], // at the very end of the line
    ['BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN NĂM 2023', 'Hội Nông dân'],
    ['BÁO CÁO CÔNG TÁC DÂN VẬN NĂM 2023', null],
    // The section with the most words is the more specific, wherever it stands in the rules.
    ['KẾT QUẢ HỘI NÔNG DÂN THAM GIA PHONG TRÀO THI ĐUA "DÂN VẬN KHÉO"', DVK],
    ['HỘI CỰU CHIẾN BINH PHỐI HỢP VỚI ĐOÀN THANH NIÊN', 'Hội Cựu chiến binh'],
    ['ĐOÀN THANH NIÊN PHỐI HỢP VỚI HỘI CỰU CHIẾN BINH', 'Hội Cựu chiến binh'],
    // As many words each: the first in the rules.
    ['HỘI CỰU CHIẾN BINH PHỐI HỢP VỚI LIÊN ĐOÀN LAO ĐỘNG', 'Hội Cựu chiến binh'],
    ['LIÊN ĐOÀN LAO ĐỘNG PHỐI HỢP VỚI HỘI CỰU CHIẾN BINH', 'Hội Cựu chiến binh'],
  ])('%j → %j', (title, expected) => {
    expect(m.sectionIn(fold(title))).toBe(expected);
  });
});

describe('IndicatorMatcher.match with qualifiers (the plan, last year, a year) the label holds', () => {
  test('only names holding every qualifier are scored', () => {
    const read = readRules(
      rulesModel([
        ['GS', 'Mặt trận', 'Số cuộc giám sát theo kế hoạch', '', 'cuộc', '', '', '', ''],
        ['PB', 'Mặt trận', 'Số cuộc phản biện xã hội', '', 'cuộc', '', '', '', ''],
      ]),
    );
    expect(read.problems).toEqual([]);
    const mm = new IndicatorMatcher(read.rules);
    const code = (r: MatchResult) => (r.status === 'matched' ? r.indicator.code : r.status);
    expect(code(mm.match(lab('Số cuộc giám sát theo kế hoạch đề ra'), 'Mặt trận', undefined, ['ke hoach']))).toBe('GS');
    expect(code(mm.match(lab('Số cuộc giám sát theo kế hoạch cùng kỳ'), 'Mặt trận', undefined, ['ke hoach', 'cung ky']))).toBe('none');
    expect(code(mm.match(lab('Số cuộc phản biện xã hội theo kế hoạch'), 'Mặt trận', undefined, ['ke hoach']))).toBe('none');
    expect(code(mm.match(lab('Số cuộc phản biện xã hội đã tổ chức'), 'Mặt trận', undefined, []))).toBe('PB');
  });
});

describe('IndicatorMatcher.match', () => {
  test.each<[string, string | null, string | null]>([
    // The same words under different sections.
    ['Tổng số hội viên', 'Hội Nông dân', 'HND_HV'],
    ['Tổng số hội viên', 'Hội Cựu chiến binh', 'CCB_HV'],
    ['TỔNG SỐ HỘI VIÊN', 'Hội Nông dân', 'HND_HV'],
    ['- Tổng số hội viên', 'Hội Cựu chiến binh', 'CCB_HV'],
    ['Kết nạp hội viên mới', 'Hội Nông dân', 'HND_KN'],
    ['Kết nạp hội viên mới', 'Hội Cựu chiến binh', 'CCB_KN'],
    // Reworded labels through an alias.
    ['Số hội viên kết nạp mới', 'Hội Nông dân', 'HND_KN'],
    ['- Số hội viên kết nạp mới', 'Hội Cựu chiến binh', 'CCB_KN'],
    ['Hội viên mới', 'Hội Nông dân', 'HND_KN'],
    // Names found only in one section are found without a section too.
    ['Tổng số đoàn viên', 'Đoàn Thanh niên', 'DTN_DV'],
    ['Tổng số đoàn viên', null, 'DTN_DV'],
    ['Tổng số đoàn viên công đoàn', null, 'LDLD_DV'],
    ['Kết nạp đoàn viên công đoàn mới', 'Liên đoàn Lao động', 'LDLD_KN'],
    // Enumerators and child markers are cleaned.
    ['1.1. - Mô hình tập thể', DVK, 'DVK_TAPTHE'],
    ['1.1. - Mô hình tập thể', null, 'DVK_TAPTHE'],
    ['1.2. - Mô hình cá nhân', null, 'DVK_CANHAN'],
    ['+ Mô hình cá nhân', null, 'DVK_CANHAN'],
    ['a) Mô hình cá nhân', null, 'DVK_CANHAN'],
    ['Trong đó: Mô hình tập thể', null, 'DVK_TAPTHE'],
    // Legacy-free NFD text.
    ['Tổng số hội viên'.normalize('NFD'), 'Hội Nông dân', 'HND_HV'],
    // Unrelated labels map to nothing.
    ['Số tổ hợp tác, hợp tác xã do Hội hướng dẫn thành lập', 'Hội Nông dân', null],
    ['Số tổ hợp tác, hợp tác xã do Hội hướng dẫn thành lập', null, null],
    ['Số nhà đại đoàn kết', null, null],
    ['', null, null],
    ['1.', null, null],
    ['(1)', null, null],
  ])('%j under %j → %j', (label, section, expected) => {
    expect(outcome(m.match(lab(label), section))).toBe(expected);
  });

  test('"Tổng số hội viên" without a section is ambiguous, not guessed', () => {
    const r = m.match(lab('Tổng số hội viên'), null);
    expect(r.status).toBe('ambiguous');
    if (r.status === 'ambiguous') expect([...r.candidates].sort()).toEqual(['CCB_HV', 'HND_HV']);
  });

  test('"Kết nạp hội viên mới" without a section is ambiguous too, though one association has more aliases', () => {
    expect(outcome(m.match(lab('Kết nạp hội viên mới'), null))).toBe('?CCB_KN,HND_KN');
  });

  test('"Số hội viên kết nạp mới" without a section is ambiguous between the two associations', () => {
    expect(outcome(m.match(lab('Số hội viên kết nạp mới'), null))).toBe('?CCB_KN,HND_KN');
  });

  test('a heading resolved with section() then used for match()', () => {
    const sec = m.section(fold('II. HỘI CỰU CHIẾN BINH'));
    expect(outcome(m.match(lab('Tổng số hội viên'), sec))).toBe('CCB_HV');
  });

  test('an exact match scores 1, plus the section bonus under its own section', () => {
    const plain = m.match(lab('Tổng số đoàn viên'), null);
    const inSection = m.match(lab('Tổng số đoàn viên'), 'Đoàn Thanh niên');
    expect(plain.status === 'matched' && plain.score).toBe(1);
    expect(inSection.status === 'matched' && inSection.score).toBeGreaterThan(1);
  });

  describe('labels worded differently from every name', () => {
    test('the same words in another order match, scoring as the name itself', () => {
      // "công đoàn viên" is the trade union's "đoàn viên công đoàn"; the youth union's "Tổng số
      // đoàn viên" has 4 of the row's 5 words (8/9), a clear second.
      const r = m.match(lab('Tổng số công đoàn viên'), null);
      expect(outcome(r)).toBe('LDLD_DV');
      expect(r.status === 'matched' && r.score).toBe(1);
    });

    test('extra words lower the score to the share of words in common, plus the section bonus', () => {
      // 4 words in common of 6 and 4: 0.8, and 0.15 for standing under its own section.
      const own = m.match(lab('Tổng số hội viên hiện có'), 'Hội Nông dân');
      expect(outcome(own)).toBe('HND_HV');
      expect(own.status === 'matched' && own.score).toBeCloseTo(0.8 + 0.15, 12);
      expect(outcome(m.match(lab('Tổng số hội viên hiện có'), 'Hội Cựu chiến binh'))).toBe('CCB_HV');
    });

    test('an indicator scores by the nearest of its names', () => {
      // 6 words in common with the alias "Số hội viên kết nạp mới" (6 and 8 words: 12/14), only 5
      // with the name "Kết nạp hội viên mới" (5 and 8 words: 10/13).
      const r = m.match(lab('Số hội viên kết nạp mới trong năm'), 'Hội Nông dân');
      expect(outcome(r)).toBe('HND_KN');
      expect(r.status === 'matched' && r.score).toBeCloseTo(12 / 14 + 0.15, 12);
    });

    test('words shared with no name match nothing', () => {
      expect(m.match(lab('Số tổ hợp tác do Hội hướng dẫn thành lập'), 'Hội Nông dân')).toEqual({ status: 'none' });
      expect(m.match('', null)).toEqual({ status: 'none' });
    });
  });

  describe('used codes', () => {
    test('a used code is skipped: the other section-less candidate wins', () => {
      expect(outcome(m.match(lab('Tổng số hội viên'), null, new Set(['HND_HV'])))).toBe('CCB_HV');
      expect(outcome(m.match(lab('Tổng số hội viên'), null, new Set(['CCB_HV'])))).toBe('HND_HV');
    });

    test('a used code is not returned again', () => {
      expect(outcome(m.match(lab('Mô hình tập thể'), DVK, new Set(['DVK_TAPTHE'])))).not.toBe('DVK_TAPTHE');
      expect(outcome(m.match(lab('Tổng số đoàn viên'), null, new Set(['DTN_DV'])))).not.toBe('DTN_DV');
    });

    test('unused codes are unaffected by the used set', () => {
      expect(outcome(m.match(lab('Tổng số hội viên'), 'Hội Nông dân', new Set(['CCB_HV'])))).toBe('HND_HV');
    });

    // The threshold applies to the words alone (0.72); the section bonus only ranks. With HND_HV
    // used, a second "Tổng số hội viên" under HỘI NÔNG DÂN must not become HND_KN through its
    // alias "Số hội viên kết nạp mới" (Dice 0.6), nor CCB_HV of another section.
    test('a used code does not push the row onto a weakly similar indicator of the same section', () => {
      expect(outcome(m.match(lab('Tổng số hội viên'), 'Hội Nông dân', new Set(['HND_HV'])))).toBeNull();
    });
  });
});
