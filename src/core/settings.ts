// The optional "Thiết lập" sheet of the rules workbook: one "name | value" row per setting of the
// outlier warnings. A row it cannot read is an invalid-rule finding and the default stays.
import { Finding, finding } from './findings';
import { findHeader, makeGrid } from './grid';
import { WorkbookModel, cellAddress } from './model';
import { readCellNumber } from './numbers';
import { fold, phraseClassifier, phraseTest } from './text';
import { OFF_WORDS, RULES_SHEETS, SETTINGS_COLUMNS, SETTING_NAMES, SettingName } from './vocabulary';

export interface Settings {
  /** A unit's figure this many times its own "Cùng kỳ" (or less than its inverse) is an outlier; null: off. */
  lastYearFactor: number | null;
  /** A unit's figure per size this far from its peers' (robust z-score) is an outlier; null: off. */
  peerZ: number | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ lastYearFactor: 3, peerZ: 3.5 });

const classifyColumn = phraseClassifier(SETTINGS_COLUMNS);
const classifyName = phraseClassifier(SETTING_NAMES);
const isOff = phraseTest(OFF_WORDS, 'exact');

/** What each setting accepts, for the message when a value is not that. */
const ACCEPTS: Record<SettingName, { min: number; words: string }> = {
  lastYearFactor: { min: 1, words: 'một số lớn hơn 1 (ví dụ 3), hoặc "Không" để tắt' },
  peerZ: { min: 0, words: 'một số lớn hơn 0 (ví dụ 3,5), hoặc "Không" để tắt' },
};

export function readSettings(wb: WorkbookModel, problems: Finding[]): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const wanted = RULES_SHEETS.settings.map(fold);
  const sheet = wb.sheets.find((s) => wanted.includes(fold(s.name)));
  if (!sheet) return settings;
  const grid = makeGrid(sheet);
  const header = findHeader(grid, classifyColumn, { minHits: 2, required: ['name', 'value'] });
  const problem = (cell: string, row: number | null, text: string) => problems.push(finding('invalid-rule', { file: wb.name, sheet: sheet.name, cell }, { sheet: sheet.name, row, problem: text }));
  if (!header) {
    problem('A1', null, 'không thấy cột "Thiết lập" và "Giá trị"; dùng mặc định.');
    return settings;
  }
  const nameCol = header.columns.get('name')!;
  const valueCol = header.columns.get('value')!;
  for (const r of grid.rowsFrom(header.row + 1)) {
    const name = grid.text(r, nameCol).trim();
    if (!name) continue;
    const key = classifyName(fold(name));
    if (!key) {
      problem(cellAddress(r, nameCol), r, `không hiểu thiết lập "${name}" (có: hệ số so với cùng kỳ; ngưỡng so với các đơn vị khác); dòng này bị bỏ qua.`);
      continue;
    }
    const value = settingValue(grid.cell(r, valueCol)?.value ?? null, grid.text(r, valueCol), ACCEPTS[key].min);
    if (value === undefined) problem(cellAddress(r, valueCol), r, `giá trị "${grid.text(r, valueCol)}" của "${name}" không dùng được (cần ${ACCEPTS[key].words}); dùng mặc định.`);
    else settings[key] = value;
  }
  return settings;
}

/** A number above `min`, null for "Không" (off), undefined for anything else. */
function settingValue(raw: unknown, text: string, min: number): number | null | undefined {
  if (isOff(fold(text))) return null;
  const r = readCellNumber(typeof raw === 'number' ? raw : text.trim());
  if (r.kind !== 'number' || r.percent || !(r.value > min) || !Number.isFinite(r.value)) return undefined;
  return r.value;
}
