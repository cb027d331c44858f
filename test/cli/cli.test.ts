// The command line end to end on temporary folders: outputs, exit codes, and every bad input
// getting a Vietnamese message that names the file while the other files are still checked.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../helpers/cli';
import { goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

async function tmpdir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-cli-'));
}

const run = runCli;

describe('chitieu check on the bundled samples', () => {
  let dir: string;
  let res: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    dir = await tmpdir();
    res = await run(['check', '--rules', path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), '--out', dir, path.join(EXAMPLES, 'bao-cao')]);
  });

  test('exits 1 because some findings are errors, and prints the summary', () => {
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/Xã Minh Khai\s+Chưa gửi/);
    expect(res.out).toMatch(/Phường Hòa Lạc\s+Đạt\s+0\s+0/);
    expect(res.out).toContain('Toàn địa bàn chưa đạt 6 chỉ tiêu (dựa trên 6/7 đơn vị: 1 đơn vị chưa gửi):');
    expect(res.out).toContain('Tỷ lệ tập hợp thu hút hội viên đạt 84,98% (990/1.165)');
  });

  test('writes ket-qua.json with the documented fields', async () => {
    const json = JSON.parse(await fs.readFile(path.join(dir, 'ket-qua.json'), 'utf8'));
    expect(json.period).toEqual({ label: 'Năm 2023', year: 2023, months: 12 });
    expect(json.submissions).toHaveLength(6);
    expect(Object.keys(json.submissions[0]).sort()).toEqual(expect.arrayContaining(['file', 'sheet', 'unit', 'layout', 'date']));
    const keys = ['kind', 'severity', 'unit', 'indicator', 'check', 'actual', 'expected', 'file', 'sheet', 'cell', 'message'];
    for (const f of json.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(keys));
    expect(json.totals.HND_KN).toBe(217);
    expect(json.ratios.TL_CD).toBeCloseTo(2130 / 2370, 12);
    expect(await fs.readdir(dir)).toEqual(['bao-cao.docx', 'ket-qua.json', 'tong-hop.xlsx']);
  });

  test('writes bao-cao.docx: the paragraphs of the rollup\'s "Báo cáo" sheet, in order', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tong-hop.xlsx'));
    const sheet: string[] = [];
    wb.getWorksheet('Báo cáo')!.eachRow((row) => sheet.push(String(row.getCell(1).value)));
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'bao-cao.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join(''));
    expect(sheet.length).toBeGreaterThan(10);
    expect(paragraphs).toEqual(sheet);
    expect(sheet[0]).toBe('DỰ THẢO BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023');
    expect(res.out).toContain(`${path.join(dir, 'bao-cao.docx')} (dự thảo báo cáo)`);
  });

  test('writes tong-hop.xlsx: rollup with SUM formulas, rates as formulas, findings with a filter', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tong-hop.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
    const rollup = wb.getWorksheet('Tổng hợp')!;
    const names: string[] = [];
    rollup.getColumn(2).eachCell((c) => names.push(String(c.value)));
    expect(names).toEqual(expect.arrayContaining(['Phường Hòa Lạc', 'Xã Minh Khai', 'Tổng cộng']));
    const totalRow = names.indexOf('Tổng cộng');
    // Rows: the column holds title cells too, so find the row by scanning.
    let total: ExcelJS.Row | undefined;
    rollup.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total = row;
    });
    expect(totalRow).toBeGreaterThan(0);
    const codes = rollup.getRow(6).values as unknown[];
    const col = codes.indexOf('HND_KN');
    expect(col).toBeGreaterThan(0);
    expect((total!.getCell(col).value as { formula: string }).formula).toMatch(/^SUM\([A-Z]+7:[A-Z]+13\)$/);
    const rates = wb.getWorksheet('Tỷ lệ')!;
    const f = rates.getCell('C5').value as { formula: string };
    expect(f.formula).toMatch(/^IFERROR\('Tổng hợp'![A-Z]+7\/'Tổng hợp'![A-Z]+7,""\)$/);
    expect(rates.getCell('C5').numFmt).toBe('0.00%');
    const findings = wb.getWorksheet('Kết quả kiểm tra')!;
    expect(findings.autoFilter).toBeTruthy();
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(findings.rowCount).toBeGreaterThan(20);
  });

  test('cells that fall short are filled and carry a note with the message', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tong-hop.xlsx'));
    const rollup = wb.getWorksheet('Tổng hợp')!;
    const codes = rollup.getRow(6).values as unknown[];
    let thanhSon: ExcelJS.Row | undefined;
    rollup.eachRow((row) => {
      if (row.getCell(2).value === 'Xã Thanh Sơn') thanhSon = row;
    });
    const cell = thanhSon!.getCell(codes.indexOf('PN_NGHE'));
    expect(cell.value).toBe('khoảng 40');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(cell.note)).toContain('không phải số');
  });

  test('the same inputs give a byte-identical ket-qua.json and the same tong-hop.xlsx cells', async () => {
    const again = await tmpdir();
    await run(['check', '--rules', path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), '--out', again, path.join(EXAMPLES, 'bao-cao')]);
    expect(Buffer.compare(await fs.readFile(path.join(dir, 'ket-qua.json')), await fs.readFile(path.join(again, 'ket-qua.json')))).toBe(0);
    // The zip container stamps entries with the time of writing; the cells must not differ.
    const cells = async (d: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(d, 'tong-hop.xlsx'));
      const out: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(`${ws.name}!${c.address}=${JSON.stringify(c.value)}|${c.numFmt}|${JSON.stringify(c.fill)}|${JSON.stringify(c.note)}`))));
      return out;
    };
    const first = await cells(dir);
    expect(first.length).toBeGreaterThan(500);
    expect(await cells(again)).toEqual(first);
  });
});

describe('bad input', () => {
  let dir: string;
  let rules: string;
  beforeEach(async () => {
    dir = await tmpdir();
    rules = path.join(dir, 'rules.xlsx');
    await fs.writeFile(rules, await rulesWorkbook());
    await fs.mkdir(path.join(dir, 'in'));
  });
  const put = (name: string, data: Uint8Array | string) => fs.writeFile(path.join(dir, 'in', name), data);
  const good = () => xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows() })]);

  test('each bad report file gets its message and the good one is still checked', async () => {
    await put('a-good.xlsx', await good());
    await put('b-corrupt.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    await put('c-text.xlsx', 'đây không phải tệp Excel');
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await put('d-old.xls', ole);
    const locked = Buffer.from(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(locked, 600);
    await put('e-locked.xlsx', locked);
    await put('f-empty.xlsx', await xlsx([{ name: 'Sheet1', rows: [] }]));
    await put('g-notable.xlsx', await xlsx([{ name: 'Ghi chép', rows: [['Danh sách cán bộ'], ['Nguyễn Văn A', 'Chủ tịch']] }]));
    await put('h-zero.xlsx', '');
    const out = path.join(dir, 'out');
    const res = await run(['check', '--rules', rules, '--out', out, path.join(dir, 'in')]);
    expect(res.code).toBe(1);
    const json = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    const byFile = (name: string) => json.findings.filter((f: { file: string }) => f.file === name);
    const msg = (name: string) => byFile(name).map((f: { message: string }) => f.message).join(' ');
    expect(msg('b-corrupt.xlsx')).toMatch(/Tệp "b-corrupt.xlsx" bị hỏng/);
    expect(msg('c-text.xlsx')).toMatch(/Tệp "c-text.xlsx" không phải sổ tính Excel \(.xlsx, .xls\), OpenDocument \(.ods\) hay Excel nhị phân \(.xlsb\).*lưu lại dưới dạng Sổ làm việc Excel \(.xlsx\)/);
    // An Office compound file without a workbook in it: named as such, with what to do.
    expect(msg('d-old.xls')).toMatch(/Tệp "d-old.xls" là tệp Office cũ nhưng không phải sổ tính Excel\. Mở tệp trong Excel .*\(.xlsx\)/);
    expect(msg('e-locked.xlsx')).toMatch(/có mật khẩu/);
    expect(msg('f-empty.xlsx')).toMatch(/trống/);
    expect(msg('g-notable.xlsx')).toMatch(/không thấy bảng số liệu.*"Ghi chép"/);
    expect(msg('h-zero.xlsx')).toMatch(/rỗng/);
    for (const f of ['b-corrupt.xlsx', 'c-text.xlsx', 'd-old.xls', 'e-locked.xlsx', 'f-empty.xlsx', 'g-notable.xlsx', 'h-zero.xlsx']) {
      expect([f, byFile(f).map((x: { severity: string }) => x.severity)]).toEqual([f, ['error']]);
    }
    expect(json.submissions.map((s: { file: string; unit: string }) => [s.file, s.unit])).toEqual([['a-good.xlsx', 'Phường Hòa Lạc']]);
    expect(res.out).toContain('Tệp không đọc được');
    expect((await fs.readdir(out)).sort()).toEqual(['bao-cao.docx', 'ket-qua.json', 'tong-hop.xlsx']);
  });

  test('lock files and macOS companions are not reports, in a folder or named on the command line', async () => {
    await put('a-good.xlsx', await good());
    await put('._a-good.xlsx', Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]));
    await put('~$a-good.xlsx', Buffer.alloc(165, 1));
    await put('.~lock.a-good.xlsx#', 'x,máy,01.12.2026 10:00,');
    const out = path.join(dir, 'out');
    for (const inputs of [[path.join(dir, 'in')], ['a-good.xlsx', '._a-good.xlsx', '~$a-good.xlsx', '.~lock.a-good.xlsx#'].map((f) => path.join(dir, 'in', f))]) {
      const res = await run(['check', '--rules', rules, '--out', out, ...inputs]);
      const json = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
      expect(json.findings.filter((f: { kind: string }) => f.kind === 'unreadable-file')).toEqual([]);
      expect(json.submissions.map((s: { file: string }) => s.file)).toEqual(['a-good.xlsx']);
      const lines = res.out.split('\n').filter((l: string) => l.startsWith('Bỏ qua'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Bỏ qua 3 tệp không phải báo cáo .*\._a-good\.xlsx.*~\$a-good\.xlsx/);
    }
  });

  test('rules without a "Chỉ tiêu" sheet: exit 2, message names the file, nothing written', async () => {
    await fs.writeFile(rules, await rulesWorkbook({ omitTargets: true }));
    await put('a.xlsx', await good());
    const out = path.join(dir, 'out');
    const res = await run(['check', '--rules', rules, '--out', out, path.join(dir, 'in')]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/Tệp chỉ tiêu "rules.xlsx" không có trang tính "Chỉ tiêu" \(có: "Kiểm tra chéo", "Đơn vị"\)/);
    await expect(fs.access(out)).rejects.toThrow();
  });

  test('no rules file, unreadable rules, no inputs, unknown option: exit 2 with a message', async () => {
    const r1 = await run(['check', '--rules', path.join(dir, 'nope.xlsx'), '--out', dir, dir]);
    expect([r1.code, r1.err]).toEqual([2, expect.stringMatching(/Không đọc được tệp chỉ tiêu/)]);
    await fs.writeFile(path.join(dir, 'bad.xlsx'), 'xx');
    const r2 = await run(['check', '--rules', path.join(dir, 'bad.xlsx'), '--out', dir, dir]);
    expect([r2.code, r2.err]).toEqual([2, expect.stringMatching(/Tệp chỉ tiêu "bad.xlsx" không phải sổ tính Excel/)]);
    const r3 = await run(['check', '--rules', rules, '--out', path.join(dir, 'o'), path.join(dir, 'in')]);
    expect([r3.code, r3.err]).toEqual([2, expect.stringMatching(/Không có tệp báo cáo nào/)]);
    const r4 = await run(['check', '--rules', rules, '--bogus']);
    expect([r4.code, r4.err]).toEqual([2, expect.stringMatching(/Tùy chọn không biết/)]);
    const r5 = await run(['check', '--out', dir, dir]);
    expect([r5.code, r5.err]).toEqual([2, expect.stringMatching(/Thiếu --rules/)]);
  });

  test('rules problems: a duplicated code, a formula with an unknown code, an unreadable condition, each named by row', async () => {
    const { BASE_INDICATORS } = await import('../helpers/build');
    const indicators = [
      ...BASE_INDICATORS,
      { code: 'HND_HV', section: 'Hội Nông dân', name: 'Trùng mã', uom: 'người' },
      { code: 'TL_X', section: 'Hội Nông dân', name: 'Tỷ lệ gì đó', uom: '%', formula: 'HND_HV / KHONG_CO' },
      { code: 'GIAM', section: 'Hội Nông dân', name: 'Giảm hộ nghèo', uom: 'hộ', condition: 'giảm 2,5 đến 3% trở lên' },
    ];
    await fs.writeFile(rules, await rulesWorkbook({ indicators, checks: [['K1', 'GDVH_DK <= SO_HO', 'Lỗi'], ['K2', 'HND_KN <= MA_LA', 'Lỗi']] }));
    await put('a.xlsx', await good());
    const out = path.join(dir, 'out');
    const res = await run(['check', '--rules', rules, '--out', out, path.join(dir, 'in')]);
    expect(res.code).toBe(1);
    const json = JSON.parse(await fs.readFile(path.join(out, 'ket-qua.json'), 'utf8'));
    const rulesFindings = json.findings.filter((f: { kind: string }) => f.kind === 'invalid-rule');
    const messages = rulesFindings.map((f: { message: string }) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/trang "Chỉ tiêu", dòng 13: mã "HND_HV" bị trùng với dòng 8/),
        expect.stringMatching(/dòng 14: công thức của TL_X dùng mã chưa có: KHONG_CO/),
        expect.stringMatching(/dòng 15: không đọc được điều kiện "giảm 2,5 đến 3% trở lên" của chỉ tiêu GIAM/),
        expect.stringMatching(/trang "Kiểm tra chéo", dòng 3: biểu thức "HND_KN <= MA_LA" dùng mã chưa có.*MA_LA/),
      ]),
    );
    expect(rulesFindings).toHaveLength(4);
    for (const f of rulesFindings) expect([f.file, f.severity, f.cell]).toEqual(['rules.xlsx', 'error', expect.stringMatching(/^[A-Z]+\d+$/)]);
    expect(json.submissions).toHaveLength(1);
  });

  test('text from a submitted file never becomes a formula in the output', async () => {
    const rows = goodRows({ HND_KN: '=HYPERLINK("http://x","y")' });
    rows.push({ stt: 9, label: '=1+1', value: 5 });
    await put('a.xlsx', await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows, sheetName: '+cmd' })]));
    const out = path.join(dir, 'out');
    await run(['check', '--rules', rules, '--out', out, path.join(dir, 'in')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'tong-hop.xlsx'));
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as unknown;
          if (typeof v === 'object' && v && 'formula' in v) expect(String((v as { formula: string }).formula)).toMatch(/^(SUM|IFERROR)\(/);
          if (typeof v === 'string') texts.push(v);
        }),
      ),
    );
    expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","y")', '+cmd']));
  });
});
