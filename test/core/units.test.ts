import { UnitMatcher, coreName } from '../../src/core/units';
import { RosterUnit } from '../../src/core/rules';
import { fold } from '../../src/core/text';

const unit = (name: string, level: string, order: number, aliases: string[] = []): RosterUnit => ({ name, aliases, level, order });

const HOA_LAC = unit('Phường Hòa Lạc', 'Phường', 0, ['P. Hòa Lạc']);
const TAN_THANH = unit('Phường Tân Thành', 'Phường', 1);
const YEN_BINH = unit('Xã Yên Bình', 'Xã', 2);
const MINH_KHAI = unit('Xã Minh Khai', 'Xã', 3);
const HOA_BINH = unit('Phường Hòa Bình', 'Phường', 4);
const ROSTER = [HOA_LAC, TAN_THANH, YEN_BINH, MINH_KHAI, HOA_BINH];

const matcher = new UnitMatcher(ROSTER);
const nameOf = (u: RosterUnit | null) => (u ? u.name : null);

describe('coreName', () => {
  test.each<[string, string]>([
    ['Phường Hòa Lạc', 'hoa lac'],
    ['P. Hòa Lạc', 'hoa lac'],
    ['Xã Yên Bình', 'yen binh'],
    ['X. Yên Bình', 'yen binh'],
    ['Thị xã Hòa Bình', 'hoa binh'],
    ['Thị trấn Liên Quan', 'lien quan'],
    ['Đảng ủy phường Hòa Lạc', 'hoa lac'],
    ['ĐẢNG BỘ XÃ MINH KHAI', 'minh khai'],
    ['UBND Phường Tân Thành', 'tan thanh'],
    ['Hòa Lạc', 'hoa lac'],
    ['Phường', 'phuong'], // nothing after the prefix: keep the word rather than return ''
  ])('%j → %j', (name, core) => {
    expect(coreName(name)).toBe(core);
  });
});

describe('UnitMatcher.inText (header lines)', () => {
  test.each<[string, RosterUnit | null]>([
    ['ĐẢNG ỦY PHƯỜNG HÒA LẠC', HOA_LAC],
    ['ĐẢNG ỦY PHƯỜNG HÒA LẠC'.normalize('NFD'), HOA_LAC],
    ['Đảng ủy phường Hòa Lạc', HOA_LAC],
    ['ĐẢNG ỦY PHƯỜNG HOÀ LẠC', HOA_LAC], // old-style tone placement
    ['ĐẢNG ỦY XÃ YÊN BÌNH', YEN_BINH],
    ['BAN DÂN VẬN ĐẢNG ỦY XÃ MINH KHAI', MINH_KHAI],
    ['UBND PHƯỜNG TÂN THÀNH', TAN_THANH],
    ['HUYỆN ỦY THẠCH THẤT | ĐẢNG ỦY XÃ YÊN BÌNH', YEN_BINH],
    ['P. HÒA LẠC', HOA_LAC],
    ['Hòa Lạc', HOA_LAC],
    // "THỊ XÃ HÒA BÌNH" is the town, not the ward of the same name.
    ['ĐẢNG BỘ THỊ XÃ HÒA BÌNH', null],
    ['ĐẢNG ỦY PHƯỜNG HÒA BÌNH', HOA_BINH],
    ['PHƯỜNG HÒA BÌNH', HOA_BINH],
    ['TỈNH HÒA BÌNH', null],
    ['THỊ XÃ HÒA BÌNH - ĐẢNG ỦY PHƯỜNG HÒA LẠC', HOA_LAC],
    ['ĐẢNG ỦY PHƯỜNG HÒA BÌNH, THỊ XÃ HÒA BÌNH', HOA_BINH],
    // A stated level that contradicts the roster's level is not this unit.
    ['ĐẢNG ỦY XÃ HÒA LẠC', null],
    // Two different units named: ambiguous.
    ['HÒA LẠC VÀ TÂN THÀNH', null],
    ['BÁO CÁO CÔNG TÁC DÂN VẬN', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(nameOf(matcher.inText(text))).toBe(nameOf(expected));
  });

  test('the unit object returned is the roster entry itself', () => {
    expect(matcher.inText('ĐẢNG ỦY PHƯỜNG HÒA LẠC')).toBe(HOA_LAC);
  });

  test('a longer name beats a shorter one it contains', () => {
    const m = new UnitMatcher([unit('Phường Hòa', 'Phường', 0), unit('Phường Hòa Lạc', 'Phường', 1)]);
    expect(nameOf(m.inText('ĐẢNG ỦY PHƯỜNG HÒA LẠC'))).toBe('Phường Hòa Lạc');
    expect(nameOf(m.inText('ĐẢNG ỦY PHƯỜNG HÒA'))).toBe('Phường Hòa');
  });

  test('a roster without levels still matches by name', () => {
    const m = new UnitMatcher([unit('Phường Hòa Lạc', '', 0), unit('Xã Yên Bình', '', 1)]);
    expect(nameOf(m.inText('ĐẢNG ỦY PHƯỜNG HÒA LẠC'))).toBe('Phường Hòa Lạc');
    expect(nameOf(m.inText('ĐẢNG ỦY XÃ YÊN BÌNH'))).toBe('Xã Yên Bình');
    // The level is taken from the name's prefix: "xã" before Hòa Lạc contradicts "Phường".
    expect(m.inText('ĐẢNG ỦY XÃ HÒA LẠC')).toBeNull();
  });

  // A header cell holding both lines "ĐẢNG BỘ THỊ XÃ HÒA BÌNH" / "ĐẢNG ỦY PHƯỜNG HÒA BÌNH":
  // the first "hoa binh" is the town, the second the ward.
  test('a name after the town of the same name is still found (two-line header cell)', () => {
    expect(nameOf(matcher.inText('ĐẢNG BỘ THỊ XÃ HÒA BÌNH\nĐẢNG ỦY PHƯỜNG HÒA BÌNH'))).toBe('Phường Hòa Bình');
  });
});

describe('UnitMatcher.inName (file and sheet names)', () => {
  test.each<[string, RosterUnit | null]>([
    ['BC-DanVan-2023-PhuongHoaLac', HOA_LAC],
    ['BC-DanVan-2023-PhuongHoaLac.xlsx', HOA_LAC],
    ['BC_HoaLac_2023.xlsx', HOA_LAC],
    ['HOALAC', HOA_LAC],
    ['Yen Binh - bieu 01', YEN_BINH],
    ['XaYenBinh', YEN_BINH],
    ['bao cao dan van nam 2023 - Tan Thanh', TAN_THANH],
    ['MinhKhai.xlsx', MINH_KHAI],
    ['Báo cáo Minh Khai', MINH_KHAI],
    ['ThanhSon', null], // not in this roster
    ['BaoCao', null],
    ['Sheet1', null],
  ])('%j → %s', (name, expected) => {
    expect(nameOf(matcher.inName(name))).toBe(nameOf(expected));
  });

  test('two units in one name is ambiguous, as in inText', () => {
    expect(matcher.inName('HoaLac-TanThanh')).toBeNull();
    expect(matcher.inName('Hoa Lac va Tan Thanh')).toBeNull();
  });
});

describe('UnitMatcher.exact (unit column cells)', () => {
  test('a level written in the cell must agree with the roster', () => {
    expect(matcher.exact('Phường Yên Bình')).toBeNull();
    expect(nameOf(matcher.exact('Xã Yên Bình'))).toBe('Xã Yên Bình');
    expect(nameOf(matcher.exact('Yên Bình'))).toBe('Xã Yên Bình');
  });

  test.each<[string, RosterUnit | null]>([
    ['Phường Hòa Lạc', HOA_LAC],
    ['P. Hòa Lạc', HOA_LAC],
    ['P.Hòa Lạc', HOA_LAC],
    ['Hòa Lạc', HOA_LAC],
    ['HÒA LẠC', HOA_LAC],
    ['Hòa Lạc'.normalize('NFD'), HOA_LAC],
    ['phuong hoa lac', HOA_LAC],
    ['  Hòa   Lạc ', HOA_LAC],
    ['Xã Yên Bình', YEN_BINH],
    ['X. Yên Bình', YEN_BINH],
    ['Yên Bình', YEN_BINH],
    ['Tân Thành', TAN_THANH],
    ['Hòa Bình', HOA_BINH],
    ['Thanh Sơn', null],
    ['Tổng cộng', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(nameOf(matcher.exact(text))).toBe(nameOf(expected));
  });

  test('"Hoà Lạc" (old-style tone placement "oà") folds like "Hòa Lạc" ("òa") and matches', () => {
    expect('Hoà Lạc'.normalize('NFC')).not.toBe('Hòa Lạc'.normalize('NFC')); // really different strings
    expect(fold('Hoà Lạc')).toBe(fold('Hòa Lạc'));
    expect(matcher.exact('Hoà Lạc')).toBe(HOA_LAC);
    expect(matcher.exact('Phường Hoà Lạc')).toBe(HOA_LAC);
  });
});
