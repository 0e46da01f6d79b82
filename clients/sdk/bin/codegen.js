#!/usr/bin/env node
// bibia-codegen (`npm run codegen`): regenerates clients/sdk/src/generated from schema/supergraph.graphql
// and schema/operations.
require('../../../packages/core/bin/register');
const { Command } = require('commander');
const { version } = require('../package.json');

const { out } = new Command('bibia-codegen')
  .description('Regenerates the typed SDK (clients/sdk/src/generated) from schema/supergraph.graphql and schema/operations.')
  .version(version, '-V, --version')
  .option('--out <dir>', 'output directory (default clients/sdk/src/generated)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse()
  .opts();
require('../src/codegen/runCodegen').main(out ? ['--out', out] : []);
