#!/usr/bin/env node
// Starts the BibIA gateway; configuration from the environment (see gateway/src/config.ts).
require('../../subgraphs/kit/bin/register');
require('../src/index')
  .main()
  .catch((err) => {
    console.error(err?.message ?? err);
    process.exit(1);
  });
