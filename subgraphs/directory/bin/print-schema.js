#!/usr/bin/env node
// bibia-directory-schema: writes schema/directory.graphql (repository root) from the code
// (npm run -w @bibia/directory print-schema); with --check, writes nothing and exits 1 when it differs.
require('../../../packages/core/bin/register');
const fs = require('node:fs');
const path = require('node:path');
const { Command } = require('commander');
const { version } = require('../package.json');

const { check } = new Command('bibia-directory-schema')
  .description('Writes schema/directory.graphql from the code of the directory subgraph.')
  .version(version, '-V, --version')
  .option('--check', 'write nothing; exit 1 when the file differs from the code')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .allowExcessArguments(false)
  .parse()
  .opts();

const file = path.join(__dirname, '..', '..', '..', 'schema', 'directory.graphql');
const shown = path.relative(process.cwd(), file);
require('../src/printSchema')
  .printDirectorySchema()
  .then(
    (sdl) => {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      if (check) {
        if (current === sdl) return console.log(`${shown} is up to date`);
        console.error(`${shown} differs from the code: run npm run -w @bibia/directory print-schema`);
        process.exit(1);
      }
      if (current === sdl) return console.log(`${shown} unchanged`);
      fs.writeFileSync(file, sdl);
      console.log(`Wrote ${shown}`);
    },
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
