// Which ExcelApi requirement sets the adapter relies on. The manifest asks for
// MIN_EXCEL_API; everything newer is detected at run time through a `Supports`
// function so that Excel 2019 (ExcelApi 1.8) still gets a working, plainer result.

/** Answers "does the host support requirement set `set` at `version`?". */
export type Supports = (set: string, version: string) => boolean;

/** Minimum in the manifest: used-range OrNullObject (1.4), named items with formula (1.7), freeze panes (1.7), workbook.name (1.7), getRangeByIndexes (1.7). */
export const MIN_EXCEL_API = '1.7';

/** Optional features and the ExcelApi version each needs. */
export const FEATURE_API = {
  /** worksheet.getRanges (RangeAreas), range.getCellProperties/getRowProperties, fill.pattern, autoFilter. */
  rangeAreas: '1.9',
  cellProperties: '1.9',
  fillPattern: '1.9',
  autoFilter: '1.9',
  /** worksheet.pageLayout: orientation, paper, fit to width, print titles and area, footers. */
  pageLayout: '1.9',
  /** workbook.comments (threaded comments). */
  comments: '1.10',
  /** range.getMergedAreasOrNullObject. */
  mergedAreas: '1.13',
  /** worksheet.notes (legacy-style notes). */
  notes: '1.18',
} as const;

export type Feature = keyof typeof FEATURE_API;

export function has(supports: Supports, feature: Feature): boolean {
  return supports('ExcelApi', FEATURE_API[feature]);
}

declare const Office: { context?: { requirements?: { isSetSupported(set: string, version?: string): boolean } } } | undefined;

/** The live host's answer; false for everything when Office.js is not loaded (tests, node). */
export const hostSupports: Supports = (set, version) => {
  try {
    return typeof Office !== 'undefined' && !!Office?.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
};

/** For tests and for callers that know the host: everything up to and including `max`. */
export function supportsUpTo(max: string): Supports {
  const [maxMajor, maxMinor] = max.split('.').map(Number);
  return (set, version) => {
    if (set !== 'ExcelApi') return false;
    const [major, minor] = version.split('.').map(Number);
    return major < maxMajor || (major === maxMajor && minor <= maxMinor);
  };
}
