// Templates for the next round ("biểu mẫu"): one report sheet per roster unit (or one for any unit
// without a roster) with the office's heading, the unit, the period, the indicators grouped by
// section with their units of measure, and columns Kế hoạch / Thực hiện / Cùng kỳ / Ghi chú.
// Labels are locked and the sheet protected without a password; figure cells are open and take
// only what their indicator allows. A hidden column holds each row's code under a header chitieu
// knows (the 'code' column in vocabulary.ts), so a filled template is read row by code, exactly.
import { isWholeCount } from './checks';
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
  const L = TEMPLATE_LAYOUT;
  const groups = [...rules.sections, ''].map((s) => ({ section: s, inds: rules.indicators.filter((i) => i.section === s) })).filter((g) => g.inds.length);
  let row = first;
  groups.forEach((g, gi) => {
    if (g.section) {
      sheet.cells.push({ row, col: 1, value: text(ROMAN[gi] ?? String(gi + 1)), bold: true, align: 'center' }, { row, col: 2, value: text(g.section), bold: true, wrap: true });
      row++;
    }
    g.inds.forEach((ind, i) => {
      const rule = figureRule(ind);
      sheet.cells.push(
        { row, col: 1, value: num(i + 1), align: 'center' },
        { row, col: 2, value: text(ind.name), wrap: true },
        { row, col: 3, value: text(ind.unitOfMeasure || (ind.rate ? '%' : '')), align: 'center' },
        ...[L.plan, L.value, L.lastYear].map((col): PlannedCell => ({ row, col, value: empty, numFmt: rule.numFmt, unlocked: true })),
        { row, col: L.note, value: empty, unlocked: true, wrap: true },
        { row, col: L.code, value: text(ind.code) },
      );
      const validation: PlannedValidation = { range: `D${row}:F${row}`, kind: rule.kind, min: rule.min, ...(rule.max !== undefined ? { max: rule.max } : {}), error: rule.error };
      sheet.validations!.push(validation);
      row++;
    });
  });
  return row - 1;
}
