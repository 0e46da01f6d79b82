#!/usr/bin/env node
// bibia-hub-key --out <file>: makes the hub signing key (docs/partners.md).
require('../../../packages/core/bin/register');
const { runHubKeyCli } = require('../src/partner/hubKeyCli');

runHubKeyCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`bibia-hub-key: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
