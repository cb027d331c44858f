// Reading files in worker threads must give exactly what reading them in one thread gives.
// Workers load the compiled command (dist/), so the test compiles it first.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';

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
  // The same summary, and the three threads said so: each of them handed back files.
  expect(three.stdout).toContain('Đã đọc 8 tệp bằng 3 luồng song song.\n');
  expect(one.stdout).not.toContain('luồng');
  expect(three.stdout.replace('Đã đọc 8 tệp bằng 3 luồng song song.\n', '')).toBe(one.stdout.split(path.join(dir, 'one')).join(path.join(dir, 'three')));
});

describe('without --jobs, worker threads read the files from 400 files up', () => {
  // One thread per core (at most 8), as os.availableParallelism() counts them on this machine.
  const cores = Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  let input: string;
  beforeAll(async () => {
    input = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-many-'));
    const bytes = await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows() })]);
    for (let i = 1; i <= 400; i++) await fs.writeFile(path.join(input, `bao-cao-${String(i).padStart(3, '0')}.xlsx`), bytes);
  });

  test.each([
    [399, null],
    [400, cores > 1 ? `Đã đọc 400 tệp bằng ${cores} luồng song song.` : null],
  ])('%i files: %s', async (count, line) => {
    const files = (await fs.readdir(input)).sort().slice(0, count).map((f) => path.join(input, f));
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-many-out-'));
    const res = cli(['check', '--rules', path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), '--out', out, '--quiet', ...files]);
    expect(res.code).toBe(1);
    const said = res.stdout.split('\n').filter((l) => l.includes('luồng'));
    expect(said).toEqual(line ? [line] : []);
    expect(JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8')).submissions).toHaveLength(count);
  });
});

describe('exit codes of the command as a shell sees them', () => {
  const ONE_UNIT: Array<[string, string, string]> = [['Phường Hòa Lạc', '', 'Phường']];
  async function prepared(rows = goodRows()) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-exit-'));
    await fs.writeFile(path.join(dir, 'chi-tieu.xlsx'), await rulesWorkbook({ roster: ONE_UNIT }));
    await fs.mkdir(path.join(dir, 'bao-cao'));
    await fs.writeFile(path.join(dir, 'bao-cao', 'hoa-lac.xlsx'), await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows })]));
    return dir;
  }
  const check = (dir: string, rules = 'chi-tieu.xlsx') => cli(['check', '--rules', path.join(dir, rules), '--out', path.join(dir, 'ket-qua'), path.join(dir, 'bao-cao')]);

  test('0: warnings only (the area short of two targets), every unit read', async () => {
    const res = check(await prepared());
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/\b0 lỗi, 2 cảnh báo\b/);
  });

  test('1: an error (a unit short of a target whose severity is "Lỗi")', async () => {
    const res = check(await prepared(goodRows({ DOI_THOAI: 3 })));
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/\b1 lỗi\b/);
  });

  test('2: the rules cannot be read, nothing is checked or written', async () => {
    const dir = await prepared();
    await fs.writeFile(path.join(dir, 'hong.xlsx'), 'không phải tệp Excel');
    const res = check(dir, 'hong.xlsx');
    expect(res.code).toBe(2);
    expect(await fs.readdir(dir)).not.toContain('ket-qua');
  });

  test('2: no rules given at all', () => {
    expect(cli(['check', '/tmp']).code).toBe(2);
  });
});
