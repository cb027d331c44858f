// Writes the engine's planned sheets (rollups) into the open workbook.
//   sync 1  worksheet names + the own-sheet registry (ownership.ts)
//   sync 2  only over an earlier rollup: how many notes, comments and charts our earlier sheets
//           carry (they go one by one; clearing the cells does not take them)
//   syncs 3 everything else, queued in this order and split into syncs by bytes (batches.ts;
//           one sync when it fits one request):
//           a. add each planned sheet that has no earlier sheet of ours, under its final name,
//              and register it;
//           b. per sheet: an earlier sheet of ours is wiped in place (its notes, comments and
//              charts, then cells, formats, merges, widths, panes, filter), never deleted, so a
//              user's formula or name pointing at "Tổng hợp" keeps working (deleting it would
//              turn them into #REF!); then number formats ("@" for text) BEFORE values, by
//              blocks of rows, formulas by runs, formats grouped into multi-area ranges,
//              merges, widths, row heights, panes, filter, page layout (ExcelApi 1.9, else
//              left), notes, charts;
//           c. delete our earlier sheets this plan no longer has and their registry names,
//              drop stale names.
// So a first rollup takes WRITE_SYNCS, one over an earlier rollup WRITE_AGAIN_SYNCS.
// On failure, while none of our earlier sheets was touched, WRITE_ROLLBACK_SYNCS more syncs
// (list, then repair) delete what this run added: the workbook is as before. Once an earlier
// sheet has started to be wiped its old content is gone, so the write is finished instead: what
// this run added is taken out the same way, and the whole write runs once more.
/// <reference types="office-js" />
import { CellRange, columnLetter } from '../core/model';
import { OutputPlan, PlannedCell, PlannedChart, PlannedPage, PlannedSheet } from '../core/plan';
import { addressLists, packCells, qualified, quoteSheet, rangeAddress } from './address';
import { ANSWER_BYTES, Job, PAYLOAD_BUDGET, jsonBytes, requestCost, runJobs, sheetCache, textBytes } from './batches';
import { ExcelAdapterError, messageOf, readableError } from './errors';
import {
  OWN_NAME_PREFIX,
  OwnEntry,
  UNDO_SHEET,
  markerComment,
  newRunId,
  ownEntries,
  ownSheetNames,
  queueOwnership,
} from './ownership';
import { Supports, has, hostSupports } from './requirements';

export const WRITE_SYNCS = 2;
export const WRITE_AGAIN_SYNCS = 3;
export const WRITE_ROLLBACK_SYNCS = 2;

export interface WriteOptions {
  supports?: Supports;
  /** Activate the first written sheet; default true. */
  activate?: boolean;
  /** Run id for registry names and temporary names; default random. Tests fix it. */
  runId?: string;
  /** Bytes per request; default PAYLOAD_BUDGET. Tests lower it. */
  batchBytes?: number;
  /**
   * Which of the add-in's earlier output sheets this write replaces, by the name each was planned
   * under: the rollup replaces the rollup, the feedback sheets replace feedback sheets. Default: all.
   */
  family?: (plannedName: string) => boolean;
  /** Set on the run that finishes a failed one: a second failure is not recovered from. */
  finishing?: boolean;
}

export interface WriteResult {
  /** Planned name → the sheet name actually written ("Tổng hợp" → "Tổng hợp (2)"). */
  sheets: Array<{ planned: string; written: string }>;
  /** Our earlier output sheets that were rewritten in place or removed. */
  replaced: string[];
}

const FORBIDDEN = /[\\/?*[\]:]/g;
/** Excel's limits: characters in a cell, in a formula (its "=" included). */
const MAX_CELL_CHARS = 32_767;
const MAX_FORMULA_CHARS = 8_192;
const MAX_SHEET_NAME = 31;

export async function writePlan(context: Excel.RequestContext, plan: OutputPlan, opts: WriteOptions = {}): Promise<WriteResult> {
  validatePlan(plan);
  const supports = opts.supports ?? hostSupports;
  const run = opts.runId ?? newRunId();
  let state: RunState | undefined;
  try {
    // sync 1
    const worksheets = context.workbook.worksheets.load('items/name');
    const names = queueOwnership(context);
    await context.sync();
    state = planRun(plan, worksheets.items.map((w) => w.name), ownEntries(names), run, opts.family);
    const st = state;

    // sync 2 (over an earlier rollup only)
    const budget = opts.batchBytes ?? PAYLOAD_BUDGET;
    const sheet = sheetCache(context.workbook.worksheets);
    const carried = st.reused.map((r) => (r === null ? null : ({ notes: 0, comments: 0, charts: 0 } as Carried)));
    const counts = st.reused.flatMap((r, i) => (r === null ? [] : [countJob(() => sheet(r), supports, carried[i]!)]));
    if (counts.length) await runJobs(context, counts, { budget, readOnly: true });

    // syncs 3
    await runJobs(context, writeJobs(context, plan, st, carried, supports, opts.activate !== false, budget), { budget });
    return resultOf(plan, st);
  } catch (e) {
    if (!state) throw readableError(e, 'Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước');
    try {
      await rollback(context, state);
      // Our earlier sheets are partly rewritten: their old content is gone, so the write is finished.
      if (state.touched && !opts.finishing) return await writePlan(context, plan, { ...opts, runId: newRunId(), finishing: true });
    } catch (e2) {
      throw readableError(e, `Không ghi được bảng tổng hợp, và không dọn được phần đã ghi dở (${messageOf(e2)})`);
    }
    if (state.touched) throw readableError(e, 'Không ghi được bảng tổng hợp, và không dọn được phần đã ghi dở');
    throw readableError(e, 'Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước');
  }
}

function resultOf(plan: OutputPlan, st: RunState): WriteResult {
  return {
    sheets: plan.sheets.map((p, i) => ({ planned: p.name, written: st.targets[i] })),
    replaced: [...st.reused.filter((r): r is string => r !== null), ...st.old.map((o) => o.marker.sheet)],
  };
}

/** Refuse plans Excel would reject, before touching the workbook. */
function validatePlan(plan: OutputPlan): void {
  for (const s of plan.sheets) {
    for (const c of s.cells) {
      if (c.row < 1 || c.col < 1 || !Number.isInteger(c.row) || !Number.isInteger(c.col))
        throw new ExcelAdapterError(`Kế hoạch ghi sai ô (${c.row}, ${c.col}) ở trang "${s.name}"`);
      if ('number' in c.value && !Number.isFinite(c.value.number))
        throw new ExcelAdapterError(`Giá trị không hợp lệ (${c.value.number}) ở ô ${columnLetter(c.col)}${c.row} trang "${s.name}"`);
      // Excel refuses longer ones: refused here, before anything is written, not half way.
      if ('text' in c.value && c.value.text.length > MAX_CELL_CHARS)
        throw new ExcelAdapterError(`Ô ${columnLetter(c.col)}${c.row} trang "${s.name}" có ${c.value.text.length} ký tự; một ô Excel chứa tối đa 32.767 ký tự`);
      if ('formula' in c.value && c.value.formula.length + 1 > MAX_FORMULA_CHARS)
        throw new ExcelAdapterError(`Công thức ở ô ${columnLetter(c.col)}${c.row} trang "${s.name}" dài ${c.value.formula.length + 1} ký tự; Excel nhận tối đa 8.192 ký tự`);
    }
  }
}

interface RunState {
  run: string;
  /** Sheet names before this run (as Excel spells them). */
  before: string[];
  /** Final sheet name for each planned sheet, in plan order. */
  targets: string[];
  /** For each planned sheet, the earlier sheet of ours rewritten in place (its name), or null: added. */
  reused: Array<string | null>;
  /** Our earlier sheets (of this family) the plan no longer has: deleted at the end. */
  old: OwnEntry[];
  /** Registry names pointing nowhere or at a renamed sheet: released at the end. */
  stale: string[];
  /** Set once work on an earlier sheet of ours was queued: its old content may be gone. */
  touched: boolean;
}

function planRun(plan: OutputPlan, before: string[], all: OwnEntry[], run: string, family: (base: string) => boolean = () => true): RunState {
  // Our sheets of another family (the feedback sheets during a rollup) stay, and keep their names.
  const entries = all.filter((e) => family(e.marker.base));
  const own = ownSheetNames(entries);
  const seen = new Set<string>();
  const sheets: OwnEntry[] = [];
  const stale: string[] = [];
  entries.forEach((entry) => {
    const current = entry.current;
    if (current !== null && own.has(current) && !seen.has(current)) {
      seen.add(current);
      sheets.push(entry);
    } else stale.push(entry.item);
  });
  // A planned sheet goes into the earlier sheet of ours planned under the same name, if it still
  // has the name we gave it (one under a temporary name, left by an older version, is removed).
  const used = new Set<OwnEntry>();
  const reused = plan.sheets.map((p) => {
    const e = sheets.find((x) => !used.has(x) && x.current === x.marker.sheet && x.marker.base === p.name);
    if (e) used.add(e);
    return e ? e.current! : null;
  });
  // Names taken by every sheet there now (Excel compares sheet names case-insensitively).
  const taken = new Set(before.map((n) => n.toLowerCase()));
  taken.add(UNDO_SHEET);
  const targets = plan.sheets.map((p, i) => {
    if (reused[i] !== null) return reused[i]!;
    const name = freeName(cleanSheetName(p.name), taken);
    taken.add(name.toLowerCase());
    return name;
  });
  return { run, before, targets, reused, old: sheets.filter((e) => !used.has(e)), stale, touched: false };
}

export function cleanSheetName(name: string): string {
  const s = name.replace(FORBIDDEN, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX_SHEET_NAME);
  return s && s.toLowerCase() !== 'history' ? s : 'Tổng hợp';
}

/** "Tổng hợp", then "Tổng hợp (2)", "Tổng hợp (3)"…, never a name in `taken`. */
export function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** What an earlier sheet of ours carries that goes one by one. */
interface Carried {
  notes: number;
  comments: number;
  charts: number;
}

function countJob(ws: () => Excel.Worksheet, supports: Supports, into: Carried): Job {
  return {
    request: requestCost(3, 3),
    response: 3 * ANSWER_BYTES + 30,
    queue: () => {
      const w = ws();
      const notes = has(supports, 'notes') ? w.notes.getCount() : null;
      const comments = has(supports, 'comments') ? w.comments.getCount() : null;
      const charts = w.charts.getCount();
      return () => {
        into.notes = notes?.value ?? 0;
        into.comments = comments?.value ?? 0;
        into.charts = charts.value;
      };
    },
  };
}

/**
 * An earlier sheet of ours, emptied in place: its notes, comments and charts (one by one, by
 * position, last first), then everything in its cells, its widths, heights, panes and filter.
 */
function wipeJobs(ws: () => Excel.Worksheet, c: Carried, supports: Supports, touch: () => void): Job[] {
  const jobs: Job[] = [];
  const each = (n: number, item: (w: Excel.Worksheet, i: number) => { delete(): void }) => {
    for (let i = n - 1; i >= 0; i--) {
      const at = i;
      jobs.push({
        request: requestCost(1, 1, [at]),
        queue: () => {
          touch();
          item(ws(), at).delete();
        },
      });
    }
  };
  each(c.notes, (w, i) => w.notes.getItemAt(i));
  each(c.comments, (w, i) => w.comments.getItemAt(i));
  each(c.charts, (w, i) => w.charts.getItemAt(i));
  const filter = has(supports, 'autoFilter');
  jobs.push({
    request: requestCost(10, 6, ['A:XFD', true]),
    queue: () => {
      touch();
      const w = ws();
      w.getRange().clear('All');
      w.getRange('A:XFD').format.useStandardWidth = true;
      // Rows an earlier rollup made tall (wrapped labels, long messages) go back too: clear() keeps heights.
      w.getRange('A:XFD').format.useStandardHeight = true;
      w.freezePanes.unfreeze();
      if (filter) w.autoFilter.remove();
    },
  });
  return jobs;
}

/** The whole write as jobs, in the order that keeps a failure undoable (see the header). */
function writeJobs(context: Excel.RequestContext, plan: OutputPlan, st: RunState, carried: Array<Carried | null>, supports: Supports, activate: boolean, budget: number): Job[] {
  const wb = context.workbook;
  const sheet = sheetCache(wb.worksheets);
  const retarget = retargeter(plan.sheets.map((p, i) => [p.name, st.targets[i]] as [string, string]));
  const added = plan.sheets.map((p, i) => ({ p, i })).filter(({ i }) => st.reused[i] === null);
  const touch = () => void (st.touched = true);
  const start: Job = {
    request: requestCost(3 * added.length, 3 * added.length, added.map(({ i }) => st.targets[i])) + 300 * added.length,
    queue: () => {
      for (const { p, i } of added) {
        const ws = wb.worksheets.add(st.targets[i]);
        const marker = markerComment({ chitieu: 1, sheet: st.targets[i], base: p.name, run: st.run });
        const item = wb.names.add(`${OWN_NAME_PREFIX}${st.run}_${i + 1}`, ws.getRange('A1'), marker);
        item.visible = false;
      }
    },
  };
  const content = plan.sheets.flatMap((p, i) => [
    ...(carried[i] ? wipeJobs(() => sheet(st.targets[i]), carried[i]!, supports, touch) : []),
    ...sheetJobs(context, () => sheet(st.targets[i]), st.targets[i], p, supports, retarget, budget),
  ]);
  const drops = st.old.length + st.stale.length;
  const finish: Job = {
    request: requestCost(3 * drops + 2, 2 * drops + 1),
    queue: () => {
      if (st.old.length) touch();
      for (const o of st.old) {
        wb.worksheets.getItem(o.current!).delete();
        wb.names.getItem(o.item).delete();
      }
      for (const s of st.stale) wb.names.getItem(s).delete();
      if (activate && plan.sheets.length) wb.worksheets.getItem(st.targets[0]).activate();
    },
  };
  return [start, ...content, finish];
}

/**
 * Formulas name the planned sheets ("'Tổng hợp'!E7"); when a user's own sheet made us write
 * "Tổng hợp (2)", the references must follow, or the rates would read the user's sheet.
 */
export function retargeter(renames: Array<[string, string]>): (formula: string) => string {
  const moved = renames.filter(([a, b]) => a !== b);
  if (!moved.length) return (f) => f;
  return (f) => moved.reduce((acc, [from, to]) => acc.split(`'${from.replace(/'/g, "''")}'!`).join(`${quoteSheet(to)}!`), f);
}

/** One planned sheet's content as jobs: cells, formulas, formats, merges, widths, panes, filter, notes, charts. */
function sheetJobs(
  context: Excel.RequestContext,
  ws: () => Excel.Worksheet,
  name: string,
  p: PlannedSheet,
  supports: Supports,
  retarget: (f: string) => string,
  budget: number,
): Job[] {
  const jobs: Job[] = cellJobs(ws, p.cells, retarget, budget / 4);
  const areas = has(supports, 'rangeAreas');
  const groups = new Map<string, { apply: (f: Excel.RangeFormat) => void; cells: PlannedCell[] }>();
  const group = (key: string, apply: (f: Excel.RangeFormat) => void, c: PlannedCell) => {
    const g = groups.get(key) ?? { apply, cells: [] };
    g.cells.push(c);
    groups.set(key, g);
  };
  for (const c of p.cells) {
    if (c.bold) group('bold', (f) => (f.font.bold = true), c);
    if (c.fill) {
      const color = `#${c.fill.toUpperCase()}`;
      group(`fill:${color}`, (f) => (f.fill.color = color), c);
    }
    if (c.wrap) group('wrap', (f) => (f.wrapText = true), c);
    if (c.align) {
      const a = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[c.align];
      group(`align:${a}`, (f) => (f.horizontalAlignment = a), c);
    }
  }
  for (const g of groups.values()) jobs.push(...formatJobs(ws, g.cells, areas, g.apply));
  for (const m of p.merges) jobs.push({ request: requestCost(3, 1, [rangeAddress(m), false]), queue: () => ws().getRange(rangeAddress(m)).merge(false) });
  jobs.push({ request: requestCost(4, 1, ['A:A', 0]) * (p.widths.length + 1), queue: () => queueWidths(ws(), p.widths) });
  jobs.push({ request: requestCost(4, 2, [0, 0, 0, 0]), queue: () => queueFreeze(ws(), p.frozenRows, p.frozenCols) });
  const heights = Object.entries(p.rowHeights ?? {});
  if (heights.length) jobs.push({ request: requestCost(3, 1, ['1:1', 0]) * heights.length, queue: () => queueHeights(ws(), heights) });
  const filter = p.autoFilter;
  if (filter && has(supports, 'autoFilter')) jobs.push({ request: requestCost(4, 1, [filter]), queue: () => ws().autoFilter.apply(ws().getRange(filter)) });
  const page = p.page;
  if (page && has(supports, 'pageLayout')) jobs.push({ request: requestCost(10, 8, [page]), queue: () => queuePage(ws(), page) });
  jobs.push(...noteJobs(context, ws, name, p.cells, supports));
  for (const ch of p.charts ?? []) jobs.push({ request: requestCost(12, 8, [ch]), queue: () => queueChart(ws(), ch) });
  return jobs;
}

/** A bar chart (ExcelApi 1.1; category labels need 1.7, the manifest's minimum). */
function queueChart(ws: Excel.Worksheet, ch: PlannedChart): void {
  const [first, ...more] = ch.series;
  if (!first) return;
  const chart = ws.charts.add('BarClustered', ws.getRange(first.values), 'Columns');
  chart.title.text = ch.title;
  chart.legend.visible = more.length > 0;
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(ws.getRange(ch.categories));
  chart.setPosition(ch.anchor);
}

/**
 * Number formats, then values, as 2-D arrays by blocks of rows (each at most `blockBytes`, a
 * quarter of a request); formulas afterwards by runs, once every block's values are in.
 */
function cellJobs(ws: () => Excel.Worksheet, cells: PlannedCell[], retarget: (f: string) => string, blockBytes: number): Job[] {
  if (!cells.length) return [];
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    rows = Math.max(rows, c.row);
    cols = Math.max(cols, c.col);
  }
  const fmts: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  const vals: Array<Array<string | number>> = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(''));
  const formulas: PlannedCell[] = [];
  for (const c of cells) {
    const v = c.value;
    // Text is data: "@" makes Excel keep "=1+1", "+84 912", "-", "@abc" as typed.
    if ('text' in v) {
      fmts[c.row - 1][c.col - 1] = '@';
      vals[c.row - 1][c.col - 1] = v.text;
    } else {
      if (c.numFmt) fmts[c.row - 1][c.col - 1] = c.numFmt;
      if ('number' in v) vals[c.row - 1][c.col - 1] = v.number;
      else if ('formula' in v) formulas.push(c);
    }
  }
  const jobs: Job[] = [];
  for (let top = 0; top < rows; ) {
    let bytes = rowBytes(fmts[top], vals[top]);
    let bottom = top + 1;
    while (bottom < rows && bytes + rowBytes(fmts[bottom], vals[bottom]) <= blockBytes) bytes += rowBytes(fmts[bottom], vals[bottom++]);
    const [r0, n] = [top, bottom - top];
    jobs.push({
      request: requestCost(2, 2) + bytes,
      queue: () => {
        const block = ws().getRangeByIndexes(r0, 0, n, cols);
        block.numberFormat = fmts.slice(r0, r0 + n);
        block.values = vals.slice(r0, r0 + n);
      },
    });
    top = bottom;
  }
  for (const run of formulaRuns(formulas)) {
    const texts = run.cells.map((row) => row.map((c) => `=${retarget((c.value as { formula: string }).formula)}`));
    jobs.push({
      request: requestCost(2, 1, [texts, 0, 0, 0, 0]),
      queue: () => {
        ws().getRangeByIndexes(run.top - 1, run.left - 1, run.bottom - run.top + 1, run.right - run.left + 1).formulas = texts;
      },
    });
  }
  return jobs;
}

/** Bytes of one row of a block: its formats and its values. */
function rowBytes(fmts: string[], vals: Array<string | number>): number {
  return jsonBytes(fmts) + jsonBytes(vals) + 2;
}

interface Run extends CellRange {
  cells: PlannedCell[][];
}

/** Formula cells grouped into vertical or horizontal runs, whichever gives fewer calls. */
function formulaRuns(cells: PlannedCell[]): Run[] {
  const vertical = runs(cells, (c) => c.col, (c) => c.row);
  const horizontal = runs(cells, (c) => c.row, (c) => c.col);
  return vertical.length <= horizontal.length
    ? vertical.map((r) => ({ ...r, cells: r.cells.map((c) => [c]) }))
    : horizontal.map((r) => ({ ...r, cells: [r.cells] }));
}

function runs(cells: PlannedCell[], line: (c: PlannedCell) => number, pos: (c: PlannedCell) => number) {
  const sorted = [...cells].sort((a, b) => line(a) - line(b) || pos(a) - pos(b));
  const out: Array<CellRange & { cells: PlannedCell[] }> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && line(last.cells[0]) === line(c) && pos(last.cells[last.cells.length - 1]) === pos(c) - 1) {
      last.cells.push(c);
      last.bottom = Math.max(last.bottom, c.row);
      last.right = Math.max(last.right, c.col);
    } else {
      out.push({ top: c.row, left: c.col, bottom: c.row, right: c.col, cells: [c] });
    }
  }
  return out;
}

/** One call per group of identical formats: multi-area ranges (1.9; at most 500 areas a call) or one per rectangle. */
function formatJobs(ws: () => Excel.Worksheet, cells: PlannedCell[], areas: boolean, apply: (f: Excel.RangeFormat) => void): Job[] {
  const rects = packCells(cells);
  if (areas) return addressLists(rects).map((list) => ({ request: requestCost(5, 1, [list, '#FFFFFF']), queue: () => apply(ws().getRanges(list).format) }));
  return rects.map((r) => ({ request: requestCost(5, 1, [rangeAddress(r), '#FFFFFF']), queue: () => apply(ws().getRange(rangeAddress(r)).format) }));
}

/** Widths in characters → points ((7 px per char + 5 px padding) × 0.75), by runs of equal width. */
function queueWidths(ws: Excel.Worksheet, widths: number[]): void {
  let i = 0;
  while (i < widths.length) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    const w = widths[i];
    if (w !== undefined && w !== null && w > 0) {
      ws.getRange(`${columnLetter(i + 1)}:${columnLetter(j + 1)}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75 * 100) / 100;
    }
    i = j + 1;
  }
}

/** Rows whose wrapped labels need more than a line (Excel does not grow a row written by code). */
function queueHeights(ws: Excel.Worksheet, heights: Array<[string, number]>): void {
  for (const [row, points] of heights) ws.getRange(`${row}:${row}`).format.rowHeight = points;
}

/** A4, orientation, one page wide, title rows on every page, the print area, the footer. */
function queuePage(ws: Excel.Worksheet, page: PlannedPage): void {
  const layout = ws.pageLayout;
  layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  // Only the width: the number of pages tall is left to Excel.
  if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
  if (page.repeatRows) layout.setPrintTitleRows(page.repeatRows.replace(/(\d+)/g, '$$$1'));
  if (page.printArea) layout.setPrintArea(page.printArea);
  const footer = layout.headersFooters.defaultForAllPages;
  // "&" starts a code in a header or footer; a literal one is written "&&".
  if (page.footer) footer.leftFooter = page.footer.replace(/&/g, '&&');
  footer.rightFooter = 'Trang &P/&N';
}

function queueFreeze(ws: Excel.Worksheet, rows: number, cols: number): void {
  if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (cols > 0) ws.freezePanes.freezeColumns(cols);
}

/** Notes (1.18) where the host has them, else threaded comments (1.10), else nothing: a job each. */
function noteJobs(context: Excel.RequestContext, ws: () => Excel.Worksheet, name: string, cells: PlannedCell[], supports: Supports): Job[] {
  const notes = has(supports, 'notes');
  const comments = has(supports, 'comments');
  if (!notes && !comments) return [];
  return cells
    .filter((c) => c.note)
    .map((c) => {
      const at = qualified(name, rangeAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col }));
      const text = c.note as string;
      return {
        request: requestCost(2, 0, [at]) + textBytes(text),
        queue: () => {
          if (notes) ws().notes.add(at, text);
          else context.workbook.comments.add(at, text);
        },
      };
    });
}

/**
 * After a failed write: list what exists now, then delete the sheets and registry names this
 * run added (a sheet at one of its new names that was not there before is one it added).
 */
async function rollback(context: Excel.RequestContext, st: RunState): Promise<void> {
  const worksheets = context.workbook.worksheets.load('items/name');
  const names = queueOwnership(context);
  await context.sync();
  const now = new Set(worksheets.items.map((w) => w.name));
  const before = new Set(st.before);
  const wb = context.workbook;
  st.targets.forEach((t, i) => {
    if (st.reused[i] === null && now.has(t) && !before.has(t)) wb.worksheets.getItem(t).delete();
  });
  for (const e of ownEntries(names)) if (e.marker.run === st.run) wb.names.getItem(e.item).delete();
  await context.sync();
}
