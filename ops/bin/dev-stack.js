#!/usr/bin/env node
// bibia-dev-stack (`npm start`): the whole hub on this machine. Options: --help, and docs/configuration.md.
require('../../packages/core/bin/register');
process.env.LOG_LEVEL ??= 'warn';
const { parseCommandLine } = require('../src/config');

try {
  // --help, --version and usage errors are answered before the servers' code loads.
  parseCommandLine(process.argv);
  require('../src/devStack').main(process.argv).catch(fail);
} catch (err) {
  fail(err);
}

function fail(err) {
  // A configuration error exits 2; either way one line, as `npm start` users expect.
  console.error(`bibia-dev-stack: ${err instanceof Error ? err.message : err}`);
  process.exit(err?.exitCode ?? 1);
}
