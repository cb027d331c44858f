// Synthetic unit report workbooks shaped like the real ones: title block, merged two-row
// header, column-number row, section rows, figures, a rate formula with its cached
// result, an error value, a date, a hidden helper column, and (optionally) TCVN3 text.
import { Sheet, WorkbookModel, newSheet, setCell } from '../../src/core/model';

const ROWS = [
  ['I. HỘI NÔNG DÂN', null, null, null],
  ['Tổng số hội viên', 'hội viên', 1200, 1250],
  ['Kết nạp mới', 'hội viên', 200, 187],
  ['Số mô hình dân vận khéo', 'mô hình', 10, 12],
  ['II. HỘI CỰU CHIẾN BINH', null, null, null],
  ['Tổng số hội viên', 'hội viên', 500, 512],
  ['Kết nạp mới', 'hội viên', 80, 64],
  ['Số cuộc giám sát', 'cuộc', 12, 9],
];

export function unitSheet(name: string, opts: { legacy?: boolean; extraRows?: number } = {}): Sheet {
  const s = newSheet(name);
  const legacy = opts.legacy ?? false;
  setCell(s, 1, 1, legacy ? { value: 'B¸o c¸o kÕt qu¶ c«ng t¸c d©n vËn', font: '.VnTime' } : { value: `ĐẢNG ỦY ${name.toUpperCase()}` });
  setCell(s, 2, 1, { value: 'BÁO CÁO KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2023' });
  setCell(s, 3, 1, { value: new Date(Date.UTC(2023, 11, 14)), numFmt: 'dd/mm/yyyy' });
  const head = ['STT', 'Nội dung', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ %', 'Ghi chú'];
  head.forEach((h, i) => setCell(s, 5, i + 1, { value: h }));
  s.merges.push({ top: 5, left: 1, bottom: 6, right: 1 }, { top: 5, left: 2, bottom: 6, right: 2 }, { top: 1, left: 1, bottom: 1, right: 7 });
  head.forEach((_, i) => setCell(s, 7, i + 1, { value: `(${i + 1})` }));
  const rows = [...ROWS];
  for (let k = 0; k < (opts.extraRows ?? 0); k++) rows.push([`Chỉ tiêu bổ sung số ${k + 1} của đơn vị`, 'lượt', 10 + k, 9 + k]);
  rows.forEach((row, i) => {
    const r = 8 + i;
    setCell(s, r, 1, { value: i + 1 });
    setCell(s, r, 2, legacy && i === 1 ? { value: 'Sè héi viªn', font: '.VnTime' } : { value: row[0] as string });
    if (row[1] === null) return;
    setCell(s, r, 3, { value: row[1] as string });
    setCell(s, r, 4, { value: row[2] as number, numFmt: '#,##0' });
    setCell(s, r, 5, { value: row[3] as number, numFmt: '#,##0' });
    const rate = (row[3] as number) / (row[2] as number);
    setCell(s, r, 6, { value: rate, formula: `E${r}/D${r}`, numFmt: '0.00%' });
  });
  const last = 8 + rows.length;
  setCell(s, last, 2, { value: 'Số hộ nghèo giảm' });
  setCell(s, last, 5, { value: { error: '#DIV/0!' }, formula: `1/0` });
  setCell(s, last, 7, { value: '#N/A', numFmt: '@' }); // text that only looks like an error
  setCell(s, last + 1, 2, { value: 'Ghi chú: số liệu đang tổng hợp' });
  setCell(s, last + 1, 9, { value: 'cột phụ' });
  s.hiddenCols.push(9);
  s.hiddenRows.push(last + 1);
  return s;
}

export function unitWorkbook(n: number, opts: { legacyEvery?: number; extraRows?: number } = {}): WorkbookModel {
  const sheets: Sheet[] = [];
  for (let i = 1; i <= n; i++) sheets.push(unitSheet(`Xã ${i}`, { legacy: opts.legacyEvery ? i % opts.legacyEvery === 0 : false, extraRows: opts.extraRows }));
  return { name: `bao-cao-${n}.xlsx`, sheets };
}
