// The output plan of a check: one planner per sheet ("Tổng hợp", "Tỷ lệ", "Kết quả kiểm tra", the
// draft report "Báo cáo", and "Thay đổi" when the check was compared with an earlier one) and the
// flags for the units' own cells. Adapters write the plan: src/files into a new .xlsx, src/excel into the open workbook.
import { isAccepted } from './findings';
import { CellFlag, OutputPlan } from './plan';
import { worstByCell } from './plan-cells';
import { planChanges } from './plan-changes';
import { planFindings } from './plan-findings';
import { planRates } from './plan-rates';
import { printable } from './plan-print';
import { planReport } from './plan-report';
import { planRollup } from './plan-rollup';
import { CheckResult } from './session';

export { SHEET_NAMES } from './plan-cells';

export function planOutput(result: CheckResult): OutputPlan {
  const marks = worstByCell(result.findings);
  const rollup = planRollup(result, marks);
  const sheets = [rollup.sheet, planRates(result, rollup, marks), planFindings(result), planReport(result)];
  if (result.changes) sheets.push(planChanges(result.changes, result.rules));
  return { sheets: sheets.map((s) => printable(s, result.period.label)), flags: planFlags(result) };
}

/**
 * A mark for each finding on a cell of a unit's report, but rows it could not match (information)
 * and what the office accepted. A template row whose label contradicts its code is marked.
 */
function planFlags(result: CheckResult): CellFlag[] {
  return result.findings
    .filter((f) => f.file && f.sheet && f.cell && (f.kind !== 'unmapped-row' || f.severity !== 'info') && !isAccepted(f))
    .map((f) => ({ file: f.file!, sheet: f.sheet!, cell: f.cell!, severity: f.severity, message: f.message }));
}
