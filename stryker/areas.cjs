// Mutation testing (StrykerJS) per area: what each area mutates and the tests that may kill its
// mutants. Each source file is run on its own, into an incremental file of its own (shardFile),
// committed, so a later run redoes only the mutants whose code or covering tests changed.
// Run: npm run mutate -- <area> [file ...]   (scripts/mutate.js)
/** area -> files mutated, test files run, jest base config (tsconfig, environment). */
const AREAS = {
  core: {
    mutate: ['src/core/**/*.ts', '!src/core/index.ts'],
    // The engine's unit tests only: test/integration re-reads the sample workbooks in every run, and
    // with it one mutant took about 15 s on this machine (a run of src/core: days at one process).
    tests: ['<rootDir>/test/core/**/*.test.ts'],
    tsconfig: 'tsconfig.json',
  },
  cli: {
    mutate: ['src/cli/**/*.ts'],
    tests: ['<rootDir>/test/cli/**/*.test.ts'],
    tsconfig: 'tsconfig.json',
  },
  files: {
    mutate: ['src/files/**/*.ts'],
    tests: ['<rootDir>/test/files/**/*.test.ts'],
    tsconfig: 'tsconfig.json',
  },
  excel: {
    mutate: ['src/excel/**/*.ts', '!src/excel/index.ts'],
    // Without the fault injection (one test loops over 5,320 cut syncs: minutes per mutant) and
    // the request-size measurement on Office.js itself (tens of seconds): the other suites run
    // every operation on the fake host, and the score is what they kill.
    tests: ['<rootDir>/test/excel/**/*.test.ts'],
    tsconfig: 'tsconfig.addin.json',
    jest: { testPathIgnorePatterns: ['/node_modules/', '/faults\\.test\\.ts$', '/requests\\.test\\.ts$'] },
  },
  // The pane's logic; its components (pure view, src/taskpane/components) and its strings are left out.
  taskpane: {
    mutate: [
      'src/taskpane/check.ts',
      'src/taskpane/host.ts',
      'src/taskpane/language.ts',
      'src/taskpane/formats.ts',
      'src/taskpane/readers.ts',
      'src/taskpane/hooks/**/*.ts',
    ],
    tests: ['<rootDir>/test/taskpane/**/*.test.ts', '<rootDir>/test/taskpane/**/*.test.tsx'],
    tsconfig: 'tsconfig.addin.json',
    jest: {
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      setupFiles: ['<rootDir>/test/taskpane/setup.ts'],
    },
  },
};

function config(area) {
  const a = AREAS[area];
  if (!a) throw new Error(`unknown area "${area}"; one of: ${Object.keys(AREAS).join(', ')}`);
  /** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
  return {
    packageManager: 'npm',
    testRunner: 'jest',
    plugins: ['@stryker-mutator/jest-runner'],
    coverageAnalysis: 'perTest',
    // The machine is shared: one test process (run under `nice -n 10` by scripts/mutate.js).
    concurrency: 1,
    mutate: a.mutate,
    // Static mutants (constants evaluated once at load) need every test rerun for each one.
    ignoreStatic: true,
    incremental: true,
    incrementalFile: shardFile(area, null),
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
    // What the sandbox needs: sources, tests, configs; not the build output, docs or reports.
    ignorePatterns: ['/dist', '/dist-addin', '/docs', '/out', '/coverage', '/reports', '/stryker/incremental'],
    reporters: ['clear-text', 'progress', 'json', 'html'],
    jsonReporter: { fileName: `reports/mutation/${area}.json` },
    htmlReporter: { fileName: `reports/mutation/${area}.html` },
    clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
    timeoutMS: 20_000,
    // The first run of every test of the area, with coverage per test: minutes for cli and excel.
    dryRunTimeoutMinutes: 30,
    jest: {
      projectType: 'custom',
      // Only the test files that import the mutated file, then only the tests that cover the mutant.
      enableFindRelatedTests: true,
      config: {
        testEnvironment: 'node',
        testMatch: a.tests,
        testTimeout: 60_000,
        // ts-jest transpiling only (tsconfig has isolatedModules): no type check of the mutants.
        transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: a.tsconfig, diagnostics: false }] },
        // Nothing remembered across tests (src/core/memo.ts): a mutant must not hide behind a
        // result the code without it gave.
        setupFilesAfterEnv: ['<rootDir>/test/forget-memos.ts'],
        ...(a.jest || {}),
      },
    },
  };
}

/** The incremental file of one source file's runs (or of a whole-area run when file is null). */
function shardFile(area, file) {
  const name = file ? file.replace(/^src\//, '').replace(/[\\/]/g, '__') : '_area';
  return `stryker/incremental/${area}/${name}.json`;
}

module.exports = { AREAS, config, shardFile };
