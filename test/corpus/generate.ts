// A corpus of report sets in templates of this project's own design, with the traps other
// offices' files hold: numbered wards written every way ("P1", "PHƯỜNG 01", "phuong_03"), diacritic
// twins, names inside longer names, one name at two levels, headers naming the level above,
// association tables whose unit column is headed anything, sheet names copied from another unit's
// file, duplicates, unreadable files, NFD text. Each set carries its truth: who wrote every report
// and table row, and the findings planted on purpose. Deterministic for a seed.
import { IndicatorSpec, ReportRow, Row, SheetSpec, rulesWorkbook, xlsx } from '../helpers/build';

// ---------------------------------------------------------------------------------------------
// Seeded choices

export class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

// ---------------------------------------------------------------------------------------------
// Rosters with traps

export interface CorpusUnit {
  name: string;
  level: 'Phường' | 'Xã' | 'Thị trấn';
  core: string;
  numbered: boolean;
}

const NAMES = ['Hòa Lạc', 'Yên Bình', 'Minh Khai', 'Đồng Tâm', 'Phú Thịnh', 'Thanh Sơn', 'Quang Trung', 'Hưng Đạo', 'Tân Phong', 'Phú Tân', 'Đông Hòa', 'Mỹ Xuân'];
const TWINS: Array<[string, string]> = [
  ['Tân Thành', 'Tân Thạnh'],
  ['Bình Thành', 'Bình Thạnh'],
  ['An Hòa', 'An Hóa'],
  ['Long Hưng', 'Long Hùng'],
];
const CONTAINING: Array<[string, string]> = [
  ['An Phú', 'An Phú Đông'],
  ['Hòa Lạc', 'Hòa Lạc Mới'],
];

export function makeRoster(rnd: Random, flavour: 'numbered' | 'named' | 'mixed'): CorpusUnit[] {
  const units: CorpusUnit[] = [];
  const add = (level: CorpusUnit['level'], core: string, numbered = false) => {
    const name = `${level} ${core}`;
    if (!units.some((u) => u.name === name)) units.push({ name, level, core, numbered });
  };
  if (flavour !== 'named') for (let n = 1; n <= rnd.int(10, 15); n++) add('Phường', String(n), true);
  if (flavour !== 'numbered') {
    for (const [a, b] of rnd.shuffle([...TWINS]).slice(0, rnd.int(1, 2))) {
      const level = rnd.pick(['Phường', 'Xã'] as const);
      add(level, a);
      add(level, b);
    }
    const [short, long] = rnd.pick(CONTAINING);
    add('Phường', short);
    add('Phường', long);
    // One name at two levels.
    add('Phường', 'Long Bình');
    add('Xã', 'Long Bình');
    for (const n of rnd.shuffle([...NAMES]).slice(0, rnd.int(2, 4))) add(rnd.pick(['Xã', 'Phường', 'Thị trấn'] as const), n);
  }
  return units;
}

function twinOf(u: CorpusUnit, roster: CorpusUnit[]): boolean {
  return roster.some((o) => o !== u && o.level === u.level && strip(o.core).toLowerCase() === strip(u.core).toLowerCase());
}

function sameNameOtherLevel(u: CorpusUnit, roster: CorpusUnit[]): boolean {
  return roster.some((o) => o !== u && o.level !== u.level && o.core === u.core);
}

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const SHORT: Record<CorpusUnit['level'], string> = { Phường: 'P.', Xã: 'X.', 'Thị trấn': 'TT.' };

// ---------------------------------------------------------------------------------------------
// How a unit's name is written, and whether that writing can only be this unit

interface Written {
  text: string;
  /** Only this unit fits it: a level where one is needed, diacritics where a twin needs them. */
  identifies: boolean;
}

function writeName(rnd: Random, u: CorpusUnit, roster: CorpusUnit[], where: 'header' | 'file' | 'sheet' | 'cell'): Written {
  const core = u.numbered ? rnd.pick(['', '0']) + u.core : u.core;
  const levelForm = rnd.pick(u.numbered ? ['full', 'short'] : ['full', 'short', 'none']);
  // "P. 3", "P3", "P.Tân Thành", "P. Tân Thành"
  const short = u.numbered ? rnd.pick([`${SHORT[u.level]} `, SHORT[u.level].replace('.', '')]) : rnd.pick([SHORT[u.level], `${SHORT[u.level]} `]);
  const level = levelForm === 'full' ? `${u.level} ` : levelForm === 'short' ? short : '';
  let text = `${level}${core}`;
  const ascii = where === 'file' ? rnd.chance(0.7) : rnd.chance(0.1);
  if (ascii) text = strip(text);
  if (where === 'header') text = `${rnd.pick(['ĐẢNG ỦY', 'UBND', 'ỦY BAN MTTQ', 'BAN CHẤP HÀNH HỘI NÔNG DÂN'])} ${text}`.toUpperCase();
  if (where === 'file') text = rnd.pick([`BC_${text.replace(/ /g, '_')}_2023`, `bao cao nam 2023 - ${text}`, text.replace(/ /g, '')]);
  if (where === 'cell' && rnd.chance(0.2)) text = `Chi hội ${text}`;
  if (rnd.chance(0.1)) text = text.normalize('NFD');
  const levelStated = levelForm !== 'none';
  const identifies = (!ascii || !twinOf(u, roster)) && (levelStated || (!u.numbered && !sameNameOtherLevel(u, roster)));
  return { text, identifies };
}

// ---------------------------------------------------------------------------------------------
// The rules: the project's base indicators, a roster, and the period

export const CORPUS_INDICATORS: IndicatorSpec[] = [
  { code: 'SO_HO', section: 'Mặt trận Tổ quốc', name: 'Tổng số hộ gia đình', uom: 'hộ' },
  { code: 'GDVH_DK', section: 'Mặt trận Tổ quốc', name: 'Số hộ đăng ký gia đình văn hóa', aliases: 'Hộ đăng ký GĐVH', uom: 'hộ' },
  { code: 'TL_GDVH', section: 'Mặt trận Tổ quốc', name: 'Tỷ lệ hộ đăng ký gia đình văn hóa', uom: '%', condition: '≥ 95%', scope: 'Mỗi đơn vị', severity: 'Cảnh báo', formula: 'GDVH_DK / SO_HO' },
  { code: 'NHA', section: 'Mặt trận Tổ quốc', name: 'Nhà đại đoàn kết xây mới', uom: 'căn', condition: 'ít nhất 2 căn', scope: 'Mỗi đơn vị', severity: 'Cảnh báo' },
  { code: 'HND_HV', section: 'Hội Nông dân', name: 'Tổng số hội viên', uom: 'người' },
  { code: 'HND_KN', section: 'Hội Nông dân', name: 'Kết nạp hội viên mới', aliases: 'Số hội viên kết nạp mới', uom: 'người' },
  { code: 'DOI_THOAI', section: 'Đối thoại với Nhân dân', name: 'Số cuộc đối thoại', uom: 'cuộc', condition: 'ít nhất 01 lần/tháng', scope: 'Mỗi đơn vị', severity: 'Lỗi' },
];

// ---------------------------------------------------------------------------------------------
// A unit's figures, good or with one planted problem

type Code = 'SO_HO' | 'GDVH_DK' | 'NHA' | 'HND_HV' | 'HND_KN' | 'DOI_THOAI';
type Figures = Record<Code, Row[number]>;

export interface Planted {
  unit: string;
  indicator: string;
  /** Any of these kinds finds it (a count target in a part-year report is behind pace). */
  kinds: string[];
}

function figuresFor(rnd: Random, months: number): { figures: Figures; planted: Omit<Planted, 'unit'> | null } {
  const ho = rnd.int(800, 3000);
  const figures: Figures = { SO_HO: ho, GDVH_DK: Math.ceil(ho * 0.97), NHA: rnd.int(2, 5), HND_HV: rnd.int(200, 900), HND_KN: rnd.int(5, 40), DOI_THOAI: months + rnd.int(0, 3) };
  const plant = rnd.pick(['none', 'none', 'rate', 'nha', 'doi', 'text', 'blank', 'cross'] as const);
  switch (plant) {
    case 'rate':
      figures.GDVH_DK = Math.floor(ho * 0.8);
      return { figures, planted: { indicator: 'TL_GDVH', kinds: ['shortfall'] } };
    case 'nha':
      figures.NHA = 0;
      return { figures, planted: { indicator: 'NHA', kinds: ['shortfall', 'behind-pace'] } };
    case 'doi':
      figures.DOI_THOAI = months - 2;
      return { figures, planted: { indicator: 'DOI_THOAI', kinds: ['shortfall'] } };
    case 'text':
      figures.HND_HV = 'khoảng 400';
      return { figures, planted: { indicator: 'HND_HV', kinds: ['invalid-value'] } };
    case 'blank':
      figures.HND_KN = null;
      return { figures, planted: { indicator: 'HND_KN', kinds: ['missing-value'] } };
    case 'cross':
      figures.GDVH_DK = ho + rnd.int(1, 50);
      return { figures, planted: { indicator: 'GDVH_DK', kinds: ['inconsistent'] } };
    default:
      return { figures, planted: null };
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

interface Template {
  name: string;
  sheet(o: { upper: string; unitLine: string; title: string; dateLine: string; figures: Figures; withHnd: boolean; sheetName: string }): SheetSpec;
}

const rows = (f: Figures, withHnd: boolean, child: string, sections: 'roman' | 'plain'): ReportRow[] => [
  { stt: sections === 'roman' ? 'I' : '', label: sections === 'roman' ? 'MẶT TRẬN TỔ QUỐC' : 'Mặt trận Tổ quốc' },
  { stt: 1, label: 'Tổng số hộ gia đình', uom: 'Hộ', value: f.SO_HO },
  { stt: 2, label: `${child}Số hộ đăng ký gia đình văn hóa`, uom: 'Hộ', value: f.GDVH_DK },
  { stt: 3, label: 'Nhà đại đoàn kết xây mới', uom: 'Căn', value: f.NHA },
  ...(withHnd
    ? [
        { stt: sections === 'roman' ? 'II' : '', label: sections === 'roman' ? 'HỘI NÔNG DÂN' : 'Hội Nông dân' },
        { stt: 1, label: 'Tổng số hội viên', uom: 'Người', value: f.HND_HV },
        { stt: 2, label: `${child}Kết nạp hội viên mới`, uom: 'Người', value: f.HND_KN },
      ]
    : []),
  { stt: sections === 'roman' ? 'III' : '', label: sections === 'roman' ? 'ĐỐI THOẠI VỚI NHÂN DÂN' : 'Đối thoại với Nhân dân' },
  { stt: 1, label: 'Số cuộc đối thoại', uom: 'Cuộc', value: f.DOI_THOAI },
];

export const TEMPLATES: Template[] = [
  {
    // Like the samples: a two-row merged header and a column-number row.
    name: 'standard',
    sheet: (o) => {
      const body = rows(o.figures, o.withHnd, '', 'roman');
      return {
        name: o.sheetName,
        rows: [
          [o.upper, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
          [o.unitLine, null, null, o.dateLine],
          [],
          [o.title],
          [],
          ['STT', 'Nội dung', 'Đơn vị tính', 'Kế hoạch', 'Kết quả thực hiện', null, 'Ghi chú'],
          ['STT', 'Nội dung', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%) so với KH', 'Ghi chú'],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
          ...body.map((r) => [r.stt ?? null, r.label, r.uom ?? null, null, r.value ?? null]),
          [],
          ['NGƯỜI LẬP BIỂU', null, null, null, 'T/M ĐẢNG ỦY'],
        ],
        merges: ['E6:F6', 'A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'G6:G7'],
      };
    },
  },
  {
    // One header row in other words, sections in ordinary case, child rows with "- ", no column numbers.
    name: 'compact',
    sheet: (o) => ({
      name: o.sheetName,
      rows: [
        [o.upper],
        [o.unitLine],
        [o.title],
        [o.dateLine],
        ['TT', 'Chỉ tiêu', 'ĐVT', 'Kết quả đạt được', 'Cùng kỳ', 'Ghi chú'],
        ...rows(o.figures, o.withHnd, '- ', 'plain').map((r) => [r.stt ?? null, r.label, r.uom ?? null, r.value ?? null, null]),
        [],
        ['Người lập'],
      ],
    }),
  },
  {
    // The table two columns in, a title merged across, a group header over "Thực hiện | So sánh".
    name: 'shifted',
    sheet: (o) => {
      const body = rows(o.figures, o.withHnd, '', 'roman');
      return {
        name: o.sheetName,
        rows: [
          [null, null, o.upper],
          [null, null, o.unitLine],
          [null, null, o.title],
          [],
          [null, null, 'STT', 'Nội dung chỉ tiêu', 'ĐVT', 'Kết quả thực hiện', null],
          [null, null, 'STT', 'Nội dung chỉ tiêu', 'ĐVT', 'Thực hiện', 'So sánh (%)'],
          ...body.map((r) => [null, null, r.stt ?? null, r.label, r.uom ?? null, r.value ?? null]),
          [],
          [null, null, null, o.dateLine],
          [null, null, null, 'T/M BAN THƯỜNG VỤ'],
        ],
        merges: ['C3:H3', 'F5:G5', 'C5:C6', 'D5:D6', 'E5:E6'],
      };
    },
  },
];

const UNIT_HEADERS = ['Tên cơ sở Hội', 'Cơ sở Hội', 'Phường, xã', 'Chi hội', 'Đơn vị', null, 'Địa bàn'];

/** An association's table: one row per unit, a "Tổng cộng" row, the unit column headed anything. */
function associationTable(rnd: Random, rowsIn: Array<{ name: string; hv: number; kn: number }>, title: string): { spec: SheetSpec; firstRow: number } {
  const header = rnd.pick(UNIT_HEADERS);
  const total = rowsIn.reduce((a, r) => [a[0] + r.hv, a[1] + r.kn], [0, 0]);
  return {
    firstRow: 6,
    spec: {
      name: rnd.pick(['Tổng hợp', 'HND', 'Sheet1']),
      rows: [
        ['HỘI NÔNG DÂN'],
        [title],
        [],
        ['STT', header, 'Hội Nông dân', null],
        ['STT', header, 'Tổng số hội viên', 'Kết nạp hội viên mới'],
        ...rowsIn.map((r, i): Row => [i + 1, r.name, r.hv, r.kn]),
        [null, 'Tổng cộng', total[0], total[1]],
        [],
        ['NGƯỜI LẬP BIỂU'],
      ],
      merges: ['C4:D4', 'A4:A5', 'B4:B5'],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Sets

export interface Authorship {
  file: string;
  sheet: string;
  /** The unit cell of an association table's row. */
  cell: string | null;
  /** The roster unit that wrote it, or null when nothing written identifies one. */
  unit: string | null;
}

export interface CorpusSet {
  name: string;
  rules: Uint8Array;
  roster: string[];
  files: Array<{ name: string; bytes?: Uint8Array; error?: string }>;
  authors: Authorship[];
  planted: Planted[];
  unreadable: string[];
}

const PERIODS = [
  { title: 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023', months: 12, month: 12 },
  { title: 'BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2023', months: 6, month: 6 },
  { title: 'BÁO CÁO KẾT QUẢ 9 THÁNG NĂM 2023', months: 9, month: 9 },
];

export async function generateSet(seed: number): Promise<CorpusSet> {
  const rnd = new Random(seed);
  const flavour = rnd.pick(['numbered', 'named', 'mixed'] as const);
  const roster = makeRoster(rnd, flavour);
  const period = rnd.pick(PERIODS);
  const rules = await rulesWorkbook({ indicators: CORPUS_INDICATORS, checks: [['K1', 'GDVH_DK <= SO_HO', 'Lỗi']], roster: roster.map((u) => [u.name, '', rnd.chance(0.7) ? u.level : '']) });
  const set: CorpusSet = { name: `set-${seed}`, rules, roster: roster.map((u) => u.name), files: [], authors: [], planted: [], unreadable: [] };
  const association = rnd.chance(0.6);
  const assocRows: Array<{ name: string; identifies: boolean; hv: number; kn: number; unit: string }> = [];
  const usedFileNames = new Set<string>();
  for (const u of roster) {
    const fate = rnd.next();
    if (fate < 0.1) continue; // sends nothing
    if (fate < 0.17) {
      const written = writeName(rnd, u, roster, 'file');
      const name = uniqueName(`${written.text}.xlsx`, usedFileNames);
      set.files.push({ name, error: `Tệp "${name}" bị hỏng, không mở được.` });
      if (written.identifies) set.unreadable.push(u.name);
      continue;
    }
    const { figures, planted } = figuresFor(rnd, period.months);
    const inAssociation = association && rnd.chance(0.7) && typeof figures.HND_HV === 'number' && typeof figures.HND_KN === 'number';
    const header = rnd.chance(0.85) ? writeName(rnd, u, roster, 'header') : null;
    const fileName = rnd.chance(0.7) ? writeName(rnd, u, roster, 'file') : null;
    // A sheet name copied from another unit's file, under a header that names the author.
    const copied = header?.identifies && rnd.chance(0.15) ? rnd.pick(roster.filter((o) => o !== u)) : null;
    const sheetName = copied ? writeName(rnd, copied, roster, 'sheet') : rnd.chance(0.3) ? writeName(rnd, u, roster, 'sheet') : null;
    const identified = !!(header?.identifies || (!copied && (sheetName?.identifies || fileName?.identifies)));
    const file = uniqueName(`${fileName?.text ?? `bao-cao-${set.files.length + 1}`}.xlsx`, usedFileNames);
    const template = rnd.pick(TEMPLATES);
    const upper = rnd.pick(['QUẬN ỦY QUẬN 5', 'ĐẢNG BỘ THỊ XÃ ' + rnd.pick(roster).core.toUpperCase(), 'HUYỆN ỦY ' + strip(rnd.pick(roster).core).toUpperCase(), 'ĐẢNG CỘNG SẢN VIỆT NAM']);
    const sheet = template.sheet({
      upper,
      unitLine: header?.text ?? 'BÁO CÁO CÔNG TÁC DÂN VẬN',
      title: period.title,
      dateLine: `ngày ${rnd.int(10, 28)} tháng ${period.month} năm 2023`,
      figures,
      withHnd: !inAssociation || rnd.chance(0.3),
      sheetName: sheetName?.text.slice(0, 31) ?? rnd.pick(['Biểu 01', 'Sheet1', 'BC']),
    });
    set.files.push({ name: file, bytes: await xlsx([sheet]) });
    set.authors.push({ file, sheet: sheet.name, cell: null, unit: identified ? u.name : null });
    if (planted && identified) set.planted.push({ unit: u.name, ...planted });
    if (inAssociation) {
      const cell = writeName(rnd, u, roster, 'cell');
      assocRows.push({ name: cell.text, identifies: cell.identifies, hv: figures.HND_HV as number, kn: figures.HND_KN as number, unit: u.name });
    }
  }
  if (assocRows.length >= 2) {
    const { spec, firstRow } = associationTable(rnd, assocRows, `BẢNG TỔNG HỢP HỘI VIÊN ${period.title.replace(/^BÁO CÁO KẾT QUẢ (THỰC HIỆN CHỈ TIÊU )?/, '')}`);
    const file = 'Hoi Nong dan - tong hop.xlsx';
    set.files.push({ name: file, bytes: await xlsx([spec]) });
    assocRows.forEach((r, i) => set.authors.push({ file, sheet: spec.name, cell: `B${firstRow + i}`, unit: r.identifies ? r.unit : null }));
  }
  return set;
}

function uniqueName(name: string, used: Set<string>): string {
  let n = name;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = name.replace(/\.xlsx$/, ` (${i}).xlsx`);
  used.add(n.toLowerCase());
  return n;
}

export async function generateCorpus(seeds: number[]): Promise<CorpusSet[]> {
  const out: CorpusSet[] = [];
  for (const s of seeds) out.push(await generateSet(s));
  return out;
}
