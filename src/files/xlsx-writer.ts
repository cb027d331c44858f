// The rollup workbook (tong-hop.xlsx) written directly as SpreadsheetML and zipped with fflate:
// values, shared strings, formulas, the few looks the plan uses (number format, bold, fill,
// wrap, alignment, unlocked), merges, column widths and hidden columns, row heights, frozen
// panes, an autofilter, notes, and page setup (A4, orientation, fit to width, print titles and
// area as defined names, the footer with the page number). It writes what ExcelJS's writer
// wrote for the same plan (test/files/xlsx-writer.test.ts reads both back with ExcelJS and
// compares them part for part) at a fraction of its cost: no cell objects, no style lookups.
// Parts are deflated with Node's zlib, which measured several times faster here than a deflate
// written in JavaScript (fflate's), and stored in a plain zip (./zip-writer).
// Data validation and sheet protection (the templates) are left to ExcelJS (./template).
import { promises as fs } from 'fs';
import { ZipBuilder } from './zip-writer';
import type { OutputPlan, PlannedCell, PlannedPage, PlannedSheet } from '../core/plan';

/** Fixed dates keep the file identical for identical inputs. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Excel's built-in number formats the plan uses; any other gets an id from 164 up. */
const BUILTIN_NUMFMT: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** Text as XML character data or an attribute value; characters XML 1.0 does not allow are dropped. */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : c === "'" ? '&apos;' : '',
  );
}

/** <t> with the space kept when the text starts or ends with a space or holds a line break. */
function tElement(s: string): string {
  return /^\s|\n|\s$/.test(s) ? `<t xml:space="preserve">${xmlText(s)}</t>` : `<t>${xmlText(s)}</t>`;
}

/** "A", "B", … "AF" for a 1-based column. */
const COLUMN_NAMES: string[] = [];
export function columnName(col: number): string {
  let name = COLUMN_NAMES[col];
  if (name) return name;
  name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  COLUMN_NAMES[col] = name;
  return name;
}

/** A cell's look, as the plan states it (the same fields the ExcelJS writer turned into a style). */
interface Look {
  numFmt?: string;
  bold?: boolean;
  fill?: string;
  wrap?: boolean;
  align?: string;
  unlocked?: boolean;
}

/** Text that Excel would take for a formula if typed: its cell is formatted as text ("@"). */
const TEXT_NEEDS_AT = /^[=+\-@]/;

function lookOf(c: PlannedCell): Look {
  const v = c.value;
  // "@" tells Excel the cell is text, so editing it later does not turn it into a formula.
  const numFmt = 'text' in v ? (TEXT_NEEDS_AT.test(v.text) ? '@' : undefined) : c.numFmt;
  const look: Look = {};
  if (numFmt) look.numFmt = numFmt;
  if (c.bold) look.bold = true;
  if (c.fill) look.fill = c.fill;
  if (c.wrap) look.wrap = true;
  if (c.align) look.align = c.align;
  if (c.unlocked) look.unlocked = true;
  return look;
}

/** The workbook's styles part: one cell format per distinct look, fonts, fills and number formats. */
class Styles {
  private xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private byKey = new Map<string, number>();
  private fills: string[] = [];
  private numFmts: string[] = [];
  /** Small numbers for the looks' parts, so a cell's look is found without building a key. */
  private codes = new Map<string, number>();
  private byCode = new Map<number, number>();

  private code(s: string | undefined): number {
    if (s === undefined) return 0;
    let n = this.codes.get(s);
    if (n === undefined) this.codes.set(s, (n = this.codes.size + 1));
    return n;
  }

  /** The style index of a planned cell's own look (a cell outside any merged area). */
  ofCell(c: PlannedCell): number {
    const v = c.value;
    const numFmt = 'text' in v ? (TEXT_NEEDS_AT.test(v.text) ? '@' : undefined) : c.numFmt;
    const code =
      (((this.code(numFmt) * 64 + this.code(c.fill)) * 8 + (c.align === 'left' ? 1 : c.align === 'center' ? 2 : c.align === 'right' ? 3 : 0)) * 8) +
      (c.bold ? 4 : 0) + (c.wrap ? 2 : 0) + (c.unlocked ? 1 : 0);
    let id = this.byCode.get(code);
    if (id === undefined) this.byCode.set(code, (id = this.id(lookOf(c))));
    return id;
  }

  /** The style index (s="…") of a look. */
  id(look: Look): number {
    const key = `${look.numFmt ?? ''}|${look.bold ? 1 : 0}|${look.fill ?? ''}|${look.wrap ? 1 : 0}|${look.align ?? ''}|${look.unlocked ? 1 : 0}`;
    let id = this.byKey.get(key);
    if (id !== undefined) return id;
    const numFmtId = look.numFmt ? this.numFmtId(look.numFmt) : 0;
    const fontId = look.bold ? 1 : 0;
    let fillId = 0;
    if (look.fill) {
      const at = this.fills.indexOf(look.fill);
      fillId = 2 + (at >= 0 ? at : this.fills.push(look.fill) - 1);
    }
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`;
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    // Every cell at the top, so a row whose wrapped text makes it tall still reads as one line.
    xf += ' applyAlignment="1"';
    if (look.unlocked) xf += ' applyProtection="1"';
    xf += `><alignment${look.align ? ` horizontal="${look.align}"` : ''} vertical="top"${look.wrap ? ' wrapText="1"' : ''}/>`;
    if (look.unlocked) xf += '<protection locked="0"/>';
    xf += '</xf>';
    id = this.xfs.push(xf) - 1;
    this.byKey.set(key, id);
    return id;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_NUMFMT) return BUILTIN_NUMFMT[code];
    let at = this.numFmts.indexOf(code);
    if (at < 0) at = this.numFmts.push(code) - 1;
    return 164 + at;
  }

  xml(): string {
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join('')}</numFmts>`
      : '';
    const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', ...this.fills.map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${c}"/></patternFill></fill>`)];
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/></font></fonts>' +
      `<fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}

/** The workbook's shared strings: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private index = new Map<string, number>();
  private list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  xml(): Buffer {
    const out = new Sink();
    out.add(XML_HEAD + `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`);
    for (const s of this.list) out.add(`<si>${tElement(s)}</si>`);
    out.add('</sst>');
    return out.bytes();
  }
}

/** A note and the cell it is on. */
interface Note {
  row: number;
  col: number;
  text: string;
}

/**
 * Text written in pieces and kept as UTF-8 bytes outside the JavaScript heap every 64 K
 * characters, so a country's sheet does not sit in memory as millions of small strings.
 */
class Sink {
  private acc = '';
  private chunks: Buffer[] = [];

  add(s: string): void {
    this.acc += s;
    if (this.acc.length > 65536) this.flush();
  }

  private flush(): void {
    if (this.acc) this.chunks.push(Buffer.from(this.acc, 'utf8'));
    this.acc = '';
  }

  bytes(): Buffer {
    this.flush();
    const out = Buffer.concat(this.chunks);
    this.chunks = [];
    return out;
  }
}

/**
 * The merged areas of a sheet, as ExcelJS wrote them: an area shares one look, the looks of the
 * cells planned in it, in order, each laid over the last; a value planned in any of its cells
 * goes to the area's first cell; every cell of the area is written, planned or not.
 */
interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
  look: Look;
  value?: PlannedCell['value'];
}

/** A cell as written: its value (none for an empty one), its style, its note. */
interface Written {
  col: number;
  value?: PlannedCell['value'];
  style: number;
  note?: string;
}

/** Column widths, equal neighbours in one <col> as Excel writes them. */
function colsXml(plan: PlannedSheet): string {
  const hidden = new Set(plan.hiddenCols ?? []);
  const cols = plan.widths.map((w, i) => ({ width: w || 9, hidden: hidden.has(i + 1) }));
  if (!cols.length) return '';
  const parts: string[] = [];
  for (let i = 0; i < cols.length; ) {
    // A column at the default width (9) and shown is left out, as ExcelJS left it.
    if (cols[i].width === 9 && !cols[i].hidden) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].width === cols[i].width && cols[j + 1].hidden === cols[i].hidden) j++;
    parts.push(`<col min="${i + 1}" max="${j + 1}" width="${cols[i].width}"${cols[i].hidden ? ' hidden="1"' : ''} customWidth="1"/>`);
    i = j + 1;
  }
  if (!parts.length) return '';
  return `<cols>${parts.join('')}</cols>`;
}

function viewsXml(plan: PlannedSheet): string {
  if (!plan.frozenRows && !plan.frozenCols) return '';
  const x = plan.frozenCols;
  const y = plan.frozenRows;
  const pane = x && y ? 'bottomRight' : x ? 'topRight' : 'bottomLeft';
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''} topLeftCell="${columnName(x + 1)}${y + 1}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

/** Margins, A4 in the planned orientation and fit, the footer with the page number. */
function pageXml(page: PlannedPage | undefined): string {
  if (!page) {
    return (
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>'
    );
  }
  // "&" starts a code in a header or footer; a literal one is written "&&".
  const footer = page.footer ? `&L${page.footer.replace(/&/g, '&&')}` : '';
  return (
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${page.orientation}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="${page.fitToWidth ? 0 : 1}"/>` +
    `<headerFooter><oddFooter>${xmlText(`${footer}&RTrang &P/&N`)}</oddFooter></headerFooter>`
  );
}

interface SheetParts {
  xml: Buffer;
  /** The notes, in the order written, or none. */
  notes: Note[];
}

function sheetXml(plan: PlannedSheet, styles: Styles, strings: SharedStrings): SheetParts {
  const out = new Sink();
  out.add(XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`);
  if (plan.page?.fitToWidth) out.add('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.add(viewsXml(plan));
  out.add('<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0"/>');
  out.add(colsXml(plan));
  out.add('<sheetData>');
  // Cells by row, in planned order within a row (the order the streaming writer took them).
  const byRow = new Map<number, PlannedCell[]>();
  for (const c of plan.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const areas: Area[] = plan.merges.map((m) => ({ ...m, look: {} }));
  const areaAt = new Map<number, Area>();
  const areaRows = new Set<number>();
  const KEY = 16385;
  for (const area of areas) {
    for (let r = area.top; r <= area.bottom; r++) for (let col = area.left; col <= area.right; col++) areaAt.set(r * KEY + col, area);
    for (let r = area.top; r <= area.bottom; r++) {
      areaRows.add(r);
      if (!byRow.has(r)) byRow.set(r, []);
    }
  }
  const rowNumbers = [...byRow.keys()].sort((x, y) => x - y);
  // The areas' looks and values first: a look planned further down an area applies to all of it.
  if (areas.length) {
    for (const r of rowNumbers) {
      if (!areaRows.has(r)) continue;
      for (const c of byRow.get(r)!) {
        const area = areaAt.get(c.row * KEY + c.col);
        if (!area) continue;
        layOver(area.look, lookOf(c));
        if (!('empty' in c.value)) area.value = c.value;
      }
    }
  }
  const notes: Note[] = [];
  for (const r of rowNumbers) {
    const planned = byRow.get(r)!;
    const height = plan.rowHeights?.[r];
    out.add(height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`);
    const cells = areaRows.has(r) || !ascending(planned) ? mergedRow(r, planned, areas, areaAt, KEY, styles) : null;
    if (cells) {
      for (const w of cells) {
        writeCell(out, r, w.col, w.value, w.style, strings);
        if (w.note) notes.push({ row: r, col: w.col, text: w.note });
      }
    } else {
      for (const c of planned) {
        writeCell(out, r, c.col, c.value, styles.ofCell(c), strings);
        if (c.note) notes.push({ row: r, col: c.col, text: c.note });
      }
    }
    out.add('</row>');
  }
  out.add('</sheetData>');
  if (plan.autoFilter) out.add(`<autoFilter ref="${xmlText(plan.autoFilter)}"/>`);
  if (plan.merges.length) {
    out.add(`<mergeCells count="${plan.merges.length}">`);
    for (const m of plan.merges) out.add(`<mergeCell ref="${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}"/>`);
    out.add('</mergeCells>');
  }
  out.add(pageXml(plan.page));
  if (notes.length) out.add('<legacyDrawing r:id="rId2"/>');
  out.add('</worksheet>');
  return { xml: out.bytes(), notes };
}

/**
 * A look laid over an area's, as ExcelJS assigned a style over a merged area's shared one: the
 * number format, font, fill and protection where the new look has them, and the alignment
 * (wrap and horizontal, which every style has) replaced whole.
 */
function layOver(area: Look, look: Look): void {
  if (look.numFmt) area.numFmt = look.numFmt;
  if (look.bold) area.bold = true;
  if (look.fill) area.fill = look.fill;
  if (look.unlocked) area.unlocked = true;
  if (look.wrap) area.wrap = true;
  else delete area.wrap;
  if (look.align) area.align = look.align;
  else delete area.align;
}

/** True when a row's cells are planned left to right, each column once (the usual case). */
function ascending(cells: PlannedCell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i].col <= cells[i - 1].col) return false;
  return true;
}

/**
 * A row's cells when merged areas cross it or its cells are not planned left to right: the
 * last value, look and note planned for a cell win, as when ExcelJS's cell is set again.
 */
function mergedRow(r: number, planned: PlannedCell[], areas: Area[], areaAt: Map<number, Area>, KEY: number, styles: Styles): Written[] {
  const byCol = new Map<number, Written>();
  for (const c of planned) {
    const area = areaAt.get(r * KEY + c.col);
    const w = byCol.get(c.col) ?? { col: c.col, style: 0 };
    if (!area) {
      w.style = styles.ofCell(c);
      w.value = 'empty' in c.value ? undefined : c.value;
    }
    if (c.note) w.note = c.note;
    byCol.set(c.col, w);
  }
  for (const area of areas) {
    if (r < area.top || r > area.bottom) continue;
    const style = styles.id(area.look);
    for (let col = area.left; col <= area.right; col++) {
      const w = byCol.get(col) ?? { col, style };
      w.style = style;
      w.value = r === area.top && col === area.left ? area.value : undefined;
      byCol.set(col, w);
    }
  }
  return [...byCol.values()].sort((x, y) => x.col - y.col);
}

function writeCell(out: Sink, r: number, col: number, v: PlannedCell['value'] | undefined, style: number, strings: SharedStrings): void {
  const s = style ? ` s="${style}"` : '';
  const ref = columnName(col) + r;
  if (!v || 'empty' in v) out.add(`<c r="${ref}"${s}/>`);
  else if ('text' in v) out.add(`<c r="${ref}"${s} t="s"><v>${strings.id(v.text)}</v></c>`);
  else if ('number' in v) out.add(`<c r="${ref}"${s}><v>${v.number}</v></c>`);
  else out.add(`<c r="${ref}"${s}><f>${xmlText(v.formula)}</f></c>`);
}

function commentsXml(notes: Note[]): Buffer {
  const parts = new Sink();
  parts.add(XML_HEAD + `<comments xmlns="${NS_MAIN}"><authors><author>Author</author></authors><commentList>`);
  for (const n of notes) parts.add(`<comment ref="${columnName(n.col)}${n.row}" authorId="0"><text><r>${tElement(n.text)}</r></text></comment>`);
  parts.add('</commentList></comments>');
  return parts.bytes();
}

/** The notes' boxes, hidden until the cell is pointed at, as Excel's legacy drawing holds them. */
function vmlXml(notes: Note[]): Buffer {
  const parts = new Sink();
  parts.add(
    '<xml xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
  );
  notes.forEach((n, i) => {
    const top = Math.max(n.row - 2, 0);
    parts.add(
      `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
        '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${n.col}, 6, ${top}, 14, ${n.col + 2}, 2, ${top + 4}, 16</x:Anchor>` +
        `<x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${n.row - 1}</x:Row><x:Column>${n.col - 1}</x:Column></x:ClientData></v:shape>`,
    );
  });
  parts.add('</xml>');
  return parts.bytes();
}

/** 'Tổng hợp', quoted for a reference (a quote inside doubled). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function definedNamesXml(sheets: PlannedSheet[]): string {
  const names: string[] = [];
  sheets.forEach((s, i) => {
    const p = s.page;
    if (p?.printArea) {
      const [a, b] = p.printArea.split(':');
      names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`${quotedSheet(s.name)}!$${a}:$${b ?? a}`)}</definedName>`);
    }
    if (p?.repeatRows) {
      const [a, b] = p.repeatRows.split(':');
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quotedSheet(s.name)}!$${a}:$${b ?? a}`)}</definedName>`);
    }
  });
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}

/**
 * The plan's parts, each given to `put` as soon as it is made (and zipped there, so a country's
 * sheets are not all held at once), the content types first as Office writes them.
 */
export function writeParts(plan: OutputPlan, put: (name: string, xml: string | Buffer) => void): void {
  const styles = new Styles();
  const strings = new SharedStrings();
  const types: string[] = [];
  const sheetRels: string[] = [];
  plan.sheets.forEach((sheet, i) => {
    const n = i + 1;
    types.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    sheetRels.push(`<Relationship Id="rId${n + 3}" Type="${NS_R}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    // A sheet has notes when a planned cell has one (sheetXml writes each).
    if (sheet.cells.some((c) => c.note)) types.push(`<Override PartName="/xl/comments${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
  });
  put(
    '[Content_Types].xml',
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      types.join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  plan.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const { xml, notes } = sheetXml(sheet, styles, strings);
    put(`xl/worksheets/sheet${n}.xml`, xml);
    if (notes.length) {
      put(`xl/comments${n}.xml`, commentsXml(notes));
      put(`xl/drawings/vmlDrawing${n}.vml`, vmlXml(notes));
      put(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        XML_HEAD +
          `<Relationships xmlns="${NS_PKG_R}"><Relationship Id="rId1" Type="${NS_R}/comments" Target="../comments${n}.xml"/>` +
          `<Relationship Id="rId2" Type="${NS_R}/vmlDrawing" Target="../drawings/vmlDrawing${n}.vml"/></Relationships>`,
      );
    }
  });
  put(
    'xl/workbook.xml',
    XML_HEAD +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
      plan.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 4}"/>`).join('') +
      `</sheets>${definedNamesXml(plan.sheets)}<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    XML_HEAD +
      `<Relationships xmlns="${NS_PKG_R}"><Relationship Id="rId1" Type="${NS_R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>${sheetRels.join('')}</Relationships>`,
  );
  put('xl/sharedStrings.xml', strings.xml());
  put('xl/styles.xml', styles.xml());
  const date = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  put(
    'docProps/core.xml',
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>chitieu</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`,
  );
  put(
    '_rels/.rels',
    XML_HEAD +
      `<Relationships xmlns="${NS_PKG_R}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
}

/** The plan as the bytes of an .xlsx file. */
export function workbookBytes(plan: OutputPlan): Buffer {
  const zip = new ZipBuilder();
  writeParts(plan, (name, xml) => zip.add(name, xml));
  return zip.bytes();
}

export async function writeWorkbookBytes(plan: OutputPlan, file: string): Promise<void> {
  await fs.writeFile(file, workbookBytes(plan));
}
