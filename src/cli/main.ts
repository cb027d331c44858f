// The `chitieu` command: check a folder of units' reports against the rules workbook and write
// the rollup workbook, the draft report (bao-cao.docx) and ket-qua.json. Exit 0: no error
// findings; 1: some; 2: could not run.
import { promises as fs } from 'fs';
import path from 'path';
import { CheckSession, PreviousResultError, RulesError, compareChecks, exitCodeFor, planOutput, readPrevious, readRules, toResultJson } from '../core';
import { Feedback, planFeedback } from '../core/plan-feedback';
import { draftReport } from '../core/narrative';
import { writeReportDocx } from '../files/report-docx';
import { writeFeedbackFile } from '../files/feedback';
import type { CheckResult, Finding, Rules } from '../core';
import { isNotAReport } from '../files/not-reports';
import { planTemplates } from '../core/plan-template';
import { GENERIC_TEMPLATE, templateBytes, templateFileNames } from '../files/template';
import { ReadError, readWorkbookBuffer } from '../files/read';
import { writeWorkbookFile } from '../files/write';
import { uniqueFileNames } from './names';
import { OutputFile, writeOutputs } from './output';
import { Progress, startProgress } from './progress';
import { InputFile, defaultJobs, readAll } from './readers';
import { printSummary } from './summary';

export const USAGE = `Cách dùng:
  chitieu check --rules <chi-tieu.xlsx> --out <thư mục> <tệp hoặc thư mục>...

  --rules <tệp>   tệp chỉ tiêu (trang "Chỉ tiêu", "Kiểm tra chéo", "Đơn vị")
  --out <thư mục> nơi ghi tong-hop.xlsx, bao-cao.docx (dự thảo báo cáo) và ket-qua.json (tạo nếu chưa có)
  --quiet         không in bảng tóm tắt
  --no-progress   không hiện thanh tiến độ
  --jobs <n>      số luồng đọc tệp song song (mặc định: số lõi CPU khi có nhiều tệp)
  --phan-hoi      ghi thêm <thư mục>/phan-hoi/<tên đơn vị>.xlsx: phiếu phản hồi cho mỗi đơn vị
                  có phát hiện, chưa gửi hoặc gửi tệp không đọc được
  --co-quan <tên> tên cơ quan in ở đầu phiếu phản hồi ("Ban Dân vận Thị ủy Hòa Bình")
  --so-sanh <tệp> so với ket-qua.json của lần kiểm tra trước: phát hiện mới, đã sửa, số liệu thay đổi

  chitieu mau --rules <chi-tieu.xlsx> --out <thư mục> [--co-quan <tên>]

  ghi biểu mẫu cho kỳ tới: một tệp cho mỗi đơn vị trong trang "Đơn vị" (hoặc một tệp
  bieu-mau.xlsx khi không có danh sách đơn vị); chitieu đọc lại đúng từng dòng theo mã chỉ tiêu

Mã thoát: 0 không có lỗi, 1 có phát hiện mức "Lỗi", 2 không chạy được.`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  isTTY: !!process.stderr.isTTY,
};

export interface Args {
  rules: string;
  out: string;
  inputs: string[];
  quiet: boolean;
  progress: boolean;
  /** Worker threads reading files; undefined: one per core when there are many files. */
  jobs?: number;
  /** Write a feedback file per unit into <out>/phan-hoi. */
  feedback: boolean;
  /** The office's name at the top of each feedback file. */
  office?: string;
  /** An earlier ket-qua.json to compare with. */
  compareWith?: string;
}

class UsageError extends Error {}

export interface TemplateArgs {
  rules: string;
  out: string;
  office?: string;
}

/** `chitieu mau --rules <tệp> --out <thư mục> [--co-quan <tên>]`. */
function parseTemplateArgs(rest: string[]): TemplateArgs {
  const args: TemplateArgs = { rules: '', out: '' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag !== '--rules' && flag !== '--out' && flag !== '--co-quan') throw new UsageError(a.startsWith('--') ? `Tùy chọn không biết: "${a}".` : `Lệnh mau không nhận tệp báo cáo ("${a}").`);
    const v = inline ?? rest[++i];
    if (!v) throw new UsageError(`Thiếu giá trị sau ${flag}.`);
    if (flag === '--rules') args.rules = v;
    else if (flag === '--out') args.out = v;
    else args.office = v;
  }
  if (!args.rules) throw new UsageError('Thiếu --rules <tệp chỉ tiêu>.');
  if (!args.out) throw new UsageError('Thiếu --out <thư mục ghi biểu mẫu>.');
  return args;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `Lệnh không biết: "${command}".` : 'Thiếu lệnh.');
  const args: Args = { rules: '', out: '', inputs: [], quiet: false, progress: true, feedback: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--rules' || a === '--out') {
      const v = rest[++i];
      if (!v) throw new UsageError(`Thiếu giá trị sau ${a}.`);
      if (a === '--rules') args.rules = v;
      else args.out = v;
    } else if (a.startsWith('--rules=')) args.rules = a.slice(8);
    else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--phan-hoi') args.feedback = true;
    else if (a === '--co-quan' || a === '--so-sanh') {
      const v = rest[++i];
      if (!v) throw new UsageError(`Thiếu giá trị sau ${a}.`);
      if (a === '--co-quan') args.office = v;
      else args.compareWith = v;
    } else if (a.startsWith('--co-quan=')) args.office = a.slice(10);
    else if (a.startsWith('--so-sanh=')) args.compareWith = a.slice(10);
    else if (a === '--no-progress') args.progress = false;
    else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const v = a === '--jobs' ? rest[++i] : a.slice(7);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs cần một số nguyên từ 1 đến 64 (đã ghi "${v ?? ''}").`);
      args.jobs = n;
    }
    else if (a.startsWith('--')) throw new UsageError(`Tùy chọn không biết: "${a}".`);
    else args.inputs.push(a);
  }
  if (!args.rules) throw new UsageError('Thiếu --rules <tệp chỉ tiêu>.');
  if (!args.out) throw new UsageError('Thiếu --out <thư mục kết quả>.');
  if (args.inputs.length === 0) throw new UsageError('Thiếu tệp hoặc thư mục báo cáo cần kiểm tra.');
  return args;
}

/** Files a computer makes by itself in a folder (hidden files, Windows' thumbnails and settings). */
const SYSTEM_FILE = /^(\.|thumbs\.db$|desktop\.ini$)/i;
/** Report files under the inputs, sorted so every run sees them in the same order; `skipped` the files that are not reports. */
export async function listInputs(inputs: string[], exclude: string[], skipped: string[] = []): Promise<Array<{ full: string; name: string }>> {
  const out: Array<{ full: string; name: string }> = [];
  const skip = new Set(exclude.map((p) => path.resolve(p)));
  const walk = async (dir: string, base: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skip.has(path.resolve(full))) await walk(full, base);
      } else if (isNotAReport(e.name)) {
        skipped.push(path.relative(base, full).split(path.sep).join('/'));
      } else if (!SYSTEM_FILE.test(e.name) && !skip.has(path.resolve(full))) {
        // Every other file is read: a PDF or Word file a unit sent instead of its workbook is
        // named as such, and the unit its name gives is "unreadable", never "not sent".
        out.push({ full, name: path.relative(base, full).split(path.sep).join('/') });
      }
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch {
      throw new UsageError(`Không tìm thấy "${input}".`);
    }
    if (st.isDirectory()) await walk(input, input);
    else if (isNotAReport(input)) skipped.push(path.basename(input));
    else if (!skip.has(path.resolve(input))) out.push({ full: input, name: path.basename(input) });
  }
  return out;
}

/** The rules workbook read, or null with the reason said (exit 2). */
async function loadRules(file: string, io: CliIo): Promise<{ buf: Uint8Array; rules: Rules; problems: Finding[] } | null> {
  let buf: Uint8Array;
  try {
    buf = await fs.readFile(file);
  } catch {
    io.err(`Không đọc được tệp chỉ tiêu "${file}" (không có tệp hoặc không có quyền đọc).`);
    return null;
  }
  try {
    const { rules, problems } = readRules(await readWorkbookBuffer(buf, path.basename(file)));
    if (rules.indicators.length === 0) {
      io.err(`Tệp chỉ tiêu "${file}": trang "Chỉ tiêu" không có chỉ tiêu nào đọc được.`);
      for (const p of problems) io.err('  ' + p.message);
      return null;
    }
    return { buf, rules, problems };
  } catch (e) {
    if (e instanceof ReadError || e instanceof RulesError) {
      io.err(e.message.replace(/^Tệp "/, 'Tệp chỉ tiêu "'));
      return null;
    }
    throw e;
  }
}

export { GENERIC_TEMPLATE };
/** The list of templates a run wrote, so the next run knows them for its own (a unit may have left the roster). */
export const TEMPLATE_LIST = 'bieu-mau.json';

/** `chitieu mau`: a template per roster unit (or one for any unit), written whole or not at all. */
export async function runTemplates(args: TemplateArgs, io: CliIo): Promise<number> {
  if (!(await outIsFolder(args.out, io))) return 2;
  const loaded = await loadRules(args.rules, io);
  if (!loaded) return 2;
  for (const p of loaded.problems) io.err(p.message);
  const templates = planTemplates(loaded.rules, { office: args.office });
  const names = templateFileNames(templates);
  const earlier = await earlierTemplates(args.out);
  const list = JSON.stringify({ period: loaded.rules.period.label, files: names.map((name, i) => ({ name, unit: templates[i].unit })) }, null, 2) + '\n';
  await writeOutputs(
    args.out,
    [...templates.map((t, i): OutputFile => ({ name: names[i], write: async (file) => fs.writeFile(file, await templateBytes(t)) })), { name: TEMPLATE_LIST, write: (file) => fs.writeFile(file, list) }],
    earlier,
  );
  // Where the folder holds the office's own files too, it is not swapped whole: the earlier
  // run's templates for units no longer in the roster are removed once the new ones are in place.
  for (const stale of earlier.filter((n) => !names.includes(n))) await fs.rm(path.join(args.out, stale), { force: true });
  io.out(`Đã ghi ${templates.length} biểu mẫu (${loaded.rules.period.label}) vào ${args.out}.`);
  return 0;
}

/** The template files an earlier run listed in the folder; names only, never a path. */
async function earlierTemplates(out: string): Promise<string[]> {
  try {
    const json = JSON.parse(await fs.readFile(path.join(out, TEMPLATE_LIST), 'utf8')) as { files?: Array<{ name?: unknown }> };
    return (json.files ?? []).map((f) => f?.name).filter((n): n is string => typeof n === 'string' && /\.xlsx$/i.test(n) && !/[\\/]/.test(n) && !n.startsWith('.'));
  } catch {
    return [];
  }
}

/**
 * `--out` names a folder, or where one will be made: a file there (a unit's report, the rules
 * workbook) is refused rather than replaced by the folder of results.
 */
async function outIsFolder(out: string, io: CliIo): Promise<boolean> {
  const st = await fs.stat(out).catch(() => null);
  if (!st || st.isDirectory()) return true;
  io.err(`"${out}" là một tệp, không phải thư mục: --out cần một thư mục để ghi kết quả. Không ghi gì, tệp "${out}" giữ nguyên.`);
  return false;
}

export async function runCheck(args: Args, io: CliIo): Promise<{ code: number; result?: CheckResult }> {
  if (!(await outIsFolder(args.out, io))) return { code: 2 };
  const loaded = await loadRules(args.rules, io);
  if (!loaded) return { code: 2 };
  const rulesBuf = loaded.buf;
  const session = new CheckSession(loaded.rules, loaded.problems);
  const previous = args.compareWith ? await readPreviousCheck(args.compareWith, io) : null;
  const skipped: string[] = [];
  // The output folder may be one of the inputs: what this command writes there is never read as a report.
  const own = [args.out, ...[OUTPUT_XLSX, OUTPUT_JSON, REPORT_DOCX, FEEDBACK_DIR].map((n) => path.join(args.out, n))];
  const files = await listInputs(args.inputs, [args.rules, ...own], skipped);
  if (skipped.length) io.out(`Bỏ qua ${skipped.length} tệp không phải báo cáo (tệp khóa của Excel hoặc LibreOffice, tệp phụ của macOS): ${skipped.join(', ')}.`);
  if (files.length === 0) {
    io.err(`Không có tệp báo cáo nào (.xlsx, .xls, .ods, .xlsb) trong ${args.inputs.map((i) => `"${i}"`).join(', ')}.`);
    return { code: 2 };
  }
  const progress: Progress = startProgress(files.length, args.progress && io.isTTY && files.length >= 10);
  const threads = await readAll(files, rulesBuf, path.basename(args.rules), session.reader, { jobs: args.jobs ?? defaultJobs(), force: args.jobs !== undefined }, (f, outcome) => {
    if ('error' in outcome) session.addFileError(f.name, outcome.error);
    else session.addReading(outcome.reading);
    progress.tick(f.name);
  });
  progress.stop();
  if (threads > 1) io.out(`Đã đọc ${files.length} tệp bằng ${threads} luồng song song.`);
  const result = session.finish();
  if (previous) result.changes = compareChecks(previous, path.basename(args.compareWith!), result);
  const json = JSON.stringify(toResultJson(result), null, 2) + '\n';
  const outputs: OutputFile[] = [
    { name: OUTPUT_XLSX, write: (file) => writeWorkbookFile(planOutput(result), file) },
    { name: REPORT_DOCX, write: (file) => writeReportDocx(draftReport(result), file) },
    { name: OUTPUT_JSON, write: (file) => fs.writeFile(file, json) },
  ];
  const feedback = args.feedback ? planFeedback(result, { office: args.office }) : [];
  if (args.feedback) outputs.splice(1, 0, { name: FEEDBACK_DIR, write: (dir) => writeFeedbackFolder(dir, feedback, files) });
  await writeOutputs(args.out, outputs, [FEEDBACK_DIR]);
  if (!args.quiet) printSummary(result, io.out);
  io.out(`Đã ghi ${path.join(args.out, 'tong-hop.xlsx')}, ${path.join(args.out, REPORT_DOCX)} (dự thảo báo cáo) và ${path.join(args.out, 'ket-qua.json')}.`);
  if (args.feedback) io.out(`Đã ghi ${feedback.length} phiếu phản hồi vào ${path.join(args.out, FEEDBACK_DIR)}.`);
  return { code: exitCodeFor(result), result };
}

/** The earlier check to compare with, read before anything is written (it may be in the output folder). */
async function readPreviousCheck(file: string, io: CliIo): Promise<ReturnType<typeof readPrevious> | null> {
  try {
    return readPrevious(JSON.parse(await fs.readFile(file, 'utf8')), path.basename(file));
  } catch (e) {
    const why = e instanceof PreviousResultError ? e.message : e instanceof SyntaxError ? `Tệp "${file}" không phải JSON đọc được.` : `Không đọc được tệp "${file}".`;
    io.err(`${why} Vẫn kiểm tra như thường, không so sánh với lần trước.`);
    return null;
  }
}

export const FEEDBACK_DIR = 'phan-hoi';
/** The draft narrative report, written beside the rollup. */
export const REPORT_DOCX = 'bao-cao.docx';
export const OUTPUT_XLSX = 'tong-hop.xlsx';
export const OUTPUT_JSON = 'ket-qua.json';

/** One feedback file per unit, named after it, with a marked copy of the report it sent. */
async function writeFeedbackFolder(dir: string, feedback: Feedback[], files: InputFile[]): Promise<void> {
  await fs.mkdir(dir);
  const names = uniqueFileNames(
    feedback.map((f) => f.unit),
    '.xlsx',
  );
  const byName = new Map(files.map((f) => [f.name, f.full]));
  for (let i = 0; i < feedback.length; i++) {
    const fb = feedback[i];
    const full = fb.report ? byName.get(fb.report.file) : undefined;
    await writeFeedbackFile(fb, full ? new Uint8Array(await fs.readFile(full)) : null, path.join(dir, names[i]));
  }
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    if (argv[0] === 'mau') return await runTemplates(parseTemplateArgs(argv.slice(1)), io);
    return (await runCheck(parseArgs(argv), io)).code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(USAGE);
      return 2;
    }
    io.err(`Không chạy được: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
