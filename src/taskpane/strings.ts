// Every word the pane shows, Vietnamese first; English when Office's display language is
// English. Messages of findings come from the engine and stay Vietnamese in both: they quote
// the units' own reports.
import type { FindingKind } from '../core/findings';
import { describeEvidence } from '../core/identity';
import type { EvidenceSource, UnitEvidence } from '../core/identity';
import type { Severity } from '../core/plan';
import type { Coverage, UnitStatus } from '../core/session';
import type { Changes } from '../core/changes';
import { changesSummary } from '../core/plan-changes';
import type { AreaVerdict } from '../core/verdict';

const EVIDENCE_EN: Record<EvidenceSource, string> = { header: 'report heading', sheet: 'sheet name', file: 'file name', 'unit-column': 'unit column' };

export type Operation = 'check' | 'flag' | 'clear' | 'rollup' | 'insert' | 'refresh' | 'select' | 'show' | 'feedback' | 'accept' | 'templates';

export interface Strings {
  lang: 'vi' | 'en';
  appTitle: string;
  workbook: (name: string) => string;
  notInExcel: string;
  rules: {
    heading: string;
    source: string;
    fromWorkbook: string;
    fromFile: string;
    workbookHasRules: string;
    workbookLacksRules: string;
    pickFile: string;
    noFileYet: string;
    chosenFile: (name: string) => string;
    insertSample: string;
    insertSampleHint: string;
    inserted: (names: string[]) => string;
    sampleClash: (names: string[]) => string;
    /** The button that makes the units' report templates from these rules, and what it says. */
    templates: string;
    templatesHint: string;
    templatesDone: (file: string, files: string[]) => string;
  };
  sources: {
    heading: string;
    useWorkbook: string;
    which: string;
    allSheets: (n: number) => string;
    chosenSheets: string;
    sheetList: string;
    hiddenSheet: string;
    noSheets: string;
    refresh: string;
    addFiles: string;
    dropHint: string;
    dropNow: string;
    fileList: string;
    removeFile: (name: string) => string;
    removeAllFiles: string;
    filesAdded: (n: number) => string;
    reading: (done: number, total: number, name: string) => string;
    readingWorkbook: string;
  };
  actions: {
    feedback: string;
    feedbackFor: (unit: string) => string;
    check: string;
    checking: string;
    flag: string;
    clear: string;
    rollup: string;
    toolbar: string;
    working: string;
  };
  summary: {
    heading: string;
    period: (label: string) => string;
    rulesFrom: (file: string) => string;
    checked: (n: number) => string;
    missing: (n: number) => string;
    unreadable: (n: number) => string;
    otherPeriod: (n: number) => string;
    /** The area's verdict, from the coverage the check rests on. */
    verdict: (v: AreaVerdict, c: Coverage) => string;
    severityCount: Record<Severity, (n: number) => string>;
    done: (errors: number, warnings: number, infos: number) => string;
    accepted: (n: number) => string;
    /** What changed since the check kept in the workbook. */
    changes: (c: Changes) => string;
  };
  units: {
    heading: string;
    status: Record<UnitStatus, string>;
    counts: (errors: number, warnings: number, infos: number) => string;
    /** How the unit was recognised: "theo tiêu đề, ô A2: ĐẢNG ỦY PHƯỜNG 01". */
    evidence: (e: UnitEvidence) => string;
    none: string;
  };
  findings: {
    heading: (shown: number, total: number) => string;
    acceptedHeading: (n: number) => string;
    accept: string;
    acceptTitle: string;
    acceptIntro: (unit: string, indicator: string, value: string) => string;
    acceptReason: string;
    acceptBy: string;
    acceptSave: string;
    acceptCancel: string;
    acceptReasonNeeded: string;
    filters: string;
    unit: string;
    severity: string;
    kind: string;
    allUnits: string;
    allSeverities: string;
    allKinds: string;
    area: string;
    general: string;
    empty: string;
    noneAtAll: string;
    showMore: (n: number) => string;
    goTo: (sheet: string, cell: string) => string;
    inFile: (file: string, sheet: string | null, cell: string | null) => string;
    actualExpected: (actual: string, expected: string) => string;
  };
  severity: Record<Severity, string>;
  kind: Record<FindingKind, string>;
  notices: {
    flagged: (applied: number, skipped: number) => string;
    nothingToFlag: string;
    cleared: (restored: number, kept: number) => string;
    rollupDone: (names: string[]) => string;
    feedbackDone: (names: string[]) => string;
    nothingForFeedback: string;
    acceptedWritten: (unit: string, indicator: string) => string;
    selected: (sheet: string, cell: string) => string;
    /** A finding's cell on a sheet the user hid: nothing selected yet. */
    hiddenSheet: (sheet: string, cell: string) => string;
    /** The button that shows that sheet and goes to the cell. */
    showSheet: string;
    shown: (sheet: string, cell: string) => string;
    failed: Record<Operation, string>;
    /** The button of a failure's notice that runs the same operation again. */
    retry: string;
    dismiss: string;
  };
  help: {
    /** The header button that opens and closes the help. */
    open: string;
    close: string;
    heading: string;
    /** Title of help.html, the page the manifest's support link opens. */
    pageTitle: string;
    /** On help.html: the link to the other language. */
    otherLanguage: { label: string; lang: 'vi' | 'en' };
    what: { title: string; body: string[] };
    rules: { title: string; intro: string; sheets: Array<[string, string]>; conditions: string; sample: string };
    findings: { title: string; intro: string; meaning: Record<FindingKind, string> };
    unreadable: { title: string; intro: string; causes: Array<[string, string]>; after: string };
    versions: { title: string; intro: string; head: [string, string]; rows: Array<[string, string]>; after: string };
  };
  /** The pane's frame: views, first run, language, stale results, disabled reasons. */
  pane: {
    views: string;
    setup: string;
    results: string;
    language: string;
    languageNames: { vi: string; en: string };
    firstRun: { heading: string; lines: [string, string, string]; help: string };
    noResults: string;
    stale: string;
    skipToFindings: string;
    refused: (names: string[]) => string;
    showList: string;
    hideList: string;
    emptySheets: (names: string[]) => string;
    useSample: string;
    insertedKeepFile: (names: string[], file: string) => string;
    why: { needCheck: string; stale: string; nothingToFlag: string; nothingForFeedback: string; busy: string };
    countFilter: (label: string) => string;
    onlyFailing: string;
    unitsShown: (shown: number, total: number) => string;
    showMoreUnits: (n: number) => string;
    groupBy: string;
    byUnit: string;
    byKind: string;
    group: (label: string, n: number) => string;
    clearFilters: string;
  };
  errors: {
    noRulesSheet: string;
    noRulesFile: string;
    rulesUnreadable: string;
    rulesEmpty: (file: string) => string;
    nothingToCheck: string;
    fileUnreadable: (name: string, reason: string) => string;
    unexpected: (reason: string) => string;
  };
}

const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

const vi: Strings = {
  lang: 'vi',
  appTitle: 'Kiểm tra chỉ tiêu',
  workbook: (name) => `Sổ tính: ${name}`,
  notInExcel: 'Ngăn này chạy trong Excel. Hãy mở phần bổ trợ "Kiểm tra chỉ tiêu" từ Excel.',
  rules: {
    heading: '1. Chỉ tiêu',
    source: 'Lấy chỉ tiêu từ',
    fromWorkbook: 'Trang "Chỉ tiêu" của sổ tính này',
    fromFile: 'Tệp chỉ tiêu trên máy',
    workbookHasRules: 'Đã thấy trang "Chỉ tiêu" trong sổ tính.',
    workbookLacksRules: 'Sổ tính chưa có trang "Chỉ tiêu". Chọn tệp chỉ tiêu hoặc chèn bảng mẫu.',
    pickFile: 'Chọn tệp chỉ tiêu…',
    noFileYet: 'Chưa chọn tệp.',
    chosenFile: (name) => `Tệp chỉ tiêu: ${name}`,
    insertSample: 'Chèn bảng chỉ tiêu mẫu',
    insertSampleHint: 'Thêm các trang "Chỉ tiêu", "Kiểm tra chéo", "Đơn vị" với chỉ tiêu mẫu để sửa lại cho địa phương.',
    inserted: (names) => `Đã chèn các trang ${list(names)}. Sửa chỉ tiêu cho đúng nghị quyết của địa phương rồi bấm "Kiểm tra".`,
    sampleClash: (names) => `Sổ tính đã có trang ${list(names)} nên không chèn bảng mẫu (không ghi đè). Đổi tên hoặc xóa trang đó nếu muốn chèn lại.`,
    templates: 'Tạo biểu mẫu báo cáo',
    templatesHint: 'Tải về tệp .zip: mỗi đơn vị trong trang "Đơn vị" một biểu mẫu Excel theo các chỉ tiêu này (tên chỉ tiêu đã khóa, tỷ lệ tự tính) để gửi đơn vị điền.',
    templatesDone: (file, files) => `Đã tạo ${files.length} biểu mẫu trong tệp ${file} (xem thư mục tải về): ${list(files)}.`,
  },
  sources: {
    heading: '2. Báo cáo của các đơn vị',
    useWorkbook: 'Các trang tính của sổ này',
    which: 'Trang nào',
    allSheets: (n) => `Tất cả (${n} trang)`,
    chosenSheets: 'Chỉ các trang chọn dưới đây',
    sheetList: 'Trang tính cần kiểm tra',
    hiddenSheet: '(đang ẩn)',
    noSheets: 'Sổ tính không có trang báo cáo nào (ngoài các trang chỉ tiêu và trang kết quả).',
    refresh: 'Làm mới danh sách trang',
    addFiles: 'Thêm tệp báo cáo…',
    dropHint: 'hoặc kéo thả tệp Excel (.xlsx, .xlsm, .xls, .xlsb, .ods) vào đây: đọc ngay trong ngăn này, không chèn vào sổ tính',
    dropNow: 'Thả tệp vào đây',
    fileList: 'Tệp báo cáo đã thêm',
    removeFile: (name) => `Bỏ tệp ${name}`,
    removeAllFiles: 'Bỏ hết tệp',
    filesAdded: (n) => `${n} tệp báo cáo`,
    reading: (done, total, name) => `Đang đọc tệp ${done}/${total}: ${name}`,
    readingWorkbook: 'Đang đọc các trang tính…',
  },
  actions: {
    check: 'Kiểm tra',
    checking: 'Đang kiểm tra…',
    flag: 'Đánh dấu trên bảng tính',
    clear: 'Xóa đánh dấu',
    rollup: 'Tạo bảng tổng hợp',
    feedback: 'Tạo phiếu phản hồi',
    feedbackFor: (unit) => `Tạo phiếu phản hồi cho ${unit}`,
    toolbar: 'Thao tác trên sổ tính',
    working: 'Đang làm…',
  },
  summary: {
    heading: 'Kết quả',
    period: (label) => `Kỳ báo cáo: ${label}`,
    rulesFrom: (file) => `Chỉ tiêu: ${file}`,
    checked: (n) => `${n} đơn vị đã kiểm tra`,
    missing: (n) => `${n} chưa gửi báo cáo`,
    unreadable: (n) => `${n} không đọc được tệp`,
    otherPeriod: (n) => `${n} chỉ gửi báo cáo kỳ khác`,
    // The engine's own sentence, so the pane and the command line say the same.
    verdict: (v) => v.text.replace(/:$/, '.'),
    severityCount: {
      error: (n) => `${n} lỗi`,
      warning: (n) => `${n} cảnh báo`,
      info: (n) => `${n} thông tin`,
    },
    done: (e, w, i) => `Đã kiểm tra xong: ${e} lỗi, ${w} cảnh báo, ${i} thông tin.`,
    accepted: (n) => `${n} đã chấp nhận giải trình`,
    // The engine's own sentence, as the command line prints it.
    changes: (c) => `So với lần kiểm tra trước: ${changesSummary(c)}`,
  },
  units: {
    heading: 'Từng đơn vị',
    status: {
      ok: 'Đạt',
      warnings: 'Có cảnh báo',
      errors: 'Có lỗi',
      missing: 'Chưa gửi báo cáo',
      unreadable: 'Không đọc được tệp',
      'other-period': 'Chỉ gửi báo cáo kỳ khác',
      unknown: 'Không có trong danh sách',
    },
    counts: (e, w, i) => [e && `${e} lỗi`, w && `${w} cảnh báo`, i && `${i} thông tin`].filter(Boolean).join(' · ') || 'Không có phát hiện',
    evidence: (e) => `Nhận ra theo ${describeEvidence(e)}: ${e.text}`,
    none: 'Không có đơn vị nào.',
  },
  findings: {
    heading: (shown, total) => (shown === total ? `Phát hiện (${total})` : `Phát hiện (${shown}/${total})`),
    acceptedHeading: (n) => `Đã chấp nhận giải trình (${n})`,
    accept: 'Chấp nhận giải trình…',
    acceptTitle: 'Chấp nhận giải trình',
    acceptIntro: (unit, indicator, value) => `${unit}, ${indicator}, số liệu ${value}: phát hiện này sẽ được giữ lại để biết, không còn là lỗi hay cảnh báo, cho đến khi số liệu thay đổi. Giải trình được ghi vào trang "Giải trình" của sổ tính.`,
    acceptReason: 'Lý do (đơn vị giải trình)',
    acceptBy: 'Người chấp nhận',
    acceptSave: 'Ghi giải trình',
    acceptCancel: 'Hủy',
    acceptReasonNeeded: 'Cần ghi lý do.',
    filters: 'Lọc phát hiện',
    unit: 'Đơn vị',
    severity: 'Mức độ',
    kind: 'Loại',
    allUnits: 'Tất cả đơn vị',
    allSeverities: 'Mọi mức độ',
    allKinds: 'Mọi loại',
    area: 'Toàn địa bàn',
    general: 'Tệp và chỉ tiêu',
    empty: 'Không có phát hiện nào khớp bộ lọc.',
    noneAtAll: 'Không có phát hiện nào: mọi báo cáo đều đạt.',
    showMore: (n) => `Hiện thêm ${n} phát hiện`,
    goTo: (sheet, cell) => `Đến ô ${sheet}!${cell}`,
    inFile: (file, sheet, cell) => [file, sheet && `trang ${sheet}`, cell && `ô ${cell}`].filter(Boolean).join(' · '),
    actualExpected: (actual, expected) => `Thực hiện: ${actual} · Yêu cầu: ${expected}`,
  },
  severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
  kind: {
    shortfall: 'Không đạt chỉ tiêu',
    'behind-pace': 'Chậm tiến độ',
    exceeded: 'Vượt chỉ tiêu',
    inconsistent: 'Không khớp',
    'invalid-value': 'Giá trị không hợp lệ',
    'missing-value': 'Thiếu số liệu',
    'missing-unit': 'Chưa gửi báo cáo',
    'duplicate-unit': 'Gửi trùng',
    'other-period': 'Báo cáo kỳ khác',
    'unknown-unit': 'Không rõ đơn vị',
    'unit-mismatch': 'Tên đơn vị không khớp',
    'unmapped-row': 'Dòng không khớp',
    outlier: 'Số liệu bất thường',
    'no-table': 'Không thấy bảng',
    'unreadable-file': 'Không đọc được tệp',
    'invalid-rule': 'Lỗi tệp chỉ tiêu',
  },
  notices: {
    flagged: (applied, skipped) =>
      `Đã tô màu ${applied} ô có vấn đề trên các trang báo cáo${skipped ? ` (${skipped} ô không còn trong sổ tính nên bỏ qua)` : ''}. Bấm "Xóa đánh dấu" để trả lại như cũ.`,
    nothingToFlag: 'Không có ô nào để đánh dấu trong sổ tính này: các phát hiện nằm ở tệp đã thêm hoặc không gắn với ô nào.',
    cleared: (restored, kept) =>
      restored || kept
        ? `Đã xóa đánh dấu ở ${restored} ô${kept ? `; ${kept} ô người dùng đã tô lại nên giữ nguyên` : ''}.`
        : 'Không có đánh dấu nào để xóa.',
    rollupDone: (names) => `Đã tạo các trang ${list(names)}.`,
    feedbackDone: (names) => `Đã tạo ${names.length} trang phiếu phản hồi: ${list(names)}.`,
    nothingForFeedback: 'Không có đơn vị nào cần phiếu phản hồi: mọi báo cáo đã đọc đều không có phát hiện.',
    acceptedWritten: (unit, indicator) => `Đã ghi giải trình của ${unit} (${indicator}) vào trang "Giải trình" và kiểm tra lại.`,
    selected: (sheet, cell) => `Đã chọn ô ${cell} trên trang "${sheet}".`,
    hiddenSheet: (sheet, cell) => `Ô ${cell} nằm trên trang "${sheet}", trang này đang bị ẩn. Bấm "Hiện trang" để hiện trang và chuyển tới ô.`,
    showSheet: 'Hiện trang',
    shown: (sheet, cell) => `Đã hiện trang "${sheet}" và chọn ô ${cell}.`,
    failed: {
      check: 'Không kiểm tra được',
      flag: 'Không đánh dấu được',
      clear: 'Không xóa được đánh dấu',
      rollup: 'Không tạo được bảng tổng hợp',
      insert: 'Không chèn được bảng chỉ tiêu mẫu',
      refresh: 'Không đọc được danh sách trang tính',
      select: 'Không chuyển tới ô được',
      show: 'Không hiện được trang',
      feedback: 'Không tạo được phiếu phản hồi',
      accept: 'Không ghi được giải trình',
      templates: 'Không tạo được biểu mẫu',
    },
    retry: 'Thử lại',
    dismiss: 'Đóng thông báo',
  },
  help: {
    open: 'Hướng dẫn',
    close: 'Đóng hướng dẫn',
    heading: 'Hướng dẫn',
    pageTitle: 'Kiểm tra chỉ tiêu – Hướng dẫn',
    otherLanguage: { label: 'English', lang: 'en' },
    what: {
      title: 'Công cụ làm gì',
      body: [
        'Đọc báo cáo của các đơn vị (các trang của sổ tính này, hoặc các tệp .xlsx chọn hay kéo thả vào ngăn), đối chiếu từng số liệu với chỉ tiêu trong bảng chỉ tiêu, tính lại các tỷ lệ, cộng toàn địa bàn và liệt kê những gì chưa đạt, không khớp, thiếu hoặc chưa gửi.',
        'Bấm vào một phát hiện để chuyển tới ô của nó. "Đánh dấu trên bảng tính" tô màu các ô có vấn đề (kèm ghi chú nếu Excel hỗ trợ); "Xóa đánh dấu" trả lại đúng màu và ghi chú cũ. "Tạo bảng tổng hợp" ghi các trang Tổng hợp, Tỷ lệ và Kết quả kiểm tra.',
        'Số liệu không rời khỏi máy: tệp được đọc ngay trong ngăn, không gửi đi đâu. Công cụ không bao giờ sửa giá trị hay công thức của báo cáo.',
      ],
    },
    rules: {
      title: 'Bảng chỉ tiêu',
      intro: 'Một sổ tính thường, sửa bằng Excel. Trang và cột được nhận theo tiêu đề (không phân biệt hoa thường, dấu, thứ tự cột); dòng tiêu đề lớn như "… NĂM 2023" cho biết kỳ của chỉ tiêu.',
      sheets: [
        ['Chỉ tiêu (bắt buộc)', 'mỗi dòng một chỉ tiêu: Mã, Nhóm, Chỉ tiêu, Tên gọi khác (cách nhau bằng ";"), Đơn vị tính ("%" là tỷ lệ), Điều kiện, Phạm vi (Toàn …, Mỗi đơn vị, Mỗi phường, Mỗi xã), Mức độ (Lỗi, Cảnh báo, Thông tin), Công thức (cho tỷ lệ, ví dụ GDVH_DK / SO_HO).'],
        ['Kiểm tra chéo', 'Mã, Biểu thức (ví dụ DVK_TONG = DVK_TAPTHE + DVK_CANHAN), Mức độ, Ghi chú.'],
        ['Đơn vị', 'danh sách đơn vị: Tên đơn vị, Tên gọi khác, Cấp (Phường, Xã, Thị trấn…). Không có trang này thì không biết đơn vị nào chưa gửi.'],
      ],
      conditions: 'Điều kiện viết như trong nghị quyết: "từ 200 trở lên", "ít nhất 2", "không quá 5", "từ 80 đến 100", "không có", "1 lần/tháng", "70%". Số viết kiểu Việt Nam: 1.000 là một nghìn, 2,5 là hai phẩy năm.',
      sample: 'Nút dưới đây thêm ba trang mẫu vào sổ tính (không ghi đè trang có sẵn) để sửa lại theo nghị quyết của địa phương.',
    },
    findings: {
      title: 'Các loại phát hiện',
      intro: 'Mỗi phát hiện có mức độ (Lỗi, Cảnh báo, Thông tin), đơn vị, chỉ tiêu, ô và lời giải thích.',
      meaning: {
        shortfall: 'thấp hơn chỉ tiêu (của đơn vị, của cấp hoặc toàn địa bàn), vượt mức "không quá", hoặc thấp hơn kế hoạch đơn vị tự đặt.',
        'behind-pace': 'báo cáo một phần năm (6 tháng, 9 tháng, quý) thấp hơn chỉ tiêu đã chia theo số tháng.',
        exceeded: 'cao hơn đầu trên của khoảng chỉ tiêu ("từ 1 đến 2"): chỉ để biết.',
        inconsistent: 'kiểm tra chéo sai, tỷ lệ ghi khác tỷ lệ tính lại, hoặc dòng Tổng cộng khác tổng các dòng.',
        'invalid-value': 'chữ không phải số ("khoảng 40"), số âm, số lẻ ở chỗ phải là số nguyên, hoặc lỗi như #DIV/0!: không được cộng vào tổng.',
        'missing-value': 'ô để trống ở chỗ cần số liệu, hoặc thiếu hẳn một dòng.',
        'missing-unit': 'đơn vị trong danh sách chưa gửi báo cáo.',
        'duplicate-unit': 'một đơn vị gửi hai lần: dùng báo cáo có ngày muộn hơn, lời nhắn nói rõ.',
        'other-period': 'báo cáo ghi năm khác năm của đợt kiểm tra: không cộng vào tổng hợp; nếu ngày báo cáo lại thuộc năm nay thì vẫn dùng và nói rõ.',
        'unknown-unit': 'báo cáo không nêu đơn vị nào trong danh sách, hoặc tên hợp với nhiều đơn vị (viết không dấu, không ghi cấp): vẫn kiểm tra, không cộng vào tổng; lời nhắn nêu các đơn vị có thể là.',
        'unit-mismatch': 'tiêu đề, tên trang tính và tên tệp chỉ các đơn vị khác nhau: đã tính theo tên rõ nhất (có cấp hoặc có tên tổ chức; ngang nhau thì theo tiêu đề) và nêu cả hai.',
        'unmapped-row': 'dòng không khớp chỉ tiêu nào: thêm tên đó vào cột "Tên gọi khác" nếu đúng là một chỉ tiêu; hoặc (cảnh báo) dòng của biểu mẫu có tên một chỉ tiêu mà mã ở cột ẩn là của chỉ tiêu khác: đã tính theo mã.',
        outlier: 'số liệu khác xa số cùng kỳ của chính đơn vị, hoặc (tính theo quy mô) khác xa các đơn vị khác: có thể gõ nhầm, kiểm tra lại.',
        'no-table': 'trang hoặc tệp không có bảng số liệu nhận ra được.',
        'unreadable-file': 'tệp không đọc được (xem mục dưới).',
        'invalid-rule': 'một dòng của bảng chỉ tiêu không đọc được: mã trùng, công thức nhắc mã không có, điều kiện không hiểu.',
      },
    },
    unreadable: {
      title: 'Khi tệp không đọc được',
      intro: 'Tệp lỗi trở thành một phát hiện nêu tên tệp và lý do; các tệp khác vẫn được kiểm tra. Cách xử lý thường gặp:',
      causes: [
        ['Tệp không phải sổ tính (PDF, Word, tệp nén…)', 'đề nghị đơn vị gửi bảng số liệu dạng Excel; tệp .xls, .ods, .xlsb đọc được như .xlsx.'],
        ['Tệp có mật khẩu', 'gỡ mật khẩu (hoặc nhờ đơn vị gửi bản không khóa).'],
        ['Tệp hỏng, rỗng, hoặc quá lớn', 'đề nghị đơn vị gửi lại; tệp quá 50 MB hay hơn 500 trang bị từ chối để máy không bị treo.'],
        ['Không thấy bảng', 'bảng cần có dòng tiêu đề với cột nội dung (hoặc đơn vị) và cột số liệu như "Thực hiện".'],
      ],
      after: 'Sửa xong thì thêm lại tệp (cùng tên sẽ thay tệp cũ) và bấm "Kiểm tra".',
    },
    versions: {
      title: 'Phiên bản Office',
      intro: 'Ngăn cần Excel có trình duyệt nhúng hiện đại (Edge WebView2, Safari hoặc trình duyệt web) và bộ lệnh ExcelApi 1.7 trở lên.',
      head: ['Office', 'Chạy được?'],
      rows: [
        ['Excel trên web', 'Đầy đủ: tô màu kèm ghi chú trên ô.'],
        ['Microsoft 365 trên Windows (bản 2501 trở lên) và trên Mac', 'Đầy đủ. Bản Microsoft 365 cũ hơn: lời nhắn ghi bằng bình luận thay cho ghi chú.'],
        ['Office 2021, Office 2024 (mua một lần)', 'Chạy; lời nhắn ghi bằng bình luận.'],
        ['Office 2019 mua lẻ', 'Chạy khi máy có Microsoft Edge WebView2 Runtime; chỉ tô màu, lời nhắn xem ở trang "Kết quả kiểm tra". Chưa có WebView2: ngăn báo không chạy được và chỉ cách khác.'],
        ['Office 2019 cấp theo số lượng', 'Không chạy (dùng Internet Explorer): dùng Excel trên web hoặc dòng lệnh.'],
        ['Office 2016 và cũ hơn', 'Không có trong danh sách phần bổ trợ (Excel 2016 chỉ có ExcelApi 1.1): dùng Excel trên web hoặc dòng lệnh.'],
      ],
      after: 'Dòng lệnh chitieu check chạy cùng bộ kiểm tra trên mọi máy có Node.js, không cần Excel.',
    },
  },
  pane: {
    views: 'Các phần của ngăn',
    setup: 'Thiết lập',
    results: 'Kết quả',
    language: 'Ngôn ngữ',
    languageNames: { vi: 'Tiếng Việt', en: 'English' },
    firstRun: {
      heading: 'Bắt đầu',
      lines: [
        'Công cụ đọc báo cáo của các đơn vị và đối chiếu từng số liệu với chỉ tiêu.',
        'Cần một trang "Chỉ tiêu" (chèn bảng mẫu rồi sửa) và các báo cáo: trang tính hoặc tệp Excel.',
        'Bấm "Kiểm tra" để xem đơn vị nào chưa đạt, rồi đánh dấu ô hoặc tạo bảng tổng hợp.',
      ],
      help: 'Xem hướng dẫn',
    },
    noResults: 'Chưa có kết quả. Chọn chỉ tiêu và báo cáo ở phần "Thiết lập", rồi bấm "Kiểm tra".',
    stale: 'Kết quả cũ – hãy kiểm tra lại',
    skipToFindings: 'Đến danh sách phát hiện',
    refused: (names) => `Không nhận ${names.length} tệp: ${list(names)}. Chỉ đọc được tệp Excel .xlsx, .xlsm, .xls, .xlsb và .ods.`,
    showList: 'Xem danh sách',
    hideList: 'Ẩn danh sách',
    emptySheets: (names) => `Bỏ qua trang trống ${list(names)}.`,
    useSample: 'Dùng bảng mẫu',
    insertedKeepFile: (names, file) => `Đã chèn các trang ${list(names)}. Chỉ tiêu vẫn lấy từ tệp "${file}"; bấm "Dùng bảng mẫu" để lấy chỉ tiêu từ các trang vừa chèn.`,
    why: {
      needCheck: 'Bấm "Kiểm tra" trước.',
      stale: 'Kết quả cũ: bấm "Kiểm tra" lại trước.',
      nothingToFlag: 'Không có ô nào trong sổ tính này để đánh dấu.',
      nothingForFeedback: 'Không đơn vị nào có phát hiện.',
      busy: 'Đang làm việc khác.',
    },
    countFilter: (label) => `Chỉ xem: ${label}`,
    onlyFailing: 'Chỉ đơn vị chưa đạt',
    unitsShown: (shown, total) => (shown === total ? `${total} đơn vị` : `${shown}/${total} đơn vị`),
    showMoreUnits: (n) => `Hiện thêm ${n} đơn vị`,
    groupBy: 'Nhóm theo',
    byUnit: 'Đơn vị',
    byKind: 'Loại',
    group: (label, n) => `${label} (${n})`,
    clearFilters: 'Bỏ lọc',
  },
  errors: {
    noRulesSheet: 'Sổ tính này không có trang "Chỉ tiêu". Chọn "Tệp chỉ tiêu trên máy" hoặc bấm "Chèn bảng chỉ tiêu mẫu".',
    noRulesFile: 'Chưa chọn tệp chỉ tiêu. Bấm "Chọn tệp chỉ tiêu…".',
    rulesUnreadable: 'Không đọc được chỉ tiêu',
    rulesEmpty: (file) => `Trang "Chỉ tiêu" của "${file}" không có chỉ tiêu nào đọc được.`,
    nothingToCheck: 'Chưa có báo cáo nào để kiểm tra: chọn trang tính của sổ này hoặc thêm tệp báo cáo.',
    fileUnreadable: (name, reason) => `Tệp "${name}": không đọc được (${reason}).`,
    unexpected: (reason) => `Lỗi không lường trước: ${reason}`,
  },
};

const en: Strings = {
  lang: 'en',
  appTitle: 'Target check',
  workbook: (name) => `Workbook: ${name}`,
  notInExcel: 'This pane runs inside Excel. Open the "Target check" add-in from Excel.',
  rules: {
    heading: '1. Targets',
    source: 'Take the targets from',
    fromWorkbook: 'The "Chỉ tiêu" sheet of this workbook',
    fromFile: 'A targets file on this computer',
    workbookHasRules: 'Found a "Chỉ tiêu" sheet in this workbook.',
    workbookLacksRules: 'This workbook has no "Chỉ tiêu" sheet. Pick a targets file or insert the sample.',
    pickFile: 'Choose targets file…',
    noFileYet: 'No file chosen.',
    chosenFile: (name) => `Targets file: ${name}`,
    insertSample: 'Insert sample targets',
    insertSampleHint: 'Adds the sheets "Chỉ tiêu", "Kiểm tra chéo" and "Đơn vị" with sample targets to adapt.',
    inserted: (names) => `Inserted the sheets ${list(names)}. Adjust the targets to your resolution, then press "Check".`,
    sampleClash: (names) => `The workbook already has ${list(names)}, so the sample was not inserted (nothing is overwritten). Rename or delete that sheet to insert it again.`,
    templates: 'Make report templates',
    templatesHint: 'Downloads a .zip: one Excel template per unit of the "Đơn vị" sheet, for these targets (indicator names locked, rates computed), to send the units to fill.',
    templatesDone: (file, files) => `Made ${files.length} templates in ${file} (see your downloads folder): ${list(files)}.`,
  },
  sources: {
    heading: '2. Units’ reports',
    useWorkbook: 'Sheets of this workbook',
    which: 'Which sheets',
    allSheets: (n) => `All (${n} sheets)`,
    chosenSheets: 'Only the sheets chosen below',
    sheetList: 'Sheets to check',
    hiddenSheet: '(hidden)',
    noSheets: 'The workbook has no report sheets (besides the targets and result sheets).',
    refresh: 'Refresh the sheet list',
    addFiles: 'Add report files…',
    dropHint: 'or drop Excel files (.xlsx, .xlsm, .xls, .xlsb, .ods) here: read in this pane, not inserted into the workbook',
    dropNow: 'Drop the files here',
    fileList: 'Report files added',
    removeFile: (name) => `Remove ${name}`,
    removeAllFiles: 'Remove all files',
    filesAdded: (n) => `${n} report file${n === 1 ? '' : 's'}`,
    reading: (done, total, name) => `Reading file ${done}/${total}: ${name}`,
    readingWorkbook: 'Reading the sheets…',
  },
  actions: {
    check: 'Check',
    checking: 'Checking…',
    flag: 'Mark on the sheets',
    clear: 'Clear marks',
    rollup: 'Create rollup sheets',
    feedback: 'Create feedback sheets',
    feedbackFor: (unit) => `Create the feedback sheet for ${unit}`,
    toolbar: 'Workbook actions',
    working: 'Working…',
  },
  summary: {
    heading: 'Results',
    period: (label) => `Period: ${label}`,
    rulesFrom: (file) => `Targets: ${file}`,
    checked: (n) => `${n} unit${n === 1 ? '' : 's'} checked`,
    missing: (n) => `${n} not reported`,
    unreadable: (n) => `${n} unreadable`,
    otherPeriod: (n) => `${n} sent only another year's report`,
    verdict: ({ status, unassessed, short, doubtful }, c) => {
      const gaps = [c.unreadableFiles && `${c.unreadableFiles} unreadable file${c.unreadableFiles === 1 ? '' : 's'}`, c.missing.length && `${c.missing.length} not reported`, c.otherPeriod.length && `${c.otherPeriod.length} sent only another year's report`, c.unknown && `${c.unknown} unknown unit${c.unknown === 1 ? '' : 's'}`].filter(Boolean);
      const basis = `${c.roster ? `${c.read}/${c.roster} units` : `${c.read} reports`}${gaps.length ? `: ${gaps.join(', ')}` : ''}`;
      if (status === 'nothing-read') return `Nothing was checked: ${c.otherPeriod.length ? 'no report of this round' : 'no report could be read'} (${basis}).`;
      if (status === 'short') return `The area misses ${short} target${short === 1 ? '' : 's'} (based on ${basis}).`;
      if (status === 'met') return `The area meets every target (${basis}).`;
      if (doubtful.length) return `No verdict for the whole area yet: no target is missed, but the totals of ${doubtful.length} indicator${doubtful.length === 1 ? '' : 's'} need checking (${doubtful.join('; ')}); based on ${basis}.`;
      if (unassessed.length) return `No verdict for the whole area yet: ${unassessed.length} target${unassessed.length === 1 ? ' has' : 's have'} no figures to judge (${unassessed.slice(0, 5).join('; ')}${unassessed.length > 5 ? '; …' : ''}); based on ${basis}.`;
      return `No verdict for the whole area yet: the units read miss no target, but this rests on ${basis} only.`;
    },
    severityCount: {
      error: (n) => `${n} error${n === 1 ? '' : 's'}`,
      warning: (n) => `${n} warning${n === 1 ? '' : 's'}`,
      info: (n) => `${n} info`,
    },
    done: (e, w, i) => `Check finished: ${e} errors, ${w} warnings, ${i} info.`,
    accepted: (n) => `${n} explained and accepted`,
    changes: (c) =>
      `Since the last check: ${c.findings.new.length} new, ${c.findings.fixed.length} fixed, ${c.findings.notRechecked.length ? `${c.findings.notRechecked.length} not checked again, ` : ''}${c.findings.accepted.length} accepted, ${c.findings.open} still open; ${c.figuresNotCompared ? 'figures not compared' : `${c.figures.length} figures changed`}.`,
  },
  units: {
    heading: 'Units',
    status: { ok: 'On target', warnings: 'Warnings', errors: 'Errors', missing: 'Not reported', unreadable: 'Unreadable file', 'other-period': "Only another year's report", unknown: 'Not in the roster' },
    counts: (e, w, i) => [e && `${e} errors`, w && `${w} warnings`, i && `${i} info`].filter(Boolean).join(' · ') || 'No findings',
    evidence: (e) => `Recognised by the ${EVIDENCE_EN[e.source]}${e.cell ? ` (cell ${e.cell})` : ''}: ${e.text}`,
    none: 'No units.',
  },
  findings: {
    heading: (shown, total) => (shown === total ? `Findings (${total})` : `Findings (${shown}/${total})`),
    acceptedHeading: (n) => `Explanations accepted (${n})`,
    accept: 'Accept explanation…',
    acceptTitle: 'Accept an explanation',
    acceptIntro: (unit, indicator, value) => `${unit}, ${indicator}, figure ${value}: the finding is kept for information, no longer an error or warning, until the figure changes. The explanation is written to the workbook's "Giải trình" sheet.`,
    acceptReason: 'Reason (the unit’s explanation)',
    acceptBy: 'Accepted by',
    acceptSave: 'Save explanation',
    acceptCancel: 'Cancel',
    acceptReasonNeeded: 'A reason is needed.',
    filters: 'Filter findings',
    unit: 'Unit',
    severity: 'Severity',
    kind: 'Kind',
    allUnits: 'All units',
    allSeverities: 'All severities',
    allKinds: 'All kinds',
    area: 'Whole area',
    general: 'Files and targets',
    empty: 'No finding matches the filters.',
    noneAtAll: 'No findings: every report is on target.',
    showMore: (n) => `Show ${n} more`,
    goTo: (sheet, cell) => `Go to ${sheet}!${cell}`,
    inFile: (file, sheet, cell) => [file, sheet && `sheet ${sheet}`, cell && `cell ${cell}`].filter(Boolean).join(' · '),
    actualExpected: (actual, expected) => `Actual: ${actual} · Required: ${expected}`,
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  kind: {
    shortfall: 'Below target',
    'behind-pace': 'Behind pace',
    exceeded: 'Above target',
    inconsistent: 'Inconsistent',
    'invalid-value': 'Invalid value',
    'missing-value': 'Missing value',
    'missing-unit': 'Not reported',
    'duplicate-unit': 'Sent twice',
    'other-period': 'Another period',
    'unknown-unit': 'Unknown unit',
    'unit-mismatch': 'Unit names disagree',
    'unmapped-row': 'Unmatched row',
    outlier: 'Unusual figure',
    'no-table': 'No table found',
    'unreadable-file': 'Unreadable file',
    'invalid-rule': 'Targets file problem',
  },
  notices: {
    flagged: (applied, skipped) =>
      `Marked ${applied} cell${applied === 1 ? '' : 's'} on the report sheets${skipped ? ` (${skipped} no longer in the workbook, skipped)` : ''}. "Clear marks" puts them back.`,
    nothingToFlag: 'Nothing to mark in this workbook: the findings are in added files or tied to no cell.',
    cleared: (restored, kept) =>
      restored || kept ? `Cleared the marks on ${restored} cells${kept ? `; ${kept} refilled by you were kept` : ''}.` : 'There were no marks to clear.',
    rollupDone: (names) => `Created the sheets ${list(names)}.`,
    feedbackDone: (names) => `Created ${names.length} feedback sheet${names.length === 1 ? '' : 's'}: ${list(names)}.`,
    nothingForFeedback: 'No unit needs a feedback sheet: no report read has any finding.',
    acceptedWritten: (unit, indicator) => `Wrote the explanation of ${unit} (${indicator}) to the "Giải trình" sheet and checked again.`,
    selected: (sheet, cell) => `Selected cell ${cell} on sheet "${sheet}".`,
    hiddenSheet: (sheet, cell) => `Cell ${cell} is on sheet "${sheet}", which is hidden. Press "Show sheet" to unhide it and go to the cell.`,
    showSheet: 'Show sheet',
    shown: (sheet, cell) => `Sheet "${sheet}" is shown again; cell ${cell} is selected.`,
    failed: {
      check: 'Could not check',
      flag: 'Could not mark the cells',
      clear: 'Could not clear the marks',
      rollup: 'Could not create the rollup',
      insert: 'Could not insert the sample targets',
      refresh: 'Could not read the sheet list',
      select: 'Could not go to the cell',
      show: 'Could not show the sheet',
      feedback: 'Could not create the feedback sheets',
      accept: 'Could not write the explanation',
      templates: 'Could not make the templates',
    },
    retry: 'Try again',
    dismiss: 'Dismiss',
  },
  help: {
    open: 'Help',
    close: 'Close help',
    heading: 'Help',
    pageTitle: 'Target check – Help',
    otherLanguage: { label: 'Tiếng Việt', lang: 'vi' },
    what: {
      title: 'What it does',
      body: [
        "Reads the units' reports (sheets of this workbook, or .xlsx files picked or dropped on the pane), checks every figure against the targets of a rules workbook, recomputes the rates, sums the area and lists what falls short, does not add up, is missing or was not sent.",
        'Click a finding to go to its cell. "Mark on the sheets" fills the cells with findings (with a note where Excel has them); "Clear marks" puts back the exact fills and notes. "Create rollup sheets" writes the Tổng hợp, Tỷ lệ and Kết quả kiểm tra sheets.',
        "The data never leaves this computer: files are read in the pane and sent nowhere. The tool never changes a report's values or formulas.",
      ],
    },
    rules: {
      title: 'The rules workbook',
      intro: 'An ordinary workbook you edit in Excel. Sheets and columns are found by their header text (case, diacritics and column order do not matter); a title such as "… NĂM 2023" gives the targets\' period.',
      sheets: [
        ['Chỉ tiêu (required)', 'one row per indicator: Mã (code), Nhóm (section), Chỉ tiêu (name), Tên gọi khác (aliases, separated by ";"), Đơn vị tính ("%" marks a rate), Điều kiện (the target), Phạm vi (Toàn …, Mỗi đơn vị, Mỗi phường, Mỗi xã), Mức độ (Lỗi, Cảnh báo, Thông tin), Công thức (for rates, e.g. GDVH_DK / SO_HO).'],
        ['Kiểm tra chéo', 'cross checks: Mã, Biểu thức (e.g. DVK_TONG = DVK_TAPTHE + DVK_CANHAN), Mức độ, Ghi chú.'],
        ['Đơn vị', 'the roster: Tên đơn vị, Tên gọi khác, Cấp (Phường, Xã, Thị trấn…). Without it no unit can be reported missing.'],
      ],
      conditions: 'Targets are written as resolutions write them: "từ 200 trở lên", "ít nhất 2", "không quá 5", "từ 80 đến 100", "không có", "1 lần/tháng", "70%". Numbers are Vietnamese: 1.000 is one thousand, 2,5 is two and a half.',
      sample: 'The button below adds the three sample sheets to the workbook (never over an existing sheet) to adapt to your resolution.',
    },
    findings: {
      title: 'Kinds of findings',
      intro: 'Each finding has a severity (error, warning, information), a unit, an indicator, a cell and an explanation.',
      meaning: {
        shortfall: "below the target (the unit's, its level's or the area's), over an \"at most\" limit, or below the unit's own plan.",
        'behind-pace': 'a report for part of the year (6 months, 9 months, a quarter) below the target prorated to its months.',
        exceeded: 'above the upper end of a range target ("từ 1 đến 2"): for information.',
        inconsistent: 'a cross check fails, a stated rate differs from the one recomputed, or a Tổng cộng row differs from the sum of its rows.',
        'invalid-value': 'text that is not a number ("khoảng 40"), a negative figure, a fraction where a whole count is due, or an error such as #DIV/0!: left out of the totals.',
        'missing-value': 'a blank where a figure is due, or a whole row missing.',
        'missing-unit': 'a unit of the roster sent nothing.',
        'duplicate-unit': 'a unit sent twice: the report with the later date is used, and the message says which.',
        'other-period': "a report whose title names another year than the round's: not summed; when its date is in this round's year it is used and the message says so.",
        'unknown-unit': 'a report that names no unit of the roster, or whose name fits several (written without diacritics or without its level): checked, but left out of the totals; the message names the candidates.',
        'unit-mismatch': 'the heading, the sheet name and the file name name different units: the clearest one (with its level or organisation; the heading among equals) is used and both are named.',
        'unmapped-row': 'a row matching no indicator: add its wording to "Tên gọi khác" if it is one; or (warning) a template row named as one indicator whose hidden code is another\'s: the code is used.',
        outlier: "a figure far from the unit's own figure a year earlier, or (per size) far from the other units': perhaps a typing slip.",
        'no-table': 'a sheet or file with no recognisable table of figures.',
        'unreadable-file': 'a file that could not be read (see below).',
        'invalid-rule': 'a row of the rules workbook that could not be read: a duplicate code, a formula naming an unknown code, a target it cannot read.',
      },
    },
    unreadable: {
      title: 'When a file cannot be read',
      intro: 'A bad file becomes a finding naming it and why; the other files are still checked. What usually helps:',
      causes: [
        ['A file that is no workbook (PDF, Word, an archive…)', 'ask the unit for the table as an Excel file; .xls, .ods and .xlsb are read like .xlsx.'],
        ['A password-protected file', 'remove the password (or ask the unit for an unprotected copy).'],
        ['A damaged, empty or very large file', 'ask the unit to send it again; files over 50 MB or with more than 500 sheets are refused so the computer does not hang.'],
        ['No table found', 'the table needs a header row with a label (or unit) column and a figure column such as "Thực hiện".'],
      ],
      after: 'Once fixed, add the file again (the same name replaces the old copy) and press "Check".',
    },
    versions: {
      title: 'Office versions',
      intro: 'The pane needs an Excel with a current embedded browser (Edge WebView2, Safari or a web browser) and ExcelApi 1.7 or later.',
      head: ['Office', 'Works?'],
      rows: [
        ['Excel on the web', 'Fully: fills with a note on the cell.'],
        ['Microsoft 365 on Windows (Version 2501 or later) and on Mac', 'Fully. Older Microsoft 365 builds: the message goes into a comment instead of a note.'],
        ['Office 2021, Office 2024 (one-time purchase)', 'Yes; the message goes into a comment.'],
        ['Office 2019 retail', 'Yes where the Microsoft Edge WebView2 Runtime is installed; fills only, the messages are on the "Kết quả kiểm tra" sheet. Without WebView2 the pane says it cannot run and what to do instead.'],
        ['Office 2019 volume-licensed', 'No (Internet Explorer): use Excel on the web or the command line.'],
        ['Office 2016 and older', 'Not offered (Excel 2016 has ExcelApi 1.1 only): use Excel on the web or the command line.'],
      ],
      after: 'The command line, chitieu check, runs the same check on any computer with Node.js, without Excel.',
    },
  },
  pane: {
    views: 'Parts of the pane',
    setup: 'Setup',
    results: 'Results',
    language: 'Language',
    languageNames: { vi: 'Tiếng Việt', en: 'English' },
    firstRun: {
      heading: 'Getting started',
      lines: [
        "The tool reads the units' reports and checks every figure against the targets.",
        'It needs a "Chỉ tiêu" sheet (insert the sample, then adapt it) and the reports: sheets or Excel files.',
        'Press "Check" to see which units miss a target, then mark the cells or create the rollup.',
      ],
      help: 'Read the help',
    },
    noResults: 'No results yet. Choose the targets and the reports under "Setup", then press "Check".',
    stale: 'Old results – check again',
    skipToFindings: 'Skip to the findings',
    refused: (names) => `Refused ${names.length} file${names.length === 1 ? '' : 's'}: ${list(names)}. Only Excel files are read: .xlsx, .xlsm, .xls, .xlsb and .ods.`,
    showList: 'Show the list',
    hideList: 'Hide the list',
    emptySheets: (names) => `Skipped the empty sheet${names.length === 1 ? '' : 's'} ${list(names)}.`,
    useSample: 'Use the sample',
    insertedKeepFile: (names, file) => `Inserted the sheets ${list(names)}. The targets still come from "${file}"; press "Use the sample" to take them from the new sheets.`,
    why: {
      needCheck: 'Press "Check" first.',
      stale: 'Old results: press "Check" again first.',
      nothingToFlag: 'No cell of this workbook to mark.',
      nothingForFeedback: 'No unit has a finding.',
      busy: 'Busy with another task.',
    },
    countFilter: (label) => `Show only: ${label}`,
    onlyFailing: 'Only units off target',
    unitsShown: (shown, total) => (shown === total ? `${total} unit${total === 1 ? '' : 's'}` : `${shown}/${total} units`),
    showMoreUnits: (n) => `Show ${n} more units`,
    groupBy: 'Group by',
    byUnit: 'Unit',
    byKind: 'Kind',
    group: (label, n) => `${label} (${n})`,
    clearFilters: 'Clear filters',
  },
  errors: {
    noRulesSheet: 'This workbook has no "Chỉ tiêu" sheet. Choose "A targets file on this computer" or press "Insert sample targets".',
    noRulesFile: 'No targets file chosen yet. Press "Choose targets file…".',
    rulesUnreadable: 'Could not read the targets',
    rulesEmpty: (file) => `The "Chỉ tiêu" sheet of "${file}" has no readable target.`,
    nothingToCheck: 'Nothing to check yet: choose sheets of this workbook or add report files.',
    fileUnreadable: (name, reason) => `File "${name}": could not be read (${reason}).`,
    unexpected: (reason) => `Unexpected error: ${reason}`,
  },
};

/** Vietnamese unless Office says its display language is English. */
export function stringsFor(displayLanguage: string | undefined | null): Strings {
  return /^en\b/i.test(displayLanguage ?? '') ? en : vi;
}

export const STRINGS = { vi, en } as const;
