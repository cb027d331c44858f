// A report of another year is never summed into this year's rollup, and never wins a duplicate by
// its date. When the title and the date disagree, the figures are used and the doubt is said.
import { CheckSession, areaVerdict, readRules, toResultJson } from '../../src/core';
import type { CheckResult, Finding } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { BASE_ROSTER, goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';

async function check(files: Array<[string, Uint8Array]>, rulesTitle?: string): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook(rulesTitle ? { title: rulesTitle } : {}), 'rules.xlsx'));
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  for (const [name, bytes] of files) session.addWorkbook(await readWorkbookBuffer(bytes, name));
  return session.finish();
}

const [HOA_LAC, TAN_THANH, YEN_BINH] = BASE_ROSTER.map((u) => u[0]);
const of = (r: CheckResult, kind: Finding['kind']) => r.findings.filter((f) => f.kind === kind);
const status = (r: CheckResult, unit: string) => r.units.find((u) => u.unit === unit)!.status;

function report(unit: string, opts: { year?: number; title?: string; date?: string; members?: number; sheetName?: string } = {}) {
  return reportSheet({
    unitLine: `ĐẢNG ỦY ${unit.toUpperCase()}`,
    title: opts.title ?? `BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM ${opts.year ?? 2023}`,
    dateLine: opts.date ?? `ngày 12 tháng 12 năm ${opts.year ?? 2023}`,
    sheetName: opts.sheetName,
    rows: goodRows({ HND_HV: opts.members ?? 500 }),
  });
}

test("a unit that sent only last year's report: set aside, named, not summed, and the verdict stays open", async () => {
  const r = await check([
    ['hoa-lac.xlsx', await xlsx([report(HOA_LAC, { members: 500 })])],
    ['tan-thanh.xlsx', await xlsx([report(TAN_THANH, { members: 300 })])],
    ['yen-binh-2022.xlsx', await xlsx([report(YEN_BINH, { year: 2022, members: 7000 })])],
  ]);
  const [f] = of(r, 'other-period');
  expect(f).toMatchObject({ severity: 'error', unit: YEN_BINH, file: 'yen-binh-2022.xlsx', actual: 2022, expected: 2023 });
  expect(f.message).toContain('tiêu đề ghi "Năm 2022"');
  expect(f.message).toContain('không lấy số liệu');
  expect(f.message).toContain('Đề nghị gửi báo cáo năm 2023');
  // The unit sent something: not "not sent", and its 7,000 members are not in the total.
  expect(of(r, 'missing-unit')).toEqual([]);
  expect(status(r, YEN_BINH)).toBe('other-period');
  expect(r.rollup.totals.get('HND_HV')).toBe(800);
  expect(r.coverage).toMatchObject({ read: 2, missing: [], otherPeriod: [YEN_BINH] });
  const v = areaVerdict(r);
  expect(v.status).not.toBe('met');
  expect(v.basis).toBe('2/3 đơn vị: 1 đơn vị chỉ gửi báo cáo kỳ khác');
  expect(toResultJson(r).submissions.find((s) => s.file === 'yen-binh-2022.xlsx')).toMatchObject({ used: false, period: 'Năm 2022' });
});

test("an older copy on another sheet never wins the duplicate, even when the current report has no date", async () => {
  const current = report(HOA_LAC, { members: 510, date: 'Hòa Lạc, ngày    tháng    năm', sheetName: 'BC 2023' });
  const old = report(HOA_LAC, { year: 2022, members: 440, date: 'ngày 15 tháng 12 năm 2022', sheetName: 'BC 2022' });
  const r = await check([['hoa-lac.xlsx', await xlsx([current, old])]]);
  expect(of(r, 'duplicate-unit')).toEqual([]);
  expect(r.rows.find((x) => x.unit === HOA_LAC)!.figures.get('HND_HV')).toMatchObject({ value: 510 });
  expect(of(r, 'other-period').map((f) => [f.sheet, f.severity])).toEqual([['BC 2022', 'error']]);
  expect(status(r, HOA_LAC)).not.toBe('other-period');
});

test('a title naming last year on a report dated this year: used, with the doubt said', async () => {
  const r = await check([['hoa-lac.xlsx', await xlsx([report(HOA_LAC, { title: 'BÁO CÁO CHỈ TIÊU NĂM 2022', date: 'ngày 12 tháng 12 năm 2023', members: 520 })])]]);
  const [f] = of(r, 'other-period');
  expect(f).toMatchObject({ severity: 'warning', unit: HOA_LAC });
  expect(f.message).toContain('ngày báo cáo 12/12/2023 thuộc năm 2023');
  expect(f.message).toContain('Vẫn dùng số liệu');
  expect(r.rollup.totals.get('HND_HV')).toBe(520);
});

test("a date before the round's year under a title of this year: used, with the doubt said", async () => {
  const r = await check([['hoa-lac.xlsx', await xlsx([report(HOA_LAC, { date: 'ngày 10 tháng 6 năm 2021', members: 530 })])]]);
  const [f] = of(r, 'other-period');
  expect(f).toMatchObject({ severity: 'warning', unit: HOA_LAC });
  expect(f.message).toContain('ngày báo cáo 10/06/2021, trước năm 2023');
  expect(r.rollup.totals.get('HND_HV')).toBe(530);
});

test("a year's report dated in the first quarter after it is this round's; one dated mid next year is not", async () => {
  const r = await check([
    ['hoa-lac.xlsx', await xlsx([report(HOA_LAC, { date: 'ngày 10 tháng 1 năm 2024' })])],
    ['tan-thanh.xlsx', await xlsx([report(TAN_THANH, { year: 2024, date: 'ngày 15 tháng 6 năm 2024' })])],
  ]);
  expect(of(r, 'other-period').map((f) => [f.unit, f.severity])).toEqual([[TAN_THANH, 'error']]);
});

test("rules that name no year: the round's year is the one most reports name, and the message says so", async () => {
  const r = await check(
    [
      ['hoa-lac.xlsx', await xlsx([report(HOA_LAC)])],
      ['tan-thanh.xlsx', await xlsx([report(TAN_THANH)])],
      ['yen-binh.xlsx', await xlsx([report(YEN_BINH, { year: 2022 })])],
    ],
    'CHỈ TIÊU CÔNG TÁC DÂN VẬN',
  );
  const [f] = of(r, 'other-period');
  expect(f).toMatchObject({ severity: 'error', unit: YEN_BINH });
  expect(f.message).toContain('năm mà 2/3 trang báo cáo ghi');
});

test("rules that name no year: a directive's year in most titles does not become the round's", async () => {
  const directive = 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ THỊ SỐ 05-CT/TW NĂM 2016 CỦA BỘ CHÍNH TRỊ';
  const r = await check(
    [
      ['hoa-lac.xlsx', await xlsx([report(HOA_LAC, { title: directive })])],
      ['tan-thanh.xlsx', await xlsx([report(TAN_THANH, { title: directive })])],
      ['yen-binh.xlsx', await xlsx([report(YEN_BINH)])],
    ],
    'CHỈ TIÊU CÔNG TÁC DÂN VẬN',
  );
  expect(of(r, 'other-period')).toEqual([]);
  expect(r.coverage).toMatchObject({ read: 3, otherPeriod: [] });
});

test('rules that name no year and reports split between two years: nothing set aside, and the doubt is said once', async () => {
  const r = await check(
    [
      ['hoa-lac.xlsx', await xlsx([report(HOA_LAC, { members: 500 })])],
      ['yen-binh.xlsx', await xlsx([report(YEN_BINH, { year: 2022, members: 400 })])],
    ],
    'CHỈ TIÊU CÔNG TÁC DÂN VẬN',
  );
  const found = of(r, 'other-period');
  expect(found.map((f) => [f.unit, f.severity])).toEqual([['', 'warning']]);
  expect(found[0].message).toContain('năm 2022: 1 trang, năm 2023: 1 trang');
  expect(r.rollup.totals.get('HND_HV')).toBe(900);
});

test('reports of the round give no finding of this kind', async () => {
  const r = await check([
    ['hoa-lac.xlsx', await xlsx([report(HOA_LAC)])],
    ['tan-thanh.xlsx', await xlsx([report(TAN_THANH, { title: 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', date: 'ngày 14 tháng 6 năm 2023' })])],
  ]);
  expect(of(r, 'other-period')).toEqual([]);
});

test("a title citing an older directive's year before the period is this year's report, summed without a word", async () => {
  // Titles often name the directive reported on ("Chỉ thị 05 năm 2016") before the period: the
  // year is the one written with the period, and nothing is set aside, even with no date line.
  const titles = [
    'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ THỊ 05 NĂM 2016 TRONG 6 THÁNG ĐẦU NĂM 2023',
    'Báo cáo sơ kết 3 năm thực hiện Kết luận 120 (2021 - 2023)',
  ];
  for (const title of titles) {
    const r = await check([['hoa-lac.xlsx', await xlsx([report(HOA_LAC, { title, date: 'Hòa Lạc, ngày    tháng    năm', members: 530 })])]]);
    expect([title, of(r, 'other-period')]).toEqual([title, []]);
    expect(r.rollup.totals.get('HND_HV')).toBe(530);
  }
});

test('when the only reports are of another year, the verdict says none is of this round, not that none could be read', async () => {
  const r = await check([['yen-binh-2022.xlsx', await xlsx([report(YEN_BINH, { year: 2022 })])]]);
  expect(areaVerdict(r)).toMatchObject({ status: 'nothing-read', text: 'Không kiểm tra được gì: không có báo cáo nào của kỳ này (0/3 đơn vị: 2 đơn vị chưa gửi, 1 đơn vị chỉ gửi báo cáo kỳ khác).' });
});

describe('titles and date lines as offices write them (each fails on a reading of the first "năm …")', () => {
  const aside = (r: CheckResult) => of(r, 'other-period').map((f) => f.severity);
  const one = async (title: string, date: string, opts: { above?: string } = {}) => {
    const sheet = report(HOA_LAC, { title, date, members: 530 });
    if (opts.above) sheet.rows.unshift([opts.above]);
    return check([['hoa-lac.xlsx', await xlsx([sheet])]]);
  };

  test("a directive's year in the title, no date line: this year's report, summed without a word", async () => {
    const r = await one('BÁO CÁO KẾT QUẢ 07 NĂM THỰC HIỆN CHỈ THỊ SỐ 05-CT/TW NĂM 2016 CỦA BỘ CHÍNH TRỊ', '');
    expect(of(r, 'other-period')).toEqual([]);
    expect(r.rollup.totals.get('HND_HV')).toBe(530);
  });

  test('"KẾ HOẠCH NĂM 2024" above the title is the plan\'s year: nothing set aside', async () => {
    const r = await one('BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023', 'Hòa Lạc, ngày    tháng 12 năm 2023', { above: 'KẾ HOẠCH NĂM 2024' });
    expect(of(r, 'other-period')).toEqual([]);
    expect(r.rollup.totals.get('HND_HV')).toBe(530);
  });

  test("last year's title over a date line of this year with its day left blank: used, with the doubt said", async () => {
    const r = await one('BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2022', 'Hòa Lạc, ngày    tháng 12 năm 2023');
    const [f] = of(r, 'other-period');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f.message).toContain('ngày báo cáo 12/2023 thuộc năm 2023');
    expect(r.rollup.totals.get('HND_HV')).toBe(530);
  });

  test("a date line without its day, of last year, under this year's title: a date, not the title", async () => {
    const r = await one('BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023', 'Hòa Lạc, tháng 12 năm 2022');
    const [f] = of(r, 'other-period');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f.message).toContain('ngày báo cáo 12/2022, trước năm 2023');
    expect(r.rollup.totals.get('HND_HV')).toBe(530);
  });

  test("a year's report signed in the first quarter after its year goes with its title's year", async () => {
    // Last year's report, signed in January: last year's, set aside.
    const last = await one('KẾT QUẢ CÔNG TÁC NĂM 2022 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023', 'ngày 10 tháng 01 năm 2023');
    expect(aside(last)).toEqual(['error']);
    expect(last.rollup.totals.get('HND_HV')).toBeUndefined();
    // Next year's first quarter, dated in it: next year's.
    const next = await one('BÁO CÁO KẾT QUẢ QUÝ I NĂM 2024', 'ngày 25 tháng 03 năm 2024');
    expect(aside(next)).toEqual(['error']);
    // A title of 2022 signed in January 2024: the date fits this round's year's report only.
    const stale = await one('BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2022', 'ngày 15 tháng 01 năm 2024');
    const [f] = of(stale, 'other-period');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('ngày báo cáo 15/01/2024 ở đầu năm 2024, lúc gửi báo cáo năm 2023');
    expect(stale.rollup.totals.get('HND_HV')).toBe(530);
  });

  test('a title giving its year without "năm" is read: last year\'s report set aside', async () => {
    const r = await one('BÁO CÁO CÔNG TÁC DÂN VẬN 2022', 'ngày 12 tháng 12 năm 2022');
    expect(aside(r)).toEqual(['error']);
    expect(r.rollup.totals.get('HND_HV')).toBeUndefined();
  });
});
