import fc from 'fast-check';
import {
  Comparison,
  Condition,
  Frequency,
  describeComparison,
  judge,
  parseCondition,
  periodsCovered,
  requiredValue,
  scaleComparison,
} from '../../src/core/conditions';

/** Any Unicode code point (fast-check 4 has no fullUnicodeString; this also yields lone surrogates). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));

/** "1250" → "1.250": Vietnamese thousands groups, built independently of the code under test. */
function vnInt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function parsed(text: string, rate: boolean): Condition {
  const r = parseCondition(text, { rate });
  if (!r.ok) throw new Error(`"${text}" did not parse: ${r.reason}`);
  return r.condition;
}

// ---------------------------------------------------------------------------------------------
// parseCondition: every form in DOMAIN.md "Conditions in plain Vietnamese" and the seeds

describe('parseCondition: readable phrases', () => {
  type Row = [text: string, rate: boolean, comparison: Comparison, per?: Frequency];
  const rows: Row[] = [
    // at least
    ['≥ 95%', true, { op: 'atLeast', min: 0.95 }],
    ['≥95%', true, { op: 'atLeast', min: 0.95 }],
    ['>= 200', false, { op: 'atLeast', min: 200 }],
    ['=> 200', false, { op: 'atLeast', min: 200 }],
    ['≥ 200', false, { op: 'atLeast', min: 200 }],
    ['từ 200 hội viên trở lên', false, { op: 'atLeast', min: 200 }],
    ['Từ 200 hội viên trở lên', false, { op: 'atLeast', min: 200 }],
    ['từ 200 trở lên', false, { op: 'atLeast', min: 200 }],
    ['200 trở lên', false, { op: 'atLeast', min: 200 }],
    ['2 mô hình trở lên', false, { op: 'atLeast', min: 2 }],
    ['ít nhất 2', false, { op: 'atLeast', min: 2 }],
    ['ít nhất 2 mô hình', false, { op: 'atLeast', min: 2 }],
    ['tối thiểu 3 mô hình', false, { op: 'atLeast', min: 3 }],
    // Any word after the number is its unit of measure, even one that folds like a keyword
    // ("căn" folds to "can", as "cần" does).
    ['ít nhất 20 căn', false, { op: 'atLeast', min: 20 }],
    ['tối thiểu 15 căn nhà đại đoàn kết', false, { op: 'atLeast', min: 15 }],
    ['từ 2 cuộc trở lên', false, { op: 'atLeast', min: 2 }],
    ['ít nhất 3 hộ cần hỗ trợ', false, { op: 'atLeast', min: 3 }],
    ['từ 80 hội viên đến 100 hội viên', false, { op: 'range', min: 80, max: 100 }],
    ['không dưới 5', false, { op: 'atLeast', min: 5 }],
    ['không dưới 50%', true, { op: 'atLeast', min: 0.5 }],
    ['đạt 70%', true, { op: 'atLeast', min: 0.7 }],
    ['đạt từ 90% trở lên', true, { op: 'atLeast', min: 0.9 }],
    ['200', false, { op: 'atLeast', min: 200 }],
    ['200 hội viên.', false, { op: 'atLeast', min: 200 }],
    ['1.000 đoàn viên trở lên', false, { op: 'atLeast', min: 1000 }],
    ['từ 1.000 trở lên', false, { op: 'atLeast', min: 1000 }],
    ['90% trở lên', true, { op: 'atLeast', min: 0.9 }],
    ['100%', true, { op: 'atLeast', min: 1 }],
    ['đạt 100%', true, { op: 'atLeast', min: 1 }],
    ['tối thiểu 99,5%', true, { op: 'atLeast', min: 0.995 }],
    ['95', true, { op: 'atLeast', min: 0.95 }], // a bare number on a rate is percent points
    ['1,5', false, { op: 'atLeast', min: 1.5 }],
    // A bare 0 is "none", as staff mean it ("at least 0" could never fail).
    ['0', false, { op: 'zero' }],
    ['0 vụ', false, { op: 'zero' }],
    ['đạt 0', false, { op: 'zero' }],
    // strictly more
    ['> 75%', true, { op: 'greaterThan', value: 0.75 }],
    ['trên 75%', true, { op: 'greaterThan', value: 0.75 }],
    ['trên 200 hội viên', false, { op: 'greaterThan', value: 200 }],
    ['hơn 10', false, { op: 'greaterThan', value: 10 }],
    ['> 1.000', false, { op: 'greaterThan', value: 1000 }],
    // strictly less
    ['< 5', false, { op: 'lessThan', value: 5 }],
    ['dưới 3', false, { op: 'lessThan', value: 3 }],
    ['dưới 5%', true, { op: 'lessThan', value: 0.05 }],
    // at most
    ['≤ 2', false, { op: 'atMost', max: 2 }],
    ['<= 2', false, { op: 'atMost', max: 2 }],
    ['không quá 2', false, { op: 'atMost', max: 2 }],
    ['tối đa 4', false, { op: 'atMost', max: 4 }],
    // ranges
    ['80-100', false, { op: 'range', min: 80, max: 100 }],
    ['từ 80-100 hội viên mới', false, { op: 'range', min: 80, max: 100 }],
    ['80 – 100', false, { op: 'range', min: 80, max: 100 }],
    ['80—100', false, { op: 'range', min: 80, max: 100 }],
    ['từ 80 - 100', false, { op: 'range', min: 80, max: 100 }],
    ['từ 01 đến 02 cuộc', false, { op: 'range', min: 1, max: 2 }],
    ['từ 2 đến 3', false, { op: 'range', min: 2, max: 3 }],
    ['80%-100%', true, { op: 'range', min: 0.8, max: 1 }],
    ['3 - 3', false, { op: 'range', min: 3, max: 3 }],
    // zero and equality
    ['không có', false, { op: 'zero' }],
    ['Không có', false, { op: 'zero' }],
    ['= 0', false, { op: 'zero' }],
    ['= 5', false, { op: 'equal', value: 5 }],
    ['bằng 3', false, { op: 'equal', value: 3 }],
    // frequencies
    ['ít nhất 01 lần/tháng', false, { op: 'atLeast', min: 1 }, 'month'],
    ['ít nhất 01 lần/ tháng', false, { op: 'atLeast', min: 1 }, 'month'],
    ['01 lần/tháng', false, { op: 'atLeast', min: 1 }, 'month'],
    ['2 lần / tháng', false, { op: 'atLeast', min: 2 }, 'month'],
    ['mỗi tháng 1 lần', false, { op: 'atLeast', min: 1 }, 'month'],
    ['2 cuộc/quý', false, { op: 'atLeast', min: 2 }, 'quarter'],
    ['1 lần mỗi quý', false, { op: 'atLeast', min: 1 }, 'quarter'],
    ['tối thiểu 05 buổi/quý', false, { op: 'atLeast', min: 5 }, 'quarter'],
    ['1 lần/năm', false, { op: 'atLeast', min: 1 }, 'year'],
    ['12 lần mỗi năm', false, { op: 'atLeast', min: 12 }, 'year'],
    ['ít nhất 2 mô hình/năm', false, { op: 'atLeast', min: 2 }, 'year'],
    // unaccented typing
    ['it nhat 2', false, { op: 'atLeast', min: 2 }],
    ['hon 10', false, { op: 'greaterThan', value: 10 }],
  ];

  // Objects, not arrays: a row without `per` would otherwise hand the test Jest's `done` callback.
  const cases = rows.map(([text, rate, comparison, per]) => ({ text, rate, comparison, per }));
  test.each(cases)('$text (rate $rate)', ({ text, rate, comparison, per }) => {
    const r = parseCondition(text, { rate });
    expect(r).toEqual({ ok: true, condition: { comparison, per, rate, text } });
  });

  test('the original text is kept verbatim, not normalised', () => {
    const text = '  Từ 200 HỘI VIÊN trở lên ';
    expect(parsed(text, false).text).toBe(text);
  });

  test('NFD input reads the same as NFC', () => {
    expect(parsed('từ 200 hội viên trở lên'.normalize('NFD'), false).comparison).toEqual({ op: 'atLeast', min: 200 });
    expect(parsed('2 cuộc/quý'.normalize('NFD'), false).per).toBe('quarter');
  });

  test('the seed target "Hội Cựu chiến binh kết nạp từ 80-100 hội viên mới" phrase is a range', () => {
    expect(parsed('từ 80-100 hội viên mới', false).comparison).toEqual({ op: 'range', min: 80, max: 100 });
  });
});

describe('parseCondition: unreadable phrases are errors, never a silent pass', () => {
  test.each<[string, boolean]>([
    ['giảm 2,5 đến 3% trở lên số hộ nghèo', false],
    ['giảm 2,5 đến 3% trở lên số hộ nghèo', true],
    ['tăng so với năm trước', false],
    ['khá', false],
    ['hoàn thành', false],
    ['≥ 95%', false], // a percent target on a count indicator
    ['90% trở lên', false],
    ['từ 5 đến 3', false], // inverted range
    ['từ 10 đến 8 cuộc', false],
    ['', false],
    ['   ', false],
    ['tăng 5', false],
    ['ít nhất 2 hoặc 3', false],
    ['hàng tháng', false],
    ['-5', false],
  ])('%j (rate %p)', (text, rate) => {
    const r = parseCondition(text, { rate });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });

  test('the reasons say what went wrong', () => {
    const reason = (t: string, rate = false) => {
      const r = parseCondition(t, { rate });
      return r.ok ? '(parsed)' : r.reason;
    };
    expect(reason('')).toMatch(/trống/);
    expect(reason('giảm 2,5 đến 3% trở lên số hộ nghèo')).toMatch(/giảm/);
    expect(reason('khá')).toMatch(/số/);
    expect(reason('≥ 95%')).toMatch(/tỷ lệ/);
    expect(reason('từ 5 đến 3')).toMatch(/đầu dưới lớn hơn đầu trên/);
  });
});

describe('parseCondition: properties', () => {
  const pair = fc
    .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }))
    .map(([x, d]) => [x, x + d] as const);

  test('"từ X đến Y" is the range X..Y for X < Y, with "." thousands', () => {
    fc.assert(
      fc.property(pair, ([x, y]) => {
        expect(parsed(`từ ${vnInt(x)} đến ${vnInt(y)}`, false).comparison).toEqual({ op: 'range', min: x, max: y });
      }),
    );
  });

  test('"X-Y" and "X – Y" are the range X..Y for X < Y', () => {
    fc.assert(
      fc.property(pair, fc.constantFrom('-', ' - ', ' – ', '–'), ([x, y], dash) => {
        expect(parsed(`${vnInt(x)}${dash}${vnInt(y)}`, false).comparison).toEqual({ op: 'range', min: x, max: y });
      }),
    );
  });

  test('"từ Y đến X" with Y > X is refused', () => {
    fc.assert(
      fc.property(pair, ([x, y]) => {
        expect(parseCondition(`từ ${vnInt(y)} đến ${vnInt(x)}`, { rate: false }).ok).toBe(false);
      }),
    );
  });

  test('"từ X trở lên" is atLeast X for any X in 0..1e6 written with "." thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('', ' hội viên', ' mô hình'), (x, unit) => {
        expect(parsed(`từ ${vnInt(x)}${unit} trở lên`, false).comparison).toEqual({ op: 'atLeast', min: x });
      }),
    );
  });

  test('"X%" on a rate indicator is X/100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (x) => {
        const c = parsed(`≥ ${x}%`, true).comparison;
        expect(c.op).toBe('atLeast');
        if (c.op === 'atLeast') expect(c.min).toBeCloseTo(x / 100, 12);
      }),
    );
  });

  test('never throws on arbitrary strings', () => {
    const noThrow = (s: string) => {
      const r1 = parseCondition(s, { rate: false });
      const r2 = parseCondition(s, { rate: true });
      expect(typeof r1.ok).toBe('boolean');
      expect(typeof r2.ok).toBe('boolean');
    };
    fc.assert(fc.property(fc.string(), noThrow), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: anyCodePoint }), noThrow), { numRuns: 500 });
    const words = fc.constantFrom('từ', 'đến', 'trở lên', 'ít nhất', 'không', 'có', 'dưới', '≥', '≤', '-', '/', 'tháng', 'quý', '%', '1.000', '2,5', '80', ' ', '.', ',');
    fc.assert(fc.property(fc.array(words, { maxLength: 8 }).map((a) => a.join(' ')), noThrow), { numRuns: 500 });
  });
});

// ---------------------------------------------------------------------------------------------
// judge

describe('judge', () => {
  test.each<[string, Comparison, number, ReturnType<typeof judge>]>([
    ['atLeast below', { op: 'atLeast', min: 200 }, 199, { status: 'short', required: 200, gap: 1 }],
    ['atLeast at', { op: 'atLeast', min: 200 }, 200, { status: 'met' }],
    ['atLeast above', { op: 'atLeast', min: 200 }, 250, { status: 'met' }],
    ['greaterThan below', { op: 'greaterThan', value: 10 }, 9, { status: 'short', required: 10, gap: 1 }],
    ['greaterThan at is short', { op: 'greaterThan', value: 10 }, 10, { status: 'short', required: 10, gap: 0 }],
    ['greaterThan above', { op: 'greaterThan', value: 10 }, 11, { status: 'met' }],
    ['lessThan below', { op: 'lessThan', value: 5 }, 4, { status: 'met' }],
    ['lessThan at is over', { op: 'lessThan', value: 5 }, 5, { status: 'over-limit', limit: 5, excess: 0 }],
    ['lessThan above', { op: 'lessThan', value: 5 }, 7, { status: 'over-limit', limit: 5, excess: 2 }],
    ['atMost below', { op: 'atMost', max: 2 }, 1, { status: 'met' }],
    ['atMost at', { op: 'atMost', max: 2 }, 2, { status: 'met' }],
    ['atMost above', { op: 'atMost', max: 2 }, 3, { status: 'over-limit', limit: 2, excess: 1 }],
    ['range below', { op: 'range', min: 80, max: 100 }, 79, { status: 'short', required: 80, gap: 1 }],
    ['range at min', { op: 'range', min: 80, max: 100 }, 80, { status: 'met' }],
    ['range inside', { op: 'range', min: 80, max: 100 }, 90, { status: 'met' }],
    ['range at max', { op: 'range', min: 80, max: 100 }, 100, { status: 'met' }],
    ['range above is over-achievement', { op: 'range', min: 80, max: 100 }, 120, { status: 'exceeded', max: 100, excess: 20 }],
    ['equal below', { op: 'equal', value: 5 }, 4, { status: 'short', required: 5, gap: 1 }],
    ['equal at', { op: 'equal', value: 5 }, 5, { status: 'met' }],
    ['equal above', { op: 'equal', value: 5 }, 6, { status: 'over-limit', limit: 5, excess: 1 }],
    ['zero at', { op: 'zero' }, 0, { status: 'met' }],
    ['zero above', { op: 'zero' }, 2, { status: 'over-limit', limit: 0, excess: 2 }],
  ])('%s', (_label, c, actual, verdict) => {
    expect(judge(c, actual)).toEqual(verdict);
  });

  test('a computed rate equal to the target meets it despite binary noise', () => {
    expect(judge({ op: 'atLeast', min: 0.95 }, 19 / 20)).toEqual({ status: 'met' });
    expect(judge({ op: 'atLeast', min: 0.7 }, 0.1 + 0.6)).toEqual({ status: 'met' });
    expect(judge({ op: 'atLeast', min: 2.1 }, 0.7 * 3)).toEqual({ status: 'met' }); // 2.0999999999999996
    expect(judge({ op: 'atMost', max: 0.3 }, 0.1 + 0.2)).toEqual({ status: 'met' }); // 0.30000000000000004
    expect(judge({ op: 'range', min: 0.7, max: 0.3 + 0.6 }, 0.9)).toEqual({ status: 'met' });
    expect(judge({ op: 'equal', value: 0.3 }, 0.1 + 0.2)).toEqual({ status: 'met' });
  });

  test('a rate just below the target is short', () => {
    const v = judge({ op: 'atLeast', min: 0.95 }, 0.9499);
    expect(v.status).toBe('short');
    if (v.status === 'short') expect(v.gap).toBeCloseTo(0.0001, 10);
    expect(judge({ op: 'atLeast', min: 0.95 }, 18 / 19).status).toBe('short');
  });

  test('a rate equal to a strict bound does not pass it', () => {
    expect(judge({ op: 'greaterThan', value: 0.75 }, 3 / 4).status).toBe('short');
    expect(judge({ op: 'lessThan', value: 0.05 }, 1 / 20).status).toBe('over-limit');
  });

  test('parsed target and judged figure together: "≥ 95%" with 19 of 20', () => {
    expect(judge(parsed('≥ 95%', true).comparison, 19 / 20).status).toBe('met');
    expect(judge(parsed('≥ 95%', true).comparison, 18 / 20).status).toBe('short');
  });

  test('property: atLeast is met exactly when actual ≥ min (integers)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (min, actual) => {
        expect(judge({ op: 'atLeast', min }, actual).status).toBe(actual >= min ? 'met' : 'short');
      }),
    );
  });

  test('property: a range verdict is short, met or exceeded by position (integers)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 3000 }), (min, d, actual) => {
        const max = min + d;
        const expected = actual < min ? 'short' : actual > max ? 'exceeded' : 'met';
        expect(judge({ op: 'range', min, max }, actual).status).toBe(expected);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// scaling and periods

describe('periodsCovered', () => {
  test.each<[Frequency, number, number]>([
    ['month', 6, 6],
    ['month', 12, 12],
    ['month', 9, 9],
    ['quarter', 6, 2],
    ['quarter', 12, 4],
    ['quarter', 3, 1],
    ['quarter', 9, 3],
    ['year', 6, 0.5],
    ['year', 12, 1],
    ['year', 3, 0.25],
  ])('%s over %p months → %p', (per, months, expected) => {
    expect(periodsCovered(per, months)).toBe(expected);
  });
});

describe('scaleComparison', () => {
  test.each<[Comparison, number, Comparison]>([
    [{ op: 'atLeast', min: 1 }, 6, { op: 'atLeast', min: 6 }],
    [{ op: 'atLeast', min: 200 }, 0.5, { op: 'atLeast', min: 100 }],
    [{ op: 'greaterThan', value: 10 }, 2, { op: 'greaterThan', value: 20 }],
    [{ op: 'lessThan', value: 5 }, 2, { op: 'lessThan', value: 10 }],
    [{ op: 'atMost', max: 4 }, 0.5, { op: 'atMost', max: 2 }],
    [{ op: 'range', min: 80, max: 100 }, 0.5, { op: 'range', min: 40, max: 50 }],
    [{ op: 'equal', value: 3 }, 4, { op: 'equal', value: 12 }],
    [{ op: 'zero' }, 0.5, { op: 'zero' }],
  ])('%j × %p', (c, factor, expected) => {
    expect(scaleComparison(c, factor)).toEqual(expected);
  });

  test('factor 1 leaves the comparison unchanged', () => {
    const c: Comparison = { op: 'range', min: 1, max: 2 };
    expect(scaleComparison(c, 1)).toEqual({ op: 'range', min: 1, max: 2 });
  });

  test('does not mutate its argument', () => {
    const c: Comparison = { op: 'atLeast', min: 200 };
    scaleComparison(c, 0.5);
    expect(c).toEqual({ op: 'atLeast', min: 200 });
  });

  test('"ít nhất 01 lần/tháng" over a 6-month report requires 6', () => {
    const cond = parsed('ít nhất 01 lần/tháng', false);
    const scaled = scaleComparison(cond.comparison, periodsCovered(cond.per!, 6));
    expect(scaled).toEqual({ op: 'atLeast', min: 6 });
    expect(judge(scaled, 5)).toEqual({ status: 'short', required: 6, gap: 1 });
    expect(judge(scaled, 6).status).toBe('met');
  });

  test('"2 cuộc/quý" over a 6-month report requires 4', () => {
    const cond = parsed('2 cuộc/quý', false);
    expect(cond.per).toBe('quarter');
    expect(scaleComparison(cond.comparison, periodsCovered(cond.per!, 6))).toEqual({ op: 'atLeast', min: 4 });
  });

  test('"1 lần/năm" over a 6-month report requires 0.5', () => {
    const cond = parsed('1 lần/năm', false);
    expect(scaleComparison(cond.comparison, periodsCovered(cond.per!, 6))).toEqual({ op: 'atLeast', min: 0.5 });
  });
});

describe('describeComparison', () => {
  test.each<[Comparison, boolean, string]>([
    [{ op: 'atLeast', min: 200 }, false, '≥ 200'],
    [{ op: 'atLeast', min: 1000 }, false, '≥ 1.000'],
    [{ op: 'atLeast', min: 0.95 }, true, '≥ 95%'],
    [{ op: 'atLeast', min: 0.995 }, true, '≥ 99,5%'],
    [{ op: 'atLeast', min: 2.5 }, false, '≥ 2,5'],
    [{ op: 'greaterThan', value: 0.75 }, true, '> 75%'],
    [{ op: 'lessThan', value: 3 }, false, '< 3'],
    [{ op: 'atMost', max: 2 }, false, '≤ 2'],
    [{ op: 'range', min: 1, max: 2 }, false, '1–2'],
    [{ op: 'range', min: 80, max: 100 }, false, '80–100'],
    [{ op: 'range', min: 0.8, max: 1 }, true, '80%–100%'],
    [{ op: 'equal', value: 1250 }, false, '= 1.250'],
    [{ op: 'zero' }, false, '= 0'],
    [{ op: 'zero' }, true, '= 0'],
  ])('%j (rate %p) → %j', (c, rate, expected) => {
    expect(describeComparison(c, rate)).toBe(expected);
  });

  test('a parsed phrase describes itself back', () => {
    expect(describeComparison(parsed('từ 01 đến 02 cuộc', false).comparison, false)).toBe('1–2');
    expect(describeComparison(parsed('≥ 95%', true).comparison, true)).toBe('≥ 95%');
    expect(describeComparison(parsed('1.000 đoàn viên trở lên', false).comparison, false)).toBe('≥ 1.000');
  });
});

describe('requiredValue', () => {
  test.each<[Comparison, number]>([
    [{ op: 'atLeast', min: 200 }, 200],
    [{ op: 'greaterThan', value: 10 }, 10],
    [{ op: 'lessThan', value: 5 }, 5],
    [{ op: 'atMost', max: 2 }, 2],
    [{ op: 'range', min: 80, max: 100 }, 80],
    [{ op: 'equal', value: 7 }, 7],
    [{ op: 'zero' }, 0],
  ])('%j → %p', (c, expected) => {
    expect(requiredValue(c)).toBe(expected);
  });
});

describe('"không có" with or without diacritics and a noun', () => {
  test.each(['không có', 'khong co', 'Không có đơn vị yếu', 'phải không có hộ nghèo'])('%s → zero', (text) => {
    const r = parseCondition(text, { rate: false });
    expect(r.ok && r.condition.comparison).toEqual({ op: 'zero' });
  });
});

// ---------------------------------------------------------------------------------------------
// Edges found by mutation testing (each test fails on a mutant that survived the others)

describe('parseCondition: how staff punctuate and space a target', () => {
  test.each([
    // a full stop ends the sentence, not the number
    ['Tối thiểu 200.', false, { op: 'atLeast', min: 200 }],
    // a footnote mark in parentheses is not a word
    ['Từ 200 trở lên (*)', false, { op: 'atLeast', min: 200 }],
    // parentheses right against the words
    ['từ 200 hội viên(trở lên)', false, { op: 'atLeast', min: 200 }],
    ['từ 200 hội viên (trở lên)', false, { op: 'atLeast', min: 200 }],
    // typed without diacritics: "tro len" still carries the phrase on after the unit
    ['tu 200 hoi vien tro len', false, { op: 'atLeast', min: 200 }],
    // two spaces, as a pasted cell often has
    ['không  có', false, { op: 'zero' }],
    // "hoặc hơn" adds nothing to "at least"
    ['200 hội viên hoặc hơn', false, { op: 'atLeast', min: 200 }],
    // a unit of measure after "trở lên" is still the unit
    ['đạt từ 90% trở lên số hộ', true, { op: 'atLeast', min: 0.9 }],
    // a decimal comma, and a rate written as a fraction
    ['từ 2,5 trở lên', false, { op: 'atLeast', min: 2.5 }],
    ['0,95', true, { op: 'atLeast', min: 0.95 }],
    // 1 on a rate is the whole (100 %), not 1 %
    ['1', true, { op: 'atLeast', min: 1 }],
    // the largest figure the engine takes is still a target
    ['≥ 1.000.000.000.000.000', false, { op: 'atLeast', min: 1e15 }],
  ] as const)('%s (rate %s)', (text, rate, comparison) => {
    expect(parseCondition(text, { rate })).toEqual({ ok: true, condition: { comparison, rate, text } });
  });

  test('a frequency before "không có" still leaves a zero target', () => {
    expect(parseCondition('mỗi tháng không có vụ nào', { rate: false })).toEqual({
      ok: true,
      condition: { comparison: { op: 'zero' }, per: 'month', rate: false, text: 'mỗi tháng không có vụ nào' },
    });
  });

  test.each([
    ['   ', 'Điều kiện để trống'],
    ['≥ 1.2,3.4', 'không đọc được số "1.2,3.4"'],
    ['≥ 2.000.000.000.000.000', 'không đọc được số "2.000.000.000.000.000"'],
    // "không có" only at the start means none; "hầu như không có" (almost none) is no target
    ['hầu như không có', 'không có con số nào'],
    // "không có quá 2 vụ" is not "none": it is not understood, and said so
    ['không có quá 2 vụ', 'không nhận ra dạng điều kiện'],
    // "khoảng" (about) is never read as an exact target
    ['≥ khoảng 200', 'không hiểu từ "khoảng"'],
  ])('%j is refused: %s', (text, reason) => {
    expect(parseCondition(text, { rate: false })).toEqual({ ok: false, reason });
  });
});
