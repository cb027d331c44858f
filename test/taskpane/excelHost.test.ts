// The Office-backed host's own operations (src/excel/host.ts) on the fake Excel host, and a
// check run as the pane does it (src/taskpane/check.ts) through a PaneHost over that fake.
import { promises as fs } from 'fs';
import { readRules } from '../../src/core';
import type { OutputPlan, Sheet, WorkbookModel } from '../../src/core';
import { newSheet, setCell } from '../../src/core/model';
import { ExcelAdapterError } from '../../src/excel/errors';
import { applyFlags, clearFlags } from '../../src/excel/flags';
import { savePreviousCheck } from '../../src/excel/cycle';
import { describeWorkbook, excelHostOn, insertSheets, selectCell, showSheet } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/readWorkbook';
import { writePlan } from '../../src/excel/writePlan';
import { PaneError, isRulesSheet, reportSheetNames, runCheck } from '../../src/taskpane/check';
import type { PaneHost } from '../../src/taskpane/host';
import { STRINGS } from '../../src/taskpane/strings';
import { FakeExcel } from '../excel/fakeExcel';
import { addSelect, selectionOf } from './fakeSelect';
import { RULES_FILE, combinedWorkbook, countsOf, engineCheck, sampleReports, sampleRules } from './samples';

const t = STRINGS.vi;

function rulesSheets(model: WorkbookModel): Sheet[] {
  return model.sheets.filter((s) => isRulesSheet(s.name));
}

/** The pane's host over a fake Excel, as src/excel/host.ts builds it over Office.js. */
function paneHostOn(host: FakeExcel): PaneHost {
  return excelHostOn((f) => host.run(f), 'vi-VN', host.isSetSupported);
}

function pick(file: string, bytes: Uint8Array) {
  return { name: file, bytes: async () => bytes };
}

describe('insertSheets', () => {
  test('the sample rules written as sheets read back as the same rules', async () => {
    const file = await sampleRules();
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('Báo cáo')] });
    const written = await insertSheets(host.context(), rulesSheets(file));
    expect(written).toEqual(['Chỉ tiêu', 'Kiểm tra chéo', 'Đơn vị']);
    // Ordinary sheets: not registered as the add-in's output.
    expect(host.state.names).toEqual([]);
    expect(host.state.active?.name).toBe('Chỉ tiêu');
    const back = await readWorkbook(host.context(), { sheets: written, supports: host.isSetSupported });
    const a = readRules(file);
    const b = readRules(back);
    const shape = (r: typeof a) => ({
      title: r.rules.title,
      period: r.rules.period,
      indicators: r.rules.indicators.map((i) => [i.code, i.section, i.name, i.aliases, i.unitOfMeasure, i.rate, i.condition, i.scope, i.severity, i.formulaText]),
      checks: r.rules.crossChecks.map((c) => [c.code, c.text, c.severity, c.note]),
      roster: r.rules.roster.map((u) => [u.name, u.aliases, u.level]),
      problems: r.problems.map((p) => p.message),
    });
    expect(shape(b)).toEqual(shape(a));
  });

  test('text that Excel would take for a formula stays text', async () => {
    const s = newSheet('Chỉ tiêu');
    const texts = ['= 0', '-', '+84 912', '=HYPERLINK("http://x","y")', '@tên', '1.000'];
    texts.forEach((v, i) => setCell(s, i + 1, 1, { value: v }));
    setCell(s, 1, 2, { value: 12.5 });
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('Sheet1')] });
    await insertSheets(host.context(), [s]);
    const snap = host.snapshot('Chỉ tiêu');
    expect(texts.map((_, i) => [snap[`A${i + 1}`].value, snap[`A${i + 1}`].formula])).toEqual(texts.map((v) => [v, undefined]));
    expect(snap.B1.value).toBe(12.5);
  });

  test('refuses to overwrite a sheet of the same name, whatever its case', async () => {
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('chỉ tiêu')] });
    const before = host.sheetNames();
    await expect(insertSheets(host.context(), rulesSheets(await sampleRules()))).rejects.toThrow(/đã có trang "Chỉ tiêu".*không ghi đè/);
    expect(host.sheetNames()).toEqual(before);
  });

  test('a failure half way removes the sheets it added', async () => {
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('Báo cáo')] });
    host.failOnSync(host.syncCount + 2, 4);
    const err = await insertSheets(host.context(), rulesSheets(await sampleRules())).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelAdapterError);
    expect(err.message).toMatch(/^Không chèn được bảng chỉ tiêu/);
    expect(host.sheetNames()).toEqual(['Báo cáo']);
  });
});

describe('describeWorkbook and selectCell', () => {
  test("lists the user's sheets, not the add-in's output or undo sheets", async () => {
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('Xã 1'), newSheet('Ẩn')] });
    host.sheet('Ẩn').visibility = 'Hidden';
    const plan: OutputPlan = { sheets: [{ name: 'Tổng hợp', cells: [{ row: 1, col: 1, value: { text: 'x' } }], merges: [], widths: [], frozenRows: 0, frozenCols: 0 }], flags: [] };
    await writePlan(host.context(), plan, { supports: host.isSetSupported });
    await applyFlags(host.context(), [{ file: 'So.xlsx', sheet: 'Xã 1', cell: 'A1', severity: 'error', message: 'm' }], { supports: host.isSetSupported });
    expect(host.sheetNames()).toEqual(expect.arrayContaining(['Tổng hợp', 'chitieu_undo']));
    expect(await describeWorkbook(host.context())).toEqual({
      name: 'So.xlsx',
      sheets: [
        { name: 'Xã 1', visible: true },
        { name: 'Ẩn', visible: false },
      ],
      keptCheck: false,
      // Flags wait to be cleared: "Xóa đánh dấu" is offered, even in a later session.
      flagged: true,
    });
    // Once a check is kept (very hidden), the list says so and still does not show its sheet.
    await savePreviousCheck(host.context(), '{"units":[]}');
    const after = await describeWorkbook(host.context());
    expect(after.keptCheck).toBe(true);
    expect(after.sheets.map((s) => s.name)).toEqual(['Xã 1', 'Ẩn']);
    // Cleared, nothing is left to clear.
    await clearFlags(host.context(), undefined, { supports: host.isSetSupported });
    expect((await describeWorkbook(host.context())).flagged).toBe(false);
    const blank = new FakeExcel({ name: 'Moi.xlsx', sheets: [newSheet('Sheet1')] });
    expect((await describeWorkbook(blank.context())).flagged).toBe(false);
  });

  test('selectCell activates the sheet and selects the cell; a missing sheet is a readable error', async () => {
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('A'), newSheet('Tân Thành')] });
    addSelect(host);
    await selectCell(host.context(), 'Tân Thành', 'E11');
    expect(host.state.active?.name).toBe('Tân Thành');
    expect(selectionOf(host)).toEqual({ sheet: 'Tân Thành', address: 'E11' });
    await expect(selectCell(host.context(), 'Không có', 'A1')).rejects.toThrow(/^Không chuyển được tới ô A1 của trang "Không có"/);
  });

  test('on a sheet the user hid, selectCell activates nothing and says so; showSheet shows it and selects the cell', async () => {
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('A'), newSheet('Ẩn'), newSheet('Rất ẩn')] });
    addSelect(host);
    host.sheet('Ẩn').visibility = 'Hidden';
    host.sheet('Rất ẩn').visibility = 'VeryHidden';
    for (const name of ['Ẩn', 'Rất ẩn']) {
      expect(await selectCell(host.context(), name, 'E11')).toEqual({ hidden: true });
      expect([host.state.active?.name, selectionOf(host), host.sheet(name).visibility]).toEqual([undefined, null, name === 'Ẩn' ? 'Hidden' : 'VeryHidden']);
    }
    await showSheet(host.context(), 'Ẩn', 'E11');
    expect([host.sheet('Ẩn').visibility, host.state.active?.name, selectionOf(host)]).toEqual(['Visible', 'Ẩn', { sheet: 'Ẩn', address: 'E11' }]);
    expect(await selectCell(host.context(), 'Ẩn', 'B2')).toEqual({ hidden: false });
    await expect(showSheet(host.context(), 'Không có', 'A1')).rejects.toThrow(/^Không hiện được trang "Không có"/);
  });
});

describe('runCheck', () => {
  test('rules and reports from the workbook: one read, the engine’s findings', async () => {
    const wb = await combinedWorkbook('So.xlsx');
    const host = new FakeExcel(wb);
    const pane = paneHostOn(host);
    const reads: string[][] = [];
    const readSheets = pane.readSheets;
    pane.readSheets = (names) => (reads.push(names), readSheets(names));
    const out = await runCheck(pane, { rules: { from: 'workbook' }, sheets: 'all', files: [] }, t);
    const sheets = wb.sheets.map((s) => s.name);
    expect(reads).toEqual([sheets]);
    const rules = { name: wb.name, sheets: wb.sheets.filter((s) => isRulesSheet(s.name)) };
    const reports = { name: wb.name, sheets: wb.sheets.filter((s) => !isRulesSheet(s.name)) };
    expect(out.counts).toEqual(countsOf(engineCheck(rules, [reports])));
    expect(out.workbook).toBe('So.xlsx');
    expect(reportSheetNames(out.info)).toEqual(reports.sheets.map((s) => s.name));
  });

  test('report files against a rules file give the command line’s counts; an unreadable file is a finding', async () => {
    const host = new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('Sheet1')] });
    const dir = 'examples/bao-cao';
    const names = (await fs.readdir(dir)).sort();
    const files = await Promise.all(names.map(async (n) => pick(n, await fs.readFile(`${dir}/${n}`))));
    const broken = pick('hong.xlsx', new TextEncoder().encode('không phải tệp zip'));
    const steps: number[] = [];
    const out = await runCheck(
      paneHostOn(host),
      { rules: { from: 'file', file: pick('chi-tieu-2023.xlsx', await fs.readFile(RULES_FILE)) }, sheets: [], files: [...files, broken] },
      t,
      (p) => steps.push(p.done),
    );
    const expected = countsOf(engineCheck(await sampleRules(), await sampleReports()));
    expect(out.counts).toEqual({ ...expected, error: expected.error + 1 });
    const bad = out.result.findings.find((f) => f.kind === 'unreadable-file')!;
    expect(bad.file).toBe('hong.xlsx');
    expect(bad.message).toMatch(/^Tệp "hong.xlsx" không phải sổ tính Excel/);
    expect(steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Nothing was written to the workbook.
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });

  test('every way of having nothing to check says what to do', async () => {
    const pane = paneHostOn(new FakeExcel({ name: 'So.xlsx', sheets: [newSheet('Xã 1')] }));
    const rulesFile = pick('chi-tieu-2023.xlsx', await fs.readFile(RULES_FILE));
    const fail = (req: Parameters<typeof runCheck>[1]) => runCheck(pane, req, t).then(() => null, (e) => e as PaneError);
    expect((await fail({ rules: { from: 'workbook' }, sheets: 'all', files: [] }))?.message).toBe(t.errors.noRulesSheet);
    expect((await fail({ rules: { from: 'file', file: null }, sheets: 'all', files: [] }))?.message).toBe(t.errors.noRulesFile);
    expect((await fail({ rules: { from: 'file', file: rulesFile }, sheets: [], files: [] }))?.message).toBe(t.errors.nothingToCheck);
    const notRules = await fail({ rules: { from: 'file', file: pick('bc.xlsx', await fs.readFile('examples/bao-cao/ThanhSon.xlsx')) }, sheets: 'all', files: [] });
    expect(notRules).toBeInstanceOf(PaneError);
    expect(notRules?.title).toBe(t.errors.rulesUnreadable);
    expect(notRules?.message).toMatch(/không có trang tính "Chỉ tiêu"/);
  });
});
