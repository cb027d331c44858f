// "Thay đổi": what changed since the check this one was compared with: findings new, fixed and
// accepted since, units newly sent, newly readable or no longer read, and each figure that changed.
import { Changes, FindingRef } from './changes';
import { FINDING_KINDS, FindingKind } from './findings';
import { PlannedCell, PlannedSheet } from './plan';
import { SHEET_NAMES, empty, header, num, text } from './plan-cells';
import { Rules } from './rules';

export function planChanges(changes: Changes, rules: Rules): PlannedSheet {
  const w = new Writer({ name: SHEET_NAMES.changes, cells: [], merges: [], widths: [6, 24, 34, 22, 14, 14, 70], frozenRows: 0, frozenCols: 0 });
  w.put(1, 1, `THAY ĐỔI SO VỚI LẦN KIỂM TRA TRƯỚC (${changes.previous.file}${changes.previous.period ? `, kỳ ${changes.previous.period}` : ''})`, { bold: true });
  w.put(2, 1, changesSummary(changes));
  w.row = 4;
  findingsBlock(w, rules, 'Phát hiện mới', changes.findings.new);
  findingsBlock(w, rules, 'Đã sửa', changes.findings.fixed);
  findingsBlock(w, rules, 'Chưa kiểm tra lại được (lần này không có báo cáo đọc được của đơn vị)', changes.findings.notRechecked);
  findingsBlock(w, rules, 'Đã chấp nhận giải trình', changes.findings.accepted);
  unitsBlock(w, changes);
  figuresBlock(w, rules, changes);
  return w.sheet;
}

/** The sheet being planned and the next free row. */
class Writer {
  row = 1;
  constructor(readonly sheet: PlannedSheet) {}
  put(row: number, col: number, v: string | number | null, extra: Partial<PlannedCell> = {}) {
    this.sheet.cells.push({ row, col, value: v === null ? empty : typeof v === 'number' ? num(v) : text(v), ...extra });
  }
  heads(row: number, heads: string[]) {
    heads.forEach((h, i) => h && this.sheet.cells.push(header(row, i + 1, h)));
  }
}

function findingsBlock(w: Writer, rules: Rules, title: string, list: FindingRef[]) {
  if (!list.length) return;
  w.put(w.row, 1, `${title} (${list.length})`, { bold: true });
  w.heads(w.row + 1, ['STT', 'Đơn vị', 'Chỉ tiêu', 'Loại', '', '', 'Nội dung']);
  list.forEach((f, i) => {
    const r = w.row + 2 + i;
    const ind = f.indicator ? rules.byCode.get(f.indicator) : undefined;
    w.put(r, 1, i + 1);
    w.put(r, 2, f.unit === '*' ? 'Toàn địa bàn' : f.unit);
    w.put(r, 3, f.indicator ? (ind ? `${f.indicator} – ${ind.name}` : f.indicator) : f.check);
    w.put(r, 4, FINDING_KINDS[f.kind as FindingKind]?.label ?? f.kind);
    w.put(r, 7, f.message, { wrap: true });
  });
  w.row += list.length + 3;
}

function unitsBlock(w: Writer, changes: Changes) {
  const units: Array<[string, string[]]> = [
    ['Đơn vị mới gửi báo cáo', changes.units.newlySent],
    ['Đơn vị nay đọc được tệp', changes.units.newlyReadable],
    ['Đơn vị lần này không có báo cáo đọc được (chưa gửi hoặc tệp không đọc được)', changes.units.noLongerRead],
  ];
  for (const [title, list] of units) {
    if (!list.length) continue;
    w.put(w.row, 1, `${title} (${list.length}): ${list.join(', ')}`, { bold: true });
    w.row += 2;
  }
}

function figuresBlock(w: Writer, rules: Rules, changes: Changes) {
  if (!changes.figures.length) {
    if (changes.figuresNotCompared) w.put(w.row, 1, `Số liệu chưa so sánh được: ${changes.figuresNotCompared}.`);
    return;
  }
  w.put(w.row, 1, `Số liệu thay đổi (${changes.figures.length})`, { bold: true });
  w.heads(w.row + 1, ['STT', 'Đơn vị', 'Chỉ tiêu', '', 'Lần trước', 'Lần này']);
  changes.figures.forEach((c, i) => {
    const r = w.row + 2 + i;
    const ind = rules.byCode.get(c.indicator);
    w.put(r, 1, i + 1);
    w.put(r, 2, c.unit === '*' ? 'Toàn địa bàn (tổng)' : c.unit);
    w.put(r, 3, ind ? `${c.indicator} – ${ind.name}` : c.indicator);
    w.put(r, 5, c.before, { numFmt: '#,##0.##' });
    w.put(r, 6, c.after, { numFmt: '#,##0.##' });
  });
}

/** One line: "2 phát hiện mới, 1 đã sửa, 0 đã chấp nhận giải trình, 14 vẫn còn; 1 đơn vị mới gửi; 3 số liệu thay đổi." */
export function changesSummary(c: Changes): string {
  const units = [
    c.units.newlySent.length ? `${c.units.newlySent.length} đơn vị mới gửi` : '',
    c.units.newlyReadable.length ? `${c.units.newlyReadable.length} đơn vị nay đọc được tệp` : '',
    c.units.noLongerRead.length ? `${c.units.noLongerRead.length} đơn vị lần này không có báo cáo đọc được` : '',
  ].filter(Boolean);
  const figures = c.figuresNotCompared ? 'số liệu từng đơn vị chưa so sánh được' : `${c.figures.length} số liệu thay đổi`;
  const unchecked = c.findings.notRechecked.length ? `, ${c.findings.notRechecked.length} chưa kiểm tra lại được` : '';
  return `${c.findings.new.length} phát hiện mới, ${c.findings.fixed.length} đã sửa${unchecked}, ${c.findings.accepted.length} đã chấp nhận giải trình, ${c.findings.open} vẫn còn${units.length ? `; ${units.join(', ')}` : ''}; ${figures}.`;
}
