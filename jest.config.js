// One jest run for the whole workspace. TypeScript is compiled by swc (decorator metadata
// included, dynamic import() kept so ESM-only packages load); type checking is `npm run typecheck`.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/clients', '<rootDir>/tests', '<rootDir>/ops'],
  testMatch: ['**/__tests__/**/*.test.ts', '**/test/**/*.test.ts', '<rootDir>/tests/e2e/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // Generous: a whole hub starts in-process in some suites, and CI machines are small.
  testTimeout: 120_000,
  maxWorkers: 2,
};
