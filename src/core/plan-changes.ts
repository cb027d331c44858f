// "Thay đổi": what changed since the check this one was compared with: findings new, fixed and
// accepted since, units newly sent, newly readable or no longer read, and each figure that changed.
import { Changes, FindingRef } from './changes';
import { FINDING_KINDS, FindingKind } from './findings';
import { PlannedCell, PlannedSheet } from './plan';
import { SHEET_NAMES, empty, header, num, text } from './plan-cells';
import { Rules } from './rules';

export function planChanges(changes: Changes, rules: Rules): PlannedSheet {
  const sheet: PlannedSheet = { name: SHEET_NAMES.changes, cells: [], merges: [], widths: [6, 24, 34, 22, 14, 14, 70], frozenRows: 0, frozenCols: 0 };
  const put = (row: number, col: number, v: string | number | null, extra: Partial<PlannedCell> = {}) =>
    sheet.cells.push({ row, col, value: v === null ? empty : typeof v === 'number' ? num(v) : text(v), ...extra });
  put(1, 1, `THAY ĐỔI SO VỚI LẦN KIỂM TRA TRƯỚC (${changes.previous.file}${changes.previous.period ? `, kỳ ${changes.previous.period}` : ''})`, { bold: true });
  put(2, 1, changesSummary(changes));
  let row = 4;
  const findingsBlock = (title: string, list: FindingRef[]) => {
    if (!list.length) return;
    put(row, 1, `${title} (${list.length})`, { bold: true });
    ['STT', 'Đơn vị', 'Chỉ tiêu', 'Loại', '', '', 'Nội dung'].forEach((h, i) => h && sheet.cells.push(header(row + 1, i + 1, h)));
    list.forEach((f, i) => {
      const r = row + 2 + i;
      const ind = f.indicator ? rules.byCode.get(f.indicator) : undefined;
      put(r, 1, i + 1);
      put(r, 2, f.unit === '*' ? 'Toàn địa bàn' : f.unit);
      put(r, 3, f.indicator ? (ind ? `${f.indicator} – ${ind.name}` : f.indicator) : f.check);
      put(r, 4, FINDING_KINDS[f.kind as FindingKind]?.label ?? f.kind);
      put(r, 7, f.message, { wrap: true });
    });
    row += list.length + 3;
  };
  findingsBlock('Phát hiện mới', changes.findings.new);
  findingsBlock('Đã sửa', changes.findings.fixed);
  findingsBlock('Đã chấp nhận giải trình', changes.findings.accepted);
  const units: Array<[string, string[]]> = [
    ['Đơn vị mới gửi báo cáo', changes.units.newlySent],
    ['Đơn vị nay đọc được tệp', changes.units.newlyReadable],
    ['Đơn vị lần này không đọc được báo cáo', changes.units.noLongerRead],
  ];
  for (const [title, list] of units) {
    if (!list.length) continue;
    put(row, 1, `${title} (${list.length}): ${list.join(', ')}`, { bold: true });
    row += 2;
  }
  if (changes.figures.length) {
    put(row, 1, `Số liệu thay đổi (${changes.figures.length})`, { bold: true });
    ['STT', 'Đơn vị', 'Chỉ tiêu', '', 'Lần trước', 'Lần này'].forEach((h, i) => h && sheet.cells.push(header(row + 1, i + 1, h)));
    changes.figures.forEach((c, i) => {
      const r = row + 2 + i;
      const ind = rules.byCode.get(c.indicator);
      put(r, 1, i + 1);
      put(r, 2, c.unit === '*' ? 'Toàn địa bàn (tổng)' : c.unit);
      put(r, 3, ind ? `${c.indicator} – ${ind.name}` : c.indicator);
      put(r, 5, c.before, { numFmt: '#,##0.##' });
      put(r, 6, c.after, { numFmt: '#,##0.##' });
    });
  } else if (changes.figuresNotCompared) {
    put(row, 1, `Số liệu chưa so sánh được: ${changes.figuresNotCompared}.`);
  }
  return sheet;
}

/** One line: "2 phát hiện mới, 1 đã sửa, 0 đã chấp nhận giải trình, 14 vẫn còn; 1 đơn vị mới gửi; 3 số liệu thay đổi." */
export function changesSummary(c: Changes): string {
  const units = [
    c.units.newlySent.length ? `${c.units.newlySent.length} đơn vị mới gửi` : '',
    c.units.newlyReadable.length ? `${c.units.newlyReadable.length} đơn vị nay đọc được tệp` : '',
    c.units.noLongerRead.length ? `${c.units.noLongerRead.length} đơn vị lần này không đọc được` : '',
  ].filter(Boolean);
  const figures = c.figuresNotCompared ? 'số liệu từng đơn vị chưa so sánh được' : `${c.figures.length} số liệu thay đổi`;
  return `${c.findings.new.length} phát hiện mới, ${c.findings.fixed.length} đã sửa, ${c.findings.accepted.length} đã chấp nhận giải trình, ${c.findings.open} vẫn còn${units.length ? `; ${units.join(', ')}` : ''}; ${figures}.`;
}
