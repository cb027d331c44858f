// One measurement, run in its own child process: "open" (ExcelJS load only) or "check" (the
// whole check as `chitieu check` does it). Prints one line of JSON on stdout.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import v8 from 'v8';
import ExcelJS from 'exceljs';
import { runCheck } from '../src/cli/main';
import { defaultJobs } from '../src/cli/readers';

export type MeasureKind = 'open' | 'check' | 'check-parallel';

export interface Measurement {
  kind: MeasureKind;
  dir: string;
  files: number;
  wallMs: number;
  filesPerSecond: number;
  /** Highest RSS seen (every 50 ms, and after a file when 10 ms have passed since the last read), bytes. */
  peakRssSampled: number;
  /** process.resourceUsage().maxRSS: the kernel's high-water mark, KB. */
  maxRssKb: number;
  /** Highest heapUsed seen, bytes. */
  peakHeapUsed: number;
  /** CPU time of the process during the timed part (all threads, so GC helpers count), ms. */
  cpuMs: number;
  /** How many memory samples were taken and the time they took, ms (inside wallMs). */
  samples: number;
  samplingMs: number;
  /** RSS and heapUsed just before the timed loop, bytes. */
  startRss: number;
  startHeapUsed: number;
  /** check only: what came out, as a sanity check that the run did real work. */
  summary?: { units: number; submissions: number; missing: number; unknown: number; findings: number; errors: number; warnings: number; xlsxBytes: number; jsonBytes: number; fileErrors: number; jobs: number };
}

const REPORT_EXT = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;

/** The report files of a generated set, in the order the command line would visit them. */
async function listReports(dir: string): Promise<Array<{ full: string; name: string }>> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.filter((e) => e.isFile() && REPORT_EXT.test(e.name) && !e.name.startsWith('~$')).map((e) => ({ full: path.join(dir, e.name), name: e.name }));
}

// Every 50 ms: process.memoryUsage(). After each file: heapUsed from v8.getHeapStatistics()
// (a few µs) and RSS from process.memoryUsage.rss() when 10 ms have passed since the last RSS
// read: reading RSS (/proc/self/stat) right after a file costs ~0.3 ms here, ~1 s over 3,321
// files. The kernel's high-water mark (resourceUsage().maxRSS) catches any peak between samples.
// The time spent sampling is measured and reported, so it can be judged against the wall time.
class Sampler {
  peakRss = 0;
  peakHeap = 0;
  samples = 0;
  ms = 0;
  private lastRss = 0;
  private timer: NodeJS.Timeout;
  constructor() {
    this.full();
    this.timer = setInterval(() => this.full(), 50);
  }
  private full(): void {
    const t = performance.now();
    const m = process.memoryUsage();
    this.lastRss = t;
    this.note(m.rss, m.heapUsed, t);
  }
  sample(): void {
    const t = performance.now();
    let rss = 0;
    if (t - this.lastRss >= 10) {
      rss = process.memoryUsage.rss();
      this.lastRss = t;
    }
    this.note(rss, v8.getHeapStatistics().used_heap_size, t);
  }
  private note(rss: number, heap: number, t: number): void {
    if (rss > this.peakRss) this.peakRss = rss;
    if (heap > this.peakHeap) this.peakHeap = heap;
    this.samples++;
    this.ms += performance.now() - t;
  }
  stop(): void {
    clearInterval(this.timer);
    this.full();
  }
}

async function measureOpen(rules: string, files: Array<{ full: string }>, sampler: Sampler): Promise<void> {
  for (const f of [{ full: rules }, ...files]) {
    const buf = await fs.readFile(f.full);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    sampler.sample();
  }
}

async function measureCheck(rules: string, reportsDir: string, outDir: string, jobs: number | undefined): Promise<NonNullable<Measurement['summary']>> {
  // Exactly the command line's path: one reading thread, or (undefined) its default choice.
  const quiet = { out: () => undefined, err: (t: string) => process.stderr.write(t + '\n'), isTTY: false };
  const { code, result } = await runCheck({ rules, out: outDir, inputs: [reportsDir], quiet: true, progress: false, feedback: false, jobs }, quiet);
  if (!result) throw new Error(`check exited ${code} without a result`);
  const count = (st: string) => result.units.filter((u) => u.status === st).length;
  return {
    units: result.units.length,
    submissions: result.submissions.length,
    missing: count('missing'),
    unknown: count('unknown'),
    findings: result.findings.length,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    xlsxBytes: (await fs.stat(path.join(outDir, 'tong-hop.xlsx'))).size,
    jsonBytes: (await fs.stat(path.join(outDir, 'ket-qua.json'))).size,
    fileErrors: result.findings.filter((f) => f.kind === 'unreadable-file').length,
    jobs: jobs ?? defaultJobs(),
  };
}

export async function runMeasurement(kind: MeasureKind, dir: string): Promise<Measurement> {
  const rules = path.join(dir, 'chi-tieu.xlsx');
  const files = await listReports(path.join(dir, 'bao-cao'));
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-bench-out-'));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const start = process.memoryUsage();
  const sampler = new Sampler();
  let summary: Measurement['summary'];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    if (kind === 'open') await measureOpen(rules, files, sampler);
    else summary = await measureCheck(rules, path.join(dir, 'bao-cao'), outDir, kind === 'check' ? 1 : undefined);
  } finally {
    sampler.stop();
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await fs.rm(outDir, { recursive: true, force: true });
  return {
    kind,
    dir,
    files: files.length,
    wallMs,
    filesPerSecond: files.length / (wallMs / 1000),
    peakRssSampled: sampler.peakRss,
    maxRssKb: process.resourceUsage().maxRSS,
    peakHeapUsed: sampler.peakHeap,
    cpuMs: (cpu.user + cpu.system) / 1000,
    samples: sampler.samples,
    samplingMs: sampler.ms,
    startRss: start.rss,
    startHeapUsed: start.heapUsed,
    ...(summary ? { summary } : {}),
  };
}
