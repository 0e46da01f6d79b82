#!/usr/bin/env node
// Writes schema/directory.graphql (repository root) from the code: npm run -w @bibia/directory print-schema
// With --check, writes nothing and exits 1 when the file differs from the code.
require('../../kit/bin/register');
const fs = require('node:fs');
const path = require('node:path');
const { printDirectorySchema } = require('../src/printSchema');

const file = path.join(__dirname, '..', '..', '..', 'schema', 'directory.graphql');
printDirectorySchema().then(
  (sdl) => {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (process.argv.includes('--check')) {
      if (current === sdl) return console.log(`${path.relative(process.cwd(), file)} is up to date`);
      console.error(`${path.relative(process.cwd(), file)} differs from the code: run npm run -w @bibia/directory print-schema`);
      process.exit(1);
    }
    if (current === sdl) return console.log(`${path.relative(process.cwd(), file)} unchanged`);
    fs.writeFileSync(file, sdl);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  },
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
