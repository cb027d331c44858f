#!/usr/bin/env node
// node scripts/mutation-rekey.js <area> <commit> [file ...]
// The reasons a surviving mutant is equivalent are kept by "file:line:column mutator"
// (stryker/equivalent/<area>/<file>.json). Lines added or removed above a mutant move it, and its
// reason no longer finds it. After a new mutation run of a file, this moves each reason to where
// the same source line now stands: the line is looked up by its text in the source the file's
// incremental result held at <commit> (what the reasons were written against) and in the one it
// holds now. A reason whose line is gone or changed is dropped and listed: that code is new and
// must be looked at again.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { shardFile } = require('../stryker/areas.cjs');

const [area, commit, ...files] = process.argv.slice(2);
if (!area || !commit) {
  console.error('Cách dùng: node scripts/mutation-rekey.js <area> <commit> [tệp ...]');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'stryker', 'equivalent', area);

/** The source of `file` as its incremental result holds it, now or at a commit. */
function sourceIn(file, at) {
  const shard = shardFile(area, file);
  const text = at ? execFileSync('git', ['show', `${at}:${shard}`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }) : fs.readFileSync(path.join(root, shard), 'utf8');
  return JSON.parse(text).files[file].source.split('\n');
}

/** The line (1-based) of `was` holding the same text as old line `line`, nearest to it; null if none. */
function moved(line, old, now) {
  const text = old[line - 1];
  let best = null;
  now.forEach((t, i) => {
    if (t === text && (best === null || Math.abs(i + 1 - line) < Math.abs(best - line))) best = i + 1;
  });
  return best;
}

for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const file = `src/${area}/${name.replace(/\.json$/, '')}`;
  if (files.length && !files.some((f) => path.relative(root, path.resolve(f)) === file)) continue;
  const old = sourceIn(file, commit);
  const now = sourceIn(file, null);
  if (old.join('\n') === now.join('\n')) continue;
  const reasons = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const out = {};
  const dropped = [];
  for (const [key, reason] of Object.entries(reasons)) {
    const m = /^(.*?):(\d+):(\d+) (.*)$/.exec(key);
    const line = m ? moved(Number(m[2]), old, now) : null;
    if (line === null) dropped.push(key);
    else out[`${m[1]}:${line}:${m[3]} ${m[4]}`] = reason;
  }
  fs.writeFileSync(path.join(dir, name), JSON.stringify(out, null, 2) + '\n');
  console.log(`${file}: ${Object.keys(out).length} moved to where their lines now stand, ${dropped.length} dropped${dropped.length ? ' (their lines changed):\n  ' + dropped.join('\n  ') : ''}`);
}
