// Benchmark: how long a check of N units' reports takes, against the bare cost of opening the
// same files with ExcelJS. `npm run bench -- [--sizes 170,3321] [--repeat 2]`.
// Each measurement runs in a fresh child process (`--measure open|check --dir <folder>`), so
// one measurement's heap does not carry over into the next.
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import os from 'os';
import path from 'path';
import { CommandRun, commandVsPython, pythonMissing } from './command';
import { ensureSet, BENCH_ROOT } from './generate';
import { MeasureKind, Measurement, runMeasurement } from './measure';

const DEFAULT_SIZES = [170, 3321];
const PROVINCE = 170;
const COUNTRY = 3321;

/** The province's whole command against the Python script, or why it was skipped. */
type ProvinceResult = { check: CommandRun; python: CommandRun } | { skipped: string };

interface Options {
  sizes: number[];
  repeat: number;
  measure?: MeasureKind;
  dir?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: DEFAULT_SIZES, repeat: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value after ${a}`);
      return v;
    };
    const name = a.replace(/=.*$/, '');
    if (name === '--sizes') {
      o.sizes = value()
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((n) => Number.isInteger(n) && n > 0);
      if (o.sizes.length === 0) throw new Error('--sizes needs positive whole numbers, e.g. --sizes 30,170');
    } else if (name === '--repeat') {
      o.repeat = Number(value());
      if (!Number.isInteger(o.repeat) || o.repeat < 1) throw new Error('--repeat needs a whole number ≥ 1');
    } else if (name === '--measure') {
      const m = value();
      if (m !== 'open' && m !== 'check' && m !== 'check-parallel') throw new Error('--measure is open, check or check-parallel');
      o.measure = m;
    } else if (name === '--dir') {
      o.dir = value();
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('node --expose-gc dist/bench/bench.js [--sizes 170,3321] [--repeat 2]\n');
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${a}`);
    }
  }
  return o;
}

function projectRoot(): string {
  // Compiled to dist/bench/bench.js; the examples live at the project root.
  for (const p of [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..'), process.cwd()]) {
    if (existsSync(path.join(p, 'examples', 'chi-tieu-2023.xlsx'))) return p;
  }
  throw new Error('cannot find examples/chi-tieu-2023.xlsx (run from the project root)');
}

function child(kind: MeasureKind, dir: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', __filename, '--measure', kind, '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`--measure ${kind} --dir ${dir} exited with ${code}: ${out.slice(-500)}`));
      try {
        resolve(JSON.parse(line) as Measurement);
      } catch {
        reject(new Error(`--measure ${kind}: no JSON result in output: ${out.slice(-500)}`));
      }
    });
  });
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const sec = (ms: number) => (ms / 1000).toFixed(2);

interface SizeResult {
  size: number;
  open: Measurement[];
  check: Measurement[];
  'check-parallel': Measurement[];
}

const fastest = (ms: Measurement[]) => ms.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
const peakRssKb = (ms: Measurement[]) => Math.max(...ms.map((m) => Math.max(m.maxRssKb, m.peakRssSampled / 1024)));
const peakHeap = (ms: Measurement[]) => Math.max(...ms.map((m) => m.peakHeapUsed));

/** The three figures the README states, each against its aim. */
function ratios(results: SizeResult[], province: ProvinceResult | undefined): string[] {
  const lines = ['Ratios (this run):'];
  if (!province) lines.push(`- province: not measured (sizes without ${PROVINCE})`);
  else if ('skipped' in province) lines.push(`- province: Python comparison skipped: ${province.skipped}`);
  else {
    const r = province.check.cpuSeconds / province.python.cpuSeconds;
    lines.push(`- province (${PROVINCE} files, one thread, the whole \`node bin/chitieu.js check --jobs 1\` command): ${province.check.cpuSeconds.toFixed(2)} s CPU vs ${province.python.cpuSeconds.toFixed(2)} s for /usr/bin/python3 + openpyxl read-only summing a column: **${r.toFixed(2)}×** (aim ≤ 0.5×); peak RSS ${province.check.maxRssMb.toFixed(0)} MB vs ${province.python.maxRssMb.toFixed(0)} MB`);
  }
  const country = results.find((x) => x.size === COUNTRY);
  if (!country) lines.push(`- country: not measured (sizes without ${COUNTRY})`);
  else {
    const o = fastest(country.open);
    const c = fastest(country.check);
    const p = fastest(country['check-parallel']);
    const minCpu = (ms: Measurement[]) => Math.min(...ms.map((m) => m.cpuMs));
    lines.push(`- country (${COUNTRY} files): check in one thread ${sec(c.wallMs)} s vs bare ExcelJS opening ${sec(o.wallMs)} s: **${(c.wallMs / o.wallMs).toFixed(2)}×** (aim ≤ 0.4×; on CPU time ${(minCpu(country.check) / minCpu(country.open)).toFixed(2)}×); on every core (${p.summary?.jobs ?? '?'} threads) ${sec(p.wallMs)} s: **${(p.wallMs / o.wallMs).toFixed(2)}×**`);
    lines.push(`- country peak RSS: open ${mb(peakRssKb(country.open) * 1024)} MB, check ${mb(peakRssKb(country.check) * 1024)} MB, check on every core ${mb(peakRssKb(country['check-parallel']) * 1024)} MB`);
  }
  return lines;
}

function report(results: SizeResult[], loadStart: number, repeat: number, genSeconds: Map<number, { seconds: number; cached: boolean }>, totalMs: number, province: ProvinceResult | undefined): string {
  const cpus = os.cpus();
  const lines: string[] = [];
  lines.push('## chitieu benchmark');
  lines.push('');
  lines.push(...ratios(results, province));
  lines.push('');
  lines.push(`Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 1073741824).toFixed(1)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
  lines.push(`Load average (1 min) at start ${loadStart.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}: above ${cpus.length} means other processes shared the CPUs and times are inflated.`);
  lines.push(`Each measurement ran ${repeat}× in a fresh child process; times are the fastest run (minimum, the usual benchmark convention); peak RSS is the highest of all runs (process.resourceUsage().maxRSS, or the 50 ms samples if higher).`);
  lines.push('"open" = read each file (rules + reports) and ExcelJS `xlsx.load` it, one after another, nothing else. "check" = `chitieu check --jobs 1`: the whole command in one thread (read, model, session, finish, tong-hop.xlsx, ket-qua.json). "check ∥" = `chitieu check` as it runs by default: files read on every core when there are 400 or more, else in one thread.');
  lines.push('');
  lines.push('| size | open (s) | check (s) | check/open | check ∥ (s) | check ∥/open | files/s (check ∥) | peak RSS open (MB) | peak RSS check (MB) | peak RSS check ∥ (MB) |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const o = fastest(r.open);
    const c = fastest(r.check);
    const p = fastest(r['check-parallel']);
    lines.push(`| ${r.size} | ${sec(o.wallMs)} | ${sec(c.wallMs)} | ${(c.wallMs / o.wallMs).toFixed(2)}× | ${sec(p.wallMs)} | ${(p.wallMs / o.wallMs).toFixed(2)}× | ${p.filesPerSecond.toFixed(0)} | ${mb(peakRssKb(r.open) * 1024)} | ${mb(peakRssKb(r.check) * 1024)} | ${mb(peakRssKb(r['check-parallel']) * 1024)} |`);
  }
  lines.push('');
  lines.push('Details (every run: wall s / CPU s / maxRSS MB / peak sampled RSS MB / peak heapUsed MB / memory samples taken, ms spent sampling):');
  lines.push('');
  for (const r of results) {
    for (const kind of ['open', 'check', 'check-parallel'] as const) {
      const runs = r[kind].map((m) => `${sec(m.wallMs)} s / ${sec(m.cpuMs)} s / ${mb(m.maxRssKb * 1024)} / ${mb(m.peakRssSampled)} / ${mb(m.peakHeapUsed)} / ${m.samples}, ${m.samplingMs.toFixed(0)} ms`).join('; ');
      lines.push(`- ${r.size} ${kind}: ${runs}`);
    }
    const minCpu = (ms: Measurement[]) => Math.min(...ms.map((m) => m.cpuMs));
    lines.push(`- ${r.size} check/open ratio on CPU time (less sensitive to other load on the machine): ${(minCpu(r.check) / minCpu(r.open)).toFixed(2)}×`);
    const s = fastest(r.check).summary;
    if (s) {
      if (s.missing || s.unknown || s.fileErrors) {
        lines.push(`- ⚠ ${r.size}: every generated report names a roster unit, so missing/unknown/unreadable should all be 0; here ${s.missing} missing, ${s.unknown} unknown, ${s.fileErrors} unreadable: the engine misread names or files (the timing still stands, the output differs).`);
      }
      lines.push(
        `- ${r.size} check output: ${s.units} units (${s.missing} missing, ${s.unknown} unknown), ${s.submissions} reports read, ${s.fileErrors} unreadable, ${s.findings} findings (${s.errors} errors, ${s.warnings} warnings), tong-hop.xlsx ${(s.xlsxBytes / 1024).toFixed(0)} KB, ket-qua.json ${(s.jsonBytes / 1024).toFixed(0)} KB`,
      );
    }
  }
  lines.push('');
  const country = results.find((r) => r.size === COUNTRY);
  if (country) {
    const c = fastest(country.check);
    const verdict = c.wallMs < 60000 ? 'yes' : 'no';
    lines.push(`Whole country (${COUNTRY} units): check took ${sec(c.wallMs)} s — under a minute: ${verdict} (information only, not a pass/fail).`);
  } else {
    lines.push(`Whole country (${COUNTRY} units): not measured in this run (sizes ${results.map((r) => r.size).join(', ')}).`);
  }
  const gen = [...genSeconds].map(([n, g]) => `${n}: ${g.cached ? 'cached' : `${g.seconds.toFixed(1)} s`}`).join(', ');
  lines.push(`Input generation (not measured): ${gen}. Inputs under ${BENCH_ROOT}. Measurements took ${(totalMs / 1000).toFixed(1)} s in all.`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.measure) {
    if (!opts.dir) throw new Error('--measure needs --dir <folder>');
    const m = await runMeasurement(opts.measure, opts.dir);
    process.stdout.write(JSON.stringify(m) + '\n');
    return;
  }
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') process.stderr.write('(note: run with node --expose-gc for a clean start in each child; children get it anyway)\n');
  const root = projectRoot();
  const log = (s: string) => process.stderr.write(s + '\n');
  const sets = [];
  const genSeconds = new Map<number, { seconds: number; cached: boolean }>();
  for (const n of opts.sizes) {
    const set = await ensureSet(n, root, log);
    genSeconds.set(n, { seconds: set.generatedSeconds, cached: set.cached });
    sets.push(set);
  }
  const loadStart = os.loadavg()[0];
  const t0 = performance.now();
  const results: SizeResult[] = [];
  for (const set of sets) {
    const r: SizeResult = { size: set.units, open: [], check: [], 'check-parallel': [] };
    for (let i = 0; i < opts.repeat; i++) {
      for (const kind of ['open', 'check', 'check-parallel'] as const) {
        const m = await child(kind, set.dir);
        log(`  ${set.units} ${kind} run ${i + 1}/${opts.repeat}: ${sec(m.wallMs)} s, maxRSS ${mb(m.maxRssKb * 1024)} MB`);
        r[kind].push(m);
      }
    }
    results.push(r);
  }
  let province: ProvinceResult | undefined;
  const provinceSet = sets.find((x) => x.units === PROVINCE);
  if (provinceSet) {
    const missing = await pythonMissing();
    if (missing) {
      log(`  python comparison skipped: ${missing}`);
      province = { skipped: missing };
    } else province = await commandVsPython(root, provinceSet.dir, opts.repeat, log);
  }
  process.stdout.write(report(results, loadStart, opts.repeat, genSeconds, performance.now() - t0, province) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
