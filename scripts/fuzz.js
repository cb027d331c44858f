#!/usr/bin/env node
// npm run fuzz -- --minutes N [--scale S]
// Runs the fuzz and metamorphic properties (test/robust) again and again with fresh random seeds
// until N minutes have passed, and prints every failure as a line for test/robust/seeds.ts.
// Exit code 0 when nothing failed, 1 when something did.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`--${name} cần một số dương (nhận được "${process.argv[i + 1]}")`);
    process.exit(2);
  }
  return v;
}

const minutes = option('minutes', 10);
const scale = option('scale', 1);
const PROPERTIES = [
  [/^generated report sheets/, 'generatedSampleRules'],
  [/^generated rules workbooks/, 'generatedRules'],
  [/^mutations of the six/, 'mutatedSamples'],
];

/** Failures in one Jest run's output: the test's title, the seed, the cases run, the cause. */
function failures(output) {
  const found = [];
  for (const block of output.split(/\n\s*● /).slice(1)) {
    const title = block.split('\n')[0].split(' › ').pop().trim();
    const seed = /\{ seed: (-?\d+), path: "([^"]*)"/.exec(block);
    if (!seed) {
      found.push({ title, text: block.split('\n').slice(0, 12).join('\n') });
      continue;
    }
    const runs = /Property failed after (\d+) tests/.exec(block);
    const cause = /Cause:\s*\n\s*(.+)/.exec(block);
    const property = PROPERTIES.find(([re]) => re.test(title));
    found.push({ title, seed: Number(seed[1]), path: seed[2], runs: runs ? Number(runs[1]) : null, cause: cause ? cause[1].trim() : '', property: property && property[1] });
  }
  return found;
}

const root = path.join(__dirname, '..');
const jest = require.resolve('jest/bin/jest', { paths: [root] });
const until = Date.now() + minutes * 60_000;
let rounds = 0;
const all = [];
while (Date.now() < until) {
  rounds++;
  const run = spawnSync(process.execPath, [jest, 'test/robust', '--silent', '--ci'], {
    cwd: root,
    env: { ...process.env, FUZZ_SEED: 'random', FUZZ_SCALE: String(scale) },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const found = failures(output);
  if (run.status !== 0 && found.length === 0) found.push({ title: 'jest', text: output.slice(-3000) });
  all.push(...found);
  const left = Math.max(0, Math.round((until - Date.now()) / 60_000));
  console.log(`Lượt ${rounds}: ${found.length ? `${found.length} lỗi` : 'không có lỗi'} (còn khoảng ${left} phút)`);
}

if (all.length === 0) {
  console.log(`Sau ${rounds} lượt với hạt giống ngẫu nhiên (${minutes} phút, quy mô ${scale}): không tìm thấy lỗi nào.`);
  process.exit(0);
}
console.log(`\n${all.length} lỗi. Thêm vào test/robust/seeds.ts (và giữ đầu vào đã rút gọn thành một bài kiểm tra):`);
for (const f of all) {
  if (f.property && f.runs) console.log(`  { property: '${f.property}', seed: ${f.seed}, runs: ${f.runs}, found: ${JSON.stringify(f.cause.slice(0, 160))} },`);
  else if (f.seed !== undefined) console.log(`  // ${f.title}: seed ${f.seed}, path "${f.path}" – ${f.cause.slice(0, 160)}`);
  else console.log(`  // ${f.title}:\n${f.text}`);
}
process.exit(1);
