// Date cells read as the text they show.
import { dateCellText, isDateFormat, serialToDate } from '../../src/core/dates';
import { parseDate } from '../../src/core/period';

const d = new Date(Date.UTC(2023, 11, 5, 14, 7, 9));

test.each([
  ['"Thanh Sơn, ngày "dd" tháng "mm" năm "yyyy', 'Thanh Sơn, ngày 05 tháng 12 năm 2023'],
  ['"Thanh Sơn, ngày "d" tháng "m" năm "yyyy', 'Thanh Sơn, ngày 5 tháng 12 năm 2023'],
  ['dd/mm/yyyy', '05/12/2023'],
  ['[$-42A]dd/mm/yyyy;@', '05/12/2023'],
  ['d\\-m\\-yy', '5-12-23'],
  ['dd/mm/yyyy hh:mm:ss', '05/12/2023 14:07:09'],
  ['mmmm d, yyyy', '05/12/2023'],
  ['General', '05/12/2023'],
  // Month first (English Excel's short date; found by an outside tester: the older copy won):
  // shown the Vietnamese way, so it reads back as the cell's date.
  ['m/d/yyyy', '05/12/2023'],
  ['mm/dd/yyyy', '05/12/2023'],
  ['[$-409]m/d/yy h:mm;@', '05/12/2023'],
  ['mm/yyyy', '12/2023'],
  ['hh:mm dd/mm/yyyy', '14:07 05/12/2023'],
  [undefined, '05/12/2023'],
])('%s', (fmt, text) => {
  expect(dateCellText(d, fmt)).toBe(text);
});

test('the shown text gives the date back', () => {
  expect(parseDate(dateCellText(d, '"Tân Sơn, ngày "dd" tháng "mm" năm "yyyy'))).toEqual({ year: 2023, month: 12, day: 5 });
  for (const fmt of ['m/d/yyyy', 'mm/dd/yy', 'dd/mm/yyyy']) expect([fmt, parseDate(dateCellText(new Date(Date.UTC(2023, 10, 3)), fmt))]).toEqual([fmt, { year: 2023, month: 11, day: 3 }]);
  expect(dateCellText(new Date(NaN), 'dd/mm/yyyy')).toBe('');
});

describe('which number formats show a date (one rule for every reader)', () => {
  test.each([
    ['dd/mm/yyyy', true],
    ['DD/MM/YYYY', true],
    ['"Thanh Sơn, ngày "dd" tháng "mm" năm "yyyy', true],
    ['[$-42A]d mmmm yyyy', true],
    ['[h]:mm', true],
    ['General', false],
    ['#,##0', false],
    ['#,##0 "hộ"', false],
    // Units of measure escaped letter by letter, as Excel writes a custom format typed without quotes.
    ['#,##0.0\\ \\k\\m', false],
    ['0\\ \\h\\a', false],
    ['#,##0\\ \\h\\ộ', false],
    ['[Red]0.00', false],
    ['0.00_);(0.00)', false],
  ])('%s → %s', (fmt, isDate) => {
    expect(isDateFormat(fmt)).toBe(isDate);
  });
});

test('serials in both date systems, with the 1900 system’s day that never was', () => {
  expect(serialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
  expect(serialToDate(59)).toEqual(new Date(Date.UTC(1900, 1, 28)));
  expect(serialToDate(61)).toEqual(new Date(Date.UTC(1900, 2, 1)));
  expect(serialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
  expect(serialToDate(45280.5)).toEqual(new Date(Date.UTC(2023, 11, 20, 12)));
});
