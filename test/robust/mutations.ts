// Mutations of the six bundled sample reports: each case deep-copies some of the samples (as read
// once by readWorkbookBuffer) and edits the copies the way units and accidents edit reports.
import fc from 'fast-check';
import { Cell, WorkbookModel, setCell } from '../../src/core/model';
import type { Rules } from '../../src/core';
import { deepClone } from './oracles';
import { HEADER_WORDINGS, INJECTIONS, PART_YEAR_TITLES, JunkSheetSpec, MergeSpec, PROTO_WORDS, buildJunkSheet, cellArb, encodeTCVN3, junkSheetArb } from './arbitraries';

export type Mutation =
  | { op: 'set'; row: number; col: number; cell: Cell }
  | { op: 'clear'; row: number; col: number }
  | { op: 'move-row'; from: number; to: number }
  | { op: 'swap-rows'; a: number; b: number }
  | { op: 'delete-row'; row: number }
  | { op: 'insert-row'; row: number; cells: Array<Cell | null> }
  | { op: 'reword-header'; row: number; col: number; text: string }
  | { op: 'unmerge'; index: number }
  | { op: 'unmerge-all' }
  | { op: 'merge'; merge: MergeSpec }
  | { op: 'rename-sheet'; name: string }
  | { op: 'clear-title'; rows: number }
  | { op: 'legacy-row'; row: number; font: string | null }
  | { op: 'nfd-row'; row: number }
  | { op: 'hide-row'; row: number }
  | { op: 'add-sheet'; sheet: JunkSheetSpec; first: boolean }
  | { op: 'copy-sheet'; name: string }
  | { op: 'rename-file'; name: string }
  | { op: 'period'; title: string }
  | { op: 'last-year'; factor: number };

const row = fc.integer({ min: 1, max: 55 });
const col = fc.integer({ min: 1, max: 9 });
const HEADER_TEXTS = [...Object.values(HEADER_WORDINGS).flat(), 'Đơn vị', 'Tổng cộng', '', 'Kết quả', 'KH', 'Số liệu', '__proto__', ...INJECTIONS];
/** What replaces a figure: text, blanks, error values, huge numbers, or any cell at all. */
const replacement: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    { value: 'khoảng 40' },
    { value: 'đang tổng hợp' },
    { value: '' },
    { value: '   ' },
    { value: null },
    { value: { error: '#DIV/0!' } },
    { value: { error: '#N/A' } },
    { value: 1e300 },
    { value: Number.MAX_VALUE },
    { value: -Number.MAX_VALUE },
    { value: NaN },
    { value: Infinity },
    { value: '1.250' },
    { value: '99,75%' },
    { value: '-' },
    { value: 'x' },
  ),
  cellArb,
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), row, col, cell: replacement }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('clear' as const), row, col }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move-row' as const), from: row, to: row }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap-rows' as const), a: row, b: row }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete-row' as const), row }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert-row' as const), row, cells: fc.array(fc.option(cellArb, { nil: null }), { maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reword-header' as const), row: fc.integer({ min: 6, max: 9 }), col, text: fc.constantFrom(...HEADER_TEXTS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unmerge' as const), index: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'unmerge-all' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), merge: fc.record({ top: row, left: col, height: fc.nat(4), width: fc.nat(6) }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename-sheet' as const), name: fc.constantFrom('Sheet1', 'Biểu 02', 'PhuongHoaLac', 'Xã Yên Bình', '', ...PROTO_WORDS, ...INJECTIONS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('clear-title' as const), rows: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('legacy-row' as const), row, font: fc.constantFrom('.VnTime', '.VnTimeH', null) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nfd-row' as const), row }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('hide-row' as const), row }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add-sheet' as const), sheet: junkSheetArb, first: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy-sheet' as const), name: fc.constantFrom('Biểu 01 (2)', 'Sheet2', 'Xã Minh Khai') }) },
  // The report retitled to a part of the year: targets are prorated ("behind pace").
  { weight: 4, arbitrary: fc.record({ op: fc.constant('period' as const), title: fc.constantFrom(...PART_YEAR_TITLES) }) },
  // A "Cùng kỳ" column after the table, last year's figures this year's times a factor: ten
  // times or a tenth is the outlier warning's case, the others are not.
  { weight: 6, arbitrary: fc.record({ op: fc.constant('last-year' as const), factor: fc.constantFrom(1, 1.2, 10, 0.1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename-file' as const), name: fc.constantFrom('bao cao.xlsx', 'Minh Khai.xlsx', 'PhuongHoaLac.xlsx', '__proto__.xlsx', '.xlsx', '=1+1.xlsx') }) },
);

export interface MutationCase {
  /** Which samples (0-5) are sent, in which order. */
  picks: number[];
  /** Samples sent a second time (a unit that sent twice). */
  again: number[];
  /** Each mutation applies to one workbook of the case (by index) and one of its sheets. */
  mutations: Array<{ target: number; sheet: number; m: Mutation }>;
}

export const mutationCaseArb: fc.Arbitrary<MutationCase> = fc.record({
  picks: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
  again: fc.array(fc.nat(5), { maxLength: 1 }),
  mutations: fc.array(fc.record({ target: fc.nat(7), sheet: fc.nat(2), m: mutationArb }), { minLength: 1, maxLength: 12 }),
});

function textCells(wb: WorkbookModel, sheet: number, r: number, f: (c: Cell) => void) {
  const s = wb.sheets[sheet % wb.sheets.length];
  for (const c of s.rows[r] ?? []) if (c && typeof c.value === 'string') f(c);
}

function apply(wb: WorkbookModel, sheetIdx: number, m: Mutation, rules: Rules, k: number): void {
  if (wb.sheets.length === 0) return;
  const s = wb.sheets[sheetIdx % wb.sheets.length];
  switch (m.op) {
    case 'set':
      setCell(s, m.row, m.col, { ...m.cell });
      return;
    case 'clear':
      if (s.rows[m.row]) delete s.rows[m.row]![m.col];
      return;
    case 'move-row': {
      const [moved] = s.rows.splice(m.from, 1);
      s.rows.splice(m.to, 0, moved);
      return;
    }
    case 'swap-rows':
      [s.rows[m.a], s.rows[m.b]] = [s.rows[m.b], s.rows[m.a]];
      return;
    case 'delete-row':
      s.rows.splice(m.row, 1);
      return;
    case 'insert-row': {
      const cells: Array<Cell | undefined> = [];
      m.cells.forEach((c, i) => {
        if (c) cells[i + 1] = { ...c };
      });
      s.rows.splice(m.row, 0, cells);
      return;
    }
    case 'reword-header':
      setCell(s, m.row, m.col, { value: m.text });
      return;
    case 'unmerge':
      s.merges.splice(m.index % Math.max(1, s.merges.length), 1);
      return;
    case 'unmerge-all':
      s.merges = [];
      return;
    case 'merge':
      s.merges.push({ top: m.merge.top, left: m.merge.left, bottom: m.merge.top + m.merge.height, right: m.merge.left + m.merge.width });
      return;
    case 'rename-sheet':
      s.name = m.name;
      return;
    case 'clear-title':
      for (let r = 1; r <= m.rows; r++) delete s.rows[r];
      return;
    case 'legacy-row':
      textCells(wb, sheetIdx, m.row, (c) => {
        c.value = encodeTCVN3(c.value as string);
        if (m.font) c.font = m.font;
        else delete c.font;
      });
      return;
    case 'nfd-row':
      textCells(wb, sheetIdx, m.row, (c) => {
        c.value = (c.value as string).normalize('NFD');
      });
      return;
    case 'hide-row':
      s.hiddenRows.push(m.row);
      return;
    case 'add-sheet': {
      const junk = buildJunkSheet(m.sheet, rules);
      if (m.first) wb.sheets.unshift(junk);
      else wb.sheets.push(junk);
      return;
    }
    case 'copy-sheet':
      wb.sheets.push({ ...deepClone(s), name: m.name });
      return;
    case 'rename-file':
      wb.name = `${k} ${m.name}`;
      return;
    case 'period':
      // The title that names the year, or else a line above the table.
      for (let r = 1; r <= 8; r++) {
        const c = (s.rows[r] ?? []).find((x) => x && typeof x.value === 'string' && /năm 20\d\d/i.test(x.value));
        if (c) {
          c.value = m.title;
          return;
        }
      }
      setCell(s, 1, 1, { value: m.title });
      return;
    case 'last-year': {
      // The samples' header row starts with "STT"; their figures stand in column E, notes in G.
      const head = s.rows.findIndex((x) => x?.[1]?.value === 'STT');
      if (head < 0) return;
      setCell(s, head, 8, { value: 'Cùng kỳ năm trước' });
      for (let r = head + 1; r < s.rows.length; r++) {
        const v = s.rows[r]?.[5]?.value;
        if (typeof v === 'number' && Number.isFinite(v)) setCell(s, r, 8, { value: Math.round(v * m.factor) });
      }
      return;
    }
  }
}

/** Fresh deep copies of the chosen samples with the case's mutations applied. */
export function mutateSamples(samples: readonly WorkbookModel[], c: MutationCase, rules: Rules): WorkbookModel[] {
  const wbs = c.picks.map((i) => deepClone(samples[i]));
  for (const i of c.again) wbs.push({ ...deepClone(samples[i]), name: `lan 2 - ${samples[i].name}` });
  for (const { target, sheet, m } of c.mutations) apply(wbs[target % wbs.length], sheet, m, rules, target % wbs.length);
  return wbs;
}
