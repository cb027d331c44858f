// The fake host must catch the bugs real Excel punishes, or the adapter tests prove nothing.
import { FakeExcel, FakeOfficeError, checkDefinedName, rewriteSheetRefs } from './fakeExcel';
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

  test('a formula over 8,192 characters is refused', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ok = host.context();
    const long = `=${'1+'.repeat(4095)}1`; // 8,192 characters with its "="
    expect(long).toHaveLength(8192);
    ok.workbook.worksheets.getItem('Xã 1').getRange('A1').formulas = [[long]];
    await ok.sync();
    const bad = host.context();
    bad.workbook.worksheets.getItem('Xã 1').getRange('A2').formulas = [[`${long}1`]];
    await expect(bad.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test.each(['a'.repeat(32), 'a:b', 'a\\b', 'a/b', 'a?b', 'a*b', 'a[b', 'a]b', "'ab", "ab'", 'History', 'history'])('sheet name %j is refused', async (name) => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    ctx.workbook.worksheets.add(name);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('a sheet name of 31 characters is taken', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    ctx.workbook.worksheets.add('a'.repeat(31));
    await ctx.sync();
    expect(host.sheetNames()).toContain('a'.repeat(31));
  });

  test.each(['A1', 'a1', 'ABC123', 'XFD1048576', 'R1C1', 'r1c1', 'R', 'C', 'R2', 'C3', 'RC', 'R1C', 'RC2', '1abc', 'a b', 'a-b', ''])('defined name %j is refused', (name) => {
    expect(() => checkDefinedName(name)).toThrow(/Invalid name/);
  });

  test.each(['chitieu_out_abc_1', 'XFE1', 'A1048577', 'A0', '_A1', 'Tổng_hợp', 'R1C1x', 'ABCD1', 'x.y'])('defined name %j is taken', (name) => {
    expect(() => checkDefinedName(name)).not.toThrow();
  });

  test('names.add refuses a name that reads as a cell reference', async () => {
    const host = new FakeExcel(unitWorkbook(1));
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Xã 1');
    ctx.workbook.names.add('ABC123', ws.getRange('A1'));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(host.state.names).toEqual([]);
  });

  describe('text written into a cell that is not text-formatted becomes what Excel makes of typing it', () => {
    const year = new Date().getUTCFullYear();
    const jan2 = Date.UTC(year, 0, 2) / 86400000 + 25569;
    test.each([
      ['50%', 0.5, '0%'],
      ['12.5%', 0.125, '0.00%'],
      ['1,234', 1234, '#,##0'],
      ['-1,234.5', -1234.5, '#,##0.00'],
      ['1/2', jan2, 'd-mmm'],
      ['1/2/2023', 44928, 'm/d/yyyy'],
      ['2023-01-02', 44928, 'm/d/yyyy'],
      ['TRUE', true, 'General'],
      ['false', false, 'General'],
      ['(5)', -5, 'General'],
      ['-5', -5, 'General'],
      ['+5', 5, 'General'],
      ['1e3', 1000, 'General'],
      [' 42 ', 42, 'General'],
    ])('%j → %j, format %j', async (typed, value, fmt) => {
      const host = new FakeExcel(unitWorkbook(1));
      const ctx = host.context();
      const r = ctx.workbook.worksheets.getItem('Xã 1').getRange('A1');
      r.values = [[typed]];
      const back = r.load('values,numberFormat,valueTypes');
      await ctx.sync();
      expect([back.values[0][0], back.numberFormat[0][0]]).toEqual([value, fmt]);
    });
    test('"#N/A" is an error value, "=1+1" and "+84 912" formulas, "@abc" a formula through values only', async () => {
      const host = new FakeExcel(unitWorkbook(1));
      const ctx = host.context();
      const ws = ctx.workbook.worksheets.getItem('Xã 1');
      ws.getRange('A1:D1').values = [['#N/A', '=1+1', '+84 912', '@abc']];
      ws.getRange('A2').formulas = [['@abc']];
      const back = ws.getRange('A1:D2').load('valueTypes,formulas');
      await ctx.sync();
      expect(back.valueTypes[0][0]).toBe('Error');
      expect(back.formulas[0].slice(1)).toEqual(['=1+1', '=+84 912', '=@abc']);
      expect(back.formulas[1][0]).toBe('@abc');
    });
    test('a text-formatted ("@") cell keeps every one of them as typed', async () => {
      const texts = ['50%', '1,234', '1/2', 'TRUE', '(5)', '-5', '#N/A', '=1+1', '2023-01-02'];
      const host = new FakeExcel(unitWorkbook(1));
      const ctx = host.context();
      const r = ctx.workbook.worksheets.getItem('Xã 1').getRangeByIndexes(0, 0, 1, texts.length);
      r.numberFormat = [texts.map(() => '@')];
      r.values = [texts];
      const back = r.load('values,valueTypes');
      await ctx.sync();
      expect(back.values[0]).toEqual(texts);
      expect(new Set(back.valueTypes[0])).toEqual(new Set(['String']));
    });
  });

  describe('formulas that name a sheet follow it as in Excel', () => {
    test('rewriting: quoted and plain names, any case, never inside a string', () => {
      expect(rewriteSheetRefs(`'Tổng hợp'!D9+SUM('tổng hợp'!A1:B2)&"'Tổng hợp'!D9"`, 'Tổng hợp', 'Kết quả')).toBe(`'Kết quả'!D9+SUM('Kết quả'!A1:B2)&"'Tổng hợp'!D9"`);
      expect(rewriteSheetRefs('Sheet1!A1+XSheet1!A1+Sheet1!B2', 'Sheet1', null)).toBe('#REF!A1+XSheet1!A1+#REF!B2');
      expect(rewriteSheetRefs(`'It''s'!A1`, "It's", 'Data')).toBe('Data!A1');
    });

    async function withUserFormula() {
      const host = new FakeExcel(unitWorkbook(1));
      const ctx = host.context();
      const sum = ctx.workbook.worksheets.add('Tổng hợp');
      sum.getRange('D9').values = [[187]];
      ctx.workbook.worksheets.getItem('Xã 1').getRange('Z1').formulas = [[`='Tổng hợp'!D9`]];
      await ctx.sync();
      return host;
    }
    const read = async (host: FakeExcel) => {
      const ctx = host.context();
      const r = ctx.workbook.worksheets.getItem('Xã 1').getRange('Z1').load('values,formulas');
      await ctx.sync();
      return [r.formulas[0][0], r.values[0][0]];
    };

    test('a plain reference shows the value it points at', async () => {
      expect(await read(await withUserFormula())).toEqual([`='Tổng hợp'!D9`, 187]);
    });

    test('a renamed sheet: the reference follows it', async () => {
      const host = await withUserFormula();
      const ctx = host.context();
      ctx.workbook.worksheets.getItem('Tổng hợp').name = 'Năm 2023';
      await ctx.sync();
      expect(await read(host)).toEqual([`='Năm 2023'!D9`, 187]);
    });

    test('a deleted sheet: #REF!, even once a new sheet of that name is added', async () => {
      const host = await withUserFormula();
      const ctx = host.context();
      ctx.workbook.worksheets.getItem('Tổng hợp').delete();
      const again = ctx.workbook.worksheets.add('Tổng hợp');
      again.getRange('D9').values = [[200]];
      await ctx.sync();
      expect(await read(host)).toEqual(['=#REF!D9', '#REF!']);
    });
  });

  describe('objects of a finished Excel.run', () => {
    test('cannot be loaded, written or synced again; loaded values stay readable', async () => {
      const host = new FakeExcel(unitWorkbook(1));
      let kept: Excel.Worksheet | undefined;
      let context: Excel.RequestContext | undefined;
      await host.run(async (ctx) => {
        context = ctx;
        kept = ctx.workbook.worksheets.getItem('Xã 1').load('name');
        await ctx.sync();
      });
      expect(kept!.name).toBe('Xã 1');
      expect(() => kept!.load('visibility')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
      expect(() => kept!.getRange('A1')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
      expect(() => {
        kept!.visibility = 'Hidden';
      }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
      await expect(context!.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    });

    test('an object of one context passed to another is refused', async () => {
      const host = new FakeExcel(unitWorkbook(1));
      const a = host.context();
      const range = a.workbook.worksheets.getItem('Xã 1').getRange('A1');
      await a.sync();
      const b = host.context();
      expect(() => b.workbook.names.add('chitieu_x', range as never)).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
    });
  });
});

