// How many generated cases each fuzz property runs, and with which seed. Kept apart from the test
// file so the README (and anyone else) can import the total without running anything.
//
// Seeds: by default every property runs with its own fixed seed, so a CI run is reproducible
// and a failure reported by CI can be replayed exactly. Locally:
//   FUZZ_SEED=random npx jest test/robust     a fresh seed per property (printed on failure
//                                              by fast-check, together with the failing path)
//   FUZZ_SEED=123456 npx jest test/robust     every property with that seed
//   FUZZ_SCALE=10 npx jest test/robust        ten times the cases (slower, deeper)
// A failure prints `{ seed: …, path: "…" }`: put them in `fc.assert(…, { seed, path })` to replay
// just the shrunk counterexample.

/** Cases per property at scale 1 (what CI runs). */
export const BASE_RUNS = {
  /** Generated report sheets (both layouts, junk sheets) against the sample rules. */
  generatedSampleRules: 1000,
  /** Generated rules workbooks with generated reports against them. */
  generatedRules: 800,
  /** Mutations of the six bundled sample reports, against the sample rules. */
  mutatedSamples: 500,
  /** Determinism: every source above, run twice in fresh sessions and once on deep clones. */
  determinism: 300,
} as const;

function scale(): number {
  const s = Number(process.env.FUZZ_SCALE ?? '1');
  return Number.isFinite(s) && s > 0 ? s : 1;
}

export const RUNS: { [K in keyof typeof BASE_RUNS]: number } = Object.fromEntries(
  Object.entries(BASE_RUNS).map(([k, v]) => [k, Math.max(1, Math.round(v * scale()))]),
) as { [K in keyof typeof BASE_RUNS]: number };

/**
 * Generated cases the fuzz suite runs in CI (scale 1): 2,600. Each case is one whole check
 * (rules read, one to five workbooks added, finish, result JSON, output plan); a determinism
 * case runs four (its own three times, one unrelated in between). Keep this figure in step with
 * BASE_RUNS (a test asserts it).
 */
export const FUZZ_CASES = 2600;

/** The fixed seed of a property, or the one FUZZ_SEED asks for. */
export function seedFor(fixed: number): number {
  const env = process.env.FUZZ_SEED;
  if (!env) return fixed;
  if (env === 'random') return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const n = Number(env);
  return Number.isInteger(n) ? n : fixed;
}

/** Cases per metamorphic relation (./metamorphic.test.ts), scaled by FUZZ_SCALE like the rest. */
export const RUNS_METAMORPHIC = Math.max(1, Math.round(60 * scale()));
