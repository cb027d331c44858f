/** @jest-environment jsdom */
// The pane's components under jsdom with a fake PaneHost: no Excel, no browser.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CellFlag, WorkbookModel } from '../../src/core';
import { setCell } from '../../src/core/model';
import { ExcelAdapterError } from '../../src/excel/errors';
import { applyFlags, clearFlags } from '../../src/excel/flags';
import { describeWorkbook, excelHostOn, insertSheets, selectCell, showSheet } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/readWorkbook';
import { writePlan } from '../../src/excel/writePlan';
import { FakeExcel } from '../excel/fakeExcel';
import { App } from '../../src/taskpane/components/App';
import { isRulesSheet } from '../../src/taskpane/check';
import type { PaneHost } from '../../src/taskpane/host';
import { STRINGS, Strings, stringsFor } from '../../src/taskpane/strings';
import { Fake, fakeHost as sharedFakeHost } from './fakeHost';
import { cloneModel, combinedWorkbook, countsOf, engineCheck, sampleRules } from './samples';

const vi = STRINGS.vi;
// Whole checks of the samples under jsdom on a busy machine: a time limit, not a timing claim.
jest.setTimeout(90_000);

/** The shared fake, except that inserted sheets are not added to its model (these tests never read them back). */
function fakeHost(model: WorkbookModel): Fake {
  const host = sharedFakeHost(model);
  host.insertSheets = jest.fn(async (sheets: { name: string }[]) => sheets.map((s) => s.name));
  return host;
}

function renderPaneWithUnmount(host: PaneHost, strings: Strings = vi) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} strings={strings} sampleRules={async () => sampleRules()} />
    </FluentProvider>,
  );
}

function renderPane(host: PaneHost, strings: Strings = vi) {
  const sample = jest.fn(async () => {
    const m = await sampleRules();
    return { ...m, sheets: m.sheets.filter((s) => isRulesSheet(s.name)) };
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} strings={strings} sampleRules={sample} />
    </FluentProvider>,
  );
  return { sample };
}

const main = () => document.querySelector('main')!;
const finished = () => Number(main().getAttribute('data-finished'));
async function settled(n: number) {
  await waitFor(() => expect(finished()).toBeGreaterThanOrEqual(n), { timeout: 20_000 });
}
const notice = () => screen.getByTestId('notice');
/** The counts as the pane shows them: "7 lỗi", "12 cảnh báo", "3 thông tin". */
const shownCounts = () => (['error', 'warning', 'info'] as const).map((s) => screen.getByTestId(`count-${s}`).textContent);
const countsText = (c: { error: number; warning: number; info: number }) => [`${c.error} lỗi`, `${c.warning} cảnh báo`, `${c.info} thông tin`];
/** Opens every folded group of findings, so all of them are on the page. */
function openAllGroups() {
  for (const b of screen.queryAllByTestId('group-toggle')) if (b.getAttribute('aria-expanded') === 'false') fireEvent.click(b);
}
/** The number of findings the heading says are shown: "Phát hiện (12)" or "Phát hiện (3/12)". */
const headingCount = () => Number(/\((\d+)(?:\/\d+)?\)$/.exec(screen.getByTestId('findings-heading').textContent ?? '')![1]);
const checked = (el: HTMLElement) => (el as HTMLInputElement).checked;

/** The sheet and cell of the first finding the pane offers to go to, read from its link. */
function firstLocal(): [string, string] {
  const m = /^Đến ô (.+)!([A-Z]+\d+)$/.exec(screen.getAllByTestId('goto')[0].textContent ?? '')!;
  return [m[1], m[2]];
}

let workbook: WorkbookModel;
beforeAll(async () => {
  workbook = await combinedWorkbook('So.xlsx');
});

test('strings: Vietnamese unless Office is in English, and both languages say everything', () => {
  expect(stringsFor('vi-VN')).toBe(STRINGS.vi);
  expect(stringsFor('fr-FR')).toBe(STRINGS.vi);
  expect(stringsFor(undefined)).toBe(STRINGS.vi);
  expect(stringsFor('en-US')).toBe(STRINGS.en);
  expect(stringsFor('EN-gb')).toBe(STRINGS.en);
  const shape = (o: object): unknown =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v && typeof v === 'object' ? shape(v) : typeof v]));
  expect(shape(STRINGS.en)).toEqual(shape(STRINGS.vi));
});

test('checks the rules and report sheets of the workbook in one read and shows the engine’s counts', async () => {
  const host = fakeHost(workbook);
  renderPane(host);
  await settled(1);
  expect(checked(screen.getByRole('radio', { name: vi.rules.fromWorkbook }))).toBe(true);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  expect(host.readSheets).toHaveBeenCalledTimes(1);
  expect(host.readSheets.mock.calls[0][0]).toEqual(workbook.sheets.map((s) => s.name));
  const rules = { name: workbook.name, sheets: workbook.sheets.filter((s) => isRulesSheet(s.name)) };
  const reports = { name: workbook.name, sheets: workbook.sheets.filter((s) => !isRulesSheet(s.name)) };
  const expected = engineCheck(rules, [reports]);
  const c = countsOf(expected);
  expect(shownCounts()).toEqual(countsText(c));
  expect(headingCount()).toBe(expected.findings.length);
  openAllGroups();
  expect(screen.getAllByTestId('finding')).toHaveLength(expected.findings.length);
  expect(notice().textContent).toContain(vi.summary.done(c.error, c.warning, c.info));
  // The area's verdict says what it rests on; each unit says how it was recognised.
  expect(screen.getByTestId('verdict').textContent).toBe('Toàn địa bàn chưa đạt 6 chỉ tiêu (dựa trên 6/7 đơn vị: 1 đơn vị chưa gửi).');
  const hoaLac = screen.getAllByTestId('unit').find((u) => u.textContent?.startsWith('Phường Hòa Lạc'))!;
  // Each unit says its state in words: the counts where it has findings, the status otherwise.
  for (const u of expected.units) {
    const line = screen.getAllByTestId('unit').find((el) => el.textContent?.startsWith(u.unit))!;
    const counts = [u.errors && `${u.errors} lỗi`, u.warnings && `${u.warnings} cảnh báo`, u.infos && `${u.infos} thông tin`].filter(Boolean).join(' · ');
    const want = u.status === 'missing' ? 'Chưa gửi báo cáo' : u.status === 'ok' && !counts ? 'Đạt' : u.status === 'errors' || u.status === 'warnings' ? counts : `${vi.units.status[u.status]} · ${counts}`;
    expect([u.unit, within(line).getByTestId('unit-status').textContent]).toEqual([u.unit, want]);
  }
  expect(within(hoaLac).getByTestId('unit-evidence').textContent).toBe('Nhận ra theo tiêu đề, ô A2: ĐẢNG ỦY PHƯỜNG HÒA LẠC');
});

test('a run that read only some units never says every target is met, in either language', async () => {
  // Only the six report sheets' first one: the others are missing.
  const one = { ...workbook, sheets: workbook.sheets.filter((s, i, all) => isRulesSheet(s.name) || s === all.find((x) => !isRulesSheet(x.name))) };
  for (const [strings, text] of [
    [vi, /^(Toàn địa bàn chưa đạt \d+ chỉ tiêu|Chưa kết luận được cho toàn địa bàn).*dựa trên 1\/7 đơn vị: 6 đơn vị chưa gửi\)?\.$/],
    [STRINGS.en, /^(The area misses \d+ targets?|No verdict for the whole area yet).*1\/7 units: 6 not reported\)?\.$/],
  ] as const) {
    const host = fakeHost(one);
    const { unmount } = renderPaneWithUnmount(host, strings);
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    const verdict = screen.getByTestId('verdict').textContent!;
    expect(verdict).toMatch(text);
    expect(verdict).not.toMatch(/đạt mọi chỉ tiêu|meets every target/);
    unmount();
  }
});

test('a click while an operation runs does nothing, even two in a row before a render', async () => {
  const host = fakeHost(workbook);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const read = host.readSheets.getMockImplementation()!;
  host.readSheets.mockImplementation(async (names: string[]) => {
    await gate;
    return read(names);
  });
  renderPane(host);
  await settled(1);
  const check = screen.getByTestId('check');
  fireEvent.click(check);
  fireEvent.click(check);
  await waitFor(() => expect(host.readSheets).toHaveBeenCalledTimes(1));
  expect(check.getAttribute('aria-disabled')).toBe('true');
  expect(main().getAttribute('aria-busy')).toBe('true');
  fireEvent.click(check);
  fireEvent.click(screen.getByTestId('clear'));
  release();
  await settled(2);
  await new Promise((r) => setTimeout(r, 20));
  expect(host.readSheets).toHaveBeenCalledTimes(1);
  expect(host.describeWorkbook).toHaveBeenCalledTimes(2);
  expect(host.clearFlags).not.toHaveBeenCalled();
  expect(finished()).toBe(2);
  expect(main().getAttribute('aria-busy')).toBe('false');
});

test('an Office error ends in a readable message, and the pane is usable again', async () => {
  const host = fakeHost(workbook);
  host.applyFlags.mockRejectedValue(new ExcelAdapterError('Không đánh dấu được các ô có vấn đề: sổ tính đang được bảo vệ hoặc chỉ đọc. (AccessDenied: denied)'));
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  fireEvent.click(screen.getByTestId('flag'));
  await settled(3);
  expect(notice().getAttribute('data-intent')).toBe('error');
  expect(notice().textContent).toContain(vi.notices.failed.flag);
  expect(notice().textContent).toContain('sổ tính đang được bảo vệ hoặc chỉ đọc');
  expect(screen.getByTestId('flag').getAttribute('aria-disabled')).toBeNull();
  // Flags handed to the host are this workbook's only.
  const [flags, file] = host.applyFlags.mock.calls[0];
  expect(file).toBe('So.xlsx');
  expect(flags.length).toBeGreaterThan(0);
  expect(flags.every((f: CellFlag) => f.file === 'So.xlsx')).toBe(true);
});

test('clicking a finding of this workbook selects its cell; filters narrow the list', async () => {
  const host = fakeHost(workbook);
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  openAllGroups();
  const [sheet, cell] = firstLocal();
  fireEvent.click(screen.getAllByTestId('goto').find((b) => b.textContent === `Đến ô ${sheet}!${cell}`)!);
  await settled(3);
  expect(host.selectCell).toHaveBeenCalledWith(sheet, cell);

  const all = screen.getAllByTestId('finding').length;
  fireEvent.change(screen.getByTestId('filter-severity'), { target: { value: 'error' } });
  openAllGroups();
  const errors = screen.getAllByTestId('finding');
  expect(errors.length).toBeLessThan(all);
  expect(errors.map((li) => within(li).getByTestId('finding-severity').textContent)).toEqual(errors.map(() => 'Lỗi'));
  expect(screen.getByTestId('findings-heading').textContent).toBe(`Phát hiện (${errors.length}/${all})`);
});

test('a finding on a hidden sheet: the pane says the sheet is hidden and offers to show it', async () => {
  const host = fakeHost(workbook);
  host.selectCell.mockImplementation(async () => ({ hidden: true }));
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  openAllGroups();
  const [sheet, cell] = firstLocal();
  fireEvent.click(screen.getAllByTestId('goto').find((b) => b.textContent === `Đến ô ${sheet}!${cell}`)!);
  await settled(3);
  // Not a failure: a warning that names the sheet, and the way on.
  expect(notice().getAttribute('data-intent')).toBe('warning');
  expect(notice().textContent).toContain(vi.notices.hiddenSheet(sheet, cell));
  expect(screen.queryByTestId('retry')).toBeNull();
  expect(host.showSheet).not.toHaveBeenCalled();
  expect(screen.getByTestId('show-sheet').textContent).toBe(vi.notices.showSheet);
  fireEvent.click(screen.getByTestId('show-sheet'));
  await settled(4);
  expect(host.showSheet).toHaveBeenCalledWith(sheet, cell);
  expect(notice().getAttribute('data-intent')).toBe('success');
  expect(notice().textContent).toContain(vi.notices.shown(sheet, cell));
  // The sheet list is read again: the sheet is no longer marked hidden.
  expect(host.describeWorkbook.mock.calls.length).toBeGreaterThanOrEqual(2);
});

test('the sample rules are inserted as sheets, never over an existing one', async () => {
  const reportsOnly = { ...workbook, sheets: workbook.sheets.filter((s) => !isRulesSheet(s.name)) };
  const host = fakeHost(reportsOnly);
  renderPane(host);
  await settled(1);
  expect(checked(screen.getByRole('radio', { name: vi.rules.fromFile }))).toBe(true);
  fireEvent.click(screen.getByTestId('insert-sample'));
  await settled(2);
  expect(host.insertSheets).toHaveBeenCalledTimes(1);
  expect(host.insertSheets.mock.calls[0][0].map((s: { name: string }) => s.name)).toEqual(['Chỉ tiêu', 'Kiểm tra chéo', 'Đơn vị']);
  expect(notice().getAttribute('data-intent')).toBe('success');

  const withRules = fakeHost(workbook);
  document.body.innerHTML = '';
  renderPane(withRules);
  await settled(1);
  fireEvent.click(screen.getByTestId('insert-sample'));
  await settled(2);
  expect(withRules.insertSheets).not.toHaveBeenCalled();
  expect(notice().getAttribute('data-intent')).toBe('warning');
  expect(notice().textContent).toContain(vi.rules.sampleClash(['Chỉ tiêu', 'Kiểm tra chéo', 'Đơn vị']));
});

test('text from a report is shown as text, never as markup', async () => {
  const wb = cloneModel(workbook);
  // A row label no indicator matches: its text comes back in an "unmapped row" finding.
  const report = wb.sheets.find((s) => s.rows.some((r) => r?.some((c) => typeof c?.value === 'string' && c.value.startsWith('Số hộ nghèo (chỉ tiêu năm 2022'))))!;
  const row = report.rows.findIndex((r) => r?.some((c) => typeof c?.value === 'string' && c.value.startsWith('Số hộ nghèo (chỉ tiêu năm 2022')));
  const col = report.rows[row]!.findIndex((c) => typeof c?.value === 'string' && c.value.startsWith('Số hộ nghèo'));
  setCell(report, row, col, { value: '<img src=x onerror="window.__hit=1"><b>đậm</b>' });
  const host = fakeHost(wb);
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  openAllGroups();
  const text = screen.getAllByTestId('finding').map((li) => li.textContent).join('\n');
  expect(text).toContain('<img src=x onerror="window.__hit=1"><b>đậm</b>');
  expect(main().querySelector('img')).toBeNull();
  expect(main().querySelector('b')).toBeNull();
});

test('nothing to check, or no rules, says what to do', async () => {
  const host = fakeHost({ ...workbook, sheets: workbook.sheets.filter((s) => !isRulesSheet(s.name)) });
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  expect(notice().textContent).toContain(vi.errors.noRulesFile);
  fireEvent.click(screen.getByRole('radio', { name: vi.rules.fromWorkbook }));
  fireEvent.click(screen.getByTestId('check'));
  await settled(3);
  expect(notice().textContent).toContain(vi.errors.noRulesSheet);
  expect(host.readSheets).not.toHaveBeenCalled();
});

test('in English when Office is', async () => {
  const host = fakeHost(workbook);
  renderPane(host, stringsFor('en-US'));
  await settled(1);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Target check');
  expect(screen.getByTestId('check').textContent).toBe('Check');
});

describe('a failed operation offers "Thử lại", which runs the same operation again', () => {
  const fail = (what: string) => new ExcelAdapterError(`${what}: Excel báo lỗi chung. (GeneralException: mất kết nối)`);
  /** Whatever the operation, its host call fails once, then works. */
  const cases: Array<{ op: 'check' | 'flag' | 'clear' | 'rollup'; call: 'readSheets' | 'applyFlags' | 'clearFlags' | 'writeRollup'; message: string; done: (h: Fake) => string }> = [
    {
      op: 'check',
      call: 'readSheets',
      message: 'Không đọc được sổ tính đang mở',
      done: () => {
        const c = countsOf(engineCheck({ name: workbook.name, sheets: workbook.sheets.filter((s) => isRulesSheet(s.name)) }, [{ name: workbook.name, sheets: workbook.sheets.filter((s) => !isRulesSheet(s.name)) }]));
        return vi.summary.done(c.error, c.warning, c.info);
      },
    },
    { op: 'flag', call: 'applyFlags', message: 'Không đánh dấu được các ô có vấn đề', done: (h) => vi.notices.flagged(h.applyFlags.mock.calls[1][0].length, 0) },
    { op: 'clear', call: 'clearFlags', message: 'Không xoá được các đánh dấu', done: () => vi.notices.cleared(3, 0) },
    { op: 'rollup', call: 'writeRollup', message: 'Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước', done: () => vi.notices.rollupDone(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra']) },
  ];

  test.each(cases)('$op: the error says what happened; "Thử lại" runs it again and the success follows', async ({ op, call, message, done }) => {
    const host = fakeHost(workbook);
    host[call].mockImplementationOnce(async () => {
      throw fail(message);
    });
    renderPane(host);
    await settled(1);
    let n = 1;
    if (op === 'flag' || op === 'rollup') {
      fireEvent.click(screen.getByTestId('check'));
      await settled(++n);
    }
    fireEvent.click(screen.getByTestId(op));
    await settled(++n);
    expect(notice().getAttribute('data-intent')).toBe('error');
    expect(notice().textContent).toContain(vi.notices.failed[op]);
    // One spelling in the pane: the adapter's "xoá" is shown as "xóa".
    expect(notice().textContent).toContain(message.replace('xoá', 'xóa'));
    const retry = screen.getByRole('button', { name: vi.notices.retry });
    expect(retry).toBe(screen.getByTestId('retry'));
    expect(host[call]).toHaveBeenCalledTimes(1);
    const args = host[call].mock.calls[0];

    fireEvent.click(retry);
    await settled(++n);
    expect(host[call]).toHaveBeenCalledTimes(2);
    // The same operation with the same input.
    expect(host[call].mock.calls[1]).toEqual(args);
    expect(notice().getAttribute('data-intent')).not.toBe('error');
    expect(notice().textContent).toContain(done(host));
    expect(screen.queryByTestId('retry')).toBeNull();
  });

  test('a second click during the retry is ignored, and so is any other operation', async () => {
    const host = fakeHost(workbook);
    const write = host.writeRollup.getMockImplementation()!;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    host.writeRollup
      .mockImplementationOnce(async () => {
        throw fail('Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước');
      })
      .mockImplementationOnce(async (plan: Parameters<typeof write>[0]) => {
        await gate;
        return write(plan);
      });
    renderPane(host);
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    fireEvent.click(screen.getByTestId('rollup'));
    await settled(3);
    const retry = screen.getByTestId('retry');
    // Two clicks land before React renders again (a double click).
    act(() => {
      retry.click();
      retry.click();
    });
    await waitFor(() => expect(host.writeRollup).toHaveBeenCalledTimes(2));
    expect(main().getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByTestId('retry')).toBeNull();
    fireEvent.click(screen.getByTestId('rollup'));
    fireEvent.click(screen.getByTestId('clear'));
    release();
    await settled(4);
    await new Promise((r) => setTimeout(r, 20));
    expect(finished()).toBe(4);
    expect(host.writeRollup).toHaveBeenCalledTimes(2);
    expect(host.clearFlags).not.toHaveBeenCalled();
    expect(notice().getAttribute('data-intent')).toBe('success');
  });

  test('the retry button is labelled and keyboard reachable, and focus stays in the message area', async () => {
    const host = fakeHost(workbook);
    host.clearFlags.mockRejectedValueOnce(fail('Không xoá được các đánh dấu'));
    renderPane(host);
    await settled(1);
    fireEvent.click(screen.getByTestId('clear'));
    await settled(2);
    const retry = screen.getByTestId('retry');
    // A native, enabled button with its own name, in the Tab order after the toolbar.
    expect(retry.tagName).toBe('BUTTON');
    expect(retry.textContent).toBe(vi.notices.retry);
    expect(retry.hasAttribute('disabled') || retry.getAttribute('aria-disabled') === 'true').toBe(false);
    expect(retry.tabIndex).toBe(0);
    const tabbable = Array.from(main().querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]')).filter(
      (el) => el.tabIndex >= 0 && !el.hasAttribute('disabled'),
    );
    // The notice's own two controls, in order (Fluent puts its close button first).
    const region = screen.getByTestId('notice-region');
    expect(tabbable.filter((el) => region.contains(el))).toEqual([screen.getByRole('button', { name: vi.notices.dismiss }), retry]);
    // The failure is announced at once.
    expect(screen.getByTestId('notice-region').getAttribute('aria-live')).toBe('assertive');
    retry.focus();
    fireEvent.click(retry);
    await settled(3);
    expect(host.clearFlags).toHaveBeenCalledTimes(2);
    // The button is gone with its notice; the focus is on the message area, not lost.
    expect(document.activeElement).toBe(screen.getByTestId('notice-region'));
    expect(notice().getAttribute('data-intent')).toBe('success');
  });

  test('a failed refresh clears its error once the retry works', async () => {
    const host = fakeHost(workbook);
    host.describeWorkbook.mockRejectedValueOnce(fail('Không đọc được danh sách trang tính'));
    renderPane(host);
    await settled(1);
    expect(notice().textContent).toContain(vi.notices.failed.refresh);
    fireEvent.click(screen.getByTestId('retry'));
    await settled(2);
    expect(host.describeWorkbook).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('notice')).toBeNull();
    expect(screen.getByTestId('workbook-name').textContent).toBe(vi.workbook('So.xlsx'));
  });

  test('no retry where the user must change something first; "Try again" in English', async () => {
    const host = fakeHost({ ...workbook, sheets: workbook.sheets.filter((s) => !isRulesSheet(s.name)) });
    renderPane(host);
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    expect(notice().textContent).toContain(vi.errors.noRulesFile);
    expect(screen.queryByTestId('retry')).toBeNull();

    document.body.innerHTML = '';
    const en = fakeHost(workbook);
    en.clearFlags.mockRejectedValueOnce(fail('Không xoá được các đánh dấu'));
    renderPane(en, stringsFor('en-US'));
    await settled(1);
    fireEvent.click(screen.getByTestId('clear'));
    await settled(2);
    expect(notice().textContent).toContain('Could not clear the marks');
    expect(screen.getByRole('button', { name: 'Try again' })).toBe(screen.getByTestId('retry'));
  });
});

describe('over the real adapter on the fake Excel host', () => {
  /** The pane's host as src/excel/host.ts builds it, over a fake Excel (as in excelHost.test.ts). */
  function paneHostOn(excel: FakeExcel): PaneHost {
    return excelHostOn((f) => excel.run(f), 'vi-VN', excel.isSetSupported);
  }

  test('a rollup cut short mid-write: the adapter’s message, the workbook as before, then "Thử lại" writes it whole', async () => {
    const excel = new FakeExcel(cloneModel(workbook));
    renderPane(paneHostOn(excel));
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    const sheets = excel.sheetNames();
    // writePlan's second sync writes the sheets: a few operations go through, then the connection drops.
    excel.failOnSync(excel.syncCount + 2, 12);
    fireEvent.click(screen.getByTestId('rollup'));
    await settled(3);
    expect(notice().getAttribute('data-intent')).toBe('error');
    expect(notice().textContent).toContain(vi.notices.failed.rollup);
    expect(notice().textContent).toContain('Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước: Excel báo lỗi chung.');
    expect(excel.sheetNames()).toEqual(sheets);
    expect(excel.state.names).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: vi.notices.retry }));
    await settled(4);
    expect(notice().getAttribute('data-intent')).toBe('success');
    // The check the rollup was written from is kept, very hidden, for the next comparison.
    expect(excel.sheetNames()).toEqual([...sheets, 'Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo', 'chitieu_prev']);
    expect(excel.state.names.map((n) => n.sheet?.name)).toEqual(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
  });

  test('a flag cut short: "Thử lại" finishes it, and one clear gives every cell back', async () => {
    const excel = new FakeExcel(cloneModel(workbook));
    const before = excel.sheetNames().map((n) => excel.snapshot(n));
    renderPane(paneHostOn(excel));
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    // applyFlags' last sync writes the undo record, then the fills: half of them go through.
    excel.failOnSync(excel.syncCount + 4);
    fireEvent.click(screen.getByTestId('flag'));
    await settled(3);
    expect(notice().textContent).toContain('Không đánh dấu được các ô có vấn đề: Excel báo lỗi chung.');
    fireEvent.click(screen.getByTestId('retry'));
    await settled(4);
    expect(notice().getAttribute('data-intent')).toBe('success');
    fireEvent.click(screen.getByTestId('clear'));
    await settled(5);
    expect(notice().textContent).toMatch(/^Đã xóa đánh dấu ở \d+ ô\.$/);
    expect(excel.sheetNames().map((n) => excel.snapshot(n))).toEqual(before);
  });
});

describe("the office's cycle over the real adapter on the fake Excel host", () => {
  function paneHostOn(excel: FakeExcel): PaneHost {
    return excelHostOn((f) => excel.run(f), 'vi-VN', excel.isSetSupported);
  }
  const feedbackSheets = (excel: FakeExcel) => excel.sheetNames().filter((n) => n.startsWith('Phản hồi – '));

  test('"Tạo phiếu phản hồi": a sheet per unit with findings; the rollup stays; with a unit chosen, only its sheet is written again', async () => {
    const excel = new FakeExcel(cloneModel(workbook));
    renderPane(paneHostOn(excel));
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    fireEvent.click(screen.getByTestId('feedback'));
    await settled(3);
    expect(notice().getAttribute('data-intent')).toBe('success');
    expect(feedbackSheets(excel)).toEqual([
      'Phản hồi – Phường Tân Thành',
      'Phản hồi – Phường Đồng Tâm',
      'Phản hồi – Xã Yên Bình',
      'Phản hồi – Xã Phú Thịnh',
      'Phản hồi – Xã Thanh Sơn',
      'Phản hồi – Xã Minh Khai',
    ]);
    const yb = excel.sheet('Phản hồi – Xã Yên Bình');
    const texts: unknown[] = [];
    yb.forEach((c) => texts.push(c.value));
    expect(texts).toContain('Kính gửi: Xã Yên Bình');
    fireEvent.click(screen.getByTestId('rollup'));
    await settled(4);
    expect(feedbackSheets(excel)).toHaveLength(6);
    // One unit chosen in the findings' filter: the button says so, and writes that unit's sheet only.
    fireEvent.change(screen.getByTestId('filter-unit'), { target: { value: 'Xã Yên Bình' } });
    expect(screen.getByTestId('feedback').textContent).toBe(vi.actions.feedbackFor('Xã Yên Bình'));
    const others = feedbackSheets(excel).filter((n) => n !== 'Phản hồi – Xã Yên Bình').map((n) => excel.sheet(n));
    fireEvent.click(screen.getByTestId('feedback'));
    await settled(5);
    expect(feedbackSheets(excel)).toHaveLength(6);
    expect(feedbackSheets(excel).filter((n) => n !== 'Phản hồi – Xã Yên Bình').map((n) => excel.sheet(n))).toEqual(others);
    expect(excel.sheetNames()).toEqual(expect.arrayContaining(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra']));
  });

  test('"Chấp nhận giải trình…": asks for a reason, writes the row to "Giải trình", checks again: the finding is accepted', async () => {
    const excel = new FakeExcel(cloneModel(workbook));
    renderPane(paneHostOn(excel));
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    openAllGroups();
    const item = screen.getAllByTestId('finding').find((el) => el.textContent?.includes('Xã Yên Bình') && el.textContent?.includes('Số cuộc đối thoại'))!;
    fireEvent.click(within(item).getByTestId('accept'));
    const dialog = await screen.findByTestId('accept-dialog');
    // A reason is required.
    fireEvent.click(within(dialog).getByTestId('accept-save'));
    expect(within(dialog).getByText(vi.findings.acceptReasonNeeded)).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('accept-reason'), { target: { value: 'Bí thư đi học; =bù vào quý I' } });
    fireEvent.change(within(dialog).getByTestId('accept-by'), { target: { value: 'Trần Văn B' } });
    fireEvent.click(within(dialog).getByTestId('accept-save'));
    await settled(3);
    expect(notice().textContent).toBe(vi.notices.acceptedWritten('Xã Yên Bình', 'DOI_THOAI'));
    const g = excel.sheet('Giải trình');
    const row = [1, 2, 3, 4, 5, 6].map((c) => g.get(4, c)?.value);
    expect(row).toEqual(['Xã Yên Bình', 'DOI_THOAI', 'Không đạt chỉ tiêu', 6, 'Bí thư đi học; =bù vào quý I', 'Trần Văn B']);
    // Written as text: a reason starting like a formula stays text.
    expect(g.get(4, 5)?.formula).toBeUndefined();
    expect(screen.getAllByTestId('accepted').map((el) => el.textContent?.includes('Xã Yên Bình'))).toEqual([true]);
    expect(screen.getByTestId('count-accepted').textContent).toBe(vi.summary.accepted(1));
    openAllGroups();
    expect(screen.getAllByTestId('finding').some((el) => el.textContent?.includes('Xã Yên Bình') && el.textContent?.includes('Số cuộc đối thoại'))).toBe(false);
  });

  test('what changed since the check the rollup was written from', async () => {
    const excel = new FakeExcel(cloneModel(workbook));
    renderPane(paneHostOn(excel));
    await settled(1);
    fireEvent.click(screen.getByTestId('check'));
    await settled(2);
    expect(screen.queryByTestId('changes')).toBeNull();
    fireEvent.click(screen.getByTestId('rollup'));
    await settled(3);
    // Tân Thành corrects its supervision count in the workbook, and the office checks again.
    excel.sheet('bao cao dan van nam 2023 - Tan ').at(22, 5).value = 1;
    fireEvent.click(screen.getByTestId('check'));
    await settled(4);
    expect(screen.getByTestId('changes').textContent).toMatch(/^So với lần kiểm tra trước: 0 phát hiện mới, 1 đã sửa, 0 đã chấp nhận giải trình, \d+ vẫn còn; 2 số liệu thay đổi\.$/);
  });
});

describe('help inside the pane', () => {
  test.each([
    ['vi', vi],
    ['en', STRINGS.en],
  ] as const)('%s: every part, every kind of finding explained, the sample button inserts the sample', async (_lang, strings) => {
    const host = fakeHost(workbook);
    const { sample } = renderPane(host, strings);
    await settled(1);
    expect(screen.queryByTestId('help')).toBeNull();
    const toggle = screen.getByRole('button', { name: strings.help.open });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const help = screen.getByTestId('help');
    expect(screen.getByRole('button', { name: strings.help.close }).getAttribute('aria-expanded')).toBe('true');
    for (const part of [strings.help.what, strings.help.rules, strings.help.findings, strings.help.unreadable, strings.help.versions])
      expect(within(help).getByRole('heading', { name: part.title, level: 3 })).toBeTruthy();
    const kinds = Object.keys(strings.kind);
    expect(Array.from(help.querySelectorAll('li[data-kind]')).map((li) => li.getAttribute('data-kind'))).toEqual(kinds);
    for (const k of kinds) expect(help.textContent).toContain(strings.help.findings.meaning[k as keyof typeof strings.kind]);
    expect(within(help).getAllByRole('row')).toHaveLength(1 + strings.help.versions.rows.length);
    fireEvent.click(within(help).getByRole('button', { name: strings.rules.insertSample }));
    await settled(2);
    expect(sample).toHaveBeenCalledTimes(1);
  });
});

test('lock files and macOS companions dropped with the reports are left out of the file list', async () => {
  renderPane(fakeHost(workbook));
  await settled(0);
  const files = ['Xa Yen Binh.xlsx', '._Xa Yen Binh.xlsx', '~$Xa Yen Binh.xlsx', '.~lock.Xa Yen Binh.xlsx#', 'Phuong 1.ods'].map((n) => new File([new Uint8Array([1])], n));
  fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files, types: ['Files'] } });
  // The list folds to its count ("2 tệp báo cáo · Xem danh sách"): the count read as shown, then the list opened.
  await waitFor(() => expect(screen.getByTestId('file-count').textContent).toBe(vi.sources.filesAdded(2)));
  fireEvent.click(screen.getByTestId('toggle-files'));
  await waitFor(() => expect(screen.getByTestId('file-list').querySelectorAll('li')).toHaveLength(2));
  expect(screen.getByTestId('file-list').textContent).toContain('Xa Yen Binh.xlsx');
  expect(screen.getByTestId('file-list').textContent).not.toContain('~$');
  expect(screen.getByTestId('file-list').textContent).not.toContain('._');
});
