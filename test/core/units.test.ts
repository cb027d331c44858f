import { NameMode, UnitMatcher, analyseName, rosterKey, writtenUnit } from '../../src/core/units';
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
const unitIn = (m: UnitMatcher, text: string, mode: NameMode): RosterUnit | null => {
  const r = m.read(text, mode);
  return r.kind === 'unit' ? r.unit : null;
};

describe('analyseName: a roster name taken apart', () => {
  test.each<[string, string, string | null, string]>([
    ['Phường Hòa Lạc', '', 'Phường', 'hoa lac'],
    ['P. Hòa Lạc', '', 'Phường', 'hoa lac'],
    ['Xã Yên Bình', '', 'Xã', 'yen binh'],
    ['X. Yên Bình', '', 'Xã', 'yen binh'],
    ['Thị xã Hòa Bình', '', 'Thị xã', 'hoa binh'],
    ['Thị trấn Liên Quan', '', 'Thị trấn', 'lien quan'],
    ['Đảng ủy phường Hòa Lạc', '', 'Phường', 'hoa lac'],
    ['ĐẢNG BỘ XÃ MINH KHAI', '', 'Xã', 'minh khai'],
    ['UBND Phường Tân Thành', '', 'Phường', 'tan thanh'],
    ['Hòa Lạc', 'Phường', 'Phường', 'hoa lac'],
    ['Hòa Lạc', '', null, 'hoa lac'],
    ['Phường 01', '', 'Phường', '1'],
    ['Khu phố 3', '', 'Khu phố', '3'],
    ['Tổ dân phố 05', '', 'Tổ dân phố', '5'],
    ['Quận 5', '', 'Quận', '5'],
    // "Hội" is an organisation only before a level: "Hội An" is a name.
    ['Hội An', 'Phường', 'Phường', 'hoi an'],
    ['Phường', '', null, 'phuong'], // nothing after the prefix: the word is the name
  ])('%j (Cấp %j) → level %j, core %j', (name, level, expectedLevel, core) => {
    const key = analyseName({ name, aliases: [], level, order: 0 }, name)!;
    expect(key.level?.name ?? null).toBe(expectedLevel);
    expect(key.core.map((t) => t.folded).join(' ')).toBe(core);
  });

  test('roster keys: equal after normalisation, case, tone position and prefix, at one level', () => {
    const key = (name: string, level = '') => rosterKey({ name, aliases: [], level, order: 0 });
    expect(key('Phường Tân Thành')).not.toBe(key('Phường Tân Thạnh'));
    expect(key('Phường Hòa Lạc')).toBe(key('P. HOÀ LẠC'));
    expect(key('Phường Hòa Lạc')).toBe(key('Phường Hòa Lạc'.normalize('NFD')));
    expect(key('Phường 01')).toBe(key('P.1'));
    expect(key('Phường Long Bình')).not.toBe(key('Xã Long Bình'));
  });
});

describe('UnitMatcher.read, header lines', () => {
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
    expect(nameOf(unitIn(matcher, text, 'line'))).toBe(nameOf(expected));
  });

  test('the unit object returned is the roster entry itself', () => {
    expect(unitIn(matcher, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line')).toBe(HOA_LAC);
  });

  test('a longer name beats a shorter one it contains', () => {
    const m = new UnitMatcher([unit('Phường Hòa', 'Phường', 0), unit('Phường Hòa Lạc', 'Phường', 1)]);
    expect(nameOf(unitIn(m, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line'))).toBe('Phường Hòa Lạc');
    expect(nameOf(unitIn(m, 'ĐẢNG ỦY PHƯỜNG HÒA', 'line'))).toBe('Phường Hòa');
  });

  test('a roster without levels still matches by name', () => {
    const m = new UnitMatcher([unit('Phường Hòa Lạc', '', 0), unit('Xã Yên Bình', '', 1)]);
    expect(nameOf(unitIn(m, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line'))).toBe('Phường Hòa Lạc');
    expect(nameOf(unitIn(m, 'ĐẢNG ỦY XÃ YÊN BÌNH', 'line'))).toBe('Xã Yên Bình');
    // The level is taken from the name's prefix: "xã" before Hòa Lạc contradicts "Phường".
    expect(unitIn(m, 'ĐẢNG ỦY XÃ HÒA LẠC', 'line')).toBeNull();
  });

  // A header cell holding both lines "ĐẢNG BỘ THỊ XÃ HÒA BÌNH" / "ĐẢNG ỦY PHƯỜNG HÒA BÌNH":
  // the first "hoa binh" is the town, the second the ward.
  test('a name after the town of the same name is still found (two-line header cell)', () => {
    expect(nameOf(unitIn(matcher, 'ĐẢNG BỘ THỊ XÃ HÒA BÌNH\nĐẢNG ỦY PHƯỜNG HÒA BÌNH', 'line'))).toBe('Phường Hòa Bình');
  });
});

describe('UnitMatcher.read, file and sheet names', () => {
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
    expect(nameOf(unitIn(matcher, name, 'name'))).toBe(nameOf(expected));
  });

  test('a name with a word of its own before it is a longer name, not the roster unit it ends with', () => {
    // "Tân Minh Khai", "Đông Yên Bình": communes the roster does not hold.
    for (const [text, mode] of [
      ['BaoCao_TanMinhKhai.xlsx', 'name'],
      ['Dong Yen Binh - bieu 01', 'name'],
      ['ĐẢNG ỦY XÃ TÂN MINH KHAI', 'line'],
      ['Đông Yên Bình, ngày 12 tháng 12 năm 2023', 'line'],
    ] as Array<[string, NameMode]>) {
      expect([text, unitIn(matcher, text, mode)]).toEqual([text, null]);
    }
    // Document, level and organisation words before the name are no part of it.
    for (const [text, mode, want] of [
      ['BaoCaoMinhKhai.xlsx', 'name', MINH_KHAI],
      ['DanVanYenBinh', 'name', YEN_BINH],
      ['BC Minh Khai 2023', 'name', MINH_KHAI],
      ['Kết quả Yên Bình', 'name', YEN_BINH],
      ['ĐẢNG ỦY XÃ MINH KHAI', 'line', MINH_KHAI],
      ['UBND PHƯỜNG TÂN THÀNH', 'line', TAN_THANH],
      ['HỘI NÔNG DÂN XÃ YÊN BÌNH', 'line', YEN_BINH],
    ] as Array<[string, NameMode, RosterUnit]>) {
      expect([text, nameOf(unitIn(matcher, text, mode))]).toEqual([text, want.name]);
    }
  });

  test('two units in one name is ambiguous, as in inText', () => {
    expect(unitIn(matcher, 'HoaLac-TanThanh', 'name')).toBeNull();
    expect(unitIn(matcher, 'Hoa Lac va Tan Thanh', 'name')).toBeNull();
  });
});

describe('UnitMatcher.read, unit column cells', () => {
  test('a level written in the cell must agree with the roster', () => {
    expect(unitIn(matcher, 'Phường Yên Bình', 'cell')).toBeNull();
    expect(nameOf(unitIn(matcher, 'Xã Yên Bình', 'cell'))).toBe('Xã Yên Bình');
    expect(nameOf(unitIn(matcher, 'Yên Bình', 'cell'))).toBe('Xã Yên Bình');
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
    expect(nameOf(unitIn(matcher, text, 'cell'))).toBe(nameOf(expected));
  });

  test('"Hoà Lạc" (old-style tone placement "oà") folds like "Hòa Lạc" ("òa") and matches', () => {
    expect('Hoà Lạc'.normalize('NFC')).not.toBe('Hòa Lạc'.normalize('NFC')); // really different strings
    expect(fold('Hoà Lạc')).toBe(fold('Hòa Lạc'));
    expect(unitIn(matcher, 'Hoà Lạc', 'cell')).toBe(HOA_LAC);
    expect(unitIn(matcher, 'Phường Hoà Lạc', 'cell')).toBe(HOA_LAC);
  });
});

describe('unit identity by evidence: the traps of other offices files', () => {
  const wards = Array.from({ length: 12 }, (_, i) => unit(`Phường ${i + 1}`, 'Phường', i));
  const numbered = new UnitMatcher(wards);
  const read = (m: UnitMatcher, text: string, mode: NameMode) => m.read(text, mode);

  test.each<[string, NameMode, string | null]>([
    ['P1_BaoCao_6T_2024', 'name', 'Phường 1'],
    ['P1', 'name', 'Phường 1'],
    ['P.1 - bao cao', 'name', 'Phường 1'],
    ['P 01', 'name', 'Phường 1'],
    ['phuong_03', 'name', 'Phường 3'],
    ['BC 6 thang Phuong 11', 'name', 'Phường 11'],
    ['Phuong11', 'name', 'Phường 11'],
    ['ĐẢNG ỦY PHƯỜNG 01', 'line', 'Phường 1'],
    ['phuong 1', 'line', 'Phường 1'],
    ['Phường 10', 'line', 'Phường 10'],
    ['Phường 012', 'cell', 'Phường 12'],
    ['P.12', 'cell', 'Phường 12'],
    // A number alone, or after another level, is no ward.
    ['QUẬN ỦY QUẬN 5', 'line', null],
    ['1', 'cell', null],
    ['Báo cáo 6 tháng năm 2024', 'line', null],
    ['Khu phố 3', 'line', null],
    ['Phường 13', 'line', null],
    ['Phường 1A', 'line', null],
  ])('%j (%s) → %s', (text, mode, expected) => {
    const r = read(numbered, text, mode);
    expect(r.kind === 'unit' ? r.unit.name : null).toBe(expected);
  });

  test('a header naming the district above the ward: the ward', () => {
    const r = numbered.read('QUẬN ỦY QUẬN 5\nĐẢNG ỦY PHƯỜNG 07', 'line');
    expect(r.kind === 'unit' && r.unit.name).toBe('Phường 7');
  });

  const twins = new UnitMatcher([unit('Phường Tân Thành', 'Phường', 0), unit('Phường Tân Thạnh', 'Phường', 1), unit('Phường Bình Thạnh', 'Phường', 2)]);
  test.each<[string, NameMode, string | null]>([
    ['ĐẢNG ỦY PHƯỜNG TÂN THẠNH', 'line', 'Phường Tân Thạnh'],
    ['ĐẢNG ỦY PHƯỜNG TÂN THÀNH', 'line', 'Phường Tân Thành'],
    ['Tân Thạnh', 'cell', 'Phường Tân Thạnh'],
    ['P. Tân Thành', 'cell', 'Phường Tân Thành'],
    ['Báo cáo Tân Thạnh'.normalize('NFD'), 'name', 'Phường Tân Thạnh'],
    // A spelling without diacritics fits both twins: nobody.
    ['tan thanh', 'name', null],
    ['TAN THANH', 'cell', null],
    // Without a twin, diacritics do not matter.
    ['Binh Thanh', 'cell', 'Phường Bình Thạnh'],
  ])('%j (%s) → %s', (text, mode, expected) => {
    const r = read(twins, text, mode);
    expect(r.kind === 'unit' ? r.unit.name : null).toBe(expected);
  });

  test('an ambiguous spelling says which units it could be and why', () => {
    const r = twins.read('tan thanh', 'name');
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.units.map((u) => u.name)).toEqual(['Phường Tân Thành', 'Phường Tân Thạnh']);
    expect(r.why).toBe('diacritics');
  });

  test('one name at two levels: a stated level decides, none is ambiguous', () => {
    const m = new UnitMatcher([unit('Phường Long Bình', 'Phường', 0), unit('Xã Long Bình', 'Xã', 1)]);
    expect(nameOf(unitIn(m, 'UBND XÃ LONG BÌNH', 'line'))).toBe('Xã Long Bình');
    expect(nameOf(unitIn(m, 'P. Long Bình', 'cell'))).toBe('Phường Long Bình');
    const r = m.read('Long Bình', 'cell');
    expect(r.kind === 'ambiguous' && r.why).toBe('level');
  });

  test('a name followed by more name is not the shorter roster name', () => {
    const short = new UnitMatcher([unit('Xã Hòa Lạc', 'Xã', 0)]);
    expect(unitIn(short, 'ĐẢNG ỦY XÃ HÒA LẠC MỚI', 'line')).toBeNull();
    expect(unitIn(short, 'XaHoaLacMoi', 'name')).toBeNull();
    expect(unitIn(short, 'hoalacmoi', 'name')).toBeNull();
    expect(unitIn(short, 'Hòa Lạc Mới', 'cell')).toBeNull();
    // Document words after the name are not more name.
    expect(nameOf(unitIn(short, 'XÃ HÒA LẠC BÁO CÁO NĂM 2023', 'line'))).toBe('Xã Hòa Lạc');
    expect(nameOf(unitIn(short, 'Xã Hòa Lạc báo cáo', 'line'))).toBe('Xã Hòa Lạc');
    expect(nameOf(unitIn(short, 'hoalacbaocao', 'name'))).toBe('Xã Hòa Lạc');
    const both = new UnitMatcher([unit('Xã Hòa Lạc', 'Xã', 0), unit('Xã Hòa Lạc Mới', 'Xã', 1)]);
    expect(nameOf(unitIn(both, 'Xã Hòa Lạc mới', 'line'))).toBe('Xã Hòa Lạc Mới');
    expect(nameOf(unitIn(both, 'Hòa Lạc Mới', 'cell'))).toBe('Xã Hòa Lạc Mới');
    expect(nameOf(unitIn(both, 'Hòa Lạc', 'cell'))).toBe('Xã Hòa Lạc');
  });

  test('"Hội" or "Đoàn" alone after a name is more name; with the rest of an organisation after it, it is not', () => {
    const short = new UnitMatcher([unit('Xã Tân Phú', 'Xã', 0), unit('Xã Phú Thịnh', 'Xã', 1)]);
    expect(unitIn(short, 'ĐẢNG ỦY XÃ TÂN PHÚ HỘI', 'line')).toBeNull();
    expect(unitIn(short, 'Xã Phú Thịnh Đoàn', 'line')).toBeNull();
    expect(nameOf(unitIn(short, 'XÃ TÂN PHÚ HỘI NÔNG DÂN', 'line'))).toBe('Xã Tân Phú');
    expect(nameOf(unitIn(short, 'Xã Phú Thịnh Đoàn thanh niên', 'line'))).toBe('Xã Phú Thịnh');
    expect(nameOf(unitIn(short, 'Xã Tân Phú Ban Dân vận', 'line'))).toBe('Xã Tân Phú');
    // Organisation names that are no place's syllable still end a name.
    expect(nameOf(unitIn(short, 'XÃ TÂN PHÚ MTTQ', 'line'))).toBe('Xã Tân Phú');
  });

  test('the national heading "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" names no unit, not even a commune named Cộng Hòa', () => {
    const m = new UnitMatcher([unit('Xã Cộng Hòa', 'Xã', 0), unit('Xã Hòa Lạc', 'Xã', 1)]);
    expect(m.read('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'line').kind).toBe('none');
    expect(m.read('Cộng hòa xã hội chủ nghĩa Việt Nam', 'line').kind).toBe('none');
    expect(writtenUnit('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0)).toBeNull();
    // The commune itself is still found, in the same cell too.
    expect(nameOf(unitIn(m, 'ĐẢNG ỦY XÃ CỘNG HÒA', 'line'))).toBe('Xã Cộng Hòa');
    expect(nameOf(unitIn(m, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐẢNG ỦY XÃ HÒA LẠC', 'line'))).toBe('Xã Hòa Lạc');
  });

  test('an alias with a level of its own (the former commune of a ward) is found at that level, the "Cấp" column notwithstanding', () => {
    const m = new UnitMatcher([unit('Phường Hòa Lạc', 'Phường', 0, ['Xã Hòa Lạc']), unit('Xã Yên Bình', 'Xã', 1)]);
    expect(nameOf(unitIn(m, 'ĐẢNG ỦY XÃ HÒA LẠC', 'line'))).toBe('Phường Hòa Lạc');
    expect(nameOf(unitIn(m, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line'))).toBe('Phường Hòa Lạc');
    expect(nameOf(unitIn(m, 'Xã Hòa Lạc', 'cell'))).toBe('Phường Hòa Lạc');
    // A level neither name has is still no match.
    expect(unitIn(m, 'THỊ TRẤN HÒA LẠC', 'line')).toBeNull();
  });

  test('upper-level names are evidence only when the roster holds them at that level', () => {
    const town = new UnitMatcher([unit('Thị trấn Chợ Mới', 'Thị trấn', 0), unit('Xã Hòa Bình', 'Xã', 1)]);
    expect(unitIn(town, 'HUYỆN ỦY CHỢ MỚI', 'line')).toBeNull();
    expect(unitIn(town, 'ĐẢNG BỘ THỊ XÃ HÒA BÌNH', 'line')).toBeNull();
    expect(nameOf(unitIn(town, 'HUYỆN ỦY CHỢ MỚI\nĐẢNG ỦY THỊ TRẤN CHỢ MỚI', 'line'))).toBe('Thị trấn Chợ Mới');
    const districts = new UnitMatcher([unit('Huyện Chợ Mới', 'Huyện', 0), unit('Huyện Châu Thành', 'Huyện', 1)]);
    expect(nameOf(unitIn(districts, 'HUYỆN ỦY CHỢ MỚI', 'line'))).toBe('Huyện Chợ Mới');
  });

  test('cells may carry organisation and level words and a row number, nothing else', () => {
    expect(nameOf(unitIn(numbered, 'Chi hội Phường 3', 'cell'))).toBe('Phường 3');
    expect(nameOf(unitIn(twins, 'Cơ sở Hội Tân Thạnh', 'cell'))).toBe('Phường Tân Thạnh');
    expect(nameOf(unitIn(numbered, '1. Phường 3', 'cell'))).toBe('Phường 3');
    expect(unitIn(numbered, 'Phường 3 (cũ)', 'cell')).toBeNull();
  });
});
