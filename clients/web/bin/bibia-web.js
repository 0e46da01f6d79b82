#!/usr/bin/env node
// bibia-web: the catalogue page on its own. Options: --help, and docs/configuration.md.
require('../../../packages/core/bin/register');
try {
  require('../src/main').main(process.argv).catch(fail);
} catch (err) {
  fail(err);
}

function fail(err) {
  // A configuration error is one line (exit 2); anything else is a bug worth its stack.
  console.error(`bibia-web: ${err?.exitCode === 2 ? err.message : (err?.stack ?? err)}`);
  process.exit(err?.exitCode ?? 1);
}
