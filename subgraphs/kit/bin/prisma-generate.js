#!/usr/bin/env node
// Generates the Prisma client of each subgraph (run on install). Works offline: generation never
// runs the native schema engine, so PRISMA_SCHEMA_ENGINE_BINARY points at a script that explains
// why it is not there instead of letting Prisma download one.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Command } = require('commander');
const { version } = require('../package.json');

const root = path.join(__dirname, '..', '..', '..');
const DEFAULT_SCHEMAS = ['subgraphs/registry/prisma/schema.prisma', 'subgraphs/directory/prisma/schema.prisma', 'subgraphs/index/prisma/schema.prisma'];
const program = new Command('bibia-prisma-generate')
  .description('Generates the Prisma client of each subgraph, offline (run on install and by npm run generate).')
  .version(version, '-V, --version')
  .argument('[schemas...]', `Prisma schema files, from the repository root (default: ${DEFAULT_SCHEMAS.join(', ')})`)
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();
const schemas = program.args.length ? program.args : DEFAULT_SCHEMAS;
const fs = require('node:fs');
for (const schema of schemas) {
  const file = path.resolve(root, schema);
  if (!fs.existsSync(file)) continue;
  execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate', '--schema', file], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(__dirname, 'no-native-engine.sh'),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
