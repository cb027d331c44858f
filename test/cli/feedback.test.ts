// The office's cycle from the command line, on the bundled samples: a feedback file for each unit
// with findings and for the unit that sent nothing, each with the unit's report copied and marked;
// then a corrected report checked again with --so-sanh: exactly that finding is fixed.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { safeFileName, uniqueFileNames } from '../../src/cli/names';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const RULES = path.join(EXAMPLES, 'chi-tieu-2023.xlsx');

const run = runCli;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
  return wb;
}

interface JsonFinding {
  unit: string;
  message: string;
  file: string | null;
  sheet: string | null;
  cell: string | null;
  severity: string;
  kind: string;
  status?: string;
}

describe('feedback files (--phan-hoi)', () => {
  let dir: string;
  let json: { findings: JsonFinding[]; units: Array<{ unit: string; status: string }> };
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-fb-'));
    const res = await run(['check', '--rules', RULES, '--out', dir, '--phan-hoi', '--co-quan', 'Ban Dân vận Thị ủy Hòa Bình', path.join(EXAMPLES, 'bao-cao')]);
    expect(res.out).toContain(`Đã ghi 6 phiếu phản hồi vào ${path.join(dir, 'phan-hoi')}`);
    json = JSON.parse(await fs.readFile(path.join(dir, 'ket-qua.json'), 'utf8'));
  }, 60_000);

  test('one file per unit with a finding and per unit that sent nothing, none for a unit without any', async () => {
    const withFindings = [...new Set(json.findings.filter((f) => f.unit && f.unit !== '*').map((f) => f.unit))];
    const expected = json.units.filter((u) => withFindings.includes(u.unit) || u.status === 'missing').map((u) => `${u.unit}.xlsx`);
    expect((await fs.readdir(path.join(dir, 'phan-hoi'))).sort()).toEqual(expected.sort());
    expect(expected).toContain('Xã Minh Khai.xlsx');
    expect(expected).not.toContain('Phường Hòa Lạc.xlsx');
  });

  test("each file says whom it is for, lists every one of the unit's findings with where it is, and leaves a column for the answer", async () => {
    for (const u of ['Phường Tân Thành', 'Xã Yên Bình', 'Xã Thanh Sơn']) {
      const wb = await load(path.join(dir, 'phan-hoi', `${u}.xlsx`));
      const sheet = wb.getWorksheet('Phản hồi')!;
      const texts: string[] = [];
      sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
      expect(texts).toContain('BAN DÂN VẬN THỊ ỦY HÒA BÌNH');
      expect(texts).toContain(`Kính gửi: ${u}`);
      expect(texts).toContain('Ý kiến, giải trình của đơn vị');
      for (const f of json.findings.filter((x) => x.unit === u)) {
        expect(texts).toContain(f.message);
        if (f.cell) expect(texts).toContain(f.cell);
      }
    }
  });

  test("the unit's own report is copied beside it, values as it sent them, each flagged cell filled and noted", async () => {
    const wb = await load(path.join(dir, 'phan-hoi', 'Xã Yên Bình.xlsx'));
    const copy = wb.getWorksheet('Sheet1')!;
    const source = (await load(path.join(EXAMPLES, 'bao-cao', 'Yen Binh - bieu 01.xlsx'))).worksheets[0];
    for (const a of ['B2', 'E11', 'E18', 'E46', 'B46']) expect([a, copy.getCell(a).value]).toEqual([a, source.getCell(a).value]);
    const flagged = json.findings.filter((f) => f.unit === 'Xã Yên Bình' && f.cell && f.kind !== 'unmapped-row');
    expect(flagged.length).toBeGreaterThan(1);
    const FILL: Record<string, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
    for (const f of flagged) {
      const cell = copy.getCell(f.cell!);
      expect([f.cell, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([f.cell, FILL[f.severity]]);
      expect(String(cell.note)).toContain(f.message);
    }
    // A cell with no finding keeps its own look.
    expect((copy.getCell('E11').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(FILL.error);
  });

  test('the unit that sent nothing is asked to send its report; its file has no copy', async () => {
    const wb = await load(path.join(dir, 'phan-hoi', 'Xã Minh Khai.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phản hồi']);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('Chưa nhận được báo cáo của đơn vị. Đề nghị gửi báo cáo theo biểu mẫu.');
  });

  test("a feedback file sent back is no report: its copy of the unit's sheet is read, its \"Phản hồi\" sheet never (found by an outside tester: the sheet's quoted figures were read as the unit's)", async () => {
    const inputs = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-fb-back-'));
    for (const f of await fs.readdir(path.join(EXAMPLES, 'bao-cao'))) if (!/Yen Binh/.test(f)) await fs.copyFile(path.join(EXAMPLES, 'bao-cao', f), path.join(inputs, f));
    await fs.copyFile(path.join(dir, 'phan-hoi', 'Xã Yên Bình.xlsx'), path.join(inputs, 'Xã Yên Bình - tra loi.xlsx'));
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-fb-back-out-'));
    await run(['check', '--rules', RULES, '--out', out, inputs]);
    const back: typeof json = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    // The same findings for Yên Bình as from its own report, now placed in the returned file.
    const mine = (j: typeof json) => j.findings.filter((f) => f.unit === 'Xã Yên Bình').map((f) => [f.kind, f.cell, f.message]);
    expect(mine(back)).toEqual(mine(json));
    expect(back.findings.filter((f) => f.unit === 'Xã Yên Bình').every((f) => f.sheet === 'Sheet1')).toBe(true);
    // Only the "Phản hồi" sheet: the file is named unreadable, with why; no figure is taken from it.
    const wb = await load(path.join(dir, 'phan-hoi', 'Xã Yên Bình.xlsx'));
    wb.removeWorksheet(wb.getWorksheet('Sheet1')!.id);
    await wb.xlsx.writeFile(path.join(inputs, 'Xã Yên Bình - tra loi.xlsx'));
    await run(['check', '--rules', RULES, '--out', out, inputs]);
    const only: typeof json = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    expect(only.units.find((u) => u.unit === 'Xã Yên Bình')!.status).toBe('unreadable');
    expect(only.findings.filter((f) => f.unit === 'Xã Yên Bình').map((f) => f.message)).toEqual([
      'Tệp "Xã Yên Bình - tra loi.xlsx" chỉ có phiếu phản hồi do cơ quan gửi (trang "Phản hồi"), không có báo cáo: không lấy số liệu từ phiếu. Ý kiến, giải trình ghi trên phiếu cần được đọc riêng; nếu có sửa số liệu, đề nghị đơn vị gửi lại cả báo cáo.',
    ]);
  });

  const soffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore' });
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (!soffice) process.stdout.write('feedback.test: LibreOffice (soffice) or pdftotext is not installed here: the PDF conversion test is skipped.\n');
  (soffice ? test : test.skip)('converted to PDF by LibreOffice, the feedback file prints its findings', async () => {
    const pdfDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-pdf-'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${pdfDir}/profile`, '--convert-to', 'pdf', '--outdir', pdfDir, path.join(dir, 'phan-hoi', 'Xã Yên Bình.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync('pdftotext', ['-raw', path.join(pdfDir, 'Xã Yên Bình.pdf'), '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Kính gửi: Xã Yên Bình');
    expect(text).toContain('PHIẾU PHẢN HỒI KẾT QUẢ KIỂM TRA BÁO CÁO');
    for (const f of json.findings.filter((x) => x.unit === 'Xã Yên Bình')) expect(text).toContain(f.message.slice(0, 30).replace(/\s+/g, ' '));
  }, 180_000);
});

describe('feedback for reports ExcelJS cannot open (found by an outside tester: the whole run stopped with an English error)', () => {
  test('a report saved as .xls, and one saved by openpyxl with a note, each get their copy, flagged; the run goes on', async () => {
    const inputs = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-fb-in-'));
    for (const f of await fs.readdir(path.join(EXAMPLES, 'bao-cao'))) {
      if (!/Tan Thanh|Yen Binh/.test(f)) await fs.copyFile(path.join(EXAMPLES, 'bao-cao', f), path.join(inputs, f));
    }
    const CONVERTED = path.join(__dirname, '..', 'fixtures', 'converted', 'libreoffice-xls');
    await fs.copyFile(path.join(CONVERTED, 'bao cao dan van nam 2023 - Tan Thanh.xls'), path.join(inputs, 'bao cao dan van nam 2023 - Tan Thanh.xls'));
    await fs.copyFile(path.join(__dirname, '..', 'fixtures', 'feedback', 'yen-binh-openpyxl-note.xlsx'), path.join(inputs, 'Yen Binh - bieu 01.xlsx'));
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-fb-out-'));
    const res = await run(['check', '--rules', RULES, '--out', out, '--phan-hoi', inputs]);
    expect(res.code).toBe(1);
    const result: { findings: JsonFinding[] } = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    for (const [unit, sheet] of [
      ['Phường Tân Thành', 'Biểu 01'],
      ['Xã Yên Bình', 'Sheet1'],
    ]) {
      const wb = await load(path.join(out, 'phan-hoi', `${unit}.xlsx`));
      expect([unit, wb.worksheets.map((w) => w.name)]).toEqual([unit, ['Phản hồi', sheet]]);
      const copy = wb.getWorksheet(sheet)!;
      const flagged = result.findings.filter((f) => f.unit === unit && f.cell && f.sheet === sheet && f.kind !== 'unmapped-row');
      expect(flagged.length).toBeGreaterThan(0);
      for (const f of flagged) {
        const cell = copy.getCell(f.cell!);
        expect([unit, f.cell, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([unit, f.cell, { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' }[f.severity]]);
        expect(String(cell.note)).toContain(f.message);
      }
    }
    // The .xls copy holds the unit's values as the check read them.
    const tt = (await load(path.join(out, 'phan-hoi', 'Phường Tân Thành.xlsx'))).getWorksheet('Biểu 01')!;
    const texts: string[] = [];
    tt.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join(' ')).toMatch(/TÂN THÀNH/i);
  }, 60_000);
});

test("a unit read from a row of an association's table gets that row, never the other units' (found by an outside tester)", async () => {
  const inputs = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-fb-table-'));
  for (const f of await fs.readdir(path.join(EXAMPLES, 'bao-cao'))) await fs.copyFile(path.join(EXAMPLES, 'bao-cao', f), path.join(inputs, f));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hội Nông dân');
  ws.addRow(['BẢNG TỔNG HỢP HỘI VIÊN HỘI NÔNG DÂN NĂM 2023']);
  ws.addRow(['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới']);
  ws.addRow([1, 'Phường Hòa Lạc', 512, 41]);
  ws.addRow([2, 'Xã Minh Khai', 377, 23]);
  ws.addRow([3, 'Xã Phú Thịnh', 688, 51]);
  await wb.xlsx.writeFile(path.join(inputs, 'HoiNongDan_tonghop_2023.xlsx'));
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-fb-table-out-'));
  await run(['check', '--rules', RULES, '--out', out, '--phan-hoi', inputs]);
  const fb = await load(path.join(out, 'phan-hoi', 'Xã Minh Khai.xlsx'));
  expect(fb.worksheets.map((w) => w.name)).toEqual(['Phản hồi', 'Hội Nông dân']);
  const texts: string[] = [];
  fb.getWorksheet('Phản hồi')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toContain('Số liệu của đơn vị lấy từ bảng tổng hợp: tệp "HoiNongDan_tonghop_2023.xlsx", trang "Hội Nông dân", dòng 4.');
  const copy = fb.getWorksheet('Hội Nông dân')!;
  const values = (r: number) => [1, 2, 3, 4].map((c) => copy.getCell(r, c).value);
  expect(values(4)).toEqual([2, 'Xã Minh Khai', 377, 23]);
  expect(values(3)).toEqual([null, null, null, null]);
  expect(values(5)).toEqual([null, null, null, null]);
  expect(values(2)).toEqual(['STT', 'Đơn vị', 'Tổng số hội viên', 'Kết nạp hội viên mới']);
}, 60_000);

describe('safe file names', () => {
  test.each<[string, string]>([
    ['Phường Tân Thành', 'Phường Tân Thành'],
    ['Phường 1/2', 'Phường 1-2'],
    ['a:b*c?"d"<e>|f', 'a-b-c--d--e--f'],
    // Never a path: separators become dashes.
    ['..\\..\\etc', '-..-etc'],
    ['../x', '-x'],
    ['Xã Yên Bình. ', 'Xã Yên Bình'],
    ['CON', '_CON'],
    ['lpt1', '_lpt1'],
    ['', 'don-vi'],
    ['Phường Tân Thạnh'.normalize('NFD'), 'Phường Tân Thạnh'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  test('long names are cut, and names that come out the same are told apart', () => {
    expect(safeFileName('x'.repeat(300))).toHaveLength(100);
    expect(uniqueFileNames(['Phường 1', 'phường 1', 'Phường 1 ', 'Phường 1/'], '.xlsx')).toEqual(['Phường 1.xlsx', 'phường 1 (2).xlsx', 'Phường 1 (3).xlsx', 'Phường 1-.xlsx']);
  });
});

describe('what changed since the last check (--so-sanh)', () => {
  test('after one sample report is corrected, exactly that finding is fixed and only its figures change', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-cmp-'));
    const reports = path.join(root, 'bao-cao');
    await fs.mkdir(reports);
    for (const f of await fs.readdir(path.join(EXAMPLES, 'bao-cao'))) await fs.copyFile(path.join(EXAMPLES, 'bao-cao', f), path.join(reports, f));
    const out = path.join(root, 'out');
    const first = await run(['check', '--rules', RULES, '--out', out, '--quiet', reports]);
    expect(first.code).toBe(1);
    const before = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    const target = before.findings.find((f: JsonFinding & { indicator: string }) => f.unit === 'Phường Tân Thành' && f.indicator === 'GIAM_SAT');
    expect(target).toMatchObject({ kind: 'shortfall', cell: 'E22' });

    // Tân Thành corrects its supervision count and sends the report again.
    const name = 'bao cao dan van nam 2023 - Tan Thanh.xlsx';
    const wb = await load(path.join(reports, name));
    const was = wb.worksheets[0].getCell('E22').value;
    wb.worksheets[0].getCell('E22').value = 1;
    await wb.xlsx.writeFile(path.join(reports, name));

    // The earlier ket-qua.json is in the output folder the new check writes to.
    const second = await run(['check', '--rules', RULES, '--out', out, '--so-sanh', path.join(out, 'ket-qua.json'), reports]);
    const after = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    const c = after.changes;
    expect(c.findings.fixed.map((f: JsonFinding & { indicator: string }) => [f.unit, f.indicator, f.kind])).toEqual([['Phường Tân Thành', 'GIAM_SAT', 'shortfall']]);
    expect(c.findings.new).toEqual([]);
    expect(c.findings.accepted).toEqual([]);
    const openBefore = before.findings.filter((f: JsonFinding) => f.severity !== 'info').length;
    expect(c.findings.open).toBe(openBefore - 1);
    expect(c.units).toEqual({ newlySent: [], newlyReadable: [], noLongerRead: [] });
    const total = (j: { totals: Record<string, number> }) => j.totals.GIAM_SAT;
    expect(c.figures).toEqual([
      { unit: 'Phường Tân Thành', indicator: 'GIAM_SAT', before: Number(was), after: 1 },
      { unit: '*', indicator: 'GIAM_SAT', before: total(before), after: total(after) },
    ]);
    expect(total(after)).toBe(total(before) + 1 - Number(was));
    expect(second.out).toContain('So với lần kiểm tra trước (ket-qua.json): 0 phát hiện mới, 1 đã sửa, 0 đã chấp nhận giải trình');
    expect(second.out).toContain(target.message);
    // And a "Thay đổi" sheet in the rollup.
    const rollup = await load(path.join(out, 'tong-hop.xlsx'));
    const changes = rollup.getWorksheet('Thay đổi')!;
    const texts: string[] = [];
    changes.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Đã sửa (1)');
    expect(texts).toContain(target.message);
  }, 60_000);

  test('a file that is not an earlier result: a message, and the check goes on without comparing', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-cmp-'));
    await fs.writeFile(path.join(root, 'cu.json'), '{"x": 1}');
    const res = await run(['check', '--rules', RULES, '--out', path.join(root, 'out'), '--so-sanh', path.join(root, 'cu.json'), path.join(EXAMPLES, 'bao-cao')]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('Tệp "cu.json" không phải kết quả kiểm tra (ket-qua.json) của chương trình này: thiếu danh sách "findings". Vẫn kiểm tra như thường');
    const json = JSON.parse(await fs.readFile(path.join(root, 'out', 'ket-qua.json'), 'utf8'));
    expect(json.changes).toBeUndefined();
  });
});
