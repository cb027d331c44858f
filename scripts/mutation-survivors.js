#!/usr/bin/env node
// node scripts/mutation-survivors.js <area> > docs/mutation-<area>.md
// Prints, as Markdown, the score per file of the area's last mutation runs (from the committed
// incremental file stryker/incremental/<area>.json) and every mutant no test killed: surviving
// (covered by a test that still passed) or not covered by any test of the area. A mutant whose
// key ("file:line:column mutator") is in stryker/equivalent/<area>.json is shown with the reason
// given there (why it is equivalent: no test can tell it from the code).
'use strict';
const fs = require('fs');
const path = require('path');

const area = process.argv[2];
if (!area) {
  console.error('Cách dùng: node scripts/mutation-survivors.js <khu vực>');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const report = JSON.parse(fs.readFileSync(path.join(root, 'stryker', 'incremental', `${area}.json`), 'utf8'));
const reasonsFile = path.join(root, 'stryker', 'equivalent', `${area}.json`);
const reasons = fs.existsSync(reasonsFile) ? JSON.parse(fs.readFileSync(reasonsFile, 'utf8')) : {};
const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n\s*/g, ' ').slice(0, 80);

const rows = [];
const lines = ['| file | killed | timeout | survived | no coverage | errors | static (not run) | score | score on covered |', '|---|---|---|---|---|---|---|---|---|'];
for (const [file, f] of Object.entries(report.files).sort()) {
  const n = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, RuntimeError: 0, CompileError: 0, Ignored: 0 };
  for (const m of f.mutants) {
    n[m.status] = (n[m.status] ?? 0) + 1;
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      const key = `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
      rows.push(`| \`${key}\` | ${m.status === 'Survived' ? 'survived' : 'no coverage'} | \`${esc(m.replacement ?? '')}\` | ${reasons[key] ?? 'not yet examined'} |`);
    }
  }
  const detected = n.Killed + n.Timeout;
  const valid = detected + n.Survived + n.NoCoverage;
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + ' %' : '–');
  lines.push(`| ${file} | ${n.Killed} | ${n.Timeout} | ${n.Survived} | ${n.NoCoverage} | ${n.RuntimeError + n.CompileError} | ${n.Ignored} | ${pct(detected, valid)} | ${pct(detected, detected + n.Survived)} |`);
}
console.log(lines.join('\n'));
console.log('\n| mutant | status | replaced by | why it lives |\n|---|---|---|---|');
console.log(rows.join('\n'));
