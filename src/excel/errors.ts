// Errors a clerk can read. Office.js errors carry a code (ItemNotFound, InvalidArgument,
// RequestPayloadSizeLimitExceeded, ...) and an English message; we prefix what we were
// doing, in Vietnamese, and keep the original for support.

export class ExcelAdapterError extends Error {
  readonly code?: string;
  readonly cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'ExcelAdapterError';
    this.cause = cause;
    this.code = codeOf(cause);
  }
}

export function codeOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Excel on the web: a request or response over its 5 MB limit. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = codeOf(e) ?? '';
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimit|ResponsePayloadSizeLimit/i.test(code) || /payload size/i.test(messageOf(e));
}

// A Map, not an object: a code such as "constructor" must not find the prototype's function.
const HINTS: ReadonlyMap<string, string> = new Map(Object.entries({
  ItemNotFound: 'một trang tính hoặc ô không còn tồn tại (có thể vừa bị đổi tên hay xoá)',
  InvalidArgument: 'dữ liệu gửi tới Excel không hợp lệ',
  AccessDenied: 'sổ tính đang được bảo vệ hoặc chỉ đọc',
  InvalidOperation: 'Excel không cho phép thao tác này lúc này (ô đang sửa, sổ tính được bảo vệ?)',
  GeneralException: 'Excel báo lỗi chung',
  RequestPayloadSizeLimitExceeded: 'dữ liệu quá lớn cho một lần gửi',
}));

export function readableError(e: unknown, doing: string): ExcelAdapterError {
  if (e instanceof ExcelAdapterError) return e;
  const code = codeOf(e);
  const hint = code && HINTS.has(code) ? `: ${HINTS.get(code)}` : '';
  return new ExcelAdapterError(`${doing}${hint}. (${code ? code + ': ' : ''}${messageOf(e)})`, e);
}
