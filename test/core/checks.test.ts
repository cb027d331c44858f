import { matchesRounded, targetFor } from '../../src/core/checks';
import { CheckSession } from '../../src/core/session';
import { readRules } from '../../src/core/rules';
import { planOutput } from '../../src/core/output';
import { areaVerdict } from '../../src/core/verdict';
import type { CheckResult } from '../../src/core/session';
import type { PlannedCell } from '../../src/core/plan';
import { ModelRow, rulesModel, sheetOf, workbookOf } from '../helpers/model';

const RULES: ModelRow[] = [
  ['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', '', '', '', ''],
  ['KN', 'Hội Nông dân', 'Kết nạp hội viên mới', '', 'hội viên', 'từ 200 hội viên trở lên', 'Toàn địa bàn', 'Cảnh báo', ''],
  ['DT', 'Hội Nông dân', 'Số nông dân trong độ tuổi', '', 'người', '', '', '', ''],
  ['TL', 'Hội Nông dân', 'Tỷ lệ tập hợp', '', '%', 'đạt 70%', 'Mỗi đơn vị', 'Cảnh báo', 'HV / DT'],
  ['TL2', 'Hội Nông dân', 'Tỷ lệ kết nạp trên tập hợp', '', '%', '', '', '', 'KN / (TL * DT)'],
  ['GS', 'Mặt trận', 'Số cuộc giám sát', '', 'cuộc', 'từ 1 đến 2', 'Mỗi đơn vị', 'Lỗi', ''],
  ['DT2', 'Mặt trận', 'Số cuộc đối thoại', '', 'cuộc', 'ít nhất 01 lần/tháng', 'Mỗi xã', 'Lỗi', ''],
  ['VON', 'Mặt trận', 'Vốn vay', '', 'triệu đồng', '', '', '', ''],
];

function rules(title = 'CHỈ TIÊU NĂM 2023') {
  return readRules(
    rulesModel(RULES, {
      title,
      checks: [['K1', 'KN <= HV', 'Lỗi', 'Kết nạp không quá tổng số']],
      roster: [['Phường Hòa Lạc', '', 'Phường'], ['Xã Yên Bình', '', 'Xã']],
    }),
  );
}

type Figures = Partial<Record<'HV' | 'KN' | 'DT' | 'GS' | 'DT2' | 'VON' | 'TL', unknown>>;

function unitSheet(unitLine: string, f: Figures, plan: Figures = {}, title = 'BÁO CÁO NĂM 2023', planRate: Figures = {}, numFmts: Record<string, string> = {}) {
  const row = (stt: number, label: string, code: keyof Figures) => [stt, label, '', plan[code] ?? null, f[code] ?? null, planRate[code] ?? null] as ModelRow;
  const rows: ModelRow[] = [
    [unitLine],
    [title],
    ['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ % so với KH'],
    ['I', 'HỘI NÔNG DÂN'],
    row(1, 'Tổng số hội viên', 'HV'),
    row(2, 'Kết nạp hội viên mới', 'KN'),
    row(3, 'Số nông dân trong độ tuổi', 'DT'),
  ];
  if ('TL' in f) rows.push(row(4, 'Tỷ lệ tập hợp', 'TL'));
  rows.push(['II', 'MẶT TRẬN'], row(1, 'Số cuộc giám sát', 'GS'), row(2, 'Số cuộc đối thoại', 'DT2'), row(3, 'Vốn vay', 'VON'));
  return workbookOf(`${unitLine}.xlsx`, sheetOf('Biểu', rows, { numFmts }));
}

const OK: Figures = { HV: 700, KN: 100, DT: 1000, GS: 1, DT2: 12, VON: 12.5 };

function run(...books: ReturnType<typeof unitSheet>[]): CheckResult {
  const { rules: r, problems } = rules();
  expect(problems).toEqual([]);
  const s = new CheckSession(r, problems);
  for (const b of books) s.addWorkbook(b);
  return s.finish();
}

const brief = (res: CheckResult) => res.findings.filter((f) => f.severity !== 'info' || f.kind === 'exceeded').map((f) => `${f.unit}|${f.indicator}|${f.kind}${f.against === 'plan' ? '|plan' : ''}`);

describe('checks on a unit', () => {
  test('two units that meet every target: nothing to report', () => {
    expect(brief(run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', OK), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, KN: 100 })))).toEqual([]);
  });

  test('a rate row left blank is computed from its parts; when a part is blank too, the rate says which', () => {
    // HV / DT = 700 / 1000 = 70 %: the target "đạt 70%" is judged on the computed rate.
    const computed = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, TL: null }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, TL: null, HV: 600 }));
    expect(brief(computed)).toEqual(['Xã Yên Bình|TL|shortfall']);
    const partBlank = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, TL: null, DT: null }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK));
    expect(brief(partBlank)).toEqual(['Phường Hòa Lạc|DT|missing-value', 'Phường Hòa Lạc|TL|missing-value']);
    const rate = partBlank.findings.find((f) => f.indicator === 'TL')!;
    expect(rate).toMatchObject({ cell: 'E8', severity: 'warning' });
    expect(rate.message).toBe('Phường Hòa Lạc: "Hội Nông dân – Tỷ lệ tập hợp" để trống (ô E8) và không tính được từ các số liệu thành phần: thiếu "Hội Nông dân – Số nông dân trong độ tuổi".');
  });

  test('values that are not figures', () => {
    const r = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, HV: -5, KN: 10.5, DT: 'đang tổng hợp', GS: null, VON: 12.5 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK));
    expect(brief(r)).toEqual(['Phường Hòa Lạc|HV|invalid-value', 'Phường Hòa Lạc|KN|invalid-value', 'Phường Hòa Lạc|DT|invalid-value', 'Phường Hòa Lạc|GS|missing-value', '*|KN|shortfall']);
    const msgs = r.findings.map((f) => f.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        'Phường Hòa Lạc: "Hội Nông dân – Tổng số hội viên" là số âm -5; không tính vào tổng (ô E5).',
        'Phường Hòa Lạc: "Hội Nông dân – Kết nạp hội viên mới" là 10,5 hội viên, phải là số nguyên; không tính vào tổng (ô E6).',
        'Phường Hòa Lạc: "Hội Nông dân – Số nông dân trong độ tuổi" ghi "đang tổng hợp", không phải số; không tính vào tổng (ô E7).',
        'Phường Hòa Lạc: "Mặt trận – Số cuộc giám sát" để trống (ô E9).',
      ]),
    );
    // A figure in a unit of money may be fractional.
    expect(r.findings.some((f) => f.indicator === 'VON')).toBe(false);
    // The area total leaves the invalid value out and says so.
    const area = r.findings.find((f) => f.unit === '*')!;
    expect(area.actual).toBe(100);
    expect(area.message).toBe('Toàn địa bàn (2/2 đơn vị): Hội Nông dân – Kết nạp hội viên mới đạt 100 hội viên, chỉ tiêu ≥ 200 hội viên, thiếu 100. Tổng chưa đủ: chưa tính số liệu không hợp lệ hoặc thiếu của Phường Hòa Lạc.');
  });

  test('per-unit rate from its parts, range exceeded (information), per-level frequency', () => {
    const r = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, HV: 690, GS: 3, DT2: 5 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, DT2: 11 }));
    expect(brief(r)).toEqual(['Phường Hòa Lạc|TL|shortfall', 'Phường Hòa Lạc|GS|exceeded', 'Xã Yên Bình|DT2|shortfall']);
    const tl = r.findings.find((f) => f.indicator === 'TL')!;
    expect(tl.message).toBe('Phường Hòa Lạc: Hội Nông dân – Tỷ lệ tập hợp đạt 69% (690/1.000), chỉ tiêu ≥ 70%, thiếu 1 điểm %.');
    expect(tl.cell).toBe('E5');
    expect(r.findings.find((f) => f.indicator === 'DT2')!.message).toBe('Xã Yên Bình: Mặt trận – Số cuộc đối thoại đạt 11 cuộc, chỉ tiêu ≥ 12 cuộc, thiếu 1.');
  });

  test('the unit\'s own plan, and a stated plan rate that does not match', () => {
    const r = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', OK, { KN: 120, HV: 600 }, undefined, { KN: 90, HV: 116.67 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK));
    expect(brief(r)).toEqual(['Phường Hòa Lạc|KN|shortfall|plan', 'Phường Hòa Lạc|KN|inconsistent']);
    const plan = r.findings.find((f) => f.against === 'plan')!;
    expect(plan.message).toBe('Phường Hòa Lạc: Hội Nông dân – Kết nạp hội viên mới đạt 100/120 hội viên theo kế hoạch của đơn vị, thiếu 20.');
    expect(r.findings.find((f) => f.kind === 'inconsistent')!.cell).toBe('F6');
  });

  test('a cross check that fails names the check, the figures and the note; one with a missing part is skipped', () => {
    const r = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, KN: 800 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, HV: null }));
    const k = r.findings.filter((f) => f.check === 'K1');
    expect(k.map((f) => [f.unit, f.indicator, f.severity, f.cell])).toEqual([['Phường Hòa Lạc', 'KN', 'error', 'E6']]);
    // The plain sentence first, with the indicators' names and figures; the check's code last.
    expect(k[0].message).toBe('Phường Hòa Lạc: Kết nạp hội viên mới 800 lớn hơn Tổng số hội viên 700 – Kết nạp không quá tổng số (kiểm tra K1: KN <= HV).');
  });

  test('a six-month report: cumulative targets prorated to behind-pace, frequencies for 6 months', () => {
    const { rules: r } = rules();
    const s = new CheckSession(r);
    s.addWorkbook(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, KN: 40, DT2: 6 }, {}, 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023'));
    s.addWorkbook(unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, KN: 40, DT2: 5 }, {}, 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023'));
    const res = s.finish();
    expect(brief(res)).toEqual(['Xã Yên Bình|DT2|shortfall', '*|KN|behind-pace']);
    expect(res.findings.find((f) => f.kind === 'behind-pace')!.message).toBe(
      'Toàn địa bàn (2/2 đơn vị): Hội Nông dân – Kết nạp hội viên mới đến nay đạt 80 hội viên, theo tiến độ cần ≥ 100 hội viên (chỉ tiêu cả kỳ: từ 200 hội viên trở lên), thiếu 20.',
    );
  });
});

describe('the largest figure', () => {
  test('a thousand trillion is a figure; anything above is an invalid value, left out of totals', () => {
    const r = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, VON: 1e15 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, VON: 1e15 + 1 }));
    expect(r.findings.filter((f) => f.indicator === 'VON').map((f) => [f.unit, f.kind])).toEqual([['Xã Yên Bình', 'invalid-value']]);
    expect(r.findings.find((f) => f.indicator === 'VON')!.message).toMatch(/số quá lớn/);
    expect(r.rollup.totals.get('VON')).toBe(1e15);
  });
});

describe('rounding of stated figures', () => {
  test.each([
    [92.12, 187 / 203 * 100, true],
    [92.11, 187 / 203 * 100, false], // truncated, as local news once printed it
    [92, 78 / 79 * 100, false],
    [99, 78 / 79 * 100, true],
    [98.73, 78 / 79 * 100, true],
    [9.92, 99.16, false],
    [100, 100, true],
  ])('%s for %s → %s', (stated, computed, ok) => expect(matchesRounded(stated, computed)).toBe(ok));
});

describe('targets by period', () => {
  const { rules: r } = rules();
  const pace6 = { months: 6, targetMonths: 12 };
  test('cumulative count: prorated', () => expect(targetFor(r.byCode.get('KN')!, pace6)).toEqual({ comparison: { op: 'atLeast', min: 100 }, prorated: true }));
  test('rate: never scaled', () => expect(targetFor(r.byCode.get('TL')!, pace6)).toEqual({ comparison: { op: 'atLeast', min: 0.7 }, prorated: false }));
  test('frequency: months covered', () => expect(targetFor(r.byCode.get('DT2')!, pace6)).toEqual({ comparison: { op: 'atLeast', min: 6 }, prorated: false }));
  test('range: prorated both ends', () => expect(targetFor(r.byCode.get('GS')!, pace6)).toEqual({ comparison: { op: 'range', min: 0.5, max: 1 }, prorated: true }));
  test('no condition: null', () => expect(targetFor(r.byCode.get('HV')!, pace6)).toBeNull());
});

describe('rollup and output plan', () => {
  const res = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, HV: 1, DT: 2 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, HV: 99, DT: 100, KN: '=1+1' }));

  test('an area rate is recomputed from summed parts, never averaged', () => {
    expect(res.rollup.ratios.get('TL')).toBeCloseTo(100 / 102, 12);
    expect(res.rollup.totals.get('HV')).toBe(100);
    expect(res.rollup.incomplete.get('KN')).toEqual(['Xã Yên Bình']);
    // A rate over a rate: TL2 = KN / (TL * DT), inlined. Yên Bình's KN is not a number, so the
    // rate is like for like over Hòa Lạc alone (KN 100, HV 1, DT 2), never Hòa Lạc's KN over both units' TL * DT.
    expect(res.rollup.ratios.get('TL2')).toBeCloseTo(100 / ((1 / 2) * 2), 12);
    expect(res.rollup.rateBasis.get('TL2')).toEqual({ parts: new Map([['KN', 100], ['HV', 1], ['DT', 2]]), units: 1, of: 2 });
    // TL's own parts are given by both units: the quotient of the totals, no basis.
    expect(res.rollup.rateBasis.has('TL')).toBe(false);
  });

  const plan = planOutput(res);
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;
  const at = (name: string, row: number, col: number) => sheet(name).cells.find((c) => c.row === row && c.col === col) as PlannedCell;

  test('Tổng hợp: units in roster order, a SUM total row, invalid text kept as text with a flag', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
    expect(at('Tổng hợp', 7, 2).value).toEqual({ text: 'Phường Hòa Lạc' });
    expect(at('Tổng hợp', 8, 2).value).toEqual({ text: 'Xã Yên Bình' });
    expect(at('Tổng hợp', 9, 2).value).toEqual({ text: 'Tổng cộng' });
    const codes = sheet('Tổng hợp').cells.filter((c) => c.row === 6).map((c) => ('text' in c.value ? c.value.text : ''));
    expect(codes).toEqual(['HV', 'KN', 'DT', 'GS', 'DT2', 'VON']);
    expect(at('Tổng hợp', 9, 4).value).toEqual({ formula: 'SUM(D7:D8)' });
    const kn = at('Tổng hợp', 8, 5);
    expect(kn.value).toEqual({ text: '=1+1' });
    expect(kn.fill).toBe('FFC7CE');
    expect(kn.note).toMatch(/không phải số/);
  });

  test('Tỷ lệ: live formulas over Tổng hợp, nested rates inlined, percent format', () => {
    expect(at('Tỷ lệ', 5, 3).value).toEqual({ formula: `IFERROR('Tổng hợp'!D7/'Tổng hợp'!F7,"")` });
    expect(at('Tỷ lệ', 5, 4).value).toEqual({ formula: `IFERROR('Tổng hợp'!E7/(('Tổng hợp'!D7/'Tổng hợp'!F7)*'Tổng hợp'!F7),"")` });
    expect(at('Tỷ lệ', 7, 2).value).toEqual({ text: 'Toàn địa bàn' });
    expect(at('Tỷ lệ', 7, 3).value).toEqual({ formula: `IFERROR('Tổng hợp'!D9/'Tổng hợp'!F9,"")` });
    expect(at('Tỷ lệ', 5, 3).numFmt).toBe('0.00%');
  });

  test('Tỷ lệ: each unit\'s achievement (targets and plans met) and a chart of it', () => {
    // Hòa Lạc: TL 1/2 < 70% fails, GS met; DT2 is for communes only. Yên Bình: TL, GS, DT2 met.
    expect([at('Tỷ lệ', 5, 5).value, at('Tỷ lệ', 5, 5).note]).toEqual([{ number: 0.5 }, '1/2 chỉ tiêu và kế hoạch đạt']);
    expect(at('Tỷ lệ', 6, 5).value).toEqual({ number: 1 });
    expect(sheet('Tỷ lệ').charts).toEqual([
      { title: 'Tỷ lệ chỉ tiêu đạt của từng đơn vị', categories: 'B5:B6', series: [{ name: 'Chỉ tiêu đạt', values: 'E5:E6' }], anchor: 'G3' },
    ]);
  });

  test('Kết quả kiểm tra: one row per finding with an autofilter over them; flags for every located finding', () => {
    const f = sheet('Kết quả kiểm tra');
    expect(f.autoFilter).toBe(`A1:K${res.findings.length + 1}`);
    expect(f.frozenRows).toBe(1);
    expect(f.cells.filter((c) => c.col === 11 && c.row > 1).map((c) => ('text' in c.value ? c.value.text : ''))).toEqual(res.findings.map((x) => x.message));
    expect(plan.flags.length).toBe(res.findings.filter((x) => x.cell && x.file && x.kind !== 'unmapped-row').length);
    expect(plan.flags.length).toBeGreaterThan(0);
  });
});

describe('what each unit is held to: its achievement, its own plan, the plan rate it wrote', () => {
  const achievement = (res: CheckResult) => {
    const rates = planOutput(res).sheets.find((x) => x.name === 'Tỷ lệ')!;
    return [5, 6].map((row) => {
      const c = rates.cells.find((x) => x.row === row && x.col === 5)!;
      return [c.value, c.note];
    });
  };

  test('targets met or exceeded and plans reached count as met; a plan of 0 counts for nothing', () => {
    // Hòa Lạc (a ward): TL 700/1.000 = 70% met, GS 1 in 1–2 met (DT2 is for communes; KN for the
    // area); its plans: KN 100 of 120 short, HV 700 of 600 reached. 3 of 4.
    // Yên Bình (a commune): TL met, GS 3 above 1–2 (exceeded: met), DT2 11 of 12 short; its plans:
    // HV 0 (no plan), DT 1.000 of 1.000 and VON 12,5 of 12,5 reached exactly. 4 of 5.
    const res = run(
      unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', OK, { KN: 120, HV: 600 }),
      unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, GS: 3, DT2: 11 }, { HV: 0, DT: 1000, VON: 12.5 }),
    );
    expect(brief(res)).toEqual(['Phường Hòa Lạc|KN|shortfall|plan', 'Xã Yên Bình|DT2|shortfall', 'Xã Yên Bình|GS|exceeded']);
    expect(achievement(res)).toEqual([
      [{ number: 0.75 }, '3/4 chỉ tiêu và kế hoạch đạt'],
      [{ number: 0.8 }, '4/5 chỉ tiêu và kế hoạch đạt'],
    ]);
    const gs = res.findings.find((f) => f.kind === 'exceeded')!;
    expect([gs.severity, gs.actual, gs.expected, gs.cell]).toEqual(['info', 3, 2, 'E9']);
  });

  test('a plan with no period in a six-month report is cut to pace, and the message says so', () => {
    const { rules: r } = rules();
    const s = new CheckSession(r);
    s.addWorkbook(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, KN: 40, DT2: 6 }, { KN: 120, HV: 700 }, 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023'));
    s.addWorkbook(unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, KN: 60, DT2: 6 }, { KN: 120 }, 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023'));
    const res = s.finish();
    // KN: 120 a year is 60 by six months; Hòa Lạc's 40 is behind, Yên Bình's 60 is on pace.
    const plan = res.findings.filter((f) => f.against === 'plan');
    expect(plan.map((f) => [f.unit, f.kind, f.severity, f.actual, f.expected, f.cell])).toEqual([['Phường Hòa Lạc', 'behind-pace', 'warning', 40, 60, 'E6']]);
    expect(plan[0].message).toContain('cột kế hoạch không ghi kỳ, coi là kế hoạch năm, chia theo tiến độ 6/12 tháng');
    expect(plan[0].message).toContain('thiếu 20');
  });

  test('the plan rate the unit wrote: a rounded one agrees, a wrong one is a warning in its own cell, a percent cell is read as percent', () => {
    // KN 100 of a plan of 120 is 83,33…%.
    const ok = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', OK, { KN: 120 }, undefined, { KN: 83.33 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK, { KN: 120 }, undefined, { KN: 83.3 }));
    expect(ok.findings.filter((f) => f.kind === 'inconsistent')).toEqual([]);
    // 0,8333 in a cell formatted as % is 83,33%; 0,8333 in a plain cell is not.
    const pct = run(
      unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', OK, { KN: 120 }, undefined, { KN: 0.8333 }, { F6: '0.00%' }),
      unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK, { KN: 120 }, undefined, { KN: 84 }),
    );
    const wrong = pct.findings.filter((f) => f.kind === 'inconsistent');
    expect(wrong.map((f) => [f.unit, f.severity, f.cell, f.sheet])).toEqual([['Xã Yên Bình', 'warning', 'F6', 'Biểu']]);
    expect(wrong[0].actual).toBe(84);
    expect(wrong[0].expected).toBeCloseTo(250 / 3, 9);
  });

  test('a rate indicator\'s plan is never cut to pace, and no plan rate is compared for it', () => {
    const { rules: r } = rules();
    const s = new CheckSession(r);
    // TL's plan 0,7 (70%): Hòa Lạc has 70%, Yên Bình 60%; six months do not lower a rate's plan.
    s.addWorkbook(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, TL: 0.7, DT2: 6 }, { TL: 0.7 }, 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', { TL: 12 }));
    s.addWorkbook(unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, HV: 600, TL: 0.6, DT2: 6 }, { TL: 0.7 }, 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023'));
    const res = s.finish();
    const tl = res.findings.filter((f) => f.indicator === 'TL');
    expect(tl.map((f) => [f.unit, f.kind, f.against, f.actual, f.expected])).toEqual([
      ['Xã Yên Bình', 'shortfall', 'target', 0.6, 0.7],
      ['Xã Yên Bình', 'shortfall', 'plan', 0.6, 0.7],
    ]);
    // The rate and its plan both written as plain fractions: 60 % against a plan of 70 %.
    expect(tl[1].message).toContain('60%');
    expect(tl[1].message).toContain('70%');
  });
});

describe('the area verdict, as the pane, the command line and the rollup say it', () => {
  const verdict = (res: CheckResult) => {
    const v = areaVerdict(res);
    return [v.status, v.text, v.unassessed];
  };

  test('every target met, by every unit of the roster', () => {
    expect(verdict(run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', OK), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, KN: 100 })))).toEqual(['met', 'Toàn địa bàn: đạt mọi chỉ tiêu (2/2 đơn vị).', []]);
  });

  test('an area target short: counted, with what it rests on', () => {
    expect(verdict(run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, KN: 50 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, KN: 50 })))).toEqual([
      'short',
      'Toàn địa bàn chưa đạt 1 chỉ tiêu (dựa trên 2/2 đơn vị):',
      [],
    ]);
  });

  test('a unit of the roster not read: never "met", even when the units read meet everything', () => {
    expect(verdict(run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, KN: 200 })))).toEqual([
      'partial',
      'Chưa kết luận được cho toàn địa bàn: các đơn vị đã đọc không thiếu chỉ tiêu nào, nhưng kết quả chỉ dựa trên 1/2 đơn vị: 1 đơn vị chưa gửi.',
      [],
    ]);
  });

  test('a blank figure a unit is held to, and a rate with a blank part: not assessed, named', () => {
    // Hòa Lạc leaves GS (each unit, 1–2) blank; Yên Bình leaves DT blank, so its TL cannot be computed.
    const res = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, GS: null }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, DT: null }));
    expect(verdict(res)).toEqual([
      'partial',
      'Chưa kết luận được cho toàn địa bàn: 2 chỉ tiêu chưa có đủ số liệu để đánh giá (Tỷ lệ tập hợp; Số cuộc giám sát); dựa trên 2/2 đơn vị.',
      ['Tỷ lệ tập hợp', 'Số cuộc giám sát'],
    ]);
  });

  test('nothing read', () => {
    const { rules: r, problems } = rules();
    expect(verdict(new CheckSession(r, problems).finish())).toEqual([
      'nothing-read',
      'Không kiểm tra được gì: không đọc được báo cáo nào (0/2 đơn vị: 2 đơn vị chưa gửi).',
      // The area target has no total to judge.
      ['Kết nạp hội viên mới'],
    ]);
  });
});

describe('a rate row the unit filled in itself, against the rate from its parts', () => {
  const stated = (res: CheckResult) => res.findings.filter((f) => f.kind === 'inconsistent').map((f) => [f.unit, f.severity, f.cell, f.actual, f.expected, f.message]);

  test('70 points, 0,7 in a plain cell and 70% in a percent cell all agree with 700/1.000', () => {
    expect(stated(run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, TL: 70 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, TL: 0.7 })))).toEqual([]);
    expect(stated(run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, TL: 0.7 }, {}, undefined, {}, { E8: '0%' }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK)))).toEqual([]);
  });

  test('75 is an error in its cell; 7 is one too, with the hint that a digit is missing; 75% in a percent cell as well', () => {
    const res = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, TL: 75 }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, TL: 7 }));
    expect(stated(res)).toEqual([
      ['Phường Hòa Lạc', 'error', 'E8', 0.75, 0.7, 'Phường Hòa Lạc: Hội Nông dân – Tỷ lệ tập hợp ghi 75% nhưng tính lại từ số liệu 700/1.000 được 70% (ô E8).'],
      ['Xã Yên Bình', 'error', 'E8', 0.07, 0.7, 'Xã Yên Bình: Hội Nông dân – Tỷ lệ tập hợp ghi 7% nhưng tính lại từ số liệu 700/1.000 được 70% (có lẽ gõ thiếu một chữ số hoặc sai vị trí dấu phẩy) (ô E8).'],
    ]);
    const pct = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, TL: 0.75 }, {}, undefined, {}, { E8: '0%' }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK));
    expect(stated(pct).map((x) => x[5])).toEqual(['Phường Hòa Lạc: Hội Nông dân – Tỷ lệ tập hợp ghi 75% nhưng tính lại từ số liệu 700/1.000 được 70% (ô E8).']);
  });
});

describe('a row dropped from a section the unit reported on', () => {
  test('is a missing figure, named, in the unit\'s file and sheet; from a section not there at all, only a target the unit is held to is asked for', () => {
    const rows: ModelRow[] = [
      ['ĐẢNG ỦY PHƯỜNG HÒA LẠC'],
      ['BÁO CÁO NĂM 2023'],
      ['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện'],
      ['I', 'HỘI NÔNG DÂN'],
      [1, 'Tổng số hội viên', '', null, 700],
      [2, 'Kết nạp hội viên mới', '', null, 100],
      // "Số nông dân trong độ tuổi" left out; no "Mặt trận" section at all.
    ];
    const res = run(workbookOf('hoa-lac.xlsx', sheetOf('Biểu', rows)), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', OK));
    const missing = res.findings.filter((f) => f.unit === 'Phường Hòa Lạc' && f.kind === 'missing-value');
    expect(missing.map((f) => [f.indicator, f.severity, f.file, f.sheet, f.cell, f.message])).toEqual([
      ['DT', 'warning', 'hoa-lac.xlsx', 'Biểu', null, 'Phường Hòa Lạc: thiếu dòng "Hội Nông dân – Số nông dân trong độ tuổi" trong báo cáo.'],
      // "Số cuộc giám sát" is held to every unit ("Mỗi đơn vị"); "Tỷ lệ hộ đạt chuẩn" has no target.
      ['GS', 'warning', 'hoa-lac.xlsx', 'Biểu', null, 'Phường Hòa Lạc: chưa có số liệu "Mặt trận – Số cuộc giám sát", chỉ tiêu đơn vị phải đạt, trong các báo cáo đã nhận của đơn vị.'],
    ]);
  });
});

describe('"x" (not applicable) is an answer', () => {
  test('a target a unit marks "x" is neither short nor unassessed; the verdict can still be "met"', () => {
    const res = run(unitSheet('ĐẢNG ỦY PHƯỜNG HÒA LẠC', { ...OK, GS: 'x' }), unitSheet('ĐẢNG ỦY XÃ YÊN BÌNH', { ...OK, GS: 'không áp dụng' }));
    expect(brief(res)).toEqual([]);
    expect(areaVerdict(res).status).toBe('met');
    expect(areaVerdict(res).unassessed).toEqual([]);
  });
});
