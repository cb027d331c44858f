// The rollup's sheets as they print and read: rates grouped under their sections, every sheet A4
// landscape one page wide with its title and header rows repeated, a print area over what was
// planned, the period in the footer, and header rows tall enough for their wrapped labels.
import path from 'path';
import { promises as fs } from 'fs';
import { CheckSession, planOutput, readRules } from '../../src/core';
import type { CheckResult } from '../../src/core';
import { MAX_ROW_POINTS, PlannedSheet, fitRowHeights, wrappedLines } from '../../src/core/plan';
import { pieces } from '../../src/core/plan-report';
import { readWorkbookBuffer } from '../../src/files/read';

const ROOT = path.join(__dirname, '..', '..', 'examples');

async function samples(): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(path.join(ROOT, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx'));
  const session = new CheckSession(rules, problems);
  const dir = path.join(ROOT, 'bao-cao');
  for (const name of (await fs.readdir(dir)).sort()) session.addWorkbook(await readWorkbookBuffer(await fs.readFile(path.join(dir, name)), name));
  return session.finish();
}

const textAt = (s: PlannedSheet, row: number, col: number) => {
  const c = s.cells.find((x) => x.row === row && x.col === col);
  return c && 'text' in c.value ? c.value.text : undefined;
};

/** The text shown over a column on a header row: the cell itself or the merge covering it. */
function over(s: PlannedSheet, row: number, col: number): string | undefined {
  const m = s.merges.find((x) => x.top <= row && row <= x.bottom && x.left <= col && col <= x.right);
  return m ? textAt(s, m.top, m.left) : textAt(s, row, col);
}

describe('the samples\' rollup', () => {
  let sheets: PlannedSheet[];
  const sheet = (name: string) => sheets.find((s) => s.name === name)!;
  beforeAll(async () => {
    sheets = planOutput(await samples()).sheets;
  });

  test('"Tỷ lệ": each rate under its section, so rates of the same name are told apart', () => {
    const rates = sheet('Tỷ lệ');
    const byCode = new Map<string, { name?: string; section?: string }>();
    for (let col = 3; textAt(rates, 4, col) && textAt(rates, 4, col) !== 'đạt / được giao'; col++) {
      byCode.set(textAt(rates, 4, col)!, { name: textAt(rates, 3, col), section: over(rates, 2, col) });
    }
    expect([...byCode.keys()]).toEqual(['TL_GDVH', 'TL_NGAYHOI', 'TL_HND', 'TL_CCB', 'TL_PN', 'TL_CD']);
    expect(byCode.get('TL_HND')).toEqual({ name: 'Tỷ lệ tập hợp thu hút hội viên', section: 'Hội Nông dân' });
    expect(byCode.get('TL_CCB')).toEqual({ name: 'Tỷ lệ tập hợp thu hút hội viên', section: 'Hội Cựu chiến binh' });
    expect(byCode.get('TL_PN')).toEqual({ name: 'Tỷ lệ tập hợp thu hút hội viên', section: 'Hội Liên hiệp Phụ nữ' });
    // Two rates of one section share one merged header.
    expect(byCode.get('TL_GDVH')!.section).toBe('Mặt trận Tổ quốc');
    expect(byCode.get('TL_NGAYHOI')!.section).toBe('Mặt trận Tổ quốc');
    expect(rates.merges).toContainEqual({ top: 2, left: 3, bottom: 2, right: 4 });
    // STT and Đơn vị span the three header rows; the figures still start on row 5.
    expect(rates.merges).toContainEqual({ top: 2, left: 2, bottom: 4, right: 2 });
    expect(textAt(rates, 5, 2)).toBe('Phường Hòa Lạc');
    expect(rates.frozenRows).toBe(4);
  });

  test('every table prints A4 landscape, one page wide, its title and header rows on every page; the draft report portrait', () => {
    expect(sheets.map((s) => [s.name, s.page?.orientation, s.page?.fitToWidth, s.page?.repeatRows])).toEqual([
      ['Tổng hợp', 'landscape', true, '1:6'],
      ['Tỷ lệ', 'landscape', true, '1:4'],
      ['Kết quả kiểm tra', 'landscape', true, '1:1'],
      ['Báo cáo', 'portrait', true, undefined],
    ]);
    for (const s of sheets.slice(0, 3)) expect(s.page?.footer).toBe(`${s.name} – Năm 2023`);
    expect(sheets[3].page?.footer).toBe('Dự thảo báo cáo – Năm 2023');
  });

  test('the print area runs from A1 to the last column and row planned', () => {
    // 35 indicators, 6 of them rates: 29 figure columns after STT, Đơn vị, Tình trạng = AF.
    // Seven roster units on rows 7-13, the total on 14.
    expect(sheet('Tổng hợp').page?.printArea).toBe('A1:AF14');
    // Six rates and the achievement column after STT, Đơn vị: I; units 5-11, the area on 12.
    expect(sheet('Tỷ lệ').page?.printArea).toBe('A1:I12');
    const findings = sheet('Kết quả kiểm tra');
    const lastRow = Math.max(...findings.cells.map((c) => c.row));
    expect(findings.page?.printArea).toBe(`A1:K${lastRow}`);
  });

  test('header rows are tall enough for their wrapped labels, longer labels taller', () => {
    const rollup = sheet('Tổng hợp');
    const labels = rollup.cells.filter((c) => c.row === 5).map((c) => ('text' in c.value ? c.value.text : ''));
    const longest = labels.reduce((a, b) => (b.length > a.length ? b : a));
    expect(longest).toBe('Số cuộc đối thoại trực tiếp của người đứng đầu cấp ủy, chính quyền với Nhân dân (cuộc)');
    // 85 characters in a column 14 wide: at least 85 / (14 × 1.3) → 5 lines of 15 points.
    expect(rollup.rowHeights?.[5]).toBeGreaterThanOrEqual(5 * 15);
    expect(rollup.rowHeights?.[5]).toBeLessThanOrEqual(10 * 15);
    // A wrapped finding message gets its lines; a one-line row keeps the default height.
    const findings = sheet('Kết quả kiểm tra');
    const long = findings.cells.filter((c) => c.col === 11 && 'text' in c.value).reduce((a, b) => ((b.value as { text: string }).text.length > (a.value as { text: string }).text.length ? b : a));
    // The longest message (200 characters) in a column 80 wide wraps to at least 3 lines of 15 points.
    const length = (long.value as { text: string }).text.length;
    const width = findings.widths![10]!;
    expect(length).toBeGreaterThan(2 * width);
    expect(findings.rowHeights?.[long.row]).toBeGreaterThanOrEqual(Math.ceil(length / width) * 15);
    expect(sheet('Tỷ lệ').rowHeights?.[5]).toBeUndefined();
  });

  test('finding messages and indicator names wrap in "Kết quả kiểm tra"', () => {
    const findings = sheet('Kết quả kiểm tra');
    const messages = findings.cells.filter((c) => c.col === 11 && c.row > 1 && 'text' in c.value && c.value.text !== 'Nội dung');
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.every((c) => c.wrap)).toBe(true);
  });
});

describe('wrappedLines', () => {
  test('wraps at word boundaries', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('một hai ba', 10)).toBe(1);
    // "một hai ba" fills 10; "bốn" goes to a second line.
    expect(wrappedLines('một hai ba bốn', 10)).toBe(2);
    expect(wrappedLines('Kết nạp hội viên mới', 8)).toBe(3);
    // By characters alone 11 fit 2 lines of 6; by words "aaa" | "bbbb" | "cc" take 3.
    expect(wrappedLines('aaa bbbb cc', 6)).toBe(3);
  });

  test('breaks a word longer than a line', () => {
    expect(wrappedLines('abcdefghij', 4)).toBe(3);
    expect(wrappedLines('ab abcdefghij', 4)).toBe(4);
  });
});

describe('rows never taller than Excel allows', () => {
  test('a wrapped cell of 10.000 characters gets 409 points, not more', () => {
    const sheet: PlannedSheet = { name: 'Báo cáo', cells: [{ row: 1, col: 1, value: { text: 'chữ '.repeat(2500) }, wrap: true }], merges: [], widths: [95], frozenRows: 0, frozenCols: 0 };
    expect(MAX_ROW_POINTS).toBe(409);
    expect(fitRowHeights(sheet)[1]).toBe(409);
  });

  test('a long paragraph of the draft goes on in further cells, each short enough to show whole', () => {
    const sentence = 'Phường Hòa Lạc kết nạp 12 hội viên mới, đạt 60,0% chỉ tiêu. ';
    const para = sentence.repeat(200).trim();
    const parts = pieces(para);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      const sheet: PlannedSheet = { name: 'Báo cáo', cells: [{ row: 1, col: 1, value: { text: p }, wrap: true }], merges: [], widths: [95], frozenRows: 0, frozenCols: 0 };
      expect(fitRowHeights(sheet)[1]).toBeLessThan(409);
    }
    expect(parts.join(' ')).toBe(para);
  });
});
