/** @jest-environment jsdom */
// The pane's components under jsdom with a fake PaneHost: no Excel, no browser.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CellFlag, WorkbookModel } from '../../src/core';
import { setCell } from '../../src/core/model';
import { ExcelAdapterError } from '../../src/excel/errors';
import { App } from '../../src/taskpane/components/App';
import { isRulesSheet } from '../../src/taskpane/check';
import type { PaneHost } from '../../src/taskpane/host';
import { STRINGS, Strings, stringsFor } from '../../src/taskpane/strings';
import { cloneModel, combinedWorkbook, countsOf, engineCheck, sampleRules } from './samples';

const vi = STRINGS.vi;

interface Fake extends PaneHost {
  model: WorkbookModel;
  describeWorkbook: jest.Mock;
  readSheets: jest.Mock;
  writeRollup: jest.Mock;
  applyFlags: jest.Mock;
  clearFlags: jest.Mock;
  selectCell: jest.Mock;
  insertSheets: jest.Mock;
}

function fakeHost(model: WorkbookModel): Fake {
  return {
    model,
    displayLanguage: 'vi-VN',
    describeWorkbook: jest.fn(async () => ({ name: model.name, sheets: model.sheets.map((s) => ({ name: s.name, visible: true })) })),
    readSheets: jest.fn(async (names: string[]) => ({ name: model.name, sheets: cloneModel({ ...model, sheets: model.sheets.filter((s) => names.includes(s.name)) }).sheets })),
    writeRollup: jest.fn(async () => ['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra']),
    applyFlags: jest.fn(async (flags: CellFlag[]) => ({ applied: flags.length, skipped: 0 })),
    clearFlags: jest.fn(async () => ({ restored: 3, kept: 0 })),
    selectCell: jest.fn(async () => undefined),
    insertSheets: jest.fn(async (sheets: { name: string }[]) => sheets.map((s) => s.name)),
  };
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
  await waitFor(() => expect(finished()).toBeGreaterThanOrEqual(n));
}
const notice = () => screen.getByTestId('notice');
const checked = (el: HTMLElement) => (el as HTMLInputElement).checked;

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
  for (const s of ['error', 'warning', 'info'] as const) expect(screen.getByTestId(`count-${s}`).getAttribute('data-count')).toBe(String(c[s]));
  expect(screen.getAllByTestId('finding')).toHaveLength(expected.findings.length);
  expect(notice().textContent).toContain(vi.summary.done(c.error, c.warning, c.info));
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
  const first = screen.getAllByTestId('finding').find((li) => li.getAttribute('data-cell'))!;
  const sheet = first.getAttribute('data-sheet')!;
  const cell = first.getAttribute('data-cell')!;
  fireEvent.click(within(first).getByRole('button', { name: vi.findings.goTo(sheet, cell) }));
  await settled(3);
  expect(host.selectCell).toHaveBeenCalledWith(sheet, cell);

  const all = screen.getAllByTestId('finding').length;
  fireEvent.change(screen.getByTestId('filter-severity'), { target: { value: 'error' } });
  const errors = screen.getAllByTestId('finding');
  expect(errors.length).toBeLessThan(all);
  expect(errors.every((li) => li.getAttribute('data-severity') === 'error')).toBe(true);
  expect(screen.getByTestId('findings-heading').textContent).toBe(vi.findings.heading(errors.length, all));
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
