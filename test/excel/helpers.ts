// Shared test helpers: flatten a model for comparison, and a counting wrapper.
import { Cell, WorkbookModel, cellAddress } from '../../src/core/model';
import { FakeExcel } from './fakeExcel';
import { Supports } from '../../src/excel/requirements';

export interface FlatSheet {
  name: string;
  cells: Record<string, Cell>;
  merges: string[];
  hiddenRows: number[];
  hiddenCols: number[];
}

export function flatten(m: WorkbookModel): FlatSheet[] {
  return m.sheets.map((s) => {
    const cells: Record<string, Cell> = {};
    s.rows.forEach((row, r) =>
      row?.forEach((c, k) => {
        if (c && !(c.value === null && c.formula === undefined) && c.value !== '') cells[cellAddress(r, k)] = { ...c };
      }),
    );
    return {
      name: s.name,
      cells,
      merges: s.merges.map((g) => `${g.top},${g.left},${g.bottom},${g.right}`).sort(),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
    };
  });
}

/** The same sheets without font names (they are read only for legacy-looking text). */
export function withoutFonts(m: WorkbookModel): FlatSheet[] {
  return flatten(m).map((s) => ({
    ...s,
    cells: Object.fromEntries(Object.entries(s.cells).map(([k, c]) => [k, (({ font: _f, ...rest }) => rest)(c)])),
  }));
}

/** Runs f and returns how many syncs it took on the host. */
export async function countSyncs<T>(host: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = host.syncCount;
  const result = await f();
  return { result, syncs: host.syncCount - before };
}

export function supportsOf(host: FakeExcel): Supports {
  return host.isSetSupported;
}
