#!/usr/bin/env node
require('../../subgraphs/kit/bin/register');
process.env.LOG_LEVEL ??= 'error';
require('../src/bench/bench')
  .main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
