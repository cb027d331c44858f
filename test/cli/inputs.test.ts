// What the command reads from the folders it is given: never its own outputs, never an earlier
// rollup as a unit's report; every file a unit may have sent instead of a workbook is named; and
// `--out` never replaces a file.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { runCli } from '../helpers/cli';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const RULES = path.join(EXAMPLES, 'chi-tieu-2023.xlsx');

const run = runCli;

/** A fresh folder holding a copy of the six sample reports. */
async function reports(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-inputs-'));
  for (const f of await fs.readdir(path.join(EXAMPLES, 'bao-cao'))) await fs.copyFile(path.join(EXAMPLES, 'bao-cao', f), path.join(dir, f));
  return dir;
}

const json = async (dir: string) => JSON.parse(await fs.readFile(path.join(dir, 'ket-qua.json'), 'utf8'));
const gist = (j: { findings: Array<{ unit: string; indicator: string | null; kind: string }>; totals: unknown; coverage: unknown }) => ({
  findings: j.findings.map((f) => `${f.unit}|${f.indicator}|${f.kind}`).sort(),
  totals: j.totals,
  coverage: j.coverage,
});

test('--out naming an existing file is refused with exit 2 and the file kept as it was', async () => {
  const dir = await reports();
  const victim = path.join(dir, (await fs.readdir(dir))[0]);
  const before = await fs.readFile(victim);
  for (const argv of [['check', '--rules', RULES, '--out', victim, dir], ['mau', '--rules', RULES, '--out', victim]]) {
    const res = await run(argv);
    expect(res.code).toBe(2);
    expect(res.err).toContain('là một tệp, không phải thư mục');
    expect((await fs.stat(victim)).isFile()).toBe(true);
    expect(await fs.readFile(victim)).toEqual(before);
  }
});

test('the output folder given as the input too: a second run reads the same reports as the first', async () => {
  const dir = await reports();
  const first = await run(['check', '--rules', RULES, '--out', dir, dir]);
  expect(first.code).toBe(1);
  const once = gist(await json(dir));
  const second = await run(['check', '--rules', RULES, '--out', dir, dir]);
  expect(second.code).toBe(1);
  expect(gist(await json(dir))).toEqual(once);
  expect((await json(dir)).submissions).toHaveLength(6);
});

test('an earlier rollup among the reports is named and never read as a unit that sent nothing', async () => {
  const dir = await reports();
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-out-'));
  expect((await run(['check', '--rules', RULES, '--out', out, dir])).code).toBe(1);
  const base = await json(out);
  await fs.copyFile(path.join(out, 'tong-hop.xlsx'), path.join(dir, 'tong-hop ky truoc.xlsx'));
  const res = await run(['check', '--rules', RULES, '--out', out, dir]);
  const after = await json(out);
  expect(after.coverage.missing).toEqual(base.coverage.missing);
  expect(after.coverage.missing.length).toBeGreaterThan(0);
  expect(after.submissions).toHaveLength(base.submissions.length);
  expect(after.totals).toEqual(base.totals);
  const named = after.findings.find((f: { kind: string; file: string }) => f.kind === 'unreadable-file' && f.file === 'tong-hop ky truoc.xlsx');
  expect(named.message).toContain('là bảng tổng hợp do chitieu ghi ra');
  expect(res.code).toBe(1);
});

test('a PDF or Word file in a folder is named, and the unit its name gives did send something', async () => {
  const dir = await reports();
  await fs.writeFile(path.join(dir, 'Xa Minh Khai - bao cao.pdf'), '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
  await fs.writeFile(path.join(dir, 'Thumbs.db'), 'x');
  await fs.writeFile(path.join(dir, '.DS_Store'), 'x');
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-out-'));
  await run(['check', '--rules', RULES, '--out', out, dir]);
  const j = await json(out);
  expect(j.coverage.missing).toEqual([]);
  const pdf = j.findings.filter((f: { kind: string }) => f.kind === 'unreadable-file');
  expect(pdf.map((f: { unit: string; file: string }) => [f.unit, f.file])).toEqual([['Xã Minh Khai', 'Xa Minh Khai - bao cao.pdf']]);
  expect(pdf[0].message).toContain('PDF');
});
