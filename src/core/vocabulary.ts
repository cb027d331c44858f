// Every word the reader recognises, in one place, each list with the reason it exists.
// Phrases are written as people write them (with diacritics); the modules that use a list fold
// it once when they load, so "also accept «Kết quả đạt được»" is one line added here.
// Data only: no imports, so every module of the engine can read it.

/** How a folded cell text is compared with a folded phrase. */
export type PhraseMode = 'exact' | 'starts' | 'contains';

export interface PhraseRule<R extends string> {
  role: R;
  mode: PhraseMode;
  phrases: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Report tables

export type ReportColumn = 'stt' | 'label' | 'uom' | 'plan' | 'value' | 'lastYear' | 'lastYearChange' | 'planRate' | 'note' | 'unit' | 'code';

/**
 * Header words of a unit's report table, tried in this order (the first rule that matches a
 * header cell gives its column's role). Order matters where phrases overlap: "Chỉ tiêu giao" is
 * a plan, not the label column "Chỉ tiêu"; "Tỷ lệ % so với KH" is a rate, not a plan.
 */
export const REPORT_COLUMNS: ReadonlyArray<PhraseRule<ReportColumn>> = [
  // The hidden column of chitieu's own template ("chitieu mau"): each row's indicator code, read
  // instead of matching the row's name. Kept in step with TEMPLATE_CODE_HEADER (plan-template.ts).
  { role: 'code', mode: 'exact', phrases: ['Mã chỉ tiêu (chitieu)'] },
  // The row number column; "TT" is how many templates abbreviate "thứ tự".
  { role: 'stt', mode: 'exact', phrases: ['STT', 'TT', 'Số TT', 'Số thứ tự'] },
  // A plan the unit was given, even though it starts with the label column's "Chỉ tiêu".
  { role: 'plan', mode: 'starts', phrases: ['Chỉ tiêu giao', 'Chỉ tiêu được giao', 'Chỉ tiêu kế hoạch'] },
  // The indicator names: the column every row of a one-indicator-per-row report is matched by.
  {
    role: 'label',
    mode: 'starts',
    phrases: ['Nội dung', 'Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu', 'Các chỉ tiêu', 'Danh mục', 'Danh mục chỉ tiêu', 'Nội dung công việc', 'Các nội dung'],
  },
  // Unit of measure: read for nothing but recognised so it is not taken for a figure column.
  { role: 'uom', mode: 'exact', phrases: ['Đơn vị tính', 'ĐVT'] },
  // Notes: never figures, even when a unit types a number there.
  { role: 'note', mode: 'starts', phrases: ['Ghi chú'] },
  // A comparison with last year the unit computed itself ("So với cùng kỳ (%)", "Tăng, giảm"):
  // recognised so it is not taken for last year's figure; chitieu computes the change itself.
  {
    role: 'lastYearChange',
    mode: 'contains',
    phrases: ['So với cùng kỳ', 'So sánh cùng kỳ', 'So sánh với cùng kỳ', 'So với CK', 'So CK', 'Tăng, giảm'],
  },
  // The same period last year ("Cùng kỳ", "Cùng kỳ năm trước", "CK năm trước", "TH cùng kỳ"):
  // compared, never summed into this year.
  { role: 'lastYear', mode: 'contains', phrases: ['Cùng kỳ', 'CK năm trước', 'CK năm', 'TH CK', 'Cùng kì'] },
  // The rate against the plan that the unit computed itself ("Tỷ lệ (%) so với KH").
  { role: 'planRate', mode: 'contains', phrases: ['Tỷ lệ', 'So sánh', '%'] },
  // The unit's own plan for the row; its period may be in the header ("Kế hoạch 9 tháng").
  { role: 'plan', mode: 'contains', phrases: ['Kế hoạch', 'KH'] },
  // The figure achieved: the column every check reads.
  // "TH" and "KQ" as clerks abbreviate them ("TH 6T/2023", "KQ 2023"), as "KH" is for the plan.
  { role: 'value', mode: 'contains', phrases: ['Thực hiện', 'Kết quả', 'Số liệu', 'Ước thực hiện', 'Lũy kế', 'Số lượng', 'TH', 'KQ'] },
  // The unit column of an association's table, when its header says so. Tables whose unit
  // column is headed otherwise (or not at all) are found by their cells naming roster units.
  {
    role: 'unit',
    mode: 'exact',
    phrases: [
      'Tên đơn vị', 'Đơn vị', 'Phường, xã', 'Xã, phường', 'Phường xã', 'Cơ sở', 'Tên cơ sở', 'Địa phương', 'Tên phường, xã',
      'Chi hội', 'Đơn vị cơ sở', 'Đơn vị phường, xã', 'Tên cơ sở Hội', 'Cơ sở Hội',
    ],
  },
];

/** Words that name a plan column's own period ("Kế hoạch năm", "KH 6 tháng", "Kế hoạch quý"). */
export const PLAN_PERIOD_WORDS = {
  year: ['năm', 'cả năm'],
  quarter: ['quý'],
  months: ['tháng'],
} as const;

/** The total row of a unit-per-row table: checked against the rows above, never a unit. */
export const TOTAL_ROW: readonly string[] = [
  'Tổng cộng', 'Cộng', 'Tổng số', 'Tổng', 'Cộng toàn', 'Toàn huyện', 'Toàn thị xã', 'Toàn thành phố', 'Toàn tỉnh', 'Toàn quận', 'Toàn địa bàn', 'Toàn đơn vị',
];

/** First words of the signature block under a table: the table ends where they start. */
export const SIGNATURE_BLOCK: readonly string[] = [
  'Người lập biểu', 'Người lập', 'Người tổng hợp', 'Lập biểu', 'Nơi nhận', 'T/M', 'TM', 'Thủ trưởng', 'Bí thư', 'Phó bí thư', 'Chủ tịch', 'Trưởng ban',
  'Xác nhận', 'Ký tên', 'Ký, ghi rõ họ tên', 'Giám đốc', 'Kế toán',
];

/**
 * Units of measure whose figures are whole counts: a fraction there is a typing error.
 * Anything else ("ha", "tỷ đồng", "%") may hold decimals.
 */
export const COUNT_UNITS: readonly string[] = [
  'người', 'hộ', 'mô hình', 'cuộc', 'lần', 'nhà', 'căn', 'khu', 'cơ sở', 'đơn vị', 'tổ', 'hội viên', 'đoàn viên', 'thành viên', 'công trình',
  'đội', 'câu lạc bộ', 'CLB', 'chi hội', 'chi đoàn', 'buổi', 'hội nghị', 'lớp', 'lượt', 'thôn', 'tổ dân phố', 'xã', 'phường', 'đảng viên',
  'hợp tác xã', 'HTX', 'tin', 'bài', 'vụ', 'đơn', 'trường hợp', 'cái', 'chiếc', 'con', 'em', 'trẻ', 'cử tri', 'ý kiến', 'kiến nghị',
];

/** What a unit types for zero in a figure cell. */
export const ZERO_MARKS: readonly string[] = ['-', '–', '—', '−', '--', '---'];

/** What a unit types for "not applicable": no figure, and none expected. Compared as written. */
export const NOT_APPLICABLE_MARKS: readonly string[] = ['x', 'X', 'k/a', 'n/a', 'N/A', 'không áp dụng', 'Không áp dụng'];

// ---------------------------------------------------------------------------------------------
// The rules workbook

/** The sheet names each part of the rules workbook goes by (compared folded). */
export const RULES_SHEETS = {
  targets: ['Chỉ tiêu', 'Danh mục chỉ tiêu'],
  checks: ['Kiểm tra chéo', 'Kiểm tra'],
  roster: ['Đơn vị', 'Danh sách đơn vị'],
  explanations: ['Giải trình', 'Giải trình đã chấp nhận'],
  // Optional settings of the checks (the outlier warnings), one "name | value" row each.
  settings: ['Thiết lập', 'Cài đặt', 'Tham số'],
} as const;

/** Units of measure, besides "%", that make an indicator a rate. */
export const RATE_UNITS: readonly string[] = ['Tỷ lệ', 'Phần trăm'];

export type TargetColumn = 'code' | 'section' | 'name' | 'aliases' | 'uom' | 'condition' | 'scope' | 'severity' | 'formula' | 'size';
export type CheckColumn = 'code' | 'expr' | 'severity' | 'note';
export type RosterColumn = 'name' | 'aliases' | 'level';

/** Column headers of the "Chỉ tiêu" sheet, compared whole. */
export const TARGET_COLUMNS: ReadonlyArray<PhraseRule<TargetColumn>> = [
  { role: 'code', mode: 'exact', phrases: ['Mã', 'Mã chỉ tiêu', 'Mã số', 'Code'] },
  // ("Mục" is not listed: it folds like "Mức", a severity header.)
  { role: 'section', mode: 'exact', phrases: ['Nhóm', 'Nhóm chỉ tiêu', 'Lĩnh vực', 'Phần'] },
  { role: 'name', mode: 'exact', phrases: ['Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung', 'Nội dung chỉ tiêu', 'Tên'] },
  { role: 'aliases', mode: 'exact', phrases: ['Tên gọi khác', 'Tên khác', 'Gọi khác', 'Cách gọi khác', 'Bí danh'] },
  { role: 'uom', mode: 'exact', phrases: ['Đơn vị tính', 'ĐVT', 'Đơn vị đo', 'Đơn vị'] },
  { role: 'condition', mode: 'exact', phrases: ['Điều kiện', 'Điều kiện đạt', 'Mục tiêu', 'Yêu cầu', 'Chỉ tiêu cần đạt', 'Chỉ tiêu phấn đấu', 'Chỉ tiêu giao', 'Mức cần đạt'] },
  { role: 'scope', mode: 'exact', phrases: ['Phạm vi', 'Phạm vi áp dụng', 'Áp dụng', 'Áp dụng cho', 'Đối tượng', 'Đối tượng áp dụng'] },
  { role: 'severity', mode: 'exact', phrases: ['Mức độ', 'Mức', 'Mức cảnh báo', 'Mức độ cảnh báo', 'Loại'] },
  { role: 'formula', mode: 'exact', phrases: ['Công thức', 'Công thức tính', 'Cách tính'] },
  // The code of the indicator a unit's figure is compared per (households, members), so units of
  // different sizes can be compared with each other (the outlier warning).
  { role: 'size', mode: 'exact', phrases: ['Quy mô', 'Tính trên', 'Mẫu số', 'So với quy mô'] },
];

/**
 * Columns of the "Chỉ tiêu" sheet that are read for nothing, on purpose. Any other header the sheet
 * has and the columns above do not name is said, so a column headed in words not listed is never
 * dropped in silence (its targets, scopes or severities with it).
 */
export const IGNORED_TARGET_COLUMNS: readonly string[] = ['STT', 'TT', 'Số TT', 'Ghi chú', 'Chú thích', 'Căn cứ', 'Nguồn'];

export type SettingsColumn = 'name' | 'value';

/** Column headers of the "Thiết lập" sheet. */
export const SETTINGS_COLUMNS: ReadonlyArray<PhraseRule<SettingsColumn>> = [
  { role: 'name', mode: 'exact', phrases: ['Thiết lập', 'Tham số', 'Nội dung', 'Cài đặt', 'Tên'] },
  { role: 'value', mode: 'exact', phrases: ['Giá trị', 'Mức', 'Số'] },
];

export type SettingName = 'lastYearFactor' | 'peerZ';

/** The settings by the words of their row (the first rule that matches names it). */
export const SETTING_NAMES: ReadonlyArray<PhraseRule<SettingName>> = [
  // "Hệ số chênh lệch so với cùng kỳ": a figure this many times last year's, or less than its inverse.
  { role: 'lastYearFactor', mode: 'contains', phrases: ['Cùng kỳ', 'Năm trước'] },
  // "Ngưỡng so với các đơn vị khác (z)": how far from its peers a unit's figure per size may be.
  { role: 'peerZ', mode: 'contains', phrases: ['Đơn vị khác', 'Các đơn vị', 'Ngưỡng z', 'z'] },
];

/** A setting's value that turns its check off. */
export const OFF_WORDS: readonly string[] = ['Không', 'Tắt', 'Không kiểm tra', 'Bỏ qua', 'Off', 'No'];

/** Column headers of the "Kiểm tra chéo" sheet. */
export const CHECK_COLUMNS: ReadonlyArray<PhraseRule<CheckColumn>> = [
  { role: 'code', mode: 'exact', phrases: ['Mã', 'Mã kiểm tra', 'Mã số'] },
  { role: 'expr', mode: 'exact', phrases: ['Biểu thức', 'Điều kiện', 'Công thức', 'Kiểm tra'] },
  { role: 'severity', mode: 'exact', phrases: ['Mức độ', 'Loại'] },
  { role: 'note', mode: 'exact', phrases: ['Ghi chú', 'Diễn giải', 'Mô tả'] },
];

/** Column headers of the "Đơn vị" sheet (the roster). */
export const ROSTER_COLUMNS: ReadonlyArray<PhraseRule<RosterColumn>> = [
  { role: 'name', mode: 'exact', phrases: ['Tên đơn vị', 'Đơn vị', 'Tên', 'Tên phường, xã', 'Phường, xã', 'Cơ sở'] },
  { role: 'aliases', mode: 'exact', phrases: ['Tên gọi khác', 'Tên khác', 'Gọi khác'] },
  { role: 'level', mode: 'exact', phrases: ['Cấp', 'Cấp đơn vị', 'Loại đơn vị', 'Loại'] },
];

export type ExplanationColumn = 'unit' | 'code' | 'kind' | 'value' | 'reason' | 'by' | 'date';

/** Column headers of the "Giải trình" sheet: explanations the office accepted. */
export const EXPLANATION_COLUMNS: ReadonlyArray<PhraseRule<ExplanationColumn>> = [
  { role: 'unit', mode: 'exact', phrases: ['Đơn vị', 'Tên đơn vị'] },
  { role: 'code', mode: 'exact', phrases: ['Mã chỉ tiêu', 'Mã', 'Mã số'] },
  { role: 'kind', mode: 'exact', phrases: ['Loại', 'Loại phát hiện', 'Vấn đề'] },
  { role: 'value', mode: 'exact', phrases: ['Giá trị', 'Số liệu', 'Số liệu đơn vị ghi'] },
  { role: 'reason', mode: 'exact', phrases: ['Lý do', 'Nội dung giải trình', 'Giải trình'] },
  { role: 'by', mode: 'exact', phrases: ['Người chấp nhận', 'Người duyệt', 'Người xác nhận'] },
  { role: 'date', mode: 'exact', phrases: ['Ngày', 'Ngày chấp nhận'] },
];

/** Words of the "Mức độ" column. */
export const SEVERITY_WORDS = {
  error: ['Lỗi', 'Error', 'Nghiêm trọng'],
  warning: ['Cảnh báo', 'Warning', 'Chú ý'],
  info: ['Thông tin', 'Info', 'Lưu ý'],
} as const;

// ---------------------------------------------------------------------------------------------
// Unit names

export interface LevelWords {
  /** The level as the roster's "Cấp" column writes it. */
  name: string;
  /**
   * Depth in the administrative tree: 1 province, 2 district or town, 3 ward or commune, 4 the
   * quarters and hamlets inside them, 5 an organisation's branches. A header names the levels
   * above a unit before the unit itself ("QUẬN ỦY QUẬN 5" / "ĐẢNG ỦY PHƯỜNG 7").
   */
  rank: number;
  /** The word as written before a name ("Phường Hòa Lạc", "Khu phố 3"). */
  words: readonly string[];
  /** Short forms, only ever taken right before a name ("P. Hòa Lạc", "P1", "KP3", "Q.5"). */
  short: readonly string[];
  /** The party committee of that level, written before the name: "HUYỆN ỦY CHỢ MỚI". */
  committee: readonly string[];
}

export const LEVELS: readonly LevelWords[] = [
  { name: 'Tỉnh', rank: 1, words: ['tỉnh'], short: [], committee: ['tỉnh ủy'] },
  { name: 'Thành phố', rank: 2, words: ['thành phố'], short: ['tp'], committee: ['thành ủy'] },
  { name: 'Quận', rank: 2, words: ['quận'], short: ['q'], committee: ['quận ủy'] },
  { name: 'Huyện', rank: 2, words: ['huyện'], short: ['h'], committee: ['huyện ủy'] },
  { name: 'Thị xã', rank: 2, words: ['thị xã'], short: ['tx'], committee: ['thị ủy'] },
  { name: 'Đặc khu', rank: 3, words: ['đặc khu'], short: [], committee: [] },
  { name: 'Phường', rank: 3, words: ['phường'], short: ['p', 'ph'], committee: [] },
  { name: 'Xã', rank: 3, words: ['xã'], short: ['x'], committee: [] },
  { name: 'Thị trấn', rank: 3, words: ['thị trấn'], short: ['tt'], committee: [] },
  { name: 'Khu phố', rank: 4, words: ['khu phố'], short: ['kp'], committee: [] },
  { name: 'Tổ dân phố', rank: 4, words: ['tổ dân phố'], short: ['tdp'], committee: [] },
  { name: 'Khu dân cư', rank: 4, words: ['khu dân cư'], short: ['kdc'], committee: [] },
  { name: 'Tiểu khu', rank: 4, words: ['tiểu khu'], short: [], committee: [] },
  { name: 'Thôn', rank: 4, words: ['thôn'], short: [], committee: [] },
  { name: 'Ấp', rank: 4, words: ['ấp'], short: [], committee: [] },
  { name: 'Bản', rank: 4, words: ['bản'], short: [], committee: [] },
  { name: 'Khóm', rank: 4, words: ['khóm'], short: [], committee: [] },
  { name: 'Buôn', rank: 4, words: ['buôn'], short: [], committee: [] },
  { name: 'Làng', rank: 4, words: ['làng'], short: [], committee: [] },
  { name: 'Xóm', rank: 4, words: ['xóm'], short: [], committee: [] },
  { name: 'Khu', rank: 4, words: ['khu'], short: [], committee: [] },
  { name: 'Tổ', rank: 4, words: ['tổ'], short: [], committee: [] },
  { name: 'Chi hội', rank: 5, words: ['chi hội'], short: [], committee: [] },
  { name: 'Chi đoàn', rank: 5, words: ['chi đoàn'], short: [], committee: [] },
  { name: 'Chi bộ', rank: 5, words: ['chi bộ'], short: [], committee: [] },
  { name: 'Tổ hội', rank: 5, words: ['tổ hội'], short: [], committee: [] },
];

/**
 * Organisations written before a level and a name ("ĐẢNG ỦY PHƯỜNG …", "UBND XÃ …", "Cơ sở
 * Hội …"): not part of a unit's name, and never a sign that the name is some other unit's.
 */
export const ORGANISATION_WORDS: readonly string[] = [
  'đảng ủy', 'đảng bộ', 'ủy ban nhân dân', 'ubnd', 'hội đồng nhân dân', 'hđnd', 'ủy ban mặt trận tổ quốc việt nam', 'ủy ban mặt trận tổ quốc',
  'ủy ban mttq việt nam', 'ủy ban mttqvn', 'ủy ban mttq', 'mặt trận tổ quốc', 'mttq', 'ban dân vận', 'ban thường vụ', 'ban chấp hành', 'ban',
  'ủy ban', 'hội nông dân', 'hội nd', 'hội cựu chiến binh', 'hội ccb', 'hội liên hiệp phụ nữ', 'hội lhpn', 'hội phụ nữ', 'đoàn thanh niên',
  'đoàn tncs hồ chí minh', 'đoàn tn', 'công đoàn', 'liên đoàn lao động', 'cơ sở hội', 'cơ sở', 'hội', 'đoàn',
];

/**
 * The national heading at the top of every official document. "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 * holds a level word ("xã") and, for a commune named Cộng Hòa, a roster name: it names no unit.
 */
export const NATIONAL_HEADINGS: readonly string[] = ['cộng hòa xã hội chủ nghĩa việt nam'];

/**
 * Organisation words that are also syllables of place names ("Tân Phú Hội", "Đoàn Kết"): after a
 * name, alone, they may be the rest of a longer name, so they end a name only when more of an
 * organisation's name follows ("Tân Phú Hội Nông dân").
 */
export const PLACE_SYLLABLE_ORGANISATIONS: readonly string[] = ['hội', 'đoàn'];

/**
 * Words that may follow a unit's name in a title, a date line or a file name without being part
 * of the name ("Phường Hòa Lạc báo cáo", "PhuongHoaLac_BC_6T"). Another word right after a name,
 * with no punctuation between, may be the rest of a longer name that the roster does not hold
 * ("Hòa Lạc Mới"), so the shorter name is not taken from it.
 */
export const NAME_FOLLOWERS: readonly string[] = [
  'báo cáo', 'bc', 'biểu', 'bieu', 'mẫu', 'bm', 'số liệu', 'kết quả', 'kq', 'tổng hợp', 'th', 'năm', 'tháng', 'quý', 'ngày', 'đầu', 'cuối',
  'final', 'bản', 'sửa', 'gửi', 'lần', 'dân vận', 'dv', 'công tác', 'về', 'của', 'và', 'tại', 'thuộc', 'kèm theo', 'theo', 'giai đoạn',
  'nhiệm kỳ', 'đợt', 'copy', 'new', 'v', 'ver', 'xlsx', 'xls',
];

/**
 * Kinds of document a title may cite with their own year ("Chỉ thị số 05-CT/TW năm 2016"): that year
 * is when the document was issued, never the period a report is for. Between the kind and "năm"
 * only the document's number and these code words may stand.
 */
export const DOCUMENT_KINDS: readonly string[] = [
  'Chỉ thị', 'Nghị quyết', 'Kết luận', 'Quyết định', 'Quy định', 'Hướng dẫn', 'Thông tri', 'Nghị định', 'Thông tư', 'Luật', 'Công văn', 'Thông báo', 'Đề án',
];
export const DOCUMENT_CODES: readonly string[] = [
  'số', 'và', 'CT', 'TW', 'NQ', 'KL', 'QĐ', 'HD', 'HĐND', 'TT', 'TTg', 'NĐ', 'CP', 'QH', 'TU', 'HU', 'ĐU', 'BCH', 'BCT', 'UBND', 'MTTQ', 'DV', 'BDV', 'UB', 'TB', 'CV', 'KH', 'BC', 'VP',
];

/**
 * First words of a line announcing a plan ("KẾ HOẠCH NĂM 2024" above a report's title): its year is
 * the plan's. A line that also has one of REPORT_WORDS reports on a period.
 */
export const PLAN_LINE_WORDS: readonly string[] = ['Kế hoạch', 'Phương hướng', 'Chương trình'];
export const REPORT_WORDS: readonly string[] = ['Báo cáo', 'Kết quả', 'Tổng kết', 'Sơ kết'];

/** First words of a heading over a group of units in a table of units ("Các phường", "Cụm 2", "Khối xã"). */
export const GROUP_HEADING_WORDS: readonly string[] = ['Các', 'Khối', 'Cụm', 'Nhóm'];

/** First words of a part's sum inside a table of units ("Cộng cụm 1", "Tổng các xã"); "Tổng cộng" is the table's own. */
export const SUBTOTAL_WORDS: readonly string[] = ['Cộng', 'Tổng'];

/**
 * Words that make a row about something other than what was achieved: a plan, a target, last
 * year, the start of the period ("Kế hoạch kết nạp hội viên mới", "Tổng số hội viên đầu kỳ"). Such
 * a row is never taken for an indicator by resemblance, only when the indicator's own name (or an
 * alias) has the same words.
 */
export const NOT_ACHIEVED_WORDS: readonly string[] = ['kế hoạch', 'kh', 'chỉ tiêu', 'cùng kỳ', 'ck', 'năm trước', 'kỳ trước', 'đầu kỳ', 'dự kiến'];

/** Header cells of a row of units of measure under the indicators' names, besides the rules' own units. */
export const UNIT_OF_MEASURE_HEADERS: readonly string[] = ['ĐVT', 'Đơn vị tính', '%'];

/**
 * Abbreviations expanded (as whole words) when labels are folded, in folded form: fold needs them
 * to expand, so they cannot be folded from a written form by fold itself.
 */
export const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['hnd', 'hoi nong dan'],
  ['ccb', 'cuu chien binh'],
  ['lhpn', 'lien hiep phu nu'],
  ['hlhpn', 'hoi lien hiep phu nu'],
  ['ldld', 'lien doan lao dong'],
  ['dtn', 'doan thanh nien'],
  ['mttq', 'mat tran to quoc'],
  ['gdvh', 'gia dinh van hoa'],
  ['kdc', 'khu dan cu'],
  ['dvtn', 'doan vien thanh nien'],
  ['cdcs', 'cong doan co so'],
  ['dvk', 'dan van kheo'],
  ['ubnd', 'uy ban nhan dan'],
  ['ddk', 'dai doan ket'],
  ['tp', 'thanh pho'],
  ['tx', 'thi xa'],
  ['tt', 'thi tran'],
];

/**
 * Single-letter place prefixes expanded by fold only as the first word and only before a name
 * ("P. Hòa Lạc"); elsewhere "x" means "not applicable" and must stay as it is.
 */
export const PLACE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['p', 'phuong'],
  ['x', 'xa'],
];

// Shared by every reader and worker of a run: frozen so no caller can change a list for the others.
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
for (const list of [SETTINGS_COLUMNS, SETTING_NAMES, OFF_WORDS, REPORT_COLUMNS, PLAN_PERIOD_WORDS, ZERO_MARKS, NOT_APPLICABLE_MARKS, RULES_SHEETS, RATE_UNITS, TOTAL_ROW, SIGNATURE_BLOCK, COUNT_UNITS, TARGET_COLUMNS, CHECK_COLUMNS, ROSTER_COLUMNS, EXPLANATION_COLUMNS, SEVERITY_WORDS, LEVELS, ORGANISATION_WORDS, PLACE_SYLLABLE_ORGANISATIONS, NATIONAL_HEADINGS, NAME_FOLLOWERS, ABBREVIATIONS, PLACE_PREFIXES, DOCUMENT_KINDS, DOCUMENT_CODES, PLAN_LINE_WORDS, REPORT_WORDS, GROUP_HEADING_WORDS, SUBTOTAL_WORDS, UNIT_OF_MEASURE_HEADERS, NOT_ACHIEVED_WORDS, IGNORED_TARGET_COLUMNS]) {
  deepFreeze(list);
}
