// The sample reports as other programs save them (made by scripts/convert-samples.js, committed
// under test/fixtures/converted) check exactly as the originals: the same findings, area totals
// and ratios as test/fixtures/expected.json states.
import path from 'path';
import { promises as fs } from 'fs';
import { readWorkbookBuffer } from '../../src/files/read';
import { describeSampleSet, sampleReports } from '../helpers/samples';

const CONVERTED = path.join(__dirname, '..', 'fixtures', 'converted');
const SETS = ['libreoffice-xls', 'libreoffice-ods', 'libreoffice-xlsx', 'openpyxl-xlsx', 'sheetjs-xlsx', 'sheetjs-xlsb'];

/** The set's files, named as the originals were (a unit's report keeps its name whatever the format). */
async function readSet(set: string) {
  const files = await sampleReports(path.join(CONVERTED, set));
  return Promise.all(files.map((f) => readWorkbookBuffer(f.bytes, f.name)));
}

test('every set holds the six samples, in its own format', async () => {
  const originals = (await sampleReports()).map((f) => f.name.replace(/\.xlsx$/, ''));
  for (const set of SETS) {
    const names = (await fs.readdir(path.join(CONVERTED, set))).sort();
    expect([set, names.map((n) => n.replace(/\.[a-z]+$/, ''))]).toEqual([set, originals]);
    expect(names.every((n) => n.endsWith(`.${set.replace(/^.*-/, '')}`))).toBe(true);
  }
});

test('the openpyxl set holds formulas without results, so the check computes them', async () => {
  const models = await readSet('openpyxl-xlsx');
  const dongTam = models.find((m) => m.name.startsWith('DongTam'))!;
  // Before the check: the total E11 (=E12+E13) has no stored result.
  expect(dongTam.sheets[0].rows[11]![5]).toMatchObject({ value: null, formula: 'E12+E13' });
});

test("formulas and their results come through from LibreOffice's .xls and .ods", async () => {
  for (const set of ['libreoffice-xls', 'libreoffice-ods']) {
    const dongTam = (await readSet(set)).find((m) => m.name.startsWith('DongTam'))!;
    expect([set, dongTam.sheets[0].rows[11]![5]]).toEqual([set, expect.objectContaining({ value: 6, formula: 'E12+E13' })]);
  }
});

for (const set of SETS) describeSampleSet(`the samples saved by ${set.replace('-', ' as ')}`, () => readSet(set));

test('hidden rows come through from every format (DongTam hides row 22)', async () => {
  for (const set of SETS) {
    const dongTam = (await readSet(set)).find((m) => m.name.startsWith('DongTam'))!;
    expect([set, dongTam.sheets[0].hiddenRows]).toEqual([set, [22]]);
  }
});
