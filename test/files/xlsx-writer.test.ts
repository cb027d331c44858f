// The lean writer of the rollup (src/files/xlsx-writer.ts) against ExcelJS's streaming writer,
// which wrote tong-hop.xlsx before it: both files of the same plan are read back with ExcelJS
// and compared part for part (every cell's value, style and note, merges, column widths and
// hidden columns, row heights, views, page setup with print area and titles, header and footer,
// autofilter, data validation, protection, sheet names and order). Plans: the samples', a
// province's (170 generated reports, the bench's set), and ones made to reach every property.
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { CheckSession, planOutput, readRules } from '../../src/core';
import type { OutputPlan, PlannedSheet } from '../../src/core/plan';
import { readWorkbookBuffer } from '../../src/files/read';
import { workbookBytes, xmlText } from '../../src/files/xlsx-writer';
import { writeWorkbookFileWithExcelJs } from '../../src/files/write';
import { ensureSet } from '../../bench/generate';
import { EXAMPLES, sampleReports } from '../helpers/samples';

const ROOT = path.join(__dirname, '..', '..');

/** Everything ExcelJS reads from a workbook, as plain data, sheet by sheet. */
async function readBack(bytes: Uint8Array): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: unknown[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    const rows: Record<number, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height || row.hidden) rows[r] = { height: row.height, hidden: row.hidden };
      row.eachCell({ includeEmpty: true }, (c) => {
        cells[c.address] = {
          value: c.value,
          style: JSON.parse(JSON.stringify(c.style ?? {})),
          note: c.note === undefined ? undefined : typeof c.note === 'string' ? c.note : (c.note.texts ?? []).map((t) => t.text).join(''),
          master: c.isMerged ? c.master.address : undefined,
        };
      });
    });
    const model = ws.model as unknown as { merges?: string[]; dataValidations?: unknown; sheetProtection?: unknown };
    sheets.push({
      name: ws.name,
      state: ws.state,
      columns: (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden })),
      rows,
      cells,
      merges: [...(model.merges ?? [])].sort(),
      views: ws.views,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
      autoFilter: ws.autoFilter,
      dataValidations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      protection: model.sheetProtection ?? null,
    });
  });
  return sheets;
}

async function viaExcelJs(plan: OutputPlan): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-writer-'));
  const file = path.join(dir, 'tong-hop.xlsx');
  await writeWorkbookFileWithExcelJs(plan, file);
  return new Uint8Array(await fs.readFile(file));
}

async function expectSameWorkbook(plan: OutputPlan): Promise<void> {
  const [lean, reference] = await Promise.all([readBack(workbookBytes(plan)), viaExcelJs(plan).then(readBack)]);
  expect(lean.length).toBe(reference.length);
  // Sheet by sheet and property by property, so a failure names what differs.
  lean.forEach((sheet, i) => {
    const a = sheet as Record<string, unknown>;
    const b = reference[i] as Record<string, unknown>;
    for (const key of Object.keys(b)) expect({ sheet: b.name, [key]: a[key] }).toEqual({ sheet: b.name, [key]: b[key] });
  });
}

async function planOfFolder(rulesFile: string, reports: Array<{ name: string; bytes: Uint8Array }>): Promise<OutputPlan> {
  const rulesModel = await readWorkbookBuffer(await fs.readFile(rulesFile), path.basename(rulesFile));
  const { rules, problems } = readRules(rulesModel);
  const session = new CheckSession(rules, problems);
  for (const r of reports) session.addWorkbook(await readWorkbookBuffer(r.bytes, r.name));
  return planOutput(session.finish());
}

describe('the lean writer writes what ExcelJS wrote', () => {
  test('the samples\' rollup', async () => {
    await expectSameWorkbook(await planOfFolder(path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), await sampleReports()));
  });

  test('a province\'s rollup (170 generated reports)', async () => {
    const set = await ensureSet(170, ROOT, () => undefined);
    const names = (await fs.readdir(set.reports)).filter((n) => n.endsWith('.xlsx')).sort();
    const reports = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await fs.readFile(path.join(set.reports, name))) })));
    const plan = await planOfFolder(set.rules, reports);
    expect(plan.sheets.flatMap((s) => s.cells).length).toBeGreaterThan(5000);
    await expectSameWorkbook(plan);
  }, 120_000);

  test('every property a plan can state: merges over planned cells, notes, hidden columns, heights, portrait without fit, no page', async () => {
    const sheet: PlannedSheet = {
      name: 'Đơn vị <&> "A"',
      cells: [
        { row: 1, col: 1, value: { text: 'Tiêu đề & <b>' }, bold: true, wrap: true, align: 'center', fill: 'D9E1F2' },
        // Planned in a merged area after its first cell: the area takes both looks, the value goes to A1.
        { row: 1, col: 3, value: { empty: true }, numFmt: '0.00%', fill: 'FFC7CE' },
        { row: 2, col: 2, value: { number: 1234.5 }, numFmt: '#,##0.##', note: '  ghi chú\nhai dòng ' },
        { row: 2, col: 1, value: { text: '=HYPERLINK("x")' } },
        { row: 3, col: 1, value: { formula: 'SUM(B2:B2)' }, numFmt: '#,##0', unlocked: true },
        { row: 3, col: 4, value: { number: 0.125 }, numFmt: '0%', align: 'right' },
        { row: 5, col: 2, value: { text: 'Ấp\u000Bmột\u0000' }, align: 'left', note: 'x' },
        { row: 3, col: 4, value: { number: -7 }, numFmt: '+#,##0;-#,##0;0' },
        // Planned in a merged area's first row but not its first cell (ExcelJS's streaming writer
        // had already written the rows above when a lower row of an area came; the engine never
        // plans cells there).
        { row: 5, col: 4, value: { text: 'ở ô gộp' }, wrap: true },
      ],
      merges: [
        { top: 1, left: 1, bottom: 1, right: 4 },
        { top: 5, left: 3, bottom: 6, right: 4 },
      ],
      widths: [6, 0, 30, 30, 12],
      frozenRows: 2,
      frozenCols: 0,
      rowHeights: { 2: 48, 5: 20 },
      hiddenCols: [5],
      autoFilter: 'A2:D3',
      page: { orientation: 'portrait', fitToWidth: false, footer: 'A & B', printArea: 'A1:E6' },
    };
    const bare: PlannedSheet = { name: 'Trống', cells: [{ row: 2, col: 2, value: { number: 1 } }], merges: [], widths: [], frozenRows: 0, frozenCols: 3 };
    const both: PlannedSheet = { ...bare, name: 'Cả hai', frozenRows: 4, frozenCols: 2, page: { orientation: 'landscape', fitToWidth: true, repeatRows: '1:3' } };
    await expectSameWorkbook({ sheets: [sheet, bare, both], flags: [] });
  });

  test('a difference in any property is seen (the comparison can fail)', async () => {
    const plan = await planOfFolder(path.join(EXAMPLES, 'chi-tieu-2023.xlsx'), await sampleReports());
    const changed: OutputPlan = { ...plan, sheets: plan.sheets.map((s, i) => (i === 0 ? { ...s, widths: s.widths.map((w, k) => (k === 1 ? w + 1 : w)) } : s)) };
    const [lean, reference] = await Promise.all([readBack(workbookBytes(changed)), viaExcelJs(plan).then(readBack)]);
    expect(lean).not.toEqual(reference);
  });
});

test('text is escaped for XML and characters XML does not allow are dropped', () => {
  expect(xmlText(`a&b<c>"d"'e'\u0001\u000B\u007F\tf\ng`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;\tf\ng');
  expect(xmlText('Phường Hòa Lạc')).toBe('Phường Hòa Lạc');
});
