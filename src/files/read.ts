// Workbook files into the engine's workbook model. Whatever goes wrong with a file becomes a
// ReadError with a Vietnamese message naming the file, so the caller can go on. Limits are
// checked from the zip's directory before anything is unpacked; .xlsx is read by ./xlsx, other
// formats (.xls, .ods, .xlsb…) through ./formats.
import { Sheet, WorkbookModel, cellAddress } from '../core/model';
import { formatNumber } from '../core/numbers';
import { FormatRefusal, readOtherFormat } from './formats';
import { readXlsxSheets } from './xlsx';
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
// sheets before they are unpacked (a reader holds a whole sheet in memory).
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
  if (!entries) return; // no directory: the reader will say the file is broken
  const refuse = (why: string) => {
    throw new ReadError(name, `Tệp "${name}" ${why}; không mở để tránh treo máy. Báo cáo của một đơn vị thường chỉ vài chục KB.`);
  };
  const unpacked = entries.reduce((n, e) => n + e.size, 0);
  if (unpacked > limits.maxUnpackedBytes) refuse(`khi giải nén sẽ chiếm ${mb(unpacked)} (giới hạn ${mb(limits.maxUnpackedBytes)})`);
  if (entries.length > limits.maxParts) refuse(`có ${entries.length} phần bên trong (giới hạn ${limits.maxParts})`);
  const sheets = entries.filter((e) => WORKSHEET.test(e.name));
  if (sheets.length > limits.maxSheets) refuse(`có ${sheets.length} trang tính (giới hạn ${limits.maxSheets})`);
  // The sheet's name is looked up only for a message: unpacking the workbook's parts for every
  // report that passes would cost more than the checks themselves.
  const sheetOf = async (e: (typeof sheets)[number]) => `trang "${(await sheetNamesByPart(buf, entries)).get(e.name) ?? e.name.replace(/^.*\//, '')}"`;
  for (const e of sheets) {
    if (e.size > limits.maxSheetBytes) refuse(`có ${await sheetOf(e)} chiếm ${mb(e.size)} khi giải nén (giới hạn ${mb(limits.maxSheetBytes)})`);
    const extent = declaredExtent(await peekEntry(buf, e, 4096));
    if (!extent) continue;
    if (extent.rows > limits.maxSheetRows) refuse(`có ${await sheetOf(e)} với ${formatNumber(extent.rows)} dòng (giới hạn ${formatNumber(limits.maxSheetRows)})`);
    if (extent.rows * extent.cols > limits.maxSheetCells) refuse(`có ${await sheetOf(e)} với ${formatNumber((extent.rows * extent.cols))} ô (giới hạn ${formatNumber(limits.maxSheetCells)})`);
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
  const tooLong = (sheet: string, row: number, col: number, length: number): never => {
    throw new ReadError(name, `Tệp "${name}", trang "${sheet}", ô ${cellAddress(row, col)}: chữ dài ${formatNumber(length)} ký tự, quá giới hạn ${formatNumber(limits.maxCellChars)} ký tự của một ô Excel; tệp không phải do Excel tạo ra như thường, không mở.`);
  };
  let sheets: Sheet[];
  try {
    sheets = readXlsxSheets(buf, { maxCellChars: limits.maxCellChars, tooLong });
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(name, `Tệp "${name}" bị hỏng hoặc không phải .xlsx, không mở được (${shortReason(e)}).`);
  }
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
