// Jest config for the Excel add-in tests (to be merged into the root config later).
// Run: npx jest --config test/excel/jest.config.js
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/excel'],
  testMatch: ['**/*.test.ts'],
  // A time limit, not a timing claim: the default 5 s fails tests on a busy machine.
  testTimeout: 60_000,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.addin.json' }] },
};
