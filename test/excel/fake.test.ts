// The fake host must catch the bugs real Excel punishes, or the adapter tests prove nothing.
import { FakeExcel, FakeOfficeError } from './fakeExcel';
import { unitWorkbook } from './units';

describe('fake Excel host', () => {
  test('reading a property before load+sync throws PropertyNotLoaded', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Xã 1');
    expect(() => ws.name).toThrow(/PropertyNotLoaded|not available/);
    ws.load('name');
    // Loaded but not yet synced: still unreadable.
    expect(() => ws.name).toThrow(FakeOfficeError);
    await ctx.sync();
    expect(ws.name).toBe('Xã 1');
    // A property not in the load list stays unreadable after the sync.
    expect(() => ws.visibility).toThrow(/visibility/);
  });

  test('the bug class: code that forgets load() fails in the fake', async () => {
    const host = new FakeExcel(unitWorkbook(2));
    const buggy = async () => {
      const ctx = host.context();
      const sheets = ctx.workbook.worksheets;
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    };
    await expect(buggy()).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    const alsoBuggy = async () => {
      const ctx = host.context();
      const sheets = ctx.workbook.worksheets.load('items/visibility');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    };
    await expect(alsoBuggy()).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  test('isNullObject needs a sync; OrNullObject returns null objects', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject('Không có');
    expect(() => missing.isNullObject).toThrow(/isNullObject/);
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    const empty = ctx.workbook.worksheets.add('Trống');
    const used = empty.getUsedRangeOrNullObject(true);
    await ctx.sync();
    expect(used.isNullObject).toBe(true);
  });

  test('writes are queued until sync; getItem is checked at sync', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Xã 1').getRange('A1').values = [['mới']];
    expect(host.sheet('Xã 1').get(1, 1)!.value).not.toBe('mới');
    await ctx.sync();
    expect(host.sheet('Xã 1').get(1, 1)!.value).toBe('mới');
    ctx.workbook.worksheets.getItem('Không có').getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('typing rules: General parses formulas and numbers, "@" keeps text', async () => {
    const host = new FakeExcel();
    const ctx = host.context();
    const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D1');
    r.values = [['=1+1', '+84 912', '12', '-']];
    await ctx.sync();
    const s = host.sheet('Sheet1');
    expect(s.get(1, 1)!.formula).toBe('1+1');
    expect(s.get(1, 2)!.formula).toBe('+84 912');
    expect(s.get(1, 3)!.value).toBe(12);
    expect(s.get(1, 4)!.value).toBe('-');
  });

  test('dimension mismatch, very hidden delete and API level are enforced', async () => {
    const host = new FakeExcel(unitWorkbook(2), { api: '1.7' });
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Xã 1').getRange('A1:B1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(() => ctx.workbook.worksheets.getItem('Xã 1').getRanges('A1,B2')).toThrow(/1\.9/);
    const ws = ctx.workbook.worksheets.getItem('Xã 2');
    ws.visibility = 'VeryHidden';
    ws.delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('counts syncs and bytes, and the n-th sync can fail after some operations', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Xã 1');
    ws.getRange('A1').values = [['một']];
    ws.getRange('A2').values = [['hai']];
    host.failOnSync(host.syncCount + 1, 3); // getItem, getRange, first write
    await expect(ctx.sync()).rejects.toThrow(/Injected failure/);
    expect(host.sheet('Xã 1').get(1, 1)!.value).toBe('một');
    expect(host.sheet('Xã 1').get(2, 1)?.value).not.toBe('hai');
    expect(host.syncCount).toBe(1);
    expect(host.requestBytes[0]).toBeGreaterThan(0);
  });

  test('a response over the payload limit fails like Excel on the web', async () => {
    const host = new FakeExcel(unitWorkbook(3), { payloadLimit: 2000 });
    const ctx = host.context();
    const ranges = ['Xã 1', 'Xã 2', 'Xã 3'].map((n) => ctx.workbook.worksheets.getItem(n).getRange('A1:G20').load('values,formulas'));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(() => ranges[0].values).toThrow(/values/);
  });
});

describe('the limits real Excel puts on multi-area calls', () => {
  test('getMergedAreasOrNullObject fails on a range meeting more than 512 merged areas', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const s = host.sheet('Xã 1');
    s.merges = Array.from({ length: 513 }, (_, i) => ({ top: 100 + i, left: 1, bottom: 100 + i, right: 2 }));
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Xã 1').getRange('A1:B700').getMergedAreasOrNullObject().load('address');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    const ok = host.context();
    const areas = ok.workbook.worksheets.getItem('Xã 1').getRange('A100:B611').getMergedAreasOrNullObject().load('address');
    await ok.sync();
    expect(areas.address.split(',')).toHaveLength(512);
  });

  test('getRanges fails past 512 areas', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const list = (n: number) => Array.from({ length: n }, (_, i) => `A${2 * i + 1}`).join(',');
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Xã 1').getRanges(list(513)).format.fill.color = '#FF0000';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    const ok = host.context();
    ok.workbook.worksheets.getItem('Xã 1').getRanges(list(512)).format.fill.color = '#FF0000';
    await ok.sync();
    expect(host.sheet('Xã 1').get(1023, 1)!.fill.color).toBe('#FF0000');
  });

  test('a cell holds at most 32,767 characters: a longer text is refused, as Excel refuses it', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Xã 1');
    ws.getRange('A1').numberFormat = [['@']];
    ws.getRange('A1').values = [['x'.repeat(32767)]];
    await ctx.sync();
    expect(String(host.sheet('Xã 1').get(1, 1)!.value)).toHaveLength(32767);
    for (const fmt of ['@', 'General']) {
      const bad = host.context();
      const r = bad.workbook.worksheets.getItem('Xã 1').getRange('A2');
      r.numberFormat = [[fmt]];
      r.values = [['x'.repeat(32768)]];
      await expect(bad.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });
});

