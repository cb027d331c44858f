// The output plan of a check: "Tổng hợp" (one row per unit, one column per indicator, a total
// row of SUM formulas), "Tỷ lệ" (rates as live formulas over "Tổng hợp"), "Kết quả kiểm tra"
// (one row per finding) and the flags for the units' own cells.
import { toExcelFormula } from './expressions';
import { FINDING_KINDS, Finding, SEVERITY_LABEL, byWorst } from './findings';
import { describeEvidence } from './identity';
import { cellAddress, columnLetter } from './model';
import { CellFlag, OutputPlan, PlannedCell, PlannedSheet, PlannedValue, SEVERITY_FILL, Severity } from './plan';
import { Indicator } from './rules';
import { CheckResult, UnitStatus } from './session';
import { areaVerdict } from './verdict';

export const SHEET_NAMES = { rollup: 'Tổng hợp', rates: 'Tỷ lệ', findings: 'Kết quả kiểm tra' } as const;

/** The rollup's status column, per unit status. */
const STATUS_TEXT: Record<UnitStatus, (errors: number, warnings: number) => string> = {
  ok: () => 'Đạt',
  warnings: (_, w) => `${w} cảnh báo`,
  errors: (e, w) => `${e} lỗi${w ? `, ${w} cảnh báo` : ''}`,
  missing: () => 'Chưa gửi báo cáo',
  unreadable: () => 'Không đọc được tệp',
  unknown: () => 'Không có trong danh sách đơn vị',
};

const text = (t: string): PlannedValue => ({ text: t });
const num = (n: number): PlannedValue => ({ number: n });

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Worst finding per (unit, indicator), for the fill and note on the rollup cell. */
function worstByCell(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.indicator) continue;
    const key = `${f.unit}\u0000${f.indicator}`;
    const list = m.get(key) ?? [];
    list.push(f);
    m.set(key, list);
  }
  for (const list of m.values()) list.sort(byWorst);
  return m;
}

function decorate(cell: PlannedCell, list: Finding[] | undefined): PlannedCell {
  const shown = list?.filter((f) => f.severity !== 'info' || f.kind === 'exceeded');
  if (!shown || shown.length === 0) return cell;
  return { ...cell, fill: SEVERITY_FILL[shown[0].severity], note: shown.map((f) => f.message).join('\n') };
}

export function planOutput(result: CheckResult): OutputPlan {
  const rules = result.rules;
  const columns = rules.indicators.filter((i) => !i.formula);
  const rates = rules.indicators.filter((i) => i.formula);
  const marks = worstByCell(result.findings);
  const header = (row: number, col: number, t: string, extra: Partial<PlannedCell> = {}): PlannedCell => ({ row, col, value: text(t), bold: true, wrap: true, align: 'center', fill: 'D9E1F2', ...extra });

  // --- Tổng hợp
  const rollup: PlannedSheet = { name: SHEET_NAMES.rollup, cells: [], merges: [], widths: [6, 28, 22], frozenRows: 6, frozenCols: 2 };
  const FIRST = 4; // first indicator column (D)
  const lastCol = FIRST + columns.length - 1;
  rollup.cells.push({ row: 1, col: 1, value: text(`TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU – ${result.period.label.toLocaleUpperCase('vi')}`), bold: true });
  if (rules.title) rollup.cells.push({ row: 2, col: 1, value: text(`Theo: ${rules.title}`) });
  rollup.cells.push(header(4, 1, 'STT'), header(4, 2, 'Đơn vị'), header(4, 3, 'Tình trạng'));
  for (const c of [1, 2, 3]) rollup.merges.push({ top: 4, left: c, bottom: 6, right: c });
  let groupStart = FIRST;
  columns.forEach((ind, i) => {
    const col = FIRST + i;
    rollup.cells.push(header(5, col, ind.unitOfMeasure ? `${ind.name} (${ind.unitOfMeasure})` : ind.name), header(6, col, ind.code, { bold: false }));
    rollup.widths[col - 1] = 14;
    const next = columns[i + 1];
    if (!next || next.section !== ind.section) {
      rollup.cells.push(header(4, groupStart, ind.section || 'Chỉ tiêu'));
      if (col > groupStart) rollup.merges.push({ top: 4, left: groupStart, bottom: 4, right: col });
      groupStart = col + 1;
    }
  });
  const summaries = new Map(result.units.map((u) => [u.unit, u]));
  const rowOf = new Map<string, number>();
  // Units the roster does not know stand below the total; without a roster every unit counts.
  const hasRoster = result.rows.some((x) => x.roster);
  const counted = result.rows.filter((r) => r.roster || !hasRoster);
  const others = result.rows.filter((r) => hasRoster && !r.roster);
  let row = 7;
  const unitRow = (r: (typeof result.rows)[number], stt: number) => {
    rowOf.set(r.unit, row);
    const s = summaries.get(r.unit);
    const status = STATUS_TEXT[s?.status ?? 'missing'](s?.errors ?? 0, s?.warnings ?? 0);
    rollup.cells.push({ row, col: 1, value: num(stt) }, { row, col: 2, value: text(r.unit) });
    rollup.cells.push({ row, col: 3, value: text(status), ...(r.report ? {} : { fill: SEVERITY_FILL.error }) });
    columns.forEach((ind, i) => {
      const f = r.figures.get(ind.code);
      const cell: PlannedCell = { row, col: FIRST + i, value: { empty: true }, ...(ind.rate ? { numFmt: '0.00%' } : { numFmt: '#,##0' }) };
      if (f?.status === 'ok') cell.value = num(f.value);
      else if (f?.status === 'invalid') cell.value = text(f.text);
      else if (f?.status === 'not-applicable') cell.value = text('x');
      if (!r.report) return;
      rollup.cells.push(decorate(cell, marks.get(`${r.unit}\u0000${ind.code}`)));
    });
    row++;
  };
  counted.forEach((r, i) => unitRow(r, i + 1));
  const firstUnitRow = 7;
  const lastUnitRow = row - 1;
  const totalRow = row;
  rollup.cells.push({ row: totalRow, col: 2, value: text('Tổng cộng'), bold: true });
  rollup.cells.push({ row: totalRow, col: 3, value: text(`${result.coverage.read}/${counted.length} đơn vị đọc được`), bold: true, ...(areaVerdict(result).status === 'met' || areaVerdict(result).status === 'short' ? {} : { note: areaVerdict(result).text }) });
  columns.forEach((ind, i) => {
    const col = FIRST + i;
    if (ind.rate) return;
    const L = columnLetter(col);
    const cell: PlannedCell = {
      row: totalRow,
      col,
      value: lastUnitRow >= firstUnitRow ? { formula: `SUM(${L}${firstUnitRow}:${L}${lastUnitRow})` } : num(0),
      bold: true,
      numFmt: '#,##0',
    };
    const incomplete = result.rollup.incomplete.get(ind.code);
    const marked = decorate(cell, marks.get(`*\u0000${ind.code}`));
    if (incomplete?.length) {
      marked.note = [marked.note, `Tổng chưa đủ: chưa tính số liệu không hợp lệ hoặc thiếu của ${incomplete.join(', ')}.`].filter(Boolean).join('\n');
      marked.fill = marked.fill ?? SEVERITY_FILL.warning;
    }
    rollup.cells.push(marked);
  });
  rowOf.set('*', totalRow);
  row = totalRow + 2;
  if (others.length) {
    rollup.cells.push({ row, col: 2, value: text('Báo cáo không khớp danh sách đơn vị (không cộng vào tổng):'), bold: true });
    row++;
    others.forEach((r, i) => unitRow(r, i + 1));
  }
  rollup.autoFilter = undefined;
  if (lastCol >= FIRST) rollup.merges.push({ top: 1, left: 1, bottom: 1, right: Math.min(lastCol, 12) });

  // --- Tỷ lệ: live formulas over "Tổng hợp", so a corrected figure there updates the rate.
  const rateSheet: PlannedSheet = { name: SHEET_NAMES.rates, cells: [], merges: [], widths: [6, 28], frozenRows: 4, frozenCols: 2 };
  rateSheet.cells.push({ row: 1, col: 1, value: text(`TỶ LỆ – ${result.period.label.toLocaleUpperCase('vi')}`), bold: true });
  rateSheet.cells.push(header(3, 1, 'STT'), header(3, 2, 'Đơn vị'));
  const colOfCode = new Map(columns.map((ind, i) => [ind.code, FIRST + i]));
  const byCode = rules.byCode;
  const formulaFor = (ind: Indicator, sheetRow: number): string => {
    const ref = (code: string): string => {
      const sub = byCode.get(code);
      if (sub?.formula) return `(${toExcelFormula(sub.formula, ref)})`;
      return `${quoteSheet(SHEET_NAMES.rollup)}!${cellAddress(sheetRow, colOfCode.get(code)!)}`;
    };
    return `IFERROR(${toExcelFormula(ind.formula!, ref)},"")`;
  };
  rates.forEach((ind, i) => {
    rateSheet.cells.push(header(3, 3 + i, ind.name), header(4, 3 + i, ind.code, { bold: false }));
    rateSheet.widths[2 + i] = 16;
  });
  // Each unit's achievement: the share of the targets and plans it was held to that it met.
  const achieved = 3 + rates.length;
  rateSheet.cells.push(header(3, achieved, 'Chỉ tiêu đạt (của đơn vị)'), header(4, achieved, 'đạt / được giao', { bold: false }));
  rateSheet.widths[achieved - 1] = 16;
  let rr = 5;
  const rateRow = (unit: string, label: string, sourceRow: number, bold: boolean, stt: number | null) => {
    if (stt !== null) rateSheet.cells.push({ row: rr, col: 1, value: num(stt) });
    rateSheet.cells.push({ row: rr, col: 2, value: text(label), bold });
    rates.forEach((ind, i) => {
      const cell: PlannedCell = { row: rr, col: 3 + i, value: { formula: formulaFor(ind, sourceRow) }, numFmt: '0.00%', bold };
      rateSheet.cells.push(decorate(cell, marks.get(`${unit}\u0000${ind.code}`)));
    });
    rr++;
  };
  const firstRateRow = rr;
  counted.forEach((r, i) => {
    if (r.report) {
      if (r.targets.checked > 0) rateSheet.cells.push({ row: rr, col: achieved, value: num(r.targets.met / r.targets.checked), numFmt: '0%', note: `${r.targets.met}/${r.targets.checked} chỉ tiêu và kế hoạch đạt` });
      rateRow(r.unit, r.unit, rowOf.get(r.unit)!, false, i + 1);
    } else {
      rateSheet.cells.push({ row: rr, col: 1, value: num(i + 1) }, { row: rr, col: 2, value: text(r.unit) }, { row: rr, col: 3, value: text(STATUS_TEXT[summaries.get(r.unit)?.status ?? 'missing'](0, 0)), fill: SEVERITY_FILL.error });
      rr++;
    }
  });
  const lastRateRow = rr - 1;
  rateRow('*', 'Toàn địa bàn', totalRow, true, null);
  if (lastRateRow >= firstRateRow) {
    const A = columnLetter(achieved);
    rateSheet.charts = [
      {
        title: 'Tỷ lệ chỉ tiêu đạt của từng đơn vị',
        categories: `B${firstRateRow}:B${lastRateRow}`,
        series: [{ name: 'Chỉ tiêu đạt', values: `${A}${firstRateRow}:${A}${lastRateRow}` }],
        anchor: `${columnLetter(achieved + 2)}3`,
      },
    ];
  }

  // --- Kết quả kiểm tra
  const fsheet: PlannedSheet = { name: SHEET_NAMES.findings, cells: [], merges: [], widths: [6, 22, 34, 20, 11, 12, 12, 30, 16, 8, 80], frozenRows: 1, frozenCols: 0 };
  const heads = ['STT', 'Đơn vị', 'Chỉ tiêu', 'Loại', 'Mức độ', 'Thực tế', 'Yêu cầu', 'Tệp', 'Trang tính', 'Ô', 'Nội dung'];
  heads.forEach((h, i) => fsheet.cells.push(header(1, i + 1, h)));
  result.findings.forEach((f, i) => {
    const r = i + 2;
    const ind = f.indicator ? byCode.get(f.indicator) : undefined;
    const valueCell = (v: number | string | null, col: number): PlannedCell => {
      if (typeof v === 'number') return { row: r, col, value: num(v), numFmt: ind?.rate ? '0.00%' : '#,##0.##' };
      return { row: r, col, value: v === null ? { empty: true } : text(v) };
    };
    fsheet.cells.push(
      { row: r, col: 1, value: num(i + 1) },
      { row: r, col: 2, value: text(f.unit === '*' ? 'Toàn địa bàn' : f.unit) },
      { row: r, col: 3, value: f.indicator ? text(ind ? `${f.indicator} – ${ind.name}` : f.indicator) : f.check ? text(f.check) : { empty: true } },
      { row: r, col: 4, value: text(FINDING_KINDS[f.kind].label) },
      { row: r, col: 5, value: text(SEVERITY_LABEL[f.severity]), fill: SEVERITY_FILL[f.severity] },
      valueCell(f.actual, 6),
      valueCell(f.expected, 7),
      { row: r, col: 8, value: f.file ? text(f.file) : { empty: true } },
      { row: r, col: 9, value: f.sheet ? text(f.sheet) : { empty: true } },
      { row: r, col: 10, value: f.cell ? text(f.cell) : { empty: true } },
      { row: r, col: 11, value: text(f.message), wrap: true },
    );
  });
  fsheet.autoFilter = `A1:K${Math.max(1, result.findings.length + 1)}`;
  submissionsBlock(result, fsheet, result.findings.length + 3, header);

  const flags: CellFlag[] = result.findings
    .filter((f) => f.file && f.sheet && f.cell && f.kind !== 'unmapped-row')
    .map((f) => ({ file: f.file!, sheet: f.sheet!, cell: f.cell!, severity: f.severity, message: f.message }));
  return { sheets: [rollup, rateSheet, fsheet], flags };
}

/** Below the findings: each report read, and how its unit was recognised, so every attribution can be checked. */
function submissionsBlock(result: CheckResult, sheet: PlannedSheet, top: number, header: (row: number, col: number, t: string) => PlannedCell) {
  sheet.cells.push({ row: top, col: 1, value: text('Báo cáo đã đọc và cách nhận ra đơn vị'), bold: true });
  ['STT', 'Đơn vị', 'Nhận ra theo', 'Nội dung ghi', 'Tệp', 'Trang tính', 'Dùng'].forEach((h, i) => sheet.cells.push(header(top + 1, i + 1, h)));
  result.submissions.forEach((s, i) => {
    const r = top + 2 + i;
    const e = s.unitEvidence;
    sheet.cells.push(
      { row: r, col: 1, value: num(i + 1) },
      { row: r, col: 2, value: text(s.inRoster ? s.unit : `${s.unit} (không có trong danh sách)`) },
      { row: r, col: 3, value: e ? text(describeEvidence(e)) : { empty: true } },
      { row: r, col: 4, value: e ? text(e.text) : { empty: true }, wrap: true },
      { row: r, col: 5, value: text(s.file) },
      { row: r, col: 6, value: text(s.sheet) },
      { row: r, col: 7, value: text(s.used ? 'Có' : 'Không (bản trùng cũ hơn)') },
    );
  });
}
