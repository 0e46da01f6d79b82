#!/usr/bin/env node
// bibia-index: the hub's national index. `bibia-index --help`, and docs/index.md.
require('../../../packages/core/bin/register');
require('../src/index')
  .main(process.argv)
  .catch((err) => {
    // A configuration error is one line (exit 2); anything else is a bug worth its stack.
    console.error(`bibia-index: ${err?.exitCode === 2 ? err.message : (err?.stack ?? err)}`);
    process.exit(err?.exitCode ?? 1);
  });
