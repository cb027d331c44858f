// Reading files in worker threads must give exactly what reading them in one thread gives.
// Workers load the compiled command (dist/), so the test compiles it first.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { goodRows, reportSheet, xlsx } from '../helpers/build';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

jest.setTimeout(120_000);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
});

function cli(args: string[]): { code: number; stdout: string } {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [path.join(ROOT, 'bin', 'chitieu.js'), ...args], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, stdout: err.stdout };
  }
}

test('--jobs 3 and --jobs 1 write the same ket-qua.json, broken files included', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-jobs-'));
  const input = path.join(dir, 'in');
  await fs.mkdir(input);
  for (const f of await fs.readdir(path.join(EXAMPLES, 'bao-cao'))) await fs.copyFile(path.join(EXAMPLES, 'bao-cao', f), path.join(input, f));
  await fs.writeFile(path.join(input, 'zz-broken.xlsx'), 'not a workbook');
  await fs.writeFile(path.join(input, 'zz-dup.xlsx'), await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows(), dateLine: 'ngày 20 tháng 12 năm 2023' })]));
  const rules = path.join(EXAMPLES, 'chi-tieu-2023.xlsx');
  const one = cli(['check', '--rules', rules, '--out', path.join(dir, 'one'), '--jobs', '1', input]);
  const three = cli(['check', '--rules', rules, '--out', path.join(dir, 'three'), '--jobs', '3', input]);
  expect([one.code, three.code]).toEqual([1, 1]);
  const a = await fs.readFile(path.join(dir, 'one', 'ket-qua.json'), 'utf8');
  const b = await fs.readFile(path.join(dir, 'three', 'ket-qua.json'), 'utf8');
  expect(b).toBe(a);
  const json = JSON.parse(a);
  expect(json.submissions).toHaveLength(7);
  expect(json.findings.some((f: { kind: string; file: string }) => f.kind === 'unreadable-file' && f.file === 'zz-broken.xlsx')).toBe(true);
  expect(json.findings.some((f: { kind: string }) => f.kind === 'duplicate-unit')).toBe(true);
  expect(three.stdout).toBe(one.stdout.split(path.join(dir, 'one')).join(path.join(dir, 'three')));
});
