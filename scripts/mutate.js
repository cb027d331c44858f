#!/usr/bin/env node
// npm run mutate -- <area> [file ...]
// Mutation testing of one area (core, cli, files, excel, taskpane) with StrykerJS, configured in
// stryker/<area>.conf.cjs. With files, only those files are mutated this time; the incremental file
// (stryker/incremental/<area>.json) keeps the results of the others, and a later run redoes only the
// mutants whose code or covering tests changed. Runs at low priority (nice 10), one test process.
// Report: reports/mutation/<area>.html and .json.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { AREAS } = require('../stryker/areas.cjs');

const [area, ...files] = process.argv.slice(2);
if (!area || !AREAS[area]) {
  console.error(`Cách dùng: npm run mutate -- <${Object.keys(AREAS).join('|')}> [tệp ...]`);
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const args = ['-n', '10', process.execPath, stryker, 'run', path.join('stryker', `${area}.conf.cjs`)];
if (files.length) args.push('--mutate', files.join(','));
const r = spawnSync('nice', args, { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
