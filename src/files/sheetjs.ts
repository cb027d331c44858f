// Excel 97–2003 (.xls), OpenDocument (.ods) and Excel binary (.xlsb) workbooks into the engine's
// workbook model, through SheetJS (@e965/xlsx). Loaded with import() only when such a file comes,
// so the pane's first load and the .xlsx path never carry it. The same limits as for .xlsx hold:
// what the file's size and zip directory say is checked by the caller before this runs; rows,
// cells, sheets and text length are checked here as the workbook is turned into the model.
import * as XLSX from '@e965/xlsx';
import { Cell, CellValue, Sheet, WorkbookModel, cellAddress, newSheet, setCell } from '../core/model';
import { isDateFormat, serialToDate } from '../core/dates';
import { formatNumber } from '../core/numbers';
import type { ReadLimits } from './read';

export type SheetJsFormat = 'xls' | 'ods' | 'xlsb' | 'xml' | 'html';

/** How each format is named to the user, and what to do when it cannot be read. */
export const FORMAT_NAMES: Record<SheetJsFormat, string> = {
  xls: 'Excel 97–2003 (.xls)',
  ods: 'OpenDocument (.ods)',
  xlsb: 'Excel nhị phân (.xlsb)',
  xml: 'Bảng tính XML 2003',
  html: 'bảng HTML (trang web lưu với đuôi .xls)',
};

/** Why a file could not be read, as a Vietnamese sentence naming the file; thrown as ReadError by the caller. */
export class SheetJsRefusal extends Error {}

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** Whatever goes wrong in SheetJS or in a damaged workbook it returns ends in a message naming the file. */
export function readWithSheetJs(buf: Uint8Array, name: string, format: SheetJsFormat, limits: ReadLimits): WorkbookModel {
  try {
    return toModel(parse(buf, name, format, limits), name, limits);
  } catch (e) {
    if (e instanceof SheetJsRefusal) throw e;
    throw broken(name, format, e);
  }
}

function broken(name: string, format: SheetJsFormat, e: unknown): SheetJsRefusal {
  const reason = e instanceof Error ? e.message : String(e);
  return new SheetJsRefusal(
    `Tệp "${name}" là tệp ${FORMAT_NAMES[format]} nhưng bị hỏng hoặc có phần không đọc được (${reason.length > 120 ? reason.slice(0, 117) + '…' : reason}). Mở tệp trong Excel hoặc LibreOffice và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).`,
  );
}

function toModel(wb: XLSX.WorkBook, name: string, limits: ReadLimits): WorkbookModel {
  const refuse = (why: string): never => {
    throw new SheetJsRefusal(`Tệp "${name}" ${why}; không mở để tránh treo máy. Báo cáo của một đơn vị thường chỉ vài chục KB.`);
  };
  if (wb.SheetNames.length > limits.maxSheets) refuse(`có ${wb.SheetNames.length} trang tính (giới hạn ${limits.maxSheets})`);
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets = wb.SheetNames.map((sheetName, i) => {
    const ws = wb.Sheets[sheetName];
    // The extent as the file declares it (before sheetRows cut it), refused as for .xlsx.
    const extent = XLSX.utils.decode_range(ws['!fullref'] ?? ws['!ref'] ?? 'A1');
    const rows = extent.e.r - extent.s.r + 1;
    const cols = extent.e.c - extent.s.c + 1;
    const sheet = `trang "${sheetName}"`;
    if (rows > limits.maxSheetRows) refuse(`có ${sheet} với ${formatNumber(rows)} dòng (giới hạn ${formatNumber(limits.maxSheetRows)})`);
    if (rows * cols > limits.maxSheetCells) refuse(`có ${sheet} với ${formatNumber(rows * cols)} ô (giới hạn ${formatNumber(limits.maxSheetCells)})`);
    const model = toSheet(sheetName, ws, date1904, name, limits.maxCellChars);
    // SheetJS: Hidden 1 is hidden, 2 very hidden.
    if (wb.Workbook?.Sheets?.[i]?.Hidden) model.hidden = true;
    return model;
  });
  if (sheets.length === 0) throw new SheetJsRefusal(`Tệp "${name}" không có trang tính nào.`);
  if (sheets.every((s) => s.rows.length === 0)) throw new SheetJsRefusal(`Tệp "${name}" trống: không trang tính nào có dữ liệu.`);
  return { name, sheets };
}

function parse(buf: Uint8Array, name: string, format: SheetJsFormat, limits: ReadLimits): XLSX.WorkBook {
  // SheetJS writes some doubts about .ods number formats to the console; they say nothing to a
  // clerk and would break the command line's output, so they are kept out of it.
  const error = console.error;
  console.error = () => undefined;
  try {
    return XLSX.read(buf, {
      type: 'array',
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellStyles: true,
      cellDates: false,
      cellHTML: false,
      // An HTML table's cells are text as the unit typed it: SheetJS would read "3.000" as 3 and
      // "03/12/2023" month first; the engine reads them the Vietnamese way.
      raw: format === 'html',
      // One row past the limit is enough to know a sheet is over it, without reading the rest.
      sheetRows: limits.maxSheetRows + 1,
      WTF: false,
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    // SheetJS's own words for a BIFF file with a password ("File is password-protected").
    if (/password/i.test(reason)) {
      throw new SheetJsRefusal(`Tệp "${name}" (${FORMAT_NAMES[format]}) có mật khẩu mở tệp. Mở tệp, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx.`);
    }
    throw broken(name, format, e);
  } finally {
    console.error = error;
  }
}

function toSheet(sheetName: string, ws: XLSX.WorkSheet, date1904: boolean, file: string, maxChars: number): Sheet {
  const sheet = newSheet(sheetName);
  const data = (ws['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
  data.forEach((row, r) => {
    row?.forEach((c, col) => {
      const cell = c ? toCell(c, date1904) : null;
      if (!cell) return;
      if (typeof cell.value === 'string' && cell.value.length > maxChars) {
        throw new SheetJsRefusal(
          `Tệp "${file}", trang "${sheetName}", ô ${cellAddress(r + 1, col + 1)}: chữ dài ${formatNumber(cell.value.length)} ký tự, quá giới hạn ${formatNumber(maxChars)} ký tự của một ô Excel; tệp không phải do Excel tạo ra như thường, không mở.`,
        );
      }
      setCell(sheet, r + 1, col + 1, cell);
    });
  });
  for (const m of ws['!merges'] ?? []) sheet.merges.push({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 });
  (ws['!rows'] ?? []).forEach((row, i) => {
    if (row?.hidden) sheet.hiddenRows.push(i + 1);
  });
  (ws['!cols'] ?? []).forEach((col, i) => {
    if (col?.hidden) sheet.hiddenCols.push(i + 1);
  });
  return sheet;
}

function toCell(c: XLSX.CellObject, date1904: boolean): Cell | null {
  const numFmt = typeof c.z === 'string' && c.z !== 'General' ? c.z : undefined;
  const font = (c.s as { font?: { name?: string } } | undefined)?.font?.name;
  const formula = c.f ? c.f.replace(/^=/, '') : undefined;
  let value: CellValue;
  switch (c.t) {
    case 'n':
      value = typeof c.v === 'number' ? (isDateFormat(numFmt) ? serialToDate(c.v, date1904) : c.v) : null;
      break;
    case 's':
      value = c.v === undefined || c.v === null ? null : String(c.v);
      break;
    case 'b':
      value = !!c.v;
      break;
    case 'e':
      value = { error: c.w && c.w.startsWith('#') ? c.w : (ERRORS[c.v as number] ?? '#VALUE!') };
      break;
    case 'd':
      value = c.v instanceof Date ? asUtcDay(c.v) : null;
      break;
    default:
      value = null; // 'z': a styled blank
  }
  if (value === null && formula === undefined) return null;
  if (value === '' && formula === undefined) return null;
  return { value, ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}), ...(font ? { font } : {}) };
}

function asUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}
