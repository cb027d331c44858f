#!/usr/bin/env node
// Makes test/fixtures/converted/: the sample reports (examples/bao-cao) as other programs save
// them, so a test can check they give exactly the originals' findings without those programs.
//   libreoffice-xls, -ods, -xlsx: soffice --headless --convert-to (LibreOffice Calc)
//   openpyxl-xlsx: load and save with openpyxl (/usr/bin/python3); keeps formulas, drops their results
//   sheetjs-xlsx, sheetjs-xlsb: read and write with SheetJS (@e965/xlsx)
// Usage: node scripts/convert-samples.js   (needs soffice and python3 with openpyxl)
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const XLSX = require('@e965/xlsx');

const root = path.join(__dirname, '..');
const src = path.join(root, 'examples', 'bao-cao');
const out = path.join(root, 'test', 'fixtures', 'converted');
const samples = fs.readdirSync(src).filter((f) => f.endsWith('.xlsx')).sort();

function fresh(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function libreoffice(format) {
  const dir = fresh(path.join(out, `libreoffice-${format}`));
  // LibreOffice will not convert .xlsx to .xlsx in place: it writes to its own folder.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const args = ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', format === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : format, '--outdir', dir];
  execFileSync('soffice', [...args, ...samples.map((f) => path.join(src, f))], { stdio: 'ignore', timeout: 300_000 });
  fs.rmSync(profile, { recursive: true, force: true });
}

function openpyxl() {
  const dir = fresh(path.join(out, 'openpyxl-xlsx'));
  const script = 'import openpyxl, sys\nfor a, b in zip(sys.argv[1::2], sys.argv[2::2]):\n    openpyxl.load_workbook(a).save(b)\n';
  execFileSync('/usr/bin/python3', ['-c', script, ...samples.flatMap((f) => [path.join(src, f), path.join(dir, f)])], { stdio: 'inherit' });
}

function sheetjs(bookType) {
  const dir = fresh(path.join(out, `sheetjs-${bookType}`));
  for (const f of samples) {
    const wb = XLSX.read(fs.readFileSync(path.join(src, f)), { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true });
    XLSX.writeFile(wb, path.join(dir, f.replace(/\.xlsx$/, `.${bookType}`)), { bookType, cellStyles: true });
  }
}

for (const format of ['xls', 'ods', 'xlsx']) libreoffice(format);
openpyxl();
sheetjs('xlsx');
sheetjs('xlsb');
for (const d of fs.readdirSync(out).sort()) console.log(`${d}: ${fs.readdirSync(path.join(out, d)).length} tệp`);
