#!/usr/bin/env node
// bibia-columns-doc: writes docs/import-columns.md from the import's column tables (clients/cli/src/import/columns.ts).
require('../../../packages/core/bin/register');
const fs = require('node:fs');
const path = require('node:path');
const { Command } = require('commander');
const { version } = require('../package.json');

new Command('bibia-columns-doc')
  .description("Writes docs/import-columns.md from the import's column tables.")
  .version(version, '-V, --version')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse();

const { renderColumnsDoc } = require('../src/import/columnsDoc');
const target = path.join(__dirname, '..', '..', '..', 'docs', 'import-columns.md');
fs.writeFileSync(target, renderColumnsDoc());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
