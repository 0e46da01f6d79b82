#!/usr/bin/env node
// Generates the Prisma client of each subgraph (run on install). Works offline: generation never
// runs the native schema engine, so PRISMA_SCHEMA_ENGINE_BINARY points at a script that explains
// why it is not there instead of letting Prisma download one.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const root = path.join(__dirname, '..', '..', '..');
const schemas = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['subgraphs/registry/prisma/schema.prisma', 'subgraphs/directory/prisma/schema.prisma'];
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
