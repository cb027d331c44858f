// The catalogue of findings: each kind with its label, default severity, meaning and message
// template, in one place, so the command line, the rollup and the pane word a finding the same
// way and nothing rewrites a message afterwards. Messages lead with the plain sentence a clerk
// reads; codes and cell addresses come last. Severity counting and ranking live here too.
import { formatNumber, formatPercent } from './numbers';
import { Severity } from './plan';

export type FindingKind =
  | 'shortfall'
  | 'behind-pace'
  | 'exceeded'
  | 'inconsistent'
  | 'invalid-value'
  | 'missing-value'
  | 'missing-unit'
  | 'duplicate-unit'
  | 'other-period'
  | 'unknown-unit'
  | 'unit-mismatch'
  | 'unmapped-row'
  | 'outlier'
  | 'no-table'
  | 'unreadable-file'
  | 'invalid-rule';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Roster name of the unit, "*" for the area, "" when the finding is about a file or the rules. */
  unit: string;
  indicator: string | null;
  /** Code of the cross check that failed, if any. */
  check: string | null;
  /** For shortfalls: measured against the rules' target or the unit's own plan. */
  against?: 'target' | 'plan';
  actual: number | string | null;
  expected: number | string | null;
  file: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
  /** Set when the office accepted the unit's explanation ("giải trình") for this very figure. */
  status?: 'accepted';
  explanation?: AcceptedExplanation;
}

/** What the office wrote when it accepted an explanation, and where (the rules workbook's "Giải trình"). */
export interface AcceptedExplanation {
  reason: string;
  by: string;
  date: string;
  sheet: string;
  row: number;
}

// ---------------------------------------------------------------------------------------------
// What each message is made of

/** An indicator as a message names it: "Hội Nông dân – Kết nạp hội viên mới", in its unit of measure. */
export interface Subject {
  /** Who the figure is about: a unit's name, or "Toàn địa bàn (5/7 đơn vị)". */
  who: string;
  label: string;
  rate: boolean;
  /** Unit of measure, '' for rates. */
  uom: string;
}

/** A figure in words: "1.250 hội viên", "93,45%". */
function amount(s: Subject, n: number): string {
  return s.rate ? formatPercent(n) : `${formatNumber(n)}${s.uom ? ` ${s.uom}` : ''}`;
}

function gapText(s: Subject, gap: number): string {
  return s.rate ? `${formatNumber(gap * 100)} điểm %` : formatNumber(gap);
}

const parts = (p?: string) => (p ? ` (${p})` : '');
const left = (units?: string[]) => (units && units.length ? ` Tổng chưa đủ: chưa tính số liệu không hợp lệ hoặc thiếu của ${units.join(', ')}.` : '');

export type TargetParams = Subject & {
  actual: number;
  /** The target in words, "≥ 200", "1–2", "≥ 95%". */
  target: string;
  gap: number;
  /** "1.850/1.980" for a rate from its parts. */
  parts?: string;
  /** Units whose invalid or missing figures the area total leaves out. */
  incomplete?: string[];
};

export type PlanParams = Subject & {
  actual: number;
  required: number;
  gap: number;
  /** How the plan was brought to the report's months, if it was: "kế hoạch năm, chia theo tiến độ 9/12 tháng". */
  paced?: string;
};

export type ShortfallParams =
  | ({ variant: 'target' } & TargetParams)
  | ({ variant: 'over-limit' } & TargetParams)
  | ({ variant: 'plan' } & PlanParams);

export type BehindPaceParams = ({ variant: 'target'; wholePeriod: string } & TargetParams) | ({ variant: 'plan' } & PlanParams);

export type InconsistentParams =
  | { variant: 'cross-check'; who: string; sentence: string; check: string; expression: string; note: string }
  | { variant: 'stated-rate'; subject: Subject; stated: number; cell: string; computed: number; parts?: string; tenTimes: boolean }
  | { variant: 'total-row'; column: string; cell: string; stated: number; sum: number; complete: boolean }
  | { variant: 'plan-rate'; subject: Subject; stated: number; cell: string; actual: number; plan: number; computed: number }
  | { variant: 'two-sources'; subject: Subject; used: PlacedFigure; other: PlacedFigure };

/** A figure and where it stands. */
export interface PlacedFigure {
  value: number;
  file: string;
  sheet: string;
  cell: string;
}

export type InvalidValueParams = { subject: Subject; cell: string } & (
  | { variant: 'error'; code: string }
  | { variant: 'text'; text: string }
  | { variant: 'too-large'; value: number }
  | { variant: 'negative'; value: number }
  | { variant: 'fraction'; value: number }
  /** "85%" typed where a count is due (people, meetings): a rate in the wrong column, not 85 people. */
  | { variant: 'percent'; text: string }
);

export type MissingValueParams =
  /** `missingParts`: a rate left blank that cannot be computed either, and the parts it lacks. */
  | { variant: 'blank'; subject: Subject; cell: string; missingParts?: string[] }
  | { variant: 'row'; subject: Subject }
  /** A target the unit is held to that none of the unit's reports gives (no row, no column). */
  | { variant: 'absent'; subject: Subject }
  | { variant: 'no-result'; file: string; sheet: string; cells: string[] };

/** At most `n` cell addresses, then how many more. */
const someCells = (cells: string[], n = 8) => (cells.length > n ? `${cells.slice(0, n).join(', ')} và ${cells.length - n} ô khác` : cells.join(', '));

export interface DuplicateParams {
  unit: string;
  count: number;
  /** Each report: file, sheet and its date as written ("" when undated), and whether its sheet is hidden. */
  reports: Array<{ file: string; sheet: string; date: string; hidden?: boolean; cell?: string }>;
  /** `cell`: the unit's name cell, for a row of a table of units. */
  used: { file: string; sheet: string; cell?: string };
  /** Why that one: the only one on a shown sheet, the one covering more months, the latest date, the fuller of the same date, the last by name, or the lower of two rows of one sheet. */
  why: 'shown' | 'longer' | 'latest' | 'fuller' | 'last' | 'row';
}

/** "12/12/2023" is a day, "12/2023" a month, "năm 2023" a year. */
const dateWords = (t: string) => (/^\d+\/\d+\/\d+$/.test(t) ? `ngày ${t}` : /^\d+\/\d+$/.test(t) ? `tháng ${t}` : t);

const DUPLICATE_WHY: Record<DuplicateParams['why'], string> = {
  shown: 'các trang còn lại bị ẩn (bản nháp hoặc bản cũ)',
  longer: 'báo cáo này bao quát kỳ dài hơn (số liệu lũy kế mới hơn)',
  latest: 'có ngày báo cáo muộn nhất',
  fuller: 'cùng ngày hoặc không ghi ngày, lấy bản có nhiều chỉ tiêu hơn',
  last: 'cùng ngày hoặc không ghi ngày, lấy tệp xếp sau cùng theo tên',
  row: 'cùng một trang, không có gì khác để phân biệt, lấy dòng ghi sau; nếu sai, xóa dòng thừa rồi gửi lại',
};

/** "trang "Bảng", ô B9" for a row of a table of units, "trang "Bảng"" for a report. */
const sheetAndCell = (r: { sheet: string; cell?: string }) => `trang "${r.sheet}"${r.cell ? `, ô ${r.cell}` : ''}`;

export type UnknownUnitParams = { file: string; sheet: string; name: string; where: string } & (
  | { variant: 'none' }
  | { variant: 'ambiguous'; candidates: string[]; why: 'diacritics' | 'level' | 'several' }
  | { variant: 'unlisted'; suggested: string; suggestedWhere: string }
);

export interface UnitMismatchParams {
  file: string;
  sheet: string;
  used: { unit: string; where: string; text: string };
  other: { unit: string; where: string; text: string };
}

export type OutlierParams =
  | {
      variant: 'last-year';
      subject: Subject;
      now: number;
      before: number;
      /** The setting it went past ("gấp hơn 3 lần, hoặc dưới 1/3"). */
      limit: number;
      cell?: string;
      lastYearCell?: string;
    }
  | {
      variant: 'peers';
      subject: Subject;
      value: number;
      /** The size it is compared per: "Tổng số hội viên" and its figure. */
      size: { label: string; value: number };
      /** The unit's figure per size, and the median of every unit's. */
      share: number;
      median: number;
      units: number;
      cell?: string;
    };

export type UnmappedParams =
  | { variant: 'row'; row: number; label: string; candidates: string[] }
  | { variant: 'column'; label: string; cell: string; candidates: string[] }
  /** A unit listed again in a hidden row of the same table: the row the sheet shows is used. */
  | { variant: 'hidden-copy'; unit: string; hiddenCell: string; usedCell: string; candidates: string[] }
  /** Rows naming units, with figures, below the table read (a second table on the sheet): not read. */
  | { variant: 'below'; first: number; count: number; candidates: string[] }
  /** The template's hidden codes out of step with the row labels on several rows: read by the labels. */
  | { variant: 'codes-shifted'; count: number; rows: number[]; candidates: string[] }
  /** More than one column of a table names units (tables side by side, a column kept for sorting): each figure column is read with the names nearest on its left. */
  | { variant: 'name-columns'; cells: string[]; candidates: string[] }
  /** The same name over several columns of a table of units, and no group row telling them apart. */
  | { variant: 'repeated'; label: string; cells: string[]; candidates: string[] }
  /** A second row naming an indicator another row already gives (an old copy left hidden, a row typed twice): not read. */
  | { variant: 'again'; row: number; label: string; hidden: boolean; code: string; codeLabel: string; usedRow: number; usedCell: string; candidates: string[] }
  /** A second column of a table of units naming an indicator another column already gives: not read. */
  | { variant: 'again-column'; label: string; cell: string; code: string; codeLabel: string; usedCell: string; candidates: string[] }
  /** Several figure columns nothing told apart (no year or period in their headers): the first was read. */
  | { variant: 'figure-column'; cells: string[]; used: string; candidates: string[] }
  /** A template row whose hidden code and label name different indicators: the code is used. */
  | { variant: 'code-label'; row: number; label: string; code: string; codeLabel: string; named: string; namedLabel: string; labelCell: string; codeCell: string; candidates: string[] };

export type NoTableParams = { file: string } & (
  | { variant: 'no-sheets' }
  | { variant: 'no-table'; sheets: string[] }
  | { variant: 'no-match'; sheets: string[] }
  | { variant: 'sheet-skipped'; sheet: string }
);

// ---------------------------------------------------------------------------------------------
// The catalogue

interface KindInfo<P> {
  label: string;
  severity: Severity;
  meaning: string;
  message: (p: P) => string;
}

export interface MessageParams {
  shortfall: ShortfallParams;
  'behind-pace': BehindPaceParams;
  exceeded: TargetParams;
  inconsistent: InconsistentParams;
  'invalid-value': InvalidValueParams;
  'missing-value': MissingValueParams;
  'missing-unit': { unit: string };
  'duplicate-unit': DuplicateParams;
  'other-period': OtherPeriodParams;
  'unknown-unit': UnknownUnitParams;
  'unit-mismatch': UnitMismatchParams;
  'unmapped-row': UnmappedParams;
  outlier: OutlierParams;
  'no-table': NoTableParams;
  /** The reader's own sentence: it names the file and says what to do. */
  'unreadable-file': { reason: string };
  'invalid-rule': { sheet: string; row: number | null; problem: string };
}

const planSentence = (p: PlanParams) =>
  `${p.who}: ${p.label} đạt ${p.rate ? formatPercent(p.actual) : formatNumber(p.actual)}/${amount(p, p.required)} theo kế hoạch của đơn vị${p.paced ? ` (${p.paced})` : ''}, thiếu ${gapText(p, p.gap)}.`;

/** A report of another year than the round's: set aside, or used with a doubt said. */
export type OtherPeriodParams = SheetYearParams | { variant: 'years-differ'; years: Array<{ year: number; sheets: number }> };

interface SheetYearParams {
  /** Set aside (the title names another year), or used with the doubt said (the date says otherwise). */
  variant: 'set-aside' | 'dated-in-round' | 'dated-before';
  /** The unit, as the message names it. */
  who: string;
  file: string;
  sheet: string;
  /** The period its title names ("6 tháng đầu năm 2022"), if any. */
  title: string | null;
  /** Its date as "dd/mm/yyyy" (or "mm/yyyy", "năm yyyy" when the date line is partly blank), if any. */
  date: string | null;
  /** The date falls in the first quarter after the round's year, when a year's report is sent. */
  early?: boolean;
  year: number;
  /** How the round's year was found: "theo tiêu đề bảng chỉ tiêu". */
  basis: string;
}

const WHY_AMBIGUOUS = {
  diacritics: 'tên viết không dấu (hoặc dấu không khớp) nên hợp với nhiều đơn vị',
  level: 'không ghi cấp (phường, xã…) nên hợp với nhiều đơn vị cùng tên',
  several: 'báo cáo nêu tên nhiều đơn vị',
} as const;

export const FINDING_KINDS: { [K in FindingKind]: KindInfo<MessageParams[K]> } = {
  shortfall: {
    label: 'Không đạt chỉ tiêu',
    severity: 'warning',
    meaning: 'Thấp hơn chỉ tiêu (của địa bàn, của đơn vị, hoặc kế hoạch đơn vị tự đặt).',
    message: (p) =>
      p.variant === 'plan'
        ? planSentence(p)
        : p.variant === 'over-limit'
          ? `${p.who}: ${p.label} là ${amount(p, p.actual)}${parts(p.parts)}, vượt mức cho phép ${p.target}${p.rate || !p.uom ? '' : ` ${p.uom}`}.${left(p.incomplete)}`
          : `${p.who}: ${p.label} đạt ${amount(p, p.actual)}${parts(p.parts)}, chỉ tiêu ${p.target}${p.rate || !p.uom ? '' : ` ${p.uom}`}, thiếu ${gapText(p, p.gap)}.${left(p.incomplete)}`,
  },
  'behind-pace': {
    label: 'Chậm tiến độ',
    severity: 'warning',
    meaning: 'Báo cáo một phần năm: thấp hơn chỉ tiêu hoặc kế hoạch đã chia theo số tháng.',
    message: (p) =>
      p.variant === 'plan'
        ? planSentence(p)
        : `${p.who}: ${p.label} đến nay đạt ${amount(p, p.actual)}${parts(p.parts)}, theo tiến độ cần ${p.target}${p.rate || !p.uom ? '' : ` ${p.uom}`} (chỉ tiêu cả kỳ: ${p.wholePeriod}), thiếu ${gapText(p, p.gap)}.${left(p.incomplete)}`,
  },
  exceeded: {
    label: 'Vượt chỉ tiêu',
    severity: 'info',
    meaning: 'Cao hơn đầu trên của khoảng chỉ tiêu.',
    message: (p) => `${p.who}: ${p.label} đạt ${amount(p, p.actual)}${parts(p.parts)}, vượt chỉ tiêu ${p.target}${p.rate || !p.uom ? '' : ` ${p.uom}`}.${left(p.incomplete)}`,
  },
  inconsistent: {
    label: 'Không khớp',
    severity: 'error',
    meaning: 'Kiểm tra chéo sai, tỷ lệ ghi khác tỷ lệ tính lại, hoặc dòng Tổng cộng khác tổng các dòng.',
    message: (p) => {
      switch (p.variant) {
        case 'cross-check':
          return `${p.who}: ${p.sentence}${p.note ? ` – ${p.note}` : ''} (kiểm tra ${p.check}: ${p.expression}).`;
        case 'stated-rate':
          return `${p.subject.who}: ${p.subject.label} ghi ${formatNumber(p.stated)}% nhưng tính lại từ số liệu${p.parts ? ` ${p.parts}` : ''} được ${formatPercent(p.computed)}${p.tenTimes ? ' (có lẽ gõ thiếu một chữ số hoặc sai vị trí dấu phẩy)' : ''} (ô ${p.cell}).`;
        case 'total-row':
          return `Dòng Tổng cộng, cột "${p.column}" ghi ${formatNumber(p.stated)} nhưng cộng các dòng trên được ${formatNumber(p.sum)}${p.complete ? '' : ' (chưa tính các ô không hợp lệ)'} (ô ${p.cell}).`;
        case 'plan-rate':
          return `${p.subject.who}: ${p.subject.label} ghi tỷ lệ so với kế hoạch ${formatNumber(p.stated)}%, tính lại ${formatNumber(p.actual)}/${formatNumber(p.plan)} = ${formatNumber(p.computed)}% (ô ${p.cell}).`;
        case 'two-sources':
          return `${p.subject.who}: ${p.subject.label} là ${amount(p.subject, p.used.value)} trong báo cáo của đơn vị nhưng ${amount(p.subject, p.other.value)} trong "${p.other.file}" (trang "${p.other.sheet}", ô ${p.other.cell}); dùng số trong báo cáo của đơn vị (tệp "${p.used.file}", trang "${p.used.sheet}", ô ${p.used.cell}).`;
      }
    },
  },
  'invalid-value': {
    label: 'Giá trị không hợp lệ',
    severity: 'error',
    meaning: 'Chữ không phải số, số âm, số lẻ ở chỗ phải là số nguyên, ô lỗi.',
    message: (p) => {
      const s = `${p.subject.who}: "${p.subject.label}"`;
      switch (p.variant) {
        case 'error':
          return `${s} là ô lỗi ${p.code}, không có số liệu (ô ${p.cell}).`;
        case 'text':
          return `${s} ghi "${p.text}", không phải số; không tính vào tổng (ô ${p.cell}).`;
        case 'too-large':
          return `${s} là số quá lớn (${String(p.value)}); không tính vào tổng (ô ${p.cell}).`;
        case 'negative':
          return `${s} là số âm ${formatNumber(p.value)}; không tính vào tổng (ô ${p.cell}).`;
        case 'fraction':
          return `${s} là ${formatNumber(p.value, 4)} ${p.subject.uom}, phải là số nguyên; không tính vào tổng (ô ${p.cell}).`;
        case 'percent':
          return `${s} ghi "${p.text}", một tỷ lệ %, trong khi chỉ tiêu này đếm bằng ${p.subject.uom || 'số'}; không tính vào tổng, hãy ghi số ${p.subject.uom || 'đếm được'} (ô ${p.cell}).`;
      }
    },
  },
  'missing-value': {
    label: 'Thiếu số liệu',
    severity: 'warning',
    meaning: 'Ô để trống hoặc thiếu dòng ở chỗ cần số liệu, hoặc công thức không có kết quả lưu sẵn.',
    message: (p) =>
      p.variant === 'blank'
        ? p.missingParts
          ? `${p.subject.who}: "${p.subject.label}" để trống (ô ${p.cell}) và không tính được từ các số liệu thành phần${p.missingParts.length ? `: thiếu ${p.missingParts.map((n) => `"${n}"`).join(', ')}` : ' (mẫu số bằng 0)'}.`
          : `${p.subject.who}: "${p.subject.label}" để trống (ô ${p.cell}).`
        : p.variant === 'row'
          ? `${p.subject.who}: thiếu dòng "${p.subject.label}" trong báo cáo.`
          : p.variant === 'absent'
            ? `${p.subject.who}: chưa có số liệu "${p.subject.label}", chỉ tiêu đơn vị phải đạt, trong các báo cáo đã nhận của đơn vị.`
          : `Tệp "${p.file}", trang "${p.sheet}": tệp có công thức chưa có kết quả lưu sẵn (thường do tệp được lưu bằng phần mềm khác Excel) và công thức này không tự tính được, nên ô để trống. Mở tệp trong Excel rồi lưu lại (Excel tính lại công thức khi lưu) và kiểm tra lần nữa (ô ${someCells(p.cells)}).`,
  },
  'missing-unit': {
    label: 'Chưa gửi báo cáo',
    severity: 'error',
    meaning: 'Đơn vị trong danh sách không gửi báo cáo.',
    message: (p) => `${p.unit}: chưa gửi báo cáo (không có tệp nào của đơn vị này).`,
  },
  'duplicate-unit': {
    label: 'Gửi trùng',
    severity: 'warning',
    meaning: 'Một đơn vị gửi hai lần; dùng bản có ngày muộn hơn.',
    message: (p) =>
      `${p.unit} gửi ${p.count} báo cáo: ${p.reports.map((r) => `"${r.file}" (${sheetAndCell(r)}${r.hidden ? ', trang ẩn' : ''}${r.date ? `, ${dateWords(r.date)}` : ', không ghi ngày'})`).join(', ')}. Dùng "${p.used.file}" (${sheetAndCell(p.used)}) vì ${DUPLICATE_WHY[p.why]}.`,
  },
  'other-period': {
    label: 'Báo cáo kỳ khác',
    severity: 'error',
    meaning: 'Báo cáo ghi năm khác năm của đợt kiểm tra: không cộng số liệu vào tổng hợp (hoặc vẫn dùng khi ngày báo cáo cho thấy là báo cáo năm nay, và nói rõ).',
    message: (p) => {
      if (p.variant === 'years-differ') {
        const years = p.years.map((y) => `năm ${y.year}: ${y.sheets} trang`).join(', ');
        return `Các báo cáo ghi những năm khác nhau (${years}) và tiêu đề bảng chỉ tiêu không ghi năm, nên không xác định được năm của đợt kiểm tra: số liệu của mọi báo cáo vẫn được cộng. Hãy ghi năm vào tiêu đề trang "Chỉ tiêu" (ví dụ "CHỈ TIÊU … NĂM 2023") rồi kiểm tra lại.`;
      }
      const head = `${p.who}: tệp "${p.file}", trang "${p.sheet}"`;
      const title = p.title ? `tiêu đề ghi "${p.title}"` : 'tiêu đề không ghi năm';
      const date = p.date ? `ngày báo cáo ${p.date}` : 'không ghi ngày';
      if (p.variant === 'set-aside') return `${head} là báo cáo của kỳ khác (${title}, ${date}), không phải năm ${p.year} (${p.basis}): không lấy số liệu của trang này. Đề nghị gửi báo cáo năm ${p.year}.`;
      const when = p.early ? `ở đầu năm ${p.year + 1}, lúc gửi báo cáo năm ${p.year}` : `thuộc năm ${p.year}`;
      if (p.variant === 'dated-in-round') return `${head}: ${title} nhưng ${date} ${when} (${p.basis}). Vẫn dùng số liệu; hãy xem lại tiêu đề và ngày của báo cáo.`;
      return `${head}: ${date}, trước năm ${p.year} (${p.basis}), trong khi ${title}. Vẫn dùng số liệu; hãy xem lại ngày của báo cáo (có thể còn ngày của mẫu năm trước).`;
    },
  },
  'unknown-unit': {
    label: 'Không rõ đơn vị',
    severity: 'error',
    meaning: 'Không nhận ra báo cáo của đơn vị nào trong danh sách.',
    message: (p) => {
      const head = `Tệp "${p.file}", trang "${p.sheet}"`;
      const after = 'Báo cáo vẫn được kiểm tra nhưng không cộng vào tổng.';
      if (p.variant === 'ambiguous') {
        return `${head}: "${p.name}" (${p.where}) có thể là ${p.candidates.join(' hoặc ')}; ${WHY_AMBIGUOUS[p.why]}, nên không tự chọn. ${after} Ghi rõ tên đơn vị (có dấu, có cấp) trong tiêu đề báo cáo.`;
      }
      if (p.variant === 'unlisted') {
        return `${head}: ${p.where} ghi "${p.name}", không có trong danh sách đơn vị, trong khi ${p.suggestedWhere} gợi ý ${p.suggested}; không tự chọn. ${after} Nếu đúng là ${p.suggested}, thêm "${p.name}" vào cột "Tên gọi khác" của trang "Đơn vị".`;
      }
      return `${head}: không nhận ra "${p.name}" (${p.where}) là đơn vị nào trong danh sách đơn vị. ${after} Nếu đúng là một đơn vị, thêm tên này vào cột "Tên gọi khác" của trang "Đơn vị".`;
    },
  },
  'unit-mismatch': {
    label: 'Tên đơn vị không khớp',
    severity: 'warning',
    meaning: 'Tiêu đề, tên trang tính và tên tệp chỉ các đơn vị khác nhau; đã dùng tiêu đề và nói rõ.',
    message: (p) =>
      `Tệp "${p.file}", trang "${p.sheet}": ${p.used.where} ghi "${p.used.text}" (${p.used.unit}) nhưng ${p.other.where} ghi "${p.other.text}" (${p.other.unit}). Đã tính cho ${p.used.unit} theo ${p.used.where}, vì ${p.used.where === 'tiêu đề' ? 'tiêu đề là phần đơn vị tự ghi trong báo cáo' : 'tên trang tính đứng cùng số liệu'}; nếu sai, sửa lại rồi kiểm tra lần nữa.`,
  },
  'unmapped-row': {
    label: 'Dòng không khớp',
    severity: 'info',
    meaning: 'Dòng không khớp chỉ tiêu nào (thêm tên vào "Tên gọi khác" nếu cần), hoặc dòng của biểu mẫu có tên một chỉ tiêu nhưng mã ở cột ẩn của chỉ tiêu khác (cảnh báo; đã tính theo mã).',
    message: (p) => {
      if (p.variant === 'code-label') {
        return `Dòng ${p.row} ghi tên "${p.label}" (chỉ tiêu ${p.named}: ${p.namedLabel}) nhưng cột ẩn "Mã chỉ tiêu (chitieu)" của biểu mẫu ghi mã ${p.code} (${p.codeLabel}). Đã tính số liệu của dòng cho ${p.code} theo mã, vì mã do biểu mẫu ghi sẵn còn tên dòng có thể đã bị sửa; nếu số liệu là của "${p.namedLabel}", chuyển sang đúng dòng rồi gửi lại (ô tên ${p.labelCell}, ô mã ${p.codeCell}).`;
      }
      if (p.variant === 'hidden-copy') {
        return `${p.unit} có thêm một dòng bị ẩn trong bảng (ô ${p.hiddenCell}): dùng dòng đang hiện (ô ${p.usedCell}), không đọc dòng ẩn.`;
      }
      if (p.variant === 'again') {
        const which = p.hidden ? 'dòng ẩn' : 'dòng';
        return `${which[0].toUpperCase()}${which.slice(1)} ${p.row} "${p.label}" cũng là chỉ tiêu ${p.code} (${p.codeLabel}), đã lấy số liệu ở dòng ${p.usedRow} (ô ${p.usedCell}): không đọc ${which} này.${p.hidden ? '' : ` Nếu số liệu đúng ở dòng ${p.row}, xóa dòng ${p.usedRow} rồi gửi lại.`}`;
      }
      if (p.variant === 'again-column') {
        return `Cột "${p.label}" (ô ${p.cell}) cũng là chỉ tiêu ${p.code} (${p.codeLabel}), đã lấy số liệu ở cột có tiêu đề ô ${p.usedCell}: không đọc cột này.`;
      }
      if (p.variant === 'figure-column') {
        return `Bảng có ${p.cells.length} cột số liệu mà tiêu đề không cho biết cột nào là của kỳ báo cáo (${p.cells.join(', ')}): đã đọc cột ${p.used}. Nếu số liệu của kỳ báo cáo ở cột khác, ghi rõ kỳ vào tiêu đề các cột (ví dụ "Thực hiện năm 2023") rồi gửi lại.`;
      }
      if (p.variant === 'below') {
        return `Dưới bảng đã đọc còn ${p.count} dòng ghi tên đơn vị có số liệu (từ dòng ${p.first}), có lẽ là một bảng khác trên cùng trang: không đọc các dòng này. Để mỗi bảng ở một trang tính riêng rồi gửi lại.`;
      }
      if (p.variant === 'codes-shifted') {
        return `Cột ẩn "Mã chỉ tiêu (chitieu)" của biểu mẫu không khớp tên dòng ở ${p.count} dòng (dòng ${p.rows.slice(0, 8).join(', ')}${p.rows.length > 8 ? ', …' : ''}): có lẽ đã chèn hoặc xóa ô ở các cột tên mà không chèn, xóa cả hàng. Đã đọc mỗi dòng theo tên dòng, không theo mã; hãy xem lại số liệu các dòng này.`;
      }
      if (p.variant === 'name-columns') {
        return `Bảng có ${p.cells.length} cột ghi tên đơn vị (ô ${p.cells.join(', ')}): số liệu ở mỗi cột được tính cho đơn vị ghi ở cột tên gần nhất bên trái cột đó, trên cùng dòng.`;
      }
      if (p.variant === 'repeated') {
        return `${p.cells.length} cột cùng ghi "${p.label}" (ô ${p.cells.join(', ')}) mà không ghi rõ mỗi cột thuộc nhóm nào (hội, đoàn thể nào): không lấy số liệu các cột này, vì không biết cột nào của chỉ tiêu nào. Thêm một dòng ghi tên nhóm phía trên các cột (ví dụ "Hội Nông dân") rồi gửi lại.`;
      }
      const why = p.candidates.length ? ` (có thể là ${p.candidates.join(', ')}; không rõ thuộc nhóm nào)` : '';
      return p.variant === 'row'
        ? `Dòng ${p.row} "${p.label}" không khớp chỉ tiêu nào${why}; nếu là một chỉ tiêu, thêm tên này vào cột "Tên gọi khác" của tệp chỉ tiêu.`
        : `Cột "${p.label}" không khớp chỉ tiêu nào${why}; nếu là một chỉ tiêu, thêm tên này vào cột "Tên gọi khác" của tệp chỉ tiêu (ô ${p.cell}).`;
    },
  },
  outlier: {
    label: 'Số liệu bất thường',
    severity: 'warning',
    meaning: 'Khác xa số cùng kỳ của chính đơn vị, hoặc (tính theo quy mô) khác xa các đơn vị khác: có thể gõ nhầm.',
    message: (p) => {
      const s = p.subject;
      if (p.variant === 'last-year') {
        const how = p.now >= p.before ? `gấp ${formatNumber(p.now / p.before, 1)} lần cùng kỳ (${amount(s, p.before)})` : `chỉ bằng 1/${formatNumber(p.before / p.now, 1)} cùng kỳ (${amount(s, p.before)})`;
        return `${s.who}: ${s.label} là ${amount(s, p.now)}, ${how}: có thể gõ nhầm; kiểm tra lại hoặc giải trình (mức cảnh báo: chênh quá ${formatNumber(p.limit)} lần)${cells([p.cell, p.lastYearCell && `cùng kỳ ô ${p.lastYearCell}`])}.`;
      }
      return `${s.who}: ${s.label} là ${amount(s, p.value)}, bằng ${formatPercent(p.share)} ${p.size.label} (${formatNumber(p.size.value)}), trong khi trung vị của ${p.units} đơn vị là ${formatPercent(p.median)}: khác xa các đơn vị khác, có thể gõ nhầm; kiểm tra lại hoặc giải trình${cells([p.cell])}.`;
    },
  },
  'no-table': {
    label: 'Không thấy bảng',
    severity: 'error',
    meaning: 'Trang tính không có bảng số liệu nhận ra được.',
    message: (p) => {
      switch (p.variant) {
        case 'no-sheets':
          return `Tệp "${p.file}" không có trang tính nào.`;
        case 'no-match':
          return `Tệp "${p.file}": có bảng ở ${p.sheets.map((s) => `trang "${s}"`).join(', ')} nhưng không dòng nào khớp chỉ tiêu của tệp chỉ tiêu. Kiểm tra đúng tệp chỉ tiêu, hoặc thêm tên các dòng vào cột "Tên gọi khác".`;
        case 'no-table':
          return `Tệp "${p.file}": không thấy bảng số liệu nào (đã xem ${p.sheets.map((n) => `"${n}"`).join(', ')}). Bảng cần có dòng tiêu đề với cột "Nội dung" và cột "Thực hiện" hoặc "Kế hoạch", hoặc một cột ghi tên các đơn vị và các cột chỉ tiêu.`;
        case 'sheet-skipped':
          return `Tệp "${p.file}", trang "${p.sheet}": có bảng nhưng không dòng nào khớp chỉ tiêu; trang này bị bỏ qua.`;
      }
    },
  },
  'unreadable-file': {
    label: 'Không đọc được tệp',
    severity: 'error',
    meaning: 'Tệp hỏng, không phải .xlsx, có mật khẩu hoặc trống.',
    message: (p) => p.reason,
  },
  'invalid-rule': {
    label: 'Lỗi tệp chỉ tiêu',
    severity: 'error',
    meaning: 'Một dòng của tệp chỉ tiêu không đọc được.',
    message: (p) => `Tệp chỉ tiêu, trang "${p.sheet}"${p.row === null ? '' : `, dòng ${p.row}`}: ${p.problem}`,
  },
};

export type FindingFields = Partial<Omit<Finding, 'kind' | 'message'>>;

/** A finding of `kind`, its message written from the catalogue's template. */
export function finding<K extends FindingKind>(kind: K, fields: FindingFields, params: MessageParams[K]): Finding {
  const info = FINDING_KINDS[kind] as unknown as KindInfo<MessageParams[K]>;
  return {
    kind,
    severity: fields.severity ?? info.severity,
    unit: fields.unit ?? '',
    indicator: fields.indicator ?? null,
    check: fields.check ?? null,
    ...(fields.against ? { against: fields.against } : {}),
    actual: fields.actual ?? null,
    expected: fields.expected ?? null,
    file: fields.file ?? null,
    sheet: fields.sheet ?? null,
    cell: fields.cell ?? null,
    message: info.message(params),
  };
}

/**
 * The finding as accepted: kept for the record, for information only, its message followed by
 * the reason the office accepted.
 */
export function acceptFinding(f: Finding, e: AcceptedExplanation): Finding {
  const who = [e.by, e.date && `ngày ${e.date}`].filter(Boolean).join(', ');
  return { ...f, severity: 'info', status: 'accepted', explanation: e, message: `${f.message} Đã chấp nhận giải trình: ${e.reason}${who ? ` (${who})` : ''}.` };
}

export const isAccepted = (f: Pick<Finding, 'status'>): boolean => f.status === 'accepted';

// ---------------------------------------------------------------------------------------------
// Severity: labels, ranking and counting, for every adapter

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

/** Higher is worse. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Findings by severity; accepted ones are counted apart, in `accepted`, and in no severity. */
export function countBySeverity(findings: Iterable<Pick<Finding, 'severity' | 'status'>>): Record<Severity, number> & { accepted: number } {
  const counts = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of findings) {
    if (isAccepted(f)) counts.accepted++;
    else counts[f.severity]++;
  }
  return counts;
}

/** Worst first. */
export function byWorst<T extends Pick<Finding, 'severity'>>(a: T, b: T): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/** A stable order, so the same inputs always give byte-identical output. */
export function compareFindings(a: Finding, b: Finding, unitOrder: (u: string) => number, indicatorOrder: (code: string | null) => number): number {
  return (
    unitOrder(a.unit) - unitOrder(b.unit) ||
    byWorst(a, b) ||
    indicatorOrder(a.indicator) - indicatorOrder(b.indicator) ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    cellOrder(a.cell) - cellOrder(b.cell) ||
    a.kind.localeCompare(b.kind) ||
    (a.indicator ?? '').localeCompare(b.indicator ?? '') ||
    a.message.localeCompare(b.message)
  );
}

function cellOrder(cell: string | null): number {
  if (!cell) return -1;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20000 + col;
}

/** " (ô E12, cùng kỳ ô F12)": the cells a message can name, none when the figure has no cell. */
function cells(parts: Array<string | undefined>): string {
  const [first, ...rest] = parts;
  const named = [first ? `ô ${first}` : '', ...rest].filter((x): x is string => !!x);
  return named.length ? ` (${named.join(', ')})` : '';
}
