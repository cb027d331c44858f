// The output folder holds either the complete previous output or the complete new one: every
// file-system step of a write is made to fail in turn, and a crash between the two renames of
// a swap is put right by the next run.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { recoverOutput, writeOutputs } from '../../src/cli/output';
import type { OutputFile } from '../../src/cli/output';

// The feedback files are a folder of their own, written whole like the files.
const files = (tag: string): OutputFile[] => [
  { name: 'tong-hop.xlsx', write: (f) => fs.writeFile(f, `xlsx ${tag}`) },
  {
    name: 'phan-hoi',
    write: async (d) => {
      await fs.mkdir(d);
      await fs.writeFile(path.join(d, 'Phường A.xlsx'), `a ${tag}`);
      await fs.writeFile(path.join(d, 'Xã B.xlsx'), `b ${tag}`);
    },
  },
  { name: 'ket-qua.json', write: (f) => fs.writeFile(f, `json ${tag}`) },
];

/** Every file under the folder, by its path inside it. */
async function folder(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of (await fs.readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) Object.assign(out, await folder(path.join(dir, e.name), `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = await fs.readFile(path.join(dir, e.name), 'utf8');
  }
  return out;
}

/** The folder as a user sees it: our hidden temporaries (".tong-hop.xlsx.chitieu-….tmp") left out. */
async function visible(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await folder(dir)).filter(([k]) => !k.startsWith('.')));
}

const OLD = { 'ket-qua.json': 'json old', 'phan-hoi/Phường A.xlsx': 'a old', 'phan-hoi/Xã B.xlsx': 'b old', 'tong-hop.xlsx': 'xlsx old' };
const NEW = { 'ket-qua.json': 'json new', 'phan-hoi/Phường A.xlsx': 'a new', 'phan-hoi/Xã B.xlsx': 'b new', 'tong-hop.xlsx': 'xlsx new' };

/**
 * Makes the n-th call to a file-system operation of the write fail, and counts the calls. With
 * `watch`, the output folder is looked at before every operation, as another program could.
 */
function failNth(n: number, watch?: (step: number, op: string) => Promise<void>) {
  let calls = 0;
  const ops = ['writeFile', 'rename', 'mkdir', 'rm'] as const;
  const spies = ops.map((op) => {
    const real = fs[op].bind(fs) as (...a: unknown[]) => Promise<unknown>;
    return jest.spyOn(fs, op).mockImplementation((async (...args: unknown[]) => {
      const step = ++calls;
      if (watch) await watch(step, op);
      if (step === n) throw Object.assign(new Error(`injected ${op} failure`), { code: 'EIO' });
      return real(...args);
    }) as never);
  });
  return { calls: () => calls, restore: () => spies.forEach((s) => s.mockRestore()) };
}

async function tmp(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-out-'));
}

describe.each([
  ['a folder holding only the outputs (swapped whole)', false],
  ['a folder holding other files too (each file replaced)', true],
])('%s', (_, withOther) => {
  async function prepared(): Promise<string> {
    const root = await tmp();
    const out = path.join(root, 'out');
    await fs.mkdir(out);
    await fs.mkdir(path.join(out, 'phan-hoi'));
    for (const [n, v] of Object.entries(OLD)) await fs.writeFile(path.join(out, n), v);
    if (withOther) await fs.writeFile(path.join(out, 'ghi-chu.txt'), 'của người dùng');
    return out;
  }
  const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  const expectOld = sorted(withOther ? { ...OLD, 'ghi-chu.txt': 'của người dùng' } : OLD);
  const expectNew = sorted(withOther ? { ...NEW, 'ghi-chu.txt': 'của người dùng' } : NEW);

  test('a clean write replaces the outputs and leaves nothing else behind', async () => {
    const out = await prepared();
    await writeOutputs(out, files('new'));
    expect(await folder(out)).toEqual(expectNew);
    expect((await fs.readdir(path.dirname(out))).sort()).toEqual(['out']);
  });

  test('every step made to fail in turn: the folder holds the complete old or the complete new output', async () => {
    const probe = await prepared();
    const counter = failNth(Number.MAX_SAFE_INTEGER);
    await writeOutputs(probe, files('new'));
    const steps = counter.calls();
    counter.restore();
    expect(steps).toBeGreaterThan(4);
    const outcomes = new Set<string>();
    const state = (now: Record<string, string>) => (JSON.stringify(now) === JSON.stringify(expectOld) ? 'old' : JSON.stringify(now) === JSON.stringify(expectNew) ? 'new' : JSON.stringify(now) === '{}' ? 'absent' : 'mixed');
    for (let n = 1; n <= steps; n++) {
      const out = await prepared();
      // Before every step of the write, what a user sees in the folder (our hidden temporaries
      // aside) is the old output, the new one, or (only between the two renames of a swap) no
      // folder at all. A shared folder cannot be swapped: there, a mix is seen only between the
      // renames that put files in place, and the journal undoes it.
      const seen: string[] = [];
      let renaming = false;
      const fault = failNth(n, async (step, op) => {
        const now = await visible(out);
        renaming ||= withOther && op === 'rename';
        if (state(now) === 'mixed' && !renaming) seen.push(`before step ${step} (${op}): ${JSON.stringify(now)}`);
        if (state(now) === 'absent' && withOther) seen.push(`before step ${step} (${op}): no folder`);
      });
      const result = await writeOutputs(out, files('new')).then(
        () => 'ok',
        (e: Error) => e.message,
      );
      fault.restore();
      expect([n, seen]).toEqual([n, []]);
      // Right after the failed write, before any later run recovers anything: complete.
      const immediate = await visible(out);
      expect([n, result, state(immediate)]).toEqual([n, result, expect.stringMatching(/^(old|new)$/)]);
      await recoverOutput(out);
      const now = await folder(out);
      const complete = JSON.stringify(now) === JSON.stringify(expectOld) || JSON.stringify(now) === JSON.stringify(expectNew);
      expect([n, result, complete, now]).toEqual([n, result, true, now]);
      expect(now).toEqual(immediate);
      // Our hidden leftovers (a backup whose tidying failed) are gone after the next run's recovery.
      expect(Object.keys(now).filter((k) => k.startsWith('.'))).toEqual([]);
      expect([n, (await fs.readdir(path.dirname(out))).sort()]).toEqual([n, ['out']]);
      outcomes.add(JSON.stringify(now) === JSON.stringify(expectNew) ? 'new' : 'old');
    }
    expect(outcomes.has('old')).toBe(true);
  });
});

test('a crash between the two renames of a swap: the next run puts the previous folder back first', async () => {
  const root = await tmp();
  const out = path.join(root, 'out');
  // As a crash would leave it: the old folder under its side name, no output folder.
  const side = path.join(root, `out.chitieu-previous-12345`);
  await fs.mkdir(side);
  await fs.mkdir(path.join(side, 'phan-hoi'));
  for (const [n, v] of Object.entries(OLD)) await fs.writeFile(path.join(side, n), v);
  await fs.mkdir(path.join(root, 'out.chitieu-staging-12345'));
  await recoverOutput(out);
  expect(await folder(out)).toEqual(OLD);
  expect((await fs.readdir(root)).sort()).toEqual(['out']);
});

test('the working folder itself is never swapped', async () => {
  const root = await tmp();
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await fs.mkdir(path.join(root, 'phan-hoi'));
    for (const [n, v] of Object.entries(OLD)) await fs.writeFile(path.join(root, n), v);
    await writeOutputs('.', files('new'));
    expect(await folder(root)).toEqual(NEW);
  } finally {
    process.chdir(cwd);
  }
});

describe('a crash while replacing files one by one in a shared folder', () => {
  async function shared(state: Record<string, string>): Promise<string> {
    const out = path.join(await tmp(), 'out');
    await fs.mkdir(out);
    for (const [n, v] of Object.entries(state)) await fs.writeFile(path.join(out, n), v);
    return out;
  }
  test('old files aside, one new file placed: the old ones come back', async () => {
    const out = await shared({
      'ghi-chu.txt': 'của người dùng',
      '.chitieu-7.journal': JSON.stringify(['tong-hop.xlsx', 'ket-qua.json']),
      '.tong-hop.xlsx.chitieu-7.bak': 'xlsx old',
      '.ket-qua.json.chitieu-7.bak': 'json old',
      'tong-hop.xlsx': 'xlsx new',
      '.ket-qua.json.chitieu-7.tmp': 'json new',
    });
    await recoverOutput(out);
    expect(await folder(out)).toEqual({ 'ghi-chu.txt': 'của người dùng', 'ket-qua.json': 'json old', 'tong-hop.xlsx': 'xlsx old' });
  });
  test('a first run with nothing before: a new file placed alone is removed', async () => {
    const out = await shared({
      'ghi-chu.txt': 'của người dùng',
      '.chitieu-7.journal': JSON.stringify(['tong-hop.xlsx', 'ket-qua.json']),
      'tong-hop.xlsx': 'xlsx new',
      '.ket-qua.json.chitieu-7.tmp': 'json new',
    });
    await recoverOutput(out);
    expect(await folder(out)).toEqual({ 'ghi-chu.txt': 'của người dùng' });
  });
  test('every new file placed, old leftovers not yet tidied: the new output stays', async () => {
    const out = await shared({
      '.chitieu-7.journal': JSON.stringify(['tong-hop.xlsx', 'ket-qua.json']),
      '.tong-hop.xlsx.chitieu-7.bak': 'xlsx old',
      'tong-hop.xlsx': 'xlsx new',
      'ket-qua.json': 'json new',
    });
    await recoverOutput(out);
    expect(await folder(out)).toEqual({ 'ket-qua.json': 'json new', 'tong-hop.xlsx': 'xlsx new' });
  });
});

test('feedback files an earlier run wrote go with its output when a run writes none: never left beside a newer check', async () => {
  const out = path.join(await tmp(), 'out');
  await writeOutputs(out, files('old'), ['phan-hoi']);
  await writeOutputs(out, files('new').filter((f) => f.name !== 'phan-hoi'), ['phan-hoi']);
  expect(await folder(out)).toEqual({ 'ket-qua.json': 'json new', 'tong-hop.xlsx': 'xlsx new' });
});
