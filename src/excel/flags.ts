// Marks findings on the units' own sheets and takes the marks off again.
// A flag fills the cell with its severity colour (plan.ts SEVERITY_FILL) and, where the host
// has them, adds a note (ExcelApi 1.18) or else a threaded comment (1.10) with the message.
// Values and formulas are never written. Before filling, the cell's fill is loaded and kept
// in an undo record, stored in the workbook itself (very hidden sheet "chitieu_undo", JSON
// in column A) so clearing still works after the workbook is closed and reopened.
//
// applyFlags, APPLY_FLAGS_SYNCS = 4:
//   1 sheet names; 2 fills of the flagged cells, existing notes, existing comments, the old
//   undo record; 3 where those comments sit; 4 undo record first, then fills and notes.
//   If sync 4 fails after adding the undo sheet but before hiding it (so before any cell was
//   touched), 2 more syncs delete that unfinished sheet; a sheet that got hidden stays, since
//   its record covers every cell that may have been filled.
// clearFlags, CLEAR_FLAGS_SYNCS = 5:
//   1 sheet names; 2 the stored undo record (when none is passed); 3 current fills, notes,
//   comments; 4 where those comments sit; 5 restore fills, delete our notes/comments, drop
//   the undo sheet. A cell whose fill the user changed since is left as the user made it;
//   a note or comment is deleted only if it still says exactly what we wrote.
/// <reference types="office-js" />
import { CellFlag, SEVERITY_FILL, Severity } from '../core/plan';
import { parseAddress, cellAddress } from '../core/model';
import { SEVERITY_RANK } from '../core/findings';
import { ExcelAdapterError, readableError } from './errors';
import { UNDO_SHEET } from './ownership';
import { Supports, has, hostSupports } from './requirements';

export const APPLY_FLAGS_SYNCS = 4;
export const CLEAR_FLAGS_SYNCS = 5;
export { UNDO_SHEET };

/** Characters per cell of the stored record (Excel's cell limit is 32,767). */
const UNDO_CHUNK = 30_000;

export interface FillState {
  /** "None" for no fill, "Solid", or another Excel.FillPattern. */
  pattern: string;
  color: string | null;
  patternColor?: string | null;
}

export interface UndoEntry {
  sheet: string;
  /** "E11". */
  cell: string;
  prior: FillState;
  /** The flag colour we put, "#FFC7CE". */
  flag: string;
  /** What we added, if anything; deleted on clear only if unchanged. */
  added?: { kind: 'note' | 'comment'; content: string };
}

export interface UndoRecord {
  chitieu: 1;
  saved: string;
  entries: UndoEntry[];
}

export interface FlagOptions {
  supports?: Supports;
  /** Only flags whose `file` is this workbook's name; default all flags. */
  file?: string;
}

export interface ApplyResult {
  record: UndoRecord;
  applied: number;
  /** Flags whose sheet or cell does not exist in this workbook. */
  skipped: CellFlag[];
}

export interface ClearResult {
  restored: number;
  /** Cells the user refilled since flagging: left alone. */
  keptUserFill: number;
  removedNotes: number;
}

interface Wanted {
  sheet: string;
  cell: string;
  severity: Severity;
  message: string;
}

export async function applyFlags(context: Excel.RequestContext, flags: CellFlag[], opts: FlagOptions = {}): Promise<ApplyResult> {
  const supports = opts.supports ?? hostSupports;
  const withPattern = has(supports, 'fillPattern');
  const notes = has(supports, 'notes');
  const comments = !notes && has(supports, 'comments');
  /** Sync 4 is to add the undo sheet: after a failure it may be left half-made. */
  let addsUndoSheet = false;
  try {
    // sync 1
    const wb = context.workbook;
    const worksheets = wb.worksheets.load('items/name');
    await context.sync();
    const sheetNames = worksheets.items.map((w) => w.name);
    const { wanted, skipped } = mergeFlags(flags, sheetNames, opts.file);

    // sync 2
    const fills = wanted.map((w) => worksheets.getItem(w.sheet).getRange(w.cell).format.fill.load(withPattern ? 'color,pattern,patternColor' : 'color'));
    const noteAt = notes ? wanted.map((w) => worksheets.getItem(w.sheet).notes.getItemOrNullObject(w.cell).load('content')) : [];
    const commentSheets = comments ? loadComments(worksheets, unique(wanted.map((w) => w.sheet))) : new Map();
    const stored = queueUndoRead(worksheets, sheetNames);
    await context.sync();

    // sync 3
    const located = locateComments(commentSheets);
    await context.sync();
    const commented = new Set(located.map((l) => key(l.sheet, cellOf(l.range.address))));

    // sync 4
    const before = parseUndo(stored);
    const byKey = new Map((before?.entries ?? []).map((e) => [key(e.sheet, e.cell), e]));
    const adds: Array<() => void> = [];
    wanted.forEach((w, i) => {
      const k = key(w.sheet, w.cell);
      const prev = byKey.get(k);
      const flag = `#${SEVERITY_FILL[w.severity]}`;
      const entry: UndoEntry = { sheet: w.sheet, cell: w.cell, prior: prev?.prior ?? fillState(fills[i], withPattern), flag };
      // A note or comment recorded by an earlier run that is not there now (that run failed
      // before adding it) is added again, with the recorded text.
      let add = false;
      if (prev?.added) {
        entry.added = prev.added;
        add = prev.added.kind === 'note' ? notes && noteAt[i].isNullObject : comments && !commented.has(k);
      } else if (notes && noteAt[i].isNullObject) {
        entry.added = { kind: 'note', content: w.message };
        add = true;
      } else if (comments && !commented.has(k)) {
        entry.added = { kind: 'comment', content: w.message };
        add = true;
      }
      byKey.set(k, entry);
      const range = worksheets.getItem(w.sheet).getRange(w.cell);
      const patterned = withPattern && entry.prior.pattern !== 'None' && entry.prior.pattern !== 'Solid';
      adds.push(() => {
        range.format.fill.color = flag;
        // Setting the colour of a patterned fill keeps the pattern: make the flag solid.
        if (patterned) range.format.fill.pattern = 'Solid';
        if (entry.added && add) {
          if (entry.added.kind === 'note') worksheets.getItem(w.sheet).notes.add(range, entry.added.content);
          else wb.comments.add(range, entry.added.content);
        }
      });
    });
    const record: UndoRecord = { chitieu: 1, saved: new Date().toISOString(), entries: [...byKey.values()] };
    // The record goes first: if the sync dies half way, it already covers every cell touched.
    addsUndoSheet = !sheetNames.includes(UNDO_SHEET);
    queueUndoWrite(wb.worksheets, !addsUndoSheet, record, stored && !stored.isNullObject ? stored.values.length : 0);
    adds.forEach((f) => f());
    await context.sync();
    return { record, applied: wanted.length, skipped };
  } catch (e) {
    if (addsUndoSheet) await dropUnfinishedUndoSheet(context).catch(() => undefined);
    throw readableError(e, 'Không đánh dấu được các ô có vấn đề');
  }
}

export async function clearFlags(context: Excel.RequestContext, undoRecord?: UndoRecord | null, opts: FlagOptions = {}): Promise<ClearResult> {
  const supports = opts.supports ?? hostSupports;
  const withPattern = has(supports, 'fillPattern');
  const notes = has(supports, 'notes');
  const comments = has(supports, 'comments');
  try {
    // sync 1
    const wb = context.workbook;
    const worksheets = wb.worksheets.load('items/name');
    await context.sync();
    const sheetNames = worksheets.items.map((w) => w.name);

    // sync 2
    const stored = undoRecord ? null : queueUndoRead(worksheets, sheetNames);
    await context.sync();
    const record = undoRecord ?? parseUndo(stored);
    const entries = (record?.entries ?? []).filter((e) => sheetNames.includes(e.sheet));

    // sync 3
    const fills = entries.map((e) => worksheets.getItem(e.sheet).getRange(e.cell).format.fill.load(withPattern ? 'color,pattern' : 'color'));
    const noteAt = entries.map((e) =>
      notes && e.added?.kind === 'note' ? worksheets.getItem(e.sheet).notes.getItemOrNullObject(e.cell).load('content') : null,
    );
    const commentSheets =
      comments ? loadComments(worksheets, unique(entries.filter((e) => e.added?.kind === 'comment').map((e) => e.sheet))) : new Map();
    await context.sync();

    // sync 4: only comments that still say what we wrote need their place
    const ours = new Set(entries.filter((e) => e.added?.kind === 'comment').map((e) => e.added!.content));
    const located = locateComments(commentSheets, (c) => ours.has(c.content));
    await context.sync();
    const commentAt = new Map(located.map((l) => [key(l.sheet, cellOf(l.range.address)), l.comment]));

    // sync 5
    const result: ClearResult = { restored: 0, keptUserFill: 0, removedNotes: 0 };
    entries.forEach((e, i) => {
      const fill = worksheets.getItem(e.sheet).getRange(e.cell).format.fill;
      if (isFlagFill(fills[i], e, withPattern)) {
        restoreFill(fill, e.prior, withPattern);
        result.restored++;
      } else if (isPriorFill(fills[i], e.prior, withPattern)) {
        // Already back (a clear that failed half way): restored, not the user's doing.
        result.restored++;
      } else result.keptUserFill++;
      const note = noteAt[i];
      if (note && !note.isNullObject && note.content === e.added?.content) {
        note.delete();
        result.removedNotes++;
      }
      const comment = commentAt.get(key(e.sheet, e.cell));
      if (e.added?.kind === 'comment' && comment && comment.content === e.added.content) {
        comment.delete();
        result.removedNotes++;
      }
    });
    if (sheetNames.includes(UNDO_SHEET)) {
      const undo = worksheets.getItem(UNDO_SHEET);
      undo.visibility = 'Hidden'; // Excel refuses to delete a very hidden sheet
      undo.delete();
    }
    await context.sync();
    return result;
  } catch (e) {
    throw readableError(e, 'Không xoá được các đánh dấu');
  }
}

/** Reads the undo record stored in the workbook: 2 syncs. Null when there is none. */
export const READ_UNDO_SYNCS = 2;
export async function readUndoRecord(context: Excel.RequestContext): Promise<UndoRecord | null> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const stored = queueUndoRead(worksheets, worksheets.items.map((w) => w.name));
  await context.sync();
  return parseUndo(stored);
}

/** One entry per cell: the highest severity wins, messages are joined. */
function mergeFlags(flags: CellFlag[], sheetNames: string[], file?: string): { wanted: Wanted[]; skipped: CellFlag[] } {
  const bySheet = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  const out = new Map<string, Wanted>();
  const skipped: CellFlag[] = [];
  for (const f of flags) {
    if (file !== undefined && f.file !== file) continue;
    const sheet = bySheet.get(f.sheet.toLowerCase());
    const p = parseAddress(f.cell);
    if (!sheet || !p || sheet === UNDO_SHEET) {
      skipped.push(f);
      continue;
    }
    const cell = cellAddress(p.row, p.col);
    const k = key(sheet, cell);
    const w = out.get(k);
    if (!w) out.set(k, { sheet, cell, severity: f.severity, message: f.message });
    else {
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w.severity]) w.severity = f.severity;
      if (!w.message.split('\n').includes(f.message)) w.message += `\n${f.message}`;
    }
  }
  return { wanted: [...out.values()], skipped };
}

function key(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** "'Báo cáo'!$E$11" → "E11". */
function cellOf(address: string): string {
  const a = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  return a.split(':')[0].toUpperCase();
}

function loadComments(worksheets: Excel.WorksheetCollection, sheets: string[]): Map<string, Excel.CommentCollection> {
  return new Map(sheets.map((s) => [s, worksheets.getItem(s).comments.load('items/id,items/content')]));
}

function locateComments(
  bySheet: Map<string, Excel.CommentCollection>,
  keep: (c: Excel.Comment) => boolean = () => true,
): Array<{ sheet: string; comment: Excel.Comment; range: Excel.Range }> {
  const out: Array<{ sheet: string; comment: Excel.Comment; range: Excel.Range }> = [];
  for (const [sheet, coll] of bySheet) {
    for (const comment of coll.items) if (keep(comment)) out.push({ sheet, comment, range: comment.getLocation().load('address') });
  }
  return out;
}

/** Without ExcelApi 1.9 there is no `pattern`: white is taken as "no fill" (they look alike). */
function fillState(fill: Excel.RangeFill, withPattern: boolean): FillState {
  const color = fill.color ? fill.color.toUpperCase() : null;
  if (withPattern) {
    const pattern = String(fill.pattern ?? 'None');
    return pattern === 'None' ? { pattern, color: null } : { pattern, color, patternColor: fill.patternColor ?? null };
  }
  return !color || color === '#FFFFFF' ? { pattern: 'None', color: null } : { pattern: 'Solid', color };
}

/** Our mark: the flag colour, solid, or over the cell's own pattern (a flag cut short between its two writes). */
function isFlagFill(fill: Excel.RangeFill, e: UndoEntry, withPattern: boolean): boolean {
  if (withPattern && fill.pattern !== 'Solid' && fill.pattern !== e.prior.pattern) return false;
  return (fill.color ?? '').toUpperCase() === e.flag.toUpperCase();
}

/** The fill is the one recorded before flagging (the cell was restored already). */
function isPriorFill(fill: Excel.RangeFill, prior: FillState, withPattern: boolean): boolean {
  const color = (fill.color ?? '').toUpperCase();
  const none = !prior.color || prior.pattern === 'None';
  if (withPattern) {
    const pattern = String(fill.pattern ?? 'None');
    return none ? pattern === 'None' : pattern === prior.pattern && color === prior.color!.toUpperCase();
  }
  return none ? !color || color === '#FFFFFF' : color === prior.color!.toUpperCase();
}

function restoreFill(fill: Excel.RangeFill, prior: FillState, withPattern: boolean): void {
  if (prior.pattern === 'None' || !prior.color) {
    fill.clear();
    return;
  }
  // Pattern before colour: cut short in between, the cell still reads as our mark (isFlagFill).
  const patterned = withPattern && prior.pattern !== 'Solid';
  if (patterned) fill.pattern = prior.pattern as Excel.FillPattern;
  fill.color = prior.color;
  if (patterned && prior.patternColor) fill.patternColor = prior.patternColor;
}

function queueUndoRead(worksheets: Excel.WorksheetCollection, sheetNames: string[]): Excel.Range | null {
  return sheetNames.includes(UNDO_SHEET) ? worksheets.getItem(UNDO_SHEET).getUsedRangeOrNullObject(true).load('values') : null;
}

function parseUndo(range: Excel.Range | null): UndoRecord | null {
  if (!range || range.isNullObject) return null;
  const text = range.values.map((row) => String(row[0] ?? '')).join('');
  try {
    const r = JSON.parse(text) as UndoRecord;
    return r && r.chitieu === 1 && Array.isArray(r.entries) ? r : null;
  } catch {
    throw new ExcelAdapterError('Bản ghi hoàn tác trong trang "chitieu_undo" bị hỏng; không tự động xoá đánh dấu được.');
  }
}

/**
 * Writes the record as text ("@" first, so a chunk starting "=" stays text) into column A.
 * The rows of a longer old record are blanked by the same write, never cleared beforehand:
 * one write replaces the record, so a sync cut short leaves the old record or the new one.
 */
function queueUndoWrite(worksheets: Excel.WorksheetCollection, exists: boolean, record: UndoRecord, oldRows: number): void {
  const json = JSON.stringify(record);
  const chunks: string[][] = [];
  for (let i = 0; i < json.length; i += UNDO_CHUNK) chunks.push([json.slice(i, i + UNDO_CHUNK)]);
  while (chunks.length < oldRows) chunks.push(['']);
  const ws = exists ? worksheets.getItem(UNDO_SHEET) : worksheets.add(UNDO_SHEET);
  const range = ws.getRange(`A1:A${chunks.length}`);
  range.numberFormat = chunks.map(() => ['@']);
  range.values = chunks;
  ws.visibility = 'VeryHidden';
}

/**
 * After a failed sync 4 that was to add the undo sheet: a sheet still visible was never
 * finished (it is hidden before any cell is filled), so nothing depends on it. 2 syncs.
 */
async function dropUnfinishedUndoSheet(context: Excel.RequestContext): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET).load('visibility');
  await context.sync();
  if (ws.isNullObject || String(ws.visibility) === 'VeryHidden') return;
  ws.delete();
  await context.sync();
}
