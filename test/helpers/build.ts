// Fixtures built in code: rules workbooks and unit reports as .xlsx bytes, written with ExcelJS
// so the tests go through the same file reader as the command line.
import ExcelJS from 'exceljs';

export type Row = Array<string | number | null | { formula: string; result?: number } | { error: string }>;

export interface SheetSpec {
  name: string;
  rows: Row[];
  merges?: string[];
  font?: string;
  hiddenRows?: number[];
  /** 1-based column numbers. */
  hiddenCols?: number[];
  /** The sheet's tab hidden. */
  hidden?: boolean;
  numFmts?: Record<string, string>;
}

export async function xlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v as ExcelJS.CellValue;
        if (spec.font) cell.font = { name: spec.font };
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of spec.hiddenCols ?? []) ws.getColumn(c).hidden = true;
    if (spec.hidden) ws.state = 'hidden';
    for (const [addr, fmt] of Object.entries(spec.numFmts ?? {})) ws.getCell(addr).numFmt = fmt;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export interface IndicatorSpec {
  code: string;
  section: string;
  name: string;
  aliases?: string;
  uom: string;
  condition?: string;
  scope?: string;
  severity?: string;
  formula?: string;
  /** The code of the indicator giving the unit's size ("Quy mô"), for the peer comparison. */
  size?: string;
}

/** A small rules workbook: a few indicators, cross checks and a roster. */
export const BASE_INDICATORS: IndicatorSpec[] = [
  { code: 'SO_HO', section: 'Mặt trận Tổ quốc', name: 'Tổng số hộ gia đình', uom: 'hộ' },
  { code: 'GDVH_DK', section: 'Mặt trận Tổ quốc', name: 'Số hộ đăng ký gia đình văn hóa', aliases: 'Hộ đăng ký GĐVH', uom: 'hộ' },
  { code: 'TL_GDVH', section: 'Mặt trận Tổ quốc', name: 'Tỷ lệ hộ đăng ký gia đình văn hóa', uom: '%', condition: '≥ 95%', scope: 'Mỗi đơn vị', severity: 'Cảnh báo', formula: 'GDVH_DK / SO_HO' },
  { code: 'MOHINH', section: 'Mặt trận Tổ quốc', name: 'Mô hình mới', uom: 'mô hình', condition: 'ít nhất 2', scope: 'Mỗi phường', severity: 'Cảnh báo' },
  { code: 'HND_HV', section: 'Hội Nông dân', name: 'Tổng số hội viên', uom: 'người' },
  { code: 'HND_KN', section: 'Hội Nông dân', name: 'Kết nạp hội viên mới', aliases: 'Số hội viên kết nạp mới', uom: 'người', condition: 'từ 100 hội viên trở lên', scope: 'Toàn địa bàn', severity: 'Cảnh báo' },
  { code: 'CCB_HV', section: 'Hội Cựu chiến binh', name: 'Tổng số hội viên', uom: 'người' },
  { code: 'CCB_KN', section: 'Hội Cựu chiến binh', name: 'Kết nạp hội viên mới', uom: 'người', condition: 'từ 10 đến 20', scope: 'Toàn địa bàn', severity: 'Cảnh báo' },
  { code: 'DOI_THOAI', section: 'Đối thoại với Nhân dân', name: 'Số cuộc đối thoại', uom: 'cuộc', condition: 'ít nhất 01 lần/tháng', scope: 'Mỗi đơn vị', severity: 'Lỗi' },
];

export const BASE_ROSTER: Array<[string, string, string]> = [
  ['Phường Hòa Lạc', 'P. Hòa Lạc', 'Phường'],
  ['Phường Tân Thành', '', 'Phường'],
  ['Xã Yên Bình', '', 'Xã'],
];

export async function rulesWorkbook(opts: {
  title?: string;
  indicators?: IndicatorSpec[];
  checks?: Array<[string, string, string]>;
  roster?: Array<[string, string, string]>;
  omitTargets?: boolean;
  /** Rows of a "Thiết lập" sheet under its header "Thiết lập | Giá trị". */
  settings?: Row[];
} = {}): Promise<Uint8Array> {
  const inds = opts.indicators ?? BASE_INDICATORS;
  const sized = inds.some((i) => i.size);
  const sheets: SheetSpec[] = [];
  if (!opts.omitTargets) {
    sheets.push({
      name: 'Chỉ tiêu',
      rows: [
        [opts.title ?? 'CHỈ TIÊU CÔNG TÁC DÂN VẬN NĂM 2023'],
        [],
        // Columns in an unusual order, to prove they are found by header text.
        ['Nhóm', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Tên gọi khác', 'Điều kiện', 'Phạm vi', 'Mức độ', 'Công thức', ...(sized ? ['Quy mô'] : [])],
        ...inds.map((i) => [i.section, i.code, i.name, i.uom, i.aliases ?? '', i.condition ?? '', i.scope ?? '', i.severity ?? '', i.formula ?? '', ...(sized ? [i.size ?? ''] : [])]),
      ],
    });
  }
  sheets.push({ name: 'Kiểm tra chéo', rows: [['Mã', 'Biểu thức', 'Mức độ', 'Ghi chú'], ...(opts.checks ?? [['K1', 'GDVH_DK <= SO_HO', 'Lỗi']]).map((c) => [...c, ''])] });
  sheets.push({ name: 'Đơn vị', rows: [['STT', 'Tên đơn vị', 'Tên gọi khác', 'Cấp'], ...(opts.roster ?? BASE_ROSTER).map((u, i) => [i + 1, ...u])] });
  if (opts.settings) sheets.push({ name: 'Thiết lập', rows: [['Thiết lập', 'Giá trị'], ...opts.settings] });
  return xlsx(sheets);
}

export interface ReportRow {
  stt?: string | number;
  label: string;
  uom?: string;
  plan?: Row[number];
  value?: Row[number];
}

/** A unit's report in the one-indicator-per-row layout, with title block, merged header and signatures. */
export function reportSheet(opts: {
  unitLine: string;
  /** The level above, written over the unit's own line. */
  upperLine?: string;
  title?: string;
  dateLine?: string;
  rows: ReportRow[];
  sheetName?: string;
  font?: string;
  columnNumbers?: boolean;
  /** The plan column's header ("Kế hoạch 9 tháng"). */
  planHeader?: string;
}): SheetSpec {
  const plan = opts.planHeader ?? 'Kế hoạch';
  const rows: Row[] = [
    [opts.upperLine ?? 'ĐẢNG BỘ THỊ XÃ HÒA BÌNH', null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
    [opts.unitLine, null, null, opts.dateLine ?? 'ngày 12 tháng 12 năm 2023'],
    [],
    [opts.title ?? 'BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023'],
    [],
    ['STT', 'Nội dung', 'Đơn vị tính', plan, 'Kết quả thực hiện', null, 'Ghi chú'],
    ['STT', 'Nội dung', 'Đơn vị tính', plan, 'Thực hiện', 'Tỷ lệ (%) so với KH', 'Ghi chú'],
  ];
  if (opts.columnNumbers !== false) rows.push(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
  for (const r of opts.rows) rows.push([r.stt ?? null, r.label, r.uom ?? null, r.plan ?? null, r.value ?? null]);
  rows.push([], ['NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY']);
  return {
    name: opts.sheetName ?? 'Biểu 01',
    rows,
    merges: ['A4:G4', 'E6:F6', 'A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'G6:G7'],
    font: opts.font,
  };
}

/** The rows of a typical report for the base rules, with figures that meet every target. */
export function goodRows(over: Partial<Record<string, Row[number]>> = {}): ReportRow[] {
  const v = (code: string, d: Row[number]) => (code in over ? over[code] : d);
  return [
    { stt: 'I', label: 'MẶT TRẬN TỔ QUỐC' },
    { stt: 1, label: 'Tổng số hộ gia đình', uom: 'Hộ', value: v('SO_HO', 1000) },
    { stt: 2, label: 'Số hộ đăng ký gia đình văn hóa', uom: 'Hộ', value: v('GDVH_DK', 980) },
    { stt: 3, label: 'Mô hình mới', uom: 'Mô hình', value: v('MOHINH', 3) },
    { stt: 'II', label: 'HỘI NÔNG DÂN' },
    { stt: 1, label: 'Tổng số hội viên', uom: 'Người', value: v('HND_HV', 500) },
    { stt: 2, label: 'Kết nạp hội viên mới', uom: 'Người', value: v('HND_KN', 40) },
    { stt: 'III', label: 'HỘI CỰU CHIẾN BINH' },
    { stt: 1, label: 'Tổng số hội viên', uom: 'Người', value: v('CCB_HV', 100) },
    { stt: 2, label: 'Kết nạp hội viên mới', uom: 'Người', value: v('CCB_KN', 5) },
    { stt: 'IV', label: 'ĐỐI THOẠI VỚI NHÂN DÂN' },
    { stt: 1, label: 'Số cuộc đối thoại', uom: 'Cuộc', value: v('DOI_THOAI', 12) },
  ];
}
