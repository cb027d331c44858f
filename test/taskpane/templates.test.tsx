/** @jest-environment jsdom */
// "Tạo biểu mẫu báo cáo": the pane makes the units' report templates from the chosen rules, the
// same workbooks `chitieu mau` writes, in one zip offered through the host (a fake here).
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { main as cli } from '../../src/cli/main';
import { App } from '../../src/taskpane/components/App';
import { isRulesSheet } from '../../src/taskpane/check';
import { STRINGS } from '../../src/taskpane/strings';
import { fakeHost } from './fakeHost';
import { RULES_FILE, cloneModel, sampleRules } from './samples';

jest.setTimeout(90_000);
const vi = STRINGS.vi;

function renderPane(host: ReturnType<typeof fakeHost>) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} strings={vi} sampleRules={sampleRules} />
    </FluentProvider>,
  );
}

const finished = () => Number(document.querySelector('main')!.getAttribute('data-finished'));
const settled = (n: number) => waitFor(() => expect(finished()).toBeGreaterThanOrEqual(n), { timeout: 60_000 });

/** Every cell of the template's sheet: value, whether it is open to typing, its validation. */
async function cellsOf(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet('Báo cáo')!;
  const out: string[] = [`protected:${JSON.stringify((ws as unknown as { sheetProtection: unknown }).sheetProtection)}`, `hidden H:${ws.getColumn(8).hidden}`];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (c, col) => {
      out.push(`${r}:${col} ${JSON.stringify(c.value)} ${c.protection?.locked === false ? 'open' : 'locked'} ${JSON.stringify(c.dataValidation ?? null)}`);
    }),
  );
  return out;
}

test('from the rules sheets of the workbook: one template per roster unit in bieu-mau.zip, cell for cell those of `chitieu mau`', async () => {
  const rules = await sampleRules();
  const host = fakeHost(cloneModel({ name: 'So.xlsx', sheets: rules.sheets.filter((s) => isRulesSheet(s.name)) }));
  renderPane(host);
  await settled(1);
  fireEvent.click(screen.getByTestId('make-templates'));
  await settled(2);
  expect(host.saveFile).toHaveBeenCalledTimes(1);
  const [name, bytes, type] = host.saveFile.mock.calls[0] as [string, Uint8Array, string];
  expect([name, type]).toEqual(['bieu-mau.zip', 'application/zip']);
  const files = unzipSync(bytes);
  const units = ['Phường Hòa Lạc', 'Phường Tân Thành', 'Phường Đồng Tâm', 'Xã Yên Bình', 'Xã Phú Thịnh', 'Xã Thanh Sơn', 'Xã Minh Khai'];
  expect(Object.keys(files)).toEqual(units.map((u) => `${u}.xlsx`));
  // The pane says what it made, beside the rules.
  expect(screen.getByTestId('notice-region-rules').textContent).toContain(vi.rules.templatesDone('bieu-mau.zip', units.map((u) => `${u}.xlsx`)));

  // The command line's templates from the same rules file.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-pane-mau-'));
  expect(await cli(['mau', '--rules', RULES_FILE, '--out', path.join(dir, 'mau')], { out: () => undefined, err: () => undefined, isTTY: false })).toBe(0);
  for (const u of units) {
    const pane = await cellsOf(files[`${u}.xlsx`]);
    expect(pane).toContain(`2:1 ${JSON.stringify(u)} locked null`);
    expect(pane).toEqual(await cellsOf(new Uint8Array(await fs.readFile(path.join(dir, 'mau', `${u}.xlsx`)))));
  }
});

test('from a chosen rules file; without one, the pane says so beside the rules and downloads nothing', async () => {
  const host = fakeHost({ name: 'So.xlsx', sheets: [] });
  renderPane(host);
  await settled(1);
  // No rules sheet in the workbook: the rules are to come from a file, none chosen yet.
  expect((screen.getByRole('radio', { name: vi.rules.fromFile }) as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByTestId('make-templates'));
  await settled(2);
  expect(host.saveFile).not.toHaveBeenCalled();
  expect(screen.getByTestId('notice-region-rules').textContent).toContain(vi.errors.noRulesFile);

  const bytes = await fs.readFile(RULES_FILE);
  // jsdom's File has no arrayBuffer(); every browser the pane runs in has.
  const file = Object.assign(new File([new Uint8Array(bytes)], 'chi-tieu-2023.xlsx'), { arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  fireEvent.change(screen.getByTestId('rules-input'), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByTestId('rules-file').textContent).toContain('chi-tieu-2023.xlsx'));
  fireEvent.click(screen.getByTestId('make-templates'));
  await settled(3);
  expect(host.saveFile).toHaveBeenCalledTimes(1);
  expect(Object.keys(unzipSync(host.saveFile.mock.calls[0][1] as Uint8Array))).toHaveLength(7);
});
