#!/usr/bin/env node
// Writes docs/import-columns.md from the import's column tables (clients/cli/src/import/columns.ts).
require('../../../subgraphs/kit/bin/register');
const fs = require('node:fs');
const path = require('node:path');
const { renderColumnsDoc } = require('../src/import/columnsDoc');
const target = path.join(__dirname, '..', '..', '..', 'docs', 'import-columns.md');
fs.writeFileSync(target, renderColumnsDoc());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
