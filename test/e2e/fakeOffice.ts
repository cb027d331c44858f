// A stand-in for office.js in the browser, for the end-to-end test: window.Office and
// window.Excel backed by the fake Excel host of test/excel, seeded with the workbook model the
// test page puts in window.__CHITIEU_FAKE_MODEL__ (JSON; dates as {"$date": iso}). The test
// reads and steers the fake through window.__CHITIEU_FAKE__.
/// <reference types="office-js" />
import type { WorkbookModel } from '../../src/core/model';
import { FakeExcel } from '../excel/fakeExcel';
import { addSelect, selectionOf } from '../taskpane/fakeSelect';

interface FakeWindow {
  __CHITIEU_FAKE_MODEL__?: unknown;
  __CHITIEU_FAKE_LANG__?: string;
  __CHITIEU_FAKE__?: unknown;
  Office?: unknown;
  Excel?: unknown;
}

// The fake measures payloads with Node's Buffer; the browser has TextEncoder.
const g = globalThis as unknown as { Buffer?: unknown };
if (!g.Buffer) g.Buffer = { byteLength: (s: string) => new TextEncoder().encode(s).length };

const w = window as unknown as FakeWindow;

function revive(json: unknown): WorkbookModel | undefined {
  if (!json) return undefined;
  return JSON.parse(JSON.stringify(json), (_k, v) => (v && typeof v === 'object' && typeof v.$date === 'string' ? new Date(v.$date) : v)) as WorkbookModel;
}

const host = new FakeExcel(revive(w.__CHITIEU_FAKE_MODEL__));
addSelect(host);

const control = {
  host,
  /** Excel.run calls so far: one per pane operation on the workbook. */
  runs: 0,
  /** Delay before each sync, to hold an operation open. */
  syncDelayMs: 0,
  /** Make the n-th sync from now apply only `afterOps` operations and reject, as a lost connection would. */
  failSync(n: number, afterOps?: number) {
    host.failOnSync(host.syncCount + n, afterOps);
  },
  sheetNames: () => host.sheetNames(),
  snapshot: (sheet: string) => host.snapshot(sheet),
  active: () => host.state.active?.name ?? null,
  selection: () => selectionOf(host),
  names: () => host.state.names.map((n) => ({ name: n.name, sheet: n.sheet?.name ?? null })),
  /** Hides or shows a sheet, as a user does from its tab. */
  setVisibility: (sheet: string, visibility: string) => void (host.sheet(sheet).visibility = visibility),
  visibility: (sheet: string) => host.sheet(sheet).visibility,
};
w.__CHITIEU_FAKE__ = control;

w.Excel = {
  run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    control.runs++;
    const context = host.context();
    const sync = context.sync.bind(context);
    (context as { sync: () => Promise<void> }).sync = async () => {
      if (control.syncDelayMs) await new Promise((r) => setTimeout(r, control.syncDelayMs));
      return sync();
    };
    return batch(context);
  },
};

const info = { host: 'Excel', platform: 'OfficeOnline' };
w.Office = {
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: w.__CHITIEU_FAKE_LANG__ ?? 'vi-VN',
    requirements: { isSetSupported: (set: string, version?: string) => host.isSetSupported(set, version ?? '1.1') },
  },
  // Office calls back once the host is ready, never synchronously.
  onReady: (cb?: (i: typeof info) => void) =>
    new Promise((resolve) =>
      setTimeout(() => {
        cb?.(info);
        resolve(info);
      }, 0),
    ),
};
