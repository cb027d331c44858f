// The words of a name as the matcher sees them, the levels a roster's "Cấp" column names, and the
// unit a header line names by its level whether the roster holds it or not.
import { levelNamed, nameTokens, writtenUnit } from '../../src/core/units';

describe('nameTokens: the words of a text', () => {
  test('a level and a padded number: folded without marks or leading zeros, the word kept as written', () => {
    const [level, number] = nameTokens('Phường 01');
    expect(level).toEqual({ word: 'Phường', folded: 'phuong', marked: nameTokens('phường')[0].marked, hasMarks: true, segment: 0, gap: false, caps: 'title' });
    // A number carries no diacritics even though "01" and "1" differ.
    expect(number).toEqual({ word: '01', folded: '1', marked: '01', hasMarks: false, segment: 0, gap: false, caps: '' });
  });

  test.each<[string, string[]]>([
    ['007', ['7']],
    ['0', ['0']],
    ['00', ['0']],
    ['100', ['100']],
    ['1005', ['1005']],
    ['Đông Hòa', ['dong', 'hoa']],
    // A number run into a level word is split off; one letter after a number stays with it.
    ['Phuong11', ['phuong', '11']],
    ['P1', ['p', '1']],
    ['12A', ['12a']],
    ['11Phuong', ['11', 'phuong']],
    // Without camel splitting, run-together words are one word.
    ['PhuongHoaLac', ['phuonghoalac']],
    // A combining mark standing alone is no word.
    ['Hòa \u0301 Lạc', ['hoa', 'lac']],
  ])('%j → %j', (text, folded) => {
    expect(nameTokens(text).map((t) => t.folded)).toEqual(folded);
  });

  test('file names: run-together words split where a lower-case letter meets an upper-case one', () => {
    expect(nameTokens('PhuongHoaLac', { camel: true }).map((t) => t.folded)).toEqual(['phuong', 'hoa', 'lac']);
    expect(nameTokens('BCTanThanh2023', { camel: true }).map((t) => t.folded)).toEqual(['bctan', 'thanh', '2023']);
  });

  test('punctuation between two words is a gap; a space alone is not', () => {
    expect(nameTokens('P.1').map((t) => t.gap)).toEqual([false, true]);
    expect(nameTokens('P. 1').map((t) => t.gap)).toEqual([false, true]);
    expect(nameTokens('P 1').map((t) => t.gap)).toEqual([false, false]);
    expect(nameTokens('Hòa Lạc, ngày 9').map((t) => t.gap)).toEqual([false, false, true, false]);
  });

  test('lines, cells and path parts are segments of their own, however many separators stand between', () => {
    expect(nameTokens('HUYỆN ỦY\r\nĐẢNG ỦY XÃ').map((t) => t.segment)).toEqual([0, 0, 1, 1, 1]);
    expect(nameTokens('a|b\tc/d\\e\nf').map((t) => t.segment)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test.each<[string, string]>([
    ['HÒA', 'upper'],
    ['Hòa', 'title'],
    ['hòa', 'lower'],
    ['Đ', 'upper'],
    ['12', ''],
    ['12A', 'upper'],
    // Mixed case (a run-together file name) is not a title-case word.
    ['PhườngHòa', 'upper'],
    ['hÒA', 'upper'],
  ])('%j is written in %j case', (word, caps) => {
    expect(nameTokens(word)[0].caps).toBe(caps);
  });

  test('the tone is kept apart from where it was typed, and every other mark is kept', () => {
    const marked = (w: string) => nameTokens(w)[0].marked;
    // Old and new tone placement: grave, acute, hook, tilde, dot below.
    expect(marked('hoà')).toBe(marked('hòa'));
    expect(marked('hoá')).toBe(marked('hóa'));
    expect(marked('thuỷ')).toBe(marked('thủy'));
    expect(marked('hoã')).toBe(marked('hõa'));
    expect(marked('hoạ')).toBe(marked('họa'));
    expect(marked('HOÀ'.normalize('NFD'))).toBe(marked('hòa'));
    // Different tones and different letters stay different: twins are told apart by them.
    expect(marked('thành')).not.toBe(marked('thạnh'));
    expect(marked('thành')).not.toBe(marked('thanh'));
    expect(marked('tân')).not.toBe(marked('tấn'));
    expect(marked('mỹ')).not.toBe(marked('my'));
    expect(marked('phường')).not.toBe(marked('phương'));
  });

  test('a word stays one word: letters folding to nothing leave no space inside it', () => {
    const words = nameTokens('Straße Ðông');
    expect(words).toHaveLength(2);
    for (const w of words) expect(w.folded).not.toMatch(/\s/);
  });

  test('a word has marks when any letter carries one; "đ" is one', () => {
    expect(nameTokens('Đông Hoa').map((t) => t.hasMarks)).toEqual([true, false]);
  });
});

describe('levelNamed: the level a roster\'s "Cấp" column names', () => {
  test.each<[string, string | null]>([
    ['Phường', 'Phường'],
    ['phuong', 'Phường'],
    ['P', 'Phường'],
    ['P.', 'Phường'],
    ['Xã', 'Xã'],
    ['Thị xã', 'Thị xã'],
    ['TX', 'Thị xã'],
    ['Khu phố', 'Khu phố'],
    ['Khu', 'Khu'],
    ['Thị trấn', 'Thị trấn'],
    // A name, or a level with a name, is not a level.
    ['Phường 3', null],
    ['Hòa Lạc', null],
    ['Thị', null],
    ['', null],
    ['  ', null],
  ])('%j → %j', (text, level) => {
    expect(levelNamed(text)?.name ?? null).toBe(level);
  });
});

describe('writtenUnit: the unit a line names by its level, in the roster or not', () => {
  // [line, lowest rank taken (3: ward, commune, town), name, rank]
  test.each<[string, number, string | null, number | null]>([
    ['ĐẢNG ỦY XÃ HÒA LẠC MỚI', 3, 'Xã Hòa Lạc Mới', 3],
    ['ĐẢNG ỦY PHƯỜNG 07', 3, 'Phường 7', 3],
    ['xã an phú', 3, 'Xã An Phú', 3],
    ['UBND Xã ĐÔNG HƯNG', 3, 'Xã Đông Hưng', 3],
    ['Phường: An Khánh', 3, 'Phường An Khánh', 3],
    ['CHI BỘ KHU PHỐ 3', 4, 'Khu phố 3', 4],
    // The name ends at punctuation, a document word, another level or an organisation.
    ['ĐẢNG ỦY XÃ AN PHÚ, HUYỆN THẠCH THẤT', 3, 'Xã An Phú', 3],
    ['XÃ AN PHÚ BÁO CÁO NĂM 2023', 3, 'Xã An Phú', 3],
    ['XÃ AN PHÚ HUYỆN THẠCH THẤT', 3, 'Xã An Phú', 3],
    ['XÃ AN PHÚ HỘI NÔNG DÂN', 3, 'Xã An Phú', 3],
    // "THỊ XÃ" is a town, above the wards: it is passed over, and its "xã" is not a commune.
    ['ĐẢNG BỘ THỊ XÃ HÒA BÌNH', 3, null, null],
    ['ĐẢNG BỘ THỊ XÃ HÒA BÌNH', 2, 'Thị xã Hòa Bình', 2],
    ['ĐẢNG BỘ THỊ XÃ HÒA BÌNH - ĐẢNG ỦY PHƯỜNG HÒA LẠC', 3, 'Phường Hòa Lạc', 3],
    // Passing over a level above skips its own words only, not the ward right after it.
    ['UBND QUẬN 5, PHƯỜNG 7', 3, 'Phường 7', 3],
    // Punctuation after the first word of the name ends it.
    ['XÃ AN PHÚ - THẠCH THẤT', 3, 'Xã An Phú', 3],
    // A level phrase with one of its words spelled otherwise is not that level.
    ['THỊ XẢ HÒA BÌNH', 2, null, null],
    // A level's party committee names the level, not a unit.
    ['HUYỆN ỦY THẠCH THẤT', 1, null, null],
    ['THỊ ỦY SƠN TÂY - ĐẢNG ỦY XÃ ĐƯỜNG LÂM', 1, 'Xã Đường Lâm', 3],
    // "BAN CHẤP HÀNH" is a board: its "BAN" is not the hamlet "Bản".
    ['BAN CHẤP HÀNH', 3, null, null],
    ['BAN CHẤP HÀNH ĐOÀN', 3, null, null],
    ['BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN PHÚ', 3, 'Xã An Phú', 3],
    // A word spelled with other diacritics is not the level: "XẢ" (discharge) is not "Xã".
    ['XẢ THẢI', 3, null, null],
    // Written without diacritics, it is compared folded.
    ['DANG UY XA AN PHU', 3, 'Xã An Phu', 3],
    // Short forms are not taken here: "TT" in a line is as likely a circular ("thông tư").
    ['(Kèm theo TT 05/2023 của Bộ Nội vụ)', 3, null, null],
    // A level with no name after it in its own line names nobody.
    ['ĐẢNG ỦY XÃ\nAN PHÚ', 3, null, null],
    ['Xã', 3, null, null],
    ['', 3, null, null],
  ])('%j (from rank %d) → %j', (line, minRank, name, rank) => {
    const w = writtenUnit(line, minRank);
    expect(w ? [w.name, w.rank] : [null, null]).toEqual([name, rank]);
  });
});
