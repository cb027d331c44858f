// Rows a clerk puts beside the real one in a unit's own report: a plan line, last year's or the
// start of the period's figure, the women among the members, an old copy left hidden, a row typed
// twice. Whatever their order, the row that names the indicator is its figure; the others are said.
import { CheckSession, readRules } from '../../src/core';
import type { CheckResult, Finding } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { ReportRow, Row, goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';

const ROSTER: Array<[string, string, string]> = [['Phường Hòa Lạc', '', 'Phường']];

async function check(rows: ReportRow[], hiddenRows: number[] = []): Promise<CheckResult> {
  const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster: ROSTER }), 'rules.xlsx'));
  expect(problems).toEqual([]);
  const session = new CheckSession(rules, problems);
  const sheet = { ...reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows }), hiddenRows };
  session.addWorkbook(await readWorkbookBuffer(await xlsx([sheet]), 'hoa-lac.xlsx'));
  return session.finish();
}

const figure = (r: CheckResult, code: string) => {
  const f = r.rows.find((x) => x.unit === 'Phường Hòa Lạc')!.figures.get(code);
  return f && f.status === 'ok' ? f.value : f?.status;
};
const about = (r: CheckResult, code: string) => r.findings.filter((f: Finding) => f.indicator === code).map((f) => [f.kind, f.severity]);
const unmapped = (r: CheckResult) => r.findings.filter((f) => f.kind === 'unmapped-row').map((f) => [f.severity, f.cell]);

/** goodRows with `extra` put right above the row labelled `before` in `section`. */
function withRowAbove(section: string, before: string, extra: ReportRow, over: Parameters<typeof goodRows>[0] = {}): ReportRow[] {
  const rows = goodRows(over);
  const s = rows.findIndex((x) => x.label === section);
  const at = rows.findIndex((x, i) => i > s && x.label === before);
  rows.splice(at, 0, extra);
  return rows;
}

describe('a look-alike row above the real one does not take its figure', () => {
  test.each<[string, string, string, ReportRow, string, number]>([
    ['a plan line', 'HỘI NÔNG DÂN', 'Kết nạp hội viên mới', { label: 'Kế hoạch kết nạp hội viên mới', value: 30 }, 'HND_KN', 40],
    ['a target line', 'HỘI NÔNG DÂN', 'Kết nạp hội viên mới', { label: 'Chỉ tiêu kết nạp hội viên mới', value: 45 }, 'HND_KN', 40],
    ['last year\'s line', 'HỘI NÔNG DÂN', 'Kết nạp hội viên mới', { label: 'Kết nạp hội viên mới cùng kỳ', value: 36 }, 'HND_KN', 40],
    ['the start of the period', 'HỘI CỰU CHIẾN BINH', 'Tổng số hội viên', { label: 'Tổng số hội viên đầu kỳ', value: 95 }, 'CCB_HV', 100],
    ['another year', 'HỘI NÔNG DÂN', 'Tổng số hội viên', { label: 'Tổng số hội viên năm 2022', value: 480 }, 'HND_HV', 500],
    ['the women among them', 'HỘI NÔNG DÂN', 'Tổng số hội viên', { label: 'Tổng số hội viên nữ', value: 200 }, 'HND_HV', 500],
  ])('%s', async (_, section, before, extra, code, value) => {
    const r = await check(withRowAbove(section, before, extra));
    expect(figure(r, code)).toBe(value);
    // The extra row is said, as a row matching nothing, and the indicator is judged as without it.
    expect(r.findings.filter((f) => f.kind === 'unmapped-row').map((f) => [f.severity, f.actual])).toEqual([['info', extra.label]]);
    expect(about(r, code)).toEqual(about(await check(goodRows()), code));
  });

  test('a plan, target or last year\'s line alone is not taken for the figure: the figure is missing', async () => {
    for (const label of ['Kế hoạch kết nạp hội viên mới', 'KH kết nạp hội viên mới', 'Chỉ tiêu kết nạp hội viên mới', 'Kết nạp hội viên mới cùng kỳ']) {
      const rows = goodRows().map((x, i) => (i === 6 ? { ...x, label } : x));
      const r = await check(rows);
      expect([label, figure(r, 'HND_KN')]).toEqual([label, 'missing']);
      expect(about(r, 'HND_KN')).toEqual([['missing-value', 'warning']]);
    }
  });

  test('a label with the report\'s own year is the figure; one with another year is not', async () => {
    const own = await check(goodRows().map((x, i) => (i === 5 ? { ...x, label: 'Tổng số hội viên năm 2023' } : x)));
    expect(figure(own, 'HND_HV')).toBe(500);
    const other = await check(goodRows().map((x, i) => (i === 5 ? { ...x, label: 'Tổng số hội viên năm 2022' } : x)));
    expect(figure(other, 'HND_HV')).toBe('missing');
  });
});

describe('labels and headings as clerks lay them out', () => {
  test('a label merged down over two rows with its figure on the second: the figure is the label\'s', async () => {
    const rows = goodRows({ GDVH_DK: null });
    rows.splice(3, 0, { label: '', value: 980 });
    const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster: ROSTER }), 'rules.xlsx'));
    const session = new CheckSession(rules, problems);
    // Row 11 is "Số hộ đăng ký gia đình văn hóa", merged with row 12, which holds 980.
    const sheet = { ...reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows }), merges: ['B11:B12', 'A11:A12', 'C11:C12'] };
    session.addWorkbook(await readWorkbookBuffer(await xlsx([sheet]), 'hoa-lac.xlsx'));
    const r = session.finish();
    expect([figure(r, 'GDVH_DK'), figure(r, 'TL_GDVH')]).toEqual([980, undefined]);
    expect(r.findings.filter((f) => f.indicator === 'GDVH_DK' || f.indicator === 'TL_GDVH' || f.kind === 'unmapped-row')).toEqual([]);
  });

  test('a numbered heading naming no section ("3 | Cựu quân nhân") ends the section before: its rows are not the farmers\'', async () => {
    const rows = goodRows().map((x) => (x.label === 'HỘI CỰU CHIẾN BINH' ? { stt: 3, label: 'Cựu quân nhân' } : x));
    const r = await check(rows);
    expect([figure(r, 'HND_HV'), figure(r, 'HND_KN')]).toEqual([500, 40]);
    // The veterans' rows are never a second copy of the farmers' rows.
    expect(r.findings.filter((f) => f.kind === 'unmapped-row' && (f.indicator === 'HND_HV' || f.indicator === 'HND_KN'))).toEqual([]);
  });
});

test('a header repeated further down with its columns laid out otherwise: the rows under it are read with its columns', async () => {
  const lines: Row[] = [["ĐẢNG BỘ THỊ XÃ HÒA BÌNH"], ["ĐẢNG ỦY PHƯỜNG HÒA LẠC", null, null, "ngày 12 tháng 12 năm 2023"], [], ["BÁO CÁO KẾT QUẢ NĂM 2023"], []];
  lines.push(['STT', 'Nội dung', 'ĐVT', 'Kế hoạch', 'Thực hiện']);
  const rows = goodRows();
  const cut = rows.findIndex((x) => x.label === 'HỘI CỰU CHIẾN BINH');
  for (const x of rows.slice(0, cut)) lines.push([x.stt ?? null, x.label, x.uom ?? null, null, x.value ?? null]);
  // Page two, from another form: last year's figure (value − 7) where the figure stood, the figure one column right.
  lines.push(['STT', 'Nội dung', 'ĐVT', 'Cùng kỳ năm 2022', 'Kế hoạch năm 2023', 'Thực hiện năm 2023']);
  for (const x of rows.slice(cut)) lines.push([x.stt ?? null, x.label, x.uom ?? null, typeof x.value === 'number' ? x.value - 7 : null, null, x.value ?? null]);
  lines.push([], ['NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY']);
  const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster: ROSTER }), 'rules.xlsx'));
  const session = new CheckSession(rules, problems);
  session.addWorkbook(await readWorkbookBuffer(await xlsx([{ name: 'Biểu', rows: lines }]), 'hoa-lac.xlsx'));
  const r = session.finish();
  expect(['SO_HO', 'HND_HV', 'CCB_HV', 'CCB_KN', 'DOI_THOAI'].map((c) => figure(r, c))).toEqual([1000, 500, 100, 5, 12]);
  // The second header is no row of figures, and last year's figures are last year's.
  expect(unmapped(r)).toEqual([]);
  expect(r.rows.find((x) => x.unit === 'Phường Hòa Lạc')!.report!.entries.get('CCB_HV')!.lastYear!.reading).toMatchObject({ value: 93 });
});

describe('two rows for one indicator', () => {
  test('an old copy in a hidden row above the shown one: the shown row is the figure, and the hidden one is said', async () => {
    const rows = withRowAbove('HỘI NÔNG DÂN', 'Tổng số hội viên', { stt: 1, label: 'Tổng số hội viên', value: 480 });
    // Row 9 is the MTTQ heading, 10–12 its rows, 13 HND's heading, 14 the copy, 15 the shown row.
    const r = await check(rows, [14]);
    expect(figure(r, 'HND_HV')).toBe(500);
    const said = r.findings.filter((f) => f.kind === 'unmapped-row');
    expect(said.map((f) => [f.severity, f.cell, f.indicator])).toEqual([['info', 'B14', 'HND_HV']]);
    expect(said[0].message).toBe('Dòng ẩn 14 "Tổng số hội viên" cũng là chỉ tiêu HND_HV (Hội Nông dân – Tổng số hội viên), đã lấy số liệu ở dòng 15 (ô E15): không đọc dòng ẩn này.');
  });

  test('a row typed twice whose name resembles a rate ("Số hộ đăng ký…" and "Tỷ lệ hộ đăng ký…") is the count again, never the rate', async () => {
    const rows = goodRows();
    rows.splice(3, 0, { stt: 2, label: 'Số hộ đăng ký gia đình văn hóa', uom: 'Hộ', value: 2300 });
    const r = await check(rows);
    expect([figure(r, 'GDVH_DK'), figure(r, 'TL_GDVH')]).toEqual([980, undefined]);
    expect(r.findings.filter((f) => f.indicator === 'TL_GDVH' || f.kind === 'unmapped-row').map((f) => [f.kind, f.severity, f.indicator, f.cell])).toEqual([['unmapped-row', 'warning', 'GDVH_DK', 'B12']]);
  });

  test('a row typed twice, both shown: the first is the figure, and the second is a warning naming both', async () => {
    const rows = goodRows();
    rows.push({ stt: 2, label: 'Số cuộc đối thoại', uom: 'Cuộc', value: 10 });
    const r = await check(rows);
    expect(figure(r, 'DOI_THOAI')).toBe(12);
    const said = r.findings.filter((f) => f.kind === 'unmapped-row');
    expect(said.map((f) => [f.severity, f.cell])).toEqual([['warning', 'B21']]);
    expect(said[0].message).toBe('Dòng 21 "Số cuộc đối thoại" cũng là chỉ tiêu DOI_THOAI (Đối thoại với Nhân dân – Số cuộc đối thoại), đã lấy số liệu ở dòng 20 (ô E20): không đọc dòng này. Nếu số liệu đúng ở dòng 21, xóa dòng 20 rồi gửi lại.');
  });
});

test('the rows as the template writes them still give every figure, with nothing said', async () => {
  const r = await check(goodRows());
  expect(['SO_HO', 'GDVH_DK', 'MOHINH', 'HND_HV', 'HND_KN', 'CCB_HV', 'CCB_KN', 'DOI_THOAI'].map((c) => figure(r, c))).toEqual([1000, 980, 3, 500, 40, 100, 5, 12]);
  expect(unmapped(r)).toEqual([]);
});

describe('several figure columns: the one for the report\'s year, the one the sheet shows', () => {
  type Header = Array<Array<string | null>>;
  /** A 2023 report whose figure columns D, E (and F) hold last year's figure (value − 7), a plan (value + 100) and this year's. */
  async function run(header: Header, kinds: Array<'old' | 'plan' | 'new'>, extra: { merges?: string[]; hiddenCols?: number[] } = {}) {
    const lines: Array<Array<string | number | null>> = [['ĐẢNG BỘ THỊ XÃ HÒA BÌNH'], ['ĐẢNG ỦY PHƯỜNG HÒA LẠC', null, null, 'ngày 12 tháng 12 năm 2023'], [], ['BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2023'], [], ...header];
    for (const row of goodRows()) {
      const v = typeof row.value === 'number' ? row.value : null;
      lines.push([row.stt ?? null, row.label, row.uom ?? null, ...kinds.map((k) => (v === null ? null : k === 'old' ? v - 7 : k === 'plan' ? v + 100 : v))]);
    }
    lines.push([], ['NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY']);
    const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster: ROSTER }), 'rules.xlsx'));
    const session = new CheckSession(rules, problems);
    session.addWorkbook(await readWorkbookBuffer(await xlsx([{ name: 'Biểu', rows: lines, ...extra }]), 'hoa-lac.xlsx'));
    const r = session.finish();
    return ['SO_HO', 'HND_HV', 'DOI_THOAI'].map((c) => figure(r, c));
  }
  const NEW = [1000, 500, 12];

  test.each<[string, Header, Array<'old' | 'plan' | 'new'>, { merges?: string[]; hiddenCols?: number[] }]>([
    ['"Thực hiện năm 2022 | Thực hiện năm 2023"', [['STT', 'Nội dung', 'ĐVT', 'Thực hiện năm 2022', 'Thực hiện năm 2023']], ['old', 'new'], {}],
    ['"Kết quả năm 2022 | Kết quả năm 2023"', [['STT', 'Nội dung', 'ĐVT', 'Kết quả năm 2022', 'Kết quả năm 2023']], ['old', 'new'], {}],
    ['"Thực hiện năm 2022 | Kế hoạch năm 2023 | Thực hiện năm 2023"', [['STT', 'Nội dung', 'ĐVT', 'Thực hiện năm 2022', 'Kế hoạch năm 2023', 'Thực hiện năm 2023']], ['old', 'plan', 'new'], {}],
    ['"Thực hiện" merged over "Năm 2022 | Năm 2023"', [['STT', 'Nội dung', 'ĐVT', 'Thực hiện', null], ['STT', 'Nội dung', 'ĐVT', 'Năm 2022', 'Năm 2023']], ['old', 'new'], { merges: ['D6:E6', 'A6:A7', 'B6:B7', 'C6:C7'] }],
    ['"Kết quả" merged over "Cùng kỳ năm trước | Năm 2023"', [['STT', 'Nội dung', 'ĐVT', 'Kết quả', null], ['STT', 'Nội dung', 'ĐVT', 'Cùng kỳ năm trước', 'Năm 2023']], ['old', 'new'], { merges: ['D6:E6', 'A6:A7', 'B6:B7', 'C6:C7'] }],
    ['"Kết quả" over "Cùng kỳ | Năm nay", not merged', [['STT', 'Nội dung', 'ĐVT', 'Kết quả', null], [null, null, null, 'Cùng kỳ', 'Năm nay']], ['old', 'new'], {}],
    ['this year\'s first: "Thực hiện năm 2023 | Thực hiện năm 2022"', [['STT', 'Nội dung', 'ĐVT', 'Thực hiện năm 2023', 'Thực hiện năm 2022']], ['new', 'old'], {}],
    ['an old "Thực hiện" column left hidden before the shown one', [['STT', 'Nội dung', 'ĐVT', 'Thực hiện', 'Thực hiện']], ['old', 'new'], { hiddenCols: [4] }],
  ])('%s', async (_, header, kinds, extra) => {
    expect(await run(header, kinds, extra)).toEqual(NEW);
  });
});

describe('a unit\'s report over several sheets or files', () => {
  async function session(files: Array<[string, Array<Parameters<typeof reportSheet>[0] & { hidden?: boolean }>]>) {
    const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster: ROSTER }), 'rules.xlsx'));
    const s = new CheckSession(rules, problems);
    for (const [file, sheets] of files) s.addWorkbook(await readWorkbookBuffer(await xlsx(sheets.map((o) => ({ ...reportSheet(o), ...(o.hidden ? { hidden: true } : {}) }))), file));
    return s.finish();
  }
  const ALL = ['SO_HO', 'GDVH_DK', 'MOHINH', 'HND_HV', 'HND_KN', 'CCB_HV', 'CCB_KN', 'DOI_THOAI'];
  const first = goodRows().slice(0, 7);
  const second = goodRows().slice(7);

  test.each<[string, boolean]>([
    ['two sheets of one file', true],
    ['two files', false],
  ])('split into %s, the Front\'s and farmers\' rows and the veterans\' and dialogues\': put together', async (_, oneFile) => {
    const a = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: first, sheetName: 'Biểu 01' };
    const b = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: second, sheetName: 'Biểu 02' };
    const r = await session(oneFile ? [['hoa-lac.xlsx', [a, b]]] : [['hoa-lac-1.xlsx', [a]], ['hoa-lac-2.xlsx', [b]]]);
    expect(ALL.map((c) => figure(r, c))).toEqual([1000, 980, 3, 500, 40, 100, 5, 12]);
    expect(r.findings.filter((f) => f.kind === 'duplicate-unit' || f.kind === 'missing-value')).toEqual([]);
    expect(r.submissions.map((x) => [x.sheet, x.used])).toEqual([
      ['Biểu 01', true],
      ['Biểu 02', true],
    ]);
  });

  test('a row missing from the second part is a missing value, as in a report of one sheet', async () => {
    const a = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: first, sheetName: 'Biểu 01' };
    const b = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: second.filter((x) => x.label !== 'Kết nạp hội viên mới'), sheetName: 'Biểu 02' };
    const r = await session([['hoa-lac.xlsx', [a, b]]]);
    expect(about(r, 'CCB_KN')).toEqual([['missing-value', 'warning']]);
  });

  test('a draft on a hidden sheet, dated later, does not replace the report the sheet shows; the choice is said', async () => {
    const shown = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows(), sheetName: 'Biểu 01', dateLine: 'ngày 12 tháng 12 năm 2023' };
    const draft = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows({ HND_HV: 480 }), sheetName: 'Nháp', dateLine: 'ngày 20 tháng 12 năm 2023', hidden: true };
    const r = await session([['hoa-lac.xlsx', [shown, draft]]]);
    expect(figure(r, 'HND_HV')).toBe(500);
    const dup = r.findings.filter((f) => f.kind === 'duplicate-unit');
    expect(dup.map((f) => f.message)).toEqual([
      'Phường Hòa Lạc gửi 2 báo cáo: "hoa-lac.xlsx" (trang "Nháp", trang ẩn, ngày 20/12/2023), "hoa-lac.xlsx" (trang "Biểu 01", ngày 12/12/2023). Dùng "hoa-lac.xlsx" (trang "Biểu 01") vì các trang còn lại bị ẩn (bản nháp hoặc bản cũ).',
    ]);
  });

  test('the year\'s report, its date line left without a day, supersedes the six months\' dated in June', async () => {
    const half = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows({ HND_KN: 20 }), sheetName: '6 tháng', title: 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', dateLine: 'ngày 15 tháng 6 năm 2023' };
    const year = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows(), sheetName: 'Năm', title: 'BÁO CÁO NĂM 2023', dateLine: 'ngày      tháng 12 năm 2023' };
    for (const order of [[half, year], [year, half]]) {
      const r = await session([['hoa-lac.xlsx', order]]);
      expect(figure(r, 'HND_KN')).toBe(40);
      expect(r.findings.filter((f) => f.kind === 'duplicate-unit').map((f) => f.message.split(' vì ')[1])).toEqual(['báo cáo này bao quát kỳ dài hơn (số liệu lũy kế mới hơn).']);
    }
  });

  test('of two year\'s reports, one dated "tháng 12 năm 2023" is later than one dated 15/06/2023', async () => {
    const june = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows({ HND_KN: 20 }), sheetName: 'A', dateLine: 'ngày 15 tháng 6 năm 2023' };
    const dec = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows(), sheetName: 'B', dateLine: 'Hòa Lạc, tháng 12 năm 2023' };
    const r = await session([['hoa-lac.xlsx', [dec, june]]]);
    expect(figure(r, 'HND_KN')).toBe(40);
    expect(r.findings.filter((f) => f.kind === 'duplicate-unit').map((f) => f.message)).toEqual([
      'Phường Hòa Lạc gửi 2 báo cáo: "hoa-lac.xlsx" (trang "A", ngày 15/06/2023), "hoa-lac.xlsx" (trang "B", tháng 12/2023). Dùng "hoa-lac.xlsx" (trang "B") vì có ngày báo cáo muộn nhất.',
    ]);
  });

  test('of two copies of the same date, the fuller is used, and the message says so', async () => {
    const full = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows(), sheetName: 'A' };
    const part = { unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows({ DOI_THOAI: 9 }).slice(-2), sheetName: 'B' };
    const r = await session([['hoa-lac.xlsx', [full, part]]]);
    expect(ALL.map((c) => figure(r, c))).toEqual([1000, 980, 3, 500, 40, 100, 5, 12]);
    expect(r.findings.filter((f) => f.kind === 'duplicate-unit').map((f) => f.message.split(' vì ')[1])).toEqual(['cùng ngày hoặc không ghi ngày, lấy bản có nhiều chỉ tiêu hơn.']);
  });
});

describe('figure columns headed with a period alone, or abbreviated', () => {
  async function run(title: string, header: string[], kinds: Array<'six' | 'year' | 'new'>) {
    const lines: Array<Array<string | number | null>> = [['ĐẢNG BỘ THỊ XÃ HÒA BÌNH'], ['ĐẢNG ỦY PHƯỜNG HÒA LẠC', null, null, 'ngày 12 tháng 12 năm 2023'], [], [title], [], header];
    // "six": the first six months' figure (value − 7); "year": the whole year's (value); "new": the figure.
    for (const row of goodRows()) {
      const v = typeof row.value === 'number' ? row.value : null;
      lines.push([row.stt ?? null, row.label, row.uom ?? null, ...kinds.map((k) => (v === null ? null : k === 'six' ? v - 7 : v))]);
    }
    lines.push([], ['NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY']);
    const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster: ROSTER }), 'rules.xlsx'));
    const session = new CheckSession(rules, problems);
    session.addWorkbook(await readWorkbookBuffer(await xlsx([{ name: 'Biểu', rows: lines }]), 'hoa-lac.xlsx'));
    const r = session.finish();
    return ['SO_HO', 'HND_HV', 'DOI_THOAI'].map((c) => figure(r, c));
  }

  test.each<[string, string, string[], Array<'six' | 'year' | 'new'>, number[]]>([
    ['"6 tháng" alone, in a six-month report', 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', ['STT', 'Nội dung', 'ĐVT', '6 tháng'], ['new'], [1000, 500, 12]],
    ['"Năm 2023" alone', 'BÁO CÁO NĂM 2023', ['STT', 'Nội dung', 'ĐVT', 'Năm 2023'], ['new'], [1000, 500, 12]],
    ['"TH 6T/2023"', 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', ['STT', 'Nội dung', 'ĐVT', 'TH 6T/2023'], ['new'], [1000, 500, 12]],
    ['"KQ 2022 | KQ 2023"', 'BÁO CÁO NĂM 2023', ['STT', 'Nội dung', 'ĐVT', 'KQ 2022', 'KQ 2023'], ['six', 'new'], [1000, 500, 12]],
    ['"Thực hiện 6 tháng | Thực hiện cả năm" in a year\'s report: the year\'s', 'BÁO CÁO NĂM 2023', ['STT', 'Nội dung', 'ĐVT', 'Thực hiện 6 tháng', 'Thực hiện cả năm'], ['six', 'year'], [1000, 500, 12]],
    ['"Thực hiện cả năm | Thực hiện 6 tháng" in a year\'s report: the year\'s', 'BÁO CÁO NĂM 2023', ['STT', 'Nội dung', 'ĐVT', 'Thực hiện cả năm', 'Thực hiện 6 tháng'], ['year', 'six'], [1000, 500, 12]],
    ['"Thực hiện cả năm | Thực hiện 6 tháng" in a six-month report: the six months\'', 'BÁO CÁO 6 THÁNG ĐẦU NĂM 2023', ['STT', 'Nội dung', 'ĐVT', 'Thực hiện cả năm', 'Thực hiện 6 tháng'], ['year', 'six'], [993, 493, 5]],
  ])('%s', async (_, title, header, kinds, expected) => {
    expect(await run(title, header, kinds)).toEqual(expected);
  });
});

test('two figure columns nothing tells apart ("TH trong kỳ | Lũy kế"): the first is read, and a warning says which and why', async () => {
  const lines: Row[] = [['ĐẢNG ỦY PHƯỜNG HÒA LẠC'], ['BÁO CÁO KẾT QUẢ NĂM 2023'], ['STT', 'Nội dung', 'ĐVT', 'TH trong kỳ', 'Lũy kế']];
  for (const x of goodRows()) lines.push([x.stt ?? null, x.label, x.uom ?? null, x.value ?? null, typeof x.value === 'number' ? x.value + 3 : null]);
  const { rules, problems } = readRules(await readWorkbookBuffer(await rulesWorkbook({ roster: ROSTER }), 'rules.xlsx'));
  const session = new CheckSession(rules, problems);
  session.addWorkbook(await readWorkbookBuffer(await xlsx([{ name: 'Biểu', rows: lines }]), 'hoa-lac.xlsx'));
  const r = session.finish();
  expect(figure(r, 'HND_HV')).toBe(500);
  expect(r.findings.filter((f) => f.kind === 'unmapped-row').map((f) => [f.severity, f.cell, f.message])).toEqual([
    ['warning', 'D3', 'Bảng có 2 cột số liệu mà tiêu đề không cho biết cột nào là của kỳ báo cáo (D3 "TH trong kỳ", E3 "Lũy kế"): đã đọc cột D3 "TH trong kỳ". Nếu số liệu của kỳ báo cáo ở cột khác, ghi rõ kỳ vào tiêu đề các cột (ví dụ "Thực hiện năm 2023") rồi gửi lại.'],
  ]);
});
