// The whole command, as a user runs it, against a clerk's Python script: CPU time of
// `node bin/chitieu.js check --jobs 1 …` (start-up, reading, checks, writing) and of a script
// that opens the same files with openpyxl in read-only mode and sums a column, each measured by
// /usr/bin/time (user + system CPU of the process and its children, and its peak RSS).
import { spawn } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';

export const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';

const SUM_SCRIPT = `# Opens every workbook read-only with openpyxl and sums column E: what a clerk's script does.
import os, sys, openpyxl
root = sys.argv[1]
files = [os.path.join(root, 'chi-tieu.xlsx')] + sorted(
    os.path.join(root, 'bao-cao', f) for f in os.listdir(os.path.join(root, 'bao-cao')) if f.endswith('.xlsx'))
total = 0.0
for f in files:
    wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for (v,) in ws.iter_rows(min_col=5, max_col=5, values_only=True):
            if isinstance(v, (int, float)):
                total += v
    wb.close()
print(len(files), total)
`;

export interface CommandRun {
  cpuSeconds: number;
  maxRssMb: number;
  exitCode: number;
}

function timed(cmd: string, args: string[]): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(TIME, ['-f', 'TIME %U %S %M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (d: string) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const m = /TIME ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(err);
      if (!m) return reject(new Error(`${cmd}: no timing in ${err.slice(-400)}`));
      resolve({ cpuSeconds: Number(m[1]) + Number(m[2]), maxRssMb: Number(m[3]) / 1024, exitCode: code ?? -1 });
    });
  });
}

/** Why the Python comparison cannot run here, or null when it can. */
export async function pythonMissing(): Promise<string | null> {
  if (!existsSync(TIME)) return `${TIME} not found`;
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = await new Promise<number>((resolve) => {
    const p = spawn(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    p.on('error', () => resolve(-1));
    p.on('close', (c) => resolve(c ?? -1));
  });
  return r === 0 ? null : `openpyxl is not installed for ${PYTHON}`;
}

/** The fastest of `repeat` runs of each: the whole check command, and the Python script. */
export async function commandVsPython(root: string, setDir: string, repeat: number, log: (s: string) => void): Promise<{ check: CommandRun; python: CommandRun }> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-bench-cmd-'));
  const script = path.join(tmp, 'sum_column.py');
  await fs.writeFile(script, SUM_SCRIPT);
  const best = (a: CommandRun | undefined, b: CommandRun) => (!a || b.cpuSeconds < a.cpuSeconds ? b : a);
  let check: CommandRun | undefined;
  let python: CommandRun | undefined;
  try {
    for (let i = 0; i < repeat; i++) {
      const out = path.join(tmp, `out-${i}`);
      const c = await timed(process.execPath, [path.join(root, 'bin', 'chitieu.js'), 'check', '--rules', path.join(setDir, 'chi-tieu.xlsx'), '--out', out, '--jobs', '1', '--quiet', '--no-progress', path.join(setDir, 'bao-cao')]);
      if (c.exitCode > 1) throw new Error(`chitieu check exited ${c.exitCode}`);
      log(`  command run ${i + 1}/${repeat}: chitieu check ${c.cpuSeconds.toFixed(2)} s CPU`);
      check = best(check, c);
      const p = await timed(PYTHON, [script, setDir]);
      if (p.exitCode !== 0) throw new Error(`python script exited ${p.exitCode}`);
      log(`  command run ${i + 1}/${repeat}: python openpyxl ${p.cpuSeconds.toFixed(2)} s CPU`);
      python = best(python, p);
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return { check: check!, python: python! };
}
