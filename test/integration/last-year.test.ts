// "Cùng kỳ": the same period last year, read from the column reports carry under any of the
// offices' wordings, summed like for like for the area, and shown under "Tổng cộng".
import { planOutput, toResultJson } from '../../src/core';
import { LAST_YEAR_LABELS } from '../../src/core/plan-last-year';
import { Figures, checkLastYear, plausible } from '../helpers/last-year';

const six = () => [0, 1, 2, 3, 4, 5].map(plausible);

describe('Cùng kỳ', () => {
  test('each wording offices use is read as last year, and a "So với cùng kỳ" column is not', async () => {
    const headers = ['Cùng kỳ', 'Cùng kỳ năm trước', 'CK năm trước', 'Thực hiện cùng kỳ năm 2022', 'Cùng kỳ năm 2022', 'TH CK'];
    const r = await checkLastYear(six(), { headers });
    for (const row of r.rows) {
      const entry = row.report!.entries.get('HND_HV')!;
      expect([row.unit, entry.lastYear?.address]).toEqual([row.unit, expect.stringMatching(/^E\d+$/)]);
    }
    expect(r.lastYear!.byUnit.get('Phường Hòa Lạc')!.get('HND_HV')!.value).toBe(480 - 12);
  });

  test('the area compares like for like: a unit without a "Cùng kỳ" is left out of both years', async () => {
    const units: Figures[] = six();
    units[2] = { ...units[2], HND_KN: [units[2].HND_KN[0], null] };
    const r = await checkLastYear(units);
    const kn = r.lastYear!.area.get('HND_KN')!;
    const kept = [0, 1, 3, 4, 5];
    expect(kn).toEqual({
      now: kept.reduce((s, i) => s + units[i].HND_KN[0]!, 0),
      before: kept.reduce((s, i) => s + units[i].HND_KN[1]!, 0),
      units: 5,
      of: 6,
    });
    // The whole-area total still counts every unit.
    expect(toResultJson(r).totals.HND_KN).toBe(units.reduce((s, u) => s + u.HND_KN[0]!, 0));
    expect(toResultJson(r).lastYear!.HND_KN).toEqual(kn);
  });

  test('a rate compares its parts summed each year, and only when every unit gave both years of every part', async () => {
    const rate = [{ code: 'TL_KN', section: 'Hội Nông dân', name: 'Tỷ lệ kết nạp', uom: '%', formula: 'HND_KN / HND_HV' }];
    const units = six();
    const sum = (code: string, year: 0 | 1) => units.reduce((s, u) => s + u[code][year]!, 0);
    const r = await checkLastYear(units, { extra: rate });
    const tl = r.lastYear!.area.get('TL_KN')!;
    expect(tl.now).toBeCloseTo(sum('HND_KN', 0) / sum('HND_HV', 0), 12);
    expect(tl.before).toBeCloseTo(sum('HND_KN', 1) / sum('HND_HV', 1), 12);
    expect([tl.units, tl.of]).toEqual([6, 6]);
    // One unit without last year's admissions: no like-for-like rate to compare, so none is given.
    units[3] = { ...units[3], HND_KN: [units[3].HND_KN[0], null] };
    const partial = await checkLastYear(units, { extra: rate });
    expect(partial.lastYear!.area.has('HND_KN')).toBe(true);
    expect(partial.lastYear!.area.has('TL_KN')).toBe(false);
  });

  test('"Tổng hợp" shows last year, the change and the change in per cent under "Tổng cộng"', async () => {
    const units = six();
    const r = await checkLastYear(units);
    const sheet = planOutput(r).sheets.find((s) => s.name === 'Tổng hợp')!;
    const at = (label: string) => sheet.cells.find((c) => 'text' in c.value && c.value.text === label)!.row;
    const total = at('Tổng cộng');
    expect([at(LAST_YEAR_LABELS.before), at(LAST_YEAR_LABELS.change), at(LAST_YEAR_LABELS.percent)]).toEqual([total + 1, total + 2, total + 3]);
    const col = sheet.cells.find((c) => 'text' in c.value && c.value.text === 'HND_HV')!.col;
    const value = (row: number) => (sheet.cells.find((c) => c.row === row && c.col === col)!.value as { number: number }).number;
    const before = units.reduce((s, u) => s + u.HND_HV[1]!, 0);
    const now = units.reduce((s, u) => s + u.HND_HV[0]!, 0);
    expect(value(total + 1)).toBe(before);
    expect(value(total + 2)).toBe(72); // each of the six grew by 12
    expect(value(total + 3)).toBeCloseTo((now - before) / before, 12);
  });

  test('without a "Cùng kỳ" column nothing is added', async () => {
    const units = six().map((u) => Object.fromEntries(Object.entries(u).map(([k, v]) => [k, [v[0], null]])) as Figures);
    const r = await checkLastYear(units);
    expect(r.lastYear).toBeUndefined();
    expect(toResultJson(r).lastYear).toBeUndefined();
    const sheet = planOutput(r).sheets.find((s) => s.name === 'Tổng hợp')!;
    expect(sheet.cells.some((c) => 'text' in c.value && c.value.text === LAST_YEAR_LABELS.before)).toBe(false);
  });
});
