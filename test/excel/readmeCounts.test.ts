// The README's table of syncs and the literal numbers the adapter tests assert are the same.
import fs from 'fs';
import path from 'path';
import { README_SYNCS } from './readmeCounts';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The "syncs when it fits one request" cell of an operation's row: its leading number. */
function tableSyncs(operation: string): number {
  const row = readme.split('\n').find((l) => l.startsWith(`| ${operation} |`));
  if (!row) throw new Error(`README has no row "${operation}"`);
  return Number(/^\d+/.exec(row.split('|')[2].trim())![0]);
}

test.each([
  ['read the workbook', README_SYNCS.read],
  ['write the rollup', README_SYNCS.write],
  ['flag the findings', README_SYNCS.flag],
  ['read the undo record', README_SYNCS.readUndo],
  ['clear the flags', README_SYNCS.clear],
])('README: %s in %i syncs', (operation, syncs) => {
  expect(tableSyncs(operation)).toBe(syncs);
});

test('README: the syncs added after a failure', () => {
  const row = (op: string) => readme.split('\n').find((l) => l.startsWith(`| ${op} |`))!;
  expect(row('write the rollup')).toContain(`plus ${README_SYNCS.writeRollback} to roll back after a failure`);
  expect(row('write the rollup')).toContain(`; ${README_SYNCS.writeAgain} over an earlier rollup (`);
  expect(row('flag the findings')).toContain(`plus ${README_SYNCS.flagRollback} to drop an unfinished undo sheet after a failure`);
});
