// Situations the samples do not show, built in code: the unit-per-row layout with a wrong total,
// legacy TCVN3 and NFD text, a duplicate submission, a six-month report against annual targets,
// a "Mỗi phường" scope and a stated rate typed ten times too small.
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { CheckSession, readRules, toResultJson } from '../../src/core';
import type { CheckResult, Finding } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { ReportRow, goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';

async function check(files: Array<[string, Uint8Array]>, rulesBytes?: Uint8Array): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(rulesBytes ?? (await rulesWorkbook()), 'rules.xlsx'));
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  for (const [name, bytes] of files) session.addWorkbook(await readWorkbookBuffer(bytes, name));
  return session.finish();
}

const serious = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info');
const brief = (f: Finding) => `${f.unit} ${f.indicator ?? '-'} ${f.kind}`;

async function unitFile(unitLine: string, rows: ReportRow[] = goodRows(), extra: Partial<Parameters<typeof reportSheet>[0]> = {}) {
  return xlsx([reportSheet({ unitLine, rows, ...extra })]);
}

async function threeGoodUnits(over: Record<string, Partial<Record<string, number | string | null>>> = {}, extra: Partial<Parameters<typeof reportSheet>[0]> = {}) {
  return [
    ['hoa-lac.xlsx', await unitFile('ĐẢNG ỦY PHƯỜNG HÒA LẠC', goodRows(over['Hòa Lạc'] ?? {}), extra)],
    ['tan-thanh.xlsx', await unitFile('ĐẢNG ỦY PHƯỜNG TÂN THÀNH', goodRows(over['Tân Thành'] ?? {}), extra)],
    ['yen-binh.xlsx', await unitFile('ĐẢNG ỦY XÃ YÊN BÌNH', goodRows(over['Yên Bình'] ?? {}), extra)],
  ] as Array<[string, Uint8Array]>;
}

describe('scenarios built in code', () => {
  test('three units that meet every target give no error or warning', async () => {
    const r = await check(await threeGoodUnits());
    expect(serious(r).map(brief)).toEqual([]);
    expect(r.rows.map((x) => x.unit)).toEqual(['Phường Hòa Lạc', 'Phường Tân Thành', 'Xã Yên Bình']);
    expect(toResultJson(r).totals).toMatchObject({ SO_HO: 3000, GDVH_DK: 2940, HND_KN: 120, CCB_KN: 15 });
    expect(toResultJson(r).ratios.TL_GDVH).toBeCloseTo(0.98, 12);
  });

  test('"Mỗi phường" applies to wards only', async () => {
    const r = await check(await threeGoodUnits({ 'Tân Thành': { MOHINH: 1 }, 'Yên Bình': { MOHINH: 0 } }));
    expect(serious(r).map(brief)).toEqual(['Phường Tân Thành MOHINH shortfall']);
  });

  test('a six-month report: cumulative targets are prorated (behind pace), frequencies counted for 6 months, rates unscaled', async () => {
    const files = await threeGoodUnits(
      { 'Hòa Lạc': { HND_KN: 15, DOI_THOAI: 6 }, 'Tân Thành': { HND_KN: 15, DOI_THOAI: 5 }, 'Yên Bình': { HND_KN: 15, DOI_THOAI: 6, GDVH_DK: 940 } },
      { title: 'BIỂU TỔNG HỢP KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023', dateLine: 'ngày 14 tháng 6 năm 2023' },
    );
    const r = await check(files);
    expect(r.period.months).toBe(6);
    const found = serious(r).map(brief).sort();
    expect(found).toEqual(['* HND_KN behind-pace', 'Phường Tân Thành DOI_THOAI shortfall', 'Xã Yên Bình TL_GDVH shortfall'].sort());
    const pace = r.findings.find((f) => f.kind === 'behind-pace')!;
    expect(pace.expected).toBe(50);
    expect(pace.actual).toBe(45);
    expect(pace.severity).toBe('warning');
    expect(r.findings.find((f) => f.indicator === 'DOI_THOAI')!.expected).toBe(6);
  });

  test('a duplicate submission: the later report date wins and the choice is stated', async () => {
    const early = await unitFile('ĐẢNG ỦY PHƯỜNG HÒA LẠC', goodRows({ HND_HV: 111 }), { dateLine: 'Hòa Lạc, ngày 10 tháng 12 năm 2023' });
    const late = await unitFile('ĐẢNG ỦY PHƯỜNG HÒA LẠC', goodRows({ HND_HV: 222 }), { dateLine: 'Hòa Lạc, ngày 14 tháng 12 năm 2023' });
    const others = (await threeGoodUnits()).slice(1);
    // The later one comes first by name, so order alone would pick wrongly.
    const r = await check([['a-late.xlsx', late], ['b-early.xlsx', early], ...others]);
    const dup = r.findings.filter((f) => f.kind === 'duplicate-unit');
    expect(dup).toHaveLength(1);
    expect(dup[0].unit).toBe('Phường Hòa Lạc');
    expect(dup[0].file).toBe('a-late.xlsx');
    expect(dup[0].message).toContain('14/12/2023');
    const row = r.rows.find((x) => x.unit === 'Phường Hòa Lạc')!;
    expect(row.figures.get('HND_HV')).toMatchObject({ status: 'ok', value: 222 });
    expect(toResultJson(r).totals.HND_HV).toBe(222 + 500 + 500);
    expect(r.submissions.filter((s) => s.unit === 'Phường Hòa Lạc').map((s) => s.used)).toEqual([true, false]);
  });

  test('a TCVN3 file (.VnTime) is decoded before matching', async () => {
    // How such text reaches a modern reader: each TCVN3 byte shown as a Windows-1252 character.
    const tcvn = (s: string) => String.fromCharCode(...iconv.encode(s, 'tcvn'));
    const rows = goodRows({ HND_KN: 33 }).map((r) => ({ ...r, label: tcvn(r.label), uom: r.uom ? tcvn(r.uom) : undefined }));
    const sheet = reportSheet({ unitLine: tcvn('ĐẢNG ỦY PHƯỜNG TÂN THÀNH'), rows, font: '.VnTime' });
    expect(sheet.rows[9][1]).not.toBe('Tổng số hộ gia đình');
    const files = (await threeGoodUnits()).filter(([n]) => n !== 'tan-thanh.xlsx');
    const r = await check([...files, ['tcvn3.xlsx', await xlsx([sheet])]]);
    const row = r.rows.find((x) => x.unit === 'Phường Tân Thành')!;
    expect(row.report?.file).toBe('tcvn3.xlsx');
    expect(row.report?.legacy).toEqual(['tcvn3']);
    expect(row.figures.get('HND_KN')).toMatchObject({ status: 'ok', value: 33 });
    expect(row.figures.size).toBe(8);
    expect(serious(r).map(brief)).toEqual([]);
  });

  test('a TCVN3 .xls (Excel 97–2003), whose reader gives no fonts, is decoded by the text itself', async () => {
    const tcvn = (s: string) => String.fromCharCode(...iconv.encode(s, 'tcvn'));
    const rows = goodRows({ HND_KN: 34 }).map((r) => ({ ...r, label: tcvn(r.label), uom: r.uom ? tcvn(r.uom) : undefined }));
    const sheet = reportSheet({ unitLine: tcvn('ĐẢNG ỦY PHƯỜNG TÂN THÀNH'), rows, font: '.VnTime' });
    // The same workbook saved as BIFF8 by SheetJS: an OLE file, with no font names kept.
    const book = XLSX.read(await xlsx([sheet]), { type: 'array' });
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
    expect([...xls.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const model = await readWorkbookBuffer(xls, 'tcvn3.xls');
    expect(model.sheets[0].rows.flat().filter((c) => c?.font)).toEqual([]);
    const files = (await threeGoodUnits()).filter(([n]) => n !== 'tan-thanh.xlsx');
    const r = await check([...files, ['tcvn3.xls', xls]]);
    const row = r.rows.find((x) => x.unit === 'Phường Tân Thành')!;
    expect(row.report?.file).toBe('tcvn3.xls');
    expect(row.report?.legacy).toEqual(['tcvn3']);
    expect(row.figures.get('HND_KN')).toMatchObject({ status: 'ok', value: 34 });
    expect(row.figures.size).toBe(8);
    expect(serious(r).map(brief)).toEqual([]);
  });

  test('a sheet typed wholly in TCVN3, with no legacy font: its short cells ("Ng­êi", "Cuéc") are read in the sheet\'s encoding too (found by an outside tester: the report was read as a table of units named "Ng­êi")', async () => {
    const tcvn = (s: string) => String.fromCharCode(...iconv.encode(s, 'tcvn'));
    const rows = goodRows({ HND_KN: 35 });
    const sheet = reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG TÂN THÀNH', rows, font: 'Arial' });
    sheet.rows = sheet.rows.map((row) => row.map((v) => (typeof v === 'string' ? tcvn(v) : v)));
    expect(sheet.rows[5][2]).not.toBe('Đơn vị tính');
    const files = (await threeGoodUnits()).filter(([n]) => n !== 'tan-thanh.xlsx');
    const r = await check([...files, ['tcvn3-arial.xlsx', await xlsx([sheet])]]);
    const row = r.rows.find((x) => x.unit === 'Phường Tân Thành')!;
    expect(row.report?.file).toBe('tcvn3-arial.xlsx');
    expect(row.report?.legacy).toEqual(['tcvn3']);
    expect(row.figures.get('HND_KN')).toMatchObject({ status: 'ok', value: 35 });
    expect(row.figures.size).toBe(8);
    expect(serious(r).map(brief)).toEqual([]);
  });

  test('an NFD file matches like NFC', async () => {
    const rows = goodRows({ CCB_KN: 7 }).map((r) => ({ ...r, label: r.label.normalize('NFD') }));
    const files = (await threeGoodUnits()).filter(([n]) => n !== 'yen-binh.xlsx');
    const r = await check([...files, ['nfd.xlsx', await unitFile('ĐẢNG ỦY XÃ YÊN BÌNH'.normalize('NFD'), rows)]]);
    const row = r.rows.find((x) => x.unit === 'Xã Yên Bình')!;
    expect(row.report?.file).toBe('nfd.xlsx');
    expect(row.figures.get('CCB_KN')).toMatchObject({ status: 'ok', value: 7 });
    expect(r.findings.filter((f) => f.kind === 'unmapped-row')).toEqual([]);
  });

  test('a stated rate typed ten times too small is inconsistent; correct ones in any form are not', async () => {
    const withRate = (value: number | string, numFmt?: string) => {
      const rows = goodRows({ GDVH_DK: 990 });
      rows.splice(3, 0, { stt: 3, label: 'Tỷ lệ hộ đăng ký gia đình văn hóa', uom: '%', value });
      const sheet = reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows });
      if (numFmt) sheet.numFmts = { E12: numFmt };
      return xlsx([sheet]);
    };
    const others = (await threeGoodUnits()).slice(1);
    const wrong = await check([['hl.xlsx', await withRate(9.9)], ...others]);
    const bad = wrong.findings.filter((f) => f.kind === 'inconsistent');
    expect(bad.map(brief)).toEqual(['Phường Hòa Lạc TL_GDVH inconsistent']);
    expect(bad[0].cell).toBe('E12');
    expect(bad[0].message).toContain('99%');
    expect(bad[0].message).toContain('gõ thiếu');
    for (const [value, fmt] of [[99, undefined], [0.99, '0.00%'], ['99,0%', undefined], ['99%', undefined]] as Array<[number | string, string | undefined]>) {
      const ok = await check([['hl.xlsx', await withRate(value, fmt)], ...others]);
      expect([value, ok.findings.filter((f) => f.kind === 'inconsistent').map(brief)]).toEqual([value, []]);
    }
  });

  test('the unit-per-row layout: units found, a wrong "Tổng cộng" row flagged and never counted', async () => {
    const sheet = {
      name: 'HND',
      rows: [
        ['HỘI NÔNG DÂN THỊ XÃ HÒA BÌNH'],
        ['BẢNG TỔNG HỢP HỘI VIÊN NĂM 2023'],
        [],
        ['STT', 'Đơn vị', 'Hội Nông dân', null, 'Hội Cựu chiến binh', null],
        ['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới', 'Tổng số hội viên', 'Kết nạp hội viên mới'],
        [1, 'P. Hòa Lạc', 500, 40, 100, 5],
        [2, 'Phường Tân Thành', 400, 30, 90, 4],
        [3, 'Yên Bình', 300, 20, 80, 3],
        [null, 'Tổng cộng', 1200, 95, 270, 12],
        [],
        ['NGƯỜI LẬP BIỂU'],
      ],
      merges: ['C4:D4', 'E4:F4', 'A4:A5', 'B4:B5'],
    };
    const r = await check([['hnd.xlsx', await xlsx([sheet])]]);
    expect(r.submissions.map((s) => [s.unit, s.layout])).toEqual([
      ['Phường Hòa Lạc', 'unit-per-row'],
      ['Phường Tân Thành', 'unit-per-row'],
      ['Xã Yên Bình', 'unit-per-row'],
    ]);
    const total = r.findings.filter((f) => f.kind === 'inconsistent');
    expect(total.map((f) => [f.indicator, f.cell, f.actual, f.expected])).toEqual([['HND_KN', 'D9', 95, 90]]);
    const json = toResultJson(r);
    expect(json.totals).toMatchObject({ HND_HV: 1200, HND_KN: 90, CCB_HV: 270, CCB_KN: 12 });
    // An association's table covers its own indicators only: none of its other rows is "missing";
    // but a target each unit is held to and no report of the unit gives is said, unit by unit
    // ("Mô hình mới" is held to wards only, "Số cuộc đối thoại" to every unit).
    expect(r.findings.filter((f) => f.kind === 'missing-value').map((f) => [f.unit, f.indicator, f.severity])).toEqual([
      ['Phường Hòa Lạc', 'MOHINH', 'warning'],
      ['Phường Hòa Lạc', 'DOI_THOAI', 'warning'],
      ['Phường Tân Thành', 'MOHINH', 'warning'],
      ['Phường Tân Thành', 'DOI_THOAI', 'warning'],
      ['Xã Yên Bình', 'DOI_THOAI', 'warning'],
    ]);
    expect(r.units.map((u) => u.status)).not.toContain('ok');
    expect(r.findings.filter((f) => f.kind === 'shortfall').map(brief)).toEqual(['* HND_KN shortfall']);
  });

  test('a report naming no roster unit is checked, flagged, and left out of the totals; a silent unit is missing', async () => {
    const files = (await threeGoodUnits()).slice(0, 2);
    const stranger = await unitFile('ĐẢNG ỦY XÃ ĐÂU ĐÓ', goodRows(), { sheetName: 'Sheet1' });
    const r = await check([...files, ['la.xlsx', stranger]]);
    expect(r.findings.filter((f) => f.kind === 'unknown-unit').map((f) => [f.unit, f.file])).toEqual([['Xã Đâu Đó', 'la.xlsx']]);
    expect(r.findings.filter((f) => f.kind === 'missing-unit').map((f) => f.unit)).toEqual(['Xã Yên Bình']);
    expect(toResultJson(r).totals.HND_HV).toBe(1000);
  });
});
