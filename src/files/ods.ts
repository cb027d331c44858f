// Hidden rows, columns and sheets of an .ods, which SheetJS does not report: read from content.xml,
// where LibreOffice marks rows and columns table:visibility="collapse" (or "filter" for rows a
// filter hides), and a hidden sheet by a table style whose table:display is "false".
import { decodeText } from './xml';
import { peekEntry, zipEntries } from './zip';

export interface Hidden {
  rows: number[];
  cols: number[];
  sheet: boolean;
}

const TABLE_STYLE = /<style:style\b([^>]*)>\s*<style:table-properties\b([^>]*?)\/?>/g;

/** Names of the table styles that hide their sheet. */
function hidingStyles(xml: string): Set<string> {
  const out = new Set<string>();
  for (const m of xml.matchAll(TABLE_STYLE)) if (attr(m[2], 'table:display') === 'false') out.add(attr(m[1], 'style:name') ?? '');
  return out;
}

const TOKEN = /<table:table((?:\s[^>]*)?)>|<\/table:table>|<table:table-row\b([^>]*?)\/?>|<table:table-column\b([^>]*?)\/?>/g;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}


/** Hidden rows and columns by sheet name, 1-based; none past `maxRows` rows or columns. */
export async function odsHidden(buf: Uint8Array, maxRows: number): Promise<Map<string, Hidden>> {
  const out = new Map<string, Hidden>();
  const content = zipEntries(buf)?.find((e) => e.name === 'content.xml');
  if (!content) return out;
  const xml = await peekEntry(buf, content, content.size);
  const hiding = hidingStyles(xml);
  let current: Hidden | null = null;
  let depth = 0; // a table inside a cell (rare) is not the sheet's
  let row = 0;
  let col = 0;
  for (const m of xml.matchAll(TOKEN)) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0) current = null;
    } else if (m[1] !== undefined) {
      depth++;
      if (depth > 1) continue;
      current = { rows: [], cols: [], sheet: hiding.has(attr(m[1], 'table:style-name') ?? '') };
      out.set(decodeText(attr(m[1], 'table:name') ?? ''), current);
      row = 0;
      col = 0;
    } else if (current && depth === 1) {
      const attrs = m[2] ?? m[3] ?? '';
      const isRow = m[2] !== undefined;
      const repeated = Math.max(1, Number(attr(attrs, isRow ? 'table:number-rows-repeated' : 'table:number-columns-repeated') ?? 1) || 1);
      const hidden = /^(collapse|filter)$/.test(attr(attrs, 'table:visibility') ?? '');
      const start = isRow ? row : col;
      if (hidden) for (let i = start + 1; i <= Math.min(start + repeated, maxRows); i++) (isRow ? current.rows : current.cols).push(i);
      if (isRow) row += repeated;
      else col += repeated;
    }
  }
  return out;
}
