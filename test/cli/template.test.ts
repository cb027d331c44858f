// `chitieu mau`: a template per roster unit (or one for any unit), protected, with data validation
// and a hidden code column; filled in code and checked, every figure lands on its indicator (the
// names repeat across sections: "Tổng số hội viên" of two associations), no row is unmapped, and
// the findings are the ones the figures typed call for.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { CheckSession, planOutput, readRules } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { BASE_INDICATORS, IndicatorSpec, rulesWorkbook } from '../helpers/build';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const INDICATORS: IndicatorSpec[] = [...BASE_INDICATORS, { code: 'VON', section: 'Hội Nông dân', name: 'Vốn vay giải ngân', uom: 'triệu đồng' }];

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-mau-'));

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet('Báo cáo')!;
}

/** Rows by the code in the hidden column H. */
function rowsByCode(ws: ExcelJS.Worksheet): Map<string, number> {
  const m = new Map<string, number>();
  ws.eachRow((row, r) => {
    const v = row.getCell(8).value;
    if (typeof v === 'string' && r > 5) m.set(v, r);
  });
  return m;
}

type Figures = Record<string, number | null>;

/** A template filled as a unit would: Thực hiện (E), and Kế hoạch (D) and Cùng kỳ (F) where given. */
async function fill(template: string, out: string, value: Figures, plan: Figures = {}, lastYear: Figures = {}, unitName?: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('Báo cáo')!;
  for (const [code, r] of rowsByCode(ws)) {
    if (value[code] !== undefined && value[code] !== null) ws.getCell(r, 5).value = value[code];
    if (plan[code] !== undefined) ws.getCell(r, 4).value = plan[code];
    if (lastYear[code] !== undefined) ws.getCell(r, 6).value = lastYear[code];
  }
  if (unitName) ws.getCell('A2').value = unitName;
  await wb.xlsx.writeFile(out);
}

describe('chitieu mau on the samples\' rules', () => {
  let dir: string;
  let res: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    dir = await tmp();
    res = await run(['mau', '--rules', path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), '--out', path.join(dir, 'mau'), '--co-quan', 'Ban Dân vận Thị ủy Hòa Bình']);
  });

  test('one file per roster unit, named after it', async () => {
    expect(res.code).toBe(0);
    expect(res.out).toContain('Đã ghi 7 biểu mẫu (Năm 2023)');
    const units = ['Phường Hòa Lạc', 'Phường Tân Thành', 'Phường Đồng Tâm', 'Xã Yên Bình', 'Xã Phú Thịnh', 'Xã Thanh Sơn', 'Xã Minh Khai'];
    expect((await fs.readdir(path.join(dir, 'mau'))).sort()).toEqual([...units.map((u) => `${u}.xlsx`), 'bieu-mau.json'].sort());
    // The list the next run goes by: which file is whose.
    const list = JSON.parse(await fs.readFile(path.join(dir, 'mau', 'bieu-mau.json'), 'utf8'));
    expect(list.period).toBe('Năm 2023');
    expect(list.files.map((f: { unit: string }) => f.unit)).toEqual(units);
  });

  test('heading, unit, period, sections with units of measure, the four columns', async () => {
    const ws = await sheetOf(path.join(dir, 'mau', 'Xã Yên Bình.xlsx'));
    expect(ws.getCell('A1').value).toBe('BAN DÂN VẬN THỊ ỦY HÒA BÌNH');
    expect(ws.getCell('A2').value).toBe('Xã Yên Bình');
    expect(ws.getCell('A3').value).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU – NĂM 2023');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(5, c).value)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện', 'Cùng kỳ năm trước', 'Ghi chú']);
    const rows = rowsByCode(ws);
    expect(rows.size).toBe(35);
    // Each association's "Tổng số hội viên" under its own section row.
    const sectionAbove = (r: number) => {
      for (let x = r - 1; x > 5; x--) if (!ws.getCell(x, 8).value) return ws.getCell(x, 2).value;
      return null;
    };
    expect(ws.getCell(rows.get('HND_HV')!, 2).value).toBe('Tổng số hội viên');
    expect(sectionAbove(rows.get('HND_HV')!)).toBe('Hội Nông dân');
    expect(sectionAbove(rows.get('CCB_HV')!)).toBe('Hội Cựu chiến binh');
    expect(ws.getCell(rows.get('SO_HO')!, 3).value).toBe('hộ');
    expect(ws.getCell(rows.get('TL_GDVH')!, 3).value).toBe('%');
  });

  test('protected without a password: labels locked, figure and note cells open, the code column hidden', async () => {
    const ws = await sheetOf(path.join(dir, 'mau', 'Xã Yên Bình.xlsx'));
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();
    const r = rowsByCode(ws).get('HND_KN')!;
    for (const c of [4, 5, 6, 7]) expect(ws.getCell(r, c).protection).toMatchObject({ locked: false });
    for (const c of [1, 2, 3, 8]) expect(ws.getCell(r, c).protection?.locked).not.toBe(false);
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    expect(ws.getColumn(8).hidden).toBe(true);
    expect(ws.getCell(5, 8).value).toBe('Mã chỉ tiêu (chitieu)');
  });

  test('data validation: whole numbers ≥ 0 for counts; a rate is computed from its parts, locked', async () => {
    const ws = await sheetOf(path.join(dir, 'mau', 'Xã Yên Bình.xlsx'));
    const rows = rowsByCode(ws);
    const count = ws.getCell(rows.get('HND_KN')!, 5).dataValidation;
    expect(count).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true });
    // "Phụ nữ: PN_HV / PN_DT", in each figure column over the parts' rows of that column.
    const [r, hv, dt] = ['TL_PN', 'PN_HV', 'PN_DT'].map((c) => rows.get(c)!);
    for (const [c, col] of [[4, 'D'], [5, 'E'], [6, 'F']] as const) {
      const cell = ws.getCell(r, c);
      expect(cell.formula).toBe(`IF(${col}${hv}="","",IF(${col}${dt}="","",IF(${col}${dt}=0,"",(${col}${hv}/${col}${dt})*100)))`);
      expect(cell.protection?.locked).not.toBe(false);
      expect(cell.dataValidation).toBeUndefined();
    }
  });
});

describe('templates filled in code and checked', () => {
  // Only figures are typed: the rate TL_GDVH (GDVH_DK / SO_HO) is the template's own formula.
  const BASE: Figures = { SO_HO: 1000, GDVH_DK: 990, MOHINH: 3, HND_HV: 500, HND_KN: 40, VON: 12.5, CCB_HV: 200, CCB_KN: 5, DOI_THOAI: 12 };
  const typed: Record<string, Figures> = {
    'Phường Hòa Lạc': BASE,
    // Registered families over the households: cross check K1 fails; one model short of "ít nhất 2".
    'Phường Tân Thành': { ...BASE, GDVH_DK: 1100, MOHINH: 1 },
    // No dialogue figure typed, nor the registered families (a part of the rate); a loan figure
    // with a fraction, allowed in "triệu đồng".
    'Xã Yên Bình': { ...BASE, DOI_THOAI: null, GDVH_DK: null, VON: 7.25 },
  };
  let dir: string;
  let json: { units: Array<{ unit: string; figures: Record<string, number> }>; findings: Array<{ unit: string; kind: string; indicator: string | null; check: string | null; severity: string; against?: string; message: string }> };
  let code: number;

  beforeAll(async () => {
    dir = await tmp();
    const rules = path.join(dir, 'chi-tieu.xlsx');
    await fs.writeFile(rules, await rulesWorkbook({ indicators: INDICATORS }));
    expect((await run(['mau', '--rules', rules, '--out', path.join(dir, 'mau')])).code).toBe(0);
    await fs.mkdir(path.join(dir, 'bao-cao'));
    // Saved under names that say nothing of the unit: it is read from the template's own line.
    let i = 0;
    for (const [unit, figures] of Object.entries(typed)) {
      const plan: Figures = unit === 'Phường Hòa Lạc' ? { CCB_HV: 250 } : {};
      await fill(path.join(dir, 'mau', `${unit}.xlsx`), path.join(dir, 'bao-cao', `bao-cao-${++i}.xlsx`), figures, plan, { HND_KN: 35 });
    }
    const r = await run(['check', '--quiet', '--rules', rules, '--out', path.join(dir, 'out'), path.join(dir, 'bao-cao')]);
    code = r.code;
    json = JSON.parse(await fs.readFile(path.join(dir, 'out', 'ket-qua.json'), 'utf8'));
  });

  test('every typed figure lands on its indicator for its unit', () => {
    expect(code).toBe(1);
    for (const [unit, figures] of Object.entries(typed)) {
      const got = json.units.find((u) => u.unit === unit)!.figures;
      for (const [c, v] of Object.entries(figures)) {
        if (v === null) expect(got[c]).toBeUndefined();
        // A rate is typed in percent points and kept as a fraction.
        else expect(got[c]).toBeCloseTo(v, 10);
      }
    }
  });

  test("the rate left to the template's formula is read from it, and not asked of the unit", () => {
    const rate = (unit: string) => json.units.find((u) => u.unit === unit)!.figures.TL_GDVH;
    expect(rate('Phường Hòa Lạc')).toBeCloseTo(990 / 1000, 10);
    expect(rate('Phường Tân Thành')).toBeCloseTo(1100 / 1000, 10);
    // Its part blank: the rate cannot be computed, and the finding says which part is missing.
    expect(rate('Xã Yên Bình')).toBeUndefined();
    const rateFindings = json.findings.filter((f) => f.indicator === 'TL_GDVH' && f.kind === 'missing-value');
    expect(rateFindings.map((f) => f.unit)).toEqual(['Xã Yên Bình']);
    expect(rateFindings[0].message).toContain('thiếu "Mặt trận Tổ quốc – Số hộ đăng ký gia đình văn hóa"');
  });

  test('no unmapped row, and exactly the findings the figures call for', () => {
    expect(json.findings.filter((f) => f.kind === 'unmapped-row')).toEqual([]);
    const shown = json.findings
      .filter((f) => f.severity !== 'info' || f.kind === 'exceeded')
      // A rate over 100% follows from the failed cross check, and may be said as well.
      .filter((f) => !(f.unit === 'Phường Tân Thành' && f.indicator === 'TL_GDVH'))
      .map((f) => `${f.unit} | ${f.kind} | ${f.check ?? f.indicator}${f.against === 'plan' ? ' | plan' : ''}`)
      .sort();
    expect(shown).toEqual(
      [
        'Phường Hòa Lạc | shortfall | CCB_HV | plan',
        'Phường Tân Thành | inconsistent | K1',
        'Phường Tân Thành | shortfall | MOHINH',
        'Xã Yên Bình | missing-value | DOI_THOAI',
        'Xã Yên Bình | missing-value | GDVH_DK',
        'Xã Yên Bình | missing-value | TL_GDVH',
      ].sort(),
    );
  });

  test('the plan and the same period last year land on their row as well', async () => {
    const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(dir, 'chi-tieu.xlsx')), 'chi-tieu.xlsx'));
    const session = new CheckSession(rules, problems);
    session.addWorkbook(await readWorkbookBuffer(await fs.readFile(path.join(dir, 'bao-cao', 'bao-cao-1.xlsx')), 'bao-cao-1.xlsx'));
    const report = session.finish().rows.find((r) => r.unit === 'Phường Hòa Lạc')!.report!;
    const reading = (v: { reading: unknown } | undefined) => v?.reading;
    expect(reading(report.entries.get('CCB_HV')!.plan)).toMatchObject({ kind: 'number', value: 250 });
    expect(reading(report.entries.get('HND_KN')!.lastYear)).toMatchObject({ kind: 'number', value: 35 });
    expect(reading(report.entries.get('CCB_KN')!.lastYear)).toMatchObject({ kind: 'blank' });
    expect(report.identity.evidence).toMatchObject({ source: 'header', text: 'Phường Hòa Lạc', cell: 'A2' });
  });

  test('rows are read by the hidden code, not by their names: a renamed row still lands, and a name that is another indicator\'s is said', async () => {
    const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(dir, 'chi-tieu.xlsx')), 'chi-tieu.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'bao-cao', 'bao-cao-1.xlsx'));
    const ws = wb.getWorksheet('Báo cáo')!;
    const rows = rowsByCode(ws);
    // Names no indicator has, or another indicator's: by name they would be unmapped or mixed up.
    ws.getCell(rows.get('HND_HV')!, 2).value = 'Dòng đã đổi tên';
    ws.getCell(rows.get('CCB_HV')!, 2).value = 'Kết nạp hội viên mới';
    const session = new CheckSession(rules, problems);
    session.addWorkbook(await readWorkbookBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'doi-ten.xlsx'));
    const result = session.finish();
    const row = result.rows.find((r) => r.unit === 'Phường Hòa Lạc')!;
    expect(row.figures.get('HND_HV')).toMatchObject({ status: 'ok', value: 500 });
    expect(row.figures.get('CCB_HV')).toMatchObject({ status: 'ok', value: 200 });
    expect(row.figures.get('CCB_KN')).toMatchObject({ status: 'ok', value: 5 });
    // A name no indicator has is a row renamed: nothing to say. A name that is another
    // indicator's contradicts the code: a warning says which was used and why.
    const said = result.findings.filter((f) => f.kind === 'unmapped-row');
    const r = rows.get('CCB_HV')!;
    expect(said).toEqual([
      expect.objectContaining({ severity: 'warning', unit: 'Phường Hòa Lạc', indicator: 'CCB_HV', file: 'doi-ten.xlsx', sheet: 'Báo cáo', cell: `B${r}`, actual: 'Kết nạp hội viên mới' }),
    ]);
    expect(said[0].message).toBe(
      `Dòng ${r} ghi tên "Kết nạp hội viên mới" (chỉ tiêu CCB_KN: Hội Cựu chiến binh – Kết nạp hội viên mới) nhưng cột ẩn "Mã chỉ tiêu (chitieu)" của biểu mẫu ghi mã CCB_HV (Hội Cựu chiến binh – Tổng số hội viên). ` +
        `Đã tính số liệu của dòng cho CCB_HV theo mã, vì mã do biểu mẫu ghi sẵn còn tên dòng có thể đã bị sửa; nếu số liệu là của "Hội Cựu chiến binh – Kết nạp hội viên mới", chuyển sang đúng dòng rồi gửi lại (ô tên B${r}, ô mã H${r}).`,
    );
    // Its label cell is marked on the unit's sheet, as other warnings are.
    expect(planOutput(result).flags).toContainEqual(expect.objectContaining({ file: 'doi-ten.xlsx', sheet: 'Báo cáo', cell: `B${r}`, severity: 'warning' }));
  });

  test('cells inserted with "shift down" in the label and figure columns only: the codes are out of step, so the labels decide, and that is said (found by an outside tester: 19 figures went to the wrong codes)', async () => {
    const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(dir, 'chi-tieu.xlsx')), 'chi-tieu.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'bao-cao', 'bao-cao-1.xlsx'));
    const ws = wb.getWorksheet('Báo cáo')!;
    const rows = rowsByCode(ws);
    const from = rows.get('HND_HV')!;
    const last = Math.max(...rows.values());
    ws.unprotect();
    ws.unMergeCells(`A${last + 1}:G${last + 12}`);
    for (let r = last + 1; r > from; r--) for (let c = 1; c <= 7; c++) ws.getCell(r, c).value = ws.getCell(r - 1, c).value;
    for (let c = 1; c <= 7; c++) ws.getCell(from, c).value = null;
    ws.getCell(from, 2).value = 'Số hộ nghèo';
    ws.getCell(from, 5).value = 12;
    const session = new CheckSession(rules, problems);
    session.addWorkbook(await readWorkbookBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'chen-o.xlsx'));
    const result = session.finish();
    const row = result.rows.find((r) => r.unit === 'Phường Hòa Lạc')!;
    for (const [code, v] of Object.entries({ HND_HV: 500, HND_KN: 40, CCB_HV: 200, CCB_KN: 5, DOI_THOAI: 12, VON: 12.5 })) expect([code, row.figures.get(code)]).toEqual([code, expect.objectContaining({ status: 'ok', value: v })]);
    const said = result.findings.filter((f) => f.kind === 'unmapped-row' && f.severity === 'warning');
    expect(said.map((f) => f.cell)).toEqual([`H${from + 1}`]);
    expect(said[0].message).toMatch(/^Cột ẩn "Mã chỉ tiêu \(chitieu\)" của biểu mẫu không khớp tên dòng ở \d+ dòng .*Đã đọc mỗi dòng theo tên dòng, không theo mã/);
  });

  test('whole rows moved, codes with them, under other sections: the codes still decide (an outside tester\'s case that the rule above must not catch)', async () => {
    const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(dir, 'chi-tieu.xlsx')), 'chi-tieu.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'bao-cao', 'bao-cao-1.xlsx'));
    const ws = wb.getWorksheet('Báo cáo')!;
    const rows = rowsByCode(ws);
    const [a, b] = [rows.get('HND_HV')!, rows.get('CCB_HV')!];
    for (let c = 1; c <= 8; c++) {
      const t = ws.getCell(a, c).value;
      ws.getCell(a, c).value = ws.getCell(b, c).value;
      ws.getCell(b, c).value = t;
    }
    const session = new CheckSession(rules, problems);
    session.addWorkbook(await readWorkbookBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'doi-hang.xlsx'));
    const result = session.finish();
    const row = result.rows.find((r) => r.unit === 'Phường Hòa Lạc')!;
    expect([row.figures.get('HND_HV'), row.figures.get('CCB_HV')]).toEqual([expect.objectContaining({ value: 500 }), expect.objectContaining({ value: 200 })]);
    expect(result.findings.filter((f) => f.kind === 'unmapped-row').map((f) => f.cell).sort()).toEqual([`B${a}`, `B${b}`].sort());
  });

  test('a decimal unit of measure takes decimals; a count takes whole numbers', async () => {
    const ws = await sheetOf(path.join(dir, 'mau', 'Xã Yên Bình.xlsx'));
    const rows = rowsByCode(ws);
    expect(ws.getCell(rows.get('VON')!, 5).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell(rows.get('SO_HO')!, 5).dataValidation).toMatchObject({ type: 'whole' });
  });
});

describe('without a roster', () => {
  test('one template for any unit: the unit types its name in the one open cell above the table', async () => {
    const dir = await tmp();
    const rules = path.join(dir, 'chi-tieu.xlsx');
    await fs.writeFile(rules, await rulesWorkbook({ indicators: INDICATORS, roster: [] }));
    const r = await run(['mau', '--rules', rules, '--out', path.join(dir, 'mau')]);
    expect(r.code).toBe(0);
    expect((await fs.readdir(path.join(dir, 'mau'))).sort()).toEqual(['bieu-mau.json', 'bieu-mau.xlsx']);
    const ws = await sheetOf(path.join(dir, 'mau', 'bieu-mau.xlsx'));
    expect(ws.getCell('A2').value).toBeNull();
    expect(ws.getCell('A2').protection).toMatchObject({ locked: false });
    await fs.mkdir(path.join(dir, 'bao-cao'));
    await fill(path.join(dir, 'mau', 'bieu-mau.xlsx'), path.join(dir, 'bao-cao', 'a.xlsx'), { SO_HO: 10, GDVH_DK: 9, TL_GDVH: 90 }, {}, {}, 'Phường Kim Tân');
    const c = await run(['check', '--quiet', '--rules', rules, '--out', path.join(dir, 'out'), path.join(dir, 'bao-cao')]);
    expect(c.code).toBeLessThan(2);
    const json = JSON.parse(await fs.readFile(path.join(dir, 'out', 'ket-qua.json'), 'utf8'));
    expect(json.units.map((u: { unit: string }) => u.unit)).toEqual(['Phường Kim Tân']);
    expect(json.units[0].figures).toMatchObject({ SO_HO: 10, GDVH_DK: 9 });
    expect(json.findings.filter((f: { kind: string }) => f.kind === 'unmapped-row')).toEqual([]);
  });

  test("a second run replaces the templates whole; the office's own file in the folder stays", async () => {
    const dir = await tmp();
    const rules = path.join(dir, 'chi-tieu.xlsx');
    const out = path.join(dir, 'mau');
    await fs.writeFile(rules, await rulesWorkbook({ indicators: INDICATORS }));
    expect((await run(['mau', '--rules', rules, '--out', out])).code).toBe(0);
    // The roster shrinks to one unit: the folder holds only our files, so it is swapped whole.
    await fs.writeFile(rules, await rulesWorkbook({ indicators: INDICATORS, roster: [['Xã Yên Bình', '', 'Xã']] }));
    expect((await run(['mau', '--rules', rules, '--out', out])).code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['bieu-mau.json', 'Xã Yên Bình.xlsx'].sort());
    // With a file of the office's own beside them, the folder is not swapped: templates are
    // replaced one by one, and a unit that left the roster loses its old template.
    await fs.writeFile(path.join(out, 'ghi-chu.txt'), 'của văn phòng');
    await fs.writeFile(rules, await rulesWorkbook({ indicators: INDICATORS, roster: [['Phường Hòa Lạc', '', 'Phường']] }));
    expect((await run(['mau', '--rules', rules, '--out', out, '--co-quan', 'Ban Dân vận'])).code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['bieu-mau.json', 'ghi-chu.txt', 'Phường Hòa Lạc.xlsx'].sort());
    expect((await sheetOf(path.join(out, 'Phường Hòa Lạc.xlsx'))).getCell('A1').value).toBe('BAN DÂN VẬN');
  });

  test('usage errors exit 2 with a message', async () => {
    expect((await run(['mau', '--out', 'x'])).err).toContain('Thiếu --rules');
    expect((await run(['mau', '--rules', 'x.xlsx'])).code).toBe(2);
    expect((await run(['mau', '--rules', 'x.xlsx', '--out', 'y', 'bao-cao'])).err).toContain('không nhận tệp báo cáo');
  });
});
