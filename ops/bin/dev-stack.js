#!/usr/bin/env node
require('../../subgraphs/kit/bin/register');
process.env.LOG_LEVEL ??= 'warn';
require('../src/devStack')
  .main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
