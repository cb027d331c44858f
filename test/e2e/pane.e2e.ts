// The task pane in a real browser, driven as a clerk would: headless Chromium (Debian's
// package) through playwright-core, the production build of the pane served on 127.0.0.1,
// office.js replaced by a fake backed by the fake Excel host. Expected figures come from
// the engine run in Node on the same samples, never typed in here. Each test opens its own
// page on its own workbook, so none depends on another's state; every wait is on an event or
// a selector, never a fixed delay. Scrollbars are shown, as in Excel.
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
  largeDistrict,
  loadSamples,
  modelJson,
  serve,
  workbookOfReports,
} from './support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Excel's task pane: 350 px wide by default, 700 px high here. */
const WIDTH = 350;
const HEIGHT = 700;

interface FakeFill {
  pattern: string;
  color: string;
}
type Snapshot = Record<string, { value: unknown; formula?: string; error?: string; numFmt: string; fill: FakeFill; bold: boolean }>;

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
/** The page of the running test. */
let page: Page;
let samples: Samples;
let byFiles: CheckResult;
/** The sample reports as sheets of one workbook, without rules sheets. */
let workbook: WorkbookModel;
/** The same with the sample rules inserted, and what the pane must find in it. */
let withRules: WorkbookModel;
let byWorkbook: CheckResult;
const blankWorkbook: WorkbookModel = { name: 'Book1', sheets: [{ name: 'Sheet1', rows: [], merges: [], hiddenRows: [], hiddenCols: [] }] };
const requests: string[] = [];
const timings: Array<[string, number]> = [];
/** What each page said while it was open: policy violations, and whether the old-webview guard showed. */
const cspSeen: string[] = [];
const guardShown: string[] = [];
const pages: Page[] = [];

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

/** Lets the page render what the last event changed: two animation frames. */
async function rendered(p: Page = page): Promise<void> {
  await p.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
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

/** The counts as shown: "7 lỗi", "12 cảnh báo", "3 thông tin", read back as numbers. */
async function shownCounts(): Promise<Record<Severity, number>> {
  const words: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' };
  const read = async (s: Severity) => {
    const text = await textOf(byTestId(`count-${s}`));
    const m = new RegExp(`^(\\d+) ${words[s]}$`).exec(text);
    return m ? Number(m[1]) : NaN;
  };
  return { error: await read('error'), warning: await read('warning'), info: await read('info') };
}

/** "Phát hiện (12)" or "Phát hiện (3/12)": the number shown. */
async function headingCount(): Promise<number> {
  return Number(/\((\d+)(?:\/\d+)?\)$/.exec(await textOf(byTestId('findings-heading')))?.[1]);
}

/** Opens every folded group of findings (each opening renders its first page of findings). */
async function openAllGroups(): Promise<void> {
  for (;;) {
    const closed = page.locator('[data-testid="group-toggle"][aria-expanded="false"]');
    if ((await closed.count()) === 0) return;
    await closed.first().click();
  }
}

interface OpenOptions {
  model?: WorkbookModel;
  lang?: string;
  ctx?: BrowserContext;
}

/** A new page on its own fake workbook; it becomes the test's `page`. */
async function openPane({ model = withRules, lang = 'vi-VN', ctx = context }: OpenOptions = {}): Promise<Page> {
  const p = await ctx.newPage();
  p.on('request', (r) => requests.push(r.url()));
  await p.addInitScript(
    ([m, language]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__CHITIEU_FAKE_MODEL__ = m;
      w.__CHITIEU_FAKE_LANG__ = language;
    },
    [modelJson(model), lang] as const,
  );
  await p.goto(server.url);
  await p.waitForFunction(() => Number(document.querySelector('main')?.getAttribute('data-finished')) >= 1);
  pages.push(p);
  page = p;
  return p;
}

/** "Kiểm tra", then waits for the result's view. */
async function check(): Promise<void> {
  await operation(() => byTestId('check').click());
}

async function newContext(width: number, height: number, zoom = 1): Promise<BrowserContext> {
  // The browser's zoom: CSS pixels shrink, device pixels stay (200 % of a 320 px pane is 160 CSS px).
  const ctx = await browser.newContext({ viewport: { width: Math.round(width / zoom), height: Math.round(height / zoom) }, deviceScaleFactor: zoom, locale: 'vi-VN' });
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  return ctx;
}

beforeAll(async () => {
  const t0 = Date.now();
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.mkdir(SHOTS, { recursive: true });
  samples = await loadSamples();
  byFiles = engineCheck(samples.rules, samples.reports);
  workbook = workbookOfReports(samples, byFiles);
  ({ result: byWorkbook, withRules } = await expectedForWorkbook(workbook, samples));
  await buildPane();
  timings.push(['dựng ngăn (webpack production + office.js giả)', Date.now() - t0]);
  server = await serve();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Scrollbars as Excel shows them: Playwright hides them by default.
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await newContext(WIDTH, HEIGHT);
}, 900_000);

afterEach(() => flushPages());

/** Closes the test's pages, keeping what they saw for the tests at the end. */
async function flushPages(): Promise<void> {
  for (const p of pages.splice(0)) {
    if (p.isClosed()) continue;
    const seen = await p.evaluate(() => ({
      csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
      guard: (window as unknown as { chitieuGuard?: { shown(): boolean } }).chitieuGuard?.shown() ?? false,
    }));
    cspSeen.push(...seen.csp);
    if (seen.guard) guardShown.push(p.url());
    await p.close();
  }
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (timings.length) console.log(timings.map(([k, v]) => `${k}: ${(v / 1000).toFixed(2)} s`).join('\n'));
});

/** Every visible scrolling element of the pane, and the page: none wider than its box. */
async function overflow(p: Page): Promise<Array<{ what: string; scrollWidth: number; clientWidth: number; widest: string }>> {
  return p.evaluate(() => {
    const scrollers = [
      document.documentElement,
      ...Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="scroller-"]')).filter((el) => !el.hidden),
      ...Array.from(document.querySelectorAll<HTMLElement>('dialog[open]')),
    ];
    return scrollers
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => {
        const right = el.getBoundingClientRect().left + el.clientWidth;
        const over = Array.from(el.querySelectorAll<HTMLElement>('*')).filter((c) => c.getBoundingClientRect().right > right + 0.5);
        const last = over[over.length - 1];
        return { what: el.getAttribute('data-testid') ?? el.tagName, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, widest: last ? `${last.tagName}.${last.className} "${(last.textContent ?? '').slice(0, 40)}"` : '' };
      });
  });
}

/**
 * What a look at the screenshots found, measured: the page itself never scrolls in a tall pane
 * (the view scrolls, under a fixed header and footer; text kept for screen readers once made the
 * page scroll too, pushing "Kiểm tra" up); "Kiểm tra" is in view; a message's text has the bar's
 * width (beside its icon and dismiss button at 160 px it broke inside words); the filters that
 * stay in view leave most of the view to the findings (four stacked at 320 px took 58 %).
 */
async function layoutProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const d = document.documentElement;
    if (window.innerHeight > 500 && d.scrollHeight > d.clientHeight) out.push(`the page scrolls: ${d.scrollHeight} > ${d.clientHeight}`);
    const check = document.querySelector('[data-testid="check"]')!.getBoundingClientRect();
    if (check.top < 0 || check.bottom > window.innerHeight) out.push(`"Kiểm tra" out of view: ${Math.round(check.top)}–${Math.round(check.bottom)} of ${window.innerHeight}`);
    for (const bar of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="notice"]'))) {
      const body = bar.querySelector<HTMLElement>('.fui-MessageBarBody');
      if (body && body.clientWidth < 0.6 * bar.clientWidth) out.push(`a message squeezed: its text ${body.clientWidth} px of ${bar.clientWidth}`);
    }
    const filters = document.querySelector<HTMLElement>('[data-testid="filters"]');
    const scroller = filters?.closest<HTMLElement>('[data-testid^="scroller-"]');
    if (filters && scroller && !scroller.hidden && getComputedStyle(filters).position === 'sticky' && filters.offsetHeight > 0.4 * scroller.clientHeight)
      out.push(`the filters take ${filters.offsetHeight} px of ${scroller.clientHeight}`);
    return out;
  });
}

/** Whether the element starts inside the window (its first line, the plain sentence, is readable). */
async function inViewport(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top + Math.min(r.height, 40) <= window.innerHeight && r.height > 0;
  });
}

async function focusedTestId(p: Page = page): Promise<string | null> {
  return p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** axe on the whole page, every impact. */
async function axe(p: Page): Promise<string[]> {
  const source = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the browser's debugging protocol: a <script> tag of the test's own
  // would be refused by the page's Content-Security-Policy, and reported as a violation.
  await p.evaluate(source);
  return p.evaluate(async () => {
    const a = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    // Every rule, every impact, the whole page: nothing left out.
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes[0]?.target)})`);
  });
}

/** Drops files on the pane as a user drags them from the desktop. */
async function drop(files: Array<{ name: string; bytes: Buffer }>): Promise<void> {
  await page.evaluate(
    (list) => {
      const dt = new DataTransfer();
      for (const { name, b64 } of list) {
        const raw = atob(b64);
        const data = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
        dt.items.add(new File([data], name));
      }
      const zone = document.querySelector('[data-testid="drop-zone"]')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })),
  );
}

/** A screenshot whose content the caller has just asserted; at 350 px, copied to docs/ on request. */
async function screenshot(name: string, p: Page = page): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  await p.screenshot({ path: file });
  if (process.env.UPDATE_README_SCREENSHOT && name.startsWith('pane-')) await fs.copyFile(file, path.join(ROOT, 'docs', `${name}.png`));
}

describe('task pane in Chromium', () => {
  test('opens in Vietnamese on "Thiết lập", lists the workbook sheets, asks for rules', async () => {
    await openPane({ model: workbook });
    await expectText(page.getByRole('heading', { level: 1 }), 'Kiểm tra chỉ tiêu');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await expectContains(byTestId('workbook-name'), WORKBOOK_NAME);
    await expectAttr(page.getByRole('tab', { name: 'Thiết lập' }), 'aria-selected', 'true');
    await expectChecked(page.getByRole('radio', { name: `Tất cả (${workbook.sheets.length} trang)` }));
    // No rules sheet in the workbook yet: the rules come from a file.
    await expectChecked(page.getByRole('radio', { name: 'Tệp chỉ tiêu trên máy' }));
    // Before a check the workbook actions say why they wait.
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await expectText(byTestId('flag-why'), 'Bấm "Kiểm tra" trước.');
  });

  test('checks the six sample report files against the rules file; the summary is in view and focused', async () => {
    await openPane({ model: workbook });
    await byTestId('rules-input').setInputFiles(RULES_FILE);
    await expectContains(byTestId('rules-file'), 'chi-tieu-2023.xlsx');
    await byTestId('use-workbook').uncheck();
    // Five picked at once, the sixth dropped on the pane.
    const [dropped, ...picked] = [...samples.reportFiles].reverse();
    await byTestId('report-input').setInputFiles(picked);
    await drop([{ name: path.basename(dropped), bytes: await fs.readFile(dropped) }]);
    await expectText(byTestId('file-count'), `${samples.reportFiles.length} tệp báo cáo`);
    // The list is folded to its count until asked for.
    await expectCount(byTestId('file-list'), 0);
    await byTestId('toggle-files').click();
    await expectCount(byTestId('file-list').locator('li'), samples.reportFiles.length);

    // The progress bar shows while the files are read (too briefly for a screenshot).
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="progress"][role="progressbar"], [data-testid="progress"] [role="progressbar"]')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    const runsBefore = await fake<number>('runs');
    await check();
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    await expectCount(byTestId('progress'), 0);
    expect(await focusedTestId()).toBe('summary-heading');
    expect(await inViewport(byTestId('summary-heading'))).toBe(true);
    const expected = countsOf(byFiles);
    expect(await shownCounts()).toEqual(expected);
    console.log(`Sáu tệp mẫu: ${expected.error} lỗi, ${expected.warning} cảnh báo, ${expected.info} thông tin (theo bộ máy kiểm tra trong Node).`);
    expect(await headingCount()).toBe(byFiles.findings.length);
    await openAllGroups();
    await expectCount(page.locator('[data-testid="finding"]'), byFiles.findings.length);
    const missing = byFiles.units.filter((u) => u.status === 'missing').length;
    await expectText(byTestId('units-checked'), `${byFiles.units.length - missing} đơn vị đã kiểm tra`);
    await expectText(byTestId('units-missing'), `${missing} chưa gửi báo cáo`);
    await expectCount(page.locator('[data-testid="unit"]'), byFiles.units.length);
    // Each unit's line says its state in words.
    for (const u of byFiles.units) {
      const line = page.locator('[data-testid="unit"]', { hasText: u.unit });
      const status = await textOf(line.getByTestId('unit-status'));
      if (u.status === 'missing') expect([u.unit, status]).toEqual([u.unit, 'Chưa gửi báo cáo']);
      else if (u.errors) expect([u.unit, status]).toEqual([u.unit, expect.stringMatching(new RegExp(`^${u.errors} lỗi`))]);
      else if (u.warnings) expect([u.unit, status]).toEqual([u.unit, expect.stringMatching(new RegExp(`^${u.warnings} cảnh báo`))]);
      else expect([u.unit, status]).toEqual([u.unit, expect.stringMatching(/^Đạt/)]);
    }
    // Files are read in the pane: only the sheet list was asked of Excel, nothing written.
    expect((await fake<number>('runs')) - runsBefore).toBe(1);
    expect(await fake<string[]>('sheetNames')).toEqual(workbook.sheets.map((s) => s.name));
    // Findings in files are not links into the workbook.
    await expectCount(byTestId('goto'), 0);
  });

  test('a dropped .pdf (and .docx) is refused at once, named, before any check', async () => {
    await openPane();
    const runs = await fake<number>('runs');
    await drop([
      { name: 'Báo cáo Xã A.pdf', bytes: Buffer.from('%PDF-1.4') },
      { name: 'Ghi chú.docx', bytes: Buffer.from('PK') },
    ]);
    const message = byTestId('sources-section').getByTestId('notice');
    await expectContains(message, '"Báo cáo Xã A.pdf"');
    await expectContains(message, '"Ghi chú.docx"');
    expect(await inViewport(message)).toBe(true);
    await expectCount(byTestId('file-count'), 0);
    expect(await fake<number>('runs')).toBe(runs);
  });

  test('inserts the sample rules as ordinary sheets, once', async () => {
    await openPane({ model: workbook });
    await operation(() => byTestId('insert-sample').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    const names = await fake<string[]>('sheetNames');
    expect(names).toEqual(expect.arrayContaining(['Chỉ tiêu', 'Kiểm tra chéo', 'Đơn vị']));
    // Not registered as the add-in's output: a rollup run must never delete them.
    expect(await fake<unknown[]>('names')).toEqual([]);
    await expectChecked(page.getByRole('radio', { name: 'Trang "Chỉ tiêu" của sổ tính này' }));
    await expectText(byTestId('rules-status'), 'Đã thấy trang "Chỉ tiêu" trong sổ tính.');
    // The rules sheets are not offered as reports.
    await expectVisible(page.getByRole('radio', { name: `Tất cả (${workbook.sheets.length} trang)` }));

    await operation(() => byTestId('insert-sample').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'warning');
    await expectContains(byTestId('notice'), 'không ghi đè');
    expect(await fake<string[]>('sheetNames')).toEqual(names);
  });

  test("checks the workbook's own sheets against its rules sheets", async () => {
    await openPane();
    await check();
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));
    expect(await headingCount()).toBe(byWorkbook.findings.length);
    await openAllGroups();
    await expectCount(page.locator('[data-testid="finding"]'), byWorkbook.findings.length);
    const local = byWorkbook.findings.filter((f) => f.file === WORKBOOK_NAME && f.sheet && f.cell).length;
    expect(local).toBeGreaterThan(0);
    await expectCount(byTestId('goto'), local);
  });

  test('filters: a count, a unit, a severity and a kind narrow the findings; the chosen unit looks chosen', async () => {
    await openPane();
    await check();
    const all = byWorkbook.findings;
    const severities = () => page.getByTestId('finding-severity').allTextContents();
    const unitWithMost = byWorkbook.units.map((u) => u.unit).sort((a, b) => all.filter((f) => f.unit === b).length - all.filter((f) => f.unit === a).length)[0];
    const unitButton = page.locator('[data-testid="unit"]', { hasText: unitWithMost }).getByRole('button');
    const plain = await unitButton.evaluate((el) => getComputedStyle(el).backgroundColor);
    await unitButton.click();
    await expectAttr(unitButton, 'aria-pressed', 'true');
    // The chosen look fades in (Fluent's buttons ease their background): wait for it, then compare.
    await page.waitForFunction(([el, before]) => getComputedStyle(el as Element).backgroundColor !== before, [await unitButton.elementHandle(), plain] as const);
    expect(await unitButton.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(plain);
    const ofUnit = all.filter((f) => f.unit === unitWithMost);
    expect(ofUnit.length).toBeLessThan(all.length);
    await expectText(byTestId('findings-heading'), `Phát hiện (${ofUnit.length}/${all.length})`);
    await openAllGroups();
    await expectCount(byTestId('finding-group'), 1);

    await byTestId('count-warning').click();
    await expectText(byTestId('findings-heading'), `Phát hiện (${ofUnit.filter((f) => f.severity === 'warning').length}/${all.length})`);
    await openAllGroups();
    expect(new Set(await severities())).toEqual(new Set(['Cảnh báo']));

    await byTestId('filter-unit').selectOption({ index: 0 });
    await byTestId('filter-kind').selectOption('shortfall');
    const both = all.filter((f) => f.severity === 'warning' && f.kind === 'shortfall');
    await expectText(byTestId('findings-heading'), `Phát hiện (${both.length}/${all.length})`);
    await byTestId('group-by').selectOption('kind');
    await expectCount(byTestId('finding-group'), 1);
    await expectContains(byTestId('group-toggle'), `Không đạt chỉ tiêu (${both.length})`);
    await byTestId('count-warning').click();
    await byTestId('filter-kind').selectOption('');
    await expectText(byTestId('findings-heading'), `Phát hiện (${all.length})`);
  });

  test('clicking a finding of this workbook activates its sheet and selects its cell; on a hidden sheet, "Hiện trang"', async () => {
    await openPane();
    await check();
    await openAllGroups();
    const target = byWorkbook.findings.find((f) => f.file === WORKBOOK_NAME && f.sheet && f.cell && f.unit !== '')!;
    const link = page.getByRole('button', { name: `Đến ô ${target.sheet}!${target.cell}`, exact: true }).first();
    await operation(() => link.click());
    expect(await fake<{ sheet: string; address: string }>('selection')).toEqual({ sheet: target.sheet, address: target.cell });
    expect(await fake<string>('active')).toBe(target.sheet);

    await fake('setVisibility', target.sheet, 'Hidden');
    await operation(() => link.click());
    await expectAttr(byTestId('notice'), 'data-intent', 'warning');
    await expectContains(byTestId('notice'), `trang "${target.sheet}"`);
    expect(await fake<string>('visibility', target.sheet)).toBe('Hidden');
    await operation(() => byTestId('show-sheet').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    expect(await fake<string>('visibility', target.sheet)).toBe('Visible');
    expect(await fake<{ sheet: string; address: string }>('selection')).toEqual({ sheet: target.sheet, address: target.cell });
  });

  test('a second click on "Kiểm tra" during a run starts no second run', async () => {
    await openPane();
    const button = byTestId('check');
    let before = await fake<number>('runs');
    await check();
    const perRun = (await fake<number>('runs')) - before;
    expect(perRun).toBeGreaterThan(0);

    // Two clicks in one task: the second lands before React renders the busy state.
    before = await fake<number>('runs');
    const f0 = await finished();
    await operation(() => button.evaluate((b: HTMLElement) => (b.click(), b.click())));
    await rendered();
    expect(await finished()).toBe(f0 + 1);
    expect((await fake<number>('runs')) - before).toBe(perRun);

    // Clicks while a slow run is going on: the run is held open until the test lets it go.
    await page.evaluate(() => ((window as unknown as { __CHITIEU_FAKE__: { syncDelayMs: number } }).__CHITIEU_FAKE__.syncDelayMs = 150));
    before = await fake<number>('runs');
    const f1 = await finished();
    await button.click();
    await expectAttr(button, 'aria-disabled', 'true');
    await expectAttr(page.locator('main'), 'aria-busy', 'true');
    await expectText(button, 'Đang kiểm tra…');
    await button.click({ force: true });
    await button.evaluate((b: HTMLElement) => b.click());
    await page.waitForFunction((n) => Number(document.querySelector('main')?.getAttribute('data-finished')) > n, f1);
    await rendered();
    expect((await fake<number>('runs')) - before).toBe(perRun);
    expect(await finished()).toBe(f1 + 1);
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));
  });

  test('"Đánh dấu trên bảng tính" fills the flagged cells; "Xóa đánh dấu" then leaves every cell exactly as before', async () => {
    await openPane();
    await check();
    const reportSheets = workbook.sheets.map((s) => s.name);
    const before: Record<string, Snapshot> = {};
    for (const s of reportSheets) before[s] = await fake<Snapshot>('snapshot', s);
    await operation(() => byTestId('flag').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    const flags = flagsByCell(byWorkbook, WORKBOOK_NAME);
    const onReports = [...flags.values()].filter((f) => reportSheets.includes(f.sheet));
    expect(onReports.length).toBeGreaterThan(0);
    for (const f of onReports) {
      const snap = await fake<Snapshot>('snapshot', f.sheet);
      expect([f.sheet, f.cell, snap[f.cell]?.fill]).toEqual([f.sheet, f.cell, { pattern: 'Solid', color: `#${SEVERITY_FILL[f.severity]}`, patternColor: expect.any(String) }]);
    }
    // Values and formulas are never touched, and unflagged cells keep their fill.
    for (const s of reportSheets) {
      const now = await fake<Snapshot>('snapshot', s);
      for (const [addr, cell] of Object.entries(now)) {
        const old = before[s][addr];
        expect([s, addr, cell.value, cell.formula, cell.error]).toEqual([s, addr, old?.value ?? null, old?.formula, old?.error]);
        if (!flags.has(`${s}!${addr}`)) expect([s, addr, cell.fill]).toEqual([s, addr, old?.fill ?? cell.fill]);
      }
    }
    await operation(() => byTestId('clear').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    for (const s of reportSheets) expect([s, await fake<Snapshot>('snapshot', s)]).toEqual([s, before[s]]);
    // Nothing left to clear: the button goes until the next marks.
    await expectCount(byTestId('clear'), 0);
  });

  test('an Office error ends in a readable message and leaves no half-written rollup; then the rollup is written', async () => {
    await openPane();
    await check();
    const sheetsBefore = await fake<string[]>('sheetNames');
    // writePlan's second sync writes the sheets: let it apply a few operations, then fail.
    await page.evaluate(() => (window as unknown as { __CHITIEU_FAKE__: { failSync(n: number, ops: number): void } }).__CHITIEU_FAKE__.failSync(2, 12));
    await operation(() => byTestId('rollup').click());
    const notice = byTestId('notice');
    await expectAttr(notice, 'data-intent', 'error');
    await expectContains(notice, 'Không tạo được bảng tổng hợp');
    await expectContains(notice, 'sổ tính đã được trả lại như trước');
    expect(await inViewport(notice)).toBe(true);
    expect(await fake<string[]>('sheetNames')).toEqual(sheetsBefore);

    // A failed read during a check is just as readable, and the previous result stays.
    await page.evaluate(() => (window as unknown as { __CHITIEU_FAKE__: { failSync(n: number, ops: number): void } }).__CHITIEU_FAKE__.failSync(1, 0));
    await check();
    await expectAttr(notice, 'data-intent', 'error');
    await expectContains(notice, 'Không kiểm tra được');
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));

    await operation(() => byTestId('rollup').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    const names = await fake<string[]>('sheetNames');
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra']));
    expect(await fake<string>('active')).toBe('Tổng hợp');
    const findingsSheet = await fake<Snapshot>('snapshot', 'Kết quả kiểm tra');
    const rows = new Set(Object.keys(findingsSheet).map((a) => Number(/\d+/.exec(a)![0])));
    expect(rows.size).toBeGreaterThanOrEqual(byWorkbook.findings.length);
    // Output sheets are not offered as reports afterwards, and the result is not stale.
    await page.getByRole('tab', { name: 'Thiết lập' }).click();
    await expectVisible(page.getByRole('radio', { name: `Tất cả (${workbook.sheets.length} trang)` }));
    await expectCount(byTestId('stale'), 0);
  });

  test('works with the keyboard: the skip link, one Tab stop per list with arrows inside, Enter and Space check', async () => {
    await openPane();
    await check();
    expect(await focusedTestId()).toBe('summary-heading');
    // Tab from the summary: the counts, the workbook actions (no "Xóa đánh dấu": nothing is flagged
    // in this workbook yet), then the skip link.
    const seen: string[] = [];
    for (let i = 0; i < 12 && !seen.includes('skip-to-findings'); i++) {
      await page.keyboard.press('Tab');
      seen.push((await focusedTestId()) ?? '');
    }
    console.log(`Thứ tự phím Tab sau "Kiểm tra": ${seen.join(' → ')}`);
    expect(seen).toEqual(['count-error', 'count-warning', 'count-info', 'flag', 'rollup', 'feedback', 'skip-to-findings']);
    expect(await inViewport(byTestId('skip-to-findings'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusedTestId()).toBe('findings-heading');

    // The units: Tab enters the list once, the arrows move inside it, Tab leaves it.
    const inList = () => page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="unit"] button')).indexOf(document.activeElement as Element));
    await byTestId('only-failing').focus();
    await page.keyboard.press('Tab');
    expect(await inList()).toBe(0);
    await page.keyboard.press('ArrowDown');
    expect(await inList()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await inList()).toBe(-1);
    expect(await page.locator('[data-testid="unit"] button').count()).toBe(byWorkbook.units.length);

    // Up the findings with the arrows: each finding that takes the focus is shown whole, below
    // the filters that stay in view, never behind them.
    await openAllGroups();
    const covered = () =>
      page.evaluate(() => {
        const item = document.activeElement!.closest('[data-testid="finding"]')!.getBoundingClientRect();
        const bar = document.querySelector('[data-testid="filters"]')!.getBoundingClientRect();
        return item.top < bar.bottom - 1;
      });
    const lastList = page.locator('[data-testid="finding-list"]').last();
    await lastList.locator('[data-roving]').last().focus();
    const steps = await lastList.locator('[data-roving]').count();
    expect(steps).toBeGreaterThan(3);
    for (let i = 1; i < steps; i++) {
      await page.keyboard.press('ArrowUp');
      expect([i, await covered()]).toEqual([i, false]);
    }

    await byTestId('check').focus();
    let runs = await fake<number>('runs');
    await operation(() => page.keyboard.press('Enter'));
    expect(await fake<number>('runs')).toBeGreaterThan(runs);
    runs = await fake<number>('runs');
    await byTestId('check').focus();
    await operation(() => page.keyboard.press('Space'));
    expect(await fake<number>('runs')).toBeGreaterThan(runs);
    expect(await shownCounts()).toEqual(countsOf(byWorkbook));
  });

  test('"Chấp nhận giải trình…" opens a modal dialog: the rest of the pane is inert, the reason is asked in words, Escape gives the focus back', async () => {
    await openPane();
    await check();
    await openAllGroups();
    const link = byTestId('accept').first();
    await link.click();
    const dialog = page.getByRole('dialog', { name: 'Chấp nhận giải trình' });
    await expectVisible(dialog);
    // Modal: the page behind takes no click, and the focus is inside.
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    expect(await byTestId('check').evaluate((b) => document.elementFromPoint(b.getBoundingClientRect().left + 5, b.getBoundingClientRect().top + 5) === b)).toBe(false);
    // An empty reason: the pane's own sentence, not the browser's bubble.
    await byTestId('accept-save').click();
    await expectVisible(dialog.getByText('Cần ghi lý do.'));
    await page.keyboard.press('Escape');
    await expectCount(byTestId('accept-dialog'), 0);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('[data-tabster-dummy]').count()).toBe(0);
  });

  test('a blank workbook: the first-run view leads from nothing to a flagged rollup', async () => {
    await openPane({ model: blankWorkbook });
    const first = byTestId('first-run');
    await expectVisible(first);
    expect(await first.locator('li').count()).toBe(3);
    await operation(() => byTestId('first-run-sample').click());
    await expectCount(byTestId('first-run'), 0);
    await expectChecked(page.getByRole('radio', { name: 'Trang "Chỉ tiêu" của sổ tính này' }));
    // The empty Sheet1 is nobody's report: checking it alone says so, with no finding about it.
    await check();
    await expectContains(byTestId('sources-section').getByTestId('notice'), 'Bỏ qua trang trống "Sheet1".');
    // The reports arrive as files; the check, the flags (none in files) and the rollup follow.
    await byTestId('report-input').setInputFiles(samples.reportFiles);
    await check();
    expect(await shownCounts()).toEqual(countsOf(byFiles));
    await operation(() => byTestId('rollup').click());
    await expectAttr(byTestId('notice'), 'data-intent', 'success');
    expect(await fake<string[]>('sheetNames')).toEqual(expect.arrayContaining(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra']));
  });

  /** The views a clerk meets, each set up on a page of its own. */
  const VIEWS: Array<{ name: string; open: () => Promise<Locator> }> = [
    {
      name: 'first-run',
      open: async () => {
        await openPane({ model: blankWorkbook, ctx: page.context() });
        return byTestId('first-run');
      },
    },
    {
      name: 'setup',
      open: async () => {
        await openPane({ ctx: page.context() });
        await page.getByRole('radio', { name: 'Chỉ các trang chọn dưới đây' }).check();
        await byTestId('report-input').setInputFiles(samples.reportFiles.slice(0, 3));
        await byTestId('toggle-files').click();
        await expectCount(byTestId('file-list').locator('li'), 3);
        return byTestId('file-list');
      },
    },
    {
      name: 'results',
      open: async () => {
        await openPane({ ctx: page.context() });
        await check();
        return byTestId('summary-heading');
      },
    },
    {
      name: 'findings',
      open: async () => {
        await openPane({ ctx: page.context() });
        await check();
        const unit = byWorkbook.units.find((u) => u.errors > 0)!.unit;
        await page.locator('[data-testid="unit"]', { hasText: unit }).getByRole('button').click();
        await byTestId('count-error').click();
        await openAllGroups();
        await byTestId('finding').first().scrollIntoViewIfNeeded();
        return byTestId('finding').first();
      },
    },
    {
      name: 'by-kind',
      open: async () => {
        await openPane({ ctx: page.context() });
        await check();
        await byTestId('group-by').selectOption('kind');
        await openAllGroups();
        await byTestId('group-toggle').first().scrollIntoViewIfNeeded();
        return byTestId('group-toggle').first();
      },
    },
    {
      name: 'message',
      open: async () => {
        // No targets file chosen: the message stands on the rules, where the eye is.
        await openPane({ model: workbook, ctx: page.context() });
        await check();
        return byTestId('notice-region-rules').getByTestId('notice');
      },
    },
    {
      name: 'accept',
      open: async () => {
        await openPane({ ctx: page.context() });
        await check();
        await openAllGroups();
        await byTestId('accept').first().click();
        return byTestId('accept-dialog');
      },
    },
    {
      name: 'help',
      open: async () => {
        await openPane({ ctx: page.context() });
        await byTestId('help-toggle').click();
        return byTestId('help');
      },
    },
  ];

  const SIZES: Array<[string, number, number]> = [
    ['320 px', 320, 1],
    ['350 px', 350, 1],
    ['450 px', 450, 1],
    ['320 px at 200 %', 320, 2],
  ];

  test.each(SIZES)('at %s, with scrollbars: no view wider than the pane, axe finds nothing of any impact', async (_label, width, zoom) => {
    const ctx = await newContext(width, HEIGHT, zoom);
    page = await ctx.newPage();
    try {
      const problems: string[] = [];
      for (const view of VIEWS) {
        const shown = await view.open();
        await shown.scrollIntoViewIfNeeded();
        await rendered();
        expect([view.name, await shown.isVisible()]).toEqual([view.name, true]);
        for (const o of await overflow(page)) problems.push(`${view.name}: ${o.what} ${o.scrollWidth} > ${o.clientWidth} (${o.widest})`);
        for (const v of await axe(page)) problems.push(`${view.name}: axe ${v}`);
        for (const l of await layoutProblems(page)) problems.push(`${view.name}: ${l}`);
        // Nor any of Tabster's focus guards, which are tabbable whenever the focus is outside the pane.
        const guards = await page.locator('[data-tabster-dummy]').count();
        if (guards) problems.push(`${view.name}: ${guards} focus guards [data-tabster-dummy]`);
        await page.screenshot({ path: path.join(SHOTS, `size-${width}${zoom === 1 ? '' : `-zoom${zoom * 100}`}-${view.name}.png`) });
        if (width === WIDTH && zoom === 1) {
          // What the README shows, asserted just above: the view's own part is on the page.
          expect([view.name, await inViewport(shown)]).toEqual([view.name, true]);
          await screenshot(`pane-${view.name}`);
        }
      }
      expect(problems).toEqual([]);
      // Scrollbars are shown: the view's scroller (or, in a short pane, the page) takes room for its bar.
      const bar = await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid^="scroller-"]:not([hidden])')!;
        return Math.max(el.offsetWidth - el.clientWidth, window.innerWidth - document.documentElement.clientWidth);
      });
      expect(bar).toBeGreaterThan(0);
    } finally {
      await flushPages();
      await ctx.close();
    }
  });

  test.each(SIZES)('at %s: after "Kiểm tra" the summary, or the message on the input, is in view and focused', async (_label, width, zoom) => {
    const ctx = await newContext(width, HEIGHT, zoom);
    try {
      // Success.
      await openPane({ ctx });
      await check();
      expect(await focusedTestId()).toBe('summary-heading');
      expect(await inViewport(byTestId('summary-heading'))).toBe(true);
      // No rules: the message is on the rules.
      await openPane({ model: workbook, ctx });
      await check();
      const rules = byTestId('notice-region-rules');
      await expectContains(rules, 'Chưa chọn tệp chỉ tiêu');
      expect(await soon(() => focusedTestId(), (v) => v === 'notice-region-rules')).toBe('notice-region-rules');
      expect(await inViewport(rules.getByTestId('notice'))).toBe(true);
      // No reports: the message is on the reports.
      await openPane({ ctx });
      await byTestId('use-workbook').uncheck();
      await check();
      const sources = byTestId('notice-region-sources');
      await expectContains(sources, 'Chưa có báo cáo nào để kiểm tra');
      expect(await soon(() => focusedTestId(), (v) => v === 'notice-region-sources')).toBe('notice-region-sources');
      expect(await inViewport(sources.getByTestId('notice'))).toBe(true);
      expect(await overflow(page)).toEqual([]);
    } finally {
      await flushPages();
      await ctx.close();
    }
  });

  test('170 units and 2,040 findings: the results render a page at a time (time printed, not asserted)', async () => {
    const district = largeDistrict(170, 12);
    await openPane({ model: district });
    const t0 = Date.now();
    await check();
    await expectVisible(byTestId('summary-heading'));
    timings.push(['170 đơn vị, 2.040 phát hiện: từ bấm "Kiểm tra" đến khi kết quả hiện', Date.now() - t0]);
    expect(await headingCount()).toBe(170 * 12);
    // Only a page of units and the first group's first page of findings are on the page.
    expect(await page.locator('[data-testid="unit"]').count()).toBe(30);
    expect(await page.locator('[data-testid="finding"]').count()).toBeLessThanOrEqual(50);
    expect(await byTestId('group-toggle').count()).toBe(170);
    let t = Date.now();
    // Every finding of this district is below a target: one kind, one group.
    await byTestId('group-by').selectOption('kind');
    await expectCount(byTestId('group-toggle'), 1);
    await expectContains(byTestId('group-toggle'), 'Không đạt chỉ tiêu (2040)');
    timings.push(['nhóm lại theo loại', Date.now() - t]);
    t = Date.now();
    await byTestId('count-error').click();
    await expectText(byTestId('findings-heading'), `Phát hiện (680/2040)`);
    timings.push(['lọc theo số lỗi', Date.now() - t]);
    t = Date.now();
    await byTestId('more-units').click();
    await expectCount(page.locator('[data-testid="unit"]'), 60);
    timings.push(['hiện thêm 30 đơn vị', Date.now() - t]);
    expect(await overflow(page)).toEqual([]);

    // Paging keeps the keyboard sane: the focus goes to the first unit added, the arrows go on
    // from there, the list stays one Tab stop; the last page takes the button away, not the focus.
    const unitAt = () => page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="unit"] button')).indexOf(document.activeElement as Element));
    const tabStops = () => page.locator('[data-testid="unit-list"] [tabindex="0"]').count();
    expect(await unitAt()).toBe(30);
    await page.keyboard.press('ArrowDown');
    expect(await unitAt()).toBe(31);
    expect(await tabStops()).toBe(1);
    for (let shown = 60; shown < 170; shown += 30) {
      await byTestId('more-units').focus();
      await page.keyboard.press('Enter');
      await expectCount(page.locator('[data-testid="unit"]'), Math.min(170, shown + 30));
      expect(await unitAt()).toBe(shown);
      expect(await tabStops()).toBe(1);
    }
    await expectCount(byTestId('more-units'), 0);
    await page.keyboard.press('End');
    expect(await unitAt()).toBe(169);
    await page.keyboard.press('Home');
    expect(await unitAt()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await unitAt()).toBe(-1);
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

    // The same under the findings: 680 errors, 50 a page; "Hiện thêm" by keyboard.
    const findingAt = () => page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="finding"]')).indexOf(document.activeElement?.closest('[data-testid="finding"]') as Element));
    await expectCount(byTestId('finding'), 50);
    t = Date.now();
    await byTestId('show-more').focus();
    await page.keyboard.press('Enter');
    await expectCount(byTestId('finding'), 100);
    timings.push(['hiện thêm 50 phát hiện', Date.now() - t]);
    expect(await findingAt()).toBe(50);
    expect(await page.locator('[data-testid="finding-list"] [tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await findingAt()).toBe(49);
  });

  test('the language switch: English at once, remembered on the next opening', async () => {
    // A context of its own: what it remembers stays there.
    const ctx = await newContext(WIDTH, HEIGHT);
    await openPane({ ctx });
    await byTestId('language').selectOption('en');
    await expectText(byTestId('check'), 'Check');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.waitForFunction(() => Number(document.querySelector('main')?.getAttribute('data-finished')) >= 1);
    await expectText(byTestId('check'), 'Check');
    await byTestId('language').selectOption('vi');
    await expectText(byTestId('check'), 'Kiểm tra');
    await flushPages();
    await ctx.close();
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
    const en = await openPane({ lang: 'en-US' });
    await expectText(en.getByRole('heading', { level: 1 }), 'Target check');
    await expectText(en.getByTestId('check'), 'Check');
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  test('help inside the pane: what it does, the rules workbook with the sample button, each finding kind, unreadable files, Office versions', async () => {
    await openPane();
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
    await openPane();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    // Every page of the tests above ran under it: check, flag, clear, rollup, filters, hidden sheet, help;
    // none saw a violation, and none showed the old-webview guard.
    expect(cspSeen).toEqual([]);
    expect(guardShown).toEqual([]);
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

});
