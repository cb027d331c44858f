import { MEMO_MAX_TEXT, forgetRemembered, memoRecord, memoText } from '../../src/core/memo';

/** A function that counts how often it really ran. */
function counted<T>(fn: (text: string) => T): { fn: (text: string) => T; calls: () => number } {
  let n = 0;
  return {
    fn: (text) => {
      n++;
      return fn(text);
    },
    calls: () => n,
  };
}

describe('memoText', () => {
  test('a text is worked out once, then remembered, also when the answer is undefined or null', () => {
    const upper = counted((t) => t.toUpperCase());
    const remembered = memoText(upper.fn);
    expect([remembered('hòa lạc'), remembered('hòa lạc'), remembered('yên bình')]).toEqual(['HÒA LẠC', 'HÒA LẠC', 'YÊN BÌNH']);
    expect(upper.calls()).toBe(2);
    const nothing = counted(() => undefined);
    const rememberedNothing = memoText(nothing.fn);
    rememberedNothing('x');
    rememberedNothing('x');
    expect(nothing.calls()).toBe(1);
  });

  test('a text longer than a title line is worked out every time, never kept', () => {
    const length = counted((t) => t.length);
    const remembered = memoText(length.fn);
    const long = 'a'.repeat(MEMO_MAX_TEXT + 1);
    expect(remembered(long)).toBe(MEMO_MAX_TEXT + 1);
    remembered(long);
    expect(length.calls()).toBe(2);
    const longest = 'b'.repeat(MEMO_MAX_TEXT);
    remembered(longest);
    remembered(longest);
    expect(length.calls()).toBe(3);
  });

  test('the memory is emptied when it holds `limit` texts, so it never grows past it', () => {
    const same = counted((t) => t);
    const remembered = memoText(same.fn, 3);
    for (const t of ['a', 'b', 'c']) remembered(t);
    remembered('a');
    expect(same.calls()).toBe(3); // still held
    remembered('d'); // full: emptied, then 'd' kept
    remembered('a');
    expect(same.calls()).toBe(5);
    remembered('d');
    expect(same.calls()).toBe(5);
  });

  test('forgetRemembered empties every memory', () => {
    const a = counted((t) => t.length);
    const b = counted((t) => t + '!');
    const ra = memoText(a.fn);
    const rb = memoText(b.fn);
    ra('x');
    rb('x');
    forgetRemembered();
    ra('x');
    rb('x');
    expect([a.calls(), b.calls()]).toEqual([2, 2]);
  });
});

describe('memoRecord', () => {
  test('each caller gets its own copy: changing one answer never changes the next', () => {
    const parse = counted((t) => (t ? { year: Number(t) } : null));
    const remembered = memoRecord(parse.fn);
    const first = remembered('2023')!;
    first.year = 1999;
    expect(remembered('2023')).toEqual({ year: 2023 });
    expect(remembered('')).toBeNull();
    expect(remembered('')).toBeNull();
    expect(parse.calls()).toBe(2);
  });
});
