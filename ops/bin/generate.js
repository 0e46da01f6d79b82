#!/usr/bin/env node
// `npm run generate`: regenerates every generated file of the repository (see ops/src/generate.ts).
require('../../packages/core/bin/register');
const { generateAll } = require('../src/generate');

try {
  generateAll();
  console.log('generate: done; commit the changes git shows, if any');
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
