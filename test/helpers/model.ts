// Workbook models built directly, for engine tests that need no file at all.
import { CellRange, CellValue, Sheet, WorkbookModel, newSheet, parseAddress, setCell } from '../../src/core/model';

export type ModelRow = Array<CellValue | undefined>;

export function sheetOf(name: string, rows: ModelRow[], opts: { merges?: string[]; font?: string; numFmts?: Record<string, string>; formulas?: Record<string, string> } = {}): Sheet {
  const s = newSheet(name);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === undefined || v === null) return;
      setCell(s, i + 1, j + 1, { value: v, ...(opts.font ? { font: opts.font } : {}) });
    }),
  );
  for (const [addr, fmt] of Object.entries(opts.numFmts ?? {})) {
    const a = parseAddress(addr)!;
    s.rows[a.row]![a.col]!.numFmt = fmt;
  }
  for (const [addr, f] of Object.entries(opts.formulas ?? {})) {
    const a = parseAddress(addr)!;
    s.rows[a.row]![a.col]!.formula = f;
  }
  s.merges = (opts.merges ?? []).map((m): CellRange => {
    const [a, b] = m.split(':').map((x) => parseAddress(x)!);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return s;
}

export function workbookOf(name: string, ...sheets: Sheet[]): WorkbookModel {
  return { name, sheets };
}

export const RULES_HEADER = ['Mã', 'Nhóm', 'Chỉ tiêu', 'Tên gọi khác', 'Đơn vị tính', 'Điều kiện', 'Phạm vi', 'Mức độ', 'Công thức'];

/** Rules as a model: rows are [code, section, name, aliases, uom, condition, scope, severity, formula]. */
export function rulesModel(rows: ModelRow[], opts: { title?: string; checks?: ModelRow[]; roster?: ModelRow[] } = {}): WorkbookModel {
  const sheets = [sheetOf('Chỉ tiêu', [[opts.title ?? 'CHỈ TIÊU NĂM 2023'], [], RULES_HEADER, ...rows])];
  if (opts.checks) sheets.push(sheetOf('Kiểm tra chéo', [['Mã', 'Biểu thức', 'Mức độ', 'Ghi chú'], ...opts.checks]));
  if (opts.roster) sheets.push(sheetOf('Đơn vị', [['Tên đơn vị', 'Tên gọi khác', 'Cấp'], ...opts.roster]));
  return workbookOf('rules.xlsx', ...sheets);
}
