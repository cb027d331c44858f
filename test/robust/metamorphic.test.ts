// Metamorphic fuzzing: the engine's answers are checked against each other, so a wrong answer is
// caught even where no oracle knows the right one. On generated, well-formed report sets (a
// roster, targets, a cross check, each unit's own report or one table for all units, in either
// order of columns), a change that must not matter changes nothing, and a change that must
// matter changes exactly what it should:
//   files in another order, sheets of a workbook in another order, rows of a section in another
//   order                                          → the same findings (rows: cells follow the rows)
//   a unit added that meets every target           → no other unit's finding removed, none for it
//   a unit renamed in the roster and in its report → the same findings, with the new name
//   one figure raised above its target             → that shortfall gone, nothing else changes
// Seeds as in ./cases.ts (FUZZ_SEED=random for fresh ones; npm run fuzz runs them for minutes).
import fc from 'fast-check';
import type { Finding, WorkbookModel } from '../../src/core';
import { ModelRow, rulesModel, sheetOf, workbookOf } from '../helpers/model';
import { RUNS_METAMORPHIC, seedFor } from './cases';
import { runCheck } from './oracles';
import { generateSet } from '../corpus/generate';
import { runSet } from '../corpus/score';

interface IndicatorDef {
  code: string;
  section: string;
  name: string;
  uom: string;
  /** The least a unit must reach; null for an indicator without a target. */
  min: number | null;
  severity: 'Lỗi' | 'Cảnh báo';
}

const INDICATORS: IndicatorDef[] = [
  { code: 'SO_HO', section: 'Mặt trận', name: 'Tổng số hộ gia đình', uom: 'hộ', min: null, severity: 'Lỗi' },
  { code: 'GDVH', section: 'Mặt trận', name: 'Số hộ đạt danh hiệu gia đình văn hóa', uom: 'hộ', min: 100, severity: 'Cảnh báo' },
  { code: 'KDC', section: 'Mặt trận', name: 'Số khu dân cư văn hóa', uom: 'khu', min: 3, severity: 'Cảnh báo' },
  { code: 'HND_KN', section: 'Hội Nông dân', name: 'Kết nạp hội viên nông dân mới', uom: 'người', min: 10, severity: 'Lỗi' },
  { code: 'HND_HV', section: 'Hội Nông dân', name: 'Tổng số hội viên nông dân', uom: 'người', min: 200, severity: 'Cảnh báo' },
  { code: 'CCB_HV', section: 'Hội Cựu chiến binh', name: 'Số hội viên cựu chiến binh', uom: 'người', min: 50, severity: 'Cảnh báo' },
];

/** Names no two of which are alike (no one inside another, no diacritic twins). */
const PLACES = ['Yên Bình', 'Tân Thành', 'Hòa Lạc', 'Đông Sơn', 'Minh Khai', 'Quang Trung', 'Phú Lương', 'Bắc Hà', 'Kim Liên', 'Ngọc Khánh', 'Thạch Bàn', 'Vĩnh Tuy'];
const LEVELS = ['Xã', 'Phường'] as const;

interface UnitDef {
  name: string;
  /** A figure per indicator code; null leaves the cell blank. */
  figures: Record<string, number | null>;
}

interface SetDef {
  units: UnitDef[];
  /** Own report per unit, or one table with a row per unit. */
  layout: 'indicator-per-row' | 'unit-per-row';
  /** Column order of the indicator-per-row report (STT first or not, unit of measure or not). */
  withUom: boolean;
  /** A spare name for renaming and adding. */
  spare: string[];
}

const figureArb = (d: IndicatorDef): fc.Arbitrary<number | null> =>
  fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: d.min === null ? 3000 : d.min * 2 }) }, { weight: 1, arbitrary: fc.constant(null) });

const setArb: fc.Arbitrary<SetDef> = fc
  .record({
    places: fc.shuffledSubarray(PLACES, { minLength: 4, maxLength: 9 }),
    level: fc.constantFrom(...LEVELS),
    figures: fc.array(fc.record(Object.fromEntries(INDICATORS.map((d) => [d.code, figureArb(d)])) as Record<string, fc.Arbitrary<number | null>>), { minLength: 6, maxLength: 6 }),
    layout: fc.constantFrom('indicator-per-row' as const, 'unit-per-row' as const),
    withUom: fc.boolean(),
  })
  .map(({ places, level, figures, layout, withUom }) => {
    const count = Math.min(places.length - 2, figures.length);
    const units = places.slice(0, count).map((p, i) => ({ name: `${level} ${p}`, figures: { ...figures[i] } }));
    // A household count never below the cultured ones, so the cross check fails only on purpose.
    for (const u of units) if (u.figures.SO_HO !== null && u.figures.GDVH !== null) u.figures.SO_HO = Math.max(u.figures.SO_HO, u.figures.GDVH);
    return { units, layout, withUom, spare: places.slice(count).map((p) => `${level} ${p}`) };
  });

function rulesOf(set: SetDef): WorkbookModel {
  const rows: ModelRow[] = INDICATORS.map((d) => [d.code, d.section, d.name, '', d.uom, d.min === null ? '' : `ít nhất ${d.min}`, d.min === null ? '' : 'Mỗi đơn vị', d.severity, '']);
  return rulesModel(rows, { checks: [['K1', 'GDVH <= SO_HO', 'Lỗi', '']], roster: set.units.map((u) => [u.name, '', u.name.split(' ')[0]]) });
}

/** A unit's own report: its name in the header, sections with their indicators. */
function ownReport(u: UnitDef, set: SetDef, order: (rows: ModelRow[]) => ModelRow[] = (r) => r): WorkbookModel {
  const head: ModelRow = set.withUom ? ['STT', 'Nội dung', 'Đơn vị tính', 'Thực hiện'] : ['STT', 'Nội dung', 'Thực hiện'];
  const rows: ModelRow[] = [[`ĐẢNG ỦY ${u.name.toUpperCase()}`], ['BAN DÂN VẬN'], [], ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023'], [], head];
  const sections = [...new Set(INDICATORS.map((d) => d.section))];
  sections.forEach((section, s) => {
    rows.push([['I', 'II', 'III'][s], section.toUpperCase()]);
    const body = INDICATORS.filter((d) => d.section === section).map((d, i): ModelRow => (set.withUom ? [i + 1, d.name, d.uom, u.figures[d.code] ?? undefined] : [i + 1, d.name, u.figures[d.code] ?? undefined]));
    rows.push(...order(body));
  });
  return workbookOf(`${u.name}.xlsx`, sheetOf('Biểu 01', rows));
}

/** One table for all units, a row per unit. */
function tableReport(units: UnitDef[]): WorkbookModel {
  const rows: ModelRow[] = [['BẢNG TỔNG HỢP KẾT QUẢ NĂM 2023'], [], ['STT', 'Đơn vị', ...INDICATORS.map((d) => d.name)]];
  units.forEach((u, i) => rows.push([i + 1, u.name, ...INDICATORS.map((d) => u.figures[d.code] ?? undefined)]));
  return workbookOf('tong-hop.xlsx', sheetOf('Tổng hợp', rows));
}

function reportsOf(set: SetDef): WorkbookModel[] {
  return set.layout === 'unit-per-row' ? [tableReport(set.units)] : set.units.map((u) => ownReport(u, set));
}

/** A finding as the relations compare it: everything but the order findings come in. */
const key = (f: Finding) => JSON.stringify([f.kind, f.severity, f.unit, f.indicator, f.check, f.actual, f.expected, f.file, f.sheet, f.cell, f.message]);
const keys = (fs: Finding[]) => fs.map(key).sort();
const check = (set: SetDef, reports: WorkbookModel[] = reportsOf(set)) => runCheck(rulesOf(set), reports).result;

// Generous: the machine may be busy; nothing here is timed.
jest.setTimeout(300_000);

const options = (salt: number) => ({ seed: seedFor(0x3e7a00 + salt), numRuns: RUNS_METAMORPHIC });

describe('metamorphic relations on generated report sets', () => {
  test('files in another order: the same findings', () => {
    fc.assert(
      fc.property(setArb, fc.func(fc.integer()), (set, rank) => {
        const reports = reportsOf(set);
        const shuffled = [...reports].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
        expect(keys(check(set, shuffled).findings)).toEqual(keys(check(set, reports).findings));
      }),
      options(1),
    );
  });

  test("a workbook's sheets in another order: the same findings", () => {
    fc.assert(
      fc.property(setArb, (set) => {
        // All reports as sheets of one workbook, then the same sheets reversed.
        const own = set.units.map((u) => ownReport(u, set).sheets[0]);
        own.forEach((s, i) => (s.name = `Biểu ${i + 1}`));
        const forward = workbookOf('bao-cao.xlsx', ...own);
        const backward = workbookOf('bao-cao.xlsx', ...[...own].reverse());
        expect(keys(check(set, [backward]).findings)).toEqual(keys(check(set, [forward]).findings));
      }),
      options(2),
    );
  });

  test('rows of a section in another order: the same findings, at the rows the figures moved to', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        const reversed = set.layout === 'unit-per-row' ? [tableReport([...set.units].reverse())] : set.units.map((u) => ownReport(u, set, (rows) => [...rows].reverse()));
        // Compare without the cell: where each figure stands is what changed.
        const loose = (fs: Finding[]) => fs.map((f) => JSON.stringify([f.kind, f.severity, f.unit, f.indicator, f.check, f.actual, f.expected, f.file, f.sheet, f.message.replace(/ô [A-Z]+\d+/g, 'ô ?')])).sort();
        const before = check(set).findings;
        const after = check(set, reversed).findings;
        expect(loose(after)).toEqual(loose(before));
        // And every finding about a figure points at the row holding that figure's label.
        for (const f of after.filter((x) => x.cell && x.indicator && x.unit !== '*')) {
          const wb = reversed.find((w) => w.name === f.file)!;
          const sheet = wb.sheets.find((s) => s.name === f.sheet)!;
          const row = Number(/\d+$/.exec(f.cell!)![0]);
          const texts = (sheet.rows[row] ?? []).map((c) => (c && typeof c.value === 'string' ? c.value : ''));
          const name = set.layout === 'unit-per-row' ? f.unit : INDICATORS.find((d) => d.code === f.indicator)?.name;
          if (name) expect([f.cell, texts.includes(name)]).toEqual([f.cell, true]);
        }
      }),
      options(3),
    );
  });

  test('a unit added that meets every target: no other finding removed, none about it', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        const good: UnitDef = { name: set.spare[0], figures: Object.fromEntries(INDICATORS.map((d) => [d.code, d.min === null ? 5000 : d.min * 3])) };
        const grown: SetDef = { ...set, units: [...set.units, good] };
        const before = check(set).findings.filter((f) => f.unit !== '*' && f.unit !== '');
        const after = check(grown).findings;
        const kept = new Set(keys(after));
        for (const f of before) expect([key(f), kept.has(key(f))]).toEqual([key(f), true]);
        expect(after.filter((f) => f.unit === good.name).map(key)).toEqual([]);
      }),
      options(4),
    );
  });

  test('a unit renamed in the roster and its report: the same findings under the new name', () => {
    fc.assert(
      fc.property(setArb, fc.nat(), (set, which) => {
        const old = set.units[which % set.units.length];
        const renamed: SetDef = { ...set, units: set.units.map((u) => (u === old ? { ...u, name: set.spare[0] } : u)) };
        const swap = (s: string) => s.split(old.name).join(set.spare[0]).split(old.name.toUpperCase()).join(set.spare[0].toUpperCase());
        const expected = check(set).findings.map((f) => JSON.parse(swap(key(f))) as unknown[]);
        const got = check(renamed).findings.map((f) => JSON.parse(key(f)) as unknown[]);
        const sorted = (xs: unknown[][]) => xs.map((x) => JSON.stringify(x)).sort();
        expect(sorted(got)).toEqual(sorted(expected));
      }),
      options(5),
    );
  });

  test('one figure raised above its target: that shortfall gone, every other finding the same', () => {
    fc.assert(
      fc.property(setArb, fc.nat(), (set, pick) => {
        const before = check(set).findings;
        const short = before.filter((f) => f.kind === 'shortfall' && f.unit !== '*' && f.indicator);
        fc.pre(short.length > 0);
        const target = short[pick % short.length];
        const d = INDICATORS.find((x) => x.code === target.indicator)!;
        const raised: SetDef = {
          ...set,
          units: set.units.map((u) => (u.name === target.unit ? { ...u, figures: { ...u.figures, [d.code]: d.min! + 1, ...(d.code === 'GDVH' && (u.figures.SO_HO ?? 0) < d.min! + 1 ? { SO_HO: d.min! + 1 } : {}) } } : u)),
        };
        const after = check(raised).findings;
        const about = (f: Finding) => f.unit === target.unit && (f.indicator === d.code || (d.code === 'GDVH' && f.indicator === 'SO_HO') || f.check !== null);
        expect(after.filter((f) => f.kind === 'shortfall' && f.unit === target.unit && f.indicator === d.code)).toEqual([]);
        // Area totals move with the figure; everything about other units stays as it was.
        const rest = (fs: Finding[]) => keys(fs.filter((f) => f.unit !== '*' && !about(f)));
        expect(rest(after)).toEqual(rest(before));
      }),
      options(6),
    );
  });
});

describe('metamorphic relations on the identity corpus', () => {
  // The corpus's sets hold what order could sway: duplicates, association tables that repeat a
  // unit's own figures, names written at two levels, unreadable files.
  test.each([[3], [11], [27], [42], [58]])('set %i: files read in reverse order give the same findings and statuses', async (seed) => {
    const set = await generateSet(seed);
    const reversed = { ...set, files: [...set.files].reverse() };
    const [a, b] = [await runSet(set), await runSet(reversed)];
    expect(keys(b.findings)).toEqual(keys(a.findings));
    expect(b.units.map((u) => [u.unit, u.status])).toEqual(a.units.map((u) => [u.unit, u.status]));
  });
});
