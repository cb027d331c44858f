// Workbook files into the engine's workbook model: .xlsx with ExcelJS, other formats through
// ./formats. Whatever goes wrong with a file becomes a ReadError with a Vietnamese message
// naming the file, so the caller can go on.
import ExcelJS from 'exceljs';
import { Cell, CellValue, Sheet, WorkbookModel, cellAddress, newSheet, parseAddress, setCell } from '../core/model';
import { formatNumber } from '../core/numbers';
import { FormatRefusal, readOtherFormat } from './formats';
import { declaredExtent, peekEntry, sheetNamesByPart, zipEntries } from './zip';

export class ReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total the zip's parts may unpack to, as its directory declares them. */
  maxUnpackedBytes: number;
  /** Most parts (sheets, styles, …) a workbook may hold. */
  maxParts: number;
  /** Most worksheets. */
  maxSheets: number;
  /** Largest one worksheet may unpack to. */
  maxSheetBytes: number;
  /** Most rows, and most cells (rows × columns), one worksheet may declare. */
  maxSheetRows: number;
  maxSheetCells: number;
  /** Longest text in one cell: Excel's own limit, so a longer one was not made by Excel. */
  maxCellChars: number;
}

// A unit's report is tens of kilobytes and a province's own table a few megabytes; these leave
// orders of magnitude of room and still refuse a zip bomb, a million-row sheet or thousands of
// sheets before ExcelJS unpacks them (it holds a whole workbook in memory: ~1.7 GB and 16 s
// for a million rows on the project's machine).
export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxParts: 5000,
  maxSheets: 500,
  maxSheetBytes: 20 * 1024 * 1024,
  maxSheetRows: 50_000,
  maxSheetCells: 2_000_000,
  maxCellChars: 32_767,
};

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Refuses what is too big to unpack, from the zip's directory and each sheet's first bytes. */
async function checkLimits(buf: Uint8Array, name: string, limits: ReadLimits): Promise<void> {
  const entries = zipEntries(buf);
  if (!entries) return; // no directory: ExcelJS will say the file is broken
  const refuse = (why: string) => {
    throw new ReadError(name, `Tệp "${name}" ${why}; không mở để tránh treo máy. Báo cáo của một đơn vị thường chỉ vài chục KB.`);
  };
  const unpacked = entries.reduce((n, e) => n + e.size, 0);
  if (unpacked > limits.maxUnpackedBytes) refuse(`khi giải nén sẽ chiếm ${mb(unpacked)} (giới hạn ${mb(limits.maxUnpackedBytes)})`);
  if (entries.length > limits.maxParts) refuse(`có ${entries.length} phần bên trong (giới hạn ${limits.maxParts})`);
  const sheets = entries.filter((e) => WORKSHEET.test(e.name));
  if (sheets.length > limits.maxSheets) refuse(`có ${sheets.length} trang tính (giới hạn ${limits.maxSheets})`);
  const names = await sheetNamesByPart(buf, entries);
  for (const e of sheets) {
    const sheet = `trang "${names.get(e.name) ?? e.name.replace(/^.*\//, '')}"`;
    if (e.size > limits.maxSheetBytes) refuse(`có ${sheet} chiếm ${mb(e.size)} khi giải nén (giới hạn ${mb(limits.maxSheetBytes)})`);
    const extent = declaredExtent(await peekEntry(buf, e, 4096));
    if (!extent) continue;
    if (extent.rows > limits.maxSheetRows) refuse(`có ${sheet} với ${formatNumber(extent.rows)} dòng (giới hạn ${formatNumber(limits.maxSheetRows)})`);
    if (extent.rows * extent.cols > limits.maxSheetCells) refuse(`có ${sheet} với ${formatNumber((extent.rows * extent.cols))} ô (giới hạn ${formatNumber(limits.maxSheetCells)})`);
  }
}

export async function readWorkbookBuffer(buf: Uint8Array, name: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookModel> {
  if (buf.byteLength === 0) throw new ReadError(name, `Tệp "${name}" rỗng (0 byte).`);
  if (buf.byteLength > limits.maxBytes) {
    throw new ReadError(name, `Tệp "${name}" quá lớn (${mb(buf.byteLength)}, giới hạn ${mb(limits.maxBytes)}).`);
  }
  // .xls, .ods, .xlsb…: told by their bytes and read by their own module; null for .xlsx.
  const other = await readOtherFormat(buf, name, limits).catch((e: unknown) => {
    throw e instanceof FormatRefusal ? new ReadError(name, e.message) : e;
  });
  if (other) return other;
  await checkLimits(buf, name, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError(name, `Tệp "${name}" bị hỏng hoặc không phải .xlsx, không mở được (${shortReason(e)}).`);
  }
  const sheets: Sheet[] = [];
  const tooLong = (sheet: string, cell: string, length: number): never => {
    throw new ReadError(name, `Tệp "${name}", trang "${sheet}", ô ${cell}: chữ dài ${formatNumber(length)} ký tự, quá giới hạn ${formatNumber(limits.maxCellChars)} ký tự của một ô Excel; tệp không phải do Excel tạo ra như thường, không mở.`);
  };
  wb.eachSheet((ws) => sheets.push(toSheet(ws, limits.maxCellChars, tooLong)));
  if (sheets.length === 0) throw new ReadError(name, `Tệp "${name}" không có trang tính nào.`);
  if (sheets.every((s) => s.rows.length === 0)) throw new ReadError(name, `Tệp "${name}" trống: không trang tính nào có dữ liệu.`);
  return { name, sheets };
}

function mb(bytes: number): string {
  return bytes >= 1e15 ? 'hơn 4 GB' : `${Math.round(bytes / 1048576)} MB`;
}

function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 120 ? m.slice(0, 117) + '…' : m;
}

/** The sheet as the model; a text longer than `maxChars` is refused as the cell is met. */
function toSheet(ws: ExcelJS.Worksheet, maxChars: number, tooLong: (sheet: string, cell: string, length: number) => never): Sheet {
  const sheet = newSheet(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) sheet.hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (c, col) => {
      // Merged cells other than the top-left repeat its value in ExcelJS; Office.js leaves them
      // empty. The model follows Office.js, and readers look through merges explicitly.
      if (c.isMerged && c.master !== c) return;
      const cell = toCell(c);
      if (!cell) return;
      if (typeof cell.value === 'string' && cell.value.length > maxChars) tooLong(ws.name, cellAddress(r, col), cell.value.length);
      setCell(sheet, r, col, cell);
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

/**
 * A copy of the string that does not share memory with the sheet's XML. Strings from the
 * XML parser are slices of the whole document; one kept label would keep the file alive.
 */
function own(s: string): string {
  return (' ' + s).slice(1);
}

function toCell(c: ExcelJS.Cell): Cell | null {
  const v = c.value as unknown;
  const numFmt = c.numFmt || undefined;
  const font = c.font?.name;
  const base = (value: CellValue, formula?: string): Cell => ({ value, ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}), ...(font ? { font } : {}) });
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return base(own(v));
  if (typeof v === 'number' || typeof v === 'boolean') return base(v);
  if (v instanceof Date) return base(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return base({ error: o.error });
    if ('formula' in o || 'sharedFormula' in o) {
      // A shared formula's other cells hold only the first cell's address; ExcelJS translates it.
      const formula = 'formula' in o ? String(o.formula ?? '') : (c.formula ?? '');
      return base(resultValue(o.result), formula);
    }
    if ('richText' in o && Array.isArray(o.richText)) {
      const runs = o.richText as Array<{ text: string; font?: { name?: string } }>;
      const runFont = runs.find((r) => r.font?.name)?.font?.name;
      const cell = base(own(runs.map((r) => r.text).join('')));
      if (!cell.font && runFont) cell.font = runFont;
      return cell;
    }
    if ('text' in o && 'hyperlink' in o) return base(own(String(o.text)));
  }
  return base(String(v));
}

function resultValue(r: unknown): CellValue {
  if (r === undefined || r === null) return null;
  if (typeof r === 'string') return own(r);
  if (typeof r === 'number' || typeof r === 'boolean') return r;
  if (r instanceof Date) return r;
  if (typeof r === 'object' && 'error' in (r as object)) return { error: String((r as { error: unknown }).error) };
  return String(r);
}
