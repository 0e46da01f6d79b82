#!/usr/bin/env node
// node subgraphs/directory/bin/conformance.js --url <member GraphQL URL> [--contract schema/registry.graphql] [--siren <SIREN>]
require('../../kit/bin/register');
const { runConformanceCli } = require('../src/conformance/cli');

runConformanceCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(2);
  },
);
