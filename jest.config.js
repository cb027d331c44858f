/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // A time limit, not a timing claim: the default 5 s fails tests on a busy machine.
  testTimeout: 60_000,
  // The add-in's tests run under their own config (DOM types, JSX).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp/', '<rootDir>/test/excel/', '<rootDir>/test/e2e/', '<rootDir>/test/taskpane/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
