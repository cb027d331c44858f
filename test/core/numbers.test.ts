import fc from 'fast-check';
import {
  Reading,
  formatNumber,
  formatPercent,
  isPercentFormat,
  parseNumberText,
  rateAsFraction,
  readCellNumber,
} from '../../src/core/numbers';
import { CellValue } from '../../src/core/model';

/** Any Unicode code point (fast-check 4 has no fullUnicodeString; this also yields lone surrogates). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));

// ---------------------------------------------------------------------------------------------
// Helpers written independently of the code under test

/** Groups the digits of a non-negative integer string by three with `sep`: "1250" → "1.250". */
function groupDigits(digits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** A value of k hundredths written the Vietnamese way: "." groups thousands, "," marks decimals. */
function vietnameseFromHundredths(k: number, keepTrailingZero: boolean): string {
  const neg = k < 0;
  const abs = Math.abs(k);
  const int = Math.floor(abs / 100);
  let frac = String(abs % 100).padStart(2, '0');
  if (!keepTrailingZero) frac = frac.replace(/0+$/, '');
  return (neg ? '-' : '') + groupDigits(String(int), '.') + (frac ? ',' + frac : '');
}

function asNumber(r: Reading): Extract<Reading, { kind: 'number' }> {
  if (r.kind !== 'number') throw new Error(`expected a number reading, got ${JSON.stringify(r)}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// parseNumberText

describe('parseNumberText', () => {
  test.each<[string, number, boolean]>([
    ['1.250', 1250, false],
    ['12.011', 12011, false],
    ['11.963', 11963, false],
    ['1.000.000', 1000000, false],
    ['2,5', 2.5, false],
    ['0,5', 0.5, false],
    ['99,75%', 99.75, true],
    ['99,6%', 99.6, true],
    ['92,11 %', 92.11, true],
    ['100%', 100, true],
    ['1.250,5', 1250.5, false],
    ['1,250.5', 1250.5, false],
    ['1.234.567,89', 1234567.89, false],
    ['2.5', 2.5, false], // "2.5" cannot be thousands: a decimal
    ['-20', -20, false],
    ['+5', 5, false],
    ['−5', -5, false], // U+2212 minus sign
    ['1 250', 1250, false],
    ['1\u00a0250', 1250, false], // non-breaking space as a group separator
    ['  42  ', 42, false],
    ['0', 0, false],
    ['007', 7, false],
    ['1,250,000', 1250000, false], // commas grouping thousands, as English software writes them
    ['3.1416', 3.1416, false], // a group of four digits is no thousands group: a decimal
    ['12345.678', 12345.678, false], // nor is a lead of five digits
  ])('%j → %p (percent %p)', (text, value, percent) => {
    expect(parseNumberText(text)).toEqual({ value, percent });
  });

  test.each(['', '  ', '-', 'x', 'khoảng 40', 'đang tổng hợp', '1.2.3', '#DIV/0!', '%', '.5', '5.', '1,2,3', '1.250,5,5', 'abc', '40 hội viên', '1e5', 'Infinity', 'NaN', '12a', '++5', '1.25.0', '1.250.50'])(
    '%j is not a number',
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );

  test('a number too long to be finite is rejected, not returned as Infinity', () => {
    expect(parseNumberText('9'.repeat(400))).toBeNull();
  });

  test('"khoảng 40" is not 40: a guessed figure must be reported, not summed', () => {
    expect(parseNumberText('khoảng 40')).toBeNull();
    expect(parseNumberText('40')).toEqual({ value: 40, percent: false });
  });

  describe('properties', () => {
    test('an integer in [0, 1e12] written with "." thousands groups parses back', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
          const text = groupDigits(String(n), '.');
          expect(parseNumberText(text)).toEqual({ value: n, percent: false });
        }),
      );
    });

    test('the same integer written with spaces as groups parses back', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
          expect(parseNumberText(groupDigits(String(n), ' '))?.value).toBe(n);
        }),
      );
    });

    test('a number with up to 2 decimals written Vietnamese style parses back', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), (k, keepZero) => {
          const text = vietnameseFromHundredths(k, keepZero);
          const parsed = parseNumberText(text);
          expect(parsed).not.toBeNull();
          expect(parsed!.percent).toBe(false);
          expect(parsed!.value).toBe(k / 100);
        }),
      );
    });

    test('the same with a trailing "%" is a percent of the same value', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e7 }), (k) => {
          expect(parseNumberText(vietnameseFromHundredths(k, false) + '%')).toEqual({ value: k / 100, percent: true });
        }),
      );
    });

    test('formatNumber output parses back to the rounded value', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => {
          const n = k / 100;
          expect(parseNumberText(formatNumber(n))?.value).toBe(n);
        }),
      );
    });

    // A boolean predicate (false fails the property): cheaper than expect() for thousands of runs.
    const check = (s: string): boolean => {
      const r = parseNumberText(s);
      return r === null || (Number.isFinite(r.value) && typeof r.percent === 'boolean');
    };

    test('never throws on arbitrary strings and returns null or a finite number', () => {
      fc.assert(fc.property(fc.string(), check), { numRuns: 500 });
    });

    test('never throws on arbitrary full-Unicode strings', () => {
      fc.assert(fc.property(fc.string({ unit: anyCodePoint }), check), { numRuns: 500 });
      fc.assert(fc.property(fc.string({ unit: 'grapheme' }), check), { numRuns: 300 });
    });

    test('never throws on strings made of number-like characters', () => {
      const unit = fc.constantFrom(...'0123456789.,-+−–% \u00a0xe'.split(''));
      fc.assert(fc.property(fc.string({ unit, maxLength: 20 }), check), { numRuns: 1000 });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// readCellNumber

describe('readCellNumber', () => {
  test.each<[string, CellValue | undefined, string | undefined, Reading]>([
    ['text with thousands', '1.250', undefined, { kind: 'number', value: 1250, percent: false, fromText: true }],
    ['GĐVH households', '12.011', undefined, { kind: 'number', value: 12011, percent: false, fromText: true }],
    ['decimal comma', '2,5', undefined, { kind: 'number', value: 2.5, percent: false, fromText: true }],
    ['percent text', '99,75%', undefined, { kind: 'number', value: 99.75, percent: true, fromText: true }],
    ['dash means zero', '-', undefined, { kind: 'number', value: 0, percent: false, fromText: true }],
    ['en dash means zero', '–', undefined, { kind: 'number', value: 0, percent: false, fromText: true }],
    ['em dash means zero', ' — ', undefined, { kind: 'number', value: 0, percent: false, fromText: true }],
    ['x is not applicable', 'x', undefined, { kind: 'not-applicable' }],
    ['X is not applicable', 'X', undefined, { kind: 'not-applicable' }],
    ['padded x is not applicable', ' x ', undefined, { kind: 'not-applicable' }],
    ['"không áp dụng"', 'không áp dụng', undefined, { kind: 'not-applicable' }],
    ['a note is text', 'khoảng 40', undefined, { kind: 'text', text: 'khoảng 40' }],
    ['"đang tổng hợp" is text', 'đang tổng hợp', undefined, { kind: 'text', text: 'đang tổng hợp' }],
    ['empty string is blank', '', undefined, { kind: 'blank' }],
    ['spaces are blank', '  ', undefined, { kind: 'blank' }],
    ['null is blank', null, undefined, { kind: 'blank' }],
    ['undefined is blank', undefined, undefined, { kind: 'blank' }],
    ['both marks, Vietnamese', '1.250,5', undefined, { kind: 'number', value: 1250.5, percent: false, fromText: true }],
    ['both marks, English', '1,250.5', undefined, { kind: 'number', value: 1250.5, percent: false, fromText: true }],
    ['two dots badly grouped', '1.2.3', undefined, { kind: 'text', text: '1.2.3' }],
    ['dot decimal', '2.5', undefined, { kind: 'number', value: 2.5, percent: false, fromText: true }],
    ['negative', '-20', undefined, { kind: 'number', value: -20, percent: false, fromText: true }],
    ['explicit plus', '+5', undefined, { kind: 'number', value: 5, percent: false, fromText: true }],
    ['space groups', '1 250', undefined, { kind: 'number', value: 1250, percent: false, fromText: true }],
    ['error value', { error: '#DIV/0!' }, undefined, { kind: 'error', code: '#DIV/0!' }],
    ['#N/A error value', { error: '#N/A' }, undefined, { kind: 'error', code: '#N/A' }],
    ['"#DIV/0!" typed as text is not a number', '#DIV/0!', undefined, { kind: 'text', text: '#DIV/0!' }],
    ['plain number', 1250, undefined, { kind: 'number', value: 1250, percent: false, fromText: false }],
    ['number, General format', 99.6, 'General', { kind: 'number', value: 99.6, percent: false, fromText: false }],
    ['number with 0.00%', 0.996, '0.00%', { kind: 'number', value: 0.996, percent: true, fromText: false, shown: 2 }],
    ['number with 0%', 0.7, '0%', { kind: 'number', value: 0.7, percent: true, fromText: false, shown: 0 }],
    ['number with [Red]0.0 %;-0.0%', 0.7, '[Red]0.0 %;-0.0%', { kind: 'number', value: 0.7, percent: true, fromText: false, shown: 1 }],
    ['number with "Tỷ lệ "0.000%', 0.7, '"Tỷ lệ "0.000%', { kind: 'number', value: 0.7, percent: true, fromText: false, shown: 3 }],
    ['literal "%" in quotes is not percent', 99.6, '0.0"%"', { kind: 'number', value: 99.6, percent: false, fromText: false }],
    ['escaped \\% is not percent', 99.6, '0.0\\%', { kind: 'number', value: 99.6, percent: false, fromText: false }],
    ['NaN is not a number', NaN, undefined, { kind: 'text', text: 'số không hợp lệ' }],
    ['Infinity is not a number', Infinity, undefined, { kind: 'text', text: 'số không hợp lệ' }],
    ['true is not a number', true, undefined, { kind: 'text', text: 'TRUE' }],
    ['false is not a number (not 0)', false, undefined, { kind: 'text', text: 'FALSE' }],
    ['a date is not a number', new Date(Date.UTC(2022, 5, 14)), undefined, { kind: 'text', text: '2022-06-14' }],
    ['an invalid date is said to be one', new Date(NaN), undefined, { kind: 'text', text: 'ngày không hợp lệ' }],
  ])('%s: %j', (_label, value, numFmt, expected) => {
    expect(readCellNumber(value, numFmt)).toEqual(expected);
  });

  test('NFD text is normalised before matching "không áp dụng"', () => {
    expect(readCellNumber('không áp dụng'.normalize('NFD'))).toEqual({ kind: 'not-applicable' });
  });

  test('NFD note is returned NFC', () => {
    const r = readCellNumber('khoảng 40'.normalize('NFD'));
    expect(r).toEqual({ kind: 'text', text: 'khoảng 40'.normalize('NFC') });
  });

  test('a percent format does not turn a text cell into a fraction', () => {
    // Text is read as typed; the number format only matters for real numbers.
    expect(readCellNumber('99,6', '0.00%')).toEqual({ kind: 'number', value: 99.6, percent: false, fromText: true });
  });
});

describe('isPercentFormat', () => {
  test.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['General', false],
    ['0.00%', true],
    ['0%', true],
    ['#,##0.0%', true],
    ['0.0"%"', false],
    ['0" %"', false], // "85 %" shown with a space: a quoted literal, no scaling
    ['0\\%', false],
    ['0.00%;[Red]-0.00%', true],
    ['"Tỷ lệ "0%', true],
  ])('%j → %p', (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// rateAsFraction

describe('rateAsFraction', () => {
  test('99.6 typed as a plain number is percent points', () => {
    expect(rateAsFraction(asNumber(readCellNumber(99.6)))).toBeCloseTo(0.996, 12);
  });

  test('0.996 shown with a % format is already a fraction', () => {
    expect(rateAsFraction(asNumber(readCellNumber(0.996, '0.0%')))).toBe(0.996);
  });

  test('"99,6%" typed as text is percent points', () => {
    expect(rateAsFraction(asNumber(readCellNumber('99,6%')))).toBeCloseTo(0.996, 12);
  });

  test('"99,6" typed as text without % is percent points too', () => {
    expect(rateAsFraction(asNumber(readCellNumber('99,6')))).toBeCloseTo(0.996, 12);
  });

  test('a literal "%" format is not a scaling: 99.6 stays percent points', () => {
    expect(rateAsFraction(asNumber(readCellNumber(99.6, '0.0"%"')))).toBeCloseTo(0.996, 12);
  });

  test('the three ways of typing the same rate agree', () => {
    const a = rateAsFraction(asNumber(readCellNumber(99.6)));
    const b = rateAsFraction(asNumber(readCellNumber(0.996, '0.00%')));
    const c = rateAsFraction(asNumber(readCellNumber('99,6%')));
    expect(a).toBeCloseTo(b, 12);
    expect(c).toBeCloseTo(b, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// formatting

describe('formatNumber', () => {
  test.each<[number, number | undefined, string]>([
    [0, undefined, '0'],
    [5, undefined, '5'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [1250, undefined, '1.250'],
    [12011, undefined, '12.011'],
    [1234567, undefined, '1.234.567'],
    [2.5, undefined, '2,5'],
    [2.5, 0, '3'],
    [1250.5, undefined, '1.250,5'],
    [1234567.891, undefined, '1.234.567,89'],
    [0.125, 3, '0,125'],
    [2.999, undefined, '3'],
    [-1250.5, undefined, '-1.250,5'],
    [-0.004, undefined, '0'], // rounds to zero: no "-0"
    [0.1 + 0.2, undefined, '0,3'],
  ])('%p (max %p decimals) → %j', (n, decimals, expected) => {
    expect(decimals === undefined ? formatNumber(n) : formatNumber(n, decimals)).toBe(expected);
  });

  test('a figure past a thousand trillion is written as it is, never rounded into Infinity', () => {
    expect(formatNumber(1.8e307)).toBe('1,8e+307');
    expect(formatNumber(-1.7976931348623157e308)).toBe('-1,7976931348623157e+308');
    expect(formatNumber(1e15)).toBe('1.000.000.000.000.000');
    expect(formatPercent(1.7976931348623157e308)).toBe('1,7976931348623157e+308 (số quá lớn)');
    expect(formatPercent(0.9345)).toBe('93,45%');
  });

  test('non-finite values are printed as JavaScript prints them', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('Infinity');
  });
});

describe('formatPercent', () => {
  test.each<[number, string]>([
    [0.9345, '93,45%'],
    [1, '100%'],
    [0, '0%'],
    [0.95, '95%'],
    [0.7, '70%'],
    [19 / 20, '95%'],
    [187 / 203, '92,12%'], // rounded, not truncated to 92,11% as a newspaper printed it
    [78 / 79, '98,73%'],
    [11963 / 12011, '99,6%'],
    [12.5, '1.250%'],
    // A thousand trillion is still scaled; its percent, past the largest figure, is written as JavaScript writes it.
    [1e15, '100000000000000000%'],
  ])('%p → %j', (fraction, expected) => {
    expect(formatPercent(fraction)).toBe(expected);
  });

  test('respects maxDecimals', () => {
    expect(formatPercent(2 / 3, 0)).toBe('67%');
    expect(formatPercent(2 / 3, 3)).toBe('66,667%');
  });
});
