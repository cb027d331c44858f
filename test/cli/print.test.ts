// The command line's rollup as it prints: converted to PDF by LibreOffice (where it is installed),
// "Tổng hợp" is one page wide (every indicator column on every page) and its title and header rows
// repeat on each page. Pages are told apart by their footer ("Tổng hợp – Năm 2023 … Trang 1/3").
import { spawnSync } from 'child_process';
import { existsSync, promises as fs, realpathSync } from 'fs';
import ExcelJS from 'exceljs';
import os from 'os';
import path from 'path';
import { main } from '../../src/cli/main';
import { CheckSession, planOutput, readRules } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import { writeWorkbookFileWithExcelJs } from '../../src/files/write';
import { workbookBytes } from '../../src/files/xlsx-writer';
import { draftDocxBytes } from '../../src/files/docx-writer';
import { writeReportDocxWithLibrary } from '../../src/files/report-docx';
import { draftReport } from '../../src/core/narrative';
import { goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';
import { sampleReports } from '../helpers/samples';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const has = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
const HAVE_TOOLS = has('soffice') && spawnSync('pdfinfo', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;
if (!HAVE_TOOLS) console.warn('test/cli/print.test.ts: soffice, pdfinfo or pdftotext is not installed: the PDF checks are skipped.');
const describePdf = HAVE_TOOLS ? describe : describe.skip;
/** LibreOffice's word processor (Writer), which reads bao-cao.docx: Debian ships it apart from Calc. */
const sofficeDir = () => path.dirname(realpathSync(spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim()));
const HAVE_WRITER = HAVE_TOOLS && ['libswlo.so', 'libswlo.dylib', 'swlo.dll'].some((f) => existsSync(path.join(sofficeDir(), f)));
if (HAVE_TOOLS && !HAVE_WRITER) console.warn('test/cli/print.test.ts: LibreOffice Writer is not installed: the bao-cao.docx PDF check is skipped.');
const describeDocx = HAVE_WRITER ? describe : describe.skip;

/** Converts a file to PDF with LibreOffice, with a profile of its own, and returns the PDF's path. */
function toPdf(file: string, dir: string): string {
  // A profile of its own, so a LibreOffice already running (or another test's) does not get the job.
  const profile = `file://${path.join(dir, 'profile')}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status).toBe(0);
  const pdf = path.join(dir, `${path.basename(file, path.extname(file))}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  return pdf;
}

async function rollupPdf(rules: string, inputs: string[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-print-'));
  const code = await main(['check', '--quiet', '--rules', rules, '--out', path.join(dir, 'out'), ...inputs], { out: () => undefined, err: () => undefined, isTTY: false });
  expect(code).toBeLessThan(2);
  return toPdf(path.join(dir, 'out', 'tong-hop.xlsx'), dir);
}

/** Each page's text and size in points. */
function pages(pdf: string): Array<{ text: string; width: number; height: number }> {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' }).stdout;
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  return sizes.map((s, i) => ({ ...s, text: spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout }));
}

const rollupPages = (all: ReturnType<typeof pages>, period: string) => all.filter((p) => p.text.includes(`Tổng hợp – ${period}`));

describePdf('the rollup printed through LibreOffice', () => {
  test('the samples\' "Tổng hợp" is one A4 landscape page wide, every indicator on it', async () => {
    const all = pages(await rollupPdf(path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), [path.join(EXAMPLES, 'bao-cao')]));
    const rollup = rollupPages(all, 'Năm 2023');
    // Seven units fit one page tall; one page wide means no page of it lacks a column.
    expect(rollup).toHaveLength(1);
    for (const code of ['DVK_TONG', 'SO_HO', 'HND_KN', 'CCB_KN', 'PN_NGHE', 'CD_CDCS_MOI', 'DTN_KN', 'DOI_THOAI']) expect(rollup[0].text).toContain(code);
    expect(rollup[0].text).toContain('Xã Minh Khai');
    expect(rollup[0].text).toMatch(/Trang 1\/\d+/);
    // A4 landscape: 842 × 595 points.
    expect([Math.round(rollup[0].width), Math.round(rollup[0].height)]).toEqual([842, 595]);
    // Every sheet has its footer: "Tỷ lệ" and "Kết quả kiểm tra" print too.
    expect(all.some((p) => p.text.includes('Tỷ lệ – Năm 2023'))).toBe(true);
    expect(all.some((p) => p.text.includes('Kết quả kiểm tra – Năm 2023'))).toBe(true);
  });

  test('a long roster prints "Tổng hợp" on several pages, each one page wide with the header rows repeated', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-print-in-'));
    const roster = Array.from({ length: 150 }, (_, i): [string, string, string] => [i === 0 ? 'Phường Hòa Lạc' : `Xã Số ${i + 1}`, '', i === 0 ? 'Phường' : 'Xã']);
    const rules = path.join(dir, 'chi-tieu.xlsx');
    await fs.writeFile(rules, await rulesWorkbook({ roster }));
    await fs.mkdir(path.join(dir, 'bao-cao'));
    await fs.writeFile(path.join(dir, 'bao-cao', 'hoa-lac.xlsx'), await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY PHƯỜNG HÒA LẠC', rows: goodRows() })]));
    const all = pages(await rollupPdf(rules, [path.join(dir, 'bao-cao')]));
    const rollup = rollupPages(all, 'Năm 2023');
    expect(rollup.length).toBeGreaterThan(1);
    rollup.forEach((p, i) => {
      // The title and the three header rows: sections, names, codes, first and last column.
      expect(p.text).toContain('TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU');
      expect(p.text).toContain('Tình trạng');
      expect(p.text).toContain('Mặt trận Tổ quốc');
      expect(p.text).toContain('SO_HO');
      expect(p.text).toContain('DOI_THOAI');
      expect(p.text).toContain(`Trang ${i + 1}/`);
    });
    // Every unit printed once, the last on the last page with the total.
    expect(rollup[0].text).toContain('Phường Hòa Lạc');
    expect(rollup[rollup.length - 1].text).toContain('Xã Số 150');
    expect(rollup[rollup.length - 1].text).toContain('Tổng cộng');
    const units = rollup.flatMap((p) => [...p.text.matchAll(/Xã Số (\d+)\b/g)].map((m) => Number(m[1])));
    expect(units).toEqual(Array.from({ length: 149 }, (_, i) => i + 2));
  });

  test('the lean writer\'s rollup prints as ExcelJS\'s did: the same pages with the same text', async () => {
    const plan = planOutput(await samplesResult());
    await samePages('xlsx', (file) => fs.writeFile(file, workbookBytes(plan)), (file) => writeWorkbookFileWithExcelJs(plan, file));
  }, 240_000);

  test('the lean writer\'s draft prints as the docx library\'s did: the same pages with the same text', async () => {
    const paragraphs = draftReport(await samplesResult());
    await samePages('docx', (file) => fs.writeFile(file, draftDocxBytes(paragraphs)), (file) => writeReportDocxWithLibrary(paragraphs, file));
  }, 240_000);
});

async function samplesResult() {
  const rulesFile = path.join(EXAMPLES, 'chi-tieu-2023.xlsx');
  const { rules, problems } = readRules(await readWorkbookBuffer(await fs.readFile(rulesFile), 'chi-tieu-2023.xlsx'));
  const session = new CheckSession(rules, problems);
  for (const r of await sampleReports()) session.addWorkbook(await readWorkbookBuffer(r.bytes, r.name));
  return session.finish();
}

/** The file written both ways, converted to PDF by LibreOffice: page for page the same text and size. */
async function samePages(ext: string, lean: (file: string) => Promise<void>, reference: (file: string) => Promise<void>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `chitieu-print-${ext}-`));
  const files = [path.join(dir, `lean.${ext}`), path.join(dir, `reference.${ext}`)];
  await lean(files[0]);
  await reference(files[1]);
  const profile = `file://${path.join(dir, 'profile')}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 180_000 });
  expect(r.status).toBe(0);
  const [got, want] = ['lean', 'reference'].map((n) => pages(path.join(dir, `${n}.pdf`)));
  expect(want.length).toBeGreaterThan(1);
  expect(got.length).toBe(want.length);
  got.forEach((p, i) => expect({ page: i + 1, ...p }).toEqual({ page: i + 1, ...want[i] }));
}

describePdf('the rates computed by LibreOffice from the written formulas', () => {
  test('an area rate over parts one unit did not give is the same like-for-like rate the engine gives (840/900, not 1.820/900)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-rates-in-'));
    const rules = path.join(dir, 'chi-tieu.xlsx');
    const { BASE_INDICATORS } = await import('../helpers/build');
    await fs.writeFile(rules, await rulesWorkbook({ indicators: BASE_INDICATORS.map((i) => (i.code === 'TL_GDVH' ? { ...i, scope: 'Toàn địa bàn' } : i)), checks: [] }));
    await fs.mkdir(path.join(dir, 'bao-cao'));
    const units: Array<[string, Record<string, number | string>]> = [
      ['Phường Hòa Lạc', { SO_HO: 'khoảng 1000', GDVH_DK: 980 }],
      ['Phường Tân Thành', { SO_HO: 500, GDVH_DK: 480 }],
      ['Xã Yên Bình', { SO_HO: 400, GDVH_DK: 360 }],
    ];
    for (const [u, over] of units) await fs.writeFile(path.join(dir, 'bao-cao', `${u}.xlsx`), await xlsx([reportSheet({ unitLine: `ĐẢNG ỦY ${u.toUpperCase()}`, rows: goodRows(over) })]));
    const pdf = await rollupPdf(rules, [path.join(dir, 'bao-cao')]);
    const rates = pages(pdf).find((p) => p.text.includes('Tỷ lệ – Năm 2023'))!;
    const areaLine = rates.text.split('\n').find((l) => l.includes('Toàn địa bàn'))!;
    // LibreOffice evaluates the SUMPRODUCT formulas itself: 840 / 900 = 93,33 %.
    expect(areaLine).toMatch(/93[.,]33\s*%/);
  });
});

describeDocx('the draft report bao-cao.docx printed through LibreOffice', () => {
  const numbers = (t: string) => t.match(/\d+(?:[.,]\d+)*/g) ?? [];
  const words = (t: string) => t.replace(/\s+/g, ' ').trim();
  let sheet: string[];
  let headings: string[];
  let all: ReturnType<typeof pages>;
  beforeAll(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-print-docx-'));
    const code = await main(['check', '--quiet', '--rules', path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), '--out', path.join(dir, 'out'), path.join(EXAMPLES, 'bao-cao')], { out: () => undefined, err: () => undefined, isTTY: false });
    expect(code).toBeLessThan(2);
    // The paragraphs as the rollup's "Báo cáo" sheet holds them, one (or a piece of one) per cell.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'out', 'tong-hop.xlsx'));
    sheet = [];
    headings = [];
    wb.getWorksheet('Báo cáo')!.eachRow((row, r) => {
      sheet.push(String(row.getCell(1).value));
      if (r > 1 && row.getCell(1).font?.bold) headings.push(String(row.getCell(1).value));
    });
    all = pages(toPdf(path.join(dir, 'out', 'bao-cao.docx'), dir));
  }, 180_000);

  test('A4 portrait pages, numbered at the top from the second on', () => {
    expect(all.length).toBeGreaterThan(1);
    for (const p of all) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    all.forEach((p, i) => {
      const first = p.text.trim().split('\n')[0].trim();
      if (i === 0) expect(first).toMatch(/^DỰ THẢO BÁO CÁO/);
      else expect(first).toBe(String(i + 1));
    });
  });

  test('no section heading is left at the foot of a page, apart from its text', () => {
    expect(headings).toEqual(expect.arrayContaining(['Mặt trận Tổ quốc', 'Đoàn Thanh niên']));
    for (const p of all.slice(0, -1)) {
      const lines = p.text.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(headings).not.toContain(lines[lines.length - 1]);
    }
  });

  test('every paragraph of the draft, word for word with its diacritics, and no other text', () => {
    expect(sheet.length).toBeGreaterThan(10);
    // Each page's text without its page number, the pages one after the other.
    const printed = words(all.map((p, i) => (i === 0 ? p.text : p.text.replace(/^\s*\d+\s*\n/, ''))).join(' '));
    // Precomposed letters as the draft has them: "ư", "ộ" are not split into a letter and marks.
    expect(printed).toBe(printed.normalize('NFC'));
    expect(printed).not.toContain('\uFFFD');
    for (const para of sheet) expect(printed).toContain(words(para));
    expect(printed).toBe(words(sheet.join(' ')));
    expect(printed).toContain('Hội Liên hiệp Phụ nữ');
    expect(printed).toContain('Phường Đồng Tâm');
  });

  test('the numbers, in order, as in the "Báo cáo" sheet', () => {
    const printed = numbers(all.map((p, i) => (i === 0 ? p.text : p.text.replace(/^\s*\d+\s*\n/, ''))).join(' '));
    expect(printed).toEqual(sheet.flatMap(numbers));
    // Vietnamese format: thousands with a dot, decimals with a comma.
    expect(printed).toEqual(expect.arrayContaining(['13.890', '97,16']));
  });
});
