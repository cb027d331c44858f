// The engine's real output on the samples, read from and written into the fake Excel host:
// the units' sheets of the open workbook are checked, flagged, cleared and rolled up.
import path from 'path';
import { CheckSession, planOutput, readRules } from '../../src/core';
import { applyFlags, clearFlags, readWorkbook, writePlan } from '../../src/excel';
import { supportsUpTo } from '../../src/excel/requirements';
import { FakeExcel } from './fakeExcel';
import { countSyncs } from './helpers';
import { loadXlsx } from './xlsxModel';
import { EXAMPLES, officeWorkbook } from './samples';
import { README_SYNCS } from './readmeCounts';

const all = supportsUpTo('1.18');

async function check(host: FakeExcel) {
  const { rules } = readRules(await loadXlsx(path.join(EXAMPLES, 'chi-tieu-2023.xlsx')));
  const { result: model, syncs } = await countSyncs(host, () => readWorkbook(host.context(), { supports: all }));
  expect(syncs).toBe(README_SYNCS.read);
  const session = new CheckSession(rules);
  session.addWorkbook(model);
  return session.finish();
}

test('check, flag, clear and roll up the samples inside the workbook', async () => {
  const host = new FakeExcel(await officeWorkbook(), { api: '1.18' });
  const before = host.sheetNames().map((n) => host.snapshot(n));
  const result = await check(host);
  expect(result.rows.filter((r) => r.report).map((r) => r.report!.file)).toEqual(new Array(6).fill('Báo cáo 2023.xlsx'));
  const plan = planOutput(result);

  const flags = plan.flags.filter((f) => f.file === 'Báo cáo 2023.xlsx');
  expect(flags.length).toBeGreaterThan(10);
  const applied = await applyFlags(host.context(), flags, { supports: all });
  const thanhSon = host.sheet('ThanhSon');
  expect(thanhSon.get(36, 5)!.fill.color?.toUpperCase()).toBe('#FFC7CE');
  expect(thanhSon.notes.get('E36')).toMatch(/khoảng 40/);
  void applied;
  await clearFlags(host.context(), null, { supports: all });
  expect(host.sheetNames().slice(0, 6).map((n) => host.snapshot(n))).toEqual(before);

  const { syncs } = await countSyncs(host, () => writePlan(host.context(), plan, { supports: all }));
  expect(syncs).toBe(README_SYNCS.write);
  expect(host.sheetNames()).toEqual([...before.map((_, i) => host.sheetNames()[i]), 'Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
  const rates = host.sheet('Tỷ lệ');
  expect(rates.get(5, 3)!.formula).toMatch(/^IFERROR\('Tổng hợp'!/);
  expect(rates.charts).toHaveLength(1);
  expect(rates.charts[0]).toMatchObject({ type: 'BarClustered', title: 'Tỷ lệ chỉ tiêu đạt của từng đơn vị', legend: false, position: 'K3' });
  expect(rates.charts[0].series[0]).toMatchObject({ name: 'Chỉ tiêu đạt', categories: 'B5:B11' });
  // A second run replaces its own sheets and leaves no duplicates.
  await writePlan(host.context(), planOutput(await check(host)), { supports: all });
  expect(host.sheetNames().filter((n) => /Tổng hợp|Tỷ lệ|Kết quả|Báo cáo/.test(n))).toEqual(['Tổng hợp', 'Tỷ lệ', 'Kết quả kiểm tra', 'Báo cáo']);
  expect(host.sheetNames().slice(0, 6).map((n) => host.snapshot(n))).toEqual(before);
});
