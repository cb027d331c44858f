// Who sent a report: the header block first, then the sheet name, then the file name; a name
// written with its level or organisation outweighs a bare one; a header naming, by its level, a
// unit the roster lacks is never credited to a roster unit; disagreements are said, not hidden.
import { HeaderLine, Identity, describeEvidence, fileStem, identifyReport, identifyRow } from '../../src/core/identity';
import { RosterUnit } from '../../src/core/rules';
import { UnitMatcher } from '../../src/core/units';

const unit = (name: string, level: string, order: number): RosterUnit => ({ name, aliases: [], level, order });

const HOA_LAC = unit('Phường Hòa Lạc', 'Phường', 0);
const TAN_THANH = unit('Phường Tân Thành', 'Phường', 1);
const TAN_THANH_2 = unit('Phường Tân Thạnh', 'Phường', 2);
const YEN_BINH = unit('Phường Yên Bình', 'Phường', 3);
const LONG_BINH_P = unit('Phường Long Bình', 'Phường', 4);
const LONG_BINH_X = unit('Xã Long Bình', 'Xã', 5);
const units = new UnitMatcher([HOA_LAC, TAN_THANH, TAN_THANH_2, YEN_BINH, LONG_BINH_P, LONG_BINH_X]);

/** Header lines in column A from row 1. */
const header = (...texts: string[]): HeaderLine[] => texts.map((text, i) => ({ text, cell: `A${i + 1}` }));
const identify = (lines: string[], sheet: string, file: string): Identity => identifyReport(units, header(...lines), sheet, file);
const name = (u: RosterUnit | null | undefined) => u?.name ?? null;

describe('identifyReport: which source names the unit', () => {
  // [header lines, sheet, file, unit, source of the evidence, its text]
  test.each<[string[], string, string, RosterUnit | null, string, string]>([
    // The header is what the unit wrote itself.
    [['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], 'Sheet1', 'bao cao.xlsx', HOA_LAC, 'header', 'ĐẢNG ỦY PHƯỜNG HÒA LẠC'],
    // No header names anybody: the sheet name, then the file name.
    [['BÁO CÁO CÔNG TÁC DÂN VẬN'], 'P. Yên Bình', 'bao cao.xlsx', YEN_BINH, 'sheet', 'P. Yên Bình'],
    [[], 'Sheet1', 'C:\\Bao cao\\PhuongYenBinh.xlsx', YEN_BINH, 'file', 'C:\\Bao cao\\PhuongYenBinh.xlsx'],
    [[], 'Sheet1', 'Yên Bình.xlsx', YEN_BINH, 'file', 'Yên Bình.xlsx'],
    // Sheet names, like file names, may run words together.
    [[], 'PhuongYenBinh', 'bc.xlsx', YEN_BINH, 'sheet', 'PhuongYenBinh'],
    // A level before the name outweighs a bare name: the place in a date line is not the author.
    [['Hòa Lạc, ngày 9 tháng 12 năm 2023'], 'P. Yên Bình', 'bc.xlsx', YEN_BINH, 'sheet', 'P. Yên Bình'],
    // Equal strength: source order, the sheet before the file.
    [[], 'Hòa Lạc', 'Yên Bình.xlsx', HOA_LAC, 'sheet', 'Hòa Lạc'],
    // An ambiguous header ("tan thanh" fits both twins) is settled by a name spelled with diacritics.
    [['ĐẢNG ỦY PHƯỜNG TAN THANH'], 'Sheet1', 'Tân Thạnh.xlsx', TAN_THANH_2, 'file', 'Tân Thạnh.xlsx'],
    [['ĐẢNG ỦY PHƯỜNG TAN THANH'], 'Tân Thành', 'bc.xlsx', TAN_THANH, 'sheet', 'Tân Thành'],
    // A source naming a unit outside the candidates does not settle it; a later one that does, does.
    [['ĐẢNG ỦY PHƯỜNG TAN THANH'], 'Hòa Lạc', 'Tân Thạnh.xlsx', TAN_THANH_2, 'file', 'Tân Thạnh.xlsx'],
  ])('%j, sheet %j, file %j → %s from the %s', (lines, sheet, file, expected, source, text) => {
    const id = identify(lines, sheet, file);
    expect(name(id.unit)).toBe(name(expected));
    expect(id.unit).toBe(expected);
    expect(id.name).toBe(expected!.name);
    expect(id.evidence).toEqual({ source, text, cell: source === 'header' ? 'A1' : null });
    expect(id.candidates).toEqual([]);
    expect(id.why).toBeNull();
    expect(id.unlisted).toBeNull();
  });

  test('the header line that names the unit with its level is the evidence, not a bare mention above it', () => {
    const id = identify(['Hòa Lạc, ngày 9 tháng 12 năm 2023', 'ĐẢNG ỦY PHƯỜNG HÒA LẠC'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBe(HOA_LAC);
    expect(id.evidence).toEqual({ source: 'header', text: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', cell: 'A2' });
  });

  test('of two header lines naming the unit equally, the first is the evidence', () => {
    const id = identify(['ĐẢNG BỘ PHƯỜNG HÒA LẠC', 'ĐẢNG ỦY PHƯỜNG HÒA LẠC'], 'Sheet1', 'bc.xlsx');
    expect(id.evidence).toEqual({ source: 'header', text: 'ĐẢNG BỘ PHƯỜNG HÒA LẠC', cell: 'A1' });
  });

  test('a header naming the ward above its hamlet: the hamlet, and its own line is the evidence', () => {
    const mixed = new UnitMatcher([HOA_LAC, unit('Khu phố 3', 'Khu phố', 1)]);
    const id = identifyReport(mixed, header('ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'CHI BỘ KHU PHỐ 3'), 'Sheet1', 'bc.xlsx');
    expect(id.unit?.name).toBe('Khu phố 3');
    expect(id.evidence).toEqual({ source: 'header', text: 'CHI BỘ KHU PHỐ 3', cell: 'A2' });
  });

  test('an ambiguous header line is the evidence of an ambiguous identity, not a line naming nobody above it', () => {
    const id = identify(['BÁO CÁO SỐ LIỆU', 'ĐẢNG ỦY PHƯỜNG TAN THANH'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBeNull();
    expect(id.evidence).toEqual({ source: 'header', text: 'ĐẢNG ỦY PHƯỜNG TAN THANH', cell: 'A2' });
  });
});

describe('identifyReport: sources that disagree', () => {
  test('header and file name two units: the header is used, the file named as the conflict', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], 'Hòa Lạc', 'PhuongYenBinh.xlsx');
    expect(id.unit).toBe(HOA_LAC);
    // The sheet agrees with the header; the file is the one that disagrees.
    expect(id.conflict).toEqual({ evidence: { source: 'file', text: 'PhuongYenBinh.xlsx', cell: null }, unit: YEN_BINH });
  });

  test('a sheet naming nobody between them does not hide the conflict', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], 'Sheet1', 'PhuongYenBinh.xlsx');
    expect(id.unit).toBe(HOA_LAC);
    expect(id.conflict).toEqual({ evidence: { source: 'file', text: 'PhuongYenBinh.xlsx', cell: null }, unit: YEN_BINH });
  });

  test('all sources agree: no conflict', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], 'Hòa Lạc', 'PhuongHoaLac.xlsx');
    expect(id.unit).toBe(HOA_LAC);
    expect(id.conflict).toBeNull();
  });

  test('a sheet copied from another ward with its level outweighs a bare date line, and the header is the conflict', () => {
    const id = identify(['Hòa Lạc, ngày 9 tháng 12 năm 2023'], 'P. Yên Bình', 'bc.xlsx');
    expect(id.unit).toBe(YEN_BINH);
    expect(id.conflict).toEqual({ evidence: { source: 'header', text: 'Hòa Lạc, ngày 9 tháng 12 năm 2023', cell: 'A1' }, unit: HOA_LAC });
  });
});

describe('identifyReport: nobody, and the name the report goes by', () => {
  test('a header fitting both twins, with nothing to settle it: the candidates and why', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG TAN THANH'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBeNull();
    // The name is the part of the line that names the unit, its level included.
    expect(id.name).toBe('PHƯỜNG TAN THANH');
    expect(id.evidence).toEqual({ source: 'header', text: 'ĐẢNG ỦY PHƯỜNG TAN THANH', cell: 'A1' });
    expect(id.candidates).toEqual([TAN_THANH, TAN_THANH_2]);
    expect(id.why).toBe('diacritics');
    expect(id.conflict).toBeNull();
    expect(id.unlisted).toBeNull();
  });

  test('a sheet name fitting one name at two levels: ambiguous by level', () => {
    const id = identify([], 'Long Bình', 'bc.xlsx');
    expect(id.unit).toBeNull();
    expect(id.name).toBe('Long Bình');
    expect(id.evidence).toEqual({ source: 'sheet', text: 'Long Bình', cell: null });
    expect(id.candidates).toEqual([LONG_BINH_P, LONG_BINH_X]);
    expect(id.why).toBe('level');
  });

  // [header lines, sheet, file, name, evidence source, its text, its cell]
  test.each<[string[], string, string, string, string, string, string | null]>([
    // A header naming a unit by its level, though the roster lacks it: the report goes by that name.
    [['ĐẢNG ỦY PHƯỜNG AN KHÁNH'], 'Khu vực 2', 'bc.xlsx', 'Phường An Khánh', 'header', 'ĐẢNG ỦY PHƯỜNG AN KHÁNH', 'A1'],
    [['BÁO CÁO', 'UBND PHƯỜNG AN KHÁNH'], 'Sheet1', 'bc.xlsx', 'Phường An Khánh', 'header', 'UBND PHƯỜNG AN KHÁNH', 'A2'],
    // A district above is passed over: the wards' level is the one that names an author.
    [['QUẬN ỦY QUẬN 5', 'UBND QUẬN 5'], 'Khu vực 2', 'bc.xlsx', 'Khu vực 2', 'sheet', 'Khu vực 2', null],
    // A sheet name of one's own is the next best name; template names are not.
    [[], 'Khu vực 2', 'bc.xlsx', 'Khu vực 2', 'sheet', 'Khu vực 2', null],
    [[], '', 'D:/bao cao/Khu 2.xlsx', 'Khu 2', 'file', 'D:/bao cao/Khu 2.xlsx', null],
    [[], 'Sheet1', 'Khu 2.xlsx', 'Khu 2', 'file', 'Khu 2.xlsx', null],
  ])('%j, sheet %j, file %j → goes by %j', (lines, sheet, file, expectedName, source, text, cell) => {
    const id = identify(lines, sheet, file);
    expect(id.unit).toBeNull();
    expect(id.name).toBe(expectedName);
    expect(id.evidence).toEqual({ source, text, cell });
    expect(id.candidates).toEqual([]);
    expect(id.why).toBeNull();
    expect(id.conflict).toBeNull();
    expect(id.unlisted).toBeNull();
  });

  // Sheet names a template gives name nobody; a sheet merely starting or ending like one does.
  test.each<[string, boolean]>([
    ['Sheet1', true],
    ['Sheet', true],
    ['sheet12', true],
    ['Trang 2', true],
    ['Trang2', true],
    ['Trang', true],
    ['Biểu 01', true],
    ['Biểu', true],
    ['Biểu mẫu', true],
    ['Biểu mẫu số 3', true],
    ['Báo cáo', true],
    ['Báo cáo 6 tháng', true],
    ['Tổng hợp', true],
    ['Tổng hợp quý 1', true],
    ['Trang trại', false],
    ['Sheet1 Khu 2', false],
    ['Khu 2 Sheet1', false],
    ['Bieu mau khac', true],
    ['Số liệu', false],
  ])('sheet %j is a template name: %s', (sheet, generic) => {
    const id = identify([], sheet, 'Khu 9.xlsx');
    expect(id.name).toBe(generic ? 'Khu 9' : sheet);
    expect(id.evidence?.source).toBe(generic ? 'file' : 'sheet');
  });
});

describe('identifyReport: a header naming a unit the roster does not hold', () => {
  test('its bare date line names a roster ward: nothing is taken, the ward is suggested', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG AN KHÁNH', 'Hòa Lạc, ngày 9 tháng 12 năm 2023'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBeNull();
    expect(id.name).toBe('Phường An Khánh');
    expect(id.evidence).toEqual({ source: 'header', text: 'ĐẢNG ỦY PHƯỜNG AN KHÁNH', cell: 'A1' });
    expect(id.unlisted).toEqual({ evidence: { source: 'header', text: 'Hòa Lạc, ngày 9 tháng 12 năm 2023', cell: 'A2' }, suggested: HOA_LAC });
    expect(id.conflict).toBeNull();
    expect(id.candidates).toEqual([]);
  });

  test('the sheet names a roster ward with its level: still not taken over the header, but suggested', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG AN KHÁNH'], 'P. Yên Bình', 'bc.xlsx');
    expect(id.unit).toBeNull();
    expect(id.name).toBe('Phường An Khánh');
    expect(id.evidence).toEqual({ source: 'header', text: 'ĐẢNG ỦY PHƯỜNG AN KHÁNH', cell: 'A1' });
    expect(id.unlisted).toEqual({ evidence: { source: 'sheet', text: 'P. Yên Bình', cell: null }, suggested: YEN_BINH });
  });

  test('the longer name the roster lacks ("Hòa Lạc Mới") is not the roster ward "Hòa Lạc" named in the file', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG HÒA LẠC MỚI'], 'Sheet1', 'PhuongHoaLac.xlsx');
    expect(id.unit).toBeNull();
    expect(id.name).toBe('Phường Hòa Lạc Mới');
    expect(id.unlisted?.suggested).toBe(HOA_LAC);
  });

  test('a ward the roster lacks whose name ends in a roster name ("An Hòa Lạc"): nothing taken, and "Hòa Lạc" is not read in it', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG AN HÒA LẠC'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBeNull();
    expect(id.name).toBe('Phường An Hòa Lạc');
    expect(id.unlisted).toBeNull();
  });

  test('a header line fitting both twins is no unit missing from the roster: a date line spelling one settles it', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG TAN THANH', 'Tân Thạnh, ngày 9 tháng 12 năm 2023'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBe(TAN_THANH_2);
    expect(id.unlisted).toBeNull();
  });

  test('a header naming its own ward with its level is not overruled by another line naming a hamlet', () => {
    const id = identify(['ĐẢNG ỦY PHƯỜNG HÒA LẠC', 'CHI BỘ KHU PHỐ 3'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBe(HOA_LAC);
    expect(id.unlisted).toBeNull();
  });

  test('a level above the roster\'s usual one is not an unlisted unit: the district is passed over', () => {
    const id = identify(['UBND QUẬN 5', 'Hòa Lạc, ngày 9 tháng 12 năm 2023'], 'Sheet1', 'bc.xlsx');
    expect(id.unit).toBe(HOA_LAC);
    expect(id.unlisted).toBeNull();
  });

  test('a roster without levels takes the ward level as the usual one', () => {
    const bare = new UnitMatcher([unit('Hòa Lạc', '', 0), unit('Yên Bình', '', 1)]);
    expect(bare.usualLevel).toBeNull();
    const ward = identifyReport(bare, header('UBND QUẬN 5', 'Hòa Lạc, ngày 9 tháng 12 năm 2023'), 'Sheet1', 'bc.xlsx');
    expect(ward.unit?.name).toBe('Hòa Lạc');
    const unlisted = identifyReport(bare, header('ĐẢNG ỦY PHƯỜNG AN KHÁNH', 'Hòa Lạc, ngày 9 tháng 12 năm 2023'), 'Sheet1', 'bc.xlsx');
    expect(unlisted.unit).toBeNull();
    expect(unlisted.name).toBe('Phường An Khánh');
    const nobody = identifyReport(bare, header('ĐẢNG ỦY PHƯỜNG AN KHÁNH'), 'Sheet1', 'bc.xlsx');
    expect(nobody.name).toBe('Phường An Khánh');
  });

  test('a roster of hamlets: a ward line above is not an unlisted hamlet', () => {
    const hamlets = new UnitMatcher([unit('Khu phố 3', 'Khu phố', 0), unit('Khu phố 4', 'Khu phố', 1)]);
    expect(hamlets.usualLevel?.rank).toBe(4);
    const id = identifyReport(hamlets, header('ĐẢNG ỦY PHƯỜNG AN KHÁNH'), 'KP3', 'bc.xlsx');
    expect(id.unit?.name).toBe('Khu phố 3');
    expect(id.unlisted).toBeNull();
    const none = identifyReport(hamlets, header('ĐẢNG ỦY PHƯỜNG AN KHÁNH'), 'Sheet1', 'Khu vuc.xlsx');
    expect(none.name).toBe('Khu vuc');
  });
});

describe('identifyRow: a unit column cell', () => {
  test('a cell naming a roster unit', () => {
    expect(identifyRow(units, 'P. Yên Bình', 'B7')).toEqual({
      unit: YEN_BINH,
      name: 'Phường Yên Bình',
      evidence: { source: 'unit-column', text: 'P. Yên Bình', cell: 'B7' },
      candidates: [],
      why: null,
      conflict: null,
      unlisted: null,
    });
  });

  test('a cell fitting two twins: the candidates and why', () => {
    const id = identifyRow(units, 'Tan Thanh', 'B8');
    expect(id).toEqual({ unit: null, name: 'Tan Thanh', evidence: { source: 'unit-column', text: 'Tan Thanh', cell: 'B8' }, candidates: [TAN_THANH, TAN_THANH_2], why: 'diacritics', conflict: null, unlisted: null });
  });

  test('a cell holding more than the name names nobody', () => {
    expect(identifyRow(units, 'Trường THCS Yên Bình', 'B10').unit).toBeNull();
    expect(identifyRow(units, 'PhuongYenBinh', 'B11').unit).toBeNull();
  });

  test('a cell naming nobody keeps its text as the name', () => {
    const id = identifyRow(units, 'Tổng cộng', 'B9');
    expect(id).toEqual({ unit: null, name: 'Tổng cộng', evidence: { source: 'unit-column', text: 'Tổng cộng', cell: 'B9' }, candidates: [], why: null, conflict: null, unlisted: null });
  });
});

describe('fileStem and describeEvidence', () => {
  test.each<[string, string]>([
    ['P1_BaoCao.xlsx', 'P1_BaoCao'],
    ['C:\\Bao cao\\2023\\Phuong 3.xlsx', 'Phuong 3'],
    ['/home/vp/bao.cao/Hoa Lac.xls', 'Hoa Lac'],
    ['bc.Hoa.Lac.xlsx', 'bc.Hoa.Lac'],
    ['Hoa Lac', 'Hoa Lac'],
  ])('%j → %j', (file, stem) => {
    expect(fileStem(file)).toBe(stem);
  });

  test.each<[Parameters<typeof describeEvidence>[0], boolean, string]>([
    [{ source: 'header', text: 'x', cell: 'A2' }, true, 'tiêu đề, ô A2'],
    [{ source: 'header', text: 'x', cell: 'A2' }, false, 'tiêu đề'],
    [{ source: 'unit-column', text: 'x', cell: 'B7' }, true, 'cột đơn vị, ô B7'],
    [{ source: 'sheet', text: 'x', cell: null }, true, 'tên trang tính'],
    [{ source: 'file', text: 'x', cell: null }, true, 'tên tệp'],
  ])('%j (with cell: %s) → %j', (e, withCell, words) => {
    expect(describeEvidence(e, withCell)).toBe(words);
  });

  test('the cell is given unless asked not to', () => {
    expect(describeEvidence({ source: 'header', text: 'x', cell: 'C1' })).toBe('tiêu đề, ô C1');
  });
});
