#!/usr/bin/env node
// The hub's directory subgraph: node subgraphs/directory/bin/bibia-directory.js [--port 4100]
// [--data-dir .data/directory] [--database-url postgresql://...] [--no-seed] [--member siren=url ...]
require('../../kit/bin/register');
const { main } = require('../src/index');

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
