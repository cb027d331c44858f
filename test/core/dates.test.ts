// Date cells read as the text they show.
import { dateCellText } from '../../src/core/dates';
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
  [undefined, '05/12/2023'],
])('%s', (fmt, text) => {
  expect(dateCellText(d, fmt)).toBe(text);
});

test('the shown text gives the date back', () => {
  expect(parseDate(dateCellText(d, '"Tân Sơn, ngày "dd" tháng "mm" năm "yyyy'))).toEqual({ year: 2023, month: 12, day: 5 });
  expect(dateCellText(new Date(NaN), 'dd/mm/yyyy')).toBe('');
});
