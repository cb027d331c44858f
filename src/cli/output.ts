// Writing the output folder so that it holds either the complete previous output or the
// complete new one, never a mix and never a half-written file.
//
// When the folder holds nothing but this command's outputs (or does not exist yet), the new
// files are written into a staging folder beside it and the folders are swapped by two
// renames. A crash between those two renames leaves the previous folder under a side name,
// which the next run puts back before anything else. When the folder holds other files too
// (say --out .), it cannot be swapped: each file is written under a temporary name and renamed
// into place, ket-qua.json last.
import { promises as fs } from 'fs';
import path from 'path';

export interface OutputFile {
  /** A file, or a folder (the feedback files) that `write` creates whole. */
  name: string;
  write(file: string): Promise<void>;
}

const SIDE = '.chitieu-';

function sidePath(out: string, kind: 'staging' | 'previous'): string {
  const abs = path.resolve(out);
  return path.join(path.dirname(abs), `${path.basename(abs)}${SIDE}${kind}-${process.pid}`);
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Puts back what a crash mid-write left aside: a previous output folder under its side name,
 * or previous output files moved aside (then the new files placed so far are the mix to undo).
 */
export async function recoverOutput(out: string): Promise<void> {
  const abs = path.resolve(out);
  const dir = path.dirname(abs);
  const prefix = `${path.basename(abs)}${SIDE}`;
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const e of entries.filter((n) => n.startsWith(prefix)).sort()) {
    const side = path.join(dir, e);
    if (e.startsWith(`${prefix}previous-`) && !(await exists(abs))) await fs.rename(side, abs);
    else await fs.rm(side, { recursive: true, force: true });
  }
  await recoverFiles(abs);
}

/**
 * In a shared folder, a journal names the files being replaced. A temporary file still there
 * means the new files were not all placed: each old file goes back, and a new one placed where
 * there was none is removed. No temporary file left means they were: only leftovers go.
 */
async function recoverFiles(dir: string): Promise<void> {
  const inside = await fs.readdir(dir).catch(() => [] as string[]);
  const ours = inside.filter((n) => n.startsWith('.') && n.includes(SIDE));
  if (!ours.length) return;
  const temps = ours.filter((n) => n.endsWith('.tmp'));
  const journals = ours.filter((n) => n.endsWith('.journal'));
  const names = new Set<string>();
  for (const j of journals) {
    const text = await fs.readFile(path.join(dir, j), 'utf8').catch(() => '[]');
    for (const n of JSON.parse(text) as string[]) if (typeof n === 'string' && !n.includes('/') && !n.includes('\\')) names.add(n);
  }
  const baks = new Map(ours.filter((n) => n.endsWith('.bak')).map((b) => [b.slice(1, b.indexOf(SIDE)), b]));
  if (temps.length && journals.length) {
    for (const name of names) {
      const bak = baks.get(name);
      if (bak) await fs.rename(path.join(dir, bak), path.join(dir, name));
      else await fs.rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
  for (const n of ours) await fs.rm(path.join(dir, n), { recursive: true, force: true });
}

/** True when the folder can be swapped whole: ours alone, and not the working folder or above it. */
async function swappable(out: string, names: Set<string>): Promise<boolean> {
  const abs = path.resolve(out);
  const cwd = process.cwd();
  if (cwd === abs || cwd.startsWith(abs + path.sep)) return false;
  const entries = await fs.readdir(abs).catch(() => null);
  return entries === null || entries.every((n) => names.has(n));
}

/**
 * `alsoOurs`: outputs an earlier run may have written that this one does not (the feedback
 * folder): a folder holding only those is still ours to swap whole, stale parts and all.
 */
export async function writeOutputs(out: string, files: OutputFile[], alsoOurs: string[] = []): Promise<void> {
  await recoverOutput(out);
  if (await swappable(out, new Set([...files.map((f) => f.name), ...alsoOurs]))) await swapIn(out, files);
  else await replaceEach(out, files);
}

async function swapIn(out: string, files: OutputFile[]): Promise<void> {
  const abs = path.resolve(out);
  const staging = sidePath(out, 'staging');
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.rm(staging, { recursive: true, force: true });
  try {
    await fs.mkdir(staging);
    for (const f of files) await f.write(path.join(staging, f.name));
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  }
  if (!(await exists(abs))) {
    try {
      await fs.rename(staging, abs);
    } catch (e) {
      await fs.rm(staging, { recursive: true, force: true });
      throw e;
    }
    return;
  }
  const previous = sidePath(out, 'previous');
  try {
    await fs.rename(abs, previous);
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  }
  try {
    await fs.rename(staging, abs);
  } catch (e) {
    await fs.rename(previous, abs);
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  }
  await fs.rm(previous, { recursive: true, force: true });
}

async function replaceEach(out: string, files: OutputFile[]): Promise<void> {
  await fs.mkdir(out, { recursive: true });
  const steps = files.map((f) => ({
    f,
    tmp: path.join(out, `.${f.name}${SIDE}${process.pid}.tmp`),
    bak: path.join(out, `.${f.name}${SIDE}${process.pid}.bak`),
    final: path.join(out, f.name),
  }));
  const cleanup = async () => {
    for (const s of steps) await fs.rm(s.tmp, { recursive: true, force: true });
  };
  const journal = path.join(out, `${SIDE}${process.pid}.journal`);
  try {
    for (const s of steps) await s.f.write(s.tmp);
    await fs.writeFile(journal, JSON.stringify(files.map((f) => f.name)));
  } catch (e) {
    await cleanup();
    await fs.rm(journal, { force: true });
    throw e;
  }
  // Old files step aside first, so a failure can put every one of them back.
  const asideDone: typeof steps = [];
  const placed: typeof steps = [];
  try {
    for (const s of steps) {
      if (!(await exists(s.final))) continue;
      await fs.rename(s.final, s.bak);
      asideDone.push(s);
    }
    for (const s of steps) {
      await fs.rename(s.tmp, s.final);
      placed.push(s);
    }
  } catch (e) {
    for (const s of placed) await fs.rm(s.final, { recursive: true, force: true });
    for (const s of asideDone) await fs.rename(s.bak, s.final);
    await cleanup();
    await fs.rm(journal, { force: true });
    throw e;
  }
  // Placed: leftovers of the old files are only tidied; if that fails, the next run tidies them.
  for (const s of asideDone) await fs.rm(s.bak, { recursive: true, force: true }).catch(() => undefined);
  await fs.rm(journal, { force: true }).catch(() => undefined);
}
