// Templates for the next round ("biểu mẫu"): one report sheet per roster unit (or one for any unit
// without a roster) with the office's heading, the unit, the period, the indicators grouped by
// section with their units of measure, and columns Kế hoạch / Thực hiện / Cùng kỳ / Ghi chú.
// Labels are locked and the sheet protected without a password; figure cells are open and take
// only what their indicator allows. A hidden column holds each row's code under a header chitieu
// knows (the 'code' column in vocabulary.ts), so a filled template is read row by code, exactly.
import { isWholeCount } from './checks';
import { Expr, codesOf, toExcelFormula } from './expressions';
import { columnLetter } from './model';
import { PlannedCell, PlannedSheet, PlannedValidation, fitRowHeights } from './plan';
import { empty, header, num, text } from './plan-cells';
import { printArea } from './plan-print';
import { Indicator, Rules } from './rules';

export const TEMPLATE_SHEET = 'Báo cáo';
/** The hidden code column's header; the reader's 'code' column phrase (vocabulary.ts) is the same text. */
export const TEMPLATE_CODE_HEADER = 'Mã chỉ tiêu (chitieu)';
export const TEMPLATE_HEADS = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện', 'Cùng kỳ năm trước', 'Ghi chú'];
/** Header row, figure columns (Kế hoạch, Thực hiện, Cùng kỳ), the note column and the hidden code column. */
export const TEMPLATE_LAYOUT = { headerRow: 5, plan: 4, value: 5, lastYear: 6, note: 7, code: 8 } as const;
const WIDTHS = [6, 50, 12, 13, 13, 13, 24, 14];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

export interface TemplateOptions {
  /** The office sending the template ("Ban Dân vận Thị ủy Hòa Bình"), at the top. */
  office?: string;
}

export interface Template {
  /** The roster unit it is for; null: one template for any unit, which types its own name. */
  unit: string | null;
  sheet: PlannedSheet;
}

export function planTemplates(rules: Rules, opts: TemplateOptions = {}): Template[] {
  const units: Array<string | null> = rules.roster.length ? rules.roster.map((u) => u.name) : [null];
  return units.map((unit) => ({ unit, sheet: templateSheet(rules, unit, opts) }));
}

/** What a figure cell of an indicator takes, and how it shows. */
export function figureRule(ind: Indicator): { kind: 'whole' | 'decimal'; min: number; max?: number; numFmt: string; error: string } {
  if (ind.rate) return { kind: 'decimal', min: 0, max: 100, numFmt: '0.00', error: 'Tỷ lệ ghi bằng số phần trăm từ 0 đến 100 (ví dụ 99,6).' };
  if (isWholeCount(ind)) return { kind: 'whole', min: 0, numFmt: '#,##0', error: `Ghi số nguyên không âm (${ind.unitOfMeasure}).` };
  return { kind: 'decimal', min: 0, numFmt: '#,##0.##', error: `Ghi số không âm${ind.unitOfMeasure ? ` (${ind.unitOfMeasure})` : ''}.` };
}

function templateSheet(rules: Rules, unit: string | null, opts: TemplateOptions): PlannedSheet {
  const L = TEMPLATE_LAYOUT;
  const sheet: PlannedSheet = { name: TEMPLATE_SHEET, cells: [], merges: [], widths: [...WIDTHS], frozenRows: L.headerRow, frozenCols: 0, hiddenCols: [L.code], validations: [], protect: true };
  const line = (row: number, cell: Omit<PlannedCell, 'row' | 'col'>) => {
    sheet.cells.push({ row, col: 1, ...cell });
    sheet.merges.push({ top: row, left: 1, bottom: row, right: L.note });
  };
  if (opts.office) line(1, { value: text(opts.office.toLocaleUpperCase('vi')), bold: true });
  if (unit) line(2, { value: text(unit), bold: true });
  else {
    // Any unit: it types its name here, the one open cell above the table.
    line(2, { value: empty, bold: true, unlocked: true });
    sheet.validations!.push({ range: 'A2', kind: 'text', prompt: 'Ghi tên đơn vị báo cáo (phường, xã…).' });
  }
  line(3, { value: text(`BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU – ${rules.period.label.toLocaleUpperCase('vi')}`), bold: true, align: 'center' });
  TEMPLATE_HEADS.forEach((h, i) => sheet.cells.push(header(L.headerRow, i + 1, h)));
  sheet.cells.push(header(L.headerRow, L.code, TEMPLATE_CODE_HEADER, { bold: false }));
  const last = indicatorRows(rules, sheet, L.headerRow + 1);
  sheet.cells.push({ row: last + 2, col: 2, value: text('NGƯỜI LẬP BIỂU'), bold: true, align: 'center' }, { row: last + 2, col: 5, value: text('THỦ TRƯỞNG ĐƠN VỊ'), bold: true, align: 'center' });
  sheet.merges.push({ top: last + 2, left: 5, bottom: last + 2, right: 7 });
  sheet.rowHeights = fitRowHeights(sheet);
  const area = printArea(sheet);
  sheet.page = { orientation: 'portrait', fitToWidth: true, repeatRows: `${L.headerRow}:${L.headerRow}`, ...(area ? { printArea: area } : {}), footer: `${unit ?? 'Đơn vị'} – ${rules.period.label}` };
  return sheet;
}

/** Section rows ("I", its name) and indicator rows under them, in the rules' order; returns the last row. */
function indicatorRows(rules: Rules, sheet: PlannedSheet, first: number): number {
  const groups = [...rules.sections, ''].map((s) => ({ section: s, inds: rules.indicators.filter((i) => i.section === s) })).filter((g) => g.inds.length);
  // Each indicator's row, first, so a rate's formula can point at its parts' rows.
  const rowOf = new Map<string, number>();
  let row = first;
  for (const g of groups) {
    if (g.section) row++;
    for (const ind of g.inds) rowOf.set(ind.code, row++);
  }
  row = first;
  groups.forEach((g, gi) => {
    if (g.section) {
      sheet.cells.push({ row, col: 1, value: text(ROMAN[gi] ?? String(gi + 1)), bold: true, align: 'center' }, { row, col: 2, value: text(g.section), bold: true, wrap: true });
      row++;
    }
    g.inds.forEach((ind, i) => indicatorRow(rules, sheet, ind, i + 1, row++, rowOf));
  });
  return row - 1;
}

/** One indicator's row: its number, name, unit of measure, figure cells (open, or its rate's formula), note and code. */
function indicatorRow(rules: Rules, sheet: PlannedSheet, ind: Indicator, stt: number, row: number, rowOf: ReadonlyMap<string, number>) {
  const L = TEMPLATE_LAYOUT;
  const rule = figureRule(ind);
  const computed = rateFormula(ind, rules, rowOf);
  sheet.cells.push(
    { row, col: 1, value: num(stt), align: 'center' },
    { row, col: 2, value: text(ind.name), wrap: true },
    { row, col: 3, value: text(ind.unitOfMeasure || (ind.rate ? '%' : '')), align: 'center' },
    ...[L.plan, L.value, L.lastYear].map(
      (col): PlannedCell =>
        computed
          ? // Computed from its parts on the same sheet, locked: the unit never types a rate.
            { row, col, value: { formula: computed.formula(columnLetter(col)) }, numFmt: rule.numFmt, ...(col === L.value ? { note: computed.note } : {}) }
          : { row, col, value: empty, numFmt: rule.numFmt, unlocked: true },
    ),
    { row, col: L.note, value: empty, unlocked: true, wrap: true },
    { row, col: L.code, value: text(ind.code) },
  );
  if (!computed) {
    const validation: PlannedValidation = { range: `D${row}:F${row}`, kind: rule.kind, min: rule.min, ...(rule.max !== undefined ? { max: rule.max } : {}), error: rule.error };
    sheet.validations!.push(validation);
  }
}

/**
 * A rate's formula over its parts' rows in one figure column, in percent points as typed rates
 * are ("99,6"), and blank while a part is blank or a divisor is 0: never a rate of 0 for a figure
 * not yet typed. Null when a part has no row of its own or is itself computed (a rate of rates
 * is left to be typed, and the check recomputes it).
 */
export function rateFormula(ind: Indicator, rules: Rules, rowOf: ReadonlyMap<string, number>): { formula: (column: string) => string; note: string } | null {
  const expr = ind.formula;
  if (!expr) return null;
  const parts = codesOf(expr);
  if (!parts.length || parts.some((c) => !rowOf.has(c) || rules.byCode.get(c)?.formula)) return null;
  const divisors: Expr[] = [];
  const walk = (e: Expr): void => {
    if (e.type === 'arith') {
      if (e.op === '/') divisors.push(e.right);
      walk(e.left);
      walk(e.right);
    } else if (e.type === 'negate') walk(e.arg);
  };
  walk(expr);
  const formula = (column: string) => {
    const ref = (code: string) => `${column}${rowOf.get(code)}`;
    const guards = [...parts.map((c) => `${ref(c)}=""`), ...divisors.map((d) => `${toExcelFormula(d, ref)}=0`)];
    return guards.reduceRight((inner, guard) => `IF(${guard},"",${inner})`, `(${toExcelFormula(expr, ref)})*100`);
  };
  const names = parts.map((c) => `"${rules.byCode.get(c)!.name}"`).join(', ');
  return { formula, note: `Tự tính từ ${names} trên trang này (phần trăm); không cần ghi.` };
}
