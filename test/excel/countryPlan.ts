// A rollup plan the size of a country-wide check, shaped as src/core/output.ts shapes it:
// "Tổng hợp" (a row per unit, a column per indicator, fills and notes on cells with findings,
// a total row of SUM formulas), "Tỷ lệ" (rates as formulas over "Tổng hợp", a chart) and
// "Kết quả kiểm tra" (a row per finding, ten columns). The findings' texts are the engine's own
// on the samples, cycled with the units' names, so lengths and characters are the real ones.
import { columnLetter } from '../../src/core/model';
import type { Finding, OutputPlan, PlannedCell, PlannedSheet } from '../../src/core';

const INDICATORS = 29;
const RATES = 6;

export function countryPlan(units: number, findings: number, pool: Finding[]): OutputPlan {
  const names = Array.from({ length: units }, (_, i) => `${i % 2 ? 'Xã' : 'Phường'} ${['Tân Hòa', 'Bình Thạnh', 'Yên Bình', 'Đồng Tâm'][i % 4]} ${i + 1}`);
  return { sheets: [rollup(names, findings, pool), rates(names), findingsSheet(names, findings, pool)], flags: [] };
}

const text = (t: string) => ({ text: t });

function header(row: number, col: number, t: string): PlannedCell {
  return { row, col, value: text(t), bold: true, wrap: true, align: 'center', fill: 'D9E1F2' };
}

function rollup(names: string[], findings: number, pool: Finding[]): PlannedSheet {
  const cells: PlannedCell[] = [{ row: 1, col: 1, value: text('TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU – NĂM 2023'), bold: true }];
  cells.push(header(4, 1, 'STT'), header(4, 2, 'Đơn vị'), header(4, 3, 'Tình trạng'));
  for (let k = 0; k < INDICATORS; k++) {
    cells.push(header(5, 4 + k, `${pool[k % pool.length].indicator || 'Chỉ tiêu'} (hội viên)`), { ...header(6, 4 + k, `CT_${k + 1}`), bold: false });
  }
  // Cells with a finding carry its colour and message, as the engine marks them (about 60 %
  // of findings sit on a unit's indicator cell).
  let marked = Math.min(Math.round(findings * 0.6), names.length * INDICATORS);
  names.forEach((name, i) => {
    const row = 7 + i;
    cells.push({ row, col: 1, value: { number: i + 1 } }, { row, col: 2, value: text(name) }, { row, col: 3, value: text(i % 7 ? 'Có cảnh báo' : 'Có lỗi') });
    for (let k = 0; k < INDICATORS; k++) {
      const cell: PlannedCell = { row, col: 4 + k, value: { number: 100 + ((i * 37 + k * 11) % 900) }, numFmt: '#,##0' };
      if (marked > 0 && (i + k) % 2 === 0) {
        cell.fill = 'FFEB9C';
        cell.note = pool[(i + k) % pool.length].message;
        marked--;
      }
      cells.push(cell);
    }
  });
  const total = 7 + names.length;
  cells.push({ row: total, col: 2, value: text('Tổng cộng'), bold: true });
  for (let k = 0; k < INDICATORS; k++) {
    const c = columnLetter(4 + k);
    cells.push({ row: total, col: 4 + k, value: { formula: `SUM(${c}7:${c}${total - 1})` }, numFmt: '#,##0', bold: true });
  }
  return { name: 'Tổng hợp', cells, merges: [1, 2, 3].map((c) => ({ top: 4, left: c, bottom: 6, right: c })), widths: [6, 28, 22, ...new Array(INDICATORS).fill(14)], frozenRows: 6, frozenCols: 2 };
}

function rates(names: string[]): PlannedSheet {
  const cells: PlannedCell[] = [{ row: 1, col: 1, value: text('TỶ LỆ THỰC HIỆN CHỈ TIÊU'), bold: true }, header(4, 1, 'STT'), header(4, 2, 'Đơn vị')];
  for (let k = 0; k < RATES; k++) cells.push(header(4, 3 + k, `Tỷ lệ ${k + 1}`));
  names.forEach((name, i) => {
    const row = 5 + i;
    const src = 7 + i;
    cells.push({ row, col: 1, value: { number: i + 1 } }, { row, col: 2, value: text(name) });
    for (let k = 0; k < RATES; k++) {
      const [a, b] = [columnLetter(5 + 2 * k), columnLetter(4 + 2 * k)];
      cells.push({ row, col: 3 + k, value: { formula: `IFERROR('Tổng hợp'!${a}${src}/'Tổng hợp'!${b}${src},"")` }, numFmt: '0.00%' });
    }
  });
  const last = 4 + names.length;
  return {
    name: 'Tỷ lệ',
    cells,
    merges: [],
    widths: [6, 28, ...new Array(RATES).fill(12)],
    frozenRows: 4,
    frozenCols: 2,
    charts: [{ title: 'Tỷ lệ chỉ tiêu đạt của từng đơn vị', categories: `B5:B${last}`, series: [{ name: 'Chỉ tiêu đạt', values: `C5:C${last}` }], anchor: 'K3' }],
  };
}

const HEAD = ['Đơn vị', 'Chỉ tiêu', 'Loại', 'Mức độ', 'Thực hiện', 'Yêu cầu', 'Tệp', 'Trang', 'Ô', 'Nội dung'];

function findingsSheet(names: string[], findings: number, pool: Finding[]): PlannedSheet {
  const cells: PlannedCell[] = HEAD.map((h, i) => header(1, i + 1, h));
  for (let n = 0; n < findings; n++) {
    const f = pool[n % pool.length];
    const row = 2 + n;
    const unit = names[n % names.length];
    const values: Array<string | number | null> = [unit, f.indicator, f.kind, f.severity, typeof f.actual === 'number' ? f.actual : null, f.expected === null || f.expected === undefined ? '' : String(f.expected), `BC-${unit}.xlsx`, unit.slice(0, 31), f.cell ?? '', f.message.replace(/^[^:]*/, unit)];
    values.forEach((v, i) => {
      if (v === null || v === '') return;
      cells.push({ row, col: i + 1, value: typeof v === 'number' ? { number: v } : text(v), wrap: i === 9 });
    });
  }
  return { name: 'Kết quả kiểm tra', cells, merges: [], widths: [22, 14, 16, 10, 12, 14, 24, 20, 8, 80], frozenRows: 1, frozenCols: 0, autoFilter: `A1:J${findings + 1}` };
}
