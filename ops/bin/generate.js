#!/usr/bin/env node
// bibia-generate (`npm run generate`): regenerates every generated file of the repository
// (the steps are listed in ops/src/generate.ts).
require('../../packages/core/bin/register');
const { Command } = require('commander');
const { version } = require('../package.json');

new Command('bibia-generate')
  .description(
    'Regenerates every generated file: registry Prisma models and Prisma clients, subgraph SDLs, supergraph,\n' +
      'SDK client and labels, import-columns page. Commit what git then shows as changed.',
  )
  .version(version, '-V, --version')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse();

const { generateAll } = require('../src/generate');
try {
  generateAll();
  console.log('generate: done; commit the changes git shows, if any');
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
