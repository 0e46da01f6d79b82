#!/usr/bin/env node
// `npm pack` of @bibia/sdk (the package's prepack and postpack scripts):
//   node scripts/pack.js prepack    builds dist/ and puts the published package.json in place
//   node scripts/pack.js postpack   puts the workspace's package.json back
//
// Why the manifest is swapped: in this repository the SDK is a workspace whose `main` is its
// TypeScript source (the CLI, the web page and the tests run it through swc, with no build
// step), and whose `bin` is a repository tool (bibia-codegen). The published package is the
// build: an `exports` map to dist/, no bin, only the dependencies the built code needs. npm has
// no per-field publish override (pnpm's publishConfig.main/exports), but it reads package.json
// again after prepack to list and tar the files (npm publish too), so prepack may write the
// published manifest and postpack restore the workspace's. A pack that dies in between leaves
// the workspace manifest in package.workspace.json: the next pack restores it first.
//
// Publishing: `npm pack`, then `npm publish <the .tgz>` (its manifest is the published one). A
// plain `npm publish` here is refused: npm sends the manifest it reads after postpack, the
// workspace's, which is private.
const fs = require('node:fs');
const path = require('node:path');
const { build } = require('./build');

const SDK_DIR = path.join(__dirname, '..');
const MANIFEST = path.join(SDK_DIR, 'package.json');
const SAVED = path.join(SDK_DIR, 'package.workspace.json');

/** What the built code imports at run time or names in its declarations. */
const PUBLISHED_DEPENDENCIES = ['@graphql-typed-document-node/core', 'graphql'];

/** The package.json of the tarball, from the workspace's. */
function publishedManifest(workspace) {
  const dependencies = {};
  for (const name of PUBLISHED_DEPENDENCIES) {
    const version = workspace.dependencies?.[name];
    if (!version) throw new Error(`pack: ${name} is not a dependency of ${workspace.name}`);
    // A range, not the repository's pin: one graphql for the SDK and the program that uses it.
    dependencies[name] = /^\d/.test(version) ? `^${version}` : version;
  }
  return {
    name: workspace.name,
    version: workspace.version,
    description: workspace.description,
    license: 'EUPL-1.2',
    keywords: ['graphql', 'bibia', 'collectivites', 'ia'],
    engines: { node: '>=20' },
    type: 'commonjs',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      '.': {
        import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
        require: { types: './dist/index.d.ts', default: './dist/index.js' },
      },
      './package.json': './package.json',
    },
    files: ['dist'],
    sideEffects: false,
    dependencies,
  };
}

function restore() {
  if (fs.existsSync(SAVED)) fs.renameSync(SAVED, MANIFEST);
}

function prepack() {
  restore();
  const text = fs.readFileSync(MANIFEST, 'utf8');
  const manifest = publishedManifest(JSON.parse(text));
  build();
  fs.writeFileSync(SAVED, text);
  fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}

module.exports = { publishedManifest, PUBLISHED_DEPENDENCIES };

if (require.main === module) {
  const step = process.argv[2];
  if (step === 'prepack') prepack();
  else if (step === 'postpack') restore();
  else {
    console.error('usage: node scripts/pack.js prepack|postpack');
    process.exitCode = 2;
  }
}
