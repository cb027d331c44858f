// The pane's file import goes through the same reader as the command line: hostile files picked
// in the pane are refused with their message, and the other files are still checked.
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCheck } from '../../src/taskpane/check';
import type { PickedFile } from '../../src/taskpane/check';
import type { PaneHost } from '../../src/taskpane/host';
import { stringsFor } from '../../src/taskpane/strings';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

const picked = (name: string, bytes: Uint8Array): PickedFile => ({ name, bytes: async () => bytes });

const emptyWorkbook: PaneHost = {
  displayLanguage: 'vi-VN',
  describeWorkbook: async () => ({ name: 'Sổ.xlsx', sheets: [] }),
  readSheets: async () => ({ name: 'Sổ.xlsx', sheets: [] }),
  writeRollup: async () => [],
  applyFlags: async () => ({ applied: 0, skipped: 0 }),
  clearFlags: async () => ({ restored: 0, kept: 0 }),
  selectCell: async () => ({ hidden: false }),
  showSheet: async () => undefined,
  insertSheets: async () => [],
  writeFeedback: async () => [],
  appendExplanation: async () => undefined,
  loadPreviousCheck: async () => null,
  savePreviousCheck: async () => undefined,
  saveFile: async () => undefined,
};

test('a zip bomb, a million-row sheet, 600 sheets and a ten-million-character cell picked with a good report', async () => {
  const good = new Uint8Array(await fs.readFile(path.join(EXAMPLES, 'bao-cao', 'ThanhSon.xlsx')));
  const bomb = Uint8Array.from(good);
  const view = new DataView(bomb.buffer);
  for (let i = 0; i + 4 <= bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1 << 30, true);
  const zip = await JSZip.loadAsync(good);
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', sheetXml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:G1000000"/>'));
  const million = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const many = new ExcelJS.Workbook();
  for (let i = 1; i <= 600; i++) many.addWorksheet(`S${i}`).getCell('A1').value = i;
  const long = new ExcelJS.Workbook();
  long.addWorksheet('Biểu').getCell('B2').value = 'x'.repeat(10_000_000);

  const t = stringsFor('vi-VN');
  const rules = picked('chi-tieu-2023.xlsx', new Uint8Array(await fs.readFile(path.join(EXAMPLES, 'chi-tieu-2023.xlsx'))));
  const files = [
    picked('ThanhSon.xlsx', good),
    picked('bom.xlsx', bomb),
    picked('trieu-dong.xlsx', million),
    picked('600-trang.xlsx', new Uint8Array((await many.xlsx.writeBuffer()) as ArrayBuffer)),
    picked('dai.xlsx', new Uint8Array((await long.xlsx.writeBuffer()) as ArrayBuffer)),
  ];
  const { result } = await runCheck(emptyWorkbook, { rules: { from: 'file', file: rules }, sheets: 'all', files }, t);
  const refused = result.findings.filter((f) => f.kind === 'unreadable-file').map((f) => [f.file, f.message]);
  expect(refused).toEqual([
    ['600-trang.xlsx', expect.stringMatching(/có 600 trang tính \(giới hạn 500\)/)],
    ['bom.xlsx', expect.stringMatching(/khi giải nén sẽ chiếm \d+ MB \(giới hạn 200 MB\)/)],
    ['dai.xlsx', expect.stringMatching(/trang "Biểu", ô B2: chữ dài 10\.000\.000 ký tự/)],
    ['trieu-dong.xlsx', expect.stringMatching(/với 1\.000\.000 dòng \(giới hạn 50\.000\)/)],
  ]);
  expect(result.submissions.map((s) => [s.file, s.unit])).toEqual([['ThanhSon.xlsx', 'Xã Thanh Sơn']]);
});
