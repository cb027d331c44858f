// Helpers of the end-to-end test: build the pane with the fake office.js, serve it on
// 127.0.0.1, and work out in Node what the pane must show for the bundled samples.
import { promises as fs } from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import webpack from 'webpack';
import { CheckSession, planOutput, readRules } from '../../src/core';
import type { CellFlag, CheckResult, Severity, WorkbookModel } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { insertSheets } from '../../src/excel/host';
import { readWorkbook } from '../../src/excel/readWorkbook';
import { isRulesSheet } from '../../src/taskpane/check';
import { FakeExcel } from '../excel/fakeExcel';
import { rulesModel, sheetOf } from '../helpers/model';

export const ROOT = path.resolve(__dirname, '../..');
export const OUT = path.join(__dirname, 'out');
export const SITE = path.join(OUT, 'site');
export const FAKE = path.join(OUT, 'fake');
export const SHOTS = path.join(OUT, 'screenshots');
export const RULES_FILE = path.join(ROOT, 'examples/chi-tieu-2023.xlsx');
export const REPORTS_DIR = path.join(ROOT, 'examples/bao-cao');
export const WORKBOOK_NAME = 'Báo cáo các đơn vị 2023.xlsx';
export const FAKE_OFFICE_PATH = '/fake-office.js';
/** The address an office would serve the add-in from: the build's manifest must point there. */
export const PUBLIC_URL = 'https://chitieu.example.vn/kiem-tra/';

/**
 * The production build of the pane, as an office deploys it (`npm run build -- --env publicUrl=…`:
 * its Content-Security-Policy, its manifest for PUBLIC_URL), with its office.js script tag
 * pointing at the fake; and the fake.
 */
export async function buildPane(): Promise<void> {
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
  const saved = process.env.OFFICE_JS;
  process.env.OFFICE_JS = FAKE_OFFICE_PATH;
  let pane: webpack.Configuration;
  try {
    pane = await makeConfig({ publicUrl: PUBLIC_URL }, { mode: 'production' });
  } finally {
    if (saved === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = saved;
  }
  pane.output = { ...pane.output, path: SITE };
  pane.stats = 'errors-only';
  const fake: webpack.Configuration = {
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: { 'fake-office': './test/e2e/fakeOffice.ts' },
    output: { path: FAKE, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json', transpileOnly: true, compilerOptions: { module: 'es2020' } } },
        },
      ],
    },
    performance: { hints: false },
  };
  await new Promise<void>((resolve, reject) =>
    webpack([pane, fake], (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Bodies served in place of the built files, by path: a test breaks the bundle this way. */
export const overrides = new Map<string, string>();

/** Serves the built pane and the fake office.js on 127.0.0.1, on a free port. */
export async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const replaced = overrides.get(pathname);
    if (replaced !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(pathname)] ?? 'text/plain', 'Cache-Control': 'no-store' });
      res.end(replaced);
      return;
    }
    const file = pathname === FAKE_OFFICE_PATH ? path.join(FAKE, 'fake-office.js') : path.join(SITE, path.normalize(pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(SITE) && !file.startsWith(FAKE)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/taskpane.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Samples {
  rules: WorkbookModel;
  reportFiles: string[];
  reports: WorkbookModel[];
}

export async function loadSamples(): Promise<Samples> {
  const rules = await readWorkbookBuffer(await fs.readFile(RULES_FILE), path.basename(RULES_FILE));
  const reportFiles = (await fs.readdir(REPORTS_DIR)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(REPORTS_DIR, f));
  const reports = await Promise.all(reportFiles.map(async (f) => readWorkbookBuffer(await fs.readFile(f), path.basename(f))));
  return { rules, reportFiles, reports };
}

/** The engine alone, as the command line runs it. */
export function engineCheck(rules: WorkbookModel, workbooks: WorkbookModel[]): CheckResult {
  const read = readRules(rules);
  const session = new CheckSession(read.rules, read.problems);
  for (const wb of workbooks) session.addWorkbook(wb);
  return session.finish();
}

export function countsOf(result: CheckResult): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) c[f.severity]++;
  return c;
}

/**
 * The workbook the fake Excel opens: each sample report's sheet as one sheet of a single
 * workbook, named after its unit ("Hòa Lạc"), as an office that pastes reports together has it.
 */
export function workbookOfReports(samples: Samples, byFile: CheckResult): WorkbookModel {
  const sheets = samples.reports.map((wb) => {
    const sub = byFile.submissions.find((s) => s.file === wb.name);
    const name = (sub?.unit ?? wb.name.replace(/\.xlsx$/, '')).replace(/^(Phường|Xã|Thị trấn)\s+/i, '');
    return { ...structuredClone(wb.sheets[0]), name };
  });
  return { name: WORKBOOK_NAME, sheets };
}

/** JSON for the browser: dates as {"$date": iso}, sparse rows as nulls. */
export function modelJson(model: WorkbookModel): unknown {
  return JSON.parse(
    JSON.stringify(model, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : value;
    }),
  );
}

/**
 * What the pane must find once the sample rules are inserted into the workbook and its
 * sheets are checked: the same insertion and read through the adapter on a fake host in
 * Node, then the engine alone.
 */
export async function expectedForWorkbook(workbook: WorkbookModel, samples: Samples): Promise<{ result: CheckResult; withRules: WorkbookModel }> {
  const host = new FakeExcel(structuredClone(workbook));
  await insertSheets(host.context(), samples.rules.sheets.filter((s) => isRulesSheet(s.name)));
  const read = await readWorkbook(host.context(), { supports: host.isSetSupported });
  const rules = { name: read.name, sheets: read.sheets.filter((s) => isRulesSheet(s.name)) };
  const reports = { name: read.name, sheets: read.sheets.filter((s) => !isRulesSheet(s.name)) };
  // The workbook as it is once the sample is inserted: pages that start from there open it.
  return { result: engineCheck(rules, [reports]), withRules: { name: read.name, sheets: read.sheets } };
}

/** Flags of the workbook, one per cell with the highest severity, as applyFlags merges them. */
export function flagsByCell(result: CheckResult, workbookName: string): Map<string, { sheet: string; cell: string; severity: Severity }> {
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const out = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of planOutput(result).flags.filter((x: CellFlag) => x.file === workbookName)) {
    const key = `${f.sheet}!${f.cell}`;
    const prev = out.get(key);
    if (!prev || rank[f.severity] > rank[prev.severity]) out.set(key, { sheet: f.sheet, cell: f.cell.replace(/\$/g, ''), severity: f.severity });
  }
  return out;
}

/**
 * A large district built in code, for the render time of the results: `units` units in the
 * roster, each with a report sheet of `indicators` figures all below target, so the check gives
 * units × indicators findings (170 × 12 = 2,040).
 */
export function largeDistrict(units: number, indicators: number): WorkbookModel {
  const codes = Array.from({ length: indicators }, (_, i) => `CT${String(i + 1).padStart(2, '0')}`);
  const names = Array.from({ length: units }, (_, i) => `Xã Thử ${String(i + 1).padStart(3, '0')}`);
  const rules = rulesModel(
    codes.map((c, i) => [c, 'Nhóm thử', `Số việc thử loại ${i + 1}`, '', 'việc', 'từ 10 trở lên', 'Mỗi đơn vị', i % 3 === 0 ? 'Lỗi' : 'Cảnh báo', '']),
    { roster: names.map((n) => [n, '', 'Xã']) },
  );
  const reports = names.map((n, u) =>
    sheetOf(n.replace('Xã ', ''), [
      [`ĐẢNG ỦY ${n.toUpperCase()}`],
      ['BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2023'],
      [],
      ['STT', 'Nội dung', 'Thực hiện'],
      ...codes.map((_, i) => [i + 1, `Số việc thử loại ${i + 1}`, (u + i) % 9]),
    ]),
  );
  return { name: 'Huyện thử.xlsx', sheets: [...rules.sheets, ...reports] };
}
