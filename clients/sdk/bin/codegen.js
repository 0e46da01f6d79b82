#!/usr/bin/env node
// Regenerates clients/sdk/src/generated from schema/supergraph.graphql and schema/operations.
// Usage: node clients/sdk/bin/codegen.js [--out <dir>]
require('../../../subgraphs/kit/bin/register');
require('../src/codegen/runCodegen').main(process.argv.slice(2));
