// Explanations the office accepted ("giải trình"): a sheet "Giải trình" in the rules workbook, one
// row per accepted finding: unit, indicator, kind, the figure it was about, the reason, who
// accepted it and when. A finding that matches a row (same unit, indicator and kind, and the same
// figure) is kept, as accepted and for information; once the figure changes, the row no longer
// applies and the finding returns as it was.
import { FINDING_KINDS, Finding, FindingKind, acceptFinding, finding } from './findings';
import { findHeader, makeGrid } from './grid';
import { WorkbookModel, cellAddress } from './model';
import { matchesRounded } from './checks';
import { Reading, formatNumber, readCellNumber } from './numbers';
import type { Rules } from './rules';
import { fold, phraseClassifier } from './text';
import { UnitMatcher } from './units';
import { EXPLANATION_COLUMNS, ExplanationColumn, RULES_SHEETS } from './vocabulary';

export interface Explanation {
  /** Roster name of the unit, "*" for the area. */
  unit: string;
  indicator: string;
  kind: FindingKind;
  /** The figure the finding was about; blank for a missing value. */
  value: Reading;
  reason: string;
  by: string;
  date: string;
  /** Where it stands in the rules workbook. */
  file: string;
  sheet: string;
  row: number;
}

/** Kinds about a figure, which a unit can explain. */
const EXPLAINABLE: ReadonlySet<FindingKind> = new Set(['shortfall', 'behind-pace', 'exceeded', 'inconsistent', 'invalid-value', 'missing-value', 'outlier']);

const classify = phraseClassifier(EXPLANATION_COLUMNS);
const AREA = new Set(['*', fold('Toàn địa bàn')]);

/** A kind as the sheet writes it: its code ("shortfall") or its label ("Không đạt chỉ tiêu"). */
function kindOf(text: string): FindingKind | null {
  const f = fold(text);
  for (const [kind, info] of Object.entries(FINDING_KINDS) as Array<[FindingKind, { label: string }]>) {
    if (f === fold(kind) || f === fold(info.label)) return kind;
  }
  return null;
}

/** Reads the "Giải trình" sheet, if there is one. A row that cannot be used is an `invalid-rule` finding naming it. */
export function readExplanations(wb: WorkbookModel, rules: Pick<Rules, 'byCode' | 'roster'>, problems: Finding[]): Explanation[] {
  // "Giải trình", or a name that starts so ("Giải trình 2023", "Giải trình đợt 2").
  const wanted = RULES_SHEETS.explanations.map(fold);
  const sheet = wb.sheets.find((s) => wanted.includes(fold(s.name))) ?? wb.sheets.find((s) => wanted.some((w) => fold(s.name).startsWith(`${w} `)));
  if (!sheet) return [];
  const grid = makeGrid(sheet);
  const header = findHeader<ExplanationColumn>(grid, classify, { minHits: 3, required: ['unit', 'code', 'kind'] });
  const problem = (row: number | null, cell: string, text: string, indicator: string | null = null) =>
    problems.push(finding('invalid-rule', { file: wb.name, sheet: sheet.name, cell, indicator }, { sheet: sheet.name, row, problem: text }));
  if (!header) {
    problem(null, 'A1', 'không thấy các cột "Đơn vị", "Mã chỉ tiêu", "Loại"; bỏ qua các giải trình.');
    return [];
  }
  const col = header.columns;
  const units = new UnitMatcher(rules.roster);
  const out: Explanation[] = [];
  for (const r of grid.rowsFrom(header.row + 1)) {
    const text = (role: ExplanationColumn) => (col.has(role) ? grid.text(r, col.get(role)!) : '');
    const at = (role: ExplanationColumn) => cellAddress(r, col.get(role) ?? 1);
    const unitText = text('unit').trim();
    const code = text('code').trim().toUpperCase();
    if (!unitText && !code && !text('reason')) continue;
    const kind = kindOf(text('kind'));
    const unit = unitNamed(unitText, rules.roster, units);
    const valueCell = col.has('value') ? grid.cell(r, col.get('value')!) : undefined;
    const value = valueCell && typeof valueCell.value === 'string' ? readCellNumber(grid.text(r, col.get('value')!), valueCell.numFmt) : readCellNumber(valueCell?.value ?? null, valueCell?.numFmt);
    if (!unit) problem(r, at('unit'), `đơn vị "${unitText}" không có trong danh sách đơn vị; giải trình này chưa được dùng.`, code || null);
    else if (!rules.byCode.has(code)) problem(r, at('code'), `mã chỉ tiêu "${code}" không có trong trang "Chỉ tiêu"; giải trình này chưa được dùng.`, null);
    else if (!kind || !EXPLAINABLE.has(kind)) problem(r, at('kind'), `loại "${text('kind')}" không giải trình được (dùng tên loại phát hiện về số liệu, ví dụ "Không đạt chỉ tiêu", "Không khớp", "Thiếu số liệu").`, code);
    else if (!text('reason').trim()) problem(r, at('reason'), `chưa ghi lý do; giải trình này chưa được dùng.`, code);
    else out.push({ unit, indicator: code, kind, value, reason: text('reason').trim(), by: text('by').trim(), date: dateText(grid.cell(r, col.get('date') ?? 0)?.value, text('date')), file: wb.name, sheet: sheet.name, row: r });
  }
  return out;
}

/** The roster unit a cell names ("Phường Hòa Lạc", "P. Hòa Lạc"), "*" for the area, or null. */
function unitNamed(text: string, roster: Rules['roster'], units: UnitMatcher): string | null {
  if (AREA.has(fold(text))) return '*';
  const exact = roster.find((u) => u.name === text);
  if (exact) return exact.name;
  const r = units.read(text, 'cell');
  return r.kind === 'unit' ? r.unit.name : null;
}

function dateText(value: unknown, text: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${String(value.getUTCDate()).padStart(2, '0')}/${String(value.getUTCMonth() + 1).padStart(2, '0')}/${value.getUTCFullYear()}`;
  }
  return text.trim();
}

/** Whether the figure a finding is about is the one the explanation was given for. */
function sameFigure(e: Explanation, f: Finding, rate: boolean): boolean {
  const v = e.value;
  if (f.actual === null) return v.kind === 'blank';
  if (typeof f.actual === 'string') return v.kind === 'text' ? fold(v.text) === fold(f.actual) : v.kind === 'error' && v.code === f.actual;
  if (v.kind !== 'number') return false;
  const actual = f.actual;
  // A rate is a fraction in the finding; the sheet holds it as the office reads it: 93,43%, 93,43
  // or 0,9343, rounded to the decimals written (93,434343… is typed by nobody).
  if (rate) return matchesRounded(v.value, actual * 100) || (v.value <= 1 && !v.fromText && matchesRounded(v.value, actual));
  return Math.abs(v.value - actual) <= 1e-9 * Math.max(1, Math.abs(v.value));
}

/**
 * Findings matched by an accepted explanation become accepted; the rest are unchanged. `unused`:
 * explanations that matched no finding (a typo in the row, or a figure corrected since), said so
 * the office never believes it accepted what it did not.
 */
export function applyExplanations(findings: Finding[], explanations: Explanation[], rules: Pick<Rules, 'byCode'>): { findings: Finding[]; unused: Explanation[] } {
  if (explanations.length === 0) return { findings, unused: [] };
  const used = new Set<Explanation>();
  const out = findings.map((f) => {
    if (!f.indicator || !EXPLAINABLE.has(f.kind)) return f;
    const rate = rules.byCode.get(f.indicator)?.rate ?? false;
    const e = explanations.find((x) => x.unit === f.unit && x.indicator === f.indicator && x.kind === f.kind && sameFigure(x, f, rate));
    if (!e) return f;
    used.add(e);
    return acceptFinding(f, { reason: e.reason, by: e.by, date: e.date, sheet: e.sheet, row: e.row });
  });
  return { findings: out, unused: explanations.filter((e) => !used.has(e)) };
}

/** The warning for an explanation that matched no finding of this check. */
export function unusedExplanation(e: Explanation): Finding {
  const value = e.value.kind === 'number' ? `, giá trị ${formatNumber(e.value.value)}` : '';
  return finding(
    'invalid-rule',
    { severity: 'warning', file: e.file, sheet: e.sheet, cell: `A${e.row}`, indicator: e.indicator },
    { sheet: e.sheet, row: e.row, problem: `giải trình cho ${e.unit === '*' ? 'toàn địa bàn' : e.unit}, mã ${e.indicator}, loại "${FINDING_KINDS[e.kind].label}"${value} không khớp phát hiện nào của lần kiểm tra này, nên chưa được dùng: số liệu có thể đã sửa (không cần giải trình nữa), hoặc đơn vị, mã, loại hay giá trị ghi chưa đúng.` },
  );
}
