// Marks findings on the units' own sheets and takes the marks off again.
// A flag fills the cell with its severity colour (plan.ts SEVERITY_FILL) and, where the host
// has them, adds a note (ExcelApi 1.18) or else a threaded comment (1.10) with the message.
// Values and formulas are never written. Before filling, the cell's fill is loaded and kept
// in an undo record, stored in the workbook itself (very hidden sheet "chitieu_undo") so
// clearing still works after the workbook is closed and reopened.
//
// The record is a column of rows, each a small JSON record of its own ({"chitieu":1,"saved",
// "entries"}); a later row's entry for a cell replaces an earlier one's. Rows are only ever
// appended, each batch's rows before that batch touches a cell: a run cut short at any point
// leaves a record that covers every cell it filled.
//
// Every phase is split into syncs by bytes (batches.ts), so a sync count below is the least:
// applyFlags, APPLY_FLAGS_SYNCS = 4:
//   1 sheet names; 2 fills of the flagged cells, how many notes their sheets have (or their
//   comments), the record's first rows; 3 the notes on the flagged cells of sheets that have
//   some, where those comments sit, the rest of the record; 4 record rows first, then fills
//   and notes. If the first write fails after adding the undo sheet but
//   before hiding it (so before any cell was touched), 2 more syncs delete that unfinished
//   sheet; a sheet that got hidden stays, since its record covers every cell that may have
//   been filled.
// clearFlags, CLEAR_FLAGS_SYNCS = 5:
//   1 sheet names; 2 the stored record (when none is passed); 3 current fills, our notes'
//   text, comments; 4 where those comments sit; 5 restore fills, delete our notes and
//   comments, and last the undo sheet. A cell whose fill the user changed since is left as the
//   user made it; a note or comment is deleted only if it still says exactly what we wrote.
/// <reference types="office-js" />
import { CellFlag, SEVERITY_FILL, Severity } from '../core/plan';
import { parseAddress, cellAddress } from '../core/model';
import { SEVERITY_RANK } from '../core/findings';
import { addressLists, qualified } from './address';
import { ExcelAdapterError, readableError } from './errors';
import { ANSWER_BYTES, Job, PAYLOAD_BUDGET, requestCost, runJobs, sheetCache, textBytes } from './batches';
import { UNDO_SHEET } from './ownership';
import { Supports, has, hostSupports } from './requirements';

export const APPLY_FLAGS_SYNCS = 4;
export const CLEAR_FLAGS_SYNCS = 5;
/** Syncs of readUndoRecord when the record fits in its first rows. */
export const READ_UNDO_SYNCS = 2;
export { UNDO_SHEET };

/** Room in a sheet's list of comments for the user's own, whose length nothing tells beforehand. */
const USER_MARKS_BYTES = 2_000;
/** Characters per row of the stored record: rows this small keep any read of them small. */
const UNDO_ROW_CHARS = 4_000;
/** Rows read with the first batch (fewer when the budget is small); a longer record is read on in the next phase. */
const UNDO_HEAD_ROWS = 100;
/** Answer bytes of one record row at most (three bytes a character, escapes included). */
const UNDO_ROW_BYTES = UNDO_ROW_CHARS * 3 + 100;
/** A flag's message is cut to this in notes, comments and the record: a note is read, not archived. */
export const FLAG_MESSAGE_CHARS = 1_000;

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
  /** Bytes per request and per answer; default PAYLOAD_BUDGET. Tests lower it. */
  batchBytes?: number;
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

/** What the host offers for flags. */
interface Mode {
  withPattern: boolean;
  /** Multi-area ranges: one call fills many cells. */
  areas: boolean;
  marks: 'note' | 'comment' | null;
}

function modeOf(supports: Supports): Mode {
  const marks = has(supports, 'notes') ? 'note' : has(supports, 'comments') ? 'comment' : null;
  return { withPattern: has(supports, 'fillPattern'), areas: has(supports, 'rangeAreas'), marks };
}

export async function applyFlags(context: Excel.RequestContext, flags: CellFlag[], opts: FlagOptions = {}): Promise<ApplyResult> {
  const mode = modeOf(opts.supports ?? hostSupports);
  const run = { budget: opts.batchBytes };
  /** The first write adds the undo sheet: after a failure it may be left half-made. */
  let addsUndoSheet = false;
  try {
    // sync 1
    const wb = context.workbook;
    const worksheets = wb.worksheets.load('items/name');
    await context.sync();
    const sheetNames = worksheets.items.map((w) => w.name);
    const { wanted, skipped } = mergeFlags(flags, sheetNames, opts.file);
    const sheet = sheetCache(worksheets);

    // syncs 2: fills of the flagged cells, how many notes their sheets have (or their comments), the record's first rows
    const fills: FillState[] = new Array(wanted.length);
    const marks = new Marks(mode.marks, sheet, false);
    const stored = new StoredRecord(sheet, sheetNames.includes(UNDO_SHEET), opts.batchBytes);
    await runJobs(
      context,
      [...stored.headJobs(), ...wanted.map((w, i) => fillJob(sheet, w, mode.withPattern, (f) => (fills[i] = f))), ...marks.loadJobs(wanted.map((w) => ({ sheet: w.sheet, cell: w.cell, content: w.message })))],
      { ...run, readOnly: true },
    );

    // syncs 3: notes on the cells of sheets that have some, where those comments sit, the rest of the record
    await runJobs(context, [...stored.restJobs(), ...marks.locateJobs()], { ...run, readOnly: true });
    const before = stored.record();

    // syncs 4: per batch, the record's new rows, then fills, then notes or comments
    const byKey = new Map((before?.entries ?? []).map((e) => [key(e.sheet, e.cell), e]));
    const writes: FlagWrite[] = wanted.map((w, i) => {
      const k = key(w.sheet, w.cell);
      const prev = byKey.get(k);
      const flag = `#${SEVERITY_FILL[w.severity]}`;
      const entry: UndoEntry = { sheet: w.sheet, cell: w.cell, prior: prev?.prior ?? fills[i], flag };
      // A note or comment recorded by an earlier run that is not there now (that run failed
      // before adding it) is added again, with the recorded text.
      const present = marks.at(w.sheet, w.cell) !== undefined;
      let add = false;
      if (prev?.added) {
        entry.added = prev.added;
        add = prev.added.kind === mode.marks && !present;
      } else if (mode.marks && !present) {
        entry.added = { kind: mode.marks, content: w.message };
        add = true;
      }
      const patterned = mode.withPattern && entry.prior.pattern !== 'None' && entry.prior.pattern !== 'Solid';
      return { entry, add, patterned, changed: !prev || JSON.stringify(prev) !== JSON.stringify(entry) };
    });
    // A sheet's cells together, so that a batch fills them with one call per colour; the record
    // lists them in the order they are written.
    writes.sort((a, b) => (a.entry.sheet < b.entry.sheet ? -1 : a.entry.sheet > b.entry.sheet ? 1 : 0));
    for (const w of writes) byKey.set(key(w.entry.sheet, w.entry.cell), w.entry);
    const record: UndoRecord = { chitieu: 1, saved: new Date().toISOString(), entries: [...byKey.values()] };
    addsUndoSheet = !sheetNames.includes(UNDO_SHEET);
    const writer = new FlagWriter(wb, sheet, mode, stored.rows, addsUndoSheet, record.saved);
    await runJobs(context, writer.jobs(writes), { ...run, beforeSync: () => writer.flush() });
    return { record, applied: wanted.length, skipped };
  } catch (e) {
    if (addsUndoSheet) await dropUnfinishedUndoSheet(context).catch(() => undefined);
    throw readableError(e, 'Không đánh dấu được các ô có vấn đề');
  }
}

export async function clearFlags(context: Excel.RequestContext, undoRecord?: UndoRecord | null, opts: FlagOptions = {}): Promise<ClearResult> {
  const supports = opts.supports ?? hostSupports;
  const mode = modeOf(supports);
  const run = { budget: opts.batchBytes };
  try {
    // sync 1
    const wb = context.workbook;
    const worksheets = wb.worksheets.load('items/name');
    await context.sync();
    const sheetNames = worksheets.items.map((w) => w.name);
    const sheet = sheetCache(worksheets);

    // syncs 2: the stored record
    const stored = new StoredRecord(sheet, !undoRecord && sheetNames.includes(UNDO_SHEET), opts.batchBytes);
    await runJobs(context, stored.headJobs(), { ...run, readOnly: true });
    if (stored.more()) await runJobs(context, stored.restJobs(), { ...run, readOnly: true });
    const record = undoRecord ?? stored.record();
    const entries = (record?.entries ?? []).filter((e) => sheetNames.includes(e.sheet));

    // syncs 3: current fills, and the notes and comments where we added some
    const fills: FillState[] = new Array(entries.length);
    const added = (kind: 'note' | 'comment') => entries.filter((e) => e.added?.kind === kind).map((e) => ({ sheet: e.sheet, cell: e.cell, content: e.added!.content }));
    // Clearing also takes off comments an older host added where notes exist now.
    const notes = new Marks(has(supports, 'notes') ? 'note' : null, sheet, true);
    const comments = new Marks(has(supports, 'comments') ? 'comment' : null, sheet, true);
    await runJobs(
      context,
      [...entries.map((e, i) => fillJob(sheet, e, mode.withPattern, (f) => (fills[i] = f))), ...notes.loadJobs(added('note')), ...comments.loadJobs(added('comment'))],
      { ...run, readOnly: true },
    );

    // syncs 4: where the comments sit (only those that still say what we wrote need their place)
    const ours = new Set(entries.filter((e) => e.added).map((e) => e.added!.content));
    await runJobs(context, comments.locateJobs((c) => ours.has(c)), { ...run, readOnly: true });

    // syncs 5: restore, delete what we added, and last the undo sheet
    const result: ClearResult = { restored: 0, keptUserFill: 0, removedNotes: 0 };
    const restores: Restore[] = [];
    entries.forEach((e, i) => {
      const restore: Restore = { entry: e, fill: false, note: false, comment: undefined };
      if (isFlagFill(fills[i], e, mode.withPattern)) {
        restore.fill = true;
        result.restored++;
      } else if (isPriorFill(fills[i], e.prior, mode.withPattern)) {
        // Already back (a clear that failed half way): restored, not the user's doing.
        result.restored++;
      } else result.keptUserFill++;
      const mark = e.added ? (e.added.kind === 'note' ? notes : comments).at(e.sheet, e.cell) : undefined;
      if (mark && mark.content === e.added!.content) {
        if (e.added!.kind === 'note') restore.note = true;
        else restore.comment = mark.comment;
        result.removedNotes++;
      }
      restores.push(restore);
    });
    const writer = new ClearWriter(sheet, mode, () => {
      if (!sheetNames.includes(UNDO_SHEET)) return;
      const undo = sheet(UNDO_SHEET);
      undo.visibility = 'Hidden'; // Excel refuses to delete a very hidden sheet
      undo.delete();
    });
    await runJobs(context, writer.jobs(restores), { ...run, beforeSync: () => writer.flush() });
    return result;
  } catch (e) {
    throw readableError(e, 'Không xoá được các đánh dấu');
  }
}

/** Reads the undo record stored in the workbook: READ_UNDO_SYNCS syncs, more for a long one. Null when there is none. */
export async function readUndoRecord(context: Excel.RequestContext, opts: { batchBytes?: number } = {}): Promise<UndoRecord | null> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const stored = new StoredRecord(sheetCache(worksheets), worksheets.items.some((w) => w.name === UNDO_SHEET), opts.batchBytes);
  await runJobs(context, stored.headJobs(), { budget: opts.batchBytes, readOnly: true });
  if (stored.more()) await runJobs(context, stored.restJobs(), { budget: opts.batchBytes, readOnly: true });
  return stored.record();
}

// ---------------------------------------------------------------- reading

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
  for (const w of out.values()) if (w.message.length > FLAG_MESSAGE_CHARS) w.message = `${w.message.slice(0, FLAG_MESSAGE_CHARS - 1)}…`;
  return { wanted: [...out.values()], skipped };
}

/**
 * A cell's fill. Where there are patterns (ExcelApi 1.9) getCellProperties asks for it with one
 * object and one call; before that, through .format.fill (three objects and a load).
 */
function fillJob(sheet: (n: string) => Excel.Worksheet, at: { sheet: string; cell: string }, withPattern: boolean, done: (f: FillState) => void): Job {
  if (withPattern) {
    const ask = { format: { fill: { color: true, pattern: true, patternColor: true } } };
    return {
      request: requestCost(2, 1, [at.cell, ask]),
      response: ANSWER_BYTES + 100,
      queue: () => {
        const props = sheet(at.sheet).getRange(at.cell).getCellProperties(ask);
        return () => done(fillState(props.value[0][0].format?.fill ?? {}, true));
      },
    };
  }
  return {
    request: requestCost(4, 1, [at.cell, 'color']),
    response: ANSWER_BYTES + 40,
    queue: () => {
      const fill = sheet(at.sheet).getRange(at.cell).format.fill.load('color');
      return () => done(fillState(fill, false));
    },
  };
}

/** A note or comment found on a cell: its text (when loaded) and, for a comment, the item to delete. */
interface Mark {
  content: string;
  comment?: Excel.Comment;
}

/** Cells asked about, with the text a mark of ours there would have (for the answer's size). */
interface MarkQuery {
  sheet: string;
  cell: string;
  content: string;
}

/**
 * The notes or comments on some cells. Notes are asked cell by cell (getItemOrNullObject): the
 * answer is as small as the question. When only their presence matters (flagging), each sheet
 * is first asked how many notes it has, and only the cells of sheets that have some are asked
 * about in the next phase: report sheets seldom carry notes. Comments (ExcelApi 1.10–1.17,
 * where notes are missing) can only be listed per sheet, then located one by one; a sheet's list
 * is estimated from the marks of ours it may hold plus room for the user's, and a batch Excel
 * refuses as too large is split and tried again (runJobs, readOnly).
 */
class Marks {
  private readonly lists: Array<{ sheet: string; items: () => Excel.Comment[] }> = [];
  private readonly found = new Map<string, Mark>();
  /** Cells still to ask about, on sheets whose note count came back above zero. */
  private pending: MarkQuery[] = [];
  constructor(
    private readonly kind: 'note' | 'comment' | null,
    private readonly sheet: (n: string) => Excel.Worksheet,
    /** Read the notes' text too (clear compares it with ours). */
    private readonly withContent: boolean,
  ) {}

  loadJobs(cells: MarkQuery[]): Job[] {
    const bySheet = new Map<string, MarkQuery[]>();
    for (const q of cells) bySheet.set(q.sheet, [...(bySheet.get(q.sheet) ?? []), q]);
    if (this.kind === 'note' && this.withContent) return cells.map((q) => this.noteJob(q));
    if (this.kind === 'note')
      return [...bySheet].map(([sheet, qs]) => ({
        request: requestCost(3, 1),
        response: ANSWER_BYTES + 10,
        queue: () => {
          const count = this.sheet(sheet).notes.getCount();
          return () => {
            if (count.value > 0) this.pending.push(...qs);
          };
        },
      }));
    if (this.kind !== 'comment') return [];
    return [...bySheet].map(([sheet, qs]) => ({
      request: requestCost(2, 1, ['items/id,items/content']),
      response: ANSWER_BYTES + USER_MARKS_BYTES + qs.reduce((n, q) => n + 100 + 2 * textBytes(q.content), 0),
      queue: () => {
        const coll = this.sheet(sheet).comments.load('items/id,items/content');
        return () => this.lists.push({ sheet, items: () => coll.items });
      },
    }));
  }

  private noteJob(q: MarkQuery): Job {
    return {
      request: requestCost(2, this.withContent ? 1 : 0, [q.cell, 'content']),
      response: ANSWER_BYTES + (this.withContent ? ANSWER_BYTES + 100 + 2 * textBytes(q.content) : 0),
      queue: () => {
        const note = this.sheet(q.sheet).notes.getItemOrNullObject(q.cell);
        if (this.withContent) note.load('content');
        return () => {
          if (!note.isNullObject) this.found.set(key(q.sheet, q.cell), { content: this.withContent ? note.content : '' });
        };
      },
    };
  }

  /** The cells of sheets with notes; where the listed comments sit (only those `keep` wants). */
  locateJobs(keep: (content: string) => boolean = () => true): Job[] {
    const jobs: Job[] = this.pending.map((q) => this.noteJob(q));
    this.pending = [];
    for (const { sheet, items } of this.lists) {
      for (const comment of items()) {
        if (!keep(comment.content)) continue;
        jobs.push({
          request: requestCost(2, 1, ['address']),
          response: ANSWER_BYTES + 60 + textBytes(sheet),
          queue: () => {
            const range = comment.getLocation().load('address');
            return () => this.found.set(key(sheet, cellOf(range.address)), { content: comment.content, comment });
          },
        });
      }
    }
    return jobs;
  }

  at(sheet: string, cell: string): Mark | undefined {
    return this.found.get(key(sheet, cell));
  }
}

/** The record stored in the undo sheet: its first rows, then the rest. */
class StoredRecord {
  /** Rows the record takes; known after the head. */
  rows = 0;
  private readonly texts: string[] = [];
  /** Rows one answer may carry: half the budget at most. */
  private readonly perAnswer: number;
  constructor(
    private readonly sheet: (n: string) => Excel.Worksheet,
    private readonly exists: boolean,
    budget = PAYLOAD_BUDGET,
  ) {
    this.perAnswer = Math.max(1, Math.min(UNDO_HEAD_ROWS, Math.floor(budget / 2 / UNDO_ROW_BYTES)));
  }

  /** Rows beyond the head remain to be read. */
  more(): boolean {
    return this.rows > this.perAnswer;
  }

  headJobs(): Job[] {
    if (!this.exists) return [];
    return [
      {
        request: requestCost(4, 2, ['values', 'rowCount']),
        response: 2 * ANSWER_BYTES + this.perAnswer * UNDO_ROW_BYTES,
        queue: () => {
          const ws = this.sheet(UNDO_SHEET);
          const used = ws.getUsedRangeOrNullObject(true).load('rowCount');
          const head = ws.getRange(`A1:A${this.perAnswer}`).load('values');
          return () => {
            this.rows = used.isNullObject ? 0 : used.rowCount;
            head.values.slice(0, this.rows).forEach((r, i) => (this.texts[i] = String(r[0] ?? '')));
          };
        },
      },
    ];
  }

  /** Blocks of the rows after the head, as many as one answer holds. */
  restJobs(): Job[] {
    const jobs: Job[] = [];
    const per = this.perAnswer;
    for (let from = per; from < this.rows; from += per) {
      const count = Math.min(per, this.rows - from);
      jobs.push({
        request: requestCost(2, 1, ['values', from, count]),
        response: ANSWER_BYTES + count * UNDO_ROW_BYTES,
        queue: () => {
          const block = this.sheet(UNDO_SHEET).getRangeByIndexes(from, 0, count, 1).load('values');
          return () => block.values.forEach((r, i) => (this.texts[from + i] = String(r[0] ?? '')));
        },
      });
    }
    return jobs;
  }

  record(): UndoRecord | null {
    return this.exists ? undoRecordOfRows(this.texts.slice(0, this.rows)) : null;
  }
}

/**
 * The record from the undo sheet's rows: each row a record of its own, later entries for a
 * cell replacing earlier ones. Null when there are no rows; an error when a row is damaged.
 */
export function undoRecordOfRows(texts: string[]): UndoRecord | null {
  const rows = texts.filter((t) => t !== '');
  if (!rows.length) return null;
  const byKey = new Map<string, UndoEntry>();
  let saved = '';
  for (const text of rows) {
    let r: UndoRecord;
    try {
      r = JSON.parse(text) as UndoRecord;
    } catch {
      r = null as unknown as UndoRecord;
    }
    if (!r || r.chitieu !== 1 || !Array.isArray(r.entries))
      throw new ExcelAdapterError('Bản ghi hoàn tác trong trang "chitieu_undo" bị hỏng; không tự động xoá đánh dấu được.');
    for (const e of r.entries) byKey.set(key(e.sheet, e.cell), e);
    saved = r.saved;
  }
  return { chitieu: 1, saved, entries: [...byKey.values()] };
}

// ---------------------------------------------------------------- writing

interface FlagWrite {
  entry: UndoEntry;
  /** Add the note or comment recorded in entry.added. */
  add: boolean;
  /** The cell had a patterned fill: the flag is made solid. */
  patterned: boolean;
  /** The entry is new or differs from the stored one: it goes into the record. */
  changed: boolean;
}

/**
 * Collects a batch's flags, then writes them in the order that keeps the record whole: the
 * record's rows, then fills (one call per colour and up to 500 cells where the host has
 * multi-area ranges), then notes or comments.
 */
class FlagWriter {
  private batch: FlagWrite[] = [];
  private nextRow: number;
  private sheetAdded = false;
  constructor(
    private readonly wb: Excel.Workbook,
    private readonly sheet: (n: string) => Excel.Worksheet,
    private readonly mode: Mode,
    storedRows: number,
    private readonly addsSheet: boolean,
    private readonly saved: string,
  ) {
    this.nextRow = storedRows;
  }

  jobs(writes: FlagWrite[]): Job[] {
    // A batch fills the cells of one sheet and colour with one call (flush): the estimate
    // counts that call's objects at each change of sheet or colour, more often than needed
    // when they alternate.
    return writes.map((w, i) => {
      const prev = writes[i - 1];
      const startsGroup = !prev || prev.entry.sheet !== w.entry.sheet || prev.entry.flag !== w.entry.flag || prev.patterned !== w.patterned;
      // The entry's JSON, escaped once more as the text of a cell.
      let request = w.changed ? textBytes(JSON.stringify(w.entry)) + 1 : 0;
      request += this.mode.areas ? textBytes(w.entry.cell) + (startsGroup ? requestCost(4, 2) : 0) : requestCost(3, 2, [w.entry.cell, w.entry.flag]);
      if (w.add && w.entry.added) request += requestCost(2, 0, [qualified(w.entry.sheet, w.entry.cell), w.entry.added.content]);
      return { request, queue: () => void this.batch.push(w) };
    });
  }

  /** Queues the collected batch. */
  flush(): void {
    const batch = this.batch;
    this.batch = [];
    this.queueRecordRows(batch.filter((w) => w.changed).map((w) => w.entry));
    const groups = new Map<string, FlagWrite[]>();
    for (const w of batch) {
      const k = `${w.entry.sheet}\u0000${w.entry.flag}\u0000${w.patterned}`;
      groups.set(k, [...(groups.get(k) ?? []), w]);
    }
    for (const g of groups.values()) {
      const { sheet, flag } = g[0].entry;
      const paint = (fill: Excel.RangeFill) => {
        fill.color = flag;
        // Setting the colour of a patterned fill keeps the pattern: make the flag solid.
        if (g[0].patterned) fill.pattern = 'Solid';
      };
      if (this.mode.areas) for (const list of addressLists(g.map((w) => ({ ...cellRange(w.entry.cell) })))) paint(this.sheet(sheet).getRanges(list).format.fill);
      else for (const w of g) paint(this.sheet(sheet).getRange(w.entry.cell).format.fill);
    }
    for (const w of batch) {
      const added = w.entry.added;
      if (!w.add || !added) continue;
      const at = qualified(w.entry.sheet, w.entry.cell);
      if (added.kind === 'note') this.sheet(w.entry.sheet).notes.add(at, added.content);
      else this.wb.comments.add(at, added.content);
    }
  }

  /** New rows after the stored ones, as text ("@" first, so a row starting "=" stays text). */
  private queueRecordRows(entries: UndoEntry[]): void {
    const rows = recordRows(entries, this.saved);
    if (!rows.length) return;
    const adding = this.addsSheet && !this.sheetAdded;
    const undo = adding ? this.wb.worksheets.add(UNDO_SHEET) : this.sheet(UNDO_SHEET);
    const range = undo.getRangeByIndexes(this.nextRow, 0, rows.length, 1);
    range.numberFormat = rows.map(() => ['@']);
    range.values = rows.map((r) => [r]);
    this.nextRow += rows.length;
    undo.visibility = 'VeryHidden';
    this.sheetAdded ||= adding;
  }
}

/** Entries as record rows of at most UNDO_ROW_CHARS characters each. */
function recordRows(entries: UndoEntry[], saved: string): string[] {
  const rows: string[] = [];
  let cur: UndoEntry[] = [];
  const text = (es: UndoEntry[]) => JSON.stringify({ chitieu: 1, saved, entries: es } satisfies UndoRecord);
  for (const e of entries) {
    if (cur.length && text([...cur, e]).length > UNDO_ROW_CHARS) {
      rows.push(text(cur));
      cur = [];
    }
    cur.push(e);
  }
  if (cur.length) rows.push(text(cur));
  return rows;
}

interface Restore {
  entry: UndoEntry;
  /** The cell still shows our mark: put its own fill back. */
  fill: boolean;
  /** Our note is there, unchanged: delete it. */
  note: boolean;
  comment?: Excel.Comment;
}

/**
 * Collects a batch's restores, then queues them: fills by kind (few calls), notes, comments;
 * `finish` (dropping the undo sheet) after everything else, in the last batch.
 */
class ClearWriter {
  private batch: Restore[] = [];
  private finishing = false;
  constructor(
    private readonly sheet: (n: string) => Excel.Worksheet,
    private readonly mode: Mode,
    private readonly finish: () => void,
  ) {}

  jobs(restores: Restore[]): Job[] {
    return restores.map((r, i) => {
      const prev = restores[i - 1];
      const grouped = this.mode.areas && restoreKind(r.entry.prior, this.mode) !== 'patterned';
      const startsGroup = !prev || prev.entry.sheet !== r.entry.sheet || restoreKind(prev.entry.prior, this.mode) !== restoreKind(r.entry.prior, this.mode);
      let request = 0;
      if (r.fill) request += grouped ? textBytes(r.entry.cell) + (startsGroup ? requestCost(4, 2) : 0) : requestCost(3, 3, [r.entry.cell, r.entry.prior]);
      if (r.note) request += requestCost(2, 1, [r.entry.cell]);
      if (r.comment) request += requestCost(1, 1);
      return { request, queue: () => void this.batch.push(r) };
    }).concat({ request: requestCost(2, 2), queue: () => void (this.finishing = true) });
  }

  flush(): void {
    const batch = this.batch;
    this.batch = [];
    const groups = new Map<string, Restore[]>();
    for (const r of batch.filter((x) => x.fill)) {
      const kind = restoreKind(r.entry.prior, this.mode);
      if (kind === 'patterned' || !this.mode.areas) restoreFill(this.sheet(r.entry.sheet).getRange(r.entry.cell).format.fill, r.entry.prior, this.mode.withPattern);
      else {
        const k = `${r.entry.sheet}\u0000${kind}`;
        groups.set(k, [...(groups.get(k) ?? []), r]);
      }
    }
    for (const g of groups.values()) {
      for (const list of addressLists(g.map((r) => cellRange(r.entry.cell)))) restoreFill(this.sheet(g[0].entry.sheet).getRanges(list).format.fill, g[0].entry.prior, this.mode.withPattern);
    }
    for (const r of batch) {
      if (r.note) this.sheet(r.entry.sheet).notes.getItem(r.entry.cell).delete();
      if (r.comment) r.comment.delete();
    }
    if (this.finishing) this.finish();
  }
}

/** Restores that one call can do together: "none" (clear), "solid:#RRGGBB", or one cell at a time. */
function restoreKind(prior: FillState, mode: Mode): string {
  if (prior.pattern === 'None' || !prior.color) return 'none';
  if (mode.withPattern && prior.pattern !== 'Solid') return 'patterned';
  return `solid:${prior.color.toUpperCase()}`;
}

// ---------------------------------------------------------------- fills

/** Without ExcelApi 1.9 there is no `pattern`: white is taken as "no fill" (they look alike). */
function fillState(fill: { color?: string | null; pattern?: string | null; patternColor?: string | null }, withPattern: boolean): FillState {
  const color = fill.color ? fill.color.toUpperCase() : null;
  if (withPattern) {
    const pattern = String(fill.pattern ?? 'None');
    return pattern === 'None' ? { pattern, color: null } : { pattern, color, patternColor: fill.patternColor ?? null };
  }
  return !color || color === '#FFFFFF' ? { pattern: 'None', color: null } : { pattern: 'Solid', color };
}

/** Our mark: the flag colour, solid, or over the cell's own pattern (a flag cut short between its two writes). */
function isFlagFill(fill: FillState, e: UndoEntry, withPattern: boolean): boolean {
  if (withPattern && fill.pattern !== 'Solid' && fill.pattern !== e.prior.pattern) return false;
  return (fill.color ?? '').toUpperCase() === e.flag.toUpperCase();
}

/** The fill is the one recorded before flagging (the cell was restored already). */
function isPriorFill(fill: FillState, prior: FillState, withPattern: boolean): boolean {
  const color = (fill.color ?? '').toUpperCase();
  const none = !prior.color || prior.pattern === 'None';
  if (withPattern) return none ? fill.pattern === 'None' : fill.pattern === prior.pattern && color === prior.color!.toUpperCase();
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

// ---------------------------------------------------------------- helpers

function key(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

function cellRange(cell: string): { top: number; left: number; bottom: number; right: number } {
  const p = parseAddress(cell)!;
  return { top: p.row, left: p.col, bottom: p.row, right: p.col };
}

/** "'Báo cáo'!$E$11" → "E11". */
function cellOf(address: string): string {
  const a = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  return a.split(':')[0].toUpperCase();
}

/**
 * After a failed first write that was to add the undo sheet: a sheet still visible was never
 * finished (it is hidden before any cell is filled), so nothing depends on it. 2 syncs.
 */
async function dropUnfinishedUndoSheet(context: Excel.RequestContext): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET).load('visibility');
  await context.sync();
  if (ws.isNullObject || String(ws.visibility) === 'VeryHidden') return;
  ws.delete();
  await context.sync();
}
