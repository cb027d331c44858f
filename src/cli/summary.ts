// The terminal summary: one line per unit (status, errors, warnings), then the area's shortfalls.
import { areaVerdict, changesSummary, countBySeverity, isAccepted } from '../core';
import type { Changes, CheckResult, UnitStatus } from '../core';

const STATUS: Record<UnitStatus, string> = {
  ok: 'Đạt',
  warnings: 'Cảnh báo',
  errors: 'Có lỗi',
  missing: 'Chưa gửi',
  unreadable: 'Không đọc được tệp',
  'other-period': 'Gửi báo cáo kỳ khác',
  unknown: 'Không rõ đơn vị',
};

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}

export function printSummary(result: CheckResult, out: (s: string) => void): void {
  const width = Math.max(8, ...result.units.map((u) => [...u.unit].length)) + 2;
  const statusWidth = Math.max(...Object.values(STATUS).map((s) => [...s].length)) + 2;
  out(`Kỳ: ${result.period.label} · ${result.rules.indicators.length} chỉ tiêu · ${result.submissions.length} báo cáo`);
  out('');
  out(`${pad('Đơn vị', width)}${pad('Tình trạng', statusWidth)}${pad('Lỗi', 6)}${pad('Cảnh báo', 10)}`);
  out('-'.repeat(width + statusWidth + 16));
  for (const u of result.units) {
    out(`${pad(u.unit, width)}${pad(STATUS[u.status], statusWidth)}${pad(String(u.errors), 6)}${pad(String(u.warnings), 10)}`);
  }
  // Files that could not be read are listed here even when their name gave a unit.
  const general = result.findings.filter((f) => f.severity !== 'info' && (f.unit === '' || f.kind === 'unreadable-file' || f.kind === 'no-table'));
  if (general.length) {
    out('');
    out('Tệp không đọc được và lỗi tệp chỉ tiêu:');
    for (const f of general) out(`  - ${f.message}`);
  }
  const area = result.findings.filter((f) => f.unit === '*' && f.severity !== 'info');
  out('');
  out(areaVerdict(result).text);
  for (const f of area) out(`  - ${f.message}`);
  const accepted = result.findings.filter(isAccepted);
  if (accepted.length) {
    out('');
    out(`Đã chấp nhận giải trình (${accepted.length}):`);
    for (const f of accepted) out(`  - ${f.message}`);
  }
  if (result.changes) printChanges(result.changes, out);
  const c = countBySeverity(result.findings);
  out('');
  out(`Tổng: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin${c.accepted ? `, ${c.accepted} đã chấp nhận giải trình` : ''}.`);
}

function printChanges(c: Changes, out: (s: string) => void): void {
  out('');
  out(`So với lần kiểm tra trước (${c.previous.file}): ${changesSummary(c)}`);
  const list = (title: string, items: Array<{ message: string }>) => {
    if (!items.length) return;
    out(`  ${title}:`);
    for (const f of items) out(`    - ${f.message}`);
  };
  list('Phát hiện mới', c.findings.new);
  list('Đã sửa', c.findings.fixed);
  list('Chưa kiểm tra lại được (lần này không có báo cáo đọc được của đơn vị)', c.findings.notRechecked);
  list('Đã chấp nhận giải trình', c.findings.accepted);
  if (c.units.newlySent.length) out(`  Đơn vị mới gửi: ${c.units.newlySent.join(', ')}.`);
  if (c.units.newlyReadable.length) out(`  Đơn vị nay đọc được tệp: ${c.units.newlyReadable.join(', ')}.`);
  if (c.units.noLongerRead.length) out(`  Đơn vị lần này không có báo cáo đọc được (chưa gửi hoặc tệp không đọc được): ${c.units.noLongerRead.join(', ')}.`);
}
