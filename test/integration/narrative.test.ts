// The draft report: every number in it is found in the check's result (totals, rates, targets,
// counts, and what is computed from them: shares of a target, gaps, changes), and on the samples
// it names every shortfall of the expected findings with its figures.
import path from 'path';
import { promises as fs } from 'fs';
import { CheckSession, planOutput, readRules, toResultJson } from '../../src/core';
import type { CheckResult } from '../../src/core';
import { draftReport } from '../../src/core/narrative';
import { readWorkbookBuffer } from '../../src/files/read';
import { rulesWorkbook } from '../helpers/build';
import { checkLastYear, plausible } from '../helpers/last-year';
import expected from '../fixtures/expected.json';

const ROOT = path.join(__dirname, '..', '..', 'examples');

async function samples(extra?: (s: CheckSession) => void): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(ROOT, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx'));
  const session = new CheckSession(rules, problems);
  const dir = path.join(ROOT, 'bao-cao');
  for (const name of (await fs.readdir(dir)).sort()) session.addWorkbook(await readWorkbookBuffer(await fs.readFile(path.join(dir, name)), name));
  extra?.(session);
  return session.finish();
}

const draftText = (r: CheckResult) => draftReport(r).map((p) => p.text).join('\n');

/** Vietnamese formatting written here, independently of the engine's: 1.234,5. */
const vn = (n: number, decimals = 2) => n.toLocaleString('vi-VN', { maximumFractionDigits: decimals, useGrouping: true });

/** Numbers as the draft writes them: not part of a word or a cell address (E23, K1, GDVH_DK). */
function numbersIn(text: string): Array<{ raw: string; value: number; decimals: number }> {
  const out: Array<{ raw: string; value: number; decimals: number }> = [];
  for (const m of text.matchAll(/(?<![\p{L}\d_.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\p{L}\d_])/gu)) {
    const [int, frac = ''] = m[0].split(',');
    out.push({ raw: m[0], value: Number(`${int.replace(/\./g, '')}.${frac || '0'}`), decimals: frac.length });
  }
  return out;
}

/** What the result says, and what the draft may compute from it. */
function traceable(r: CheckResult): number[] {
  const json = toResultJson(r);
  const rates = new Set(r.rules.indicators.filter((i) => i.rate).map((i) => i.code));
  const base: number[] = [];
  const both = (code: string | null, v: unknown) => {
    if (typeof v !== 'number') return;
    base.push(v);
    if (!code || rates.has(code)) base.push(v * 100);
  };
  for (const [c, v] of Object.entries(json.totals)) both(c, v);
  for (const [c, v] of Object.entries(json.ratios)) both(c, v);
  for (const u of json.units) for (const [c, v] of Object.entries(u.figures ?? {})) both(c, v);
  const targets: number[] = [];
  for (const ind of r.rules.indicators) for (const m of (ind.condition?.text ?? '').matchAll(/\d+(?:[.,]\d+)*/g)) targets.push(Number(m[0].replace(/\./g, '').replace(',', '.')));
  base.push(...targets);
  const derived: number[] = [];
  for (const f of json.findings) {
    both(f.indicator, f.actual);
    both(f.indicator, f.expected);
    if (typeof f.actual === 'number' && typeof f.expected === 'number') both(f.indicator, Math.abs(f.actual - f.expected));
  }
  // Shares of a target: an area total over a target's number.
  for (const t of Object.values(json.totals)) for (const n of targets) if (n) derived.push((t / n) * 100);
  for (const c of Object.values(json.lastYear ?? {})) {
    base.push(c.now, c.before, c.units, c.of, Math.abs(c.now - c.before), Math.abs(c.now - c.before) * 100);
    if (c.before) derived.push((Math.abs(c.now - c.before) / c.before) * 100);
  }
  const cov = json.coverage;
  // Counts: units read, in the roster, missing, unreadable, unknown; units judged against a target
  // (at most the roster); area targets judged and missed.
  const counts = [cov.read, cov.roster, cov.missing.length, cov.unreadableFiles, cov.unknown, cov.unreadable.length];
  for (let i = 0; i <= Math.max(cov.roster, cov.read); i++) counts.push(i);
  const areaTargets = r.rules.indicators.filter((i) => i.condition && i.scope.kind === 'area').length;
  for (let i = 0; i <= areaTargets; i++) counts.push(i);
  return [...base, ...derived, ...counts, json.period.year ?? 0, json.period.months];
}

function untraceable(r: CheckResult): string[] {
  const allowed = traceable(r);
  const text = draftText(r);
  return numbersIn(text)
    .filter((n) => !allowed.some((a) => Math.abs(a - n.value) <= 0.5 * 10 ** -n.decimals + 1e-9))
    .map((n) => `${n.raw} in "…${text.slice(Math.max(0, text.indexOf(n.raw) - 60), text.indexOf(n.raw) + 20)}…"`);
}

describe('the draft report', () => {
  let result: CheckResult;
  beforeAll(async () => {
    result = await samples();
  });

  test('every number in it is found in the result', () => {
    expect(numbersIn(draftText(result)).length).toBeGreaterThan(60);
    expect(untraceable(result)).toEqual([]);
  });

  test('a number the result does not hold is caught', () => {
    const withSlip = { ...result, rollup: { ...result.rollup, totals: new Map(result.rollup.totals) } };
    withSlip.rollup.totals.set('HND_HV', 4917);
    // The draft is written from the changed totals, the allowed numbers from the result as checked.
    const allowed = traceable(result);
    const found = numbersIn(draftText(withSlip)).filter((n) => !allowed.some((a) => Math.abs(a - n.value) <= 0.5 * 10 ** -n.decimals + 1e-9));
    expect(found.map((n) => n.raw)).toContain('4.917');
  });

  test('it names every shortfall of the samples\' expected findings with its figures', () => {
    const text = draftText(result);
    const shortfalls = (expected.findings as Array<{ unit: string; indicator: string; kind: string; against?: string }>).filter((e) => e.kind === 'shortfall' || e.kind === 'behind-pace');
    expect(shortfalls.length).toBeGreaterThanOrEqual(6);
    for (const e of shortfalls) {
      const f = result.findings.find((x) => x.unit === e.unit && x.indicator === e.indicator && x.kind === e.kind && (x.against === 'plan') === (e.against === 'plan'))!;
      const rate = result.rules.byCode.get(e.indicator)!.rate;
      const show = (v: number) => (rate ? `${vn(v * 100)}%` : vn(v));
      if (e.unit === '*') {
        const ind = result.rules.byCode.get(e.indicator)!;
        const sentence = text.split(/\.\s+(?=\p{Lu})/u).find((x) => x.startsWith(`${ind.name}: ${show(f.actual as number)}`)) ?? '';
        expect([e.indicator, sentence.includes('chưa đạt chỉ tiêu') || sentence.includes('chậm tiến độ'), sentence.includes(show(f.expected as number))]).toEqual([e.indicator, true, true]);
      } else {
        expect([e.unit, e.indicator, text.includes(`${e.unit} (${show(f.actual as number)}/${show(f.expected as number)}`)]).toEqual([e.unit, e.indicator, true]);
      }
    }
  });

  test('area shortfalls are said with the target and the gap', () => {
    const text = draftText(result);
    expect(text).toContain(`Kết nạp đoàn viên mới: ${vn(900)} người (tổng chưa đủ: chưa tính số liệu không hợp lệ hoặc thiếu của Xã Thanh Sơn), đạt 90% chỉ tiêu (${vn(1000)} đoàn viên trở lên): chưa đạt chỉ tiêu, còn thiếu 100 người`);
    expect(text).toContain(`Tỷ lệ hộ đăng ký gia đình văn hóa: ${vn(97.16)}% (${vn(13495)}/${vn(13890)} hộ)`);
  });

  test('who did not report and whose file could not be read are named, and the verdicts say what they rest on', async () => {
    const r = await samples((s) => s.addFileError('Minh Khai - bao cao.xlsx', 'Tệp "Minh Khai - bao cao.xlsx" bị hỏng.'));
    const text = draftText(r);
    expect(text).toContain('Không đọc được 1 tệp: "Minh Khai - bao cao.xlsx" (Xã Minh Khai).');
    expect(text).not.toContain('Chưa gửi báo cáo');
    expect(text).toContain('chỉ tính trên 6 đơn vị đọc được, chưa phải số liệu đầy đủ');
    expect(draftText(result)).toContain('Chưa gửi báo cáo (1): Xã Minh Khai.');
    expect(text).not.toMatch(/đạt mọi chỉ tiêu/);
  });

  test('inconsistent and incomplete figures are said as such', () => {
    const text = draftText(result);
    for (const e of (expected.findings as Array<{ unit: string; indicator: string; kind: string }>).filter((x) => ['inconsistent', 'invalid-value', 'missing-value'].includes(x.kind))) {
      const f = result.findings.find((x) => x.unit === e.unit && x.indicator === e.indicator && x.kind === e.kind)!;
      expect([e.unit, e.indicator, text.includes(f.message)]).toEqual([e.unit, e.indicator, true]);
    }
  });

  test('the change against "Cùng kỳ" is said, and its numbers are traceable too', async () => {
    const units = [0, 1, 2, 3, 4, 5].map(plausible);
    const r = await checkLastYear(units);
    const text = draftText(r);
    // From the inputs, not the result: members this year and last, summed over the six units.
    const now = units.reduce((s, u) => s + u.HND_HV[0]!, 0);
    const before = units.reduce((s, u) => s + u.HND_HV[1]!, 0);
    expect([now, before]).toEqual([2860, 2788]);
    expect(text).toContain(`so với cùng kỳ tăng 72 người (+${vn(((now - before) / before) * 100, 1)}%)`);
    expect(text).toContain('(+2,6%)');
    expect(untraceable(r)).toEqual([]);
  });

  test('long lists are cut, naming how many more and where they are; nothing read is said as such', async () => {
    const roster = Array.from({ length: 30 }, (_, i) => [`Xã Số ${String.fromCharCode(65 + (i % 26))}${i}`, '', 'Xã'] as [string, string, string]);
    const { rules } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster }), 'rules.xlsx'));
    const text = draftText(new CheckSession(rules).finish());
    expect(text).toContain(`Chưa gửi báo cáo (30): ${roster.slice(0, 20).map((u) => u[0]).join(', ')}, và 10 đơn vị khác (xem trang "Kết quả kiểm tra").`);
    expect(text).toContain('Chưa có báo cáo nào đọc được, nên chưa có số liệu để báo cáo.');
    expect(text).not.toMatch(/đạt chỉ tiêu|vượt chỉ tiêu/);
  });

  test('"Báo cáo" in the rollup: one paragraph per cell, wrapped, rows tall enough', () => {
    const sheet = planOutput(result).sheets.find((s) => s.name === 'Báo cáo')!;
    const paragraphs = draftReport(result);
    expect(sheet.cells.map((c) => ('text' in c.value ? c.value.text : null))).toEqual(paragraphs.map((p) => p.text));
    expect(sheet.cells.every((c) => c.wrap && c.col === 1)).toBe(true);
    const long = sheet.cells.find((c) => 'text' in c.value && c.value.text.length > 400)!;
    expect(sheet.rowHeights![long.row]).toBeGreaterThanOrEqual(60);
  });
});

describe('the draft never smooths over what the units did not give', () => {
  /** The samples read again with `edit` applied to one report's model before it is checked. */
  async function samplesEdited(file: string, edit: (wb: import('../../src/core/model').WorkbookModel) => void, rename?: string): Promise<CheckResult> {
    const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(ROOT, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx'));
    const session = new CheckSession(rules, problems);
    const dir = path.join(ROOT, 'bao-cao');
    for (const name of (await fs.readdir(dir)).sort()) {
      const wb = await readWorkbookBuffer(await fs.readFile(path.join(dir, name)), name);
      if (name === file) {
        edit(wb);
        if (rename) session.addWorkbook({ ...wb, name: rename });
        else session.addWorkbook(wb);
      } else session.addWorkbook(wb);
    }
    return session.finish();
  }

  test('a rate whose part a unit left unreadable is said to be over incomplete totals', async () => {
    const base = await samples();
    const rate = base.rules.indicators.find((i) => i.formula && base.rollup.ratios.has(i.code))!;
    expect(rate).toBeDefined();
    const { codesOf } = await import('../../src/core/expressions');
    const part = codesOf(rate.formula!)[0];
    const row = base.rows.find((r) => r.report && r.figures.get(part)?.status === 'ok' && r.figures.get(part)!.cell)!;
    const { parseAddress } = await import('../../src/core/model');
    const at = parseAddress(row.figures.get(part)!.cell!)!;
    const edited = await samplesEdited(row.report!.file, (wb) => {
      const sheet = wb.sheets.find((s) => s.name === row.report!.sheet)!;
      sheet.rows[at.row]![at.col] = { value: 'khoảng 40' };
    });
    const sentence = draftReport(edited).map((p) => p.text).join('\n').split(/(?<=\.)\s/).find((s) => s.includes(`${rate.name}:`))!;
    expect(sentence).toBeDefined();
    expect(sentence).toContain('tổng chưa đủ');
    expect(sentence).toContain(row.unit);
    // The unchanged samples say no such thing of that rate.
    expect(draftText(base).split(/(?<=\.)\s/).find((s) => s.includes(`${rate.name}:`)) ?? '').not.toContain('tổng chưa đủ');
  });

  test('a report naming no roster unit is not counted among the units that met or missed a per-unit target', async () => {
    const base = await samples();
    const counts = (r: CheckResult) => [...draftText(r).matchAll(/Chỉ tiêu [^:]*: (\d+)\/(\d+) đơn vị đạt/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // A unit with a per-unit shortfall, taken off the roster: its report now names no roster unit.
    const short = base.findings.find((f) => f.kind === 'shortfall' && f.unit !== '*' && f.against !== 'plan' && f.file)!;
    expect(short).toBeDefined();
    const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(ROOT, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx'));
    const session = new CheckSession({ ...rules, roster: rules.roster.filter((u) => u.name !== short.unit) }, problems);
    const dir = path.join(ROOT, 'bao-cao');
    for (const name of (await fs.readdir(dir)).sort()) session.addWorkbook(await readWorkbookBuffer(await fs.readFile(path.join(dir, name)), name));
    const off = session.finish();
    const reported = off.rows.filter((x) => x.report && x.roster).length;
    expect(off.rows.some((r) => r.report && !r.roster)).toBe(true);
    // The unlisted report is still checked: its shortfall is a finding…
    expect(off.findings.some((f) => f.unit === short.unit && f.kind === 'shortfall')).toBe(true);
    // …but no per-unit sentence counts it, lists it as short, or counts below zero.
    expect(counts(off).length).toBeGreaterThan(0);
    for (const [met, of] of counts(off)) {
      expect(of).toBeLessThanOrEqual(reported);
      expect(met).toBeGreaterThanOrEqual(0);
    }
    expect(draftText(off)).not.toMatch(new RegExp(`chưa đạt: [^.]*${short.unit}`));
  });
});
