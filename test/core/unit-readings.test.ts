// What a text says about who wrote it (UnitMatcher.read): which roster unit, how strongly (a level
// or an organisation written before the name), and the traps: words on other lines, more name
// after a name, a group inside a ward, a roster's usual level, aliases, large rosters.
import { RosterUnit } from '../../src/core/rules';
import { NameMode, UnitMatcher, rosterKey } from '../../src/core/units';

const unit = (name: string, level: string, order: number, aliases: string[] = []): RosterUnit => ({ name, aliases, level, order });
const nameRead = (m: UnitMatcher, text: string, mode: NameMode): string | null => {
  const r = m.read(text, mode);
  return r.kind === 'unit' ? r.unit.name : null;
};

const HOA_LAC = unit('Phường Hòa Lạc', 'Phường', 0);
const YEN_BINH = unit('Phường Yên Bình', 'Phường', 1);
const QUANG_TRUNG = unit('Xã Quang Trung', 'Xã', 2);
const wards = new UnitMatcher([HOA_LAC, YEN_BINH, QUANG_TRUNG]);

describe('how strongly a place is named', () => {
  // [text, mode, unit, the words naming it, rank of the level before it, stated]
  test.each<[string, NameMode, RosterUnit, string, number | null, boolean]>([
    ['ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line', HOA_LAC, 'PHƯỜNG HÒA LẠC', 3, true],
    ['P.Hòa Lạc', 'cell', HOA_LAC, 'P Hòa Lạc', 3, true],
    // An organisation before the bare name states it too, without a level.
    ['UBND Hòa Lạc', 'line', HOA_LAC, 'Hòa Lạc', null, true],
    ['Ủy ban MTTQ Yên Bình', 'line', YEN_BINH, 'Yên Bình', null, true],
    // A place in a date line is where it was signed, not who wrote it.
    ['Hòa Lạc, ngày 9 tháng 12 năm 2023', 'line', HOA_LAC, 'Hòa Lạc', null, false],
    // An organisation on the line above does not state the place on this one.
    ['BAN DÂN VẬN\nHòa Lạc, ngày 9 tháng 12 năm 2023', 'line', HOA_LAC, 'Hòa Lạc', null, false],
    ['BaoCao_HoaLac', 'name', HOA_LAC, 'Hoa Lac', null, false],
    // A number is split from the letters before it: the word naming the unit is "bchoalac".
    ['bchoalac2023', 'name', HOA_LAC, 'bchoalac', null, false],
    ['hoalac', 'name', HOA_LAC, 'hoalac', null, false],
  ])('%j (%s) → %s as %j, rank %j, stated %s', (text, mode, expected, words, rank, stated) => {
    expect(wards.read(text, mode)).toEqual({ kind: 'unit', unit: expected, text: words, rank, stated });
  });

  test('a hamlet level is deeper than a ward', () => {
    const hamlets = new UnitMatcher([unit('Khu phố 3', 'Khu phố', 0)]);
    const r = hamlets.read('CHI BỘ KHU PHỐ 3', 'line');
    expect(r.kind === 'unit' && [r.unit.name, r.rank, r.stated]).toEqual(['Khu phố 3', 4, true]);
  });
});

describe('words on other lines never make one name', () => {
  const numbered = new UnitMatcher(Array.from({ length: 12 }, (_, i) => unit(`Phường ${i + 1}`, 'Phường', i)));
  test.each<[UnitMatcher, string, NameMode, string | null]>([
    [wards, 'PHƯỜNG HÒA\nLẠC', 'line', null],
    [wards, 'HÒA LẠC\nYÊN BÌNH', 'line', null],
    [numbered, 'ĐẢNG ỦY PHƯỜNG\n7', 'line', null],
    [numbered, 'ĐẢNG ỦY PHƯỜNG 7', 'line', 'Phường 7'],
    [numbered, 'BC/Phuong/7', 'name', null],
    // The name on its own line is still found; a level on the line above is no level of it.
    [wards, 'XÃ\nHÒA LẠC', 'line', 'Phường Hòa Lạc'],
    // What follows on the next line is not more name.
    [wards, 'PHƯỜNG HÒA LẠC\nMỚI', 'line', 'Phường Hòa Lạc'],
  ])('%#: %j (%s) → %s', (m, text, mode, expected) => {
    expect(nameRead(m, text, mode)).toBe(expected);
  });
});

describe('more name after a name, or words that merely follow it', () => {
  const short = new UnitMatcher([unit('Xã Hòa Lạc', 'Xã', 0)]);
  test.each<[string, NameMode, string | null]>([
    ['ĐẢNG ỦY XÃ HÒA LẠC ĐÔNG', 'line', null],
    ['Xã Hòa Lạc Đông', 'line', null],
    ['xã hòa lạc đông', 'line', null],
    // Document words: compared with their diacritics when written with them ("đầu" follows a
    // name, "Đâu" may be one), folded when written without.
    ['XÃ HÒA LẠC 6 THÁNG ĐẦU NĂM', 'line', 'Xã Hòa Lạc'],
    ['XÃ HÒA LẠC ĐẦU NĂM', 'line', 'Xã Hòa Lạc'],
    ['XA HOA LAC DAU NAM', 'line', 'Xã Hòa Lạc'],
    ['Xã Hòa Lạc Đâu', 'line', null],
    ['XÃ HÒA LẠC KÈM THEO', 'line', 'Xã Hòa Lạc'],
    ['XÃ HÒA LẠC KÈM', 'line', null],
    // A document phrase broken over two lines is not that phrase.
    ['XÃ HÒA LẠC KÈM\nTHEO QUYẾT ĐỊNH', 'line', null],
    ['XÃ HÒA LẠC DÂN VẬN', 'line', 'Xã Hòa Lạc'],
    // Another level or an organisation after the name is not more name.
    ['XÃ HÒA LẠC HUYỆN THẠCH THẤT', 'line', 'Xã Hòa Lạc'],
    ['Xã Hòa Lạc Hội Nông Dân', 'line', 'Xã Hòa Lạc'],
    ['XÃ HÒA LẠC MẶT TRẬN TỔ QUỐC', 'line', 'Xã Hòa Lạc'],
    // Neither is a number, punctuation, or ordinary lower-case text after a capitalised name.
    ['Xã Hòa Lạc 2023', 'line', 'Xã Hòa Lạc'],
    ['Xã Hòa Lạc - Đông', 'line', 'Xã Hòa Lạc'],
    ['Xã Hòa Lạc thực hiện kế hoạch', 'line', 'Xã Hòa Lạc'],
    ['XÃ HÒA LẠC thực hiện', 'line', 'Xã Hòa Lạc'],
    ['HoaLac_BC_2023', 'name', 'Xã Hòa Lạc'],
    ['HoaLacDong', 'name', null],
  ])('%j (%s) → %s', (text, mode, expected) => {
    expect(nameRead(short, text, mode)).toBe(expected);
  });
});

describe('a level written before a name must be the unit\'s', () => {
  test('a roster unit without a level is at the level most of the roster is at', () => {
    const m = new UnitMatcher([unit('Hòa Lạc', '', 0), unit('Xã An Phú', 'Xã', 1), unit('Xã Yên Bình', 'Xã', 2), unit('Phường Tân Thành', 'Phường', 3)]);
    expect(m.usualLevel?.name).toBe('Xã');
    expect(nameRead(m, 'ĐẢNG ỦY XÃ HÒA LẠC', 'line')).toBe('Hòa Lạc');
    expect(nameRead(m, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line')).toBeNull();
  });

  test('the usual level is the level most units are at, wherever they stand in the roster', () => {
    const m = new UnitMatcher([unit('Phường Tân Thành', 'Phường', 0), unit('Xã An Phú', 'Xã', 1), unit('Xã Yên Bình', '', 2), unit('Hòa Lạc', '', 3)]);
    expect(m.usualLevel?.name).toBe('Xã');
    expect(new UnitMatcher([unit('Hòa Lạc', '', 0)]).usualLevel).toBeNull();
  });

  test('a roster with no levels at all takes any level written', () => {
    const m = new UnitMatcher([unit('Hòa Lạc', '', 0), unit('Yên Bình', '', 1)]);
    expect(nameRead(m, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line')).toBe('Hòa Lạc');
    expect(nameRead(m, 'ĐẢNG ỦY XÃ HÒA LẠC', 'line')).toBe('Hòa Lạc');
  });

  test('a numbered unit needs its level before the number: "5" alone, or "Quận 5", is no ward', () => {
    const m = new UnitMatcher([unit('Phường 5', 'Phường', 0), unit('Khu phố 5', 'Khu phố', 1)]);
    expect(nameRead(m, 'ĐẢNG ỦY PHƯỜNG 5', 'line')).toBe('Phường 5');
    expect(nameRead(m, 'CHI BỘ KHU PHỐ 5', 'line')).toBe('Khu phố 5');
    expect(nameRead(m, 'QUẬN 5', 'line')).toBeNull();
    expect(nameRead(m, 'Báo cáo số 5', 'line')).toBeNull();
  });

  test('a roster naming units by number alone takes any level written before the number', () => {
    const m = new UnitMatcher([unit('5', '', 0), unit('6', '', 1)]);
    expect(nameRead(m, 'ĐẢNG ỦY PHƯỜNG 5', 'line')).toBe('5');
    expect(nameRead(m, 'CHI BỘ KHU PHỐ 6', 'line')).toBe('6');
    expect(nameRead(m, 'Báo cáo số 5', 'line')).toBeNull();
  });

  test('a branch before a unit\'s name is the branch in that unit, unless the roster\'s units are branches', () => {
    expect(nameRead(wards, 'Chi đoàn Quang Trung', 'line')).toBe('Xã Quang Trung');
    expect(nameRead(wards, 'CHI HỘI QUANG TRUNG', 'line')).toBe('Xã Quang Trung');
    const r = wards.read('Chi đoàn Quang Trung', 'line');
    expect(r.kind === 'unit' && r.rank).toBeNull();
    const branches = new UnitMatcher([unit('Chi hội Quang Trung', 'Chi hội', 0), unit('Chi hội Lê Lợi', 'Chi hội', 1)]);
    const b = branches.read('CHI HỘI QUANG TRUNG', 'line');
    expect(b.kind === 'unit' && [b.unit.name, b.rank]).toEqual(['Chi hội Quang Trung', 5]);
    const bare = new UnitMatcher([unit('Quang Trung', '', 0)]);
    expect(nameRead(bare, 'Chi đoàn Quang Trung', 'line')).toBe('Quang Trung');
  });
});

describe('a name inside a longer roster name', () => {
  const m = new UnitMatcher([unit('Phường Hòa Lạc', 'Phường', 0), unit('Phường Minh Hòa Lạc', 'Phường', 1), unit('Phường Hòa Lạc Mới', 'Phường', 2)]);
  test.each<[string, NameMode, string]>([
    ['ĐẢNG ỦY PHƯỜNG MINH HÒA LẠC', 'line', 'Phường Minh Hòa Lạc'],
    ['Minh Hòa Lạc', 'cell', 'Phường Minh Hòa Lạc'],
    ['Minh Hòa Lạc, ngày 9 tháng 12 năm 2023', 'line', 'Phường Minh Hòa Lạc'],
    ['ĐẢNG ỦY PHƯỜNG HÒA LẠC MỚI', 'line', 'Phường Hòa Lạc Mới'],
    ['ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line', 'Phường Hòa Lạc'],
  ])('%j (%s) → %s', (text, mode, expected) => {
    expect(nameRead(m, text, mode)).toBe(expected);
  });
});

describe('two wards in one line, one of whose names is inside the other\'s: nobody', () => {
  const m = new UnitMatcher([unit('Phường Hòa Lạc', 'Phường', 0), unit('Phường Minh Hòa Lạc', 'Phường', 1)]);
  test.each<[string]>([['PHƯỜNG HÒA LẠC VÀ PHƯỜNG MINH HÒA LẠC'], ['PHƯỜNG MINH HÒA LẠC VÀ PHƯỜNG HÒA LẠC']])('%j', (text) => {
    const r = m.read(text, 'line');
    expect(r.kind === 'ambiguous' && [r.why, r.units.map((u) => u.name).sort()]).toEqual(['several', ['Phường Hòa Lạc', 'Phường Minh Hòa Lạc']]);
  });
});

describe('unit column cells hold the name and nothing else', () => {
  test.each<[string, string | null]>([
    ['2. Hòa Lạc', 'Phường Hòa Lạc'],
    ['12. Hòa Lạc', 'Phường Hòa Lạc'],
    ['UBND Phường Hòa Lạc', 'Phường Hòa Lạc'],
    ['Hội Nông dân Phường Hòa Lạc', 'Phường Hòa Lạc'],
    // A group inside the ward is not the ward.
    ['Tổ 2 Hòa Lạc', null],
    ['Khu 2, Hòa Lạc', null],
    ['Trường THCS Hòa Lạc', null],
    ['Hòa Lạc (cũ)', null],
    ['A. Hòa Lạc', null],
    ['2 Hòa Lạc', null],
  ])('%j → %s', (text, expected) => {
    expect(nameRead(wards, text, 'cell')).toBe(expected);
  });
});

describe('roster rows', () => {
  test('a row whose name holds no word (a separator typed into the roster) names nothing and breaks nothing', () => {
    const m = new UnitMatcher([unit('…', '', 0), unit('---', 'Phường', 1), HOA_LAC]);
    expect(m.usualLevel?.name).toBe('Phường');
    expect(nameRead(m, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line')).toBe('Phường Hòa Lạc');
    expect(m.read('---', 'cell')).toEqual({ kind: 'none' });
  });
});

describe('aliases', () => {
  // Most of this roster is communes: an alias without a level still takes its own unit's.
  // Built in each test: what the matcher's constructor does is then checked by that test.
  const aliased = () => new UnitMatcher([unit('Phường Hòa Lạc', 'Phường', 0, ['Thạch Hòa', '', 'P. Hòa Lạc']), unit('Xã Yên Bình', 'Xã', 1), unit('Xã An Phú', 'Xã', 2)]);
  test('an alias without a level is at its unit\'s level', () => {
    const m = aliased();
    expect(nameRead(m, 'ĐẢNG ỦY PHƯỜNG THẠCH HÒA', 'line')).toBe('Phường Hòa Lạc');
    expect(nameRead(m, 'ĐẢNG ỦY XÃ THẠCH HÒA', 'line')).toBeNull();
    expect(nameRead(m, 'Thạch Hòa', 'cell')).toBe('Phường Hòa Lạc');
  });

  test('a commune made a ward keeps its old name, with its old level, as an alias (roster without a "Cấp" column)', () => {
    const upgraded = new UnitMatcher([unit('Phường Hòa Lạc', '', 0, ['Xã Hòa Lạc']), unit('Phường Yên Bình', '', 1)]);
    expect(nameRead(upgraded, 'ĐẢNG ỦY XÃ HÒA LẠC', 'line')).toBe('Phường Hòa Lạc');
    expect(nameRead(upgraded, 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'line')).toBe('Phường Hòa Lạc');
    expect(nameRead(upgraded, 'ĐẢNG ỦY XÃ YÊN BÌNH', 'line')).toBeNull();
  });

  test('without a "Cấp" column, an alias without a level is at the level its unit\'s name states', () => {
    const m = new UnitMatcher([unit('Phường Hòa Lạc', '', 0, ['Thạch Hòa']), unit('Xã Yên Bình', '', 1), unit('Xã An Phú', '', 2)]);
    expect(m.usualLevel?.name).toBe('Xã');
    expect(nameRead(m, 'ĐẢNG ỦY PHƯỜNG THẠCH HÒA', 'line')).toBe('Phường Hòa Lạc');
    expect(nameRead(m, 'ĐẢNG ỦY XÃ THẠCH HÒA', 'line')).toBeNull();
  });

  test('a name and its alias found in one place are one unit', () => {
    expect(aliased().read('P. Hòa Lạc', 'cell')).toMatchObject({ kind: 'unit', unit: { name: 'Phường Hòa Lạc' } });
  });
});

describe('names written without spaces in file names', () => {
  const roster = () => new UnitMatcher([HOA_LAC, unit('Xã An Phú', 'Xã', 1), unit('Phường Tân Thành', 'Phường', 2), unit('Phường Tân Thạnh', 'Phường', 3), unit('Phường 12', 'Phường', 4)]);
  const m = roster();
  test('which names are long enough to be found run together is decided when the roster is read', () => {
    const fresh = roster();
    expect(nameRead(fresh, 'anphu', 'name')).toBeNull();
    expect(nameRead(fresh, 'hoalac', 'name')).toBe('Phường Hòa Lạc');
    expect(nameRead(fresh, 'bcphuong12', 'name')).toBeNull();
  });

  test.each<[string, NameMode, string | null]>([
    ['hoalac', 'name', 'Phường Hòa Lạc'],
    ['bc_hoalac_2023', 'name', 'Phường Hòa Lạc'],
    ['baocaohoalac2023', 'name', 'Phường Hòa Lạc'],
    ['hoalacbaocao', 'name', 'Phường Hòa Lạc'],
    ['hoalacdong', 'name', null],
    // Five letters are too few: such runs turn up inside other words.
    ['anphu', 'name', null],
    // Twins written together fit both.
    ['tanthanh', 'name', null],
    // Only sheet and file names are written this way; a header line is not.
    ['hoalac', 'line', null],
    ['hoalac', 'cell', null],
    ['PhuongHoaLac', 'line', null],
    ['PhuongHoaLac', 'name', 'Phường Hòa Lạc'],
  ])('%j (%s) → %s', (text, mode, expected) => {
    expect(nameRead(m, text, mode)).toBe(expected);
  });

  test('two units written together in one file name: nobody, both named', () => {
    const r = m.read('hoalac_tanthanh', 'name');
    expect(r.kind === 'ambiguous' && [r.why, r.units.map((u) => u.name)]).toEqual(['several', ['Phường Hòa Lạc', 'Phường Tân Thành', 'Phường Tân Thạnh']]);
  });

  test('twins written together: ambiguous by diacritics, both in roster order', () => {
    const r = m.read('bctanthanh', 'name');
    expect(r.kind === 'ambiguous' && [r.units.map((u) => u.name), r.why]).toEqual([['Phường Tân Thành', 'Phường Tân Thạnh'], 'diacritics']);
  });

  test('a name found at the end of a longer run, after another that starts it', () => {
    const two = new UnitMatcher([unit('Phường Hòa Lạc', 'Phường', 0), unit('Phường Minh Hòa Lạc', 'Phường', 1), unit('Xã Lạc Sơn Hòa', 'Xã', 2)]);
    // Both "hoalac" and "minhhoalac" end the word: both units fit, in roster order.
    const r = two.read('minhhoalac', 'name');
    expect(r.kind === 'ambiguous' && r.units.map((u) => u.name)).toEqual(['Phường Hòa Lạc', 'Phường Minh Hòa Lạc']);
  });
});

describe('diacritics decide between twins only when they spell one', () => {
  const twins = new UnitMatcher([unit('Phường Tân Thành', 'Phường', 0), unit('Phường Tân Thạnh', 'Phường', 1)]);
  test.each<[string, NameMode, string | null, string | null]>([
    ['Tân Thạnh', 'cell', 'Phường Tân Thạnh', null],
    ['TÂN THÀNH', 'cell', 'Phường Tân Thành', null],
    // Spelling neither twin ("Tấn Thành"), or only part of one: nobody.
    ['Tấn Thành', 'cell', null, 'diacritics'],
    ['Tân Thanh', 'cell', null, 'diacritics'],
    ['tan thanh', 'cell', null, 'diacritics'],
  ])('%j (%s) → %s', (text, mode, expected, why) => {
    const r = twins.read(text, mode);
    expect(r.kind === 'unit' ? r.unit.name : null).toBe(expected);
    expect(r.kind === 'ambiguous' ? r.why : null).toBe(why);
  });

  test('a roster name typed without diacritics does not make a plain spelling name it', () => {
    const m = new UnitMatcher([unit('Phường Tan Thanh', 'Phường', 0), unit('Phường Tân Thạnh', 'Phường', 1)]);
    const r = m.read('tan thanh', 'cell');
    expect(r.kind).toBe('ambiguous');
    expect(nameRead(m, 'Tân Thạnh', 'cell')).toBe('Phường Tân Thạnh');
  });

  test('one name at two levels with a level stated: the unit of that level', () => {
    const m = new UnitMatcher([unit('Phường Long Bình', 'Phường', 0), unit('Xã Long Bình', 'Xã', 1)]);
    expect(nameRead(m, 'UBND PHƯỜNG LONG BÌNH', 'line')).toBe('Phường Long Bình');
    const r = m.read('Long Bình', 'line');
    expect(r.kind === 'ambiguous' && [r.why, r.units.map((u) => u.name)]).toEqual(['level', ['Phường Long Bình', 'Xã Long Bình']]);
  });
});

describe('a large roster: names sharing their first word', () => {
  // A province's roster: many communes start with "Tân"; hamlets of one commune share a number.
  const tan = ['Thành', 'Thạnh', 'Phú', 'Bình', 'Hòa', 'An', 'Lập', 'Định', 'Mỹ', 'Hiệp'].map((w, i) => unit(`Xã Tân ${w}`, 'Xã', i));
  const hamlets = ['Thôn', 'Ấp', 'Xóm', 'Bản', 'Khóm', 'Tổ', 'Khu phố', 'Tổ dân phố', 'Khu dân cư'].map((l, i) => unit(`${l} 1`, l, 20 + i));
  const m = new UnitMatcher([...tan, unit('Xã Tân', 'Xã', 10), ...hamlets]);
  test.each<[string, NameMode, string | null]>([
    ['ĐẢNG ỦY XÃ TÂN ĐỊNH', 'line', 'Xã Tân Định'],
    ['Tân Hiệp', 'cell', 'Xã Tân Hiệp'],
    ['XaTanMy', 'name', 'Xã Tân Mỹ'],
    ['ĐẢNG ỦY XÃ TÂN', 'line', 'Xã Tân'],
    ['Tân', 'cell', 'Xã Tân'],
    ['TAN THANH', 'cell', null],
    ['CHI BỘ THÔN 1', 'line', 'Thôn 1'],
    ['Ấp 1', 'cell', 'Ấp 1'],
    ['Tổ dân phố 01', 'cell', 'Tổ dân phố 1'],
    ['KDC 1', 'cell', 'Khu dân cư 1'],
    ['Phường 1', 'cell', null],
  ])('%j (%s) → %s', (text, mode, expected) => {
    expect(nameRead(m, text, mode)).toBe(expected);
  });

  test('read twice, the same answer', () => {
    expect(nameRead(m, 'Tân Hiệp', 'cell')).toBe('Xã Tân Hiệp');
    expect(nameRead(m, 'Tân Hiệp', 'cell')).toBe('Xã Tân Hiệp');
    expect(nameRead(m, 'Tân Bình', 'cell')).toBe('Xã Tân Bình');
  });
});

describe('roster keys', () => {
  const key = (name: string, level = '') => rosterKey({ name, aliases: [], level, order: 0 });
  test('a row without a level: keyed by its name, equal however it is written', () => {
    expect(key('Hòa Lạc')).toBe(key('HOÀ LẠC'));
    expect(key('Hòa Lạc')).not.toBe(key('Hòa Lạc Mới'));
  });

  test('a name holding no word has no key', () => {
    expect(key('---', 'Phường')).toBe('');
  });
});
