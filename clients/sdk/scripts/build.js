#!/usr/bin/env node
// Builds the published form of @bibia/sdk into dist/ (run by `npm pack` through scripts/pack.js;
// the workspace itself runs the TypeScript sources and never needs it):
// - dist/**/*.js + .d.ts: the sources compiled to CommonJS by tsc (tsconfig.build.json);
// - dist/index.mjs + index.d.mts: the ES module entry. It re-exports the CommonJS build by name
//   rather than being a second compilation, so a program that loads the SDK both ways gets one
//   module instance (one `BibiaError` class for `instanceof`), and every named export, `export *`
//   ones included, is a real ESM binding.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SDK_DIR = path.join(__dirname, '..');
const DIST = path.join(SDK_DIR, 'dist');

function build() {
  fs.rmSync(DIST, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(SDK_DIR, 'tsconfig.build.json')], { stdio: 'inherit' });
  const names = Object.keys(require(path.join(DIST, 'index.js'))).filter((name) => name !== '__esModule' && name !== 'default').sort();
  if (!names.includes('createBibiaClient')) throw new Error('build: dist/index.js does not export createBibiaClient');
  fs.writeFileSync(path.join(DIST, 'index.mjs'), esmEntry(names));
  fs.writeFileSync(path.join(DIST, 'index.d.mts'), "export * from './index.js';\n");
  return names;
}

function esmEntry(names) {
  const lines = names.map((name) => `  ${name},`).join('\n');
  return `// ES module entry of @bibia/sdk: the CommonJS build's exports, by name (written by scripts/build.js).\nimport sdk from './index.js';\n\nexport const {\n${lines}\n} = sdk;\n`;
}

module.exports = { build, DIST };

if (require.main === module) {
  const names = build();
  console.log(`build: dist/ written (${names.length} named exports)`);
}
