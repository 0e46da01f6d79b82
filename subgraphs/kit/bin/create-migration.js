#!/usr/bin/env node
// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql for the
// subgraph in the current directory, from the difference between its migrations and its schema.
require('../../../packages/core/bin/register');
const path = require('node:path');
const { Command } = require('commander');
const { version } = require('../package.json');

const program = new Command('bibia-create-migration')
  .description('Writes prisma/migrations/<timestamp>_<name>/migration.sql for the subgraph in the current directory\n(npm run db:migration -- <name>), from the difference between its migrations and prisma/schema.prisma.')
  .version(version, '-V, --version')
  .argument('<name>', 'name of the migration: letters, digits, _ and -')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

async function main() {
  const name = program.args[0];
  if (!/^[a-z0-9_-]+$/i.test(name)) {
    console.error('bibia-create-migration: the name may hold letters, digits, _ and - only');
    process.exit(2);
  }
  const { openDatabase } = require('../src/storage/openDatabase');
  const { createMigration } = require('../src/storage/schemaEngine');
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
