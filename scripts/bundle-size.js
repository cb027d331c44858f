#!/usr/bin/env node
// The pane's first load, after `npm run build`: the JavaScript taskpane.html loads before the
// user does anything (guard.js and the taskpane entry), gzip-compressed as a server sends it,
// against the 250 KB aim; and the chunks loaded on demand. Exit code 1 when over the aim.
// `npm run build && node scripts/bundle-size.js`
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DIR = path.join(__dirname, '..', 'dist-addin');
const AIM_KB = 250;

const html = fs.readFileSync(path.join(DIR, 'taskpane.html'), 'utf8');
// Minified HTML may leave attribute values unquoted.
const initial = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]).filter((src) => !/^https?:/.test(src)).map((src) => path.basename(src));
const all = fs.readdirSync(DIR).filter((f) => f.endsWith('.js') && f !== 'help.js');
const size = (f) => {
  const bytes = fs.readFileSync(path.join(DIR, f));
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1);
let initialGzip = 0;
for (const f of all) {
  const s = size(f);
  const first = initial.includes(f);
  if (first) initialGzip += s.gzip;
  process.stdout.write(`${first ? 'first load' : 'on demand '}  ${f.padEnd(18)} ${kb(s.raw).padStart(7)} KB  ${kb(s.gzip).padStart(6)} KB gzip\n`);
}
const ok = initialGzip <= AIM_KB * 1024;
process.stdout.write(`first load: ${kb(initialGzip)} KB gzip (aim ≤ ${AIM_KB} KB): ${ok ? 'met' : 'NOT met'}\n`);
process.exit(ok ? 0 : 1);
