#!/usr/bin/env node
// The floor of reading a bench set: read every file, inflate its sheets and shared strings with
// Node's zlib, find column E's cells and sum them. Nothing else (no model, no checks, no output).
//   /usr/bin/time node scripts/read-floor.js /tmp/chitieu-bench/170   (after npm run build:cli)
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { zipEntries } = require('../dist/src/files/zip.js');

const root = process.argv[2];
const files = [path.join(root, 'chi-tieu.xlsx'), ...fs.readdirSync(path.join(root, 'bao-cao')).sort().map((f) => path.join(root, 'bao-cao', f))];
const utf8 = new TextDecoder();
let cells = 0;
let total = 0;
for (const f of files) {
  const buf = new Uint8Array(fs.readFileSync(f));
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (const e of zipEntries(buf) ?? []) {
    if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(e.name)) continue;
    const at = e.headerOffset;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = buf.subarray(start, start + e.compressedSize);
    const xml = utf8.decode(e.method === 8 ? zlib.inflateRawSync(data) : data);
    for (const m of xml.matchAll(/<c r="E\d+"[^>]*><v>([^<]*)<\/v>/g)) {
      cells++;
      const n = Number(m[1]);
      if (Number.isFinite(n)) total += n;
    }
  }
}
console.log(`${files.length} files, ${cells} cells in column E, sum ${total}`);
