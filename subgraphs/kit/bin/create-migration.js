#!/usr/bin/env node
// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql for the
// subgraph in the current directory, from the difference between its migrations and its schema.
require('./register');
const path = require('node:path');
const { openDatabase } = require('../src/storage/openDatabase');
const { createMigration } = require('../src/storage/schemaEngine');

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
    console.error('usage: npm run db:migration -- <name>   (letters, digits, _ and -)');
    process.exit(2);
  }
  const cwd = process.cwd();
  const scratch = await openDatabase({ dataDir: 'memory://migration-scratch' });
  try {
    const dir = await createMigration(scratch.adapter, path.join(cwd, 'prisma', 'schema.prisma'), path.join(cwd, 'prisma', 'migrations'), name);
    console.log(dir ? `Created ${path.relative(cwd, dir)}/migration.sql` : 'No change: the schema matches the migrations.');
  } finally {
    await scratch.close();
  }
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
