// Comparing a check with an earlier ket-qua.json: the earlier file is written out here by hand,
// as an older run of the command line would have left it.
import { CheckSession, compareChecks, readPrevious, readRules } from '../../src/core';
import { PreviousResultError } from '../../src/core/changes';
import { rulesModel, sheetOf, workbookOf } from '../helpers/model';

const RULES = rulesModel([['HV', 'Hội Nông dân', 'Tổng số hội viên', '', 'người', 'ít nhất 100', 'Mỗi đơn vị', 'Lỗi', '']], {
  roster: [
    ['Phường Hòa Lạc', '', 'Phường'],
    ['Xã Yên Bình', '', 'Xã'],
    ['Xã Minh Khai', '', 'Xã'],
  ],
});

const report = (unit: string, value: number) => workbookOf(`${unit}.xlsx`, sheetOf('Biểu 01', [[`ĐẢNG ỦY ${unit.toUpperCase()}`], [], ['STT', 'Nội dung', 'Thực hiện'], [1, 'Tổng số hội viên', value]]));

function current(...books: ReturnType<typeof report>[]) {
  const { rules, problems } = readRules(RULES);
  const s = new CheckSession(rules, problems);
  books.forEach((b) => s.addWorkbook(b));
  return s.finish();
}

const shortfall = (unit: string) => ({ kind: 'shortfall', severity: 'error', unit, indicator: 'HV', check: null, against: 'target', message: `${unit}: thiếu`, file: `${unit}.xlsx`, sheet: 'Biểu 01', actual: 50 });

describe('compareChecks', () => {
  test('findings new, fixed, still open; units newly sent, newly readable, no longer read; figures changed', () => {
    const previous = readPrevious(
      {
        period: { label: 'Năm 2023' },
        findings: [shortfall('Phường Hòa Lạc'), shortfall('Xã Yên Bình'), { kind: 'missing-unit', severity: 'error', unit: 'Xã Minh Khai', indicator: null, check: null, message: 'chưa gửi' }],
        units: [
          { unit: 'Phường Hòa Lạc', status: 'errors', figures: { HV: 50 } },
          { unit: 'Xã Yên Bình', status: 'errors', figures: { HV: 60 } },
          { unit: 'Xã Minh Khai', status: 'missing' },
        ],
        totals: { HV: 110 },
      },
      'cu.json',
    );
    // Hòa Lạc corrected; Yên Bình still short with another figure; Minh Khai sent, and falls short.
    const c = compareChecks(previous, 'cu.json', current(report('Phường Hòa Lạc', 120), report('Xã Yên Bình', 70), report('Xã Minh Khai', 10)));
    expect(c.findings.fixed.map((f) => `${f.unit} ${f.kind}`)).toEqual(['Phường Hòa Lạc shortfall', 'Xã Minh Khai missing-unit']);
    expect(c.findings.new.map((f) => `${f.unit} ${f.kind}`)).toEqual(['Xã Minh Khai shortfall']);
    expect(c.findings.open).toBe(1);
    expect(c.units).toEqual({ newlySent: ['Xã Minh Khai'], newlyReadable: [], noLongerRead: [] });
    expect(c.figures).toEqual([
      { unit: 'Phường Hòa Lạc', indicator: 'HV', before: 50, after: 120 },
      { unit: 'Xã Yên Bình', indicator: 'HV', before: 60, after: 70 },
      { unit: 'Xã Minh Khai', indicator: 'HV', before: null, after: 10 },
      { unit: '*', indicator: 'HV', before: 110, after: 200 },
    ]);
  });

  test('a unit read before and not now, and one unreadable before and read now', () => {
    const previous = readPrevious(
      { findings: [], units: [{ unit: 'Phường Hòa Lạc', status: 'ok', figures: { HV: 150 } }, { unit: 'Xã Yên Bình', status: 'unreadable' }], totals: {} },
      'cu.json',
    );
    const c = compareChecks(previous, 'cu.json', current(report('Xã Yên Bình', 150)));
    expect(c.units).toEqual({ newlySent: [], newlyReadable: ['Xã Yên Bình'], noLongerRead: ['Phường Hòa Lạc'] });
    expect(c.findings.new.map((f) => `${f.unit} ${f.kind}`)).toEqual(['Phường Hòa Lạc missing-unit', 'Xã Minh Khai missing-unit']);
  });

  test("a unit that sent nothing this time, or nothing readable: its findings are not checked again, never fixed; nor an area finding the unit's absence removed (found by an outside tester)", () => {
    const area = { kind: 'shortfall', severity: 'error', unit: '*', indicator: 'HV', check: null, against: 'target', message: 'Toàn địa bàn: thiếu' };
    const previous = readPrevious(
      {
        findings: [shortfall('Phường Hòa Lạc'), shortfall('Xã Yên Bình'), area],
        units: [
          { unit: 'Phường Hòa Lạc', status: 'errors', figures: { HV: 50 } },
          { unit: 'Xã Yên Bình', status: 'errors', figures: { HV: 60 } },
          { unit: 'Xã Minh Khai', status: 'ok', figures: { HV: 150 } },
        ],
        totals: { HV: 260 },
      },
      'cu.json',
    );
    // Yên Bình corrected; Hòa Lạc sent nothing this time.
    const c = compareChecks(previous, 'cu.json', current(report('Xã Yên Bình', 120), report('Xã Minh Khai', 150)));
    expect(c.findings.fixed.map((f) => f.unit)).toEqual(['Xã Yên Bình']);
    expect(c.findings.notRechecked.map((f) => f.unit)).toEqual(['Phường Hòa Lạc', '*']);
    expect(c.units.noLongerRead).toEqual(['Phường Hòa Lạc']);
    // Every unit read again: the area's finding gone is fixed.
    const all = compareChecks(previous, 'cu.json', current(report('Phường Hòa Lạc', 120), report('Xã Yên Bình', 120), report('Xã Minh Khai', 150)));
    expect(all.findings.fixed.map((f) => f.unit)).toEqual(['Phường Hòa Lạc', 'Xã Yên Bình', '*']);
    expect(all.findings.notRechecked).toEqual([]);
  });

  test('an earlier file without figures per unit: findings compared, figures said not to be', () => {
    const c = compareChecks(readPrevious({ findings: [], units: [{ unit: 'Phường Hòa Lạc', status: 'ok' }] }, 'cu.json'), 'cu.json', current(report('Phường Hòa Lạc', 150)));
    expect(c.figuresNotCompared).toBe('tệp kết quả lần trước không ghi số liệu của từng đơn vị');
  });

  test('not an earlier result: a message naming the file', () => {
    expect(() => readPrevious([], 'x.json')).toThrow(PreviousResultError);
    expect(() => readPrevious({ findings: [] }, 'x.json')).toThrow('Tệp "x.json" không phải kết quả kiểm tra (ket-qua.json) của chương trình này: thiếu danh sách "units".');
  });
});
