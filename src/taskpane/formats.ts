// The file formats the reader reads. Drop and pick take these only; anything else is refused at
// once, naming the files, rather than failing after a check among the units' findings.
export const READABLE_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.xlsb', '.ods'] as const;

/** The `accept` attribute of the file inputs. */
export const ACCEPT = READABLE_EXTENSIONS.join(',');

export function isReadable(name: string): boolean {
  const lower = name.toLowerCase();
  return READABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Splits picked or dropped files into those the reader reads and the names of the others. */
export function splitByFormat<T extends { name: string }>(files: T[]): { accepted: T[]; refused: string[] } {
  return { accepted: files.filter((f) => isReadable(f.name)), refused: files.filter((f) => !isReadable(f.name)).map((f) => f.name) };
}
