// The area's figures as the rollup gives them: counts summed over the units, rates recomputed from
// the summed parts, and a rate whose parts some unit left out computed like for like.
import { Figure } from '../../src/core/checks';
import { Rules, readRules } from '../../src/core/rules';
import { computeRollup, leafCodes } from '../../src/core/rollup';
import { rulesModel } from '../helpers/model';

const ok = (value: number): Figure => ({ status: 'ok', value, cell: null });
const invalid = (text: string): Figure => ({ status: 'invalid', text, cell: null });
const missing: Figure = { status: 'missing', cell: null };
const notApplicable: Figure = { status: 'not-applicable', cell: null };

type Unit = { unit: string; figures: Map<string, Figure> };
const unit = (name: string, figures: Record<string, Figure>): Unit => ({ unit: name, figures: new Map(Object.entries(figures)) });

/** Rules rows: [code, section, name, aliases, uom, condition, scope, severity, formula]. */
function rulesOf(rows: string[][]): Rules {
  const read = readRules(rulesModel(rows));
  expect(read.problems).toEqual([]);
  return read.rules;
}

const count = (code: string, name: string, uom = 'Người') => [code, 'Hội Nông dân', name, '', uom, '', '', '', ''];
const derived = (code: string, name: string, formula: string) => [code, 'Hội Nông dân', name, '', '', '', '', '', formula];

// Admissions over the farmers eligible to join; last year's admissions for the growth rates.
const rules = rulesOf([
  count('HV', 'Tổng số hội viên'),
  count('KN', 'Kết nạp hội viên mới'),
  count('DU_DK', 'Số nông dân đủ điều kiện vào hội'),
  count('KN_CU', 'Kết nạp hội viên mới năm trước'),
  ['TL_THAM_GIA', 'Hội Nông dân', 'Tỷ lệ hộ tham gia sản xuất giỏi', '', '%', '', '', '', ''],
  derived('TL_KN', 'Tỷ lệ kết nạp', 'KN / DU_DK'),
  derived('TL_CHUA', 'Tỷ lệ chưa được kết nạp', '1 - TL_KN'),
  derived('TANG_KN', 'Mức tăng kết nạp so với năm trước', 'KN / KN_CU - 1'),
  derived('GIAM_KN', 'Mức giảm kết nạp so với năm trước', '-(KN / KN_CU - 1)'),
  count('MH_TAPTHE', 'Mô hình tập thể', 'Mô hình'),
  count('MH_CANHAN', 'Mô hình cá nhân', 'Mô hình'),
  count('MH_KHAC', 'Mô hình khác', 'Mô hình'),
  derived('MH_TONG', 'Tổng số mô hình', 'MH_TAPTHE + MH_CANHAN'),
  // A collective model counts double in the movement's points.
  derived('MH_DIEM', 'Điểm mô hình', '2 * MH_TAPTHE + MH_CANHAN'),
  derived('MH_TONG_CONG', 'Tổng cộng mô hình', 'MH_TONG + MH_KHAC'),
  count('SO_BUOI', 'Số buổi sinh hoạt', 'Buổi'),
  derived('BQ_THANG', 'Số buổi sinh hoạt bình quân mỗi tháng', 'SO_BUOI / 12'),
]);

describe('area totals of counts', () => {
  test('a count is summed over the units; a rate the units report themselves is not summed', () => {
    const r = computeRollup(
      [unit('Xã An Bình', { HV: ok(120), TL_THAM_GIA: ok(0.5), TL_KN: ok(0.75) }), unit('Xã Yên Lạc', { HV: ok(80), TL_THAM_GIA: ok(0.7), TL_KN: ok(0.2) })],
      rules,
    );
    expect(r.totals).toEqual(new Map([['HV', 200]]));
    expect(r.incomplete.size).toBe(0);
  });

  test('a value left unreadable or missing makes the total incomplete, naming the units; a row not applicable or absent does not', () => {
    const r = computeRollup(
      [
        unit('Xã An Bình', { HV: ok(120) }),
        unit('Xã Yên Lạc', { HV: invalid('khoảng 80') }),
        unit('Xã Tân Tiến', { HV: missing }),
        unit('Phường 1', { HV: notApplicable }),
        unit('Phường 2', {}),
      ],
      rules,
    );
    expect(r.totals).toEqual(new Map([['HV', 120]]));
    expect(r.incomplete).toEqual(new Map([['HV', ['Xã Yên Lạc', 'Xã Tân Tiến']]]));
  });
});

describe('area rates', () => {
  test('a rate is its formula over the summed parts, not the mean of the units\' rates', () => {
    // 30 of 40 and 10 of 50: 40 of 90 over the area, where the mean of 75 % and 20 % would be 47,5 %.
    const r = computeRollup([unit('Xã An Bình', { KN: ok(30), DU_DK: ok(40) }), unit('Xã Yên Lạc', { KN: ok(10), DU_DK: ok(50) })], rules);
    expect(r.ratios.get('TL_KN')).toBeCloseTo(40 / 90, 12);
    expect(r.ratios.get('TL_CHUA')).toBeCloseTo(50 / 90, 12);
    // Last year's admissions were not given, so neither growth rate has a value; counts are not rates.
    expect([...r.ratios.keys()].sort()).toEqual(['TL_CHUA', 'TL_KN']);
    // Every unit gave every part: nothing to compute like for like.
    expect(r.rateBasis.size).toBe(0);
  });

  test('sums of counts are added over every unit even when one unit left a part out', () => {
    const r = computeRollup(
      [
        unit('Xã An Bình', { MH_TAPTHE: ok(2), MH_CANHAN: ok(5), MH_KHAC: ok(1) }),
        unit('Xã Yên Lạc', { MH_TAPTHE: ok(1), MH_CANHAN: invalid('nhiều'), MH_KHAC: ok(0) }),
      ],
      rules,
    );
    expect(r.totals).toEqual(new Map([['MH_TAPTHE', 3], ['MH_CANHAN', 5], ['MH_KHAC', 1]]));
    expect(r.ratios.get('MH_TONG')).toBe(8);
    expect(r.ratios.get('MH_DIEM')).toBe(2 * 3 + 5);
    expect(r.ratios.get('MH_TONG_CONG')).toBe(9);
    expect(r.rateBasis.size).toBe(0);
  });
});

describe('a rate whose parts some unit did not give: like for like', () => {
  // Yên Lạc wrote "khoảng 40" for its admissions but gave its 8 eligible farmers: over every unit
  // the rate would be 36 over 58; over the units that gave both parts it is 36 over 50.
  const units = [
    unit('Xã An Bình', { KN: ok(30), DU_DK: ok(40), KN_CU: ok(25) }),
    unit('Xã Yên Lạc', { KN: invalid('khoảng 40'), DU_DK: ok(8), KN_CU: ok(20) }),
    unit('Xã Tân Tiến', {}),
    unit('Xã Hòa Bình', { KN: ok(6), DU_DK: ok(10), KN_CU: ok(5) }),
  ];

  test('the rate is computed over the units that gave every part, and says so', () => {
    const r = computeRollup(units, rules);
    expect(r.totals.get('KN')).toBe(36);
    expect(r.totals.get('DU_DK')).toBe(58);
    expect(r.incomplete.get('KN')).toEqual(['Xã Yên Lạc']);
    expect(r.ratios.get('TL_KN')).toBeCloseTo(36 / 50, 12);
    // Two units gave both parts, of the three that gave either (Tân Tiến gave neither).
    expect(r.rateBasis.get('TL_KN')).toEqual({ parts: new Map([['KN', 36], ['DU_DK', 50]]), units: 2, of: 3 });
  });

  test('so is a rate resting on that rate, or on a quotient anywhere in its formula', () => {
    const r = computeRollup(units, rules);
    expect(r.ratios.get('TL_CHUA')).toBeCloseTo(1 - 36 / 50, 12);
    expect(r.rateBasis.get('TL_CHUA')).toEqual({ parts: new Map([['KN', 36], ['DU_DK', 50]]), units: 2, of: 3 });
    // 36 admitted against 30 the year before by the same two units: a 20 % rise, not 36 against 50.
    expect(r.ratios.get('TANG_KN')).toBeCloseTo(0.2, 12);
    expect(r.rateBasis.get('TANG_KN')).toEqual({ parts: new Map([['KN', 36], ['KN_CU', 30]]), units: 2, of: 3 });
    expect(r.ratios.get('GIAM_KN')).toBeCloseTo(-0.2, 12);
    expect(r.rateBasis.has('GIAM_KN')).toBe(true);
  });

  test('when no unit gave every part, the area rate is not given (not 0, not the ratio of the totals)', () => {
    const r = computeRollup(
      [unit('Xã An Bình', { KN: invalid('khoảng 40'), DU_DK: ok(40) }), unit('Xã Yên Lạc', { KN: ok(6), DU_DK: missing })],
      rules,
    );
    expect(r.totals).toEqual(new Map([['KN', 6], ['DU_DK', 40]]));
    expect(r.ratios.has('TL_KN')).toBe(false);
    expect(r.rateBasis.has('TL_KN')).toBe(false);
  });

  test('a monthly mean of a count no unit gave as a number is not given either', () => {
    // SO_BUOI / 12 over no unit would be 0 / 12 = 0: a figure no one reported.
    const r = computeRollup([unit('Xã An Bình', { SO_BUOI: invalid('hằng tháng') }), unit('Xã Yên Lạc', { SO_BUOI: missing })], rules);
    expect(r.totals.has('SO_BUOI')).toBe(false);
    expect(r.ratios.has('BQ_THANG')).toBe(false);
    expect(r.rateBasis.has('BQ_THANG')).toBe(false);
    expect(r.ratios.size).toBe(0);
  });
});

describe('leafCodes: the counts a derived indicator rests on', () => {
  const ind = (code: string) => rules.byCode.get(code)!;

  test('through the formulas of derived parts, each count once', () => {
    expect(leafCodes(ind('TL_KN'), rules)).toEqual(['KN', 'DU_DK']);
    expect(leafCodes(ind('TL_CHUA'), rules)).toEqual(['KN', 'DU_DK']);
    expect(leafCodes(ind('MH_TONG_CONG'), rules)).toEqual(['MH_TAPTHE', 'MH_CANHAN', 'MH_KHAC']);
  });

  test('a count rests on itself', () => {
    expect(leafCodes(ind('HV'), rules)).toEqual(['HV']);
  });

  test('a derived part reached twice is followed once and never listed as a count', () => {
    // The gap between the admitted and the not admitted shares reaches TL_KN directly and through TL_CHUA.
    const gap = rulesOf([
      count('KN', 'Kết nạp hội viên mới'),
      count('DU_DK', 'Số nông dân đủ điều kiện vào hội'),
      derived('TL_KN', 'Tỷ lệ kết nạp', 'KN / DU_DK'),
      derived('TL_CHUA', 'Tỷ lệ chưa được kết nạp', '1 - TL_KN'),
      derived('CHENH', 'Chênh lệch giữa tỷ lệ đã và chưa kết nạp', 'TL_KN - TL_CHUA'),
    ]);
    expect(leafCodes(gap.byCode.get('CHENH')!, gap)).toEqual(['KN', 'DU_DK']);
  });
});
