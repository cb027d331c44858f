// Which sheets did this add-in write? Each output sheet is registered by a hidden,
// workbook-scoped named item "chitieu_out_<run>_<n>" that refers to the sheet's A1 and
// carries a JSON marker in its comment (ExcelApi 1.4 names, 1.7 for reading `formula`).
// Why a workbook-scoped name rather than a sheet-scoped one or a cell:
// - a sheet copied by the user ("Move or Copy") does not take workbook-scoped names along,
//   so a copy is never mistaken for ours and deleted;
// - the reference follows a rename, and the marker records the name we gave, so a sheet
//   the user renamed no longer counts as ours (we leave it alone from then on);
// - all markers load in one request with the worksheet list (no per-sheet round trip).
/// <reference types="office-js" />

export const OWN_NAME_PREFIX = 'chitieu_out_';
/** Hidden sheet holding the flags' undo record (see flags.ts); never read as a report. */
export const UNDO_SHEET = 'chitieu_undo';

export interface OwnMarker {
  chitieu: 1;
  /** The sheet name this add-in gave. */
  sheet: string;
  /** The planned name it stood for ("Tổng hợp" for "Tổng hợp (2)"). */
  base: string;
  run: string;
}

export interface OwnEntry {
  /** The named item's name. */
  item: string;
  marker: OwnMarker;
  /** Sheet the name refers to now; null when that sheet was deleted (#REF!). */
  current: string | null;
}

/** Queue the load of every workbook-scoped name (call before a sync). */
export function queueOwnership(context: Excel.RequestContext): Excel.NamedItemCollection {
  return context.workbook.names.load('items/name,items/formula,items/comment');
}

/** Read the registry after the sync. */
export function ownEntries(names: Excel.NamedItemCollection): OwnEntry[] {
  const out: OwnEntry[] = [];
  for (const n of names.items) {
    if (!n.name.toLowerCase().startsWith(OWN_NAME_PREFIX)) continue;
    const marker = parseMarker(n.comment);
    if (!marker) continue;
    out.push({ item: n.name, marker, current: sheetOfFormula(String(n.formula ?? '')) });
  }
  return out;
}

/** Prefix of the temporary name an old output sheet takes while a new rollup is written. */
export const OWN_TEMP_PREFIX = '~ct';

/**
 * Names of the sheets that are still ours: registered, and still under the name we gave, or
 * under the temporary name a rollup gave them before it failed and could not roll back.
 */
export function ownSheetNames(entries: OwnEntry[]): Set<string> {
  const own = new Set<string>();
  for (const e of entries) {
    if (e.current !== null && (e.current === e.marker.sheet || e.current.startsWith(OWN_TEMP_PREFIX))) own.add(e.current);
  }
  return own;
}

export function markerComment(m: OwnMarker): string {
  return JSON.stringify(m);
}

function parseMarker(comment: string | null | undefined): OwnMarker | null {
  if (!comment) return null;
  try {
    const m = JSON.parse(comment) as OwnMarker;
    return m && m.chitieu === 1 && typeof m.sheet === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** "='Tổng hợp (2)'!$A$1" → "Tổng hợp (2)"; "=#REF!$A$1" → null. */
export function sheetOfFormula(formula: string): string | null {
  const f = formula.replace(/^=/, '');
  const quoted = /^'((?:[^']|'')*)'!/.exec(f);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!'#]+)!/.exec(f);
  return plain ? plain[1] : null;
}

/** A short id for this run; goes into name items, so letters and digits only. */
export function newRunId(): string {
  return Date.now().toString(36) + Math.floor(Math.random() * 36 ** 3).toString(36);
}

/**
 * One sync: the workbook's name, its sheets with their visibility, and which of them this
 * add-in wrote. The first step of every operation that looks at the sheet list.
 */
export async function loadSheetList(context: Excel.RequestContext): Promise<{ name: string; sheets: Excel.Worksheet[]; own: Set<string> }> {
  const wb = context.workbook;
  wb.load('name');
  const worksheets = wb.worksheets.load('items/name,items/visibility');
  const names = queueOwnership(context);
  await context.sync();
  return { name: wb.name, sheets: worksheets.items, own: ownSheetNames(ownEntries(names)) };
}
