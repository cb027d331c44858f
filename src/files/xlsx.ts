// .xlsx/.xlsm into the engine's workbook model, reading only what the engine uses: values, cached
// formula results and formula text, number formats, the font of each cell (TCVN3 detection),
// merges, hidden rows and columns, sheet names in workbook order and the date system. Media,
// drawings, themes, comments and everything else in the zip is never unpacked.
// The model is the one ExcelJS's reading gave (test/files/xlsx.test.ts compares both on every
// .xlsx in the project), except where ExcelJS refused or misread a valid file: rows and cells
// without an `r` address, Strict namespaces, `t="d"` ISO dates, date1904="true".
import { unzipSync } from 'fflate';
import { ZipEntry, zipEntries } from './zip';
import { Cell, CellRange, CellValue, Sheet, newSheet, parseAddress, setCell } from '../core/model';
import { isDateFormat, serialToDate } from '../core/dates';
import { Attributes, XmlHandler, decodeText, scanXml } from './xml';

export class XlsxError extends Error {}

export interface XlsxLimits {
  /** Longest text in one cell; `tooLong` is called (and must throw) past it. */
  maxCellChars: number;
  tooLong(sheet: string, row: number, col: number, length: number): never;
  /** The XML tokenizer; another one can be given to compare them (bench/xml.ts). */
  scan?: (xml: string, handler: XmlHandler) => void;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

/** The workbook's sheets; throws XlsxError (or what `tooLong` throws) on a broken file. */
export function readXlsxSheets(buf: Uint8Array, limits: XlsxLimits): Sheet[] {
  const root = relationships(text(unzipParts(buf, ['_rels/.rels']), '_rels/.rels') ?? '', '');
  const bookPath = root.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const bookRelsPath = relsPathOf(bookPath);
  const head = unzipParts(buf, [bookPath, bookRelsPath]);
  const bookXml = text(head, bookPath);
  if (bookXml === undefined) throw new XlsxError(`thiếu phần ${bookPath}`);
  const book = parseWorkbook(bookXml);
  const rels = relationships(text(head, bookRelsPath) ?? '', dirOf(bookPath));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const stringsPath = rels.find((r) => REL_SHARED_STRINGS.test(r.type))?.target;
  const stylesPath = rels.find((r) => REL_STYLES.test(r.type))?.target;
  const sheetParts = book.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rel: byId.get(s.rid) })).filter((s) => s.rel && REL_WORKSHEET.test(s.rel.type));
  const parts = unzipParts(buf, [stringsPath, stylesPath, ...sheetParts.map((s) => s.rel!.target)]);
  const scan = limits.scan ?? scanXml;
  const strings = stringsPath ? parseSharedStrings(text(parts, stringsPath) ?? '', scan) : [];
  const styles = stylesPath ? parseStyles(text(parts, stylesPath) ?? '', scan) : [];
  const context: SheetContext = { strings, styles, date1904: book.date1904, limits };
  const sheets: Sheet[] = [];
  for (const s of sheetParts) {
    const xml = text(parts, s.rel!.target);
    if (xml === undefined) continue;
    const sheet = parseSheet(xml, s.name, context, scan);
    if (s.hidden) sheet.hidden = true;
    sheets.push(sheet);
  }
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// The zip

/**
 * A faster inflate than fflate's, where the platform has one (the command line gives Node's
 * zlib). It must return exactly `size` bytes or throw; it is never asked for more.
 */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;
let nativeInflate: Inflater | null = null;

export function useInflater(inflate: Inflater | null): void {
  nativeInflate = inflate;
}

function unzipParts(buf: Uint8Array, names: Array<string | undefined>): Record<string, Uint8Array> {
  const wanted = new Set(names.filter((n): n is string => !!n));
  const fast = nativeInflate ? unzipNative(buf, wanted, nativeInflate) : null;
  if (fast) return fast;
  try {
    // fflate trusts the sizes the directory declares (read.ts has checked them against the
    // limits) and never unpacks past them, so a directory that lies cannot grow memory.
    return unzipSync(buf, { filter: (f) => wanted.has(f.name) });
  } catch (e) {
    throw new XlsxError(e instanceof Error ? e.message : String(e));
  }
}

const entriesOf = new WeakMap<Uint8Array, ZipEntry[] | null>();

/**
 * The wanted parts through the native inflate, each no larger than the directory declares; null
 * (and fflate reads the file, with its own messages) at anything unusual: no directory, a
 * local header out of place, a method other than stored or deflated, a size that does not hold.
 */
function unzipNative(buf: Uint8Array, wanted: Set<string>, inflate: Inflater): Record<string, Uint8Array> | null {
  let entries = entriesOf.get(buf);
  if (entries === undefined) entriesOf.set(buf, (entries = zipEntries(buf)));
  if (!entries) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // No prototype: a part named "__proto__" is only a key.
  const out: Record<string, Uint8Array> = Object.create(null);
  for (const e of entries) {
    if (!wanted.has(e.name)) continue;
    const at = e.headerOffset;
    if (at + 30 > buf.length || view.getUint32(at, true) !== 0x04034b50) return null;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressedSize > buf.length) return null;
    const data = buf.subarray(start, start + e.compressedSize);
    try {
      if (e.method === 0 && e.compressedSize === e.size) out[e.name] = data.slice();
      else if (e.method === 8) out[e.name] = inflate(data, e.size);
      else return null;
    } catch {
      return null;
    }
    if (out[e.name].length !== e.size) return null;
  }
  return out;
}

const utf8 = new TextDecoder();

function text(parts: Record<string, Uint8Array>, name: string): string | undefined {
  // The name comes from the file's relationships: "/__proto__" must not reach the prototype.
  const bytes = Object.prototype.hasOwnProperty.call(parts, name) ? parts[name] : undefined;
  return bytes ? utf8.decode(bytes) : undefined;
}

const int = (s: string | undefined): number => (s === undefined ? NaN : parseInt(s, 10));
const isTrue = (s: string | undefined): boolean => s === '1' || s === 'true';

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relsPathOf(path: string): string {
  const dir = dirOf(path);
  return `${dir}_rels/${path.slice(dir.length)}.rels`;
}

/** "../x.xml" or "/xl/x.xml" against the folder of the part that points to it. */
function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string, base: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(xml, {
    open(name, a) {
      if (name !== 'Relationship' || a.get('TargetMode') === 'External') return;
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target) out.push({ id, type: a.get('Type') ?? '', target: resolvePath(base, target.trim()) });
    },
    close() {},
    text() {},
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Workbook, shared strings, styles

function parseWorkbook(xml: string): { sheets: Array<{ name: string; rid: string; hidden: boolean }>; date1904: boolean } {
  const sheets: Array<{ name: string; rid: string; hidden: boolean }> = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, a) {
      if (name === 'sheet') {
        const sheet = a.get('name');
        const rid = a.get('id');
        const state = a.get('state');
        if (sheet !== undefined && rid) sheets.push({ name: sheet, rid, hidden: state === 'hidden' || state === 'veryHidden' });
      } else if (name === 'workbookPr') date1904 = isTrue(a.get('date1904'));
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** A run of rich text: its text and the font it names, if any. */
interface Run {
  text: string;
  font?: string;
}

/** A shared string: plain text, or rich-text runs (whose fonts may name the cell's font). */
type SharedString = string | Run[];

/** Excel's escape for characters XML cannot hold: "_x000D_" is a carriage return. */
function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads <si>/<is> content: <t> text, or <r> runs with <rPr><rFont>; phonetic runs are skipped. */
class RichTextReader {
  private plain: string[] | undefined;
  private runs: Run[] | undefined;
  private run: Run | undefined;
  private inText = false;
  private inPhonetic = 0;
  private chunks: string[] = [];
  open(name: string, a: Attributes): void {
    if (name === 'rPh') this.inPhonetic++;
    if (this.inPhonetic) return;
    if (name === 't') {
      this.inText = true;
      this.chunks = [];
    } else if (name === 'r') {
      this.run = { text: '' };
    } else if (name === 'rFont' && this.run && a.get('val') !== undefined) {
      this.run.font = a.get('val');
    }
  }
  close(name: string): void {
    if (name === 'rPh') {
      this.inPhonetic--;
      return;
    }
    if (this.inPhonetic) return;
    if (name === 't' && this.inText) {
      this.inText = false;
      const t = unescapeOoxml(this.chunks.join(''));
      if (this.run) this.run.text += t;
      else (this.plain ??= []).push(t);
    } else if (name === 'r' && this.run) {
      (this.runs ??= []).push(this.run);
      this.run = undefined;
    }
  }
  text(t: string): void {
    if (this.inText && !this.inPhonetic) this.chunks.push(t);
  }
  /** The value read, and ready for the next one. */
  take(): SharedString {
    const out: SharedString = this.runs ?? (this.plain ?? []).join('');
    this.plain = this.runs = this.run = undefined;
    return out;
  }
}

function parseSharedStrings(xml: string, scan: typeof scanXml): SharedString[] {
  const out: SharedString[] = [];
  const reader = new RichTextReader();
  let inItem = false;
  scan(xml, {
    open(name, a) {
      if (name === 'si') inItem = true;
      else if (inItem) reader.open(name, a);
    },
    close(name) {
      if (name === 'si') {
        inItem = false;
        out.push(reader.take());
      } else if (inItem) reader.close(name);
    },
    text(t) {
      if (inItem) reader.text(t);
    },
  });
  return out;
}

/** What the engine needs of a cell style: its number format code and its font's name. */
interface CellStyle {
  numFmt?: string;
  font?: string;
}

// Excel's built-in number formats by id, as ExcelJS names them (en-US).
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** The cell styles (<cellXfs>) by index, each with its format code and font name resolved. */
function parseStyles(xml: string, scan: typeof scanXml): CellStyle[] {
  const formats = new Map<number, string>();
  const fonts: Array<string | undefined> = [];
  const xfs: Array<{ numFmtId: number; fontId: number }> = [];
  let section = '';
  let inFont = false;
  scan(xml, {
    open(name, a) {
      if (name === 'numFmts' || name === 'fonts' || name === 'cellXfs' || name === 'cellStyleXfs' || name === 'dxfs') section = name;
      else if (name === 'numFmt' && section === 'numFmts') {
        // Kept as written: a backslash quotes the next character ("#,##0\\ \\h\\ộ" is a count
        // of households, not hours); ExcelJS dropped it, and read such figures as dates.
        const code = a.get('formatCode');
        if (code !== undefined) formats.set(int(a.get('numFmtId')), code);
      } else if (name === 'font' && section === 'fonts') {
        inFont = true;
        fonts.push(undefined);
      } else if (name === 'name' && inFont && a.get('val') !== undefined) fonts[fonts.length - 1] = a.get('val');
      else if (name === 'xf' && section === 'cellXfs') xfs.push({ numFmtId: int(a.get('numFmtId')), fontId: int(a.get('fontId')) });
    },
    close(name) {
      if (name === section) section = '';
      else if (name === 'font') inFont = false;
    },
    text() {},
  });
  return xfs.map((xf) => {
    const style: CellStyle = {};
    // Id 0 is General, which the model leaves unset.
    if (xf.numFmtId) {
      const code = formats.get(xf.numFmtId) ?? BUILT_IN_FORMATS[xf.numFmtId];
      if (code) style.numFmt = code;
    }
    const font = xf.fontId >= 0 ? fonts[xf.fontId] : undefined;
    if (font !== undefined) style.font = font;
    return style;
  });
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface SheetContext {
  strings: SharedString[];
  styles: CellStyle[];
  date1904: boolean;
  limits: XlsxLimits;
}

/** What one <c> element held, before it becomes a model cell. */
interface RawCell {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | undefined;
  formula: string | undefined;
  isFormula: boolean;
  /** <f t="shared" si ref>: a shared formula's group, and whether this cell holds its text. */
  shared: { si: string; master: boolean } | undefined;
  inline: SharedString | undefined;
}

function parseSheet(xml: string, name: string, ctx: SheetContext, scan: typeof scanXml): Sheet {
  const reader = new SheetReader(name, ctx);
  scan(xml, reader);
  if (!reader.finished) throw new XlsxError(`trang "${name}" bị cắt cụt`);
  return reader.finish();
}

class SheetReader implements XmlHandler {
  finished = false;
  private sheet: Sheet;
  private inData = false;
  private row = 0;
  private rowHidden = false;
  private rowHasValue = false;
  private col = 0;
  private cell: RawCell | undefined;
  private collect: 'v' | 'f' | undefined;
  private chunks: string[] = [];
  private rich: RichTextReader | undefined;
  /** Hidden rows, each with whether it held a value (ExcelJS listed only those that did). */
  private hiddenRows: Array<{ row: number; valued: boolean }> = [];
  private cols: Array<{ min: number; max: number; hidden: boolean }> = [];
  private hyperlinks = new Set<string>();
  private sharedFormulas = new Map<string, { row: number; col: number; formula: string }>();

  constructor(
    private name: string,
    private ctx: SheetContext,
  ) {
    this.sheet = newSheet(name);
  }

  open(name: string, a: Attributes): void {
    if (this.rich) return this.rich.open(name, a);
    if (this.cell) return this.openInCell(name, a);
    switch (name) {
      case 'sheetData':
        this.inData = true;
        break;
      case 'row':
        if (this.inData) this.openRow(a);
        break;
      case 'c':
        if (this.inData) this.openCell(a);
        break;
      case 'col':
        this.cols.push({ min: int(a.get('min')), max: int(a.get('max')), hidden: isTrue(a.get('hidden')) });
        break;
      case 'mergeCell':
        this.addMerge(a.get('ref'));
        break;
      case 'hyperlink': {
        // ExcelJS showed a cell with an external link as its text; internal links left it as is.
        const ref = a.get('ref');
        if (ref && a.get('id')) this.hyperlinks.add(ref);
        break;
      }
    }
  }

  close(name: string): void {
    if (this.rich) {
      if (name === 'is') {
        this.cell!.inline = this.rich.take();
        this.rich = undefined;
      } else this.rich.close(name);
      return;
    }
    if (this.cell) {
      if (name === 'c') this.closeCell();
      else if ((name === 'v' || name === 'f') && this.collect === name) {
        const value = this.chunks.join('');
        if (name === 'v') this.cell.value = value;
        else this.cell.formula = value;
        this.collect = undefined;
      }
      return;
    }
    if (name === 'row' && this.inData) this.closeRow();
    else if (name === 'sheetData') this.inData = false;
    else if (name === 'worksheet') this.finished = true;
  }

  text(t: string): void {
    if (this.rich) this.rich.text(t);
    else if (this.collect) this.chunks.push(t);
  }

  private openRow(a: Attributes): void {
    // Rows without `r` follow the one before (Excel, LibreOffice and SheetJS read them so).
    const at = a.get('r');
    const r = at !== undefined ? int(at) : this.row + 1;
    if (!(r >= 1 && r <= 1_048_576)) throw new XlsxError(`trang "${this.name}": số dòng không hợp lệ (${at})`);
    this.row = r;
    this.col = 0;
    this.rowHidden = isTrue(a.get('hidden'));
    this.rowHasValue = false;
  }

  private closeRow(): void {
    if (this.rowHidden) this.hiddenRows.push({ row: this.row, valued: this.rowHasValue });
  }

  private openCell(a: Attributes): void {
    let row = this.row;
    let col = this.col + 1;
    const ref = a.get('r');
    if (ref !== undefined) {
      const at = cellAddressOf(ref);
      if (!at || at.col > 16_384 || at.row > 1_048_576 || at.row < 1) throw new XlsxError(`trang "${this.name}": địa chỉ ô không hợp lệ (${ref})`);
      row = at.row;
      col = at.col;
    } else if (row === 0) {
      row = this.row = 1; // a cell outside any row: only seen in broken files
    }
    this.col = col;
    const s = a.get('s');
    this.cell = { row, col, type: a.get('t') ?? 'n', style: s ? int(s) : 0, value: undefined, formula: undefined, isFormula: false, shared: undefined, inline: undefined };
  }

  private openInCell(name: string, a: Attributes): void {
    if (name === 'v' || name === 'f') {
      this.collect = name;
      this.chunks = [];
      // A shared formula's other cells carry only t="shared" and si: still a formula.
      if (name === 'f') {
        this.cell!.isFormula = true;
        const si = a.get('si');
        if (a.get('t') === 'shared' && si !== undefined) this.cell!.shared = { si, master: a.get('ref') !== undefined };
      }
    } else if (name === 'is') {
      this.rich = new RichTextReader();
    }
  }

  private closeCell(): void {
    const raw = this.cell!;
    this.cell = undefined;
    this.collect = undefined;
    if (raw.shared) this.shareFormula(raw);
    const cell = toCell(raw, this.ctx, this.hyperlinks.size > 0 && this.hyperlinks.has(cellRef(raw)));
    // An empty text ("" in the shared strings, as some writers leave a cleared cell) is a blank,
    // as ExcelJS and Office.js give it.
    if (!cell || (cell.value === '' && cell.formula === undefined)) return;
    this.rowHasValue = true;
    if (typeof cell.value === 'string' && cell.value.length > this.ctx.limits.maxCellChars) {
      this.ctx.limits.tooLong(this.name, raw.row, raw.col, cell.value.length);
    }
    setCell(this.sheet, raw.row, raw.col, cell);
  }

  /** The master's formula is remembered; the others get it moved by their offset from the master. */
  private shareFormula(raw: RawCell): void {
    const { si, master } = raw.shared!;
    if (master && raw.formula) this.sharedFormulas.set(si, { row: raw.row, col: raw.col, formula: raw.formula });
    else if (!raw.formula) {
      const m = this.sharedFormulas.get(si);
      if (m) raw.formula = slideFormula(m.formula, raw.row - m.row, raw.col - m.col);
    }
  }

  private addMerge(ref: string | undefined): void {
    if (!ref) return;
    const [a, b] = ref.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b ?? a);
    if (!p || !q) return;
    this.sheet.merges.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
  }

  finish(): Sheet {
    const s = this.sheet;
    // Merged cells other than the top-left are empty, as Office.js shows them.
    for (const m of s.merges) clearMerged(s, m);
    const slave = (r: number) => s.merges.some((m) => (r > m.top && r <= m.bottom) || (r === m.top && m.right > m.left));
    s.hiddenRows = this.hiddenRows.filter((h) => h.valued || slave(h.row)).map((h) => h.row);
    s.hiddenRows.sort((x, y) => x - y);
    s.hiddenCols = hiddenColumns(this.cols);
    return s;
  }
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A cell's `r` ("E12"): read character by character, as every cell of every sheet has one; anything
 * else than letters then digits goes to the general parser ("$E$12", lower case, spaces).
 */
export function cellAddressOf(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length && i - digitsFrom < 7; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + c - 48;
  }
  return col > 0 && i > digitsFrom && i === ref.length ? { row, col } : parseAddress(ref);
}

function cellRef(c: RawCell): string {
  return letters(c.col) + c.row;
}

function columnNumber(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) & ~32) - 64;
  return n;
}

// A reference candidate (as ExcelJS's slideFormula finds them), or a string literal to leave alone.
const FORMULA_TOKEN = /"(?:[^"]|"")*"|(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]{1,3})([$])?([1-9][0-9]*)$/i;

/** A formula moved by whole rows and columns: relative references shift, $-anchored ones stay. */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(FORMULA_TOKEN, (match: string, sheet: string | undefined, _s: string, addr: string | undefined, paren: string | undefined) => {
    if (!addr || paren) return match;
    const m = CELL_REF.exec(addr);
    if (!m || (m[2].length === 3 && m[2].toUpperCase() > 'XFD')) return match;
    const col = m[1] ? columnNumber(m[2]) : columnNumber(m[2]) + dCol;
    const row = m[3] ? parseInt(m[4], 10) : parseInt(m[4], 10) + dRow;
    return `${sheet ?? ''}${m[1] ?? ''}${letters(col)}${m[3] ?? ''}${row}`;
  });
}

function clearMerged(s: Sheet, m: CellRange): void {
  for (let r = m.top; r <= m.bottom; r++) {
    const row = s.rows[r];
    if (!row) continue;
    for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) delete row[c];
    if (!row.some((c) => c)) delete s.rows[r];
    else while (row.length && !row[row.length - 1]) row.length--;
  }
  while (s.rows.length && !s.rows[s.rows.length - 1]) s.rows.length--;
}

/** <col min max hidden> ranges, the first one given winning where two overlap (as in ExcelJS). */
function hiddenColumns(cols: Array<{ min: number; max: number; hidden: boolean }>): number[] {
  const out: number[] = [];
  let next = 1;
  for (const c of [...cols].sort((x, y) => x.min - y.min)) {
    if (!(c.max >= c.min && c.min >= 1)) continue;
    const from = Math.max(next, c.min);
    const to = Math.min(c.max, 16_384);
    if (c.hidden) for (let i = from; i <= to; i++) out.push(i);
    next = Math.max(next, to + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * A copy of the string that does not share memory with the part's XML: a label kept by the
 * engine would otherwise keep the whole sheet's text alive.
 */
function own(s: string): string {
  return (' ' + s).slice(1);
}

function toCell(raw: RawCell, ctx: SheetContext, linked: boolean): Cell | null {
  const style = raw.style ? ctx.styles[raw.style] : undefined;
  let value: CellValue;
  let font = style?.font;
  let formula: string | undefined;
  if (raw.isFormula) {
    formula = raw.formula ?? '';
    value = raw.value ? typedValue(raw.type, raw.value, style, ctx, true) : null;
  } else if (raw.inline !== undefined) {
    const s = joinRuns(raw.inline);
    if (s.text === '' && typeof raw.inline === 'string') return null;
    value = s.text;
    font ??= s.font;
  } else if (raw.value !== undefined) {
    if (raw.type === 's') {
      const shared = ctx.strings[parseInt(raw.value, 10)];
      if (shared === undefined) throw new XlsxError(`ô ${cellRef(raw)} trỏ tới chuỗi dùng chung không có (${raw.value})`);
      const s = joinRuns(shared);
      value = s.text;
      font ??= s.font;
    } else value = typedValue(raw.type, raw.value, style, ctx, false);
  } else return null;
  if (linked) {
    // ExcelJS gave a linked cell as its text: a number became its decimal text, a formula its result.
    if (value === null) return null;
    value = value instanceof Date || typeof value === 'object' ? value : String(value);
    formula = undefined;
  }
  if (typeof value === 'string') value = own(value);
  const cell: Cell = { value };
  if (formula !== undefined) cell.formula = own(formula);
  if (style?.numFmt) cell.numFmt = style.numFmt;
  if (font) cell.font = font;
  return cell;
}

function joinRuns(s: SharedString): { text: string; font?: string } {
  if (typeof s === 'string') return { text: s };
  return { text: s.map((r) => r.text).join(''), font: s.find((r) => r.font)?.font };
}

/** A <v> by its cell's t: numbers (dates when the format is a date format), text, booleans, errors. */
function typedValue(type: string, v: string, style: CellStyle | undefined, ctx: SheetContext, isResult: boolean): CellValue {
  switch (type) {
    case 'str':
      return decodeText(v); // ExcelJS decoded entities in t="str" twice; so do we
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return { error: v };
    case 'inlineStr':
      return isResult ? parseFloat(v) : v;
    case 'd': {
      // An ISO 8601 date (Strict files, some writers); ExcelJS misread it as a number.
      const d = new Date(/(Z|[+-]\d\d:?\d\d)$/.test(v) || !/T/.test(v) ? v : v + 'Z');
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      const n = parseFloat(v);
      return isDateFormat(style?.numFmt) ? serialToDate(n, ctx.date1904) : n;
    }
  }
}
