// The fake Excel host (test/excel/fakeExcel.ts) has no Range.select(); the pane needs it to
// show a finding's cell. This adds it, with Excel's effect: the range's sheet becomes the
// active sheet and the range the selection, both at sync time like every other call.
import { cellAddress } from '../../src/core/model';
import { FakeExcel } from '../excel/fakeExcel';

export interface FakeSelection {
  sheet: string;
  address: string;
}

const selections = new WeakMap<object, FakeSelection>();

export function selectionOf(host: FakeExcel): FakeSelection | null {
  return selections.get(host.state) ?? null;
}

export function addSelect(host: FakeExcel): void {
  // Any context will do to reach the Range proxy's prototype; this one is never synced.
  const range = host.context().workbook.worksheets.getItem('any').getRange('A1') as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(range) as Record<string, unknown>;
  if (typeof proto.select === 'function') return;
  proto.select = function (this: {
    ctx: { host: FakeExcel };
    _call(name: string, args: unknown[], run: () => void): void;
    _t(): { sheet: { name: string }; rect: { top: number; left: number; bottom: number; right: number } };
  }) {
    this._call('Select', [], () => {
      const t = this._t();
      const state = this.ctx.host.state;
      state.active = state.find(t.sheet.name);
      const a = cellAddress(t.rect.top, t.rect.left);
      const b = cellAddress(t.rect.bottom, t.rect.right);
      selections.set(state, { sheet: t.sheet.name, address: a === b ? a : `${a}:${b}` });
    });
  };
}
