// .xlsx files into the engine's workbook model, with ExcelJS. Whatever goes wrong with a file
// becomes a ReadError with a Vietnamese message naming the file, so the caller can go on.
import ExcelJS from 'exceljs';
import { Cell, CellValue, Sheet, WorkbookModel, newSheet, parseAddress, setCell } from '../core/model';

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
}

// A unit's report is tens of kilobytes; a province's own table a few megabytes. These leave
// two orders of magnitude of room and still stop a zip bomb before it is unpacked.
export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 50 * 1024 * 1024, maxUnpackedBytes: 500 * 1024 * 1024, maxParts: 5000 };

/**
 * Sizes the zip's central directory declares for its parts, read without unpacking anything;
 * null when there is no readable directory (ExcelJS will then say the file is broken).
 */
export function zipDirectory(buf: Uint8Array): { parts: number; unpacked: number } | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const count = view.getUint16(i + 10, true);
    let at = view.getUint32(i + 16, true);
    let unpacked = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > buf.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      // 0xFFFFFFFF means the real size is in a ZIP64 field: more than 4 GB, far past any limit.
      unpacked += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return { parts: count === 0xffff ? Number.MAX_SAFE_INTEGER : count, unpacked };
  }
  return null;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Plain byte search, so this module also runs in the task pane without Node's Buffer.
function containsUtf16(buf: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** An OLE compound file is either an old .xls or an encrypted (password-protected) .xlsx. */
function describeOle(buf: Uint8Array, name: string): string {
  // The encrypted package's stream names are stored in UTF-16LE inside the compound file.
  if (containsUtf16(buf, 'EncryptedPackage')) {
    return `Tệp "${name}" có mật khẩu mở tệp. Mở tệp trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu) rồi lưu lại, hoặc dùng phần bổ trợ trong Excel.`;
  }
  return `Tệp "${name}" là định dạng Excel cũ (.xls). Mở tệp trong Excel và chọn Lưu thành > Sổ làm việc Excel (.xlsx), hoặc mở tệp trong Excel và dùng phần bổ trợ "Kiểm tra chỉ tiêu".`;
}

export async function readWorkbookBuffer(buf: Uint8Array, name: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookModel> {
  if (buf.byteLength === 0) throw new ReadError(name, `Tệp "${name}" rỗng (0 byte).`);
  if (buf.byteLength > limits.maxBytes) {
    throw new ReadError(name, `Tệp "${name}" quá lớn (${mb(buf.byteLength)}, giới hạn ${mb(limits.maxBytes)}).`);
  }
  if (startsWith(buf, OLE_SIGNATURE)) throw new ReadError(name, describeOle(buf, name));
  if (!startsWith(buf, [0x50, 0x4b])) {
    throw new ReadError(name, `Tệp "${name}" không phải tệp Excel .xlsx (nội dung không đúng định dạng). Hãy mở trong Excel và lưu lại dưới dạng .xlsx.`);
  }
  const dir = zipDirectory(buf);
  if (dir && dir.unpacked > limits.maxUnpackedBytes) {
    throw new ReadError(name, `Tệp "${name}" khi giải nén sẽ chiếm ${mb(dir.unpacked)} (giới hạn ${mb(limits.maxUnpackedBytes)}); không mở để tránh treo máy. Báo cáo của một đơn vị thường chỉ vài chục KB.`);
  }
  if (dir && dir.parts > limits.maxParts) {
    throw new ReadError(name, `Tệp "${name}" có ${dir.parts} phần bên trong (giới hạn ${limits.maxParts}), quá nhiều cho một báo cáo; không mở.`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError(name, `Tệp "${name}" bị hỏng hoặc không phải .xlsx, không mở được (${shortReason(e)}).`);
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => sheets.push(toSheet(ws)));
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

function toSheet(ws: ExcelJS.Worksheet): Sheet {
  const sheet = newSheet(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) sheet.hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (c, col) => {
      // Merged cells other than the top-left repeat its value in ExcelJS; Office.js leaves them
      // empty. The model follows Office.js, and readers look through merges explicitly.
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
      const formula = String(o.formula ?? o.sharedFormula ?? '');
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
