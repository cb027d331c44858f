// Faults mid-run in the add-in ("Prove it holds", items 3 and 4). The six sample reports sit in one
// workbook of the fake Excel host, decorated with a user's own fills, patterned fill, note and
// comment on cells the engine flags. Each operation of the pane (check = readWorkbook, flag =
// applyFlags, flag again over existing flags, clear = clearFlags, rollup = writePlan on a fresh
// workbook and over a previous rollup, insert = the pane host's insertSheets of the sample rules)
// first runs clean, counting its syncs N and the operations queued in each. Then, for every sync
// n in 1..N and every cut k in 0..(operations of sync n), the n-th sync applies only its first k
// operations and rejects: k = 0 is a request that applied nothing, 0 < k < all a batch Excel
// applied in part, k = all a batch applied whole whose answer was lost. After each failure:
// - the call rejects with the adapter's readable Vietnamese error, not the raw Office error
//   (or, where writePlan documents finishing forward, resolves with the complete new output);
// - the sheet list holds no half-written sheet: the state before, or the complete state after;
// - every unit sheet's values, formulas, number formats, fonts, merges… are identical to before,
//   and its fills, notes and comments are either untouched or covered by the stored undo record;
// - the way out works: a clear after a failed flag, and a retry of any failed operation, leave
//   exactly the workbook a clean run leaves (compared cell by cell, run ids normalised).
import path from 'path';
import { CheckSession, planOutput, readRules } from '../../src/core';
import type { CellFlag, OutputPlan, PlannedSheet, WorkbookModel } from '../../src/core';
import { ExcelAdapterError, UNDO_SHEET, applyFlags, clearFlags, readUndoRecord, readWorkbook, writePlan } from '../../src/excel';
import type { UndoRecord } from '../../src/excel';
import { undoRecordOfRows } from '../../src/excel/flags';
import { insertSheets } from '../../src/excel/host';
import { isRulesSheet } from '../../src/taskpane/check';
import { FSheet, FakeExcel, FakeWorkbookState, isDefaultCell } from './fakeExcel';
import { flatten } from './helpers';
import { loadXlsx } from './xlsxModel';
import { EXAMPLES, officeWorkbook, withUserMarks } from './samples';

const APIS = ['1.18', '1.12', '1.7'] as const;
type Api = (typeof APIS)[number];

// ---------------------------------------------------------------- the workbook and the engine

let model: WorkbookModel;
let unitNames: string[];
let rulesSheets: WorkbookModel['sheets'];
let plan: OutputPlan;
let flags: CellFlag[];

beforeAll(async () => {
  model = await officeWorkbook();
  unitNames = model.sheets.map((s) => s.name);
  const rulesFile = await loadXlsx(path.join(EXAMPLES, 'chi-tieu-2023.xlsx'));
  rulesSheets = rulesFile.sheets.filter((s) => isRulesSheet(s.name));
  const host = new FakeExcel(model);
  const read = await readWorkbook(host.context(), { supports: host.isSetSupported });
  const session = new CheckSession(readRules(rulesFile).rules);
  session.addWorkbook(read);
  plan = planOutput(session.finish());
  flags = plan.flags.filter((f) => f.file === model.name);
  expect(flags.length).toBeGreaterThan(10);
});

/**
 * A fresh host on the samples, with what a user may have done to the flagged cells: a solid
 * fill, a patterned fill (where the host can read patterns back), a note or a comment of their
 * own, and fills elsewhere.
 */
function makeHost(api: Api): FakeExcel {
  const h = withUserMarks(new FakeExcel(model, { api }), flags, api);
  for (const n of unitNames) for (let c = 1; c <= 3; c++) h.sheet(n).at(1, c).fill = { pattern: 'Solid', color: '#D9E1F2', patternColor: '#000000' };
  return h;
}

// ---------------------------------------------------------------- the whole fake state, comparable

const NO_FILL = { pattern: 'None', color: '#FFFFFF', patternColor: '#000000' };
const NO_FILL_JSON = JSON.stringify(NO_FILL);
/** A blank cell once its fill is left out (see withoutMarks). */
const BLANK_UNFILLED = JSON.stringify({ value: null, numFmt: 'General', fill: null, bold: false, font: 'Calibri', wrap: false, align: 'General' });


function sheetState(s: FSheet) {
  const cells: Record<string, unknown> = {};
  s.forEach((c, r, k) => {
    if (isDefaultCell(c)) return;
    const copy: Record<string, unknown> = { value: c.value, numFmt: c.numFmt, fill: { ...c.fill }, bold: c.bold, font: c.font, wrap: c.wrap, align: c.align };
    if (c.formula !== undefined) copy.formula = c.formula;
    if (c.error !== undefined) copy.error = c.error;
    cells[`R${r}C${k}`] = copy;
  });
  return {
    name: s.name,
    visibility: s.visibility,
    cells,
    merges: s.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort(),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
    widths: [...s.widths].sort((a, b) => a[0] - b[0]),
    frozen: { ...s.frozen },
    autoFilter: s.autoFilter ?? null,
    notes: [...s.notes].sort((a, b) => a[0].localeCompare(b[0])),
    charts: JSON.parse(JSON.stringify(s.charts)),
  };
}
type SheetState = ReturnType<typeof sheetState>;

interface State {
  sheets: SheetState[];
  names: Array<{ name: string; sheet: string | null; cell: string; comment: string; visible: boolean }>;
  comments: Array<[string, string, string]>;
}

function stateOf(h: FakeExcel): State {
  return {
    sheets: h.state.sheets.map(sheetState),
    names: h.state.names.map((n) => ({ name: n.name, sheet: n.sheet?.name ?? null, cell: n.cell, comment: n.comment, visible: n.visible })),
    comments: h.state.comments.map((c) => [c.sheet.name, c.cell, c.content]),
  };
}

/** Run ids (registry names and markers) and the undo record's time stamp differ between runs. */
function normal(st: State): unknown {
  return {
    sheets: st.sheets.map((s) => {
      if (s.name !== UNDO_SHEET) return s;
      const rows = Object.entries(s.cells)
        .filter(([a]) => a.endsWith('C1'))
        .sort((a, b) => Number(/R(\d+)/.exec(a[0])![1]) - Number(/R(\d+)/.exec(b[0])![1]))
        .map(([, c]) => String((c as { value: unknown }).value ?? ''));
      // The entries a clear would use, whichever rows a run cut short left them in.
      const record: Partial<UndoRecord> = undoRecordOfRows(rows)!;
      delete record.saved;
      record.entries = [...record.entries!].sort((x, y) => `${x.sheet}!${x.cell}`.localeCompare(`${y.sheet}!${y.cell}`));
      return { name: s.name, visibility: s.visibility, record };
    }),
    names: st.names.map((n) => {
      const marker = JSON.parse(n.comment);
      return { ...n, name: n.name.replace(/^(chitieu_out_)[A-Za-z0-9]+(_\d+)$/, '$1RUN$2'), comment: { ...marker, run: 'RUN' } };
    }),
    comments: st.comments,
  };
}

const unitSheets = (st: State) => st.sheets.filter((s) => unitNames.includes(s.name));
/** A unit sheet without what a flag may change (fills, notes): values, formulas, formats… */
function withoutMarks(s: SheetState) {
  const cells = Object.fromEntries(Object.entries(s.cells).map(([a, c]) => [a, { ...(c as object), fill: null }]));
  // A cell that only ever had a fill is blank once its fill is dropped.
  for (const [a, c] of Object.entries(cells)) if (JSON.stringify(c) === BLANK_UNFILLED) delete cells[a];
  return { ...s, cells, notes: [] };
}

/** Deep equality, fast when equal (jest's toEqual on whole workbooks is slow), jest's diff when not. */
function same(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

/** Address "R5C3" → "C5". */
function a1(key: string): string {
  const [, r, c] = /R(\d+)C(\d+)/.exec(key)!.map(Number);
  let col = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${col}${r}`;
}

// ---------------------------------------------------------------- the driver

/** A host in the very same state (a case starts from a copy of the prepared workbook). */
function cloneHost(src: FakeExcel): FakeExcel {
  const h = new FakeExcel(undefined, { api: src.api });
  const st = new FakeWorkbookState(src.state.name);
  Object.assign(st, { nextId: (src.state as unknown as { nextId: number }).nextId });
  const bySheet = new Map<FSheet, FSheet>();
  for (const s of src.state.sheets) {
    const c = new FSheet(s.id, s.name);
    c.visibility = s.visibility;
    s.forEach((cell, r, k) => c.cells.set(r, (c.cells.get(r) ?? new Map()).set(k, { ...cell, fill: { ...cell.fill } })));
    c.merges = s.merges.map((m) => ({ ...m }));
    s.hiddenRows.forEach((r) => c.hiddenRows.add(r));
    s.hiddenCols.forEach((k) => c.hiddenCols.add(k));
    s.widths.forEach((w, k) => c.widths.set(k, w));
    c.frozen = { ...s.frozen };
    c.autoFilter = s.autoFilter;
    s.notes.forEach((v, k) => c.notes.set(k, v));
    c.charts.push(...JSON.parse(JSON.stringify(s.charts)));
    st.sheets.push(c);
    bySheet.set(s, c);
  }
  st.names = src.state.names.map((n) => ({ ...n, sheet: n.sheet ? (bySheet.get(n.sheet) ?? null) : null }));
  st.comments = src.state.comments.map((c) => ({ ...c, sheet: bySheet.get(c.sheet)! }));
  st.active = src.state.active && bySheet.get(src.state.active);
  (h as { state: FakeWorkbookState }).state = st;
  return h;
}

interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: unknown;
}

interface Fault {
  api: Api;
  n: number;
  k: number;
  label: string;
  /** The host after the failure. */
  host: FakeExcel;
  /** The workbook before the operation. */
  before: State;
  outcome: Outcome;
  /** Another host brought to the same state after the same failure. */
  replay: () => Promise<FakeExcel>;
}

/** What a clean run of the operation leaves. */
interface Clean {
  state: State;
  normal: unknown;
}

interface Operation {
  /** Brings a fresh host to where the operation starts. */
  prepare: (h: FakeExcel) => Promise<void>;
  run: (h: FakeExcel) => Promise<unknown>;
}

const tally = new Map<string, { syncs: number; ops: number[]; cases: number }>();

/** The message of an assertion failure names the case, so a red run says which cut broke. */
async function labelled(label: string, f: () => Promise<void>): Promise<void> {
  try {
    await f();
  } catch (e) {
    if (e instanceof Error) e.message = `[${label}]\n${e.message}`;
    throw e;
  }
}

async function everyFault(name: string, api: Api, op: Operation, check: (f: Fault, clean: Clean) => Promise<void>): Promise<void> {
  const base = makeHost(api);
  await op.prepare(base);
  const before = stateOf(base);
  // Each case starts from a copy of `base`. The copy is exact, and behaves as a host prepared
  // from scratch does: the same syncs, the same operations, the same workbook after.
  const copy = cloneHost(base);
  same(stateOf(copy), before);
  await op.run(copy);
  const syncs = copy.syncCount;
  const ops = copy.opCounts.slice();
  expect(ops).toHaveLength(syncs);
  const fresh = makeHost(api);
  await op.prepare(fresh);
  const s0 = fresh.opCounts.length;
  await op.run(fresh);
  expect(fresh.opCounts.slice(s0)).toEqual(ops);
  same(normal(stateOf(copy)), normal(stateOf(fresh)));
  const clean: Clean = { state: stateOf(copy), normal: normal(stateOf(copy)) };

  let cases = 0;
  for (let n = 1; n <= syncs; n++) {
    for (let k = 0; k <= ops[n - 1]; k++) {
      const faulty = async () => {
        const h = cloneHost(base);
        h.failOnSync(n, k);
        const outcome: Outcome = await op.run(h).then(
          (value) => ({ ok: true, value }),
          (error) => ({ ok: false, error }),
        );
        // The failure was injected where it was meant to be, and used up.
        expect(h.syncCount).toBeGreaterThanOrEqual(n);
        expect(h.takeFailure(n)).toBeUndefined();
        return { h, outcome };
      };
      const { h, outcome } = await faulty();
      const label = `${name}, ExcelApi ${api}${batchBytes ? `, ${batchBytes} B requests` : ''}: sync ${n}/${syncs} failed after ${k} of ${ops[n - 1]} operations`;
      await labelled(label, () => check({ api, n, k, label, host: h, before, outcome, replay: async () => (await faulty()).h }, clean));
      cases++;
    }
  }
  tally.set(`${name} (ExcelApi ${api}${batchBytes ? `, ${batchBytes} B requests` : ''})`, { syncs, ops, cases });
}

/** The failure is the adapter's readable Vietnamese error, with Office's own kept for support. */
function expectReadable(outcome: Outcome, prefix: RegExp): void {
  expect(outcome.ok).toBe(false);
  const e = outcome.error as ExcelAdapterError;
  expect(e).toBeInstanceOf(ExcelAdapterError);
  expect(e.message).toMatch(prefix);
  expect(e.message).toMatch(/Excel báo lỗi chung/);
  expect(e.code).toBe('GeneralException');
}

afterAll(() => {
  const rows = [...tally].map(([k, v]) => `${k}: ${v.syncs} syncs (${v.ops.join('/')} operations), ${v.cases} cases`);
  const total = [...tally.values()].reduce((s, v) => s + v.cases, 0);
  // eslint-disable-next-line no-console
  console.log(`Fault cases run:\n  ${rows.join('\n  ')}\n  total: ${total}`);
});

// ---------------------------------------------------------------- operations

/** Request budget of the operations: the adapter's default, or a small one that splits every phase. */
let batchBytes: number | undefined;

const check: Operation = {
  prepare: async () => undefined,
  run: (h) => readWorkbook(h.context(), { sheets: unitNames, supports: h.isSetSupported, batchBytes }),
};

const flag = (first?: CellFlag[]): Operation => ({
  prepare: async (h) => {
    if (first) await applyFlags(h.context(), first, { file: model.name, supports: h.isSetSupported, batchBytes });
  },
  run: (h) => applyFlags(h.context(), flags, { file: model.name, supports: h.isSetSupported, batchBytes }),
});

const clear: Operation = {
  prepare: async (h) => void (await applyFlags(h.context(), flags, { file: model.name, supports: h.isSetSupported, batchBytes })),
  run: (h) => clearFlags(h.context(), undefined, { supports: h.isSetSupported, batchBytes }),
};

/** The same plan with another title, so the second rollup is told apart from the first. */
function secondPlan(): OutputPlan {
  const sheets: PlannedSheet[] = plan.sheets.map((s, i) =>
    i === 0 ? { ...s, cells: s.cells.map((c, j) => (j === 0 && 'text' in c.value ? { ...c, value: { text: `${c.value.text} (lần 2)` } } : c)) } : s,
  );
  expect(JSON.stringify(sheets)).not.toBe(JSON.stringify(plan.sheets));
  return { sheets, flags: [] };
}

let runs = 0;
const rollup = (again: boolean): Operation => ({
  prepare: async (h) => {
    if (again) await writePlan(h.context(), plan, { supports: h.isSetSupported, runId: `p${++runs}`, batchBytes });
  },
  run: (h) => writePlan(h.context(), again ? secondPlan() : plan, { supports: h.isSetSupported, runId: `r${++runs}`, batchBytes }),
});

const insert: Operation = {
  prepare: async () => undefined,
  run: (h) => insertSheets(h.context(), rulesSheets),
};

// ---------------------------------------------------------------- the checks

/**
 * Every case, with the adapter's own budget (each phase one sync on these samples), and again at
 * ExcelApi 1.18 with 12 kB requests, so that reading, flagging, clearing and the rollup are each
 * split into many syncs and every sync of every batch is cut too.
 */
const BUDGETS: Array<[string, number | undefined, readonly Api[]]> = [
  ['one request per phase', undefined, APIS],
  ['12 kB requests', 12_000, ['1.18']],
];

describe.each(BUDGETS)('%s', (_label, budget, apis) => {
beforeAll(() => {
  batchBytes = budget;
});

describe.each(apis)('ExcelApi %s: the n-th sync fails, for every n and every cut point', (api) => {
  test('check: a failed read changes nothing, and reading again gives the same model', async () => {
    let good: unknown;
    await everyFault('check', api, check, async (f) => {
      good ??= flatten((await check.run(makeHost(api))) as WorkbookModel);
      expectReadable(f.outcome, /^Không đọc được sổ tính đang mở: /);
      same(stateOf(f.host), f.before);
      expect(f.host.state.active).toBe(undefined);
      same(flatten((await check.run(f.host)) as WorkbookModel), good);
    });
  });

  /**
   * After a failed flag: the sheet list is as before, or has the undo sheet very hidden and
   * holding a record; nothing but fills, notes and comments changed on the units' sheets, and
   * every one that changed is in the record. A clear gives back the original exactly; a retry
   * leaves what a clean flag leaves.
   */
  const afterFailedFlag = async (f: Fault, clean: Clean, original: State) => {
    expectReadable(f.outcome, /^Không đánh dấu được các ô có vấn đề: /);
    const now = stateOf(f.host);
    const names = now.sheets.map((s) => s.name);
    const before = f.before.sheets.map((s) => s.name);
    if (names.includes(UNDO_SHEET) && !before.includes(UNDO_SHEET)) expect(names).toEqual([...before, UNDO_SHEET]);
    else expect(names).toEqual(before);
    const undo = f.host.state.find(UNDO_SHEET);
    if (undo) expect(undo.visibility).toBe('VeryHidden');
    same(unitSheets(now).map(withoutMarks), unitSheets(original).map(withoutMarks));
    const record = undo ? await readUndoRecord(f.host.context()) : null;
    const covered = new Set((record?.entries ?? []).map((e) => `${e.sheet}!${e.cell}`));
    const added = new Map((record?.entries ?? []).filter((e) => e.added).map((e) => [`${e.sheet}!${e.cell}`, e.added!.content]));
    unitSheets(now).forEach((s, i) => {
      const was = unitSheets(original)[i];
      for (const [key, c] of Object.entries(s.cells)) {
        const old = was.cells[key] as { fill: unknown } | undefined;
        const fill = (c as { fill: unknown }).fill;
        if (JSON.stringify(fill) !== (old ? JSON.stringify(old.fill) : NO_FILL_JSON)) expect([s.name, a1(key), covered.has(`${s.name}!${a1(key)}`)]).toEqual([s.name, a1(key), true]);
      }
      for (const [cell, text] of s.notes) {
        const mine = was.notes.find(([c]) => c === cell);
        if (!mine) expect([s.name, cell, added.get(`${s.name}!${cell}`)]).toEqual([s.name, cell, text]);
        else expect([s.name, cell, text]).toEqual([s.name, cell, mine[1]]);
      }
    });
    for (const c of now.comments) {
      if (!original.comments.some((o) => JSON.stringify(o) === JSON.stringify(c))) expect([c[0], c[1], added.get(`${c[0]}!${c[1]}`)]).toEqual(c);
    }
    // The way back: one clear restores the original exactly.
    await clearFlags(f.host.context(), undefined, { supports: f.host.isSetSupported });
    same(stateOf(f.host), original);
    // The way on: a retry leaves exactly what a clean flag leaves.
    const again = await f.replay();
    await flag().run(again);
    same(normal(stateOf(again)), clean.normal);
  };

  test('flag: a failed flag is either not applied, or fully covered by the stored undo record', async () => {
    const original = stateOf(makeHost(api));
    await everyFault('flag', api, flag(), (f, clean) => afterFailedFlag(f, clean, original));
  });

  test('flag again over existing flags: the first flags stay clearable whatever the cut', async () => {
    const original = stateOf(makeHost(api));
    await everyFault('flag again', api, flag(flags.filter((_, i) => i % 2 === 0)), (f, clean) => afterFailedFlag(f, clean, original));
  });

  test('clear: a failed clear leaves every mark either in place or restored, and a retry restores everything', async () => {
    const original = stateOf(makeHost(api));
    await everyFault('clear', api, clear, async (f, clean) => {
      expectReadable(f.outcome, /^Không xoá được các đánh dấu: /);
      const now = stateOf(f.host);
      expect(now.sheets.map((s) => s.name).filter((n) => n !== UNDO_SHEET)).toEqual(original.sheets.map((s) => s.name));
      same(unitSheets(now).map(withoutMarks), unitSheets(original).map(withoutMarks));
      // Each cell holds either the mark or its own fill back (or, for a patterned fill cut
      // between its two writes, the mark's colour over its own pattern), never anything else.
      unitSheets(now).forEach((s, i) => {
        const was = unitSheets(original)[i];
        const flagged = unitSheets(f.before)[i];
        for (const [key, c] of Object.entries(s.cells)) {
          const fill = JSON.stringify((c as { fill: unknown }).fill);
          const [own, mark] = [was.cells[key], flagged.cells[key]].map((x) => (x as { fill: { color: string } } | undefined)?.fill ?? NO_FILL);
          const options = [own, mark, { ...own, color: mark.color }].map((x) => JSON.stringify(x));
          if (!options.includes(fill)) expect([s.name, a1(key), fill]).toEqual([s.name, a1(key), options]);
        }
      });
      const undo = f.host.state.find(UNDO_SHEET);
      const record = undo ? await readUndoRecord(f.host.context()) : null;
      if (undo) {
        // Still the whole record (hidden; "Hidden" only when the cut fell between unhiding and deleting it).
        expect(['VeryHidden', 'Hidden']).toContain(undo.visibility);
        const undoOf = (st: State) => (normal(st) as { sheets: Array<{ name: string }> }).sheets.find((s) => s.name === UNDO_SHEET);
        expect({ ...undoOf(now), visibility: 'VeryHidden' }).toEqual(undoOf(f.before));
        expect(record!.entries).toHaveLength(new Set(flags.map((x) => `${x.sheet}!${x.cell}`)).size);
      } else {
        // Gone only once every mark was taken off.
        same(now, original);
      }
      // A retried clear restores everything, and counts no restored cell as the user's.
      const r = await clearFlags(f.host.context(), undefined, { supports: f.host.isSetSupported });
      same(stateOf(f.host), original);
      expect(r.keptUserFill).toBe(0);
      expect(r.restored).toBe(record ? record.entries.length : 0);
      same(clean.normal, normal(original));
    });
  });

  test('rollup on a fresh workbook: rolled back to the sheets before, and a retry writes it whole', async () => {
    await everyFault('rollup', api, rollup(false), async (f, clean) => {
      if (f.outcome.ok) {
        // Finished forward: only when every sheet was complete.
        same(normal(stateOf(f.host)), clean.normal);
      } else {
        expectReadable(f.outcome, /^Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước: /);
        same(stateOf(f.host), f.before);
      }
      expect(f.host.sheetNames().filter((n) => n.startsWith('~ct'))).toEqual([]);
      // A retry, from the state the failure left.
      await rollup(false).run(f.host);
      same(normal(stateOf(f.host)), clean.normal);
      expect(f.host.state.active?.name).toBe('Tổng hợp');
    });
  });

  test('rollup over a previous rollup: the old output comes back whole, or the new one is finished', async () => {
    await everyFault('rollup again', api, rollup(true), async (f, clean) => {
      const now = stateOf(f.host);
      if (f.outcome.ok) {
        same(normal(now), clean.normal);
      } else {
        expectReadable(f.outcome, /^Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước: /);
        same(now, f.before);
      }
      expect(f.host.sheetNames().filter((n) => n.startsWith('~ct'))).toEqual([]);
      await rollup(true).run(f.host);
      same(normal(stateOf(f.host)), clean.normal);
    });
  });

  test('insert the sample rules: the sheets added are taken out again, and a retry inserts them', async () => {
    await everyFault('insert', api, insert, async (f, clean) => {
      expectReadable(f.outcome, /^Không chèn được bảng chỉ tiêu: /);
      same(stateOf(f.host), f.before);
      await insert.run(f.host);
      same(stateOf(f.host), clean.state);
    });
  });
});
});
