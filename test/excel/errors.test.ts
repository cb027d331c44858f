// What a clerk reads when Excel refuses something, and which Excel versions get which features:
// literal messages and versions, so a change to either is a deliberate one.
import { ExcelAdapterError, codeOf, isPayloadTooLarge, messageOf, readableError } from '../../src/excel/errors';
import { FEATURE_API, MIN_EXCEL_API, has, hostSupports, supportsUpTo } from '../../src/excel/requirements';

/** An error as Office.js throws it: an Error with a string code. */
function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe('errors', () => {
  test('codeOf takes only a string code', () => {
    expect(codeOf(officeError('ItemNotFound', 'x'))).toBe('ItemNotFound');
    expect(codeOf({ code: 5 })).toBeUndefined();
    expect(codeOf(null)).toBeUndefined();
    expect(codeOf('ItemNotFound')).toBeUndefined();
  });

  test('messageOf gives an error its message and anything else its text', () => {
    expect(messageOf(new Error('boom'))).toBe('boom');
    expect(messageOf(42)).toBe('42');
  });

  test.each([
    [officeError('RequestPayloadSizeLimitExceeded', 'x'), true],
    [officeError('ResponsePayloadSizeLimitExceeded', 'x'), true],
    [officeError('PayloadSizeLimitExceeded', 'x'), true],
    [officeError('requestpayloadsizelimitexceeded', 'x'), true],
    [new Error('The request payload size has exceeded the limit.'), true],
    [officeError('InvalidArgument', 'The argument is invalid.'), false],
    ['payload', false],
  ])('isPayloadTooLarge(%p) is %s', (e, expected) => {
    expect(isPayloadTooLarge(e)).toBe(expected);
  });

  test('a known code gets its reason in Vietnamese, the original kept for support', () => {
    const e = readableError(officeError('ItemNotFound', 'The requested resource doesn\'t exist.'), 'Không đọc được trang "Tổng hợp"');
    expect(e).toBeInstanceOf(ExcelAdapterError);
    expect(e.message).toBe('Không đọc được trang "Tổng hợp": một trang tính hoặc ô không còn tồn tại (có thể vừa bị đổi tên hay xoá). (ItemNotFound: The requested resource doesn\'t exist.)');
    expect(e.code).toBe('ItemNotFound');
    expect(e.name).toBe('ExcelAdapterError');
    expect(readableError(officeError('AccessDenied', 'Denied.'), 'Không ghi được').message).toBe('Không ghi được: sổ tính đang được bảo vệ hoặc chỉ đọc. (AccessDenied: Denied.)');
  });

  test('an unknown code or none: what was being done, then the original', () => {
    expect(readableError(officeError('Weird', 'Odd.'), 'Không ghi được').message).toBe('Không ghi được. (Weird: Odd.)');
    const plain = readableError(new Error('Network down'), 'Không ghi được');
    expect(plain.message).toBe('Không ghi được. (Network down)');
    expect(plain.code).toBeUndefined();
  });

  test('an error already read is passed on as it is, not wrapped twice', () => {
    const first = readableError(officeError('InvalidArgument', 'Bad.'), 'Không ghi được');
    expect(readableError(first, 'Không đánh dấu được')).toBe(first);
  });

  test('the prototype\'s names are not codes with a reason', () => {
    expect(readableError(officeError('constructor', 'x'), 'Không ghi được').message).toBe('Không ghi được. (constructor: x)');
  });
});

describe('requirement sets', () => {
  test('the manifest asks for ExcelApi 1.7; each feature needs the version below', () => {
    expect(MIN_EXCEL_API).toBe('1.7');
    expect(FEATURE_API).toEqual({ rangeAreas: '1.9', cellProperties: '1.9', fillPattern: '1.9', autoFilter: '1.9', pageLayout: '1.9', comments: '1.10', mergedAreas: '1.13', notes: '1.18' });
  });

  test('versions compare as numbers: 1.10 is after 1.9', () => {
    const upTo9 = supportsUpTo('1.9');
    expect(upTo9('ExcelApi', '1.9')).toBe(true);
    expect(upTo9('ExcelApi', '1.8')).toBe(true);
    expect(upTo9('ExcelApi', '1.10')).toBe(false);
    expect(upTo9('ExcelApi', '2.0')).toBe(false);
    expect(upTo9('WordApi', '1.1')).toBe(false);
    expect(supportsUpTo('2.1')('ExcelApi', '1.18')).toBe(true);
  });

  test('has() asks for the feature\'s own version', () => {
    const upTo12 = supportsUpTo('1.12');
    expect([has(upTo12, 'comments'), has(upTo12, 'mergedAreas'), has(upTo12, 'notes'), has(upTo12, 'rangeAreas')]).toEqual([true, false, false, true]);
  });

  describe('hostSupports', () => {
    const g = globalThis as { Office?: unknown };
    afterEach(() => delete g.Office);

    test('without Office.js loaded, nothing is supported', () => {
      expect(hostSupports('ExcelApi', '1.1')).toBe(false);
    });

    test('with Office.js, the host answers for the set and version asked', () => {
      const asked: string[] = [];
      g.Office = { context: { requirements: { isSetSupported: (set: string, v?: string) => (asked.push(`${set} ${v}`), v === '1.9') } } };
      expect([hostSupports('ExcelApi', '1.9'), hostSupports('ExcelApi', '1.10')]).toEqual([true, false]);
      expect(asked).toEqual(['ExcelApi 1.9', 'ExcelApi 1.10']);
    });

    test('a host that throws when asked supports nothing', () => {
      g.Office = { context: { requirements: { isSetSupported: () => { throw new Error('not ready'); } } } };
      expect(hostSupports('ExcelApi', '1.7')).toBe(false);
    });
  });
});
