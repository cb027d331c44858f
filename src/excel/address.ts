// Address helpers for the Office.js adapter: A1 strings in and out, sheet-qualified
// addresses as Excel returns them, and packing cell sets into few rectangles so one
// API call can format many cells (RangeAreas via worksheet.getRanges).
import { CellRange, cellAddress, parseAddress } from '../core/model';

/** Excel caps a getRange/getRanges address string at 8192 characters; stay well under. */
export const MAX_ADDRESS_CHARS = 8000;
/** getRanges has been seen to fail past 512 areas (office-js issue tracker); stay under. */
export const MAX_AREAS = 500;

/** A1 address of a rectangle, "B3" for a single cell, "B3:D9" otherwise. */
export function rangeAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Quotes a sheet name the way Excel does in a formula or a qualified address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/**
 * Splits "Sheet1!A1:B2, 'Tổng hợp'!C3" (a RangeAreas or Range address) into its parts,
 * dropping the sheet prefix. Commas inside a quoted sheet name are not separators.
 */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const bang = p.lastIndexOf('!');
      return bang >= 0 ? p.slice(bang + 1) : p;
    });
}

/** Parses "A1" or "$A$1:$C$9" (no sheet prefix) into a rectangle; null when it is not one. */
export function parseRange(address: string): CellRange | null {
  const [a, b] = address.replace(/\$/g, '').split(':');
  const p = parseAddress(a);
  if (!p) return null;
  const q = b === undefined ? p : parseAddress(b);
  if (!q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Rectangle of a possibly sheet-qualified address such as "'Tổng hợp'!A1:H40". */
export function parseQualifiedRange(address: string): CellRange | null {
  const [first] = splitAreas(address);
  return first === undefined ? null : parseRange(first);
}

/**
 * Packs cells into rectangles: runs of adjacent columns in a row first, then stacks of
 * identical runs in consecutive rows. Greedy, not optimal, but a rollup's bold header or
 * coloured rate column collapses to a handful of areas.
 */
export function packCells(cells: Array<{ row: number; col: number }>): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row) ?? [];
    cols.push(c.col);
    byRow.set(c.row, cols);
  }
  const open = new Map<string, CellRange>(); // key "left:right" -> rectangle still growing down
  const done: CellRange[] = [];
  for (const row of [...byRow.keys()].sort((x, y) => x - y)) {
    const cols = [...new Set(byRow.get(row))].sort((x, y) => x - y);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [l, r] of runs) {
      const key = `${l}:${r}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(key, { top: row, left: l, bottom: row, right: r });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key) && rect.bottom < row) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done;
}

/** Joins addresses into comma lists of at most MAX_ADDRESS_CHARS and MAX_AREAS each (one getRanges call each). */
export function addressLists(rects: CellRange[], maxChars = MAX_ADDRESS_CHARS, maxAreas = MAX_AREAS): string[] {
  const lists: string[] = [];
  let cur = '';
  let areas = 0;
  for (const r of rects) {
    const a = rangeAddress(r);
    if (cur && (cur.length + 1 + a.length > maxChars || areas === maxAreas)) {
      lists.push(cur);
      cur = '';
      areas = 0;
    }
    cur = cur ? `${cur},${a}` : a;
    areas++;
  }
  if (cur) lists.push(cur);
  return lists;
}
