// Spotting text that may be legacy 8-bit Vietnamese (TCVN3/ABC, VNI) shown through a
// Windows-1252 code page: "Sè m« h×nh", "Soá moâ hình". Only those cells get their font
// name read (the font decides the decoding), which keeps the font phase small.

/** Latin-1 supplement letters and symbols, plus the Windows-1252 extras in 0x80-0x9F. */
const LATIN1_LIKE = /[\u00A1-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC]/;

/**
 * Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the U+1EA0 block) and combining marks
 * of NFD text: their presence means the text is already Unicode.
 */
const VIETNAMESE_UNICODE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9\u0300-\u0303\u0309\u0323]/;

export function looksLegacyVietnamese(text: string): boolean {
  return LATIN1_LIKE.test(text) && !VIETNAMESE_UNICODE.test(text);
}
