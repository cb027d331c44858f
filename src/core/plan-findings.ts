// "Kết quả kiểm tra": one row per finding (header frozen, autofilter on), then the findings whose
// explanation the office accepted, listed apart with the reason, then every report read and how
// its unit was recognised, so each attribution can be checked.
import { FINDING_KINDS, Finding, SEVERITY_LABEL, isAccepted } from './findings';
import { describeEvidence } from './identity';
import { PlannedCell, PlannedSheet, SEVERITY_FILL } from './plan';
import { SHEET_NAMES, empty, header, num, text } from './plan-cells';
import { CheckResult } from './session';

const HEADS = ['STT', 'Đơn vị', 'Chỉ tiêu', 'Loại', 'Mức độ', 'Thực tế', 'Yêu cầu', 'Tệp', 'Trang tính', 'Ô', 'Nội dung'];

export function planFindings(result: CheckResult): PlannedSheet {
  const sheet: PlannedSheet = { name: SHEET_NAMES.findings, cells: [], merges: [], widths: [6, 22, 34, 20, 11, 12, 12, 30, 16, 8, 80], frozenRows: 1, frozenCols: 0 };
  const open = result.findings.filter((f) => !isAccepted(f));
  const accepted = result.findings.filter(isAccepted);
  HEADS.forEach((h, i) => sheet.cells.push(header(1, i + 1, h)));
  open.forEach((f, i) => sheet.cells.push(...findingRow(result, f, i + 2, i + 1)));
  sheet.autoFilter = `A1:K${Math.max(1, open.length + 1)}`;
  let top = open.length + 3;
  if (accepted.length) {
    sheet.cells.push({ row: top, col: 1, value: text(`Đã chấp nhận giải trình (${accepted.length}): không còn tính là lỗi hay cảnh báo`), bold: true });
    HEADS.forEach((h, i) => sheet.cells.push(header(top + 1, i + 1, h)));
    accepted.forEach((f, i) => sheet.cells.push(...findingRow(result, f, top + 2 + i, i + 1)));
    top += accepted.length + 3;
  }
  submissionsBlock(result, sheet, top);
  return sheet;
}

function findingRow(result: CheckResult, f: Finding, r: number, stt: number): PlannedCell[] {
  const ind = f.indicator ? result.rules.byCode.get(f.indicator) : undefined;
  const valueCell = (v: number | string | null, col: number): PlannedCell => {
    if (typeof v === 'number') return { row: r, col, value: num(v), numFmt: ind?.rate ? '0.00%' : '#,##0.##' };
    return { row: r, col, value: v === null ? empty : text(v) };
  };
  return [
    { row: r, col: 1, value: num(stt) },
    { row: r, col: 2, value: text(f.unit === '*' ? 'Toàn địa bàn' : f.unit) },
    { row: r, col: 3, value: f.indicator ? text(ind ? `${f.indicator} – ${ind.name}` : f.indicator) : f.check ? text(f.check) : empty, wrap: true },
    { row: r, col: 4, value: text(FINDING_KINDS[f.kind].label) },
    { row: r, col: 5, value: text(isAccepted(f) ? 'Đã chấp nhận' : SEVERITY_LABEL[f.severity]), fill: SEVERITY_FILL[f.severity] },
    valueCell(f.actual, 6),
    valueCell(f.expected, 7),
    { row: r, col: 8, value: f.file ? text(f.file) : empty },
    { row: r, col: 9, value: f.sheet ? text(f.sheet) : empty },
    { row: r, col: 10, value: f.cell ? text(f.cell) : empty },
    { row: r, col: 11, value: text(f.message), wrap: true },
  ];
}

function submissionsBlock(result: CheckResult, sheet: PlannedSheet, top: number) {
  sheet.cells.push({ row: top, col: 1, value: text('Báo cáo đã đọc và cách nhận ra đơn vị'), bold: true });
  ['STT', 'Đơn vị', 'Nhận ra theo', 'Nội dung ghi', 'Tệp', 'Trang tính', 'Dùng'].forEach((h, i) => sheet.cells.push(header(top + 1, i + 1, h)));
  result.submissions.forEach((s, i) => {
    const r = top + 2 + i;
    const e = s.unitEvidence;
    sheet.cells.push(
      { row: r, col: 1, value: num(i + 1) },
      { row: r, col: 2, value: text(s.inRoster ? s.unit : `${s.unit} (không có trong danh sách)`) },
      { row: r, col: 3, value: e ? text(describeEvidence(e)) : empty },
      { row: r, col: 4, value: e ? text(e.text) : empty, wrap: true },
      { row: r, col: 5, value: text(s.file) },
      { row: r, col: 6, value: text(s.sheet) },
      { row: r, col: 7, value: text(s.used ? 'Có' : 'Không (bản trùng cũ hơn)') },
    );
  });
}
