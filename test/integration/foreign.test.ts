// Report sets built independently of the reader's code, from the domain's description only
// (test/fixtures/foreign: the sets, their truth, the scorer and the generator that wrote them).
// The command line checks each set as a user would run it; the scorer compares ket-qua.json and
// the printed summary with the truth.
import { execFileSync } from 'child_process';
import { readdirSync } from 'fs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../src/cli/main';

const ROOT = path.join(__dirname, '..', 'fixtures', 'foreign');
const SETS = readdirSync(path.join(ROOT, 'sets')).sort();

interface Scored {
  attribution: { expected: number; correct: number; wrong: number; notAttributed: number; expectedUnknown: number; unknownKeptUnknown: number };
  status: { units: number; match: number };
  totals: { expected: number; match: number; ratiosDiffer: number };
  planted: { planted: number; found: number };
  unexpectedCount: number;
  trapHitCount: number;
  verdict: { unitsNotRead: number; stdoutClaimsAllMet: boolean | null } | null;
}

test('both batches of sets are here', () => {
  expect(SETS).toHaveLength(10);
});

describe.each(SETS)('the independent set %s', (set) => {
  let scored: Scored;
  let code: number;
  beforeAll(async () => {
    const dir = path.join(ROOT, 'sets', set);
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'chitieu-foreign-'));
    const lines: string[] = [];
    code = await main(['check', '--no-progress', '--rules', path.join(dir, 'rules.xlsx'), '--out', out, path.join(dir, 'reports')], {
      out: (s) => lines.push(s),
      err: (s) => lines.push(s),
      isTTY: false,
    });
    const stdout = path.join(out, 'stdout.txt');
    await fs.writeFile(stdout, lines.join('\n'));
    scored = JSON.parse(execFileSync('node', [path.join(ROOT, 'score.js'), dir, path.join(out, 'ket-qua.json'), '--stdout', stdout, '--json']).toString());
  }, 60_000);

  test('no report or row is credited to a unit other than its author, and every identifiable one is credited', () => {
    expect(scored.attribution.wrong).toBe(0);
    expect(scored.attribution.notAttributed).toBe(0);
    expect(scored.attribution.correct).toBe(scored.attribution.expected);
    expect(scored.attribution.unknownKeptUnknown).toBe(scored.attribution.expectedUnknown);
  });

  test('every unit has the status the truth gives it (sent, unreadable, missing)', () => {
    expect(scored.status.match).toBe(scored.status.units);
  });

  test("every area total the truth predicts, and every planted finding, and nothing else that is an error or warning", () => {
    expect(scored.totals.match).toBe(scored.totals.expected);
    expect(scored.totals.ratiosDiffer).toBe(0);
    expect(scored.planted.found).toBe(scored.planted.planted);
    expect(scored.unexpectedCount).toBe(0);
    expect(scored.trapHitCount).toBe(0);
  });

  test('never says every target is met when some unit was not read; exits 1 on errors', () => {
    if (scored.verdict) expect(scored.verdict.stdoutClaimsAllMet).toBe(false);
    expect(code).toBe(1);
  });
});
