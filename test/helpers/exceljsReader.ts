// The reading the command line and the pane used before src/files/xlsx.ts: ExcelJS's full load,
// turned into the workbook model. Kept here, in the tests only, as the reference the new reader
// is compared with on every .xlsx in the project (test/files/xlsx.test.ts).
import ExcelJS from 'exceljs';
import { Cell, CellValue, Sheet, WorkbookModel, newSheet, parseAddress, setCell } from '../../src/core/model';

export async function readWithExcelJS(buf: Uint8Array, name: string): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => sheets.push(toSheet(ws)));
  return { name, sheets };
}

function toSheet(ws: ExcelJS.Worksheet): Sheet {
  const sheet = newSheet(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) sheet.hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.isMerged && c.master !== c) return;
      const cell = toCell(c);
      if (cell) setCell(sheet, r, col, cell);
    });
  });
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const m of merges) {
    const [a, b] = m.split(':');
    const tl = parseAddress(a);
    const br = parseAddress(b ?? a);
    if (tl && br) sheet.merges.push({ top: tl.row, left: tl.col, bottom: br.row, right: br.col });
  }
  ws.columns?.forEach((col, i) => {
    if (col && col.hidden) sheet.hiddenCols.push(i + 1);
  });
  return sheet;
}

function toCell(c: ExcelJS.Cell): Cell | null {
  const v = c.value as unknown;
  const numFmt = c.numFmt || undefined;
  const font = c.font?.name;
  const base = (value: CellValue, formula?: string): Cell => ({ value, ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}), ...(font ? { font } : {}) });
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return base(v);
  if (typeof v === 'number' || typeof v === 'boolean') return base(v);
  if (v instanceof Date) return base(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return base({ error: o.error });
    if ('formula' in o || 'sharedFormula' in o) {
      // The old reader took a shared formula's master address (o.sharedFormula) for its text;
      // ExcelJS's own translation (c.formula) is what the formula is, and what the new reader gives.
      const formula = String(o.formula ?? c.formula ?? '');
      return base(resultValue(o.result), formula);
    }
    if ('richText' in o && Array.isArray(o.richText)) {
      const runs = o.richText as Array<{ text: string; font?: { name?: string } }>;
      const runFont = runs.find((r) => r.font?.name)?.font?.name;
      const cell = base(runs.map((r) => r.text).join(''));
      if (!cell.font && runFont) cell.font = runFont;
      return cell;
    }
    if ('text' in o && 'hyperlink' in o) return base(String(o.text));
  }
  return base(String(v));
}

function resultValue(r: unknown): CellValue {
  if (r === undefined || r === null) return null;
  if (typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean') return r;
  if (r instanceof Date) return r;
  if (typeof r === 'object' && 'error' in (r as object)) return { error: String((r as { error: unknown }).error) };
  return String(r);
}
