// The bundled samples' checks, as one reusable suite: a set of report workbooks (the originals,
// or the same reports saved by another program) must give exactly the findings, area totals and
// ratios that test/fixtures/expected.json states.
import path from 'path';
import { promises as fs } from 'fs';
import { CheckSession, readRules, toResultJson } from '../../src/core';
import type { Finding, WorkbookModel } from '../../src/core';
import { readWorkbookBuffer } from '../../src/files/read';
import expected from '../fixtures/expected.json';

export const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** The sample reports' bytes, by file name, sorted. */
export async function sampleReports(dir = path.join(EXAMPLES, 'bao-cao')): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const names = (await fs.readdir(dir)).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await fs.readFile(path.join(dir, name))) })));
}

async function runSet(load: () => Promise<WorkbookModel[]>) {
  const rulesModel = await readWorkbookBuffer(await fs.readFile(path.join(EXAMPLES, 'chi-tieu-2023.xlsx')), 'chi-tieu-2023.xlsx');
  const { rules, problems } = readRules(rulesModel);
  const session = new CheckSession(rules, problems);
  for (const wb of await load()) session.addWorkbook(wb);
  return { result: session.finish(), problems };
}

type Key = { unit: string; indicator?: string; kind: string; check?: string; against?: string };
const keyOf = (f: Key) => [f.unit, f.indicator ?? '', f.kind, f.check ?? '', f.against === 'plan' ? 'plan' : ''].join(' | ');

/** Every assertion the samples must pass, for one set of workbooks. */
export function describeSampleSet(title: string, load: () => Promise<WorkbookModel[]>): void {
  describe(title, () => {
    let result: Awaited<ReturnType<typeof runSet>>['result'];
    let problems: Finding[];
    beforeAll(async () => {
      ({ result, problems } = await runSet(load));
    });

    test('the rules workbook reads without problems', () => {
      expect(problems).toEqual([]);
      expect(result.rules.indicators).toHaveLength(35);
      expect(result.rules.crossChecks).toHaveLength(6);
      expect(result.rules.roster.map((u) => u.name)).toEqual([...expected.units, ...expected.missingUnits]);
      expect(result.period).toMatchObject(expected.period);
    });

    test('finds exactly the expected errors, warnings and exceeded targets', () => {
      const optional = new Set(expected.optional.map((o) => `${o.unit} | ${o.indicator}`));
      const found = result.findings
        .filter((f) => f.severity !== 'info' || f.kind === 'exceeded')
        .filter((f) => !optional.has(`${f.unit} | ${f.indicator}`))
        .map((f) => keyOf({ ...f, indicator: f.indicator ?? undefined, check: f.check ?? undefined }))
        .sort();
      const want = (expected.findings as Key[]).map(keyOf).sort();
      expect(found).toEqual(want);
    });

    test('severities of the expected findings are as stated', () => {
      for (const e of expected.findings as Array<Key & { severity?: string }>) {
        const f = result.findings.find((x) => keyOf({ ...x, indicator: x.indicator ?? undefined, check: x.check ?? undefined }) === keyOf(e))!;
        expect(f).toBeDefined();
        if (e.severity) expect(f.severity).toBe(e.severity);
        else expect(['error', 'warning']).toContain(f.severity);
      }
    });

    test('lists the unmapped rows with their labels', () => {
      const rows = result.findings.filter((f) => f.kind === 'unmapped-row').map((f) => ({ unit: f.unit, label: f.actual }));
      expect(rows).toEqual(expect.arrayContaining(expected.unmappedRows));
      expect(rows).toHaveLength(expected.unmappedRows.length);
    });

    test('area totals and ratios match', () => {
      const json = toResultJson(result);
      for (const [code, value] of Object.entries(expected.totals)) expect([code, json.totals[code]]).toEqual([code, value]);
      for (const [code, value] of Object.entries(expected.ratios)) expect(json.ratios[code]).toBeCloseTo(value, 12);
    });

    test('every figure is read from the expected cell', () => {
      for (const [unit, cells] of Object.entries(expected.cells)) {
        const row = result.rows.find((r) => r.unit === unit)!;
        expect(row.report).not.toBeNull();
        for (const [code, at] of Object.entries(cells)) {
          const entry = row.report!.entries.get(code);
          expect([unit, code, entry?.value.address]).toEqual([unit, code, `${at.col}${at.row}`]);
        }
      }
    });

    test('every finding on a unit names its file, sheet and cell', () => {
      for (const f of result.findings) {
        if (f.unit === '*' || f.kind === 'missing-unit') continue;
        expect([f.kind, f.file, f.sheet]).toEqual([f.kind, expect.any(String), expect.any(String)]);
        expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      }
    });
  });
}
