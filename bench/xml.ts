// Which XML tokenizer the .xlsx reader uses: the same reader (src/files/xlsx.ts) driven by the
// project's own tokenizer (src/files/xml.ts), by saxes (the SAX parser ExcelJS uses) and by
// txml (a small DOM parser), timed on the same files against ExcelJS's own opening and against
// unzipping alone. `node dist/bench/xml.js [--rounds 5] [files or folders…]`; without files it
// reads the samples and the foreign fixture sets. Every tokenizer must give the same model.
import { promises as fs } from 'fs';
import { isDeepStrictEqual } from 'util';
import path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { parse as txmlParse } from 'txml';
import { Sheet } from '../src/core/model';
import { readXlsxSheets } from '../src/files/xlsx';
import { XmlHandler, decodeText, scanXml } from '../src/files/xml';

const local = (q: string) => q.slice(q.indexOf(':') + 1);

function saxesScan(xml: string, h: XmlHandler): void {
  const p = new SaxesParser();
  p.on('opentag', (n) => {
    const a = new Map<string, string>();
    for (const k of Object.keys(n.attributes)) a.set(local(k), n.attributes[k] as string);
    h.open(local(n.name), a);
  });
  p.on('closetag', (n) => h.close(local(n.name)));
  p.on('text', (t) => h.text(t));
  p.on('cdata', (t) => h.text(t));
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
}

type TNode = { tagName: string; attributes: Record<string, string | null>; children: Array<TNode | string> };

function txmlScan(xml: string, h: XmlHandler): void {
  const walk = (nodes: Array<TNode | string>) => {
    for (const n of nodes) {
      if (typeof n === 'string') {
        h.text(decodeText(n));
        continue;
      }
      if (n.tagName.startsWith('?') || n.tagName.startsWith('!')) continue;
      const a = new Map<string, string>();
      for (const k of Object.keys(n.attributes)) a.set(local(k), decodeText(n.attributes[k] ?? ''));
      const name = local(n.tagName);
      h.open(name, a);
      walk(n.children);
      h.close(name);
    }
  };
  walk(txmlParse(xml, { keepWhitespace: true }) as unknown as Array<TNode | string>);
}

const SCANNERS: Record<string, (xml: string, h: XmlHandler) => void> = { 'own tokenizer': scanXml, saxes: saxesScan, txml: txmlScan };

async function collect(p: string): Promise<string[]> {
  const st = await fs.stat(p);
  if (!st.isDirectory()) return /\.xls[xm]$/i.test(p) ? [p] : [];
  const out: string[] = [];
  for (const e of await fs.readdir(p)) out.push(...(await collect(path.join(p, e))));
  return out;
}

const tooLong = (): never => {
  throw new Error('too long');
};

function readable(buf: Uint8Array): boolean {
  try {
    readXlsxSheets(buf, { maxCellChars: 32767, tooLong });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let rounds = 5;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--rounds') rounds = Number(args[++i]);
    else inputs.push(args[i]);
  }
  const root = path.resolve(__dirname, '..', '..');
  if (inputs.length === 0) inputs.push(path.join(root, 'examples'), path.join(root, 'test', 'fixtures'));
  const files: Uint8Array[] = [];
  for (const p of inputs) for (const f of await collect(p)) files.push(new Uint8Array(await fs.readFile(f)));
  const bufs = files.filter(readable);
  const reference = bufs.map((b) => readXlsxSheets(b, { maxCellChars: 32767, tooLong }));
  const results: Array<[string, number]> = [];
  const time = async (label: string, fn: (b: Uint8Array, i: number) => unknown) => {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      for (let i = 0; i < bufs.length; i++) await fn(bufs[i], i);
      best = Math.min(best, performance.now() - t0);
    }
    results.push([label, best / bufs.length]);
  };
  for (const [name, scan] of Object.entries(SCANNERS)) {
    bufs.forEach((b, i) => {
      const m: Sheet[] = readXlsxSheets(b, { maxCellChars: 32767, tooLong, scan });
      if (!isDeepStrictEqual(m, reference[i])) throw new Error(`${name} gives another model for file ${i}`);
    });
    await time(`reader + ${name}`, (b) => readXlsxSheets(b, { maxCellChars: 32767, tooLong, scan }));
  }
  await time('unzip the parts only (fflate)', (b) => unzipSync(b, { filter: (f) => /^xl\/(worksheets\/[^/]+|sharedStrings|styles|workbook)\.xml$|\.rels$/.test(f.name) }));
  await time('ExcelJS xlsx.load', (b) => new ExcelJS.Workbook().xlsx.load(b as unknown as ArrayBuffer));
  const exceljs = results[results.length - 1][1];
  process.stdout.write(`${bufs.length} files, fastest of ${rounds} rounds, ms per file (and × ExcelJS's load):\n`);
  for (const [label, ms] of results) process.stdout.write(`  ${label.padEnd(32)} ${ms.toFixed(3)} ms  ${(ms / exceljs).toFixed(3)}×\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
