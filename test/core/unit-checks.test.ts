// The checks on one unit's figures, finding by finding: which finding a figure gets, its severity,
// its wording and the figures it names (README "Findings"). Every fixture is built inside its test.
import { describeParts, givesFigure, makeLookup, matchesRounded, Figure } from '../../src/core/checks';
import { CheckSession } from '../../src/core/session';
import { areaVerdict } from '../../src/core/verdict';
import type { CheckResult } from '../../src/core/session';
import { readRules } from '../../src/core/rules';
import { CellValue } from '../../src/core/model';
import type { Finding } from '../../src/core/findings';
import { ModelRow, rulesModel, sheetOf, workbookOf } from '../helpers/model';

// [code, section, name, aliases, unit of measure, condition, scope, severity, formula]
const INDICATORS: ModelRow[] = [
  ['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
  ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'hội viên', '', '', '', ''],
  ['DT', 'Hội Nông dân', 'Số nông dân trong độ tuổi', '', 'người', '', '', '', ''],
  ['TL', 'Hội Nông dân', 'Tỷ lệ tập hợp', '', '%', 'đạt 70%', 'Mỗi đơn vị', 'Cảnh báo', 'HV / DT'],
  ['GS', 'Mặt trận', 'Số cuộc giám sát', '', 'cuộc', 'từ 1 đến 2', 'Mỗi đơn vị', 'Lỗi', ''],
  ['DT2', 'Mặt trận', 'Số cuộc đối thoại', '', 'cuộc', 'ít nhất 01 lần/tháng', 'Mỗi xã', 'Lỗi', ''],
  ['VV', 'Mặt trận', 'Số vụ việc phức tạp', '', 'vụ', 'không quá 2 vụ', 'Mỗi đơn vị', 'Lỗi', ''],
];

type Code = 'HV' | 'KN' | 'DT' | 'TL' | 'GS' | 'DT2' | 'VV';
type Figures = Partial<Record<Code, CellValue>>;

/** Figures that meet every target: TL 700/1.000 = 70 %, GS within 1–2, DT2 one a month, VV none. */
const MEETS: Figures = { HV: 700, KN: 100, DT: 1000, GS: 1, DT2: 12, VV: 0 };

interface SheetOptions {
  title?: string;
  plan?: Figures;
  planRate?: Figures;
  /** The plan column's header: "Kế hoạch", "Kế hoạch 9 tháng", "KH năm". */
  planHeader?: string;
  /** Leave out the "Tỷ lệ % so với KH" column. */
  noPlanRate?: boolean;
  numFmts?: Record<string, string>;
  /** Rows after VV (row 12): from row 13 on. */
  extraRows?: ModelRow[];
  /** The file's name, when not the unit line's. */
  file?: string;
}

/**
 * A unit's report: HV E5, KN E6, DT E7, TL E8, GS E10, DT2 E11, VV E12; plans in D, plan rates in F.
 */
function report(unitLine: string | null, f: Figures, o: SheetOptions = {}) {
  const row = (stt: number, label: string, code: Code): ModelRow => {
    const cells: ModelRow = [stt, label, '', o.plan?.[code] ?? null, f[code] ?? null];
    if (!o.noPlanRate) cells.push(o.planRate?.[code] ?? null);
    return cells;
  };
  const header = ['STT', 'Nội dung', 'ĐVT', o.planHeader ?? 'Kế hoạch', 'Thực hiện', ...(o.noPlanRate ? [] : ['Tỷ lệ % so với KH'])];
  const rows: ModelRow[] = [
    [unitLine],
    [o.title ?? 'BÁO CÁO NĂM 2023'],
    header,
    ['I', 'HỘI NÔNG DÂN'],
    row(1, 'Tổng số hội viên', 'HV'),
    row(2, 'Kết nạp hội viên mới', 'KN'),
    row(3, 'Số nông dân trong độ tuổi', 'DT'),
    row(4, 'Tỷ lệ tập hợp', 'TL'),
    ['II', 'MẶT TRẬN'],
    row(1, 'Số cuộc giám sát', 'GS'),
    row(2, 'Số cuộc đối thoại', 'DT2'),
    row(3, 'Số vụ việc phức tạp', 'VV'),
    ...(o.extraRows ?? []),
  ];
  return workbookOf(o.file ?? `${unitLine}.xlsx`, sheetOf('Biểu', rows, { numFmts: o.numFmts }));
}

interface RulesOptions {
  title?: string;
  /** Rules with no "Đơn vị" sheet. */
  noRoster?: boolean;
  extra?: ModelRow[];
  checks?: ModelRow[];
}

function check(books: ReturnType<typeof report>[], o: RulesOptions = {}): CheckResult {
  const { rules, problems } = readRules(
    rulesModel([...INDICATORS, ...(o.extra ?? [])], {
      title: o.title ?? 'CHỈ TIÊU NĂM 2023',
      checks: o.checks,
      roster: o.noRoster ? undefined : [['Phường Hòa Lạc', '', 'Phường'], ['Xã Yên Bình', '', 'Xã']],
    }),
  );
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  for (const b of books) session.addWorkbook(b);
  return session.finish();
}

const HOA_LAC = 'ĐẢNG ỦY PHƯỜNG HÒA LẠC';
const YEN_BINH = 'ĐẢNG ỦY XÃ YÊN BÌNH';

/** The findings on one indicator, leaving out the roster's "not sent" ones. */
const on = (res: CheckResult, code: string): Finding[] => res.findings.filter((f) => f.indicator === code);

/** Each unit's achievement, as the "Tỷ lệ" sheet notes it: targets and plans met / held to. */
function achievement(res: CheckResult): string[] {
  return res.rows.map((r) => `${r.unit}: ${r.targets.met}/${r.targets.checked}`);
}

describe('values that are not figures', () => {
  test('an error cell is an invalid value that names the error and its cell', () => {
    const res = check([report(HOA_LAC, { ...MEETS, GS: { error: '#DIV/0!' } })]);
    const gs = on(res, 'GS');
    expect(gs.map((f) => [f.kind, f.severity, f.cell])).toEqual([['invalid-value', 'error', 'E10']]);
    expect(gs[0].message).toBe('Phường Hòa Lạc: "Mặt trận – Số cuộc giám sát" là ô lỗi #DIV/0!, không có số liệu (ô E10).');
  });

  test('a row dropped from a section the unit reported on leaves the area total short of that unit', () => {
    const rows: ModelRow[] = [
      [HOA_LAC],
      ['BÁO CÁO NĂM 2023'],
      ['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện'],
      ['I', 'HỘI NÔNG DÂN'],
      [1, 'Tổng số hội viên', '', null, 700],
      [2, 'Kết nạp hội viên mới', '', null, 100],
    ];
    const res = check([workbookOf('hoa-lac.xlsx', sheetOf('Biểu', rows)), report(YEN_BINH, MEETS)]);
    expect(on(res, 'DT').map((f) => [f.unit, f.kind])).toEqual([['Phường Hòa Lạc', 'missing-value']]);
    // DT's total is Yên Bình's alone, and says so.
    expect(res.rollup.totals.get('DT')).toBe(1000);
    expect(res.rollup.incomplete.get('DT')).toEqual(['Phường Hòa Lạc']);
  });

  test('"85%" typed in a count\'s cell is an invalid value, never 85 of the count; "85" typed as text is 85; "70%" in the rate\'s cell is the rate', () => {
    const res = check([report(HOA_LAC, { ...MEETS, KN: '85%', GS: '2', TL: '70%' })]);
    expect(res.findings.filter((f) => f.kind === 'invalid-value').map((f) => [f.indicator, f.cell, f.severity])).toEqual([['KN', 'E6', 'error']]);
    expect(on(res, 'KN')[0].message).toMatch(/85%/);
    const figures = res.rows.find((r) => r.unit === 'Phường Hòa Lạc')!.figures;
    expect(figures.get('KN')).toEqual({ status: 'invalid', text: '85%', cell: 'E6' });
    expect(on(res, 'KN')[0].actual).toBe('85%');
    expect(figures.get('GS')).toEqual({ status: 'ok', value: 2, cell: 'E10' });
    expect(on(res, 'TL')).toEqual([]);
    expect(figures.get('TL')).toEqual({ status: 'ok', value: 0.7, cell: 'E8' });
  });

  test('zero is a figure, not an invalid value: a range target starting at 1 is short, a limit is met', () => {
    const res = check([report(HOA_LAC, { ...MEETS, KN: 0, GS: 0, VV: 0 })]);
    expect(res.findings.filter((f) => f.kind === 'invalid-value')).toEqual([]);
    expect(on(res, 'GS').map((f) => [f.kind, f.actual, f.expected])).toEqual([['shortfall', 0, 1]]);
    expect(on(res, 'VV')).toEqual([]);
    expect(on(res, 'KN')).toEqual([]);
  });
});

describe('targets per unit', () => {
  test('above a limit ("không quá 2 vụ"): a shortfall with the indicator\'s severity, named as over the limit', () => {
    const res = check([report(HOA_LAC, { ...MEETS, VV: 3 })]);
    const vv = on(res, 'VV');
    expect(vv.map((f) => [f.kind, f.severity, f.against, f.actual, f.expected, f.cell])).toEqual([['shortfall', 'error', 'target', 3, 2, 'E12']]);
    expect(vv[0].message).toBe('Phường Hòa Lạc: Mặt trận – Số vụ việc phức tạp là 3 vụ, vượt mức cho phép ≤ 2 vụ.');
  });

  test('above the top of a range: information, saying by how much and what the range was', () => {
    const res = check([report(HOA_LAC, { ...MEETS, GS: 3 })]);
    const gs = on(res, 'GS');
    expect(gs.map((f) => [f.kind, f.severity, f.actual, f.expected])).toEqual([['exceeded', 'info', 3, 2]]);
    expect(gs[0].message).toBe('Phường Hòa Lạc: Mặt trận – Số cuộc giám sát đạt 3 cuộc, vượt chỉ tiêu 1–2 cuộc.');
  });

  test('in a six-month report a unit behind on a cumulative target is behind pace: a warning, even for a target of severity "Lỗi"', () => {
    // GS 1–2 a year is 0,5–1 by six months; none held is behind. DT2 is one a month: 6 by six months.
    const res = check([report(HOA_LAC, { ...MEETS, GS: 0, DT2: 6 }, { title: 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023' })]);
    const gs = on(res, 'GS');
    expect(gs.map((f) => [f.kind, f.severity, f.actual, f.expected])).toEqual([['behind-pace', 'warning', 0, 0.5]]);
    expect(gs[0].message).toBe('Phường Hòa Lạc: Mặt trận – Số cuộc giám sát đến nay đạt 0 cuộc, theo tiến độ cần 0,5–1 cuộc (chỉ tiêu cả kỳ: từ 1 đến 2), thiếu 0,5.');
  });

  test('a unit the roster does not list is held to the targets of the level its name gives', () => {
    // "Xã Tân An" is a commune by its name: "Mỗi xã" (DT2, one a month) applies to it.
    const res = check([report('ĐẢNG ỦY XÃ TÂN AN', { ...MEETS, DT2: 11 }), report(HOA_LAC, { ...MEETS, DT2: 0 })]);
    expect(on(res, 'DT2').map((f) => [f.unit, f.kind, f.actual, f.expected])).toEqual([['Xã Tân An', 'shortfall', 11, 12]]);
  });

  test("a target the unit is held to that none of its reports gives is said, with a roster or without one; a unit the roster lacks is not told its gaps one by one", () => {
    // Only the farmers' rows: the Front's section, and its targets GS and VV, are not there at all.
    const farmers = (unitLine: string) =>
      workbookOf(`${unitLine}.xlsx`, sheetOf('Biểu', [[unitLine], ['BÁO CÁO NĂM 2023'], ['STT', 'Nội dung', 'ĐVT', 'Thực hiện'], ['I', 'HỘI NÔNG DÂN'], [1, 'Tổng số hội viên', '', 700], [2, 'Kết nạp hội viên mới', '', 100], [3, 'Số nông dân trong độ tuổi', '', 1000]]));
    const absent = (res: CheckResult, unit: string) => res.findings.filter((f) => f.unit === unit && f.kind === 'missing-value').map((f) => f.indicator);
    expect(absent(check([farmers(HOA_LAC)]), 'Phường Hòa Lạc')).toEqual(['GS', 'VV']);
    expect(absent(check([farmers(HOA_LAC)], { noRoster: true }), 'Phường Hòa Lạc')).toEqual(['GS', 'VV']);
    expect(absent(check([farmers('ĐẢNG ỦY XÃ TÂN AN')]), 'Xã Tân An')).toEqual([]);
  });

  test('a unit whose name gives no level is held to no target of a level, and to those of every unit', () => {
    const res = check([report('HỘI CỰU CHIẾN BINH', { ...MEETS, DT2: 0, GS: 5 })]);
    expect(on(res, 'DT2')).toEqual([]);
    expect(on(res, 'GS').map((f) => [f.kind, f.actual])).toEqual([['exceeded', 5]]);
  });

  test('a report whose file and sheet name no unit at all is held to no target of a level, and to those of every unit', () => {
    const res = check([report(null, { ...MEETS, DT2: 0, GS: 5 }, { file: '---.xlsx' })]);
    expect(res.findings.filter((f) => f.kind === 'unknown-unit').map((f) => f.unit)).toEqual(['---']);
    expect(on(res, 'DT2')).toEqual([]);
    expect(on(res, 'GS').map((f) => [f.unit, f.kind, f.actual])).toEqual([['---', 'exceeded', 5]]);
  });

  test('a rate over a derived total, with no row of its own, is placed at the first part the report has', () => {
    // TC (HV + DT) has no row; the rate TLC = TC / DT falls back to DT's cell, E7.
    const extra: ModelRow[] = [
      ['TC', 'Hội Nông dân', 'Tổng hội viên và nông dân', '', 'người', '', '', '', 'HV + DT'],
      ['TLC', 'Hội Nông dân', 'Tỷ lệ tổng trên nông dân', '', '%', 'đạt 200%', 'Mỗi đơn vị', 'Cảnh báo', 'TC / DT'],
    ];
    const res = check([report(HOA_LAC, MEETS)], { extra });
    // (700 + 1.000) / 1.000 = 170 %, short of 200 %.
    expect(on(res, 'TLC').map((f) => [f.kind, f.cell, f.actual])).toEqual([['shortfall', 'E7', 1.7]]);
  });
});

describe('a unit\'s achievement: targets and plans met over those it was held to', () => {
  test('a range exceeded counts as met; a limit passed does not', () => {
    // Hòa Lạc (a ward): TL 70 % met, GS 3 above 1–2 (met), VV 0 met: 3/3.
    // Yên Bình (a commune): TL met, GS 1 met, DT2 12 met, VV 3 over "không quá 2": 3/4.
    const res = check([report(HOA_LAC, { ...MEETS, GS: 3 }), report(YEN_BINH, { ...MEETS, VV: 3 })]);
    expect(achievement(res)).toEqual(['Phường Hòa Lạc: 3/3', 'Xã Yên Bình: 3/4']);
  });

  test('a plan reached counts as met, a plan beside a blank figure not at all; an indicator with a scope but no condition is no target', () => {
    const extra: ModelRow[] = [['VON', 'Mặt trận', 'Vốn vay', '', 'triệu đồng', '', 'Mỗi đơn vị', '', '']];
    const von = (v: number): ModelRow[] => [[4, 'Vốn vay', '', null, v]];
    // Hòa Lạc: TL, GS, VV met, its plan of 600 members reached by 700, its plan of 120 new members
    // beside a blank figure not judged: 4/4. VON, "Mỗi đơn vị" with no condition, is not counted.
    const res = check(
      [report(HOA_LAC, { ...MEETS, KN: null }, { plan: { HV: 600, KN: 120 }, extraRows: von(12.5) }), report(YEN_BINH, { ...MEETS, DT2: 11 }, { extraRows: von(8) })],
      { extra },
    );
    expect(on(res, 'KN').map((f) => [f.unit, f.kind])).toEqual([['Phường Hòa Lạc', 'missing-value']]);
    expect(achievement(res)).toEqual(['Phường Hòa Lạc: 4/4', 'Xã Yên Bình: 3/4']);
  });
});

describe('the unit\'s own plan', () => {
  test('a plan not reached, on an indicator with no target, is a warning; with a target, it takes the target\'s severity', () => {
    const res = check([report(HOA_LAC, { ...MEETS, GS: 1 }, { plan: { HV: 800, GS: 2 } })]);
    const plan = res.findings.filter((f) => f.against === 'plan');
    // Errors are listed before warnings.
    expect(plan.map((f) => [f.indicator, f.kind, f.severity, f.actual, f.expected, f.cell])).toEqual([
      ['GS', 'shortfall', 'error', 1, 2, 'E10'],
      ['HV', 'shortfall', 'warning', 700, 800, 'E5'],
    ]);
    expect(plan[1].message).toBe('Phường Hòa Lạc: Hội Nông dân – Tổng số hội viên đạt 700/800 người theo kế hoạch của đơn vị, thiếu 100.');
  });

  test('a plan past a thousand trillion is no plan; a thousand trillion still is one', () => {
    const tooLarge = check([report(HOA_LAC, MEETS, { plan: { HV: 2e15 } })]);
    expect(tooLarge.findings.filter((f) => f.against === 'plan')).toEqual([]);
    expect(achievement(tooLarge)[0]).toBe('Phường Hòa Lạc: 3/3');
    const largest = check([report(HOA_LAC, MEETS, { plan: { HV: 1e15 } })]);
    expect(largest.findings.filter((f) => f.against === 'plan').map((f) => [f.indicator, f.expected])).toEqual([['HV', 1e15]]);
  });

  test('a plan for nine months, in a six-month report, is cut to six ninths and the message names its period', () => {
    // KN: 90 by nine months is 60 by six; 50 is 10 behind.
    const res = check([report(HOA_LAC, { ...MEETS, KN: 50, DT2: 6 }, { title: 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', planHeader: 'Kế hoạch 9 tháng', plan: { KN: 90 } })]);
    const plan = res.findings.filter((f) => f.against === 'plan');
    expect(plan.map((f) => [f.indicator, f.kind, f.severity, f.actual, f.expected])).toEqual([['KN', 'behind-pace', 'warning', 50, 60]]);
    expect(plan[0].message).toBe('Phường Hòa Lạc: Hội Nông dân – Kết nạp hội viên mới đạt 50/60 hội viên theo kế hoạch của đơn vị (kế hoạch 9 tháng, chia theo tiến độ 6/9 tháng), thiếu 10.');
  });

  test('a plan headed "KH năm" in a six-month report is a year\'s plan, said as such', () => {
    const res = check([report(HOA_LAC, { ...MEETS, KN: 50, DT2: 6 }, { title: 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', planHeader: 'KH năm', plan: { KN: 120 } })]);
    const plan = res.findings.filter((f) => f.against === 'plan');
    expect(plan.map((f) => [f.kind, f.expected])).toEqual([['behind-pace', 60]]);
    expect(plan[0].message).toContain('(kế hoạch năm, chia theo tiến độ 6/12 tháng)');
  });

  test('a plan with no period, in a quarter\'s report against six-month targets, is taken for six months', () => {
    // KN: 60 for six months is 30 by the quarter; 20 is 10 behind.
    const res = check([report(HOA_LAC, { ...MEETS, KN: 20, DT2: 3 }, { title: 'BÁO CÁO QUÝ I NĂM 2023', plan: { KN: 60 } })], { title: 'CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2023' });
    const plan = res.findings.filter((f) => f.against === 'plan');
    expect(plan.map((f) => [f.kind, f.expected])).toEqual([['behind-pace', 30]]);
    expect(plan[0].message).toContain('(cột kế hoạch không ghi kỳ, coi là kế hoạch 6 tháng, chia theo tiến độ 3/6 tháng)');
  });

  test('a plan for a quarter, in a two-month report, is said to be the quarter\'s', () => {
    // KN: 30 a quarter is 20 by two months; 10 is 10 behind.
    const res = check([report(HOA_LAC, { ...MEETS, KN: 10, DT2: 2 }, { title: 'BÁO CÁO 2 THÁNG ĐẦU NĂM 2023', planHeader: 'Kế hoạch quý', plan: { KN: 30 } })]);
    const plan = res.findings.filter((f) => f.against === 'plan');
    expect(plan.map((f) => [f.kind, f.expected])).toEqual([['behind-pace', 20]]);
    expect(plan[0].message).toContain('(kế hoạch quý, chia theo tiến độ 2/3 tháng)');
  });

  test('a report with a plan column and no plan-rate column: the plan is still checked', () => {
    const res = check([report(HOA_LAC, MEETS, { plan: { KN: 120 }, noPlanRate: true })]);
    expect(res.findings.filter((f) => f.indicator === 'KN').map((f) => [f.kind, f.against, f.actual, f.expected])).toEqual([['shortfall', 'plan', 100, 120]]);
  });

  // The stated-rate check takes 0,75 in a plain cell as 75 % when the parts give 75 %; the plan
  // check judges the same value (once, it read the cell as 0,75 points: "thiếu 69,25 điểm %").
  test('a rate written as a fraction in a plain cell (0,75 for 750/1.000) is 75 % against the plan too', () => {
    const res = check([report(HOA_LAC, { ...MEETS, HV: 750, TL: 0.75 }, { plan: { TL: 70 } })]);
    // 0,75 agrees with 750/1.000, and 75 % meets both the 70 % target and the plan of 70.
    expect(on(res, 'TL')).toEqual([]);
  });

  test('a rate and its plan both written as plain fractions (0,75 against 0,8) are 75 % against a plan of 80 %', () => {
    const res = check([report(HOA_LAC, { ...MEETS, HV: 750, TL: 0.75 }, { plan: { TL: 0.8 } })]);
    expect(on(res, 'TL').map((f) => [f.kind, f.against, f.actual, f.expected])).toEqual([['shortfall', 'plan', 0.75, 0.8]]);
  });

  test('a plan of 1 beside a rate written as a fraction is the whole (100 %); 0,8 beside a rate written in points is 0,8 points, as Excel shows it', () => {
    const whole = check([report(HOA_LAC, { ...MEETS, HV: 750, TL: 0.75 }, { plan: { TL: 1 } })]);
    expect(on(whole, 'TL').map((f) => [f.kind, f.against, f.actual, f.expected])).toEqual([['shortfall', 'plan', 0.75, 1]]);
    const points = check([report(HOA_LAC, { ...MEETS, HV: 750, TL: 75 }, { plan: { TL: 0.8 } })]);
    expect(on(points, 'TL')).toEqual([]);
    // 75 % in a percent cell is not a rate written as a plain fraction: the plain 0,8 beside it is 0,8 points.
    const percent = check([report(HOA_LAC, { ...MEETS, HV: 750, TL: 0.75 }, { plan: { TL: 0.8 }, numFmts: { E8: '0%' } })]);
    expect(on(percent, 'TL')).toEqual([]);
  });

  test('a rate left blank and computed from its parts has no plan figure of its own to judge; its target is judged', () => {
    // TL blank: 600/1.000 = 60 %, short of the 70 % target.
    const res = check([report(HOA_LAC, { ...MEETS, HV: 600 }, { plan: { TL: 0.7 } })]);
    expect(on(res, 'TL').map((f) => [f.kind, f.against, f.actual])).toEqual([['shortfall', 'target', 0.6]]);
  });
});

describe('the plan rate the unit wrote ("Tỷ lệ % so với KH")', () => {
  test('a wrong one names what it says and what actual over plan gives', () => {
    const res = check([report(HOA_LAC, MEETS, { plan: { KN: 120 }, planRate: { KN: 90 } })]);
    const rate = res.findings.filter((f) => f.kind === 'inconsistent');
    expect(rate.map((f) => [f.indicator, f.severity, f.cell, f.actual])).toEqual([['KN', 'warning', 'F6', 90]]);
    expect(rate[0].message).toBe('Phường Hòa Lạc: Hội Nông dân – Kết nạp hội viên mới ghi tỷ lệ so với kế hoạch 90%, tính lại 100/120 = 83,33% (ô F6).');
  });

  test('in a percent cell it is judged as it shows: 0,857142 under "0.00%" is 30/35 (found by an outside tester: "ghi 85,71%, tính lại 85,71%")', () => {
    const shows = check([report(HOA_LAC, { ...MEETS, KN: 30 }, { plan: { KN: 35 }, planRate: { KN: 0.857142 }, numFmts: { F6: '0.00%' } })]);
    expect(on(shows, 'KN').filter((f) => f.kind === 'inconsistent')).toEqual([]);
    const wrong = check([report(HOA_LAC, { ...MEETS, KN: 30 }, { plan: { KN: 35 }, planRate: { KN: 0.8561 }, numFmts: { F6: '0.00%' } })]);
    expect(on(wrong, 'KN').filter((f) => f.kind === 'inconsistent').map((f) => f.cell)).toEqual(['F6']);
  });

  test('one too large to be a rate, in a percent cell, is reported as written, not scaled to percent points', () => {
    const res = check([report(HOA_LAC, MEETS, { plan: { KN: 120 }, planRate: { KN: 2e15 }, numFmts: { F6: '0%' } })]);
    expect(res.findings.filter((f) => f.kind === 'inconsistent').map((f) => f.actual)).toEqual([2e15]);
    // A thousand trillion is still a figure: in a percent cell it is that many hundredths.
    const largest = check([report(HOA_LAC, MEETS, { plan: { KN: 120 }, planRate: { KN: 1e15 }, numFmts: { F6: '0%' } })]);
    expect(largest.findings.filter((f) => f.kind === 'inconsistent').map((f) => f.actual)).toEqual([1e17]);
  });
});

describe('a rate row the unit filled in, against the rate from its parts', () => {
  const stated = (res: CheckResult) => on(res, 'TL').filter((f) => f.kind === 'inconsistent').map((f) => [f.severity, f.cell, f.actual]);

  test('no rate can be computed when a part is blank: only the blank part is reported', () => {
    const res = check([report(HOA_LAC, { ...MEETS, TL: 70, DT: null })]);
    expect(on(res, 'TL')).toEqual([]);
    expect(on(res, 'DT').map((f) => f.kind)).toEqual(['missing-value']);
  });

  test('a rate written as a fraction in a plain cell, agreeing with its counts, is recorded as that rate', () => {
    const res = check([report(HOA_LAC, { ...MEETS, HV: 750, TL: 0.75 })]);
    expect(res.rows.find((r) => r.unit === 'Phường Hòa Lạc')!.figures.get('TL')).toMatchObject({ status: 'ok', value: 0.75 });
    // One that does not agree stays as Excel shows it, 0,5 %, and is wrong.
    const wrong = check([report(HOA_LAC, { ...MEETS, HV: 750, TL: 0.5 })]);
    expect(wrong.rows.find((r) => r.unit === 'Phường Hòa Lạc')!.figures.get('TL')).toMatchObject({ status: 'ok', value: 0.005 });
  });

  test('a rate written without the counts it comes from is judged as written against its target', () => {
    const res = check([report(HOA_LAC, { ...MEETS, TL: 60, HV: null, DT: null })]);
    expect(on(res, 'TL').map((f) => [f.kind, f.against, f.actual, f.expected])).toEqual([['shortfall', 'target', 0.6, 0.7]]);
    // With the counts, the counts decide: 700/1.000 is 70 %, and a stated 60 is wrong, not short.
    const both = check([report(HOA_LAC, { ...MEETS, TL: 60 })]);
    expect(on(both, 'TL').map((f) => [f.kind, f.actual])).toEqual([['inconsistent', 0.6]]);
  });

  test('a rate past a thousand trillion is an invalid value only; a thousand trillion is compared, and wrong', () => {
    const tooLarge = check([report(HOA_LAC, { ...MEETS, TL: 2e15 })]);
    expect(on(tooLarge, 'TL').map((f) => f.kind)).toEqual(['invalid-value']);
    const largest = check([report(HOA_LAC, { ...MEETS, TL: 1e15 })]);
    expect(stated(largest)).toEqual([['error', 'E8', 1e13]]);
  });

  test('a rate in a percent cell is judged as it shows: 0,857142 under "0.00%" is 85,71 %, what 6/7 gives; 0,8560 is not (found by an outside tester: "ghi 85,71%, tính lại 85,71%")', () => {
    const shows = check([report(HOA_LAC, { ...MEETS, HV: 600, DT: 700, TL: 0.857142 }, { numFmts: { E8: '0.00%' } })]);
    expect(on(shows, 'TL').filter((f) => f.kind === 'inconsistent')).toEqual([]);
    const wrong = check([report(HOA_LAC, { ...MEETS, HV: 600, DT: 700, TL: 0.856 }, { numFmts: { E8: '0.00%' } })]);
    expect(on(wrong, 'TL').filter((f) => f.kind === 'inconsistent').map((f) => f.cell)).toEqual(['E8']);
    // Typed in points without a format, the decimals typed still decide: 85,7142 is not 6/7 rounded.
    const typed = check([report(HOA_LAC, { ...MEETS, HV: 600, DT: 700, TL: 85.7142 })]);
    expect(on(typed, 'TL').filter((f) => f.kind === 'inconsistent').map((f) => f.cell)).toEqual(['E8']);
  });

  test('0,5 in a plain cell is neither 70 points nor the fraction 0,7: wrong', () => {
    expect(stated(check([report(HOA_LAC, { ...MEETS, TL: 0.5 })]))).toEqual([['error', 'E8', 0.005]]);
  });

  test('1 in a plain cell is the whole: it agrees with 1.000/1.000', () => {
    expect(stated(check([report(HOA_LAC, { ...MEETS, HV: 1000, TL: 1 })]))).toEqual([]);
  });

  test('1,5 in a plain cell is more than the whole, so it is read as 1,5 points, not as 150 %', () => {
    // HV 1.500 over DT 1.000 is 150 %; "1,5" above 1 is percent points.
    expect(stated(check([report(HOA_LAC, { ...MEETS, HV: 1500, TL: 1.5 })]))).toEqual([['error', 'E8', 0.015]]);
  });
});

describe('cross checks, in words', () => {
  test('a side that is a sum is shown with its terms and its total; a number is written the Vietnamese way', () => {
    const checks: ModelRow[] = [
      ['K2', 'HV = KN + DT', 'Lỗi', ''],
      ['K3', 'HV >= 1000', 'Cảnh báo', 'Hội phải có từ một nghìn hội viên'],
    ];
    const res = check([report(HOA_LAC, MEETS)], { checks });
    const k2 = res.findings.find((f) => f.check === 'K2')!;
    expect(k2.message).toBe(
      'Phường Hòa Lạc: Tổng số hội viên 700 khác Kết nạp hội viên mới 100 + Số nông dân trong độ tuổi 1.000 = 1.100 (kiểm tra K2: HV = KN + DT).',
    );
    const k3 = res.findings.find((f) => f.check === 'K3')!;
    expect([k3.severity, k3.actual, k3.expected]).toEqual(['warning', 700, 1000]);
    expect(k3.message).toBe('Phường Hòa Lạc: Tổng số hội viên 700 nhỏ hơn 1.000 – Hội phải có từ một nghìn hội viên (kiểm tra K3: HV >= 1000).');
  });
});

describe('a cross check with a side that has no figure', () => {
  test('is not judged: the blank figure is reported where it is', () => {
    const checks: ModelRow[] = [['K1', 'KN <= HV', 'Lỗi', 'Kết nạp không quá tổng số']];
    const res = check([report(HOA_LAC, { ...MEETS, KN: null })], { checks });
    expect(res.findings.filter((f) => f.check === 'K1')).toEqual([]);
    expect(on(res, 'KN').map((f) => [f.kind, f.cell])).toEqual([['missing-value', 'E6']]);
  });
});

describe('the engine\'s parts, called directly', () => {
  function rules() {
    const extra: ModelRow[] = [['SP', 'Hội Nông dân', 'Hội viên trên mỗi nông dân', '', 'người', '', '', '', 'HV * DT']];
    return readRules(rulesModel([...INDICATORS, ...extra], { title: 'CHỈ TIÊU NĂM 2023' })).rules;
  }

  test('givesFigure: a figure read gives one; "x" only when asked to count it; none read gives none', () => {
    const r = rules();
    const gs = r.byCode.get('GS')!;
    const of = (fig?: Figure) => ({ figures: new Map<string, Figure>(fig ? [['GS', fig]] : []), derived: new Map<string, number>() });
    expect(givesFigure(of({ status: 'ok', value: 1, cell: 'E10' }), gs)).toBe(true);
    expect(givesFigure(of({ status: 'not-applicable', cell: 'E10' }), gs)).toBe(false);
    expect(givesFigure(of({ status: 'not-applicable', cell: 'E10' }), gs, true)).toBe(true);
    expect(givesFigure(of(), gs)).toBe(false);
    expect(givesFigure(of(), gs, true)).toBe(false);
  });

  test('describeParts: "a/b" only for a quotient of two codes whose figures are both known', () => {
    const r = rules();
    const known = (figs: Record<string, number>) => (c: string) => figs[c];
    expect(describeParts(r.byCode.get('TL')!, known({ HV: 1850, DT: 1980 }))).toBe('1.850/1.980');
    // A product is no quotient.
    expect(describeParts(r.byCode.get('SP')!, known({ HV: 1850, DT: 1980 }))).toBeUndefined();
    expect(describeParts(r.byCode.get('TL')!, known({ HV: 1850 }))).toBeUndefined();
    expect(describeParts(r.byCode.get('TL')!, known({ DT: 1980 }))).toBeUndefined();
    expect(describeParts(r.byCode.get('HV')!, known({ HV: 1850 }))).toBeUndefined();
  });

  test('makeLookup: a code the rules do not have has no value', () => {
    const r = rules();
    const lookup = makeLookup(new Map<string, Figure>([['HV', { status: 'ok', value: 700, cell: 'E5' }]]), r);
    expect(lookup('HV')).toBe(700);
    expect(lookup('ZZ')).toBeUndefined();
  });

  test('matchesRounded: a figure equal to the computed one agrees, however many decimals it shows', () => {
    expect(matchesRounded(0.1234567891, 0.1234567891)).toBe(true);
    expect(matchesRounded(1e-7, 1e-7)).toBe(true);
    // Written with an exponent, a tiny figure is read to its last decimal, not as a whole number.
    expect(matchesRounded(1e-7, 0.4)).toBe(false);
  });
});

describe('scopes as offices write them, and targets the rules state in words not understood', () => {
  /** The rules with GS's scope or condition replaced; Hòa Lạc (a ward) holds 0 monitoring visits. */
  function run(gs: { scope?: string; condition?: string }) {
    const rows = INDICATORS.map((r) => (r[0] === 'GS' ? [r[0], r[1], r[2], r[3], r[4], gs.condition ?? r[5], gs.scope ?? r[6], r[7], r[8]] : r)) as ModelRow[];
    const { rules, problems } = readRules(rulesModel(rows, { title: 'CHỈ TIÊU NĂM 2023', roster: [['Phường Hòa Lạc', '', 'Phường'], ['Xã Yên Bình', '', 'Xã']] }));
    const session = new CheckSession(rules, problems);
    session.addWorkbook(report(HOA_LAC, { ...MEETS, GS: 0 }));
    session.addWorkbook(report(YEN_BINH, MEETS));
    return session.finish();
  }

  test.each(['Mỗi xã, phường', 'Mỗi phường/xã', 'Mỗi xã, phường, thị trấn', 'Mỗi đơn vị cấp xã'])('"%s" holds the ward to the target', (scope) => {
    expect(on(run({ scope }), 'GS').map((f) => [f.kind, f.severity])).toEqual([['shortfall', 'error']]);
  });

  test('"Mỗi xã" does not hold a ward to it', () => {
    expect(on(run({ scope: 'Mỗi xã' }), 'GS')).toEqual([]);
  });

  test('a scope naming no level, or a level no roster unit is at, is an invalid rule, and the verdict is never "met"', () => {
    for (const scope of ['Mỗi khu vực', 'Mỗi thị trấn']) {
      const res = run({ scope });
      expect([scope, res.findings.filter((f) => f.kind === 'invalid-rule').map((f) => f.indicator)]).toEqual([scope, ['GS']]);
    }
    const res = run({ scope: 'Mỗi thị trấn' });
    expect(areaVerdict(res).status).not.toBe('met');
  });

  test('a condition not understood: the rule is named, and the verdict says the target was not checked', () => {
    const res = run({ condition: 'không thấp hơn 1' });
    expect(res.findings.filter((f) => f.kind === 'invalid-rule').map((f) => [f.severity, f.indicator])).toEqual([['error', 'GS']]);
    const v = areaVerdict(res);
    expect([v.status, v.text]).toEqual(['partial', 'Chưa kết luận được cho toàn địa bàn: 1 chỉ tiêu chưa kiểm tra được vì tệp chỉ tiêu ghi chưa đúng (Số cuộc giám sát); dựa trên 2/2 đơn vị.']);
  });
});
