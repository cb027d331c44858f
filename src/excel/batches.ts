// Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded),
// and one context.sync() is one request. So every operation queues its work as jobs that say
// what they will weigh, and `runJobs` syncs before a job would take the request or its answer
// past PAYLOAD_BUDGET. Syncs then grow with bytes, never with the number of sheets or cells.
//
// The weights follow how Microsoft's client library writes a request: every object reached
// (worksheets.getItem, getRange, .format, .fill…) is an object path plus an Instantiate
// action; every load, property write and method call is an action; arguments are JSON. The
// constants are upper bounds for ids of up to seven digits; test/excel/requests.test.ts holds
// them against @microsoft/office-js itself (estimates never below the library's bytes).
/// <reference types="office-js" />
import { isPayloadTooLarge } from './errors';

/** Per request and per answer: a safe margin under Excel on the web's 5 MB. */
export const PAYLOAD_BUDGET = 4_000_000;

/** An object reached: its path ("ObjectPaths"), its Instantiate action and its "L" entry. */
export const OBJECT_BYTES = 220;
/** An action (load, property write, method call) without its arguments or selected names. */
export const ACTION_BYTES = 130;
/** One answer ({"ActionId":…,"Value":…}) without its value. */
export const ANSWER_BYTES = 40;
/** What every request repeats (the workbook and collections it starts from). */
const REQUEST_BYTES = 2_000;

/** UTF-8 bytes of a string as JSON writes it (quotes and escapes included). */
export function textBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(x: unknown): number {
  if (typeof x === 'string') return textBytes(x);
  if (x === null || x === undefined) return 4;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x).length;
  if (Array.isArray(x)) return x.reduce((sum: number, v) => sum + jsonBytes(v) + 1, 1);
  let n = 1;
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) n += textBytes(k) + 2 + jsonBytes(v);
  return n;
}

/** Request bytes of `objects` objects reached and `actions` actions, plus their arguments. */
export function requestCost(objects: number, actions: number, args: unknown[] = []): number {
  return objects * OBJECT_BYTES + actions * ACTION_BYTES + args.reduce((sum: number, a) => sum + jsonBytes(a), 0);
}

export interface Job {
  /** Estimated request bytes. */
  request: number;
  /** Estimated answer bytes. */
  response?: number;
  /** Queues the calls; returns what to do with the answer after the sync. */
  queue: () => (() => void) | void;
}

export interface RunOptions {
  budget?: number;
  /**
   * Jobs that only read may be queued again: a batch Excel refuses as too large (an estimate
   * that fell short, such as long notes) is split in two and tried again.
   */
  readOnly?: boolean;
  /** Sync once even with no job (the default), so that an operation takes the same syncs whatever it finds. */
  always?: boolean;
  /** Called after a batch's jobs are queued, before its sync: for writes collected per batch. */
  beforeSync?: () => void;
}

/** Runs the jobs in order, in as few syncs as the budget allows. Returns the syncs made. */
export async function runJobs(context: Excel.RequestContext, jobs: Job[], opts: RunOptions = {}): Promise<number> {
  const budget = opts.budget ?? PAYLOAD_BUDGET;
  let syncs = 0;
  let i = 0;
  if (!jobs.length && opts.always !== false) {
    await context.sync();
    return 1;
  }
  while (i < jobs.length) {
    const batch: Job[] = [];
    let request = REQUEST_BYTES;
    let response = REQUEST_BYTES;
    for (; i < jobs.length; i++) {
      const j = jobs[i];
      if (batch.length && (request + j.request > budget || response + (j.response ?? 0) > budget)) break;
      request += j.request;
      response += j.response ?? 0;
      batch.push(j);
    }
    syncs += await runBatch(context, batch, opts);
  }
  return syncs;
}

async function runBatch(context: Excel.RequestContext, batch: Job[], opts: RunOptions): Promise<number> {
  const after: Array<() => void> = [];
  for (const j of batch) {
    const f = j.queue();
    if (typeof f === 'function') after.push(f);
  }
  opts.beforeSync?.();
  try {
    await context.sync();
  } catch (e) {
    if (!opts.readOnly || batch.length < 2 || !isPayloadTooLarge(e)) throw e;
    const mid = Math.ceil(batch.length / 2);
    return 1 + (await runBatch(context, batch.slice(0, mid), opts)) + (await runBatch(context, batch.slice(mid), opts));
  }
  after.forEach((f) => f());
  return 1;
}

/** One proxy per sheet name for the whole operation (paths by key stay valid across syncs). */
export function sheetCache(worksheets: Excel.WorksheetCollection): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) cache.set(name, (ws = worksheets.getItem(name)));
    return ws;
  };
}
