import { OutputPlan, PlannedSheet } from '../../src/core/plan';
import { writePlan } from '../../src/excel/writePlan';
import { supportsUpTo } from '../../src/excel/requirements';
import { FakeExcel } from './fakeExcel';
import { countSyncs } from './helpers';
import { unitWorkbook } from './units';
import { README_SYNCS } from './readmeCounts';

const all = supportsUpTo('1.18');

function rollup(name = 'Tổng hợp', marker = 'lần 1'): PlannedSheet {
  return {
    name,
    cells: [
      { row: 1, col: 1, value: { text: `TỔNG HỢP KẾT QUẢ (${marker})` }, bold: true },
      { row: 3, col: 1, value: { text: 'Đơn vị' }, bold: true, fill: 'D9E1F2', align: 'center' },
      { row: 3, col: 2, value: { text: 'Kế hoạch' }, bold: true, fill: 'D9E1F2', align: 'center' },
      { row: 3, col: 3, value: { text: 'Thực hiện' }, bold: true, fill: 'D9E1F2', align: 'center' },
      { row: 3, col: 4, value: { text: 'Tỷ lệ' }, bold: true, fill: 'D9E1F2', align: 'center', wrap: true },
      { row: 4, col: 1, value: { text: 'Xã 1' } },
      { row: 4, col: 2, value: { number: 200 }, numFmt: '#,##0' },
      { row: 4, col: 3, value: { number: 187 }, numFmt: '#,##0' },
      { row: 4, col: 4, value: { formula: 'C4/B4' }, numFmt: '0.00%', fill: 'FFC7CE', note: 'Chưa đạt chỉ tiêu' },
      { row: 5, col: 1, value: { text: 'Xã 2' } },
      { row: 5, col: 2, value: { number: 80 }, numFmt: '#,##0' },
      { row: 5, col: 3, value: { number: 90 }, numFmt: '#,##0' },
      { row: 5, col: 4, value: { formula: 'C5/B5' }, numFmt: '0.00%' },
      { row: 6, col: 1, value: { text: '=1+1' } },
      { row: 6, col: 2, value: { text: '+84 912' } },
      { row: 6, col: 3, value: { text: '-' } },
      { row: 6, col: 4, value: { text: '@abc' } },
      { row: 7, col: 1, value: { text: '0012' } },
      { row: 7, col: 2, value: { empty: true } },
      { row: 7, col: 3, value: { text: "'trích dẫn" } },
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
    widths: [24, 12, 12, 10],
    frozenRows: 3,
    frozenCols: 1,
    autoFilter: 'A3:D5',
  };
}

function plan(...sheets: PlannedSheet[]): OutputPlan {
  return { sheets, flags: [] };
}

describe('writePlan', () => {
  test(`writes a plan in exactly ${README_SYNCS.write} syncs (the README's figure)`, async () => {
    const host = new FakeExcel(unitWorkbook(3));
    const { result, syncs } = await countSyncs(host, () => writePlan(host.context(), plan(rollup(), rollup('Thiếu hụt')), { supports: all }));
    expect(syncs).toBe(README_SYNCS.write);
    expect(result.sheets).toEqual([
      { planned: 'Tổng hợp', written: 'Tổng hợp' },
      { planned: 'Thiếu hụt', written: 'Thiếu hụt' },
    ]);
    expect(host.sheetNames()).toEqual(['Xã 1', 'Xã 2', 'Xã 3', 'Tổng hợp', 'Thiếu hụt']);
  });

  test('text that looks like a formula, a phone number, a dash or "@" lands as text', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    await writePlan(host.context(), plan(rollup()), { supports: all });
    const s = host.sheet('Tổng hợp');
    for (const [row, col, text] of [
      [6, 1, '=1+1'],
      [6, 2, '+84 912'],
      [6, 3, '-'],
      [6, 4, '@abc'],
      [7, 1, '0012'],
      [7, 3, "'trích dẫn"],
    ] as const) {
      const c = s.get(row, col)!;
      expect(c.value).toBe(text);
      expect(c.formula).toBeUndefined();
      expect(c.error).toBeUndefined();
      expect(c.numFmt).toBe('@');
    }
    expect(s.get(4, 2)).toMatchObject({ value: 200, numFmt: '#,##0' });
    expect(s.get(4, 4)).toMatchObject({ formula: 'C4/B4', numFmt: '0.00%' });
    expect(s.get(5, 4)!.formula).toBe('C5/B5');
    expect(s.get(7, 2)?.value ?? null).toBeNull();
  });

  test('text Excel would turn into a number, a date, a boolean or an error lands as the text itself', async () => {
    const texts = ['50%', '1,234', '1/2', 'TRUE', '(5)', '-5', '#N/A', '2023-01-02', '=SUM(A1)'];
    const host = new FakeExcel(unitWorkbook(1));
    const sheet: PlannedSheet = { name: 'Tổng hợp', cells: texts.map((t, i) => ({ row: 1, col: i + 1, value: { text: t } })), merges: [], widths: [], frozenRows: 0, frozenCols: 0 };
    await writePlan(host.context(), plan(sheet), { supports: all });
    const ctx = host.context();
    const r = ctx.workbook.worksheets.getItem('Tổng hợp').getRangeByIndexes(0, 0, 1, texts.length).load('values,valueTypes');
    await ctx.sync();
    expect(r.values[0]).toEqual(texts);
    expect(r.valueTypes[0]).toEqual(texts.map(() => 'String'));
  });

  test('a text over 32,767 characters or a formula over 8,192 is refused before anything is written', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const one = (value: PlannedSheet['cells'][number]['value']): PlannedSheet => ({ name: 'Tổng hợp', cells: [{ row: 2, col: 3, value }], merges: [], widths: [], frozenRows: 0, frozenCols: 0 });
    await expect(writePlan(host.context(), plan(one({ text: 'x'.repeat(32768) })), { supports: all })).rejects.toThrow('Ô C2 trang "Tổng hợp" có 32768 ký tự; một ô Excel chứa tối đa 32.767 ký tự');
    await expect(writePlan(host.context(), plan(one({ formula: `${'1+'.repeat(4095)}12` })), { supports: all })).rejects.toThrow('Công thức ở ô C2 trang "Tổng hợp" dài 8193 ký tự; Excel nhận tối đa 8.192 ký tự');
    expect(host.syncCount).toBe(0);
    await writePlan(host.context(), plan(one({ text: 'x'.repeat(32767) })), { supports: all });
    expect(String(host.sheet('Tổng hợp').get(2, 3)!.value)).toHaveLength(32767);
  });

  test('formats: bold, fills, wrap, alignment, merges, widths, frozen panes, autofilter, notes', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const before = host.requestBytes.length;
    await writePlan(host.context(), plan(rollup()), { supports: all });
    const s = host.sheet('Tổng hợp');
    expect(s.get(1, 1)!.bold).toBe(true);
    expect(s.get(3, 4)).toMatchObject({ bold: true, fill: { pattern: 'Solid', color: '#D9E1F2' }, wrap: true, align: 'Center' });
    expect(s.get(4, 4)!.fill.color).toBe('#FFC7CE');
    expect(s.get(4, 1)!.bold).toBe(false);
    expect(s.get(4, 1)!.fill.pattern).toBe('None');
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(s.widths.get(1)).toBeCloseTo((24 * 7 + 5) * 0.75);
    expect(s.widths.get(2)).toBe(s.widths.get(3));
    expect(s.frozen).toEqual({ rows: 3, cols: 1 });
    expect(s.autoFilter).toBe('A3:D5');
    expect(s.notes.get('D4')).toBe('Chưa đạt chỉ tiêu');
    expect(host.requestBytes.length - before).toBe(README_SYNCS.write);
  });

  test('on an ExcelApi 1.7 host: same syncs, one call per rectangle, no autofilter or notes', async () => {
    const host = new FakeExcel(unitWorkbook(1), { api: '1.7' });
    const { syncs } = await countSyncs(host, () => writePlan(host.context(), plan(rollup()), { supports: host.isSetSupported }));
    expect(syncs).toBe(README_SYNCS.write);
    const s = host.sheet('Tổng hợp');
    expect(s.get(3, 2)!.fill.color).toBe('#D9E1F2');
    expect(s.get(6, 1)!.value).toBe('=1+1');
    expect(s.autoFilter).toBeUndefined();
    expect(s.notes.size).toBe(0);
  });

  test('page layout on ExcelApi 1.9: A4 landscape, one page wide, title rows, print area, footer; row heights; same syncs', async () => {
    const host = new FakeExcel(unitWorkbook(1), { api: '1.9' });
    const printed: PlannedSheet = { ...rollup(), rowHeights: { 3: 33 }, page: { orientation: 'landscape', fitToWidth: true, repeatRows: '1:3', printArea: 'A1:D7', footer: 'Tổng hợp – Năm 2023 & 2024' } };
    const { syncs } = await countSyncs(host, () => writePlan(host.context(), plan(printed), { supports: host.isSetSupported }));
    expect(syncs).toBe(README_SYNCS.write);
    const s = host.sheet('Tổng hợp');
    expect(s.page).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      titleRows: '1:3',
      printArea: 'A1:D7',
      // A literal "&" doubled: a single one would start a footer code.
      leftFooter: 'Tổng hợp – Năm 2023 && 2024',
      rightFooter: 'Trang &P/&N',
    });
    expect(s.rowHeights.get(3)).toBe(33);
    expect(s.rowHeights.has(4)).toBe(false);
  });

  test('a second write of a sheet without tall rows puts the earlier run\'s row heights back to standard', async () => {
    const host = new FakeExcel(unitWorkbook(1), { api: '1.9' });
    await writePlan(host.context(), plan({ ...rollup(), rowHeights: { 3: 33, 5: 60 } }), { supports: host.isSetSupported });
    expect([host.sheet('Tổng hợp').rowHeights.get(3), host.sheet('Tổng hợp').rowHeights.get(5)]).toEqual([33, 60]);
    await writePlan(host.context(), plan({ ...rollup(), rowHeights: { 3: 40 } }), { supports: host.isSetSupported });
    const s = host.sheet('Tổng hợp');
    expect(s.rowHeights.get(3)).toBe(40);
    expect(s.rowHeights.has(5)).toBe(false);
  });

  test('on ExcelApi 1.8 the page layout is left as it is, the rest written in the same syncs', async () => {
    const host = new FakeExcel(unitWorkbook(1), { api: '1.8' });
    const printed: PlannedSheet = { ...rollup(), rowHeights: { 3: 33 }, page: { orientation: 'landscape', fitToWidth: true, repeatRows: '1:3', printArea: 'A1:D7' } };
    const { syncs } = await countSyncs(host, () => writePlan(host.context(), plan(printed), { supports: host.isSetSupported }));
    expect(syncs).toBe(README_SYNCS.write);
    const s = host.sheet('Tổng hợp');
    expect(s.page).toEqual({});
    expect(s.rowHeights.get(3)).toBe(33);
    expect(s.get(4, 4)!.formula).toBe('C4/B4');
  });

  test('threaded comments stand in for notes on ExcelApi 1.10-1.17', async () => {
    const host = new FakeExcel(unitWorkbook(1), { api: '1.12' });
    await writePlan(host.context(), plan(rollup()), { supports: host.isSetSupported });
    expect(host.state.comments.map((c) => [c.sheet.name, c.cell, c.content])).toEqual([['Tổng hợp', 'D4', 'Chưa đạt chỉ tiêu']]);
  });

  test('a second run replaces only its own sheets and leaves no duplicates', async () => {
    const host = new FakeExcel(unitWorkbook(2));
    await writePlan(host.context(), plan(rollup(), rollup('Thiếu hụt')), { supports: all });
    const users = host.snapshot('Xã 1');
    const { syncs } = await countSyncs(host, () => writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2'), rollup('Thiếu hụt', 'lần 2')), { supports: all }));
    expect(syncs).toBe(README_SYNCS.writeAgain);
    expect(host.sheetNames()).toEqual(['Xã 1', 'Xã 2', 'Tổng hợp', 'Thiếu hụt']);
    expect(host.sheet('Tổng hợp').get(1, 1)!.value).toBe('TỔNG HỢP KẾT QUẢ (lần 2)');
    expect(host.snapshot('Xã 1')).toEqual(users);
    // One registry name per output sheet, not one per run.
    expect(host.state.names.map((n) => n.sheet?.name).sort()).toEqual(['Thiếu hụt', 'Tổng hợp']);
    expect(host.state.names.every((n) => !n.visible)).toBe(true);
    // A plan without the second sheet removes our old one too.
    await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 3')), { supports: all });
    expect(host.sheetNames()).toEqual(['Xã 1', 'Xã 2', 'Tổng hợp']);
  });

  test('a user sheet named "Tổng hợp" is never touched: the plan lands in "Tổng hợp (2)", and stays there', async () => {
    const model = unitWorkbook(1);
    model.sheets.push({ ...unitWorkbook(1).sheets[0], name: 'Tổng hợp' });
    const host = new FakeExcel(model);
    const mine = host.snapshot('Tổng hợp');
    const r1 = await writePlan(host.context(), plan(rollup()), { supports: all });
    expect(r1.sheets[0].written).toBe('Tổng hợp (2)');
    await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2')), { supports: all });
    expect(host.sheetNames()).toEqual(['Xã 1', 'Tổng hợp', 'Tổng hợp (2)']);
    expect(host.snapshot('Tổng hợp')).toEqual(mine);
    expect(host.sheet('Tổng hợp (2)').get(1, 1)!.value).toBe('TỔNG HỢP KẾT QUẢ (lần 2)');
  });

  test('a copy of our sheet, or our sheet renamed by the user, is theirs from then on', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    await writePlan(host.context(), plan(rollup()), { supports: all });
    // The user renames our sheet to keep it.
    host.sheet('Tổng hợp').name = 'Tổng hợp cũ';
    await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2')), { supports: all });
    expect(host.sheetNames()).toEqual(['Xã 1', 'Tổng hợp cũ', 'Tổng hợp']);
    expect(host.sheet('Tổng hợp cũ').get(1, 1)!.value).toBe('TỔNG HỢP KẾT QUẢ (lần 1)');
    await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 3')), { supports: all });
    expect(host.sheetNames()).toEqual(['Xã 1', 'Tổng hợp cũ', 'Tổng hợp']);
  });

  test('case-insensitive names and forbidden characters', async () => {
    const model = unitWorkbook(1);
    model.sheets.push({ ...unitWorkbook(1).sheets[0], name: 'TỔNG HỢP' });
    const host = new FakeExcel(model);
    const r = await writePlan(host.context(), plan(rollup('Tổng hợp'), rollup('Kết quả 6/2023: [tạm]')), { supports: all });
    expect(r.sheets.map((s) => s.written)).toEqual(['Tổng hợp (2)', 'Kết quả 6 2023   tạm']);
  });

  describe('a failing sync mid-writePlan leaves no half-written sheet', () => {
    // Every cut point of the syncs that change the workbook, counted on a clean run of the same plans:
    // sync 2 of a first run; syncs 2 (what our earlier sheets carry) and 3 of a run over it.
    const opsOf = (async () => {
      const host = new FakeExcel(unitWorkbook(2));
      await writePlan(host.context(), plan(rollup(), rollup('Thiếu hụt')), { supports: all });
      const first = host.opCounts[1];
      await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2'), rollup('Thiếu hụt', 'lần 2')), { supports: all });
      return { first, again: [host.opCounts[3], host.opCounts[4]] };
    })();
    test('the cut points cover every operation of those syncs', async () => {
      const { first, again } = await opsOf;
      expect(first).toBeGreaterThan(10);
      expect(again[0]).toBeGreaterThan(0);
      // The rewrite wipes our earlier sheets before writing them again.
      expect(again[1]).toBeGreaterThan(first);
    });
    const firstRun = async (after: number) => {
      const host = new FakeExcel(unitWorkbook(2));
      const before = { names: host.sheetNames(), x1: host.snapshot('Xã 1') };
      host.failOnSync(host.syncCount + 2, after);
      const p = writePlan(host.context(), plan(rollup(), rollup('Thiếu hụt')), { supports: all });
      const ok = await p.then(
        () => true,
        (e) => {
          expect(String(e.message)).toMatch(/Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước/);
          return false;
        },
      );
      if (ok) return; // the failure fell after everything that matters: covered below
      expect(host.syncCount).toBe(README_SYNCS.write + README_SYNCS.writeRollback);
      expect(host.sheetNames()).toEqual(before.names);
      expect(host.snapshot('Xã 1')).toEqual(before.x1);
      expect(host.state.names).toEqual([]);
    };
    test('first run: a failure after any number of operations of sync 2 leaves the workbook as it was', async () => {
      const { first } = await opsOf;
      for (let after = 0; after <= first; after++) await firstRun(after);
    });

    const reRun = async (sync: number, after: number) => {
      const host = new FakeExcel(unitWorkbook(2));
      await writePlan(host.context(), plan(rollup(), rollup('Thiếu hụt')), { supports: all });
      const before = { names: host.sheetNames(), out: host.snapshot('Tổng hợp'), reg: host.state.names.map((n) => [n.name, n.sheet?.name]) };
      host.failOnSync(host.syncCount + sync, after);
      let failed = false;
      await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2'), rollup('Thiếu hụt', 'lần 2')), { supports: all }).catch(() => (failed = true));
      const names = host.sheetNames();
      if (failed) {
        expect(names).toEqual(before.names);
        expect(host.snapshot('Tổng hợp')).toEqual(before.out);
        expect(host.state.names.map((n) => [n.name, n.sheet?.name])).toEqual(before.reg);
      } else {
        // Failure once our earlier sheets were being rewritten: the run was finished instead.
        expect(names).toEqual(['Xã 1', 'Xã 2', 'Tổng hợp', 'Thiếu hụt']);
        expect(host.sheet('Tổng hợp').get(1, 1)!.value).toBe('TỔNG HỢP KẾT QUẢ (lần 2)');
        expect(host.state.names.map((n) => [n.name, n.sheet?.name])).toEqual(before.reg);
      }
      return failed;
    };
    test('re-run over old output: any failure point gives back the old output, or finishes the new one', async () => {
      const { again } = await opsOf;
      const outcomes: boolean[] = [];
      for (const [i, ops] of again.entries()) for (let after = 0; after <= ops; after++) outcomes.push(await reRun(2 + i, after));
      // Both happen: rolled back before our sheets were touched, finished after.
      expect(new Set(outcomes)).toEqual(new Set([true, false]));
    });
  });
});

describe('a second rollup keeps working what the user made that points at our sheets', () => {
  /** The user's own cells in "Xã 1": a formula on each of our sheets; a name on one of its cells. */
  async function userLinks(host: FakeExcel, sheet: string) {
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Xã 1');
    ws.getRange('Z1:Z2').formulas = [[`='${sheet}'!A1`], [`='Thiếu hụt'!B4`]];
    ctx.workbook.names.add('KeHoachXa1', ctx.workbook.worksheets.getItem(sheet).getRange('B4'));
    await ctx.sync();
  }
  async function readLinks(host: FakeExcel) {
    const ctx = host.context();
    const r = ctx.workbook.worksheets.getItem('Xã 1').getRange('Z1:Z2').load('formulas,values');
    const name = ctx.workbook.names.getItem('KeHoachXa1').load('formula');
    await ctx.sync();
    return { formulas: r.formulas.map((x) => x[0]), values: r.values.map((x) => x[0]), name: name.formula };
  }

  test('formulas and a defined name pointing at "Tổng hợp" and "Thiếu hụt" show the new rollup', async () => {
    const host = new FakeExcel(unitWorkbook(2));
    await writePlan(host.context(), plan(rollup(), rollup('Thiếu hụt')), { supports: all });
    await userLinks(host, 'Tổng hợp');
    expect((await readLinks(host)).values).toEqual(['TỔNG HỢP KẾT QUẢ (lần 1)', 200]);
    await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2'), rollup('Thiếu hụt', 'lần 2')), { supports: all });
    expect(await readLinks(host)).toEqual({
      formulas: [`='Tổng hợp'!A1`, `='Thiếu hụt'!B4`],
      values: ['TỔNG HỢP KẾT QUẢ (lần 2)', 200],
      name: `='Tổng hợp'!$B$4`,
    });
  });

  test('the same when the rollup lives in "Tổng hợp (2)" beside the user\'s own "Tổng hợp"', async () => {
    const model = unitWorkbook(2);
    model.sheets.push({ ...unitWorkbook(1).sheets[0], name: 'Tổng hợp' });
    const host = new FakeExcel(model);
    await writePlan(host.context(), plan(rollup(), rollup('Thiếu hụt')), { supports: all });
    await userLinks(host, 'Tổng hợp (2)');
    await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2'), rollup('Thiếu hụt', 'lần 2')), { supports: all });
    expect(await readLinks(host)).toEqual({
      formulas: [`='Tổng hợp (2)'!A1`, `='Thiếu hụt'!B4`],
      values: ['TỔNG HỢP KẾT QUẢ (lần 2)', 200],
      name: `='Tổng hợp (2)'!$B$4`,
    });
  });

  test('everything the earlier rollup put on the sheet is gone: cells, formats, merges, widths, panes, filter, notes, charts', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const chart = { title: 'Biểu đồ', series: [{ name: 'Tỷ lệ', values: 'D4:D5' }], categories: 'A4:A5', anchor: 'F3' };
    const wide: PlannedSheet = { ...rollup(), cells: [...rollup().cells, { row: 30, col: 12, value: { text: 'xa' }, note: 'ghi chú cũ', fill: 'FFC7CE' }], charts: [chart] };
    await writePlan(host.context(), plan(wide), { supports: all });
    const small: PlannedSheet = { name: 'Tổng hợp', cells: [{ row: 1, col: 1, value: { text: 'mới' } }], merges: [], widths: [10], frozenRows: 0, frozenCols: 0 };
    await writePlan(host.context(), plan(small), { supports: all });
    const s = host.sheet('Tổng hợp');
    expect(host.snapshot('Tổng hợp')).toEqual({ A1: { value: 'mới', formula: undefined, error: undefined, numFmt: '@', fill: { pattern: 'None', color: '#FFFFFF', patternColor: '#000000' }, bold: false } });
    expect(s.merges).toEqual([]);
    expect(s.frozen).toEqual({ rows: 0, cols: 0 });
    expect(s.autoFilter).toBeUndefined();
    expect(s.notes.size).toBe(0);
    expect(s.charts).toEqual([]);
    expect(s.widths.get(1)).toBeCloseTo((10 * 7 + 5) * 0.75);
    // Every other column back to the sheet's standard width (48 points in this host).
    expect(new Set([2, 3, 4, 12, 16384].map((c) => s.widths.get(c) ?? 48))).toEqual(new Set([48]));
  });
});

describe('formulas follow a sheet written under another name', () => {
  test('the rates in "Tỷ lệ" point at "Tổng hợp (2)" when the user owns "Tổng hợp"', async () => {
    const model = unitWorkbook(1);
    model.sheets.push({ ...unitWorkbook(1).sheets[0], name: 'Tổng hợp' });
    const host = new FakeExcel(model);
    const rates: PlannedSheet = {
      name: 'Tỷ lệ',
      cells: [{ row: 5, col: 3, value: { formula: `IFERROR('Tổng hợp'!D7/'Tổng hợp'!F7,"")` } }],
      merges: [],
      widths: [],
      frozenRows: 0,
      frozenCols: 0,
    };
    await writePlan(host.context(), { sheets: [rollup(), rates], flags: [] }, { supports: all });
    expect(host.sheet('Tỷ lệ').get(5, 3)!.formula).toBe(`IFERROR('Tổng hợp (2)'!D7/'Tổng hợp (2)'!F7,"")`);
  });
});

describe('after a rollup whose write and rollback both failed', () => {
  test('an old output sheet left under its temporary name is ours: the next rollup removes it', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    await writePlan(host.context(), plan(rollup()), { supports: all });
    // What two faults in a row leave: our old sheet renamed aside, never renamed back.
    host.sheet('Tổng hợp').name = '~ctabc123.1';
    await writePlan(host.context(), plan(rollup('Tổng hợp', 'lần 2')), { supports: all });
    expect(host.sheetNames().filter((n) => n.startsWith('~ct'))).toEqual([]);
    expect(host.sheet('Tổng hợp').get(1, 1)!.value).toBe('TỔNG HỢP KẾT QUẢ (lần 2)');
  });
});

describe('multi-area formats stay within what getRanges takes', () => {
  test('a fill on 2,000 separate cells is written, at most 500 areas a call', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const cells = Array.from({ length: 2000 }, (_, i) => ({ row: 2 + 2 * Math.floor(i / 4), col: 1 + 2 * (i % 4), value: { number: i }, fill: 'FFC7CE' }));
    const sheet: PlannedSheet = { name: 'Tổng hợp', cells, merges: [], widths: [], frozenRows: 0, frozenCols: 0 };
    await writePlan(host.context(), plan(sheet), { supports: all });
    const s = host.sheet('Tổng hợp');
    for (const c of cells) expect(s.get(c.row, c.col)!.fill.color).toBe('#FFC7CE');
    expect(s.get(3, 1)?.fill.pattern ?? 'None').toBe('None');
  });
});
