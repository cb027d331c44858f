// Looking inside an .xlsx (a zip) before the reader unpacks its parts:
// the sizes the zip's directory declares, and the first bytes of each worksheet, where Excel
// writes the sheet's extent (<dimension ref="A1:G49"/>). Enough to refuse a zip bomb, a
// million-row sheet or thousands of sheets before they are unpacked. Runs in Node and in the
// browser (fflate), without Node's Buffer.
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/** The central directory's entries, or null when there is no readable directory. */
export function zipEntries(buf: Uint8Array): ZipEntry[] | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const count = view.getUint16(i + 10, true);
    let at = view.getUint32(i + 16, true);
    const out: ZipEntry[] = [];
    const decoder = new TextDecoder();
    for (let n = 0; n < count; n++) {
      if (at + 46 > buf.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      out.push({
        name: decoder.decode(buf.subarray(at + 46, at + 46 + nameLength)),
        method: view.getUint16(at + 10, true),
        compressedSize,
        // 0xFFFFFFFF: the real size is in a ZIP64 field, more than 4 GB, far past any limit.
        size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 4 : size,
        headerOffset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return out;
  }
  return null;
}

/** Up to `maxChars` characters from the start of an entry, unpacking no more than that. */
export async function peekEntry(buf: Uint8Array, e: ZipEntry, maxChars: number): Promise<string> {
  return peekEntrySync(buf, e, maxChars);
}

// Fed in small slices so that only what the caller asked for is inflated (a zip bomb's sheet
// gives its first kilobytes and nothing more).
const PEEK_SLICE = 2048;

/**
 * A faster way to inflate the start of a deflated entry, where the platform has one (the command
 * line gives Node's zlib): what the given compressed bytes inflate to, or null when it cannot tell
 * (more output than it allows, a broken stream); the JavaScript inflate is used then.
 */
export type PeekInflater = (compressedStart: Uint8Array) => Uint8Array | null;
let fastPeek: PeekInflater | null = null;

export function usePeekInflater(peek: PeekInflater | null): void {
  fastPeek = peek;
}

export function peekEntrySync(buf: Uint8Array, e: ZipEntry, maxChars: number): string {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (e.headerOffset + 30 > buf.length || view.getUint32(e.headerOffset, true) !== 0x04034b50) return '';
  const start = e.headerOffset + 30 + view.getUint16(e.headerOffset + 26, true) + view.getUint16(e.headerOffset + 28, true);
  const data = buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
  if (e.method === 0) return new TextDecoder().decode(data.subarray(0, maxChars * 4)).slice(0, maxChars);
  if (e.method !== 8) return '';
  if (fastPeek) {
    // maxChars characters are at most 4 bytes each in UTF-8, and deflate never grows data by more
    // than a few bytes per block: this much compressed input holds at least what was asked for.
    // A sheet's XML packs several times smaller, so a quarter of it is tried first: the start of
    // a report's sheet, not all of it inflated twice (here and when it is read).
    for (const budget of [Math.ceil(maxChars / 4) + 256, maxChars * 4 + 1024]) {
      const input = data.subarray(0, Math.min(data.length, budget));
      const out = fastPeek(input);
      if (!out) break;
      // More than asked for: the last character, maybe cut in two by the short input, is not kept.
      const text = new TextDecoder().decode(out.subarray(0, maxChars * 4));
      if (text.length > maxChars || input.length === data.length) return text.slice(0, maxChars);
    }
  }
  const decoder = new TextDecoder();
  let text = '';
  const inflate = new Inflate((chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  try {
    for (let at = 0; at < data.length && text.length < maxChars; at += PEEK_SLICE) {
      const end = Math.min(data.length, at + PEEK_SLICE);
      inflate.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    // A cut-off or broken stream: what came out so far is all there is to look at.
  }
  return text.slice(0, maxChars);
}

/** Rows and columns a worksheet's <dimension> declares; null when it declares none. */
export function declaredExtent(xmlStart: string): { rows: number; cols: number } | null {
  const m = /<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/.exec(xmlStart);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = m[4] ? Number(m[4]) - Number(m[2]) + 1 : 1;
  const cols = m[3] ? col(m[3]) - col(m[1]) + 1 : 1;
  return { rows, cols };
}

/** Sheet names by worksheet part ("xl/worksheets/sheet1.xml" → "Biểu 01"), for messages. */
export async function sheetNamesByPart(buf: Uint8Array, entries: ZipEntry[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!wb || !rels || wb.size > 5_000_000 || rels.size > 5_000_000) return out;
  const [wbXml, relsXml] = await Promise.all([peekEntry(buf, wb, wb.size), peekEntry(buf, rels, rels.size)]);
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, unescapeXml(name));
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}
