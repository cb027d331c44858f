// Explanations the office accepted ("Giải trình" in the rules workbook), on the bundled samples:
// the finding they match is kept as accepted, counted and listed apart, never flagged; when the
// unit's figure changes, the explanation no longer applies and the finding returns as it was.
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { CheckSession, exitCodeFor, planOutput, readRules, toResultJson } from '../../src/core';
import type { CheckResult } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const YEN_BINH = 'Yen Binh - bieu 01.xlsx';

type Row = Array<string | number | Date | null>;

/** The sample rules with a "Giải trình" sheet holding these rows. */
async function rulesWith(rows: Row[], sheetName = 'Giải trình'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(path.join(EXAMPLES, 'chi-tieu-2023.xlsx'))) as unknown as ExcelJS.Buffer);
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(['DANH SÁCH GIẢI TRÌNH ĐÃ CHẤP NHẬN']);
  ws.addRow([]);
  ws.addRow(['Đơn vị', 'Mã chỉ tiêu', 'Loại', 'Giá trị', 'Lý do', 'Người chấp nhận', 'Ngày']);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Yên Bình's report with one cell changed. */
async function yenBinhWith(cell: string, value: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(path.join(EXAMPLES, 'bao-cao', YEN_BINH))) as unknown as ExcelJS.Buffer);
  wb.worksheets[0].getCell(cell).value = value;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function check(rules: Uint8Array, replace: Record<string, Uint8Array> = {}): Promise<CheckResult & { problems: string[] }> {
  const read = readRules(await readWorkbookBuffer(rules, 'chi-tieu-2023.xlsx'));
  const session = new CheckSession(read.rules, read.problems);
  const dir = path.join(EXAMPLES, 'bao-cao');
  for (const name of (await fs.readdir(dir)).sort()) session.addWorkbook(await readWorkbookBuffer(replace[name] ?? (await fs.readFile(path.join(dir, name))), name));
  return { ...session.finish(), problems: read.problems.map((p) => `${p.sheet}!${p.cell} ${p.indicator ?? '-'}: ${p.message}`) };
}

const ACCEPTED_ROW: Row = ['Xã Yên Bình', 'DOI_THOAI', 'Không đạt chỉ tiêu', 6, 'Bí thư đi học tập trung 6 tháng; đã bố trí bù vào quý I', 'Trần Văn B', '15/01/2024'];

describe('explanations accepted by the office', () => {
  test('the finding they match is accepted: information, counted and listed apart, never flagged', async () => {
    const before = await check(await rulesWith([]));
    const after = await check(await rulesWith([ACCEPTED_ROW]));
    expect(after.problems).toEqual([]);
    const f = after.findings.find((x) => x.unit === 'Xã Yên Bình' && x.indicator === 'DOI_THOAI')!;
    expect([f.kind, f.severity, f.status, f.actual]).toEqual(['shortfall', 'info', 'accepted', 6]);
    expect(f.message).toContain('Đã chấp nhận giải trình: Bí thư đi học tập trung 6 tháng; đã bố trí bù vào quý I (Trần Văn B, ngày 15/01/2024).');
    expect(f.explanation).toMatchObject({ sheet: 'Giải trình', row: 4, by: 'Trần Văn B' });
    const c0 = toResultJson(before).counts;
    const c1 = toResultJson(after).counts;
    expect(c1).toEqual({ error: c0.error - 1, warning: c0.warning, info: c0.info, accepted: 1 });
    // Not a flag on the unit's cell any more, and listed apart in "Kết quả kiểm tra".
    const flagged = (r: CheckResult) => planOutput(r).flags.filter((x) => x.file === YEN_BINH && x.cell === 'E46');
    expect(flagged(before)).toHaveLength(1);
    expect(flagged(after)).toEqual([]);
    const sheet = planOutput(after).sheets.find((s) => s.name === 'Kết quả kiểm tra')!;
    const texts = sheet.cells.filter((c) => 'text' in c.value).map((c) => (c.value as { text: string }).text);
    expect(texts).toContain('Đã chấp nhận giải trình (1): không còn tính là lỗi hay cảnh báo');
    expect(texts).toContain('Đã chấp nhận');
    // The unit's other errors remain.
    expect(after.units.find((u) => u.unit === 'Xã Yên Bình')!.errors).toBe(before.units.find((u) => u.unit === 'Xã Yên Bình')!.errors - 1);
  });

  test('a changed figure: the explanation no longer applies and the finding returns as it was', async () => {
    const changed = await check(await rulesWith([ACCEPTED_ROW]), { [YEN_BINH]: await yenBinhWith('E46', 7) });
    const f = changed.findings.find((x) => x.unit === 'Xã Yên Bình' && x.indicator === 'DOI_THOAI')!;
    expect([f.kind, f.severity, f.status, f.actual]).toEqual(['shortfall', 'error', undefined, 7]);
    expect(f.message).not.toContain('giải trình');
    // And the row no longer used is said, so the office does not believe it still applies.
    expect(changed.findings.filter((x) => x.kind === 'invalid-rule').map((x) => [x.severity, x.cell])).toEqual([['warning', 'A4']]);
  });

  test('every error about a figure accepted: only the unit that sent nothing is still an error', async () => {
    const all = await check(await rulesWith([]));
    const rows: Row[] = all.findings
      .filter((f) => f.severity === 'error' && f.indicator && f.unit)
      .map((f) => [f.unit === '*' ? 'Toàn địa bàn' : f.unit, f.indicator!, f.kind, f.actual === null ? null : f.actual, 'Đã xem xét', 'A', '01/02/2024']);
    const accepted = await check(await rulesWith(rows));
    const left = accepted.findings.filter((f) => f.severity === 'error');
    // Only findings about no figure (a unit that sent nothing) stay errors.
    expect(left.map((f) => f.kind)).toEqual(['missing-unit']);
    expect(exitCodeFor(accepted)).toBe(1);
  });

  test('a malformed row is an invalid-rule finding naming the row, never a crash; good rows still apply', async () => {
    const r = await check(
      await rulesWith([
        ['Xã Không Có', 'DOI_THOAI', 'Không đạt chỉ tiêu', 6, 'x', 'A', ''],
        ['Xã Yên Bình', 'KHONG_MA', 'Không đạt chỉ tiêu', 6, 'x', 'A', ''],
        ['Xã Yên Bình', 'DOI_THOAI', 'Chưa gửi báo cáo', 6, 'x', 'A', ''],
        ['Xã Yên Bình', 'DOI_THOAI', 'Không đạt chỉ tiêu', 6, '', 'A', ''],
        ['X. Yên Bình', 'doi_thoai', 'shortfall', '6', 'Viết tắt vẫn nhận ra', 'A', new Date(Date.UTC(2024, 0, 20))],
      ]),
    );
    expect(r.problems).toEqual([
      expect.stringMatching(/^Giải trình!A4 DOI_THOAI: .*dòng 4: đơn vị "Xã Không Có" không có trong danh sách đơn vị/),
      expect.stringMatching(/^Giải trình!B5 -: .*dòng 5: mã chỉ tiêu "KHONG_MA" không có/),
      expect.stringMatching(/^Giải trình!C6 DOI_THOAI: .*dòng 6: loại "Chưa gửi báo cáo" không giải trình được/),
      expect.stringMatching(/^Giải trình!E7 DOI_THOAI: .*dòng 7: chưa ghi lý do/),
    ]);
    const f = r.findings.find((x) => x.unit === 'Xã Yên Bình' && x.indicator === 'DOI_THOAI')!;
    expect(f.status).toBe('accepted');
    expect(f.message).toContain('(A, ngày 20/01/2024)');
  });

  test('a rate explained as the office reads it ("93,43", "93,43%", 93.4): accepted; a figure nobody shows (93,5) is not, and is said (found by an outside tester)', async () => {
    const base = await check(await rulesWith([]));
    const rate = base.findings.find((f) => f.unit === 'Phường Đồng Tâm' && f.kind === 'shortfall' && typeof f.actual === 'number' && Math.abs(f.actual - 1850 / 1980) < 1e-9)!;
    expect(rate).toBeDefined();
    for (const written of ['93,43', '93,43%', 93.43, 93.4, '93%', 0.9343]) {
      const r = await check(await rulesWith([['Phường Đồng Tâm', rate.indicator!, 'Không đạt chỉ tiêu', written, 'Khu dân cư mới sáp nhập', 'A', '']]));
      const f = r.findings.find((x) => x.unit === 'Phường Đồng Tâm' && x.indicator === rate.indicator && x.kind === 'shortfall')!;
      expect([written, f.status]).toEqual([written, 'accepted']);
      expect(r.findings.filter((x) => x.kind === 'invalid-rule')).toEqual([]);
    }
    const r = await check(await rulesWith([['Phường Đồng Tâm', rate.indicator!, 'Không đạt chỉ tiêu', '93,5', 'Khu dân cư mới sáp nhập', 'A', '']]));
    expect(r.findings.find((x) => x.unit === 'Phường Đồng Tâm' && x.indicator === rate.indicator && x.kind === 'shortfall')!.status).toBeUndefined();
    const said = r.findings.filter((x) => x.kind === 'invalid-rule');
    expect(said.map((x) => [x.severity, x.sheet, x.cell])).toEqual([['warning', 'Giải trình', 'A4']]);
    expect(said[0].message).toBe(
      `Tệp chỉ tiêu, trang "Giải trình", dòng 4: giải trình cho Phường Đồng Tâm, mã ${rate.indicator}, loại "Không đạt chỉ tiêu", giá trị 93,5 không khớp phát hiện nào của lần kiểm tra này, nên chưa được dùng: số liệu có thể đã sửa (không cần giải trình nữa), hoặc đơn vị, mã, loại hay giá trị ghi chưa đúng.`,
    );
  });

  test('a sheet named "Giải trình 2023" is the explanations sheet too (found by an outside tester: it was ignored without a word)', async () => {
    const r = await check(await rulesWith([ACCEPTED_ROW], 'Giải trình 2023'));
    expect(r.findings.find((x) => x.unit === 'Xã Yên Bình' && x.indicator === 'DOI_THOAI')!.status).toBe('accepted');
  });
});
