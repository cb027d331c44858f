// Reading the report files, in this thread or in worker threads. Opening .xlsx files is most of
// a check's time, and each file is independent, so with many files every core reads its share.
// Results are handed on in input order whatever order the workers finish in, so the output
// does not depend on timing.
import { readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { ReportReader, readRules } from '../core';
import type { SheetReading } from '../core';
import './inflate';
import { ReadError, readWorkbookBuffer } from '../files/read';

export interface InputFile {
  full: string;
  name: string;
}

export type FileOutcome = { reading: SheetReading } | { error: string };

/** Below this many files, starting workers (each loads ExcelJS and the rules) costs more than it saves: measured, 170 files read faster in one thread. */
export const WORKER_THRESHOLD = 400;

export function defaultJobs(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(n, 8));
}

export async function readOne(reader: ReportReader, f: InputFile): Promise<FileOutcome> {
  try {
    // Read whole and at once: a report is tens of kilobytes, and the promise API's separate open,
    // stat, read and close steps cost more CPU per file than reading it does.
    const buf = readFileSync(f.full);
    return { reading: reader.read(await readWorkbookBuffer(buf, f.name)) };
  } catch (e) {
    if (e instanceof ReadError) return { error: e.message };
    const reason = e instanceof Error ? e.message : String(e);
    return { error: `Tệp "${f.name}": không đọc được (${reason}).` };
  }
}

/** The compiled worker beside this file; absent when running from TypeScript sources. */
function workerScript(): string | null {
  if (!__filename.endsWith('.js')) return null;
  return path.join(__dirname, 'read-worker.js');
}

/**
 * Calls `each` for every file in input order. `jobs` > 1 uses that many worker threads when
 * there are enough files (or when `force` is set). Returns how many threads read files: 1 for
 * this one, else the workers that handed back at least one file.
 */
export async function readAll(
  files: InputFile[],
  rulesBytes: Uint8Array,
  rulesName: string,
  reader: ReportReader,
  opts: { jobs: number; force?: boolean },
  each: (f: InputFile, outcome: FileOutcome) => void,
): Promise<number> {
  const script = workerScript();
  const jobs = Math.min(opts.jobs, files.length);
  if (!script || jobs < 2 || (!opts.force && files.length < WORKER_THRESHOLD)) {
    for (const f of files) each(f, await readOne(reader, f));
    return 1;
  }
  const done = new Map<number, FileOutcome>();
  const working = new Set<Worker>();
  let next = 0; // next file to hand out
  let emit = 0; // next file to pass on, in order
  const flush = () => {
    while (done.has(emit)) {
      const outcome = done.get(emit)!;
      done.delete(emit);
      each(files[emit], outcome);
      emit++;
    }
  };
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const stopAll = () => workers.forEach((w) => void w.terminate());
    const feed = (w: Worker) => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, file: files[index] });
      } else {
        w.postMessage({ stop: true });
      }
    };
    let live = jobs;
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(script, { workerData: { rulesBytes, rulesName } });
      workers.push(w);
      w.on('message', (m: { index: number; outcome: FileOutcome }) => {
        working.add(w);
        done.set(m.index, m.outcome);
        flush();
        feed(w);
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(e);
      });
      w.on('exit', () => {
        live--;
        if (live === 0 && !failed) resolve();
      });
      // Two files in flight per worker keep it busy while the main thread takes a result.
      feed(w);
      feed(w);
    }
  });
  flush();
  if (emit !== files.length) throw new Error(`chỉ đọc được ${emit}/${files.length} tệp`);
  return working.size;
}

/** The rules as a worker needs them: read again from bytes, so nothing is shared. */
export async function readerFromBytes(rulesBytes: Uint8Array, rulesName: string): Promise<ReportReader> {
  const { rules } = readRules(await readWorkbookBuffer(rulesBytes, rulesName));
  return new ReportReader(rules);
}
