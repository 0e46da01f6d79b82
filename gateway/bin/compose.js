#!/usr/bin/env node
// bibia-compose (`npm run compose`): rover.yaml → schema/supergraph.graphql; `--check` fails when it is stale.
require('../../packages/core/bin/register');
const { Command } = require('commander');
const { version } = require('../package.json');

const program = new Command('bibia-compose')
  .description('Composes the subgraphs listed in the Rover config into the supergraph file.')
  .version(version, '-V, --version')
  .option('--check', 'write nothing; exit 1 when the file is not what composition gives')
  .option('--config <file>', 'Rover config listing the subgraphs (default rover.yaml at the repository root)')
  .option('--out <file>', 'supergraph file written (default schema/supergraph.graphql)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse();
const { check, config, out } = program.opts();
// runComposeCli keeps its own argument reading for programmatic callers; it gets only known flags.
const args = [...(check ? ['--check'] : []), ...(config ? ['--config', config] : []), ...(out ? ['--out', out] : [])];
process.exitCode = require('../src/compose/runComposeCli').runComposeCli(args);
