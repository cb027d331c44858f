// An area rate whose parts are not given by the same units is computed like for like: over the
// units that gave every part, as numerator and denominator must be. Before, a unit's invalid
// denominator was left out below but its numerator kept above: (980 + 480) / 500 = 292 %.
import { CheckSession, planOutput, readRules, toResultJson } from '../../src/core';
import type { CheckResult } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { BASE_INDICATORS, goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';

const AREA_RATE = BASE_INDICATORS.map((i) => (i.code === 'TL_GDVH' ? { ...i, scope: 'Toàn địa bàn' } : i));

async function check(figures: Array<[string, Record<string, number | string>]>): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ indicators: AREA_RATE, checks: [] }), 'rules.xlsx'));
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  for (const [unit, over] of figures) session.addWorkbook(await readWorkbookBuffer(await xlsx([reportSheet({ unitLine: `ĐẢNG ỦY ${unit.toUpperCase()}`, rows: goodRows(over) })]), `${unit}.xlsx`));
  return session.finish();
}

test('a unit whose denominator is not a number is left out of the numerator too, and every place says over how many units', async () => {
  const r = await check([
    ['Phường Hòa Lạc', { SO_HO: 'khoảng 1000', GDVH_DK: 980 }],
    ['Phường Tân Thành', { SO_HO: 500, GDVH_DK: 480 }],
    ['Xã Yên Bình', { SO_HO: 400, GDVH_DK: 360 }],
  ]);
  // Totals stay what each column sums; the rate is (480 + 360) / (500 + 400).
  expect(r.rollup.totals.get('GDVH_DK')).toBe(1820);
  expect(r.rollup.totals.get('SO_HO')).toBe(900);
  expect(r.rollup.ratios.get('TL_GDVH')).toBeCloseTo(840 / 900, 12);
  expect(toResultJson(r).rateBasis).toEqual({ TL_GDVH: { units: 2, of: 3, parts: { GDVH_DK: 840, SO_HO: 900 } } });
  // The area's shortfall gives the parts it rests on and the unit left out.
  const area = r.findings.find((f) => f.unit === '*' && f.indicator === 'TL_GDVH')!;
  expect(area.message).toContain('840/900, trên 2/3 đơn vị có đủ số liệu');
  expect(area.message).toContain('Phường Hòa Lạc');
  // "Tỷ lệ" computes the same in Excel: each part a SUMPRODUCT over the rows where every part is a number.
  const rates = planOutput(r).sheets.find((s) => s.name === 'Tỷ lệ')!;
  const areaRow = rates.cells.find((c) => 'text' in c.value && c.value.text === 'Toàn địa bàn')!.row;
  const cell = rates.cells.find((c) => c.row === areaRow && 'formula' in c.value)!;
  const formula = (cell.value as { formula: string }).formula;
  expect(formula.match(/SUMPRODUCT\(--ISNUMBER\([^)]+\),--ISNUMBER\([^)]+\),[^)]+\)/g)).toHaveLength(2);
  expect(cell.note).toContain('2/3 đơn vị');
});

test('when every unit gives every part, the rate is the quotient of the totals, as before', async () => {
  const r = await check([
    ['Phường Hòa Lạc', { SO_HO: 1000, GDVH_DK: 980 }],
    ['Phường Tân Thành', { SO_HO: 500, GDVH_DK: 480 }],
  ]);
  expect(r.rollup.ratios.get('TL_GDVH')).toBeCloseTo(1460 / 1500, 12);
  expect(toResultJson(r).rateBasis).toBeUndefined();
  const rates = planOutput(r).sheets.find((s) => s.name === 'Tỷ lệ')!;
  expect(rates.cells.some((c) => 'formula' in c.value && c.value.formula.includes('SUMPRODUCT'))).toBe(false);
});
