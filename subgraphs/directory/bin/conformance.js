#!/usr/bin/env node
// bibia-conformance --url <member GraphQL URL> [--contract schema/registry.graphql] [--siren <SIREN>] [--timeout <ms>]
require('../../../packages/core/bin/register');
const { runConformanceCli } = require('../src/conformance/cli');

runConformanceCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(2);
  },
);
