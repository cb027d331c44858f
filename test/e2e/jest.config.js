// The task pane end to end: builds it with the fake office.js, serves it on 127.0.0.1 and drives
// it in headless Chromium (Debian's package, through playwright-core).
// Run: npx jest --config test/e2e/jest.config.js
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120_000,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.addin.json' }] },
};
