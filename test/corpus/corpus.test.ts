// The corpus of report sets with traps (generate.ts), checked as the command line checks them.
// Zero wrong attributions, zero roster refusals, every identifiable report attributed, every
// planted finding found. `npm run corpus` runs more sets (CORPUS_SETS=n) and prints the figures.
import { CorpusSet, generateCorpus } from './generate';
import { Score, runSet, score, total } from './score';

const SETS = Math.max(1, Number(process.env.CORPUS_SETS ?? '12'));
const SEEDS = Array.from({ length: SETS }, (_, i) => 1000 + i);

let sets: CorpusSet[];
let scores: Score[];

beforeAll(async () => {
  sets = await generateCorpus(SEEDS);
  scores = [];
  for (const s of sets) scores.push(score(s, await runSet(s)));
}, 600_000);

afterAll(() => {
  if (!process.env.CORPUS_PRINT || !scores) return;
  const t = total(scores);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
  process.stdout.write(
    [
      `Corpus: ${SETS} sets (seeds ${SEEDS[0]}–${SEEDS[SEEDS.length - 1]}), ${sets.reduce((a, s) => a + s.files.length, 0)} files, ${t.reports} reports and table rows, ${sets.reduce((a, s) => a + s.roster.length, 0)} roster units`,
      `  attributed to their author: ${t.correct}/${t.reports} (${pct(t.correct, t.reports)})`,
      `  wrong attributions: ${t.wrong.length}`,
      `  identifiable but left unknown: ${t.missed.length}`,
      `  roster rows refused: ${t.rosterRefusals}`,
      `  planted findings found (recall): ${t.found}/${t.planted} (${pct(t.found, t.planted)})`,
      `  units sending only an unreadable file shown as unreadable: ${t.unreadableRight}/${t.unreadable}`,
      ...t.wrong.map((w) => `  WRONG ${w}`),
      ...t.missed.map((w) => `  missed ${w}`),
      ...t.lost.map((w) => `  lost ${w}`),
      '',
    ].join('\n'),
  );
});

describe(`the corpus (${SETS} sets)`, () => {
  test('holds the traps it is meant to', () => {
    const files = sets.flatMap((s) => s.files);
    expect(files.filter((f) => f.error).length).toBeGreaterThanOrEqual(SETS / 3);
    expect(sets.filter((s) => s.roster.some((u) => /^Phường \d+$/.test(u))).length).toBeGreaterThan(0);
    expect(sets.filter((s) => s.roster.includes('Phường Tân Thạnh') || s.roster.includes('Xã Tân Thạnh') || s.roster.some((u) => /Thạnh|Hóa|Hùng/.test(u))).length).toBeGreaterThan(0);
    expect(sets.flatMap((s) => s.authors).filter((a) => a.cell !== null).length).toBeGreaterThan(SETS);
    expect(sets.flatMap((s) => s.authors).filter((a) => a.unit === null).length).toBeGreaterThan(0);
    expect(total(scores).planted).toBeGreaterThan(SETS * 3);
  });

  test('no report or row is credited to a unit other than its author', () => {
    expect(total(scores).wrong).toEqual([]);
  });

  test('no valid roster row is refused', () => {
    expect(total(scores).rosterRefusals).toBe(0);
  });

  test('every report whose author is identifiable is attributed to it', () => {
    expect(total(scores).missed).toEqual([]);
  });

  test('every planted finding is found, and units whose file could not be read are "unreadable"', () => {
    const t = total(scores);
    expect(t.lost).toEqual([]);
    expect(t.unreadableRight).toBe(t.unreadable);
  });
});
