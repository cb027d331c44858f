import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { CP1252_HIGH, TCVN3_TO_UNICODE, VNI_TABLE } from '../../src/core/legacy-tables';
import {
  ABBREVIATIONS,
  PLACE_PREFIXES,
  decodeLegacy,
  detectLegacy,
  fold,
  foldCompact,
  normalizeText,
  toUnicode,
  tokens,
} from '../../src/core/text';

// ---------------------------------------------------------------------------------------------
// Helpers built independently of the code under test

const VIET_LOWER = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
const VIET_LETTERS = [...VIET_LOWER, ...VIET_LOWER.toUpperCase()];
/** The 134 letters that carry a diacritic (what VNI and TCVN3 must get right). */
const MARKED_LETTERS = VIET_LETTERS.filter((c) => !/[a-z]/i.test(c));

/** The Windows-1252 view of legacy bytes, as Excel shows text in an 8-bit font. */
function bytesAsCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const ch = iconv.decode(Buffer.from([b]), 'windows1252');
    // Bytes Windows-1252 leaves undefined come through as the same-valued C1 control.
    out += ch === '\uFFFD' ? String.fromCharCode(b) : ch;
  }
  return out;
}

function encodeTCVN3(s: string): string {
  return bytesAsCp1252(iconv.encode(s.normalize('NFC'), 'tcvn'));
}

const VNI_ENCODE = new Map(VNI_TABLE.map(([u, v]) => [u, v] as [string, string]));
function encodeVNI(s: string): string {
  return [...s.normalize('NFC')].map((c) => VNI_ENCODE.get(c) ?? c).join('');
}

/** fold as the specification words it, step by step (slow, obviously right). */
function referenceFold(s: string): string {
  const plain = normalizeText(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (plain === '') return '';
  const abbr = new Map(ABBREVIATIONS);
  const words = plain.split(' ');
  return words
    .map((w, i) => {
      const exp = abbr.get(w);
      if (exp !== undefined) return exp;
      if (i === 0 && words.length > 1 && /^[a-z]/.test(words[1])) {
        if (w === 'p') return 'phuong';
        if (w === 'x') return 'xa';
      }
      return w;
    })
    .join(' ');
}

const PHRASES = [
  'Số mô hình',
  'Tổng số hội viên',
  'Hội Nông dân',
  'Đoàn Thanh niên',
  'Kết nạp đoàn viên mới',
  'Phường Hòa Lạc',
  'Số cuộc giám sát',
  'Ủy ban nhân dân xã Yên Bình',
  'Mặt trận Tổ quốc Việt Nam',
  'Hội Liên hiệp Phụ nữ',
];

// Real Vietnamese words, many of them written only with Latin-1 letters (the hard case for
// detection, since those are exactly the characters legacy text arrives as).
const REAL_WORDS = [
  'thái', 'bình', 'cà', 'mau', 'tây', 'ninh', 'châu', 'thành', 'chánh', 'trà', 'vinh', 'kiên',
  'giang', 'tân', 'phú', 'hòa', 'hoà', 'hoá', 'khoá', 'quá', 'tuý', 'xoè', 'yên', 'bái', 'lào',
  'cai', 'gì', 'già', 'cô', 'tô', 'mô', 'hình', 'dân', 'tiên', 'uyên', 'bàu', 'bàng', 'ông',
  'số', 'tổng', 'hội', 'viên', 'đoàn', 'thanh', 'niên', 'nông', 'kết', 'nạp', 'mới', 'phường',
  'lạc', 'cuộc', 'giám', 'sát', 'khéo', 'vận', 'gia', 'đình', 'văn', 'người', 'nghiêng',
  'khuya', 'chuyện', 'quốc', 'xã', 'ấp', 'ô', 'ơi', 'à', 'yêu', 'thuở', 'khuếch', 'xoong',
];

// ---------------------------------------------------------------------------------------------

describe('normalizeText', () => {
  test.each([
    ['  a   b  ', 'a b'],
    ['a\u00A0b', 'a b'],
    ['a\u2003b\u202Fc\u3000d\u2009e', 'a b c d e'],
    ['dòng 1\r\ndòng 2\tcột\u2028x\u0085y', 'dòng 1 dòng 2 cột x y'],
    ['a\u200Bb\u200Cc\u200Dd\uFEFFe', 'abcde'],
    ['\uFEFFSố hộ', 'Số hộ'],
    ['Ho\u0300a La\u0323c', 'Hòa Lạc'],
    ['To\u0302\u0309ng so\u0302\u0301', 'Tổng số'],
    ['a\u200B\u0300', 'à'],
    ['a \u200B b', 'a b'],
    ['\u200B a \u200B', 'a'],
    ['', ''],
    [' \u00A0\t\n ', ''],
    ['Plain text', 'Plain text'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('NFD input is not already equal to NFC (the cases above are meaningful)', () => {
    expect('Ho\u0300a La\u0323c').not.toBe('Hòa Lạc');
    expect(normalizeText('Ho\u0300a La\u0323c')).toBe(normalizeText('Hòa Lạc'));
    expect(normalizeText('Tổng'.normalize('NFD'))).toBe('Tổng');
  });

  test('text made of the characters it skips normalize() for is already NFC', () => {
    // normalizeText leaves out normalize() when every character is in these ranges; that is only
    // right if none of them changes alone or composes with any other of them.
    const safe: string[] = [];
    const add = (from: number, to: number): void => {
      for (let c = from; c <= to; c++) safe.push(String.fromCharCode(c));
    };
    add(0x21, 0x2ff);
    add(0x1e00, 0x1eff);
    add(0x2010, 0x2027);
    add(0x2030, 0x205e);
    add(0x20ac, 0x20ac);
    add(0x2122, 0x2122);
    const wrong: string[] = [];
    for (const a of safe) {
      if (a.normalize('NFC') !== a) wrong.push(a);
      for (const b of safe) if ((a + b).normalize('NFC') !== a + b) wrong.push(a + b);
    }
    expect(wrong).toEqual([]);
    expect(normalizeText('Ho\u0300a')).toBe('Hòa');
    expect(normalizeText('\u212B')).toBe('\u00C5');
  });

  const messy = fc.string({
    unit: fc.oneof(
      fc.constantFrom(' ', '\u00A0', '\t', '\n', '\u200B', '\uFEFF', '\u0300', '\u0323', '\u0302', '\u2003'),
      fc.constantFrom(...VIET_LETTERS),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(messy, fc.string({ unit: 'binary' })), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });

  test('output is NFC, trimmed, single-spaced, without zero-width characters', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const out = normalizeText(s);
        expect(out).toBe(out.normalize('NFC'));
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s{2}|[\t\n\r\u00A0\u200B-\u200D\uFEFF]/);
      }),
    );
  });
});

describe('TCVN3 tables', () => {
  test('the generated table is iconv-lite tcvn for every byte', () => {
    expect(TCVN3_TO_UNICODE).toHaveLength(256);
    const wrong: string[] = [];
    for (let b = 0; b < 256; b++) {
      const ref = iconv.decode(Buffer.from([b]), 'tcvn');
      if (String.fromCharCode(TCVN3_TO_UNICODE[b]) !== ref) wrong.push(b.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('the Windows-1252 table is iconv-lite windows1252 for 0x80-0x9F', () => {
    expect(CP1252_HIGH).toHaveLength(32);
    expect(String.fromCharCode(...CP1252_HIGH)).toBe(bytesAsCp1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i)));
  });

  test('decodeLegacy matches iconv-lite for every byte 0-255, shown as Windows-1252', () => {
    const wrong: string[] = [];
    for (let b = 0; b < 256; b++) {
      const shown = bytesAsCp1252(Uint8Array.of(b));
      const ref = normalizeText(iconv.decode(Buffer.from([b]), 'tcvn').normalize('NFC'));
      if (decodeLegacy(shown, 'tcvn3') !== ref) wrong.push(b.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('decodeLegacy matches iconv-lite for all bytes in context', () => {
    // Every byte after a base letter, so the combining tone bytes 0xB0-0xB4 must compose.
    for (let b = 0; b < 256; b++) {
      const bytes = Uint8Array.of(0x61, b, 0x20, 0x6f, b);
      const ref = normalizeText(iconv.decode(Buffer.from(bytes), 'tcvn').normalize('NFC'));
      expect(decodeLegacy(bytesAsCp1252(bytes), 'tcvn3')).toBe(ref);
    }
    expect(decodeLegacy('a\u00B3', 'tcvn3')).toBe('á');
  });
});

describe('decodeLegacy: TCVN3', () => {
  test.each([
    ['Sè m« h×nh', 'Số mô hình'],
    ['Tæng sè héi viªn', 'Tổng số hội viên'],
    ['Sè cuéc gi¸m s¸t', 'Số cuộc giám sát'],
    ['Héi N«ng d©n', 'Hội Nông dân'],
    ['§oµn Thanh niªn', 'Đoàn Thanh niên'],
    ['Ph\u00ADêng Hßa L¹c', 'Phường Hòa Lạc'],
  ])('%j -> %j', (legacy, expected) => {
    expect(encodeTCVN3(expected)).toBe(legacy);
    expect(decodeLegacy(legacy, 'tcvn3')).toBe(expected);
    expect(toUnicode(legacy, '.VnTime')).toEqual({ text: expected, encoding: 'tcvn3' });
  });

  test.each(PHRASES)('round trip through iconv-lite: %s', (phrase) => {
    const bytes = iconv.encode(phrase, 'tcvn');
    const shown = bytesAsCp1252(bytes);
    expect(decodeLegacy(shown, 'tcvn3')).toBe(phrase);
    expect(decodeLegacy(shown, 'tcvn3')).toBe(normalizeText(iconv.decode(bytes, 'tcvn').normalize('NFC')));
  });

  test('every marked letter, lower and upper case, round-trips', () => {
    for (const letter of MARKED_LETTERS) {
      expect(decodeLegacy(encodeTCVN3(`t${letter}n`), 'tcvn3')).toBe(`t${letter}n`);
    }
  });

  test('TCVN3 capitals (iconv-lite codes, including 0xFF and the undefined 0x8D) decode', () => {
    const shown = encodeTCVN3('SỐ MÔ HÌNH');
    expect(shown).toBe('S\u00FF M\u00A4 H\u008DNH');
    expect(decodeLegacy(shown, 'tcvn3')).toBe('SỐ MÔ HÌNH');
    expect(decodeLegacy(encodeTCVN3('ĐOÀN THANH NIÊN'), 'tcvn3')).toBe('ĐOÀN THANH NIÊN');
  });

  test.each([
    ['.VnTimeH', 'Sè M¤ H×NH', 'SỐ MÔ HÌNH'],
    ['.VnTimeH', 'Tæng sè héi viªn', 'TỔNG SỐ HỘI VIÊN'],
    ['.VnArialH', '§oµn Thanh niªn', 'ĐOÀN THANH NIÊN'],
    ['.VnTime', 'Sè M¤ H×NH', 'Số MÔ HìNH'],
  ])('capital font %s shows %j as %j', (font, legacy, expected) => {
    expect(toUnicode(legacy, font)).toEqual({ text: expected, encoding: 'tcvn3' });
  });

  test('characters no byte shows as pass through unchanged', () => {
    expect(decodeLegacy('Sè ư', 'tcvn3')).toBe('Số ư');
  });

  test('random Vietnamese text round-trips through iconv-lite encode', () => {
    const word = fc.string({ unit: fc.constantFrom(...VIET_LETTERS), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const x = words.join(' ');
        expect(decodeLegacy(encodeTCVN3(x), 'tcvn3')).toBe(x);
      }),
    );
  });
});

describe('decodeLegacy: VNI Windows', () => {
  // The encoding rebuilt from its rules: tone marks after a plain vowel, combined
  // circumflex+tone and breve+tone marks after "a"/"e"/"o", the horn vowels as single
  // characters, and i (and the dot of y) as single characters.
  const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // sắc huyền hỏi ngã nặng
  const TONE_MARK = ['ù', 'ø', 'û', 'õ', 'ï'];
  const CIRCUMFLEX_MARK = ['â', 'á', 'à', 'å', 'ã', 'ä']; // no tone, then the five tones
  const BREVE_MARK = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
  function expectedVni(): Map<string, string> {
    const m = new Map<string, string>();
    const add = (u: string, v: string): void => {
      m.set(u.normalize('NFC'), v);
      m.set(u.normalize('NFC').toUpperCase(), v.toUpperCase());
    };
    for (const [u, v] of [['a', 'a'], ['e', 'e'], ['o', 'o'], ['u', 'u'], ['o\u031B', 'ô'], ['u\u031B', 'ö']]) {
      if (u.length > 1) add(u, v);
      TONES.forEach((t, i) => add(u + t, v + TONE_MARK[i]));
    }
    for (const base of ['a', 'e', 'o']) {
      add(base + '\u0302', base + CIRCUMFLEX_MARK[0]);
      TONES.forEach((t, i) => add(base + '\u0302' + t, base + CIRCUMFLEX_MARK[i + 1]));
    }
    add('a\u0306', 'a' + BREVE_MARK[0]);
    TONES.forEach((t, i) => add('a\u0306' + t, 'a' + BREVE_MARK[i + 1]));
    ['í', 'ì', 'æ', 'ó', 'ò'].forEach((v, i) => add('i' + TONES[i], v));
    TONES.slice(0, 4).forEach((t, i) => add('y' + t, 'y' + TONE_MARK[i]));
    add('y\u0323', 'î');
    add('đ', 'ñ');
    return m;
  }

  test('the table holds exactly the 134 marked letters, as the rules give them', () => {
    expect(VNI_TABLE).toHaveLength(134);
    expect(new Set(VNI_TABLE.map(([u]) => u))).toEqual(new Set(MARKED_LETTERS));
    expect(new Map(VNI_TABLE.map(([u, v]) => [u, v] as [string, string]))).toEqual(expectedVni());
  });

  test.each(MARKED_LETTERS)('%s decodes and round-trips', (letter) => {
    const vni = VNI_ENCODE.get(letter) as string;
    expect(decodeLegacy(vni, 'vni')).toBe(letter);
    expect(decodeLegacy(encodeVNI(`t${letter}n`), 'vni')).toBe(`t${letter}n`);
  });

  test('every pair of adjacent letters round-trips (no mark is mistaken across letters)', () => {
    const wrong: string[] = [];
    for (const a of VIET_LETTERS) {
      for (const b of VIET_LETTERS) {
        if (decodeLegacy(encodeVNI(a + b), 'vni') !== a + b) wrong.push(a + b);
      }
    }
    expect(wrong).toEqual([]);
  });

  test.each([
    ['Số mô hình', 'Soá moâ hình'],
    ['Tổng số hội viên', 'Toång soá hoäi vieân'],
    ['Hội Nông dân', 'Hoäi Noâng daân'],
    ['Đoàn Thanh niên', 'Ñoaøn Thanh nieân'],
    ['Kết nạp đoàn viên mới', 'Keát naïp ñoaøn vieân môùi'],
    ['Phường Hòa Lạc', 'Phöôøng Hoøa Laïc'],
    ['SỐ MÔ HÌNH', 'SOÁ MOÂ HÌNH'],
    ['ĐOÀN THANH NIÊN', 'ÑOAØN THANH NIEÂN'],
  ])('%s <-> %s', (unicode, vni) => {
    expect(encodeVNI(unicode)).toBe(vni);
    expect(decodeLegacy(vni, 'vni')).toBe(unicode);
    expect(toUnicode(vni, 'VNI-Times')).toEqual({ text: unicode, encoding: 'vni' });
  });

  test('a mark typed in the other case still joins its base; the base decides the case', () => {
    expect(decodeLegacy('SOá', 'vni')).toBe('SỐ');
    expect(decodeLegacy('soÁ', 'vni')).toBe('số');
  });

  test('random Vietnamese text round-trips', () => {
    const word = fc.string({ unit: fc.constantFrom(...VIET_LETTERS), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const x = words.join(' ');
        expect(decodeLegacy(encodeVNI(x), 'vni')).toBe(x);
      }),
    );
  });
});

describe('decodeLegacy: unicode', () => {
  test('is normalizeText', () => {
    expect(decodeLegacy('  Ho\u0300a\u00A0La\u0323c ', 'unicode')).toBe('Hòa Lạc');
    expect(decodeLegacy('Sè m« h×nh', 'unicode')).toBe('Sè m« h×nh');
  });
});

describe('detectLegacy', () => {
  test.each([
    ['.VnTime', 'tcvn3'],
    ['.VnTimeH', 'tcvn3'],
    ['.vntime', 'tcvn3'],
    ['.VnArial', 'tcvn3'],
    ['.VnArialH', 'tcvn3'],
    ['.VnArial NarrowH', 'tcvn3'],
    [' .VnTime ', 'tcvn3'],
    ['VNI-Times', 'vni'],
    ['VNI-Helve', 'vni'],
    ['vni-times', 'vni'],
    ['Times New Roman', 'unicode'],
    ['Arial', 'unicode'],
    ['VnTime', 'unicode'],
    ['', 'unicode'],
  ])('font %j -> %s', (font, expected) => {
    expect(detectLegacy('Ho ten', font)).toBe(expected);
  });

  test('a legacy font does not override text only Unicode can hold', () => {
    expect(detectLegacy('Số mô hình', '.VnTime')).toBe('unicode');
    expect(detectLegacy('Hòa Lạc', 'VNI-Times')).toBe('unicode');
    expect(toUnicode('Phường Hòa Lạc', '.VnTimeH')).toEqual({ text: 'Phường Hòa Lạc', encoding: 'unicode' });
  });

  const TCVN3_SAMPLES = [
    'Sè m« h×nh',
    'Tæng sè héi viªn',
    'Sè cuéc gi¸m s¸t',
    ...PHRASES.map(encodeTCVN3),
    'Ng\u00ADêi ®¹i diÖn',
    'Tû lÖ (%)',
  ];
  test.each(TCVN3_SAMPLES)('TCVN3 without a font: %j', (s) => {
    expect(detectLegacy(s)).toBe('tcvn3');
    expect(detectLegacy(s, 'Times New Roman')).toBe('tcvn3');
  });

  const VNI_SAMPLES = ['Soá moâ hình', 'Toång soá hoäi vieân', ...PHRASES.map(encodeVNI), 'Tyû leä (%)'];
  test.each(VNI_SAMPLES)('VNI without a font: %j', (s) => {
    expect(detectLegacy(s)).toBe('vni');
    expect(detectLegacy(s, 'Arial')).toBe('vni');
  });

  const NOT_LEGACY = [
    // Vietnamese in Unicode
    ...PHRASES,
    'Hòa Lạc',
    'Đồng Tâm',
    'Thái Bình',
    'Cà Mau',
    'Tây Ninh',
    'Châu Thành',
    'Bình Chánh',
    'Trà Vinh',
    'Kiên Giang',
    'Tân Phú',
    'Hoà Bình',
    'Thanh Hoá',
    'Cô Tô',
    'Yên Bái',
    'Lào Cai',
    'Tân Uyên',
    'Bàu Bàng',
    'Thái Bình Cà Mau Tây Ninh Châu Thành',
    'Tây Ninh – Cà Mau',
    '“Cà Mau”',
    'Xã Yên Bình',
    'Tỷ lệ (%)',
    'Ghi chú',
    'Số mô hình "Dân vận khéo"',
    // English, numbers and Latin-1
    'Total',
    'x',
    'N/A',
    '2023',
    'café',
    'Müller',
    '±5',
    '½',
    '50% ± 2',
    'Report ©2023',
    'Price: €5',
    'Temperature 25°C',
    'Crème brûlée',
    'naïve façade',
    'Zürich',
    'São Paulo',
    'Ångström',
    'Ærø',
    'Señor Muñoz',
    'Smörgåsbord',
    'Björk',
    'Noël à Noël',
    'déjà vu',
    'résumé',
    '« quoted »',
    '© ® ™',
    '§ 5',
    'µg/m³',
    '1½ – 2¼',
    'Straße',
    'Garçon',
    'Aïda',
    'Raúl',
    // Danish: "Sø" and "Møn" look like TCVN3 "Sứ", "Mứn", but "Søndre" does not decode to Vietnamese.
    'Søndre Sø og Møn',
    // A repeated symbol counts once.
    'Nº 5, Nº 6',
  ];
  test.each(NOT_LEGACY)('stays unicode: %j', (s) => {
    expect(detectLegacy(s)).toBe('unicode');
    expect(detectLegacy(s, 'Times New Roman')).toBe('unicode');
    expect(toUnicode(s).text).toBe(normalizeText(s));
  });

  test('there are 30+ genuine strings in the negative list', () => {
    expect(NOT_LEGACY.length).toBeGreaterThanOrEqual(30);
  });

  test('any run of real Vietnamese words stays unicode', () => {
    const word = fc
      .tuple(fc.constantFrom(...REAL_WORDS), fc.boolean())
      .map(([w, cap]) => (cap ? w[0].toUpperCase() + w.slice(1) : w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        expect(detectLegacy(words.join(' '))).toBe('unicode');
      }),
    );
  });
});

describe('toUnicode', () => {
  test.each([
    ['  Ho\u0300a   La\u0323c ', undefined, 'Hòa Lạc', 'unicode'],
    ['Sè m« h×nh', undefined, 'Số mô hình', 'tcvn3'],
    ['Sè m« h×nh', '.VnTime', 'Số mô hình', 'tcvn3'],
    ['Soá moâ hình', undefined, 'Số mô hình', 'vni'],
    ['Soá moâ hình', 'VNI-Times', 'Số mô hình', 'vni'],
    ['Hoäi\u00A0Noâng   daân', 'VNI-Helve', 'Hội Nông dân', 'vni'],
    ['', '.VnTime', '', 'tcvn3'],
    ['Ho ten', undefined, 'Ho ten', 'unicode'],
  ])('%j (font %j) -> %j', (s, font, text, encoding) => {
    expect(toUnicode(s, font)).toEqual({ text, encoding });
  });
});

describe('fold', () => {
  test.each([
    ['Hội Nông dân', 'hoi nong dan'],
    ['HND', 'hoi nong dan'],
    ['Hội ND', 'hoi nd'],
    ['LĐLĐ', 'lien doan lao dong'],
    ['ĐTN', 'doan thanh nien'],
    ['Số hộ đăng ký GĐVH', 'so ho dang ky gia dinh van hoa'],
    ['Phong trào "Dân vận khéo"', 'phong trao dan van kheo'],
    ['P. Hòa Lạc', 'phuong hoa lac'],
    ['X. Yên Bình', 'xa yen binh'],
    ['x', 'x'],
    ['X', 'x'],
    ['p', 'p'],
    ['x 5', 'x 5'],
    ['Số hộ: x', 'so ho x'],
    ['Hòa Lạc P', 'hoa lac p'],
    ['x 5 HND', 'x 5 hoi nong dan'],
    ['HND x', 'hoi nong dan x'],
    ['X HND', 'xa hoi nong dan'],
    ['Hội CCB', 'hoi cuu chien binh'],
    ['CCB', 'cuu chien binh'],
    ['HLHPN', 'hoi lien hiep phu nu'],
    ['Hội LHPN', 'hoi lien hiep phu nu'],
    ['UBMTTQ', 'ubmttq'],
    ['UBND xã', 'uy ban nhan dan xa'],
    ['MTTQ', 'mat tran to quoc'],
    ['KDC số 5', 'khu dan cu so 5'],
    ['ĐVTN', 'doan vien thanh nien'],
    ['CĐCS', 'cong doan co so'],
    ['DVK', 'dan van kheo'],
    ['Khối ĐĐK', 'khoi dai doan ket'],
    ['TP. Thủ Đức', 'thanh pho thu duc'],
    ['TX Sơn Tây', 'thi xa son tay'],
    ['TT. Yên Bình', 'thi tran yen binh'],
    ['TTT', 'ttt'],
    ['att', 'att'],
    ['  Tỷ lệ\u00A0(%)  ', 'ty le'],
    ['Ho\u0300a La\u0323c', 'hoa lac'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['Đồng Tâm', 'dong tam'],
    ['Năm 2023–2024', 'nam 2023 2024'],
    ['ab\u200Bcd', 'abcd'],
    ['constructor', 'constructor'],
    ['__proto__', 'proto'],
    ['toString', 'tostring'],
    ['hasOwnProperty', 'hasownproperty'],
    ['', ''],
    ['!!!', ''],
  ])('%j -> %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  test('ABBREVIATIONS is a frozen list of frozen pairs, each expanded as a whole word', () => {
    expect(Object.isFrozen(ABBREVIATIONS)).toBe(true);
    expect(ABBREVIATIONS.length).toBeGreaterThanOrEqual(17);
    for (const pair of ABBREVIATIONS) {
      expect(Object.isFrozen(pair)).toBe(true);
      const [abbr, expansion] = pair;
      expect(fold(abbr)).toBe(expansion);
      expect(fold(abbr.toUpperCase())).toBe(expansion);
      expect(fold(`so ${abbr} moi`)).toBe(`so ${expansion} moi`);
      expect(fold(`${abbr}x`)).toBe(`${abbr}x`);
      // Expansions are final: folding them again changes nothing.
      expect(fold(expansion)).toBe(expansion);
    }
    expect(Object.isFrozen(PLACE_PREFIXES)).toBe(true);
  });

  const anyText = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.oneof(
        fc.constantFrom(...VIET_LETTERS, ' ', '.', '\u00A0', '\u200B', '\u0300', '\u0323', 'İ', 'ß', 'K'),
        fc.constantFrom(...ABBREVIATIONS.map(([a]) => ` ${a} `), 'p ', 'x ', 'P. ', 'X. '),
      ),
    }),
  );

  test('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = fold(s);
        expect(fold(once)).toBe(once);
      }),
    );
  });

  test('output is a-z, 0-9 and single inner spaces', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = fold(s);
        expect(out).toMatch(/^[a-z0-9 ]*$/);
        expect(out).not.toMatch(/^ | $| {2}/);
      }),
    );
  });

  test('handles long text (past the shared buffer and the fromCharCode chunk)', () => {
    const long = 'Hội Nông dân xã Yên Bình, '.repeat(12000);
    expect(fold(long)).toBe(referenceFold(long));
    expect(fold('Ab')).toBe('ab');
  });

  test('agrees with the step-by-step definition', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(fold(s)).toBe(referenceFold(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('foldCompact', () => {
  test.each([
    ['PhuongHoaLac', 'phuonghoalac'],
    ['Phường Hòa Lạc', 'phuonghoalac'],
    ['P. Hòa Lạc', 'phuonghoalac'],
    ['Hội ND', 'hoind'],
    ['HND', 'hoinongdan'],
    ['x', 'x'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(foldCompact(input)).toBe(expected);
  });
});

describe('tokens', () => {
  test.each([
    ['Hội Nông dân', ['hoi', 'nong', 'dan']],
    ['  HND – xã  ', ['hoi', 'nong', 'dan', 'xa']],
    ['', []],
    ['  ', []],
    ['!?', []],
  ])('%j -> %j', (input, expected) => {
    expect(tokens(input)).toEqual(expected);
  });

  test('are the words of fold, none empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const t = tokens(s);
        expect(t.join(' ')).toBe(fold(s));
        expect(t.every((w) => w.length > 0)).toBe(true);
      }),
    );
  });
});
