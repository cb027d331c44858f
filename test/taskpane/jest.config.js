// The task pane without a browser: its logic and the Office-backed host on the fake Excel host
// (node), and its components under jsdom with a fake PaneHost (files marked @jest-environment jsdom).
// Run: npx jest --config test/taskpane/jest.config.js
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/taskpane'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // jsdom would resolve packages for the browser (ESM builds jest cannot load); the pane's
  // components only need the DOM, their dependencies can stay the Node builds.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  setupFiles: ['<rootDir>/test/taskpane/setup.ts'],
  // A whole check of the six samples, then a rollup over the fake Excel host, renders twice under
  // jsdom: a few seconds on a quiet machine, more on a busy one. A time limit, not a timing claim.
  testTimeout: 30_000,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.addin.json' }] },
};
