#!/usr/bin/env node
// Where a run's CPU time goes, from a V8 profile (`node --cpu-prof`): each sample is given to the
// nearest project module on its stack (reading, matching, checks, planning, writing), to start-up
// when it is under module loading with no project frame below, or to garbage collection; idle
// time is left out. `node scripts/profile-summary.js <file.cpuprofile> [--top 20]`.
'use strict';
const fs = require('fs');

const GROUPS = [
  ['reading', /\/(files\/(xlsx|xml|zip|read|formats|ods|sheetjs|not-reports)|cli\/(readers|read-worker))\.js$/],
  ['writing tong-hop.xlsx and bao-cao.docx', /\/files\/(write|xlsx-writer|zip-writer|template|feedback|report-docx|docx-writer)\.js$/],
  ['writing the output folder', /\/cli\/output\.js$/],
  ['planning (rollup, report)', /\/core\/(plan[^/]*|narrative|output|result|rollup|explanations)\.js$/],
  ['checks', /\/core\/(checks|conditions|outliers|verdict|formulas|expressions|last-year|changes|period|dates|settle|numbers|rules)\.js$/],
  ['matching (tables, rows, units)', /\/core\/[^/]+\.js$/],
  ['command', /\/(cli\/[^/]+|bin\/chitieu)\.js$/],
];

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const groupOf = new Map();
  const classify = (id) => {
    if (groupOf.has(id)) return groupOf.get(id);
    const n = byId.get(id);
    const url = n.callFrame.url;
    const name = n.callFrame.functionName;
    let g = null;
    if (name === '(garbage collector)') g = 'garbage collection';
    else if (name === '(idle)') g = 'idle';
    else if (name === '(program)') g = 'other (V8, not in JavaScript)';
    else {
      for (const [label, re] of GROUPS) if (re.test(url) && !/node_modules/.test(url)) { g = label; break; }
      // The Word draft is written by the docx library in promise callbacks, with no project frame below.
      if (!g && /node_modules\/docx\//.test(url)) g = 'writing tong-hop.xlsx and bao-cao.docx';
      if (!g && /^(Module\._load|Module\._compile|Module\._resolveFilename|Module\.require|wrapSafe|compileFunction|require)$/.test(name)) g = 'start-up (loading modules)';
      if (!g) {
        const p = parent.get(id);
        g = p === undefined ? 'other' : classify(p);
      }
    }
    groupOf.set(id, g);
    return g;
  };
  const dt = prof.timeDeltas;
  const ms = new Map();
  const self = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    const t = (dt[i + 1] ?? dt[i] ?? 0) / 1000;
    const g = classify(id);
    if (g === 'idle') continue;
    total += t;
    ms.set(g, (ms.get(g) ?? 0) + t);
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules\/|dist\/)/, '$1')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + t);
  }
  console.log(`${(total / 1000).toFixed(2)} s of samples, idle left out`);
  for (const [g, t] of [...ms].sort((a, b) => b[1] - a[1])) console.log(`${(100 * t / total).toFixed(0).padStart(4)} %  ${(t / 1000).toFixed(2)} s  ${g}`);
  console.log('\nself time, top functions:');
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(100 * t / total).toFixed(1).padStart(5)} %  ${k}`);
}
main();
