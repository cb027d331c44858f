// Random seeds that once found a bug, replayed in every CI run: each property runs again with the
// seed for as many cases as it took to fail. `npm run fuzz -- --minutes N` prints a line to add
// here for every failure it finds. The shrunk input of each is also kept as a plain test in
// fuzz.test.ts ("engine bugs the fuzzing found"), which stays exact when the generators change;
// a seed replays whatever the generators now make of it, so it is a second net, not the first.
export type FuzzProperty = 'generatedSampleRules' | 'generatedRules' | 'mutatedSamples';

export interface FoundSeed {
  property: FuzzProperty;
  seed: number;
  /** Cases the property ran before the failure (fast-check: "Property failed after N tests"). */
  runs: number;
  found: string;
}

export const FOUND_SEEDS: readonly FoundSeed[] = [
  { property: 'generatedSampleRules', seed: 1906351470, runs: 80, found: 'a figure cell holding NaN was shown to the clerk as ghi "NaN"' },
  { property: 'generatedRules', seed: 1888766010, runs: 16, found: 'a rule whose condition cell held NaN was quoted as điều kiện "NaN"' },
  { property: 'mutatedSamples', seed: 1865630735, runs: 239, found: 'a figure cell holding -Infinity was shown as ghi "-Infinity"' },
  { property: 'generatedRules', seed: 5914114, runs: 28, found: 'a rate of 1,8e308 in a second source was scaled to Infinity% in the two-sources message' },
];
