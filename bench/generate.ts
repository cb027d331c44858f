// Synthetic inputs for the benchmark: a rules workbook like examples/chi-tieu-2023.xlsx whose
// "Đơn vị" roster lists N generated units, and one report per unit made from the Hòa Lạc sample.
// Folders are cached under os.tmpdir()/chitieu-bench/<n>/ and rebuilt only when missing or stale.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';

/** Bump when the generated content changes, so stale caches are rebuilt. */
const GENERATOR_VERSION = 2;

export const BENCH_ROOT = path.join(os.tmpdir(), 'chitieu-bench');

export interface GeneratedSet {
  dir: string;
  rules: string;
  reports: string;
  units: number;
  /** Seconds spent generating, 0 when the cache was reused. */
  generatedSeconds: number;
  cached: boolean;
}

export interface BenchUnit {
  name: string;
  /** The name without its level word: "Tân Hòa 17". */
  place: string;
  level: 'Phường' | 'Xã';
  alias: string;
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common Vietnamese place-name syllables. Pairs are combined and numbered, so every unit's
// distinctive name is unique and none is a word sequence of another's (the number differs).
const FIRST = ['Tân', 'Đông', 'Tây', 'Nam', 'Bắc', 'Hòa', 'An', 'Phú', 'Vĩnh', 'Minh', 'Thanh', 'Quang', 'Hưng', 'Long', 'Bình', 'Thuận', 'Đức', 'Xuân', 'Trung', 'Hồng', 'Kim', 'Ngọc', 'Thạch', 'Cẩm', 'Lạc'];
const SECOND = ['Hòa', 'Sơn', 'Thành', 'Lợi', 'Phong', 'Thịnh', 'Lộc', 'Phước', 'Hải', 'Tiến', 'Khánh', 'Mỹ', 'Hiệp', 'Lâm', 'Điền', 'Yên', 'Hà', 'Giang', 'Xương', 'Vinh', 'Trạch', 'Lương', 'Thủy', 'Đạt', 'Hậu'];

export function benchUnits(n: number): BenchUnit[] {
  const rand = prng(0x5eed + n);
  const units: BenchUnit[] = [];
  for (let i = 0; i < n; i++) {
    let a = FIRST[Math.floor(rand() * FIRST.length)];
    let b = SECOND[Math.floor(rand() * SECOND.length)];
    if (a === b) b = SECOND[(SECOND.indexOf(b) + 1) % SECOND.length];
    const place = `${a} ${b} ${i + 1}`;
    const level: BenchUnit['level'] = i % 2 === 0 ? 'Phường' : 'Xã';
    units.push({ name: `${level} ${place}`, place, level, alias: level === 'Phường' ? `P. ${place}` : '' });
  }
  return units;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

interface Marker {
  version: number;
  units: number;
  rulesSample: string;
  reportSample: string;
}

async function sampleStamp(file: string): Promise<string> {
  const st = await fs.stat(file);
  return `${st.size}:${Math.round(st.mtimeMs)}`;
}

export async function ensureSet(n: number, projectRoot: string, log: (s: string) => void): Promise<GeneratedSet> {
  const dir = path.join(BENCH_ROOT, String(n));
  const rules = path.join(dir, 'chi-tieu.xlsx');
  const reports = path.join(dir, 'bao-cao');
  const rulesSample = path.join(projectRoot, 'examples', 'chi-tieu-2023.xlsx');
  const reportSample = path.join(projectRoot, 'examples', 'bao-cao', 'BC-DanVan-2023-PhuongHoaLac.xlsx');
  const want: Marker = { version: GENERATOR_VERSION, units: n, rulesSample: await sampleStamp(rulesSample), reportSample: await sampleStamp(reportSample) };
  const markerFile = path.join(dir, 'complete.json');
  if (await exists(markerFile)) {
    try {
      const have = JSON.parse(await fs.readFile(markerFile, 'utf8')) as Marker;
      if (JSON.stringify(have) === JSON.stringify(want)) return { dir, rules, reports, units: n, generatedSeconds: 0, cached: true };
    } catch {
      // unreadable marker: regenerate
    }
  }
  log(`Generating ${n} units into ${dir} …`);
  const t0 = performance.now();
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(reports, { recursive: true });
  const units = benchUnits(n);
  await writeRules(rulesSample, rules, units);
  await writeReports(reportSample, reports, units, log);
  await fs.writeFile(markerFile, JSON.stringify(want));
  const generatedSeconds = (performance.now() - t0) / 1000;
  log(`Generated ${n} units in ${generatedSeconds.toFixed(1)} s.`);
  return { dir, rules, reports, units: n, generatedSeconds, cached: false };
}

async function writeRules(sample: string, out: string, units: BenchUnit[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.getWorksheet('Đơn vị');
  if (!ws) throw new Error(`${sample}: no "Đơn vị" sheet`);
  // Keep the header row (and its styles); drop the sample roster, write the generated one.
  const header = ws.getRow(1);
  const headerStyle = [1, 2, 3, 4].map((c) => ({ ...header.getCell(c).style }));
  const bodyStyle = [1, 2, 3, 4].map((c) => ({ ...ws.getRow(2).getCell(c).style }));
  if (ws.rowCount > 1) ws.spliceRows(2, ws.rowCount - 1);
  units.forEach((u, i) => {
    const row = ws.getRow(i + 2);
    row.values = [i + 1, u.name, u.alias, u.level];
    for (let c = 1; c <= 4; c++) row.getCell(c).style = bodyStyle[c - 1];
  });
  for (let c = 1; c <= 4; c++) header.getCell(c).style = headerStyle[c - 1];
  await wb.xlsx.writeFile(out);
}

const FIRST_ROW = 11;
const LAST_ROW = 46;

async function writeReports(sample: string, outDir: string, units: BenchUnit[], log: (s: string) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.worksheets[0];
  // The sample's own figures, so each unit is perturbed from the original, not from the last unit.
  const base = new Map<number, number>();
  const plan = new Map<number, number>();
  const rateRows: number[] = [];
  for (let r = FIRST_ROW; r <= LAST_ROW; r++) {
    const e = ws.getCell(r, 5).value;
    if (typeof e === 'number') base.set(r, e);
    const d = ws.getCell(r, 4).value;
    if (typeof d === 'number') plan.set(r, d);
    const f = ws.getCell(r, 6).value as { formula?: string } | null;
    if (f && typeof f === 'object' && 'formula' in f) rateRows.push(r);
  }
  const width = String(units.length).length < 4 ? 4 : String(units.length).length;
  let lastLog = performance.now();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const rand = prng(0xc0ffee ^ (i * 2654435761));
    ws.getCell('A2').value = `ĐẢNG ỦY ${u.name.toLocaleUpperCase('vi')}`;
    ws.getCell('D2').value = `${u.place}, ngày 12 tháng 12 năm 2023`;
    const v = new Map<number, number>();
    for (const [r, x] of base) {
      let factor = 0.8 + rand() * 0.4; // ±20%
      if (rand() < 0.08) factor *= 0.4 + rand() * 0.3; // a shortfall now and then
      v.set(r, Math.max(0, Math.round(x * factor)));
    }
    // Most units add up (row 11 = 12 + 13 = 14 + 15; registered ≤ households; …); some do not.
    if (rand() < 0.9) {
      v.set(11, v.get(12)! + v.get(13)!);
      v.set(14, Math.max(0, v.get(11)! - v.get(15)!));
      for (const [part, whole] of [[18, 17], [20, 19], [25, 27], [33, 35]] as const) v.set(part, Math.min(v.get(part)!, v.get(whole)!));
    }
    for (const [r, x] of v) ws.getCell(r, 5).value = x;
    for (const r of rateRows) {
      const cell = ws.getCell(r, 6);
      const f = cell.value as { formula: string };
      const d = plan.get(r) ?? 0;
      cell.value = { formula: f.formula, result: d === 0 ? '' : Math.round(((v.get(r) ?? 0) / d) * 10000) / 100 } as ExcelJS.CellFormulaValue;
    }
    const buf = await wb.xlsx.writeBuffer();
    await fs.writeFile(path.join(outDir, `${String(i + 1).padStart(width, '0')}.xlsx`), new Uint8Array(buf as ArrayBuffer));
    if (performance.now() - lastLog > 10000) {
      log(`  … ${i + 1}/${units.length} reports`);
      lastLog = performance.now();
    }
  }
}
