// Names and labels an attacker (or a careless paste) could use: codes and sheet names that are
// object-prototype keys, unit names and labels that look like formulas. They stay data.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { BASE_INDICATORS, goodRows, reportSheet, rulesWorkbook, xlsx } from '../helpers/build';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('prototype keys and formula-looking text from the inputs stay data, everywhere in the output', async () => {
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-hostile-'));
  const rules = path.join(dir, 'rules.xlsx');
  const indicators = [
    ...BASE_INDICATORS,
    { code: '__proto__', section: 'Hội Nông dân', name: 'Số tổ hội', uom: 'tổ', condition: 'ít nhất 1', scope: 'Mỗi đơn vị', severity: 'Lỗi' },
    { code: 'constructor', section: 'Hội Nông dân', name: 'Số chi hội', uom: 'chi hội' },
  ];
  const roster: Array<[string, string, string]> = [
    ['=Xã A', '', 'Xã'],
    ['+Phường B', '', 'Phường'],
    ['@Xã C', '', 'Xã'],
  ];
  await fs.writeFile(rules, await rulesWorkbook({ indicators, roster }));
  await fs.mkdir(path.join(dir, 'in'));
  const rows = goodRows({ HND_KN: '=HYPERLINK("http://x","bấm")' });
  rows.push({ stt: 9, label: 'Số tổ hội', value: 0 }, { stt: 10, label: '-1+2', value: 5 }, { stt: 11, label: '@SUM(A1:A9)', value: 1 });
  await fs.writeFile(path.join(dir, 'in', 'a.xlsx'), await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY =XÃ A', rows, sheetName: '__proto__' })]));
  await fs.writeFile(path.join(dir, 'in', 'b.xlsx'), await xlsx([reportSheet({ unitLine: 'ĐẢNG ỦY +PHƯỜNG B', rows: goodRows(), sheetName: 'constructor' })]));
  const res = await run(['check', '--rules', rules, '--out', path.join(dir, 'out'), path.join(dir, 'in')]);
  expect(res.code).toBe(1);

  const json = JSON.parse(await fs.readFile(path.join(dir, 'out', 'ket-qua.json'), 'utf8'));
  expect(json.submissions.map((s: { sheet: string; unit: string }) => [s.sheet, s.unit])).toEqual([
    ['__proto__', '=Xã A'],
    ['constructor', '+Phường B'],
  ]);
  expect(Object.keys(json.totals)).toContain('__PROTO__');
  expect(json.findings.some((f: { indicator: string; unit: string; kind: string }) => f.indicator === '__PROTO__' && f.unit === '=Xã A' && f.kind === 'shortfall')).toBe(true);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  expect(({} as Record<string, unknown>).HND_HV).toBeUndefined();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'out', 'tong-hop.xlsx'));
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        if (v && typeof v === 'object' && 'formula' in v) expect(String((v as { formula: string }).formula)).toMatch(/^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|IFERROR\(.*,""\))$/);
        if (typeof v === 'string') texts.push(v);
      }),
    ),
  );
  expect(texts).toEqual(expect.arrayContaining(['=Xã A', '+Phường B', '@Xã C', '=HYPERLINK("http://x","bấm")', '__proto__', 'constructor']));
  // The IFERROR formulas name only the rollup sheet and cells, never input text.
  const rates = wb.getWorksheet('Tỷ lệ')!;
  rates.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value as { formula?: string };
      if (v && typeof v === 'object' && v.formula) expect(v.formula).toMatch(/^IFERROR\(([()*/+\-]|'Tổng hợp'![A-Z]+\d+)+,""\)$/);
    }),
  );
});
