// Tables of many units (one unit per row) drawn as associations and offices draw them: a group's
// name over its first column only, the same names under each association, old copies in hidden
// rows, subtotals and group headings, units and codes under the names. A figure must never go to
// another association's indicator, and a table must not be lost to its shape.
import { CheckSession, readRules } from '../../src/core';
import type { CheckResult, Finding } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { Row, SheetSpec, rulesWorkbook, xlsx } from '../helpers/build';

async function check(sheet: SheetSpec): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook(), 'rules.xlsx'));
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  session.addWorkbook(await readWorkbookBuffer(await xlsx([sheet]), 'bang.xlsx'));
  return session.finish();
}

const of = (r: CheckResult, kind: Finding['kind']) => r.findings.filter((f) => f.kind === kind);
const figure = (r: CheckResult, unit: string, code: string) => {
  const f = r.rows.find((x) => x.unit === unit)?.figures.get(code);
  return f && 'value' in f ? f.value : undefined;
};
const TITLE: Row = ['BẢNG TỔNG HỢP KẾT QUẢ CÁC HỘI NĂM 2023'];
// Each unit's figures differ by association, so a figure in the wrong column shows.
const UNITS: Row[] = [
  [1, 'Phường Hòa Lạc', 500, 31, 200, 11],
  [2, 'Phường Tân Thành', 600, 32, 300, 12],
  [3, 'Xã Yên Bình', 700, 33, 400, 13],
];

describe("a group's name over its first column only (cells not merged)", () => {
  test.each([
    ['Hội Nông dân first', ['Hội Nông dân', null, 'Hội Cựu chiến binh', null], UNITS, { HND_HV: 500, HND_KN: 31, CCB_HV: 200, CCB_KN: 11 }],
    ['Hội Cựu chiến binh first', ['Hội Cựu chiến binh', null, 'Hội Nông dân', null], UNITS, { CCB_HV: 500, CCB_KN: 31, HND_HV: 200, HND_KN: 11 }],
  ])('%s: each column is its own group\'s', async (_, groups, units, want) => {
    const r = await check({
      name: 'Bảng',
      rows: [TITLE, [null, null, ...(groups as Row)], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...(units as Row[])],
    });
    for (const [code, value] of Object.entries(want)) expect([code, figure(r, 'Phường Hòa Lạc', code)]).toEqual([code, value]);
    expect(of(r, 'unmapped-row')).toEqual([]);
  });
});

test('the same names over several columns and no group row: none is taken, and the office is told why', async () => {
  const r = await check({ name: 'Bảng', rows: [TITLE, ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...UNITS] });
  for (const code of ['HND_HV', 'HND_KN', 'CCB_HV', 'CCB_KN']) expect([code, figure(r, 'Phường Hòa Lạc', code)]).toEqual([code, undefined]);
  const unmapped = of(r, 'unmapped-row');
  expect(unmapped.map((f) => [f.severity, f.cell])).toEqual([
    ['warning', 'C2'],
    ['warning', 'D2'],
  ]);
  expect(unmapped[0].message).toBe('2 cột cùng ghi "Tổng số hội viên" (ô C2, E2) mà không ghi rõ mỗi cột thuộc nhóm nào (hội, đoàn thể nào): không lấy số liệu các cột này, vì không biết cột nào của chỉ tiêu nào. Thêm một dòng ghi tên nhóm phía trên các cột (ví dụ "Hội Nông dân") rồi gửi lại.');
});

test('the same names repeated under the one association a line above names: not guessed at either', async () => {
  const r = await check({
    name: 'Bảng',
    rows: [['HỘI NÔNG DÂN THỊ XÃ HÒA BÌNH'], TITLE, ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...UNITS],
  });
  expect(figure(r, 'Phường Hòa Lạc', 'HND_HV')).toBeUndefined();
  expect(of(r, 'unmapped-row').map((f) => [f.severity, f.cell])).toEqual([
    ['warning', 'C3'],
    ['warning', 'D3'],
  ]);
});

test("an old copy of a unit's row, hidden, never wins over the row the sheet shows", async () => {
  for (const [rows, hiddenRow] of [
    [[...UNITS, [9, 'Phường Hòa Lạc', 111, 1, 11, 1]], 7],
    [[[9, 'Phường Hòa Lạc', 111, 1, 11, 1], ...UNITS], 4],
  ] as Array<[Row[], number]>) {
    const r = await check({
      name: 'Bảng',
      rows: [TITLE, [null, null, 'Hội Nông dân', null, 'Hội Cựu chiến binh', null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...rows],
      merges: ['C2:D2', 'E2:F2'],
      hiddenRows: [hiddenRow],
    });
    expect(figure(r, 'Phường Hòa Lạc', 'HND_HV')).toBe(500);
    expect(r.rollup.totals.get('HND_HV')).toBe(1800);
    expect(of(r, 'duplicate-unit')).toEqual([]);
    // Which row was used is said, on the hidden row.
    const said = of(r, 'unmapped-row').map((f) => [f.severity, f.cell, f.message]);
    const [used, old] = hiddenRow === 7 ? ['B4', 'B7'] : ['B5', 'B4'];
    expect(said).toEqual([['info', old, `Phường Hòa Lạc có thêm một dòng bị ẩn trong bảng (ô ${old}): dùng dòng đang hiện (ô ${used}), không đọc dòng ẩn.`]]);
  }
});

test('subtotals, group headings, a units row and a codes row are the table\'s shape, not units', async () => {
  const r = await check({
    name: 'Bảng',
    rows: [
      TITLE,
      [null, null, 'Hội Nông dân', null],
      ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'],
      [null, 'ĐVT', 'người', 'người'],
      [null, null, 'HND_HV', 'HND_KN'],
      ['I', 'Các phường', null, null],
      [1, 'Phường Hòa Lạc', 500, 31],
      [2, 'Phường Tân Thành', 600, 32],
      [null, 'Cộng cụm phường', 1100, 63],
      ['II', 'Các xã', null, null],
      [3, 'Xã Yên Bình', 700, 33],
      [null, 'Cộng cụm xã', 700, 33],
      [null, 'Tổng cộng', 1800, 96],
    ],
    // The first heading drawn across the whole table, the second in its cell only.
    merges: ['C2:D2', 'B6:D6'],
  });
  expect(r.rows.filter((x) => x.report).map((x) => x.unit)).toEqual(['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình']);
  expect(r.rollup.totals.get('HND_HV')).toBe(1800);
  expect(r.rollup.totals.get('HND_KN')).toBe(96);
  // The stated total agrees with the units' rows: the subtotals are not summed into it.
  expect(of(r, 'inconsistent')).toEqual([]);
  expect(of(r, 'unknown-unit')).toEqual([]);
  expect(of(r, 'no-table')).toEqual([]);
});

test('"85%" typed where a count is due is a rate in the wrong place: never 85 of the count', async () => {
  const r = await check({
    name: 'Bảng',
    rows: [TITLE, [null, null, 'Hội Nông dân', null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], [1, 'Phường Hòa Lạc', 500, '85%'], [2, 'Phường Tân Thành', 600, 32], [3, 'Xã Yên Bình', 700, 33]],
    merges: ['C2:D2'],
  });
  const [bad] = of(r, 'invalid-value');
  expect(bad).toMatchObject({ unit: 'Phường Hòa Lạc', indicator: 'HND_KN', cell: 'D4', severity: 'error' });
  expect(bad.message).toBe('Phường Hòa Lạc: "Hội Nông dân – Kết nạp hội viên mới" ghi "85%", một tỷ lệ %, trong khi chỉ tiêu này đếm bằng người; không tính vào tổng, hãy ghi số người (ô D4).');
  expect(r.rollup.totals.get('HND_KN')).toBe(65);
  expect(r.rollup.incomplete.get('HND_KN')).toEqual(['Phường Hòa Lạc']);
});

describe('a second table below the first on the same sheet', () => {
  const second = (withTotals: boolean): Row[] => [
    TITLE,
    [null, null, 'Hội Nông dân', null],
    ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'],
    [1, 'Phường Hòa Lạc', 500, 31],
    [2, 'Phường Tân Thành', 600, 32],
    [3, 'Xã Yên Bình', 700, 33],
    ...(withTotals ? [[null, 'Tổng cộng', 1800, 96] as Row] : []),
    [],
    ['BẢNG TỔNG HỢP HỘI CỰU CHIẾN BINH NĂM 2023'],
    [null, null, 'Hội Cựu chiến binh', null],
    ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'],
    [1, 'Phường Hòa Lạc', 200, 11],
    [2, 'Phường Tân Thành', 300, 12],
    [3, 'Xã Yên Bình', 400, 13],
  ];
  test.each([[true], [false]])('with totals %s: its rows are never read with the first table\'s columns; it is read as a table of its own', async (withTotals) => {
    const r = await check({ name: 'Bảng', rows: second(withTotals), merges: withTotals ? ['C2:D2', 'C10:D10'] : ['C2:D2', 'C9:D9'] });
    expect(['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình'].map((u) => [figure(r, u, 'HND_HV'), figure(r, u, 'HND_KN'), figure(r, u, 'CCB_HV'), figure(r, u, 'CCB_KN')])).toEqual([
      [500, 31, 200, 11],
      [600, 32, 300, 12],
      [700, 33, 400, 13],
    ]);
    expect(r.rollup.totals.get('HND_HV')).toBe(1800);
    expect(r.rollup.totals.get('CCB_HV')).toBe(900);
    expect(of(r, 'duplicate-unit')).toEqual([]);
    expect(of(r, 'unmapped-row').filter((f) => f.severity === 'warning')).toEqual([]);
    expect(r.submissions[0].period).not.toBeNull();
    expect(r.submissions.map((s) => s.period)).toEqual(r.submissions.map(() => r.submissions[0].period));
  });

  test('rows below the table that no table header stands over are named in a warning, not read', async () => {
    const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...UNITS.map((u) => u.slice(0, 4) as Row), [null, 'Tổng cộng', 1800, 96], [], [1, 'Phường Hòa Lạc', 200, 11], [2, 'Phường Tân Thành', 300, 12]];
    const r = await check({ name: 'Bảng', rows, merges: ['C2:D2'] });
    expect(figure(r, 'Phường Hòa Lạc', 'HND_HV')).toBe(500);
    const below = of(r, 'unmapped-row').filter((f) => f.severity === 'warning');
    expect(below.map((f) => f.cell)).toEqual(['B9']);
    expect(below[0].message).toBe('Dưới bảng đã đọc còn 2 dòng ghi tên đơn vị có số liệu (từ dòng 9), có lẽ là một bảng khác trên cùng trang: không đọc các dòng này. Để mỗi bảng ở một trang tính riêng rồi gửi lại.');
  });
});

describe('two tables side by side, or a second column of names (found by an outside tester: figures went to the unit on the same row of the other table)', () => {
  const THREE = ['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình'];
  const members = (r: CheckResult) => THREE.map((u) => [figure(r, u, 'HND_HV'), figure(r, u, 'CCB_HV'), figure(r, u, 'CCB_KN')]);
  const RIGHT: [string, number, number][] = [
    ['Xã Yên Bình', 400, 13],
    ['Phường Hòa Lạc', 200, 11],
    ['Phường Tân Thành', 300, 12],
  ];

  test("the veterans' table beside the farmers', its units in another order: each figure is the unit's named on its left, and that is said", async () => {
    const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null, null, null, 'Hội Cựu chiến binh', null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới']];
    UNITS.forEach((u, i) => rows.push([u[0], u[1], u[2], u[3], i + 1, ...RIGHT[i]]));
    const r = await check({ name: 'Bảng', rows, merges: ['C2:D2', 'G2:H2'] });
    expect(members(r)).toEqual([
      [500, 200, 11],
      [600, 300, 12],
      [700, 400, 13],
    ]);
    expect(r.rollup.totals.get('CCB_HV')).toBe(900);
    expect(of(r, 'duplicate-unit')).toEqual([]);
    const said = of(r, 'unmapped-row').filter((f) => f.severity === 'warning');
    expect(said.map((f) => f.message)).toEqual(['Bảng có 2 cột ghi tên đơn vị (ô B3, F3): số liệu ở mỗi cột được tính cho đơn vị ghi ở cột tên gần nhất bên trái cột đó, trên cùng dòng.']);
  });

  test("the table on the right lacks a unit and ends with its total a row higher: no total is read as a unit's figure", async () => {
    const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null, null, 'Hội Cựu chiến binh', null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới']];
    rows.push([...UNITS[0].slice(0, 4), 'Phường Hòa Lạc', 200, 11], [...UNITS[1].slice(0, 4), 'Xã Yên Bình', 400, 13], [...UNITS[2].slice(0, 4), 'Tổng cộng', 600, 24], [null, 'Tổng cộng', 1800, 96]);
    const r = await check({ name: 'Bảng', rows, merges: ['C2:D2', 'F2:G2'] });
    expect(members(r)).toEqual([
      [500, 200, 11],
      [600, undefined, undefined],
      [700, 400, 13],
    ]);
    expect(r.rollup.totals.get('CCB_HV')).toBe(600);
    expect(r.rollup.totals.get('HND_HV')).toBe(1800);
    expect(of(r, 'inconsistent')).toEqual([]);
  });

  test('a column of names kept for sorting, shown on the left or hidden: the figures are read with the names beside them', async () => {
    for (const hiddenCols of [[], [1]]) {
      const rows: Row[] = [TITLE, ['Sắp xếp', 'STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới']];
      UNITS.forEach((u, i) => rows.push([RIGHT[i][0], u[0], u[1], u[2], u[3]]));
      const r = await check({ name: 'Bảng', rows: [rows[0], [null, null, null, 'Hội Nông dân', null], ...rows.slice(1)], merges: ['D2:E2'], hiddenCols });
      expect([hiddenCols, THREE.map((u) => [figure(r, u, 'HND_HV'), figure(r, u, 'HND_KN')])]).toEqual([
        hiddenCols,
        [
          [500, 31],
          [600, 32],
          [700, 33],
        ],
      ]);
      expect(of(r, 'unmapped-row').filter((f) => f.severity === 'warning').map((f) => f.cell)).toEqual(['C3']);
    }
  });

  test("a column naming one unit again and again (the cluster's leading commune) is a note, not a column of names", async () => {
    const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null, null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Cụm trưởng', 'Kết nạp hội viên mới']];
    UNITS.forEach((u) => rows.push([u[0], u[1], u[2], 'Phường Hòa Lạc', u[3]]));
    const r = await check({ name: 'Bảng', rows, merges: ['C2:E2'] });
    expect(THREE.map((u) => [figure(r, u, 'HND_HV'), figure(r, u, 'HND_KN')])).toEqual([
      [500, 31],
      [600, 32],
      [700, 33],
    ]);
  });

  test('a second column repeating the same names on the same rows says nothing', async () => {
    const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null, null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'Địa bàn']];
    UNITS.forEach((u) => rows.push([u[0], u[1], u[2], u[3], u[1]]));
    const r = await check({ name: 'Bảng', rows, merges: ['C2:D2'] });
    expect(THREE.map((u) => figure(r, u, 'HND_KN'))).toEqual([31, 32, 33]);
    expect(of(r, 'unmapped-row').filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('"Tổng cộng" or a cluster\'s heading in the row-number column, right under the header (found by an outside tester: the file was refused as holding no table)', () => {
  const header: Row[] = [TITLE, ['STT', 'Đơn vị', 'Hội Nông dân', null], [null, null, 'Tổng số hội viên', 'Kết nạp hội viên mới']];
  const body = UNITS.map((u) => u.slice(0, 4) as Row);
  test.each<[string, Row, string[]]>([
    ['"Tổng cộng" merged over STT and the unit column', ['Tổng cộng', null, 1800, 96], ['A2:A3', 'B2:B3', 'C2:D2', 'A4:B4']],
    ['"Tổng cộng" in the STT column alone', ['Tổng cộng', null, 1800, 96], ['A2:A3', 'B2:B3', 'C2:D2']],
    ['a wrong "Tổng cộng"', ['Tổng cộng', null, 1900, 96], ['A2:A3', 'B2:B3', 'C2:D2']],
    ['"Cụm 1" in the STT column', ['Cụm 1', null, null, null], ['A2:A3', 'B2:B3', 'C2:D2']],
  ])('%s', async (what, first, merges) => {
    const r = await check({ name: 'Bảng', rows: [...header, first, ...body], merges });
    expect(of(r, 'no-table')).toEqual([]);
    expect(['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình'].map((u) => [figure(r, u, 'HND_HV'), figure(r, u, 'HND_KN')])).toEqual([
      [500, 31],
      [600, 32],
      [700, 33],
    ]);
    expect(r.rollup.totals.get('HND_HV')).toBe(1800);
    const wrong = of(r, 'inconsistent').map((f) => [f.cell, f.actual, f.expected]);
    expect(wrong).toEqual(what === 'a wrong "Tổng cộng"' ? [['C4', 1900, 1800]] : []);
  });
});

describe("sub-columns under an indicator's name (found by an outside tester: the indicator was dropped for every unit)", () => {
  test.each<[string, Row]>([
    ['"Kế hoạch | Thực hiện"', ['Kế hoạch', 'Thực hiện']],
    ['"Năm 2022 | Năm 2023"', ['Năm 2022', 'Năm 2023']],
    ['"Thực hiện | Tỷ lệ %"', ['Thực hiện', 'Tỷ lệ %']],
    ['"Cùng kỳ | Thực hiện"', ['Cùng kỳ', 'Thực hiện']],
    // A period alone, as PERIOD_HEADER reads figure columns: the report's year, not its six months.
    ['"6 tháng | Cả năm"', ['6 tháng', 'Cả năm']],
    ['"KH năm 2023 | Năm 2023"', ['KH năm 2023', 'Năm 2023']],
  ])('%s: the figure is the report\'s own column, the other is not read', async (what, sub) => {
    const figures = (u: Row): [number, number] => (sub[0] === 'Thực hiện' ? [u[3] as number, 99] : [9, u[3] as number]);
    const rows: Row[] = [TITLE, ['STT', 'Đơn vị', 'Hội Nông dân', null, null], [null, null, 'Tổng số hội viên', 'Kết nạp hội viên mới', null], [null, null, null, ...sub], ...UNITS.map((u) => [u[0], u[1], u[2], ...figures(u)] as Row)];
    const r = await check({ name: 'Bảng', rows, merges: ['A2:A4', 'B2:B4', 'C2:E2', 'C3:C4', 'D3:E3'] });
    expect([what, ['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình'].map((u) => [figure(r, u, 'HND_HV'), figure(r, u, 'HND_KN')])]).toEqual([
      what,
      [
        [500, 31],
        [600, 32],
        [700, 33],
      ],
    ]);
    expect(of(r, 'unmapped-row').filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('two sub-columns nothing tells apart ("TH trong kỳ | Lũy kế") are not guessed at: a warning names both', async () => {
    const rows: Row[] = [TITLE, ['STT', 'Đơn vị', 'Hội Nông dân', null, null], [null, null, 'Tổng số hội viên', 'Kết nạp hội viên mới', null], [null, null, null, 'TH trong kỳ', 'Lũy kế'], ...UNITS.map((u) => [u[0], u[1], u[2], u[3], 99] as Row)];
    const r = await check({ name: 'Bảng', rows, merges: ['A2:A4', 'B2:B4', 'C2:E2', 'C3:C4', 'D3:E3'] });
    expect(figure(r, 'Phường Hòa Lạc', 'HND_KN')).toBeUndefined();
    expect(of(r, 'unmapped-row').filter((f) => f.severity === 'warning').map((f) => f.cell)).toEqual(['D4']);
  });
});

test('a unit typed twice in one table: the lower row is used, and the warning names both rows by their cells', async () => {
  const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...UNITS.map((u) => u.slice(0, 4) as Row), [4, 'Xã Yên Bình', 710, 34]];
  const r = await check({ name: 'Bảng', rows, merges: ['C2:D2'] });
  expect(figure(r, 'Xã Yên Bình', 'HND_HV')).toBe(710);
  expect(of(r, 'duplicate-unit').map((f) => f.message)).toEqual([
    'Xã Yên Bình gửi 2 báo cáo: "bang.xlsx" (trang "Bảng", ô B6, không ghi ngày), "bang.xlsx" (trang "Bảng", ô B7, không ghi ngày). Dùng "bang.xlsx" (trang "Bảng", ô B7) vì cùng một trang, không có gì khác để phân biệt, lấy dòng ghi sau; nếu sai, xóa dòng thừa rồi gửi lại.',
  ]);
});

test('a note after a unit\'s name ("Xã Yên Bình (chưa báo cáo)") is not part of it: the row is the unit\'s, its blanks said (found by an outside tester: an unknown unit, and the unit "not sent")', async () => {
  const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...UNITS.slice(0, 2).map((u) => u.slice(0, 4) as Row), [3, 'Xã Yên Bình (chưa báo cáo)', null, null]];
  const r = await check({ name: 'Bảng', rows, merges: ['C2:D2'] });
  expect(of(r, 'unknown-unit')).toEqual([]);
  expect(of(r, 'missing-value').filter((f) => f.unit === 'Xã Yên Bình' && f.cell).map((f) => f.cell)).toEqual(['C6', 'D6']);
  expect(r.units.find((u) => u.unit === 'Xã Yên Bình')!.status).not.toBe('missing');
});

test("the same indicator's column twice, one of them hidden (last year's copy kept): the shown one is read (found by an outside tester: both were dropped)", async () => {
  const rows: Row[] = [TITLE, [null, null, 'Hội Nông dân', null, null], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Tổng số hội viên', 'Kết nạp hội viên mới'], ...UNITS.map((u) => [u[0], u[1], 1, u[2], u[3]] as Row)];
  const r = await check({ name: 'Bảng', rows, merges: ['C2:E2'], hiddenCols: [3] });
  expect(['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình'].map((u) => [figure(r, u, 'HND_HV'), figure(r, u, 'HND_KN')])).toEqual([
    [500, 31],
    [600, 32],
    [700, 33],
  ]);
  // Which column was read is said, so a staff member who unhides the old one knows.
  expect(of(r, 'unmapped-row').map((f) => [f.severity, f.cell])).toEqual([['info', 'C3']]);
  // Both shown: which is whose cannot be known, and that is said.
  const both = await check({ name: 'Bảng', rows, merges: ['C2:E2'] });
  expect(figure(both, 'Phường Hòa Lạc', 'HND_HV')).toBeUndefined();
  expect(of(both, 'unmapped-row').filter((f) => f.severity === 'warning').map((f) => f.cell)).toEqual(['C3']);
});

describe('look-alike columns', () => {
  test.each<[string, Row]>([
    ['a plan column before the figure', ['STT', 'Đơn vị', 'Kế hoạch kết nạp hội viên mới', 'Kết nạp hội viên mới', 'Tổng số hội viên']],
    ['last year\'s column before the figure', ['STT', 'Đơn vị', 'Kết nạp hội viên mới năm 2022', 'Kết nạp hội viên mới', 'Tổng số hội viên']],
    ['the women\'s column before the figure', ['STT', 'Đơn vị', 'Kết nạp hội viên mới là nữ', 'Kết nạp hội viên mới', 'Tổng số hội viên']],
  ])('%s: the column naming the indicator is its figure; the other is said', async (_, header) => {
    // Column C holds 9, 8, 7 (the look-alike's); D the new members 31, 32, 33; E the members.
    const units: Row[] = [
      [1, 'Phường Hòa Lạc', 9, 31, 500],
      [2, 'Phường Tân Thành', 8, 32, 600],
      [3, 'Xã Yên Bình', 7, 33, 700],
    ];
    const r = await check({ name: 'Bảng', rows: [['BẢNG TỔNG HỢP HỘI NÔNG DÂN NĂM 2023'], header, ...units] });
    expect(['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình'].map((u) => [figure(r, u, 'HND_KN'), figure(r, u, 'HND_HV')])).toEqual([
      [31, 500],
      [32, 600],
      [33, 700],
    ]);
    expect(of(r, 'unmapped-row').map((f) => [f.severity, f.cell])).toEqual([['info', 'C2']]);
  });

  test('a column naming (by its alias) an indicator a column before it already gives is a warning naming both', async () => {
    const header: Row = ['STT', 'Đơn vị', 'Kết nạp hội viên mới', 'Tổng số hội viên', 'Số hội viên kết nạp mới'];
    const units: Row[] = [[1, 'Phường Hòa Lạc', 31, 500, 30]];
    const r = await check({ name: 'Bảng', rows: [['BẢNG TỔNG HỢP HỘI NÔNG DÂN NĂM 2023'], header, ...units] });
    expect(figure(r, 'Phường Hòa Lạc', 'HND_KN')).toBe(31);
    const said = of(r, 'unmapped-row');
    expect(said.map((f) => [f.severity, f.cell])).toEqual([['warning', 'E2']]);
    expect(said[0].message).toBe('Cột "Số hội viên kết nạp mới" (ô E2) cũng là chỉ tiêu HND_KN (Hội Nông dân – Kết nạp hội viên mới), đã lấy số liệu ở cột có tiêu đề ô C2: không đọc cột này.');
  });
});

test("an association's title in the first column, right above the header: the table is that association's (once, the title was taken for a group row and the table lost)", async () => {
  const r = await check({ name: 'Bảng', rows: [['BẢNG TỔNG HỢP HỘI CỰU CHIẾN BINH NĂM 2023'], ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới'], [1, 'Phường Hòa Lạc', 200, 11]] });
  expect([figure(r, 'Phường Hòa Lạc', 'CCB_HV'), figure(r, 'Phường Hòa Lạc', 'CCB_KN'), figure(r, 'Phường Hòa Lạc', 'HND_HV')]).toEqual([200, 11, undefined]);
  expect(of(r, 'no-table')).toEqual([]);
});
