import fc from 'fast-check';
import { Period, ReportDate, compareDates, formatDate, isPlanLine, parseDate, parseDateLine, parsePeriod } from '../../src/core/period';
import { fold } from '../../src/core/text';

describe('parsePeriod', () => {
  test.each<[string, Period]>([
    ['CHỈ TIÊU CÔNG TÁC DÂN VẬN NĂM 2023', { label: 'Năm 2023', year: 2023, months: 12 }],
    ['Chỉ tiêu công tác dân vận năm 2023', { label: 'Năm 2023', year: 2023, months: 12 }],
    ['BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN 6 tháng đầu năm 2022', { label: '6 tháng đầu năm 2022', year: 2022, months: 6 }],
    ['6 tháng đầu năm 2022', { label: '6 tháng đầu năm 2022', year: 2022, months: 6 }],
    ['báo cáo 06 tháng đầu năm 2023', { label: '6 tháng đầu năm 2023', year: 2023, months: 6 }],
    ['Báo cáo 9 tháng năm 2023', { label: '9 tháng năm 2023', year: 2023, months: 9 }],
    ['9 tháng năm 2023', { label: '9 tháng năm 2023', year: 2023, months: 9 }],
    ['Báo cáo quý I năm 2024', { label: 'Quý I năm 2024', year: 2024, months: 3 }],
    ['quý I năm 2024', { label: 'Quý I năm 2024', year: 2024, months: 3 }],
    ['QUÝ IV NĂM 2023', { label: 'Quý IV năm 2023', year: 2023, months: 3 }],
    ['quý 2 năm 2024', { label: 'Quý 2 năm 2024', year: 2024, months: 3 }],
    ['BÁO CÁO 6 THÁNG CUỐI NĂM 2023', { label: '6 tháng cuối năm 2023', year: 2023, months: 6 }],
    ['BÁO CÁO 6 THÁNG CUỐI NĂM 2023'.normalize('NFD'), { label: '6 tháng cuối năm 2023', year: 2023, months: 6 }],
    ['Báo cáo tổng kết năm 2023', { label: 'Năm 2023', year: 2023, months: 12 }],
    ['Báo cáo quý II', { label: 'Quý II', year: null, months: 3 }],
  ])('%j', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  describe('several years in one title: the year is the one the period is written with', () => {
    test.each<[string, number | null, number]>([
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ THỊ 05 NĂM 2016 TRONG 6 THÁNG ĐẦU NĂM 2023', 2023, 6],
      ['Kết quả thực hiện Kết luận số 120 năm 2021, quý III năm 2023', 2023, 3],
      ['BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023 VÀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024', 2023, 6],
      ['Báo cáo kết quả công tác năm 2023, phương hướng nhiệm vụ năm 2024', 2023, 12],
      ['NĂM 2023 - BÁO CÁO 6 THÁNG ĐẦU NĂM', 2023, 6],
      // Several years, none written with the period: no year is taken for the report.
      ['Chỉ thị 05 năm 2016, Nghị quyết năm 2021: kết quả 6 tháng đầu năm', null, 6],
      ['Báo cáo 9 tháng (2022 - 2023)', null, 9],
    ])('%j → year %j', (text, year, months) => {
      expect(parsePeriod(text)).toMatchObject({ year, months });
    });

    test('"sơ kết 3 năm (2021 - 2023)" names no year of its own, so no period', () => {
      expect(parsePeriod('Báo cáo sơ kết 3 năm thực hiện Kết luận 120 (2021 - 2023)')).toBeNull();
      expect(parsePeriod('Báo cáo sơ kết năm 2023')).toEqual({ label: 'Năm 2023', year: 2023, months: 12 });
    });
  });

  describe("a document's year is not the period's", () => {
    test.each<[string, number | null]>([
      ['BÁO CÁO KẾT QUẢ 07 NĂM THỰC HIỆN CHỈ THỊ SỐ 05-CT/TW NĂM 2016 CỦA BỘ CHÍNH TRỊ', null],
      ['Báo cáo thực hiện Chỉ thị số 05-CT/TW năm 2016 năm 2023', 2023],
      ['Kết quả thực hiện Quyết định 217-QĐ/TW và 218-QĐ/TW năm 2013 (2018 - 2023)', null],
      ['Báo cáo tình hình thực hiện Nghị quyết số 25-NQ/TW năm 2013 trong năm 2023', 2023],
      ['Kết luận số 120-KL/TW năm 2021: kết quả quý III năm 2023', 2023],
      // Words, not codes, between the document and "năm": the year is the report's.
      ['Thông báo kết quả năm 2023', 2023],
    ])('%j → year %j', (text, year) => {
      expect(parsePeriod(text)?.year ?? null).toBe(year);
    });
  });

  describe('a date line without its day is a date, not a period', () => {
    test.each(['Hòa Lạc, tháng 12 năm 2022', 'HÒA LẠC, THÁNG 12 NĂM 2022', 'Hòa Lạc, tháng 6/2022', 'Hòa Lạc, tháng … năm 2023', 'ngày 15/01/2024'])('%j names no period', (line) => {
      expect(parsePeriod(line)).toBeNull();
    });
    test('while "9 tháng năm 2023" still is one', () => {
      expect(parsePeriod('BÁO CÁO 9 THÁNG NĂM 2023')).toMatchObject({ year: 2023, months: 9 });
    });
  });

  test('a report title giving its year without "năm" names that year; a date in a title never does', () => {
    expect(parsePeriod('BÁO CÁO CÔNG TÁC DÂN VẬN 2022')).toEqual({ label: 'Năm 2022', year: 2022, months: 12 });
    expect(parsePeriod('BÁO CÁO (Kèm theo Kế hoạch số 15-KH/ĐU ngày 10/01/2022)')).toBeNull();
    expect(parsePeriod('Báo cáo số 45-BC/ĐU')).toBeNull();
    expect(parsePeriod('Giai đoạn 2021 - 2025')).toBeNull();
  });

  test('the most specific candidate wins over the year', () => {
    expect(parsePeriod('NĂM 2023 - BÁO CÁO 6 THÁNG ĐẦU NĂM')?.months).toBe(6);
    expect(parsePeriod('KẾT QUẢ THỰC HIỆN QUÝ III NĂM 2023')?.months).toBe(3);
  });

  test.each(['Báo cáo công tác dân vận', 'báo cáo 13 tháng', 'Báo cáo tổng kết năm', '', 'KẾ HOẠCH 2023'])('%j names no period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  describe('a date is not a period', () => {
    test.each([
      'Hòa Lạc, ngày 12 tháng 12 năm 2023',
      'HÒA LẠC, NGÀY 12 THÁNG 12 NĂM 2023',
      'Hòa Lạc, ngày  12  tháng 12 năm 2023',
      'Hòa Lạc, ngày 14 tháng 6 năm 2022',
      'Yên Bình, ngày 05 tháng 01 năm 2024',
      // A date whose day is left blank to be filled in by pen, and one without a year.
      'Hòa Lạc, ngày      tháng 6 năm 2022',
      'Hòa Lạc, ngày ... tháng ... năm 2023',
      'Hòa Lạc, ngày 12 tháng 12',
    ])('%j alone is no period (in particular not "12 tháng" nor "Năm …")', (line) => {
      expect(parsePeriod(line)).toBeNull();
    });

    test('a date beside a title does not change the title period', () => {
      expect(parsePeriod('Hòa Lạc, ngày 12 tháng 12 năm 2023 | BÁO CÁO 6 THÁNG ĐẦU NĂM 2023')).toEqual({
        label: '6 tháng đầu năm 2023',
        year: 2023,
        months: 6,
      });
      expect(parsePeriod('ngày 05 tháng 01 năm 2024 báo cáo năm 2023')).toEqual({ label: 'Năm 2023', year: 2023, months: 12 });
      expect(parsePeriod('BÁO CÁO NĂM 2023 | Hòa Lạc, ngày      tháng 12 năm 2023')).toEqual({ label: 'Năm 2023', year: 2023, months: 12 });
    });

    test('property: no "ngày D tháng M năm Y" line is read as a period', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2099 }), fc.boolean(), (d, m, y, pad) => {
          const dd = pad ? String(d).padStart(2, '0') : String(d);
          expect(parsePeriod(`Hòa Lạc, ngày ${dd} tháng ${m} năm ${y}`)).toBeNull();
        }),
      );
    });
  });

  test('property: "N tháng đầu năm Y" is N months of Y', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2099 }), (n, y) => {
        expect(parsePeriod(`BÁO CÁO ${n} THÁNG ĐẦU NĂM ${y}`)).toEqual({ label: `${n} tháng đầu năm ${y}`, year: y, months: n });
      }),
    );
  });
});

describe('parseDate', () => {
  test.each<[string, ReportDate]>([
    ['ngày 14 tháng 6 năm 2022', { year: 2022, month: 6, day: 14 }],
    ['Hòa Lạc, ngày 14 tháng 6 năm 2022', { year: 2022, month: 6, day: 14 }],
    ['HÒA LẠC, NGÀY 05 THÁNG 01 NĂM 2024', { year: 2024, month: 1, day: 5 }],
    ['Hòa Lạc, ngày 12 tháng 12 năm 2023', { year: 2023, month: 12, day: 12 }],
  ])('folded %j', (text, expected) => {
    expect(parseDate(fold(text))).toEqual(expected);
  });

  test.each<[string, ReportDate]>([
    ['14/6/2022', { year: 2022, month: 6, day: 14 }],
    ['14/06/2022', { year: 2022, month: 6, day: 14 }],
    ['14-06-2022', { year: 2022, month: 6, day: 14 }],
    ['14.6.2022', { year: 2022, month: 6, day: 14 }],
    ['Hòa Lạc, 1/12/2023', { year: 2023, month: 12, day: 1 }],
  ])('numeric %j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  test.each(['ngay 32 thang 6 nam 2022', 'ngay 14 thang 13 nam 2022', 'ngay 0 thang 6 nam 2022', '14/13/2022', '2022/6/14', 'bao cao nam 2023', '', 'ngay thang 6 nam 2022'])(
    '%j is no date',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  test('property: every valid folded date reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2099 }), (day, month, year) => {
        expect(parseDate(fold(`Hòa Lạc, ngày ${day} tháng ${month} năm ${year}`))).toEqual({ year, month, day });
        expect(parseDate(`${day}/${month}/${year}`)).toEqual({ year, month, day });
      }),
    );
  });
});

describe('compareDates', () => {
  const d = (year: number, month: number, day: number): ReportDate => ({ year, month, day });

  test('orders by year, then month, then day', () => {
    expect(compareDates(d(2022, 6, 14), d(2022, 6, 15))).toBeLessThan(0);
    expect(compareDates(d(2022, 6, 15), d(2022, 6, 14))).toBeGreaterThan(0);
    expect(compareDates(d(2022, 6, 30), d(2022, 7, 1))).toBeLessThan(0);
    expect(compareDates(d(2022, 12, 31), d(2023, 1, 1))).toBeLessThan(0);
    expect(compareDates(d(2023, 1, 1), d(2022, 12, 31))).toBeGreaterThan(0);
    expect(compareDates(d(2022, 6, 14), d(2022, 6, 14))).toBe(0);
  });

  test('a missing date sorts before any date', () => {
    expect(compareDates(null, d(2022, 6, 14))).toBeLessThan(0);
    expect(compareDates(d(2022, 6, 14), null)).toBeGreaterThan(0);
    expect(compareDates(null, null)).toBe(0);
  });

  test('the later of two reports is the later date ("ngày 14 tháng 6 năm 2022" vs 10/6/2022)', () => {
    const a = parseDate(fold('Hòa Lạc, ngày 14 tháng 6 năm 2022'));
    const b = parseDate('10/6/2022');
    expect(compareDates(a, b)).toBeGreaterThan(0);
  });

  test('property: agrees with the calendar order of real dates, and is antisymmetric', () => {
    const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
    const toReport = (x: Date): ReportDate => ({ year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() });
    const dayOf = (x: Date) => Math.floor(x.getTime() / 86_400_000);
    fc.assert(
      fc.property(date, date, (x, y) => {
        const c = compareDates(toReport(x), toReport(y));
        const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);
        expect(sign(c)).toBe(sign(dayOf(x) - dayOf(y)));
        expect(sign(compareDates(toReport(y), toReport(x)))).toBe(-sign(c) || 0);
      }),
    );
  });
});

describe('formatDate', () => {
  test('dd/mm/yyyy with leading zeros', () => {
    expect(formatDate({ year: 2022, month: 6, day: 4 })).toBe('04/06/2022');
    expect(formatDate({ year: 2023, month: 12, day: 31 })).toBe('31/12/2023');
  });

  test('no date prints as empty', () => {
    expect(formatDate(null)).toBe('');
  });

  test('a formatted date parses back', () => {
    const d: ReportDate = { year: 2022, month: 6, day: 14 };
    expect(parseDate(formatDate(d))).toEqual(d);
  });
});

describe('parseDate on lines as written', () => {
  test.each([
    ['Hòa Lạc, ngày 14 tháng 6 năm 2022', { year: 2022, month: 6, day: 14 }],
    ['Hòa Lạc, 14/6/2022', { year: 2022, month: 6, day: 14 }],
    ['HÒA LẠC, NGÀY 01 THÁNG 12 NĂM 2023', { year: 2023, month: 12, day: 1 }],
  ])('%s', (line, expected) => expect(parseDate(line)).toEqual(expected));
});

describe('parseDateLine: the year a report was written in, also when the day is left blank', () => {
  test.each<[string, { year: number; month: number | null; text: string } | null]>([
    ['Hòa Lạc, ngày 12 tháng 12 năm 2023', { year: 2023, month: 12, text: '12/12/2023' }],
    ['Hòa Lạc, 5/6/2023', { year: 2023, month: 6, text: '05/06/2023' }],
    ['Hòa Lạc, ngày      tháng 12 năm 2023', { year: 2023, month: 12, text: '12/2023' }],
    ['Hòa Lạc, ngày ... tháng ... năm 2022', { year: 2022, month: null, text: 'năm 2022' }],
    ['Hòa Lạc, ngày    /12/2023', { year: 2023, month: 12, text: '12/2023' }],
    ['Hòa Lạc, tháng 12 năm 2022', { year: 2022, month: 12, text: '12/2022' }],
    ['Hòa Lạc, tháng 6/2022', { year: 2022, month: 6, text: '06/2022' }],
    ['BÁO CÁO 9 THÁNG NĂM 2023', null],
    ['BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', null],
    ['Hòa Lạc, tháng 13 năm 2022', null],
    ['Hòa Lạc, ngày    tháng    năm', null],
  ])('%j', (line, expected) => {
    expect(parseDateLine(line)).toEqual(expected);
  });
});

describe('isPlanLine: a line announcing a plan, whose year is the plan\'s', () => {
  test.each<[string, boolean]>([
    ['KẾ HOẠCH NĂM 2024', true],
    ['Phương hướng, nhiệm vụ năm 2024', true],
    ['Chương trình công tác năm 2024', true],
    ['BÁO CÁO KẾT QUẢ NĂM 2023 VÀ KẾ HOẠCH NĂM 2024', false],
    ['Kế hoạch và kết quả thực hiện năm 2023', false],
    ['(Kèm theo Kế hoạch số 15-KH/ĐU)', false],
    ['BIỂU TỔNG HỢP KẾT QUẢ NĂM 2023', false],
  ])('%j → %s', (line, plan) => {
    expect(isPlanLine(line)).toBe(plan);
  });
});
