// Which format a file is, from its first bytes and (for a zip) the names of its parts, not from
// its name: offices rename files freely, and web software saves HTML tables as ".xls". The
// .xlsx and .xlsm files go to the main reader; .xls, .ods, .xlsb and the 2003 XML and HTML
// spreadsheets go to SheetJS, loaded only then; anything else gets a message naming what the
// file is and what to do.
import type { WorkbookModel } from '../core/model';
import { formatNumber } from '../core/numbers';
import { odsHidden } from './ods';
import type { ReadLimits } from './read';
import type { SheetJsFormat } from './sheetjs';
import { peekEntry, zipEntries } from './zip';

/** A file refused before or while another format's reader ran; the message names the file. */
export class FormatRefusal extends Error {}

type Sniffed = { kind: 'xlsx' } | { kind: 'sheetjs'; format: SheetJsFormat } | { kind: 'refuse'; message: string };

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BIFF_SIGNATURES = [
  [0x09, 0x00, 0x04, 0x00], // BIFF2
  [0x09, 0x02, 0x06, 0x00], // BIFF3
  [0x09, 0x04, 0x06, 0x00], // BIFF4
];

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

// Plain byte search, so this module also runs in the task pane without Node's Buffer.
function containsUtf16(buf: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= buf.length; i++) {
    if (buf[i] !== first || buf[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++) if (buf[i + j * 2] !== text.charCodeAt(j) || buf[i + j * 2 + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const SAVE_AS_XLSX = 'Mở tệp trong Excel (hoặc LibreOffice) và lưu lại dưới dạng Sổ làm việc Excel (.xlsx) rồi kiểm tra lần nữa.';

/** An OLE compound file: an old .xls, a password-protected .xlsx, or another Office document. */
function sniffOle(buf: Uint8Array, name: string): Sniffed {
  // Stream names are stored in UTF-16LE inside the compound file.
  if (containsUtf16(buf, 'EncryptedPackage')) {
    return {
      kind: 'refuse',
      message: `Tệp "${name}" có mật khẩu mở tệp. Mở tệp trong Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu) rồi lưu lại, hoặc dùng phần bổ trợ trong Excel.`,
    };
  }
  // Word's and PowerPoint's streams first: their text, also UTF-16, may hold the word "Book".
  if (containsUtf16(buf, 'WordDocument')) return { kind: 'refuse', message: `Tệp "${name}" là văn bản Word (.doc), không phải sổ tính. Gửi bảng số liệu dưới dạng tệp Excel (.xlsx).` };
  if (containsUtf16(buf, 'PowerPoint Document')) return { kind: 'refuse', message: `Tệp "${name}" là bản trình chiếu PowerPoint (.ppt), không phải sổ tính. Gửi bảng số liệu dưới dạng tệp Excel (.xlsx).` };
  if (containsUtf16(buf, 'Workbook') || containsUtf16(buf, 'Book')) return { kind: 'sheetjs', format: 'xls' };
  return { kind: 'refuse', message: `Tệp "${name}" là tệp Office cũ nhưng không phải sổ tính Excel. ${SAVE_AS_XLSX}` };
}

async function sniffZip(buf: Uint8Array, name: string): Promise<Sniffed> {
  const entries = zipEntries(buf);
  if (!entries) return { kind: 'xlsx' }; // no directory: the .xlsx reader says the file is broken
  const has = (n: string) => entries.some((e) => e.name === n);
  if (has('xl/workbook.xml')) return { kind: 'xlsx' };
  if (has('xl/workbook.bin')) return { kind: 'sheetjs', format: 'xlsb' };
  if (has('word/document.xml')) return { kind: 'refuse', message: `Tệp "${name}" là văn bản Word (.docx), không phải sổ tính. Gửi bảng số liệu dưới dạng tệp Excel (.xlsx).` };
  // Another Office Open XML package, or a broken one: the .xlsx reader says what is wrong.
  if (has('[Content_Types].xml')) return { kind: 'xlsx' };
  const mimetype = entries.find((e) => e.name === 'mimetype');
  const mime = mimetype ? (await peekEntry(buf, mimetype, 100)).trim() : '';
  if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || (!mime && has('content.xml'))) return { kind: 'sheetjs', format: 'ods' };
  if (mime.startsWith('application/vnd.oasis.opendocument.')) {
    return { kind: 'refuse', message: `Tệp "${name}" là tài liệu OpenDocument nhưng không phải bảng tính (${mime.replace(/^.*\./, '')}). Gửi bảng số liệu dưới dạng tệp Excel (.xlsx).` };
  }
  return { kind: 'refuse', message: `Tệp "${name}" là tệp nén (.zip) nhưng không phải sổ tính Excel hay OpenDocument. Giải nén và chọn tệp báo cáo bên trong, hoặc ${SAVE_AS_XLSX.charAt(0).toLowerCase()}${SAVE_AS_XLSX.slice(1)}` };
}

/** A text file: the 2003 XML spreadsheet and HTML tables (often named .xls) are read; the rest is named. */
function sniffText(buf: Uint8Array, name: string): Sniffed {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('%PDF')) return { kind: 'refuse', message: `Tệp "${name}" là tệp PDF, không phải sổ tính. Gửi bảng số liệu dưới dạng tệp Excel (.xlsx).` };
  if (head.startsWith('<')) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(head)) return { kind: 'sheetjs', format: 'xml' };
    if (/<(html|table|body|meta)\b/i.test(head)) return { kind: 'sheetjs', format: 'html' };
  }
  if (isDelimitedText(head)) {
    return { kind: 'refuse', message: `Tệp "${name}" là tệp văn bản CSV (các cột ngăn bằng dấu phẩy, chấm phẩy hoặc tab), không phải sổ tính: không đọc, vì tệp CSV không cho biết dấu thập phân và bảng mã. ${SAVE_AS_XLSX}` };
  }
  return {
    kind: 'refuse',
    message: `Tệp "${name}" không phải sổ tính Excel (.xlsx, .xls), OpenDocument (.ods) hay Excel nhị phân (.xlsb): nội dung không đúng định dạng nào đọc được. ${SAVE_AS_XLSX}`,
  };
}

/** Text whose first lines all hold the same kind of column separator: a CSV or tab-separated export. */
function isDelimitedText(head: string): boolean {
  if (head.includes('\u0000')) return false;
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5);
  if (lines.length < 2) return false;
  return [',', ';', '\t'].some((d) => lines.every((l) => l.includes(d)));
}

export async function sniffFormat(buf: Uint8Array, name: string): Promise<Sniffed> {
  if (startsWith(buf, OLE_SIGNATURE)) return sniffOle(buf, name);
  if (startsWith(buf, [0x50, 0x4b])) return sniffZip(buf, name);
  if (BIFF_SIGNATURES.some((s) => startsWith(buf, s))) return { kind: 'sheetjs', format: 'xls' };
  return sniffText(buf, name);
}

/** What a zip's directory declares, checked before SheetJS unpacks it (as for .xlsx). */
function checkZipLimits(buf: Uint8Array, name: string, limits: ReadLimits): void {
  const entries = zipEntries(buf);
  if (!entries) return;
  const refuse = (why: string): never => {
    throw new FormatRefusal(`Tệp "${name}" ${why}; không mở để tránh treo máy. Báo cáo của một đơn vị thường chỉ vài chục KB.`);
  };
  const mb = (n: number) => (n >= 1e15 ? 'hơn 4 GB' : `${Math.round(n / 1048576)} MB`);
  const unpacked = entries.reduce((n, e) => n + e.size, 0);
  if (unpacked > limits.maxUnpackedBytes) refuse(`khi giải nén sẽ chiếm ${mb(unpacked)} (giới hạn ${mb(limits.maxUnpackedBytes)})`);
  if (entries.length > limits.maxParts) refuse(`có ${formatNumber(entries.length)} phần bên trong (giới hạn ${limits.maxParts})`);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.bin$/.test(e.name));
  if (sheets.length > limits.maxSheets) refuse(`có ${sheets.length} trang tính (giới hạn ${limits.maxSheets})`);
  for (const e of sheets) if (e.size > limits.maxSheetBytes) refuse(`có trang "${e.name.replace(/^.*\//, '')}" chiếm ${mb(e.size)} khi giải nén (giới hạn ${mb(limits.maxSheetBytes)})`);
}

/**
 * The workbook when the file is not an .xlsx (null when it is: the caller reads it). Throws
 * FormatRefusal with the message to show when the file cannot or must not be read.
 */
export async function readOtherFormat(buf: Uint8Array, name: string, limits: ReadLimits): Promise<WorkbookModel | null> {
  const sniffed = await sniffFormat(buf, name);
  if (sniffed.kind === 'xlsx') return null;
  if (sniffed.kind === 'refuse') throw new FormatRefusal(sniffed.message);
  if (sniffed.format === 'ods' || sniffed.format === 'xlsb') checkZipLimits(buf, name, limits);
  const { readWithSheetJs, SheetJsRefusal } = await import('./sheetjs');
  let model: WorkbookModel;
  try {
    model = readWithSheetJs(buf, name, sniffed.format, limits);
  } catch (e) {
    if (e instanceof SheetJsRefusal) throw new FormatRefusal(e.message);
    throw e;
  }
  if (sniffed.format === 'ods') {
    const hidden = await odsHidden(buf, limits.maxSheetRows);
    for (const sheet of model.sheets) {
      const h = hidden.get(sheet.name);
      if (h) Object.assign(sheet, { hiddenRows: h.rows, hiddenCols: h.cols }, h.sheet ? { hidden: true } : {});
    }
  }
  return model;
}
