#!/usr/bin/env node
// bibia-gateway: the national GraphQL endpoint. Options: --help, and docs/configuration.md.
require('../../packages/core/bin/register');
const { parseCommandLine } = require('../src/config');

try {
  // --help, --version and usage errors are answered before the server code loads.
  parseCommandLine(process.argv);
  require('../src/index')
    .main(process.argv)
    .catch(fail);
} catch (err) {
  fail(err);
}

function fail(err) {
  // A configuration error is one line (exit 2); anything else is a bug worth its stack.
  console.error(`bibia-gateway: ${err?.exitCode === 2 ? err.message : (err?.stack ?? err)}`);
  process.exit(err?.exitCode ?? 1);
}
