// Runs TypeScript sources directly: swc compiles each .ts file on load with the repository's
// .swcrc (the options jest uses: decorator metadata included, dynamic import() kept so that
// ESM-only packages such as PGlite and Prisma's WASM engine load). What swc wrote is kept in
// node_modules/.cache/bibia/swc, keyed by the source and the options: a later start reads it and
// does not load swc at all. (@swc-node/register also loads the TypeScript compiler, 0.5 s and
// about 50 MB per process, for options .swcrc already gives.)
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..', '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(ROOT, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const options = { ...swcrc, swcrc: false, configFile: false };
const cacheDir = path.join(process.env.BIBIA_CACHE_DIR || path.join(ROOT, 'node_modules', '.cache', 'bibia'), 'swc');
const salt = JSON.stringify([require('@swc/core/package.json').version, options]);

let swc;
let cacheWritable = true;

function compile(source, filename) {
  const key = crypto.createHash('sha256').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex');
  const file = path.join(cacheDir, key.slice(0, 2), `${key.slice(2)}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // Not compiled yet.
  }
  swc ??= require('@swc/core');
  const { code } = swc.transformSync(source, { ...options, filename });
  if (cacheWritable) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside then renamed: processes compiling the same file at once each read a whole one.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, file);
    } catch {
      cacheWritable = false; // a read-only installation compiles at each start
    }
  }
  return code;
}

for (const ext of ['.ts', '.mts', '.cts']) {
  Module._extensions[ext] = (module, filename) => module._compile(compile(fs.readFileSync(filename, 'utf8'), filename), filename);
}
// swc writes inline source maps: `node --enable-source-maps` (or a debugger) maps stack traces to the
// TypeScript sources. Not on by default: Node would parse every module's map at load.
