// Writes the engine's planned sheets (rollups) into the open workbook.
//   sync 1  worksheet names + the own-sheet registry (ownership.ts)
//   sync 2  everything else, queued in this order:
//           a. rename our old output sheets to temporary names (frees their names);
//           b. add each planned sheet under its final name and register it;
//           c. per sheet: number formats ("@" for text) BEFORE values, values as one 2-D
//              array, formulas by runs, then formats grouped into multi-area ranges;
//           d. delete our old output sheets and their registry names, drop stale names.
// Deleting last means a failure in a-c can be undone, and the workbook always keeps at
// least one sheet. On failure WRITE_ROLLBACK_SYNCS more syncs (list, then repair) delete
// what this run added and give the old sheets their names back, then the error is thrown.
/// <reference types="office-js" />
import { CellRange, columnLetter } from '../core/model';
import { OutputPlan, PlannedCell, PlannedChart, PlannedSheet } from '../core/plan';
import { addressLists, packCells, quoteSheet, rangeAddress } from './address';
import { ExcelAdapterError, messageOf, readableError } from './errors';
import {
  OWN_NAME_PREFIX,
  OWN_TEMP_PREFIX,
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
export const WRITE_ROLLBACK_SYNCS = 2;

export interface WriteOptions {
  supports?: Supports;
  /** Activate the first written sheet; default true. */
  activate?: boolean;
  /** Run id for registry names and temporary names; default random. Tests fix it. */
  runId?: string;
}

export interface WriteResult {
  /** Planned name → the sheet name actually written ("Tổng hợp" → "Tổng hợp (2)"). */
  sheets: Array<{ planned: string; written: string }>;
  /** Our old output sheets that were replaced. */
  replaced: string[];
}

const FORBIDDEN = /[\\/?*[\]:]/g;
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
    state = planRun(plan, worksheets.items.map((w) => w.name), ownEntries(names), run);

    // sync 2
    queueWrite(context, plan, state, supports, opts.activate !== false);
    await context.sync();
    return resultOf(plan, state);
  } catch (e) {
    if (state) {
      let outcome: 'back' | 'forward';
      try {
        outcome = await rollback(context, state);
      } catch (e2) {
        throw readableError(e, `Không ghi được bảng tổng hợp, và không dọn được phần đã ghi dở (${messageOf(e2)})`);
      }
      // The new sheets were complete and only the old ones' deletion failed: finished now.
      if (outcome === 'forward') return resultOf(plan, state);
    }
    throw readableError(e, 'Không ghi được bảng tổng hợp; sổ tính đã được trả lại như trước');
  }
}

function resultOf(plan: OutputPlan, st: RunState): WriteResult {
  return {
    sheets: plan.sheets.map((p, i) => ({ planned: p.name, written: st.targets[i] })),
    replaced: st.old.map((o) => o.entry.marker.sheet),
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
    }
  }
}

interface OldSheet {
  entry: OwnEntry;
  temp: string;
}

interface RunState {
  run: string;
  /** Sheet names before this run (as Excel spells them). */
  before: string[];
  /** Final sheet name for each planned sheet, in plan order. */
  targets: string[];
  old: OldSheet[];
  /** Registry names pointing nowhere or at a renamed sheet: released at the end. */
  stale: string[];
}

function planRun(plan: OutputPlan, before: string[], entries: OwnEntry[], run: string): RunState {
  const own = ownSheetNames(entries);
  const seen = new Set<string>();
  const old: OldSheet[] = [];
  const stale: string[] = [];
  entries.forEach((entry) => {
    const current = entry.current;
    if (current !== null && own.has(current) && !seen.has(current)) {
      seen.add(current);
      old.push({ entry, temp: `${OWN_TEMP_PREFIX}${run}.${old.length + 1}`.slice(0, MAX_SHEET_NAME) });
    } else stale.push(entry.item);
  });
  // Names still taken after our old sheets step aside (Excel compares sheet names case-insensitively).
  const taken = new Set(before.filter((n) => !own.has(n)).map((n) => n.toLowerCase()));
  taken.add(UNDO_SHEET);
  const targets = plan.sheets.map((p) => {
    const name = freeName(cleanSheetName(p.name), taken);
    taken.add(name.toLowerCase());
    return name;
  });
  return { run, before, targets, old, stale };
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

function queueWrite(context: Excel.RequestContext, plan: OutputPlan, st: RunState, supports: Supports, activate: boolean): void {
  const wb = context.workbook;
  const retarget = retargeter(plan.sheets.map((p, i) => [p.name, st.targets[i]] as [string, string]));
  // By the name each has now: our own, or a temporary one an earlier failed run left.
  for (const o of st.old) wb.worksheets.getItem(o.entry.current!).name = o.temp;
  plan.sheets.forEach((p, i) => {
    const ws = wb.worksheets.add(st.targets[i]);
    const item = wb.names.add(
      `${OWN_NAME_PREFIX}${st.run}_${i + 1}`,
      ws.getRange('A1'),
      markerComment({ chitieu: 1, sheet: st.targets[i], base: p.name, run: st.run }),
    );
    item.visible = false;
    queueSheet(context, ws, st.targets[i], p, supports, retarget);
  });
  for (const o of st.old) {
    wb.worksheets.getItem(o.temp).delete();
    wb.names.getItem(o.entry.item).delete();
  }
  for (const s of st.stale) wb.names.getItem(s).delete();
  if (activate && plan.sheets.length) wb.worksheets.getItem(st.targets[0]).activate();
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

function queueSheet(context: Excel.RequestContext, ws: Excel.Worksheet, name: string, p: PlannedSheet, supports: Supports, retarget: (f: string) => string): void {
  queueCells(ws, p.cells, retarget);
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
  for (const g of groups.values()) formatCells(ws, g.cells, areas, g.apply);
  for (const m of p.merges) ws.getRange(rangeAddress(m)).merge(false);
  queueWidths(ws, p.widths);
  queueFreeze(ws, p.frozenRows, p.frozenCols);
  if (p.autoFilter && has(supports, 'autoFilter')) ws.autoFilter.apply(ws.getRange(p.autoFilter));
  queueNotes(context, ws, p.cells, supports);
  for (const ch of p.charts ?? []) queueChart(ws, ch);
  void name;
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

/** Number formats, then values, as one 2-D array each; formulas afterwards by runs. */
function queueCells(ws: Excel.Worksheet, cells: PlannedCell[], retarget: (f: string) => string): void {
  if (!cells.length) return;
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
  const all = ws.getRangeByIndexes(0, 0, rows, cols);
  all.numberFormat = fmts;
  all.values = vals;
  for (const run of formulaRuns(formulas)) {
    const r = ws.getRangeByIndexes(run.top - 1, run.left - 1, run.bottom - run.top + 1, run.right - run.left + 1);
    r.formulas = run.cells.map((row) => row.map((c) => `=${retarget((c.value as { formula: string }).formula)}`));
  }
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

/** One call per group of identical formats: multi-area ranges (1.9) or one per rectangle. */
function formatCells(ws: Excel.Worksheet, cells: PlannedCell[], areas: boolean, apply: (f: Excel.RangeFormat) => void): void {
  const rects = packCells(cells);
  if (areas) {
    for (const list of addressLists(rects)) apply(ws.getRanges(list).format);
  } else {
    for (const r of rects) apply(ws.getRange(rangeAddress(r)).format);
  }
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

function queueFreeze(ws: Excel.Worksheet, rows: number, cols: number): void {
  if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (cols > 0) ws.freezePanes.freezeColumns(cols);
}

/** Notes (1.18) where the host has them, else threaded comments (1.10), else nothing. */
function queueNotes(context: Excel.RequestContext, ws: Excel.Worksheet, cells: PlannedCell[], supports: Supports): void {
  const noted = cells.filter((c) => c.note);
  if (!noted.length) return;
  const notes = has(supports, 'notes');
  const comments = has(supports, 'comments');
  for (const c of noted) {
    const cell = ws.getRangeByIndexes(c.row - 1, c.col - 1, 1, 1);
    if (notes) ws.notes.add(cell, c.note);
    else if (comments) context.workbook.comments.add(cell, c.note as string);
  }
}

/**
 * After a failed sync 2: list what exists now, then delete the sheets and registry names
 * this run added and rename our old sheets back. If the failure came after the old sheets
 * started to be deleted, the new ones are complete: finish the deletion instead.
 */
async function rollback(context: Excel.RequestContext, st: RunState): Promise<'back' | 'forward'> {
  const worksheets = context.workbook.worksheets.load('items/name');
  const names = queueOwnership(context);
  await context.sync();
  const now = new Set(worksheets.items.map((w) => w.name));
  const entries = ownEntries(names);
  const mine = entries.filter((e) => e.marker.run === st.run);
  const oldNow = (o: OldSheet) => entries.find((e) => e.item === o.entry.item);
  const deleting = st.old.some((o) => !now.has(o.temp) && (oldNow(o)?.current ?? null) === null);
  const wb = context.workbook;
  if (deleting) {
    for (const o of st.old) {
      if (now.has(o.temp)) wb.worksheets.getItem(o.temp).delete();
      if (oldNow(o)) wb.names.getItem(o.entry.item).delete();
    }
  } else {
    // Sheets holding an old sheet's name right now are old ones only if a renaming never happened.
    const oldAt = new Set(st.old.filter((o) => !now.has(o.temp)).map((o) => o.entry.current!));
    for (const t of st.targets) if (now.has(t) && !oldAt.has(t)) wb.worksheets.getItem(t).delete();
    for (const e of mine) wb.names.getItem(e.item).delete();
    for (const o of st.old) if (now.has(o.temp)) wb.worksheets.getItem(o.temp).name = o.entry.current!;
  }
  await context.sync();
  return deleting ? 'forward' : 'back';
}
