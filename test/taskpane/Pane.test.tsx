/** @jest-environment jsdom */
// The pane's frame and its result views under jsdom: two views, the focus after a check, messages
// on their input, counts that filter, units worst first, groups, refused files, a first run,
// stale results, the language switch. Everything is read from the text the pane shows.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CheckResult, WorkbookModel } from '../../src/core';
import { App } from '../../src/taskpane/components/App';
import { isRulesSheet } from '../../src/taskpane/check';
import { rememberLanguage, rememberedLanguage } from '../../src/taskpane/language';
import { STRINGS } from '../../src/taskpane/strings';
import type { PaneHost } from '../../src/taskpane/host';
import { fakeHost } from './fakeHost';
import { cloneModel, combinedWorkbook, countsOf, engineCheck, sampleRules } from './samples';

const vi = STRINGS.vi;
// Whole checks of the samples under jsdom on a busy machine: a time limit, not a timing claim.
jest.setTimeout(90_000);
let workbook: WorkbookModel;
let expected: CheckResult;
beforeAll(async () => {
  workbook = await combinedWorkbook('So.xlsx');
  expected = engineCheck({ name: workbook.name, sheets: workbook.sheets.filter((s) => isRulesSheet(s.name)) }, [{ name: workbook.name, sheets: workbook.sheets.filter((s) => !isRulesSheet(s.name)) }]);
});

function renderPane(host: PaneHost, onLanguage?: (l: 'vi' | 'en') => void) {
  const sample = async () => {
    const m = await sampleRules();
    return { ...m, sheets: m.sheets.filter((s) => isRulesSheet(s.name)) };
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} strings={vi} sampleRules={sample} onLanguage={onLanguage} />
    </FluentProvider>,
  );
}
const finished = () => Number(document.querySelector('main')!.getAttribute('data-finished'));
const settled = (n: number) => waitFor(() => expect(finished()).toBeGreaterThanOrEqual(n), { timeout: 20_000 });
const headingText = () => screen.getByTestId('findings-heading').textContent;
const visibleUnits = () => screen.getAllByTestId('unit').map((u) => u.querySelector('.fui-Text')?.textContent ?? '');
function openAllGroups() {
  for (const b of screen.queryAllByTestId('group-toggle')) if (b.getAttribute('aria-expanded') === 'false') fireEvent.click(b);
}
async function checked(host = fakeHost(cloneModel(workbook))) {
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  return host;
}

test('after "Kiểm tra" the pane shows "Kết quả", its summary first and focused; "Thiết lập" is hidden', async () => {
  renderPane(fakeHost(cloneModel(workbook)));
  await settled(1);
  expect(screen.getByTestId('scroller-results').hidden).toBe(true);
  expect(screen.getByTestId('no-results').textContent).toBe(vi.pane.noResults);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  expect(screen.getByTestId('scroller-setup').hidden).toBe(true);
  expect(screen.getByTestId('scroller-results').hidden).toBe(false);
  expect(screen.getByRole('tab', { name: 'Kết quả' }).getAttribute('aria-selected')).toBe('true');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('summary-heading')));
  expect(document.activeElement?.textContent).toBe('Kết quả');
  // "Kiểm tra" is in the footer, outside both views.
  expect(screen.getByTestId('check').closest('footer')).not.toBeNull();
});

test('no rules: the message is on the rules, in "Thiết lập", with the focus', async () => {
  const host = fakeHost({ ...workbook, sheets: cloneModel(workbook).sheets.filter((s) => !isRulesSheet(s.name)) });
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('check'));
  await settled(2);
  const rules = screen.getByTestId('rules-section');
  expect(within(rules).getByTestId('notice').textContent).toContain('Chưa chọn tệp chỉ tiêu');
  expect(screen.getByTestId('scroller-setup').hidden).toBe(false);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('notice-region-rules')));
});

test('the counts filter the findings when clicked, and say so when pressed', async () => {
  await checked();
  const c = countsOf(expected);
  const total = expected.findings.length;
  const warnings = screen.getByTestId('count-warning');
  expect(warnings.textContent).toBe(`${c.warning} cảnh báo`);
  fireEvent.click(warnings);
  expect(warnings.getAttribute('aria-pressed')).toBe('true');
  expect(headingText()).toBe(`Phát hiện (${c.warning}/${total})`);
  openAllGroups();
  const shown = screen.getAllByTestId('finding-severity').map((el) => el.textContent);
  expect(shown).toEqual(shown.map(() => 'Cảnh báo'));
  expect(shown).toHaveLength(c.warning);
  fireEvent.click(screen.getByTestId('count-error'));
  expect(headingText()).toBe(`Phát hiện (${c.error}/${total})`);
  fireEvent.click(screen.getByTestId('count-error'));
  expect(headingText()).toBe(`Phát hiện (${total})`);
});

test('units worst first; "Chỉ đơn vị chưa đạt" hides those on target; a chosen unit looks chosen and narrows the findings', async () => {
  await checked();
  const rank = { unreadable: 0, errors: 1, 'other-period': 2, missing: 2, unknown: 3, warnings: 4, ok: 5 } as const;
  const want = [...expected.units].sort((a, b) => rank[a.status] - rank[b.status] || b.errors - a.errors || b.warnings - a.warnings).map((u) => u.unit);
  expect(visibleUnits()).toEqual(want);
  // The first unit has errors, the last of the sample is on target or has fewer.
  expect(within(screen.getAllByTestId('unit')[0]).getByTestId('unit-status').textContent).toMatch(/^\d+ lỗi/);
  fireEvent.click(screen.getByRole('checkbox', { name: /^Chỉ đơn vị chưa đạt/ }));
  expect(visibleUnits()).toEqual(want.filter((u) => expected.units.find((x) => x.unit === u)!.status !== 'ok'));

  const unit = want[0];
  const button = within(screen.getAllByTestId('unit')[0]).getByRole('button');
  const plain = button.className;
  fireEvent.click(button);
  expect(button.getAttribute('aria-pressed')).toBe('true');
  expect(button.className).not.toBe(plain);
  const ofUnit = expected.findings.filter((f) => f.unit === unit).length;
  expect(headingText()).toBe(`Phát hiện (${ofUnit}/${expected.findings.length})`);
  expect(screen.getByTestId('feedback').textContent).toBe(`Tạo phiếu phản hồi cho ${unit}`);
});

test('findings grouped by unit (folding) or by kind, errors first in each group', async () => {
  await checked();
  const groups = () => screen.getAllByTestId('group-toggle').map((b) => b.querySelector('.fui-Text')?.textContent);
  const units = new Set(expected.findings.map((f) => f.unit));
  expect(groups()).toHaveLength(units.size);
  const first = screen.getAllByTestId('group-toggle')[0];
  const open = first.getAttribute('aria-expanded') === 'true';
  fireEvent.click(first);
  expect(first.getAttribute('aria-expanded')).toBe(String(!open));
  fireEvent.change(screen.getByTestId('group-by'), { target: { value: 'kind' } });
  const kinds = [...new Set(expected.findings.map((f) => f.kind))];
  expect(groups().sort()).toEqual(kinds.map((k) => `${vi.kind[k]} (${expected.findings.filter((f) => f.kind === k).length})`).sort());
  openAllGroups();
  for (const g of screen.getAllByTestId('finding-group')) {
    const sev = within(g).getAllByTestId('finding-severity').map((el) => ['Lỗi', 'Cảnh báo', 'Thông tin'].indexOf(el.textContent!));
    expect(sev).toEqual([...sev].sort((a, b) => a - b));
  }
});

test('files the reader cannot read are refused at once, named; the list folds to its count', async () => {
  const host = fakeHost(cloneModel(workbook));
  renderPane(host);
  await settled(1);
  const input = screen.getByTestId('report-input') as HTMLInputElement;
  expect(input.accept).toBe('.xlsx,.xlsm,.xls,.xlsb,.ods');
  const files = [new File(['x'], 'bao cao.pdf'), new File(['x'], 'Ghi chú.docx'), new File(['x'], 'Xã A.xlsx')];
  fireEvent.change(input, { target: { files } });
  const sources = screen.getByTestId('sources-section');
  const message = within(sources).getByTestId('notice').textContent!;
  expect(message).toContain('"bao cao.pdf"');
  expect(message).toContain('"Ghi chú.docx"');
  expect(message).not.toContain('Xã A.xlsx');
  expect(screen.getByTestId('file-count').textContent).toBe('1 tệp báo cáo');
  expect(screen.queryByTestId('file-list')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Xem danh sách' }));
  expect(within(screen.getByTestId('file-list')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Xã A.xlsx']);
  // Nothing was read: the refusal came before any check.
  expect(host.readSheets).not.toHaveBeenCalled();
});

test('a blank workbook: a first-run view; the empty sheet is never a report', async () => {
  const blank: WorkbookModel = { name: 'Book1', sheets: [{ name: 'Sheet1', rows: [], merges: [], hiddenRows: [], hiddenCols: [] }] };
  const host = fakeHost(blank);
  renderPane(host);
  await settled(1);
  const first = screen.getByTestId('first-run');
  expect(within(first).getAllByRole('listitem')).toHaveLength(3);
  expect(within(first).getByRole('button', { name: 'Xem hướng dẫn' })).toBeTruthy();
  fireEvent.click(within(first).getByRole('button', { name: 'Chèn bảng chỉ tiêu mẫu' }));
  await settled(2);
  expect(host.insertSheets).toHaveBeenCalledTimes(1);
  // No targets file was chosen: the new sheets are the rules now.
  expect((screen.getByRole('radio', { name: vi.rules.fromWorkbook }) as HTMLInputElement).checked).toBe(true);
  expect(screen.queryByTestId('first-run')).toBeNull();
  fireEvent.click(screen.getByTestId('check'));
  await settled(3);
  const sources = screen.getByTestId('sources-section');
  expect(within(sources).getByTestId('notice').textContent).toContain('Bỏ qua trang trống "Sheet1".');
});

test('results go stale when an input changes; actions then say why they wait', async () => {
  await checked();
  expect(screen.queryByTestId('stale')).toBeNull();
  expect(screen.queryByTestId('flag-why')).toBeNull();
  fireEvent.change(screen.getByTestId('report-input'), { target: { files: [new File(['x'], 'Xã B.xlsx')] } });
  expect(screen.getByTestId('stale').textContent).toBe('Kết quả cũ – hãy kiểm tra lại');
  expect(screen.getByTestId('flag').getAttribute('aria-disabled')).toBe('true');
  expect(screen.getByTestId('flag-why').textContent).toBe('Kết quả cũ: bấm "Kiểm tra" lại trước.');
  expect(screen.getByTestId('flag').getAttribute('aria-describedby')).toBe(screen.getByTestId('flag-why').id);
  // Back to the inputs that were checked: the result is current again.
  fireEvent.click(screen.getByTestId('remove-all-files'));
  expect(screen.queryByTestId('stale')).toBeNull();
  fireEvent.click(screen.getByRole('checkbox', { name: vi.sources.useWorkbook, hidden: true }));
  expect(screen.getByTestId('stale').textContent).toBe('Kết quả cũ – hãy kiểm tra lại');
});

test('before any check the actions say why they are off; "Xóa đánh dấu" only while there may be marks', async () => {
  const host = fakeHost(cloneModel(workbook));
  renderPane(host);
  await settled(1);
  for (const id of ['flag', 'rollup', 'feedback']) expect(screen.getByTestId(`${id}-why`).textContent).toBe('Bấm "Kiểm tra" trước.');
  fireEvent.click(screen.getByTestId('clear'));
  await settled(2);
  expect(screen.queryByTestId('clear')).toBeNull();
  fireEvent.click(screen.getByTestId('check'));
  await settled(3);
  fireEvent.click(screen.getByTestId('flag'));
  await settled(4);
  expect(screen.getByTestId('clear').textContent).toBe('Xóa đánh dấu');

  document.body.innerHTML = '';
  renderPane(fakeHost(cloneModel(workbook), { flagged: false }));
  await settled(1);
  expect(screen.queryByTestId('clear')).toBeNull();
});

test('inserting the sample while a targets file is chosen asks before switching to it', async () => {
  const host = fakeHost({ ...workbook, sheets: cloneModel(workbook).sheets.filter((s) => !isRulesSheet(s.name)) });
  renderPane(host);
  await settled(1);
  fireEvent.change(screen.getByTestId('rules-input'), { target: { files: [new File(['x'], 'chi-tieu.xlsx')] } });
  fireEvent.click(screen.getByTestId('insert-sample'));
  await settled(2);
  expect(host.insertSheets).toHaveBeenCalledTimes(1);
  expect((screen.getByRole('radio', { name: vi.rules.fromFile }) as HTMLInputElement).checked).toBe(true);
  expect(within(screen.getByTestId('rules-section')).getByTestId('notice').textContent).toContain('Chỉ tiêu vẫn lấy từ tệp "chi-tieu.xlsx"');
  fireEvent.click(screen.getByRole('button', { name: 'Dùng bảng mẫu' }));
  expect((screen.getByRole('radio', { name: vi.rules.fromWorkbook }) as HTMLInputElement).checked).toBe(true);
});

test('a rules file of another format is refused at once', async () => {
  const host = fakeHost({ ...workbook, sheets: cloneModel(workbook).sheets.filter((s) => !isRulesSheet(s.name)) });
  renderPane(host);
  await settled(1);
  fireEvent.change(screen.getByTestId('rules-input'), { target: { files: [new File(['x'], 'chi-tieu.pdf')] } });
  expect(within(screen.getByTestId('rules-section')).getByTestId('notice').textContent).toContain('"chi-tieu.pdf"');
  expect(screen.getByTestId('rules-file').textContent).toBe(vi.rules.noFileYet);
});

test('the language switch hands the choice on; the choice is remembered', async () => {
  const chosen: string[] = [];
  renderPane(fakeHost(cloneModel(workbook)), (l) => chosen.push(l));
  await settled(1);
  fireEvent.change(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), { target: { value: 'en' } });
  expect(chosen).toEqual(['en']);
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  expect(rememberedLanguage(storage)).toBeNull();
  rememberLanguage('en', storage);
  expect(rememberedLanguage(storage)).toBe('en');
  store.set('chitieu.language', 'fr');
  expect(rememberedLanguage(storage)).toBeNull();
  const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
  expect(() => rememberLanguage('vi', refusing)).not.toThrow();
  expect(rememberedLanguage(refusing)).toBeNull();
});
