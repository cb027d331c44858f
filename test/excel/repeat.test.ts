// Repeatability ("Prove it holds", item 5): running check, flag, clear and rollup twice in a row in
// the add-in leaves the same workbook as running them once. The six sample reports sit in one
// workbook of the fake Excel host, with a user's own fills, patterned fill, note and comment on
// flagged cells. "The same workbook" is the whole fake state: the sheet list in order with each
// sheet's visibility, every cell's value, formula, error, number format, fill, font, bold, wrap
// and alignment on every sheet (the units', the rollups', the undo sheet's record), merges,
// hidden rows and columns, widths, frozen panes, autofilter, charts, notes, threaded comments and
// the registry names with their markers. Only what must differ between runs is normalised: the
// run id in registry names and markers, the undo record's time stamp, and the ids Excel gives
// new sheets and comments (not part of the state compared).
import path from 'path';
import { CheckSession, planOutput, readRules } from '../../src/core';
import type { CellFlag, CheckResult, OutputPlan, WorkbookModel } from '../../src/core';
import { UNDO_SHEET, applyFlags, clearFlags, readUndoRecord, readWorkbook, writePlan } from '../../src/excel';
import { undoRecordOfRows } from '../../src/excel/flags';
import { FCell, FSheet, FakeExcel, isDefaultCell } from './fakeExcel';
import { loadXlsx } from './xlsxModel';
import { EXAMPLES, officeWorkbook, withUserMarks } from './samples';

const APIS = ['1.18', '1.12', '1.7'] as const;
type Api = (typeof APIS)[number];

let model: WorkbookModel;
let rules: ReturnType<typeof readRules>;
let flags: CellFlag[];

beforeAll(async () => {
  model = await officeWorkbook();
  rules = readRules(await loadXlsx(path.join(EXAMPLES, 'chi-tieu-2023.xlsx')));
  const h = new FakeExcel(model);
  flags = (await check(h)).plan.flags.filter((f) => f.file === model.name);
  expect(flags.length).toBeGreaterThan(10);
});

/** The samples, with a user's own solid fill, patterned fill, note or comment on flagged cells. */
function makeHost(api: Api): FakeExcel {
  const h = withUserMarks(new FakeExcel(model, { api }), flags, api);
  return h;
}

// ---------------------------------------------------------------- the operations, as the pane runs them

async function check(h: FakeExcel): Promise<{ result: CheckResult; plan: OutputPlan }> {
  const read = await readWorkbook(h.context(), { supports: h.isSetSupported });
  const session = new CheckSession(rules.rules, rules.problems);
  session.addWorkbook(read);
  const result = session.finish();
  return { result, plan: planOutput(result) };
}
const flag = (h: FakeExcel, plan: OutputPlan) =>
  applyFlags(h.context(), plan.flags.filter((f) => f.file === model.name), { file: model.name, supports: h.isSetSupported });
const clear = (h: FakeExcel) => clearFlags(h.context(), undefined, { supports: h.isSetSupported });
const rollup = (h: FakeExcel, plan: OutputPlan) => writePlan(h.context(), plan, { supports: h.isSetSupported });

async function cycle(h: FakeExcel): Promise<CheckResult> {
  const { result, plan } = await check(h);
  await flag(h, plan);
  await clear(h);
  await rollup(h, plan);
  return result;
}

// ---------------------------------------------------------------- the whole state


function sheetState(s: FSheet) {
  const cells: Record<string, unknown> = {};
  s.forEach((c, r, k) => {
    if (!isDefaultCell(c)) cells[`R${r}C${k}`] = { ...c, fill: { ...c.fill } };
  });
  const base = {
    name: s.name,
    visibility: s.visibility,
    merges: s.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort(),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
    widths: [...s.widths].sort((a, b) => a[0] - b[0]),
    frozen: { ...s.frozen },
    autoFilter: s.autoFilter ?? null,
    notes: [...s.notes].sort((a, b) => a[0].localeCompare(b[0])),
    charts: JSON.parse(JSON.stringify(s.charts)),
  };
  if (s.name !== UNDO_SHEET) return { ...base, cells };
  // The undo record: its JSON without the time stamp, and the cells' formats.
  const rows = Object.entries(cells).filter(([a]) => a.endsWith('C1')).sort((a, b) => Number(/R(\d+)/.exec(a[0])![1]) - Number(/R(\d+)/.exec(b[0])![1]));
  const record = undoRecordOfRows(rows.map(([, c]) => String((c as FCell).value ?? '')))!;
  delete (record as Partial<typeof record>).saved;
  return { ...base, record, cells: Object.fromEntries(Object.entries(cells).map(([a, c]) => [a, { ...(c as FCell), value: '<record>' }])) };
}

/** Everything, with run ids normalised. */
function stateOf(h: FakeExcel) {
  return {
    sheets: h.state.sheets.map(sheetState),
    active: h.state.active?.name ?? null,
    names: h.state.names.map((n) => {
      const marker = JSON.parse(n.comment);
      expect(marker.run).toMatch(/^[a-z0-9]+$/);
      return {
        name: n.name.replace(/^(chitieu_out_)[A-Za-z0-9]+(_\d+)$/, '$1RUN$2'),
        sheet: n.sheet?.name ?? null,
        cell: n.cell,
        comment: { ...marker, run: 'RUN' },
        visible: n.visible,
      };
    }),
    comments: h.state.comments.map((c) => [c.sheet.name, c.cell, c.content]),
  };
}

/** Run ids really differ between the runs compared (else the normalising hides nothing). */
const runIds = (h: FakeExcel) => [...new Set(h.state.names.map((n) => JSON.parse(n.comment).run as string))];

// ---------------------------------------------------------------- the tests

describe.each(APIS)('ExcelApi %s', (api) => {
  test('check → flag → clear → rollup twice in a row leaves the same workbook as once', async () => {
    const once = makeHost(api);
    const original = stateOf(once);
    const first = await cycle(once);
    const twice = makeHost(api);
    const a = await cycle(twice);
    const idsAfterOne = runIds(twice);
    const b = await cycle(twice);
    // The second rollup rewrites the first one's sheets in place: they keep their markers.
    expect(runIds(twice)).toEqual(idsAfterOne);
    expect(runIds(twice)).not.toEqual(runIds(once));
    expect(stateOf(twice)).toEqual(stateOf(once));
    // The second check saw the same units (the first run's rollup sheets are not read as reports).
    expect(b).toEqual(a);
    expect(a).toEqual(first);
    // And the units' sheets are the original ones.
    const units = (st: ReturnType<typeof stateOf>) => st.sheets.filter((s) => model.sheets.some((m) => m.name === s.name));
    expect(units(stateOf(twice))).toEqual(units(original));
    expect(stateOf(twice).sheets.map((s) => s.name)).toEqual([...model.sheets.map((s) => s.name), 'Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
    expect(stateOf(twice).names.map((n) => n.sheet)).toEqual(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
  });

  test('each step twice in a row is the step once', async () => {
    const once = makeHost(api);
    const twice = makeHost(api);
    // check: reading changes nothing, and reads the same
    const c1 = await check(once);
    const c2 = await check(twice);
    expect(await check(twice)).toEqual(c2);
    expect(c2).toEqual(c1);
    expect(stateOf(twice)).toEqual(stateOf(once));
    // flag: the second keeps the first prior fills and adds no second note or comment
    const f1 = await flag(once, c1.plan);
    await flag(twice, c2.plan);
    const f2 = await flag(twice, c2.plan);
    expect(f2.applied).toBe(f1.applied);
    expect(stateOf(twice)).toEqual(stateOf(once));
    // clear: the second finds nothing to clear and changes nothing
    await clear(once);
    await clear(twice);
    const again = await clear(twice);
    expect(again).toEqual({ restored: 0, keptUserFill: 0, removedNotes: 0 });
    expect(stateOf(twice)).toEqual(stateOf(once));
    // rollup: the second replaces the first's sheets, no duplicates
    await rollup(once, c1.plan);
    await rollup(twice, c2.plan);
    const r2 = await rollup(twice, c2.plan);
    expect(r2.replaced).toEqual(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
    expect(stateOf(twice)).toEqual(stateOf(once));
  });

  test('flag twice, then clear once: the original exactly', async () => {
    const h = makeHost(api);
    const original = stateOf(h);
    const { plan } = await check(h);
    const first = await flag(h, plan);
    const afterOne = stateOf(h);
    const second = await flag(h, plan);
    // The record keeps the fills from before the first flag, not the first flag's colours.
    expect(second.record.entries).toEqual(first.record.entries);
    expect(second.record.entries.find((e) => e.cell === flags[0].cell && e.sheet === flags[0].sheet)!.prior).toEqual({ pattern: 'Solid', color: '#92D050', ...(api === '1.7' ? {} : { patternColor: '#000000' }) });
    expect(stateOf(h)).toEqual(afterOne);
    expect(await readUndoRecord(h.context())).toMatchObject({ entries: first.record.entries });
    const r = await clear(h);
    expect(r.keptUserFill).toBe(0);
    expect(r.restored).toBe(first.record.entries.length);
    expect(stateOf(h)).toEqual(original);
    expect(h.sheetNames()).not.toContain(UNDO_SHEET);
  });
});
