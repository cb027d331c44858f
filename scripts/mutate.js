#!/usr/bin/env node
// npm run mutate -- <area> [file ...]
// Mutation testing of one area (core, cli, files, excel, taskpane) with StrykerJS, configured in
// stryker/<area>.conf.cjs. Given files, each is mutated in a run of its own whose incremental file is
// stryker/incremental/<area>/<file>.json: results of one file never overwrite another's, so two people
// (or two branches) mutating different files merge without conflict, and a later run of a file redoes
// only the mutants whose code or covering tests changed. Without files, the whole area is run once,
// into stryker/incremental/<area>/_area.json. Runs at low priority (nice 10), one test process.
// Report: reports/mutation/<area>.html and .json (of the last run).
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { AREAS, shardFile } = require('../stryker/areas.cjs');

const [area, ...files] = process.argv.slice(2);
if (!area || !AREAS[area]) {
  console.error(`Cách dùng: npm run mutate -- <${Object.keys(AREAS).join('|')}> [tệp ...]`);
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

function run(file) {
  const args = ['-n', '10', process.execPath, stryker, 'run', path.join('stryker', `${area}.conf.cjs`)];
  args.push('--incrementalFile', shardFile(area, file));
  if (file) args.push('--mutate', file);
  return spawnSync('nice', args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

let status = 0;
for (const file of files.length ? files.map((f) => path.relative(root, path.resolve(f))) : [null]) {
  status = Math.max(status, run(file));
}
process.exit(status);
