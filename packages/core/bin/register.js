// Runs TypeScript sources directly: swc compiles them on load (decorator metadata included).
// Dynamic import() is kept as is so that ESM-only packages (PGlite, Prisma's WASM engine) load.
const path = require('node:path');
process.env.SWC_NODE_IGNORE_DYNAMIC = '1';
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', '..', '..', 'tsconfig.json');
require('@swc-node/register');
