#!/usr/bin/env node
// Container health check: GET http://127.0.0.1:$PORT<path> (path argument, default /ready) and
// exit 0 on a 200 answer, 1 otherwise. Used by the images' HEALTHCHECK; node is the only program
// the image is sure to have (no curl or wget in node:*-slim). No timeout of its own: HEALTHCHECK's
// --timeout stops a check that hangs and counts it as failed. See docs/deployment.md.
/* global fetch */
const path = process.argv[2] ?? '/ready';
const port = process.env.PORT;

if (!/^\d+$/.test(port ?? '') || !path.startsWith('/')) {
  console.error(`healthcheck: PORT must be the server's port and the argument a path such as /ready, got PORT=${JSON.stringify(port)} ${JSON.stringify(path)}`);
  process.exit(1);
}

fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' }).then(
  (res) => {
    if (res.status !== 200) console.error(`healthcheck: ${path} answered ${res.status}`);
    process.exit(res.status === 200 ? 0 : 1);
  },
  (err) => {
    console.error(`healthcheck: ${path}: ${err.cause?.code ?? err.message}`);
    process.exit(1);
  },
);
