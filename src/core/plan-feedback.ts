// A feedback sheet for each unit ("phiếu phản hồi"): what is wrong in its report, in plain
// Vietnamese, where (sheet and cell) and what is required, with a column for the unit's answer;
// for a unit that sent nothing or a file that could not be read, what to send. The command line
// writes each into a file of its own beside a copy of the unit's report with the flagged cells
// marked; the pane writes them as sheets of the open workbook.
import { FINDING_KINDS, Finding, SEVERITY_LABEL, countBySeverity, isAccepted } from './findings';
import { formatNumber, formatPercent } from './numbers';
import { CellFlag, PlannedCell, PlannedSheet, SEVERITY_FILL, fitRowHeights } from './plan';
import { FEEDBACK_TITLE, empty, header, num, text } from './plan-cells';
import { CheckResult, UnitStatus } from './session';
import type { UnitReport } from './layout';
import { parseAddress } from './model';

export interface FeedbackOptions {
  /** The office sending the feedback ("Ban Dân vận Thị ủy Hòa Bình"), written at the top. */
  office?: string;
}

export interface Feedback {
  unit: string;
  status: UnitStatus;
  sheet: PlannedSheet;
  /**
   * The unit's report that was used, to copy with its flagged cells marked. For a row of a table
   * of units (an association's): `row`, the unit's own, and `otherRows`, the other units' rows,
   * left out of the copy, so no unit is sent another's figures.
   */
  report: { file: string; sheet: string; row?: number; otherRows?: number[] } | null;
  /** Marks for the unit's own cells. */
  flags: CellFlag[];
}

export const FEEDBACK_SHEET = 'Phản hồi';

const COLUMNS = ['STT', 'Chỉ tiêu', 'Vấn đề', 'Mức độ', 'Trang tính', 'Ô', 'Số liệu đơn vị ghi', 'Yêu cầu', 'Nội dung', 'Ý kiến, giải trình của đơn vị'];
const WIDTHS = [6, 28, 18, 11, 12, 7, 12, 12, 55, 36];

/** Every roster unit with a finding, and every one that sent nothing or an unreadable file. */
export function planFeedback(result: CheckResult, opts: FeedbackOptions = {}): Feedback[] {
  const byUnit = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (!f.unit || f.unit === '*') continue;
    const list = byUnit.get(f.unit) ?? [];
    list.push(f);
    byUnit.set(f.unit, list);
  }
  const out: Feedback[] = [];
  for (const u of result.units) {
    if (u.status === 'unknown') continue;
    const findings = byUnit.get(u.unit) ?? [];
    if (findings.length === 0 && u.status !== 'missing' && u.status !== 'unreadable' && u.status !== 'other-period') continue;
    const row = result.rows.find((r) => r.unit === u.unit);
    const report = row?.report ? reportOf(result, row.report) : null;
    const flags = findings
      .filter((f) => f.file && f.sheet && f.cell && !isAccepted(f) && f.kind !== 'unmapped-row')
      .map((f) => ({ file: f.file!, sheet: f.sheet!, cell: f.cell!, severity: f.severity, message: f.message }));
    out.push({ unit: u.unit, status: u.status, sheet: feedbackSheet(result, u.unit, u.status, findings, report, opts), report, flags });
  }
  return out;
}

function feedbackSheet(result: CheckResult, unit: string, status: UnitStatus, findings: Finding[], report: Feedback['report'], opts: FeedbackOptions): PlannedSheet {
  const sheet: PlannedSheet = { name: FEEDBACK_SHEET, cells: [], merges: [], widths: WIDTHS, frozenRows: 0, frozenCols: 0 };
  const line = (row: number, t: string, extra: Partial<PlannedCell> = {}) => {
    sheet.cells.push({ row, col: 1, value: text(t), wrap: true, ...extra });
    sheet.merges.push({ top: row, left: 1, bottom: row, right: COLUMNS.length });
  };
  if (opts.office) line(1, opts.office.toLocaleUpperCase('vi'), { bold: true });
  line(2, `${FEEDBACK_TITLE} – ${result.period.label.toLocaleUpperCase('vi')}`, { bold: true, align: 'center' });
  line(3, `Kính gửi: ${unit}`, { bold: true });
  if (result.rules.title) line(4, `Căn cứ: ${result.rules.title}`);
  const open = findings.filter((f) => !isAccepted(f));
  const accepted = findings.filter(isAccepted);
  line(5, received(result, unit, status, report, open));
  const c = countBySeverity(open);
  line(6, open.length ? `Kết quả: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin. Đề nghị đơn vị sửa số liệu và gửi lại báo cáo, hoặc ghi ý kiến, giải trình vào cột cuối rồi gửi lại phiếu này.` : 'Không có lỗi hay cảnh báo nào cần sửa.');
  let row = 8;
  if (open.length) {
    COLUMNS.forEach((h, i) => sheet.cells.push(header(row, i + 1, h)));
    open.forEach((f, i) => sheet.cells.push(...findingRow(result, f, row + 1 + i, i + 1)));
    row += open.length + 2;
  }
  if (accepted.length) {
    line(row, `Giải trình đã được chấp nhận (${accepted.length}):`, { bold: true });
    accepted.forEach((f, i) => sheet.cells.push(...findingRow(result, f, row + 1 + i, i + 1)));
  }
  sheet.page = { orientation: 'landscape', fitToWidth: true, repeatRows: '8:8', footer: `Phiếu phản hồi – ${unit}` };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** The line that says what was received: the report used, or why there is none. */
/** Where the unit's figures were read, and for a table of units, the rows of the others in it. */
function reportOf(result: CheckResult, r: UnitReport): NonNullable<Feedback['report']> {
  const rowOf = (x: UnitReport) => (x.layout === 'unit-per-row' && x.nameCell ? parseAddress(x.nameCell)?.row : undefined);
  const row = rowOf(r);
  if (row === undefined) return { file: r.file, sheet: r.sheet };
  // Every row of the table naming a unit, whether that unit's figures came from it or not.
  const otherRows = result.submissions
    .filter((s) => s.layout === 'unit-per-row' && s.file === r.file && s.sheet === r.sheet && s.unitEvidence?.cell)
    .map((s) => parseAddress(s.unitEvidence!.cell!)?.row)
    .filter((x): x is number => x !== undefined && x !== row);
  return { file: r.file, sheet: r.sheet, row, otherRows };
}

function received(result: CheckResult, unit: string, status: UnitStatus, report: Feedback['report'], open: Finding[]): string {
  if (status === 'missing') return 'Chưa nhận được báo cáo của đơn vị. Đề nghị gửi báo cáo theo biểu mẫu.';
  if (status === 'other-period') {
    const why = open.find((f) => f.kind === 'other-period');
    return `Đã nhận báo cáo của đơn vị nhưng là báo cáo kỳ khác${why ? `: ${why.message}` : '.'}`;
  }
  if (status === 'unreadable') {
    const why = open.find((f) => f.kind === 'unreadable-file' || f.kind === 'no-table');
    return `Đã nhận tệp của đơn vị nhưng không đọc được${why ? `: ${why.message}` : '.'} Đề nghị gửi lại tệp .xlsx.`;
  }
  if (report?.row !== undefined) return `Số liệu của đơn vị lấy từ bảng tổng hợp: tệp "${report.file}", trang "${report.sheet}", dòng ${report.row}.`;
  const sub = result.submissions.find((s) => s.unit === unit && s.used && report && s.file === report.file && s.sheet === report.sheet);
  return `Báo cáo đã nhận: tệp "${report?.file ?? ''}", trang "${report?.sheet ?? ''}"${sub?.date ? `, ngày ${sub.date}` : ''}.`;
}

function shown(result: CheckResult, f: Finding, v: number | string | null): PlannedCell['value'] {
  if (v === null) return empty;
  if (typeof v === 'string') return text(v);
  const ind = f.indicator ? result.rules.byCode.get(f.indicator) : undefined;
  return ind?.rate ? text(formatPercent(v)) : num(v);
}

function findingRow(result: CheckResult, f: Finding, r: number, stt: number): PlannedCell[] {
  const ind = f.indicator ? result.rules.byCode.get(f.indicator) : undefined;
  const expected = typeof f.expected === 'number' && !ind?.rate ? text(formatNumber(f.expected)) : shown(result, f, f.expected);
  return [
    { row: r, col: 1, value: num(stt) },
    { row: r, col: 2, value: ind ? text(ind.section ? `${ind.section} – ${ind.name}` : ind.name) : f.check ? text(f.check) : empty },
    { row: r, col: 3, value: text(FINDING_KINDS[f.kind].label) },
    { row: r, col: 4, value: text(isAccepted(f) ? 'Đã chấp nhận' : SEVERITY_LABEL[f.severity]), fill: SEVERITY_FILL[f.severity] },
    { row: r, col: 5, value: f.sheet ? text(f.sheet) : empty },
    { row: r, col: 6, value: f.cell ? text(f.cell) : empty },
    { row: r, col: 7, value: shown(result, f, f.actual) },
    { row: r, col: 8, value: expected },
    { row: r, col: 9, value: text(f.message) },
    { row: r, col: 10, value: empty },
  ].map((c): PlannedCell => ({ ...c, wrap: true }));
}
