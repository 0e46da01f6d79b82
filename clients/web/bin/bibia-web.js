#!/usr/bin/env node
// The catalogue page on its own: node clients/web/bin/bibia-web.js [--port 4300] [--gateway <url>]
require('../../../subgraphs/kit/bin/register');
require('../src/main').main().catch((err) => {
  console.error(`bibia-web: ${err.message}`);
  process.exit(1);
});
