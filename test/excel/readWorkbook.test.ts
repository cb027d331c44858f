import * as fs from 'fs';
import * as path from 'path';
import { setCell } from '../../src/core/model';
import { readWorkbook } from '../../src/excel/readWorkbook';
import { writePlan } from '../../src/excel/writePlan';
import { supportsUpTo } from '../../src/excel/requirements';
import { FakeExcel } from './fakeExcel';
import { countSyncs, flatten, withoutFonts } from './helpers';
import { looksLegacyVietnamese } from '../../src/excel/legacy';
import { unitWorkbook } from './units';
import { loadXlsx } from './xlsxModel';
import { README_SYNCS } from './readmeCounts';

const all = supportsUpTo('1.18');

describe('readWorkbook', () => {
  test.each([1, 30, 170])(`reads %i unit sheets in exactly ${README_SYNCS.read} syncs (the README's figure)`, async (n) => {
    const model = unitWorkbook(n, { legacyEvery: 7 });
    const host = new FakeExcel(model);
    const { result, syncs } = await countSyncs(host, () => readWorkbook(host.context(), { supports: all }));
    expect(syncs).toBe(README_SYNCS.read);
    expect(result.sheets).toHaveLength(n);
    expect(Math.max(...host.responseBytes)).toBeLessThan(5 * 1024 * 1024);
  });

  test('the model read back equals the workbook: values, formulas, formats, errors, dates, merges, hidden, legacy fonts', async () => {
    const model = unitWorkbook(8, { legacyEvery: 4 });
    const host = new FakeExcel(model);
    const read = await readWorkbook(host.context(), { supports: all });
    expect(read.name).toBe(model.name);
    expect(withoutFonts(read)).toEqual(withoutFonts(model));
    // Font names come back exactly for the legacy-looking texts, and only for them.
    for (const s of flatten(read))
      for (const c of Object.values(s.cells)) expect(c.font !== undefined).toBe(typeof c.value === 'string' && looksLegacyVietnamese(c.value));
    const s4 = read.sheets[3];
    expect(s4.rows[1]![1]!.font).toBe('.VnTime');
    expect(s4.rows[9]![2]!.font).toBe('.VnTime');
    expect(s4.rows[8]![2]!.font).toBeUndefined(); // "I. HỘI NÔNG DÂN" is Unicode
    expect(s4.rows[5]![7]!.font).toBe('Calibri'); // "Ghi chú" could be either: its font is read
    const s1 = read.sheets[0];
    const last = 8 + 8;
    expect(s1.rows[last]![5]).toEqual({ value: { error: '#DIV/0!' }, formula: '1/0' });
    expect(s1.rows[last]![7]).toEqual({ value: '#N/A', numFmt: '@' });
    expect(s1.rows[3]![1]!.value).toEqual(new Date(Date.UTC(2023, 11, 14)));
  });

  test('a hidden sheet is read and marked hidden, so a draft there never wins over the shown report', async () => {
    const model = unitWorkbook(3);
    model.sheets[1] = { ...model.sheets[1], hidden: true };
    const host = new FakeExcel(model);
    const read = await readWorkbook(host.context(), { supports: all });
    expect(read.sheets.map((s) => [s.name, s.hidden === true])).toEqual(model.sheets.map((s, i) => [s.name, i === 1]));
  });

  test('on an ExcelApi 1.7 host: same sync count, values and fonts, no merges or hidden rows', async () => {
    const model = unitWorkbook(5, { legacyEvery: 2 });
    const host = new FakeExcel(model, { api: '1.7' });
    const { result, syncs } = await countSyncs(host, () => readWorkbook(host.context(), { supports: host.isSetSupported }));
    expect(syncs).toBe(README_SYNCS.read);
    const want = withoutFonts(model).map((s) => ({ ...s, merges: [], hiddenRows: [], hiddenCols: [] }));
    expect(withoutFonts(result)).toEqual(want);
    expect(result.sheets[1].rows[1]![1]!.font).toBe('.VnTime');
  });

  test('a sheet too big for one response is read in row blocks over more syncs, each under the limit', async () => {
    const model = unitWorkbook(2, { extraRows: 6000 });
    const host = new FakeExcel(model, { payloadLimit: 1_000_000 });
    const { result, syncs } = await countSyncs(host, () => readWorkbook(host.context(), { supports: all, batchBytes: 800_000 }));
    expect(syncs).toBeGreaterThan(README_SYNCS.read);
    expect(Math.max(...host.responseBytes)).toBeLessThan(1_000_000);
    expect(withoutFonts(result)).toEqual(withoutFonts(model));
  });

  test('an estimate that is too low is recovered by splitting the batch', async () => {
    const model = unitWorkbook(3, { extraRows: 300 });
    const host = new FakeExcel(model, { payloadLimit: 60_000 });
    // The budget claims 200 kB fit; the host allows 60 kB.
    const result = await readWorkbook(host.context(), { supports: all, batchBytes: 200_000 });
    expect(withoutFonts(result)).toEqual(withoutFonts(model));
  });

  test('only the requested sheets; empty sheets; own output sheets and the undo sheet skipped', async () => {
    const model = unitWorkbook(3);
    const host = new FakeExcel(model);
    await writePlan(host.context(), { sheets: [{ name: 'Tổng hợp', cells: [{ row: 1, col: 1, value: { text: 'x' } }], merges: [], widths: [], frozenRows: 0, frozenCols: 0 }], flags: [] }, { supports: all });
    const ctx = host.context();
    ctx.workbook.worksheets.add('Trống');
    await ctx.sync();
    const read = await readWorkbook(host.context(), { supports: all });
    expect(read.sheets.map((s) => s.name)).toEqual(['Xã 1', 'Xã 2', 'Xã 3', 'Trống']);
    expect(read.sheets[3].rows).toEqual([]);
    const some = await readWorkbook(host.context(), { supports: all, sheets: ['Xã 2'] });
    expect(some.sheets.map((s) => s.name)).toEqual(['Xã 2']);
    await expect(readWorkbook(host.context(), { supports: all, sheets: ['Xã 9'] })).rejects.toThrow(/Xã 9/);
  });

  const dir = path.resolve(__dirname, '../../examples');
  const files = fs.existsSync(dir)
    ? [path.join(dir, 'chi-tieu-2023.xlsx'), ...fs.readdirSync(path.join(dir, 'bao-cao')).map((f) => path.join(dir, 'bao-cao', f))]
    : [];
  test.each(files.map((f) => [path.basename(f), f]))('real fixture %s reads back as loaded', async (_n, file) => {
    const model = await loadXlsx(file);
    const host = new FakeExcel(model);
    const { result, syncs } = await countSyncs(host, () => readWorkbook(host.context(), { supports: all }));
    expect(syncs).toBe(README_SYNCS.read);
    expect(withoutFonts(result)).toEqual(withoutFonts(model));
    // Fonts are read for legacy-looking text only, and then they are the file's.
    const byAddr = flatten(model);
    flatten(result).forEach((s, i) => {
      for (const [k, c] of Object.entries(s.cells)) if (c.font !== undefined) expect(c.font).toBe(byAddr[i].cells[k].font ?? 'Calibri');
    });
  });
});

describe('what real Excel answers, read as it is meant', () => {
  test('text that looks like a formula stays text; a real formula stays a formula', async () => {
    const model = unitWorkbook(1);
    const s = model.sheets[0];
    // Typed into text cells on purpose: Excel keeps them as text, and `formulas` answers the text itself.
    setCell(s, 30, 2, { value: '= 0', numFmt: '@' });
    setCell(s, 31, 2, { value: '=SUM(A1)', numFmt: '@' });
    setCell(s, 32, 2, { value: '=', numFmt: '@' });
    setCell(s, 33, 2, { value: 7, formula: 'SUM(E9:E10)' });
    setCell(s, 34, 2, { value: '=1', formula: '"="&"1"' });
    const host = new FakeExcel(model);
    const read = await readWorkbook(host.context(), { supports: all });
    const cell = (r: number) => read.sheets[0].rows[r]![2];
    expect(cell(30)).toEqual({ value: '= 0', numFmt: '@' });
    expect(cell(31)).toEqual({ value: '=SUM(A1)', numFmt: '@' });
    expect(cell(32)).toEqual({ value: '=', numFmt: '@' });
    expect(cell(33)).toEqual({ value: 7, formula: 'SUM(E9:E10)' });
    // A formula whose result is text starting with "=" is still a formula.
    expect(cell(34)).toEqual({ value: '=1', formula: '"="&"1"' });
  });

  test('a sheet with 2,000 merged areas reads whole: no call meets more than 512', async () => {
    const model = unitWorkbook(1, { extraRows: 2000 });
    const s = model.sheets[0];
    // Each extra row's label merged over two columns (B:C) and its note over two more (G:H).
    for (let r = 20; r < 1020; r++) s.merges.push({ top: r, left: 2, bottom: r, right: 3 }, { top: r, left: 7, bottom: r, right: 8 });
    const host = new FakeExcel(model);
    const { result, syncs } = await countSyncs(host, () => readWorkbook(host.context(), { supports: all }));
    expect(syncs).toBe(README_SYNCS.read);
    expect(result.sheets[0].merges.length).toBe(s.merges.length);
    expect(flatten(result)[0].merges).toEqual(flatten(model)[0].merges);
  });
});
