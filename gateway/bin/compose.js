#!/usr/bin/env node
// `npm run compose`: rover.yaml → schema/supergraph.graphql (`--check` fails when it is stale).
require('../../subgraphs/kit/bin/register');
const { runComposeCli } = require('../src/compose/runComposeCli');

process.exitCode = runComposeCli(process.argv.slice(2));
