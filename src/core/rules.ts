// The rules workbook the staff keep in Excel: "Chỉ tiêu" (targets), "Kiểm tra chéo"
// (cross checks) and "Đơn vị" (roster). Sheets and columns are found by header text,
// in any order, under any title rows.
import { Condition, parseCondition } from './conditions';
import { Explanation, readExplanations } from './explanations';
import { Expr, codesOf, isComparison, parseExpression } from './expressions';
import { Finding, finding } from './findings';
import { Grid, findHeader, makeGrid } from './grid';
import { WorkbookModel, cellAddress } from './model';
import { numberText } from './numbers';
import { Period, parsePeriod } from './period';
import { Severity } from './plan';
import { Settings, readSettings } from './settings';
import { fold, phraseClassifier, phraseTest } from './text';
import { isListRowOfNoUnit } from './row-kinds';
import { analyseName, levelNamed, rosterKey } from './units';
import { CHECK_COLUMNS, CheckColumn, IGNORED_TARGET_COLUMNS, RATE_UNITS, ROSTER_COLUMNS, RULES_SHEETS, SEVERITY_WORDS, TARGET_COLUMNS, TargetColumn } from './vocabulary';

export type Scope =
  | { kind: 'area'; label: string }
  | { kind: 'each'; label: string }
  /** Units at any of these levels (folded level names: "xa", "phuong"). */
  | { kind: 'level'; levels: string[]; label: string };

export interface Indicator {
  code: string;
  section: string;
  name: string;
  aliases: string[];
  unitOfMeasure: string;
  /** Its target could not be judged: a condition not understood, or a scope no roster unit is at (said as an invalid-rule). */
  unchecked?: boolean;
  /** A rate: "%" unit or a formula. Its values are fractions of one. */
  rate: boolean;
  condition: Condition | null;
  scope: Scope;
  severity: Severity;
  formula: Expr | null;
  formulaText: string;
  /** Where it stands in the rules workbook, for messages. */
  row: number;
  /** The code of the count giving a unit's size ("Quy mô": households, members), for the peer comparison. */
  size?: string;
}

export interface CrossCheck {
  code: string;
  expr: Extract<Expr, { type: 'compare' }>;
  text: string;
  severity: Severity;
  note: string;
  row: number;
}

export interface RosterUnit {
  name: string;
  aliases: string[];
  level: string;
  order: number;
}

export interface Rules {
  file: string;
  /** Explanations the office accepted (the "Giải trình" sheet). */
  explanations: Explanation[];
  title: string;
  period: Period;
  indicators: Indicator[];
  byCode: ReadonlyMap<string, Indicator>;
  crossChecks: CrossCheck[];
  roster: RosterUnit[];
  /** Sections in the order they first appear. */
  sections: string[];
  /** The "Thiết lập" sheet's settings; absent: the defaults. */
  settings?: Settings;
}

export class RulesError extends Error {}

const classifyTarget = phraseClassifier(TARGET_COLUMNS);
const isRateUnit = phraseTest(RATE_UNITS, 'exact');
const classifyCheck = phraseClassifier(CHECK_COLUMNS);
const classifyRoster = phraseClassifier(ROSTER_COLUMNS);
const SEVERITY_TESTS = (Object.keys(SEVERITY_WORDS) as Severity[]).map((sev) => [sev, phraseTest(SEVERITY_WORDS[sev], 'exact')] as const);

export function parseSeverity(text: string, fallback: Severity): Severity | null {
  const f = fold(text);
  if (f === '') return fallback;
  return SEVERITY_TESTS.find(([, test]) => test(f))?.[0] ?? null;
}

/**
 * "Toàn địa bàn", "Mỗi đơn vị" (and "Mỗi đơn vị cấp xã", "Mỗi địa phương"), or "Mỗi" with one or
 * more levels the roster's names use ("Mỗi phường", "Mỗi xã, phường, thị trấn", "Mỗi P."). Anything
 * else is not understood (and said), never a level no unit is at.
 */
export function parseScope(text: string): Scope | null {
  const f = fold(text);
  if (f === '' || f.startsWith('toan ') || f === 'toan' || f === 'dia ban' || f === 'chung') return { kind: 'area', label: text || 'Toàn địa bàn' };
  const rest = /^(?:moi|tung|cac) (.+)$/.exec(f)?.[1];
  if (!rest) return null;
  if (/^(?:don vi|co so|dia phuong|don vi co so|don vi cap (?:xa|co so))$/.test(rest)) return { kind: 'each', label: text };
  const levels = levelsIn(rest.split(' '));
  return levels ? { kind: 'level', levels, label: text } : null;
}

/** "xa phuong thi tran" (folded words, punctuation gone): each level named, or null when a word names none. */
function levelsIn(words: string[]): string[] | null {
  const out = new Set<string>();
  for (let i = 0; i < words.length; ) {
    if (words[i] === 'va' || words[i] === 'hoac') {
      i++;
      continue;
    }
    const n = [3, 2, 1].find((k) => i + k <= words.length && levelNamed(words.slice(i, i + k).join(' ')));
    if (!n) return null;
    out.add(fold(levelNamed(words.slice(i, i + n).join(' '))!.name));
    i += n;
  }
  return out.size ? [...out] : null;
}

export { RULES_SHEETS };

/** Which part of the rules workbook a sheet of this name is, if any. */
export function rulesSheetRole(name: string): keyof typeof RULES_SHEETS | null {
  const f = fold(name);
  for (const role of ['targets', 'checks', 'roster', 'explanations', 'settings'] as const) if (RULES_SHEETS[role].some((n) => fold(n) === f)) return role;
  return null;
}

function findSheet(wb: WorkbookModel, names: readonly string[]) {
  const wanted = names.map(fold);
  return wb.sheets.find((s) => wanted.includes(fold(s.name))) ?? wb.sheets.find((s) => wanted.some((w) => fold(s.name).includes(w)));
}

/** A cell's own string, line breaks (Alt+Enter) kept: the grid's text joins lines with spaces. */
function rawText(grid: Grid, r: number, c: number | undefined): string | null {
  const v = c === undefined ? undefined : grid.cell(r, c)?.value;
  return typeof v === 'string' ? v.normalize('NFC') : null;
}

function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The rules title: the first text above the header that names a period, or the first text at all. */
function readTitle(grid: Grid, headerRow: number): { title: string; period: Period | null } {
  let title = '';
  for (let r = 1; r < headerRow; r++) {
    const t = grid.rowText(r);
    if (!t) continue;
    if (!title) title = t;
    const p = parsePeriod(t);
    if (p) return { title: t, period: p };
  }
  return { title, period: null };
}

const MAX_CODE = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;

const isHundred = (e: Expr) => e.type === 'number' && e.value === 100;

/**
 * A rate's formula as staff write percentages, "GDVH_DK / SO_HO * 100" (or "× 100", "100 * A / B"):
 * rates are fractions here and shown with %, so the factor of 100 is the percent sign, not part of
 * the rate (kept, it made 97 % read as 9.716 %).
 */
export function withoutPercentFactor(e: Expr): Expr {
  if (e.type !== 'arith') return e;
  if (e.op === '*' && isHundred(e.right)) return e.left;
  if (e.op === '*' && isHundred(e.left)) return e.right;
  if (e.op === '/') {
    const left = withoutPercentFactor(e.left);
    return left === e.left ? e : { ...e, left };
  }
  return e;
}

/** Whether a roster unit is at one of a scope's levels (its "Cấp", else its name's prefix). */
function atLevels(u: RosterUnit, scope: Scope): boolean {
  const level = analyseName(u, u.name)?.level;
  return scope.kind === 'level' && !!level && scope.levels.includes(fold(level.name));
}

const IGNORED_COLUMNS = new Set(IGNORED_TARGET_COLUMNS.map(fold));

/** Header cells of the targets sheet that name no column read, and a missing condition column: each said. */
function unreadColumns(grid: Grid, header: { row: number; columns: Map<TargetColumn, number> }, sheet: string): Array<{ cell: string; message: string }> {
  const read = new Set(header.columns.values());
  const out = grid.columnsOf(header.row)
    .filter((c) => !read.has(c) && grid.text(header.row, c).trim() && !IGNORED_COLUMNS.has(grid.folded(header.row, c)))
    .map((c) => ({ cell: cellAddress(header.row, c), message: `cột "${grid.text(header.row, c).trim()}" không phải cột nào của bảng chỉ tiêu (Mã, Chỉ tiêu, Tên gọi khác, Đơn vị tính, Điều kiện, Phạm vi, Mức độ, Công thức, Quy mô): không đọc cột này. Nếu là một trong các cột đó, đổi tiêu đề cho đúng.` }));
  if (!header.columns.has('condition')) {
    out.push({ cell: cellAddress(header.row, 1), message: 'không thấy cột "Điều kiện" (điều kiện đạt của mỗi chỉ tiêu, ví dụ "≥ 95%"): không chỉ tiêu nào được đánh giá đạt hay chưa đạt.' });
  }
  return out;
}

/**
 * Reads the rules workbook. Problems on a row become `invalid-rule` findings and the row is
 * left out; a workbook without a readable "Chỉ tiêu" sheet throws RulesError.
 */
export function readRules(wb: WorkbookModel): { rules: Rules; problems: Finding[] } {
  const problems: Finding[] = [];
  const file = wb.name;
  const targetSheet = findSheet(wb, RULES_SHEETS.targets);
  if (!targetSheet) {
    throw new RulesError(`Tệp chỉ tiêu "${file}" không có trang tính "Chỉ tiêu" (có: ${wb.sheets.map((s) => `"${s.name}"`).join(', ') || 'không có trang tính nào'}).`);
  }
  const grid = makeGrid(targetSheet);
  const header = findHeader(grid, classifyTarget, { minHits: 2, required: ['code', 'name'] });
  if (!header) {
    throw new RulesError(`Tệp chỉ tiêu "${file}", trang "${targetSheet.name}": không thấy dòng tiêu đề có cột "Mã" và "Chỉ tiêu".`);
  }
  const col = header.columns;
  const at = (r: number, role: TargetColumn) => {
    const c = col.get(role);
    if (c === undefined) return '';
    const cell = grid.cell(r, c);
    if (cell && typeof cell.value === 'number') return numberText(cell.value);
    return grid.text(r, c);
  };
  const { title, period } = readTitle(grid, header.row);
  const rulePeriod: Period = period ?? { label: 'Cả năm', year: null, months: 12 };
  // A problem on an indicator's row names that indicator, so it can be found from the indicator.
  const problem = (sheet: string, r: number, c: number | undefined, message: string, indicator: string | null = null) =>
    problems.push(finding('invalid-rule', { file, sheet, cell: c ? cellAddress(r, c) : `A${r}`, indicator }, { sheet, row: r, problem: message }));
  for (const p of unreadColumns(grid, header, targetSheet.name)) problems.push(finding('invalid-rule', { file, sheet: targetSheet.name, cell: p.cell, severity: 'warning' }, { sheet: targetSheet.name, row: header.row, problem: p.message }));

  const indicators: Indicator[] = [];
  const byCode = new Map<string, Indicator>();
  const pendingFormulas: Array<{ ind: Indicator; text: string }> = [];
  const pendingSizes: Array<{ ind: Indicator; text: string }> = [];
  for (const r of grid.rowsFrom(header.row + 1)) {
    const rawCode = at(r, 'code').trim();
    const name = at(r, 'name').trim();
    if (!rawCode && !name) continue;
    if (!rawCode) {
      problem(targetSheet.name, r, col.get('code'), `chỉ tiêu "${name}" chưa có mã.`);
      continue;
    }
    if (!MAX_CODE.test(rawCode)) {
      problem(targetSheet.name, r, col.get('code'), `mã "${rawCode}" không hợp lệ (chỉ dùng chữ không dấu, số và dấu gạch dưới, bắt đầu bằng chữ).`);
      continue;
    }
    const code = rawCode.toUpperCase();
    if (byCode.has(code)) {
      problem(targetSheet.name, r, col.get('code'), `mã "${code}" bị trùng với dòng ${byCode.get(code)!.row}; dòng này bị bỏ qua.`, code);
      continue;
    }
    const uom = at(r, 'uom').trim();
    const formulaText = at(r, 'formula').trim();
    const rate = uom === '%' || isRateUnit(fold(uom)) || formulaText !== '';
    const severity = parseSeverity(at(r, 'severity'), 'warning');
    if (!severity) problem(targetSheet.name, r, col.get('severity'), `mức độ "${at(r, 'severity')}" không hiểu (dùng "Lỗi", "Cảnh báo" hoặc "Thông tin"); tạm coi là "Cảnh báo".`, code);
    const scope = parseScope(at(r, 'scope'));
    if (!scope) problem(targetSheet.name, r, col.get('scope'), `phạm vi "${at(r, 'scope')}" không hiểu (dùng "Toàn địa bàn", "Mỗi đơn vị", "Mỗi phường", "Mỗi xã"…); tạm coi là toàn địa bàn.`, code);
    const ind: Indicator = {
      code,
      section: at(r, 'section').trim(),
      name: name || code,
      aliases: splitList(rawText(grid, r, col.get('aliases')) ?? at(r, 'aliases')),
      unitOfMeasure: uom,
      rate,
      condition: null,
      scope: scope ?? { kind: 'area', label: 'Toàn địa bàn' },
      severity: severity ?? 'warning',
      formula: null,
      formulaText,
      row: r,
    };
    const condText = at(r, 'condition').trim();
    if (condText) {
      const parsed = parseCondition(condText, { rate });
      if (parsed.ok) ind.condition = parsed.condition;
      else {
        ind.unchecked = true;
        problem(targetSheet.name, r, col.get('condition'), `không đọc được điều kiện "${condText}" của chỉ tiêu ${code}: ${parsed.reason}. Chỉ tiêu này chưa được kiểm tra.`, code);
      }
    }
    if (formulaText) pendingFormulas.push({ ind, text: formulaText });
    const size = at(r, 'size').trim();
    if (size) pendingSizes.push({ ind, text: size });
    indicators.push(ind);
    byCode.set(code, ind);
  }
  // An alias that is another indicator's own name in the same section would make that name match
  // two indicators, and the row belong to neither: the alias is dropped, and said.
  for (const ind of indicators) {
    ind.aliases = ind.aliases.filter((a) => {
      const other = indicators.find((o) => o !== ind && o.section === ind.section && fold(o.name) === fold(a));
      if (other) problem(targetSheet.name, ind.row, col.get('aliases'), `tên gọi khác "${a}" của ${ind.code} là tên của chỉ tiêu ${other.code} cùng nhóm; bỏ tên gọi khác này.`, ind.code);
      return !other;
    });
  }
  // Formulas may name codes defined further down, so they are read after every code is known.
  for (const { ind, text } of pendingFormulas) {
    const parsed = parseExpression(text);
    const formulaCol = col.get('formula');
    if (!parsed.ok || isComparison(parsed.expr)) {
      problem(targetSheet.name, ind.row, formulaCol, `công thức "${text}" của ${ind.code} không đọc được: ${parsed.ok ? 'công thức không được chứa phép so sánh' : parsed.reason}.`, ind.code);
      continue;
    }
    const unknown = codesOf(parsed.expr).filter((c) => !byCode.has(c));
    if (unknown.length) {
      problem(targetSheet.name, ind.row, formulaCol, `công thức của ${ind.code} dùng mã chưa có: ${unknown.join(', ')}.`, ind.code);
      continue;
    }
    ind.formula = ind.rate ? withoutPercentFactor(parsed.expr) : parsed.expr;
  }
  dropFormulaCycles(indicators, (ind) => problem(targetSheet.name, ind.row, col.get('formula'), `công thức của ${ind.code} tự tham chiếu vòng tròn.`, ind.code));
  for (const { ind, text } of pendingSizes) {
    const size = byCode.get(text.toUpperCase());
    if (size && !size.rate && size !== ind && !ind.rate) ind.size = size.code;
    else problem(targetSheet.name, ind.row, col.get('size'), `quy mô "${text}" của ${ind.code} ${ind.rate ? 'không dùng cho tỷ lệ' : 'cần là mã của một chỉ tiêu đếm khác (ví dụ SO_HO, HND_HV)'}; bỏ qua so sánh với các đơn vị khác cho chỉ tiêu này.`, ind.code);
  }

  const crossChecks = readCrossChecks(wb, byCode, problems);
  const roster = readRoster(wb, problems);
  for (const ind of indicators) {
    if (ind.scope.kind !== 'level' || !ind.condition || roster.length === 0 || roster.some((u) => atLevels(u, ind.scope))) continue;
    ind.unchecked = true;
    problem(targetSheet.name, ind.row, col.get('scope'), `phạm vi "${ind.scope.label}" của ${ind.code}: danh sách đơn vị không có đơn vị nào ở cấp này (cấp đọc từ cột "Cấp" hoặc từ tên đơn vị), nên chỉ tiêu này không áp dụng cho đơn vị nào và chưa được kiểm tra.`, ind.code);
  }
  const explanations = readExplanations(wb, { byCode, roster }, problems);
  const settings = readSettings(wb, problems);
  const sections: string[] = [];
  for (const ind of indicators) if (ind.section && !sections.includes(ind.section)) sections.push(ind.section);
  return {
    rules: { file, title, period: rulePeriod, indicators, byCode, crossChecks, roster, sections, explanations, settings },
    problems,
  };
}

// Every indicator on a cycle is reported, so each is found first and only then dropped.
function dropFormulaCycles(indicators: Indicator[], report: (ind: Indicator) => void) {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const reachesItself = (start: Indicator): boolean => {
    const seen = new Set<string>();
    const stack = start.formula ? codesOf(start.formula) : [];
    while (stack.length) {
      const code = stack.pop()!;
      if (code === start.code) return true;
      if (seen.has(code)) continue;
      seen.add(code);
      const dep = byCode.get(code);
      if (dep?.formula) stack.push(...codesOf(dep.formula));
    }
    return false;
  };
  const cyclic = indicators.filter((ind) => ind.formula && reachesItself(ind));
  for (const ind of cyclic) {
    report(ind);
    ind.formula = null;
  }
}

function readCrossChecks(wb: WorkbookModel, byCode: Map<string, Indicator>, problems: Finding[]): CrossCheck[] {
  const sheet = findSheet(wb, RULES_SHEETS.checks);
  if (!sheet) return [];
  const grid = makeGrid(sheet);
  const header = findHeader(grid, classifyCheck, { minHits: 2, required: ['expr'] });
  if (!header) {
    problems.push(finding('invalid-rule', { file: wb.name, sheet: sheet.name, cell: 'A1' }, { sheet: sheet.name, row: null, problem: 'không thấy cột "Biểu thức"; bỏ qua kiểm tra chéo.' }));
    return [];
  }
  const out: CrossCheck[] = [];
  const seen = new Set<string>();
  const c = header.columns;
  const at = (r: number, role: CheckColumn) => (c.has(role) ? grid.text(r, c.get(role)!) : '');
  for (const r of grid.rowsFrom(header.row + 1)) {
    const text = at(r, 'expr').trim();
    const code = (at(r, 'code').trim() || `K${r}`).toUpperCase();
    if (!text) continue;
    const problem = (at: string, text: string) => problems.push(finding('invalid-rule', { file: wb.name, sheet: sheet.name, cell: at }, { sheet: sheet.name, row: r, problem: text }));
    const cell = cellAddress(r, c.get('expr')!);
    const parsed = parseExpression(text);
    if (!parsed.ok || !isComparison(parsed.expr)) {
      problem(cell, `biểu thức "${text}" không đọc được: ${parsed.ok ? 'cần một phép so sánh (=, <>, <, <=, >, >=)' : parsed.reason}.`);
      continue;
    }
    const unknown = codesOf(parsed.expr).filter((x) => !byCode.has(x));
    if (unknown.length) {
      problem(cell, `biểu thức "${text}" dùng mã chưa có trong trang "Chỉ tiêu": ${unknown.join(', ')}.`);
      continue;
    }
    if (seen.has(code)) {
      problem(c.has('code') ? cellAddress(r, c.get('code')!) : cell, `mã kiểm tra "${code}" bị trùng; dòng này bị bỏ qua.`);
      continue;
    }
    seen.add(code);
    out.push({ code, expr: parsed.expr, text, severity: parseSeverity(at(r, 'severity'), 'error') ?? 'error', note: at(r, 'note'), row: r });
  }
  return out;
}

function readRoster(wb: WorkbookModel, problems: Finding[]): RosterUnit[] {
  const sheet = findSheet(wb, RULES_SHEETS.roster);
  if (!sheet) return [];
  const grid = makeGrid(sheet);
  const header = findHeader(grid, classifyRoster, { minHits: 1, required: ['name'] });
  if (!header) {
    problems.push(finding('invalid-rule', { file: wb.name, sheet: sheet.name, cell: 'A1' }, { sheet: sheet.name, row: null, problem: 'không thấy cột "Tên đơn vị"; không kiểm tra được đơn vị thiếu.' }));
    return [];
  }
  const c = header.columns;
  const out: RosterUnit[] = [];
  // Two rows are one unit only when equal after normalisation, case and prefix ("Phường 01",
  // "P. 1"): "Tân Thành" and "Tân Thạnh" are two wards, as are "Phường Long Bình" and "Xã Long Bình".
  const seen = new Map<string, number>();
  for (const r of grid.rowsFrom(header.row + 1)) {
    const name = grid.text(r, c.get('name')!).trim();
    // "I – CÁC PHƯỜNG", "Cộng: 7 đơn vị": the list's shape, not units that must report.
    if (!name || isListRowOfNoUnit(grid.folded(r, c.get('name')!))) continue;
    const unit: RosterUnit = {
      name,
      aliases: c.has('aliases') ? splitList(grid.text(r, c.get('aliases')!)) : [],
      level: c.has('level') ? grid.text(r, c.get('level')!).trim() : '',
      order: out.length,
    };
    const key = rosterKey(unit);
    if (seen.has(key)) {
      problems.push(finding('invalid-rule', { file: wb.name, sheet: sheet.name, cell: cellAddress(r, c.get('name')!) }, { sheet: sheet.name, row: r, problem: `đơn vị "${name}" bị trùng với dòng ${seen.get(key)}.` }));
      continue;
    }
    seen.set(key, r);
    out.push(unit);
  }
  return out;
}
