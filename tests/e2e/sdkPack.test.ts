import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ARRAS } from '../src/startRealStack';
import { REPO_ROOT, startStack, type Stack } from '../src/startStack';

// `npm pack` of the SDK as a developer outside this repository gets it: the tarball installed in
// an empty project, the examples of docs/sdk.md run as they are written (ES module and CommonJS)
// against a hub, and a TypeScript program type-checked against the packed declarations.

const SDK_DIR = path.join(REPO_ROOT, 'clients', 'sdk');
const run = promisify(execFile);

let work: string;
let consumer: string;
let tarball: string;
let stack: Stack;

/** The environment of a program run by a developer: none of the `npm test` run's npm or jest settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD'));
  return { ...env, ...extra };
}

/**
 * Packs a copy of clients/sdk laid out as in the repository (its tsconfig extends the root one,
 * its build finds TypeScript in the root node_modules). Not clients/sdk itself: packing swaps
 * its package.json for a moment (scripts/pack.js), and suites running beside this one read it.
 */
async function packCopy(): Promise<{ tarball: string; manifestBefore: string; sdkCopy: string }> {
  const root = path.join(work, 'repo');
  const sdkCopy = path.join(root, 'clients', 'sdk');
  fs.mkdirSync(sdkCopy, { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  for (const entry of ['package.json', 'README.md', 'tsconfig.build.json', 'scripts', 'src']) {
    fs.cpSync(path.join(SDK_DIR, entry), path.join(sdkCopy, entry), { recursive: true });
  }
  const manifestBefore = fs.readFileSync(path.join(sdkCopy, 'package.json'), 'utf8');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: sdkCopy, env: cleanEnv() });
  const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('[')));
  return { tarball: path.join(work, filename), manifestBefore, sdkCopy };
}

/** Installs the tarball in an empty project, offline: its dependencies come from this repository's node_modules. */
async function installInEmptyProject(file: string): Promise<string> {
  const dir = path.join(work, 'my-app');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'my-app', version: '1.0.0', private: true }));
  // `--install-links` copies the local directories as npm would install them from the registry.
  const deps = ['graphql', '@graphql-typed-document-node/core'].map((name) => path.join(REPO_ROOT, 'node_modules', name));
  await run('npm', ['install', '--offline', '--install-links', '--no-audit', '--no-fund', file, ...deps], { cwd: dir, env: cleanEnv() });
  return dir;
}

/** The code block of docs/sdk.md whose first line is `// <file>`. */
function docExample(file: string): string {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'sdk.md'), 'utf8');
  const block = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.startsWith(`// ${file}\n`));
  if (!block) throw new Error(`docs/sdk.md has no js block starting with // ${file}`);
  return block;
}

async function runNode(file: string): Promise<string> {
  const { stdout } = await run(process.execPath, [file], { cwd: consumer, env: cleanEnv({ BIBIA_URL: stack.gatewayUrl }) });
  return stdout;
}

let manifestBefore: string;
let sdkCopy: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-sdk-pack-'));
  const [packed, started] = await Promise.all([packCopy(), startStack({ members: [{ siren: ARRAS }], web: false })]);
  stack = started;
  ({ tarball, manifestBefore, sdkCopy } = packed);
  consumer = await installInEmptyProject(tarball);
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm pack of @bibia/sdk', () => {
  it('packs the build with an exports map for import and require, and gives the workspace its package.json back', async () => {
    expect(fs.readFileSync(path.join(sdkCopy, 'package.json'), 'utf8')).toBe(manifestBefore);
    expect(fs.existsSync(path.join(sdkCopy, 'package.workspace.json'))).toBe(false);
    const installed = path.join(consumer, 'node_modules', '@bibia', 'sdk');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    expect(manifest.exports['.']).toEqual({
      import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
      require: { types: './dist/index.d.ts', default: './dist/index.js' },
    });
    expect(manifest).not.toHaveProperty('private');
    expect(manifest).not.toHaveProperty('bin');
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@graphql-typed-document-node/core', 'graphql']);
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.mjs', 'package/dist/index.d.ts', 'package/dist/index.d.mts']));
    expect(files.filter((f) => !f.startsWith('package/dist/') && f !== 'package/package.json' && f !== 'package/README.md')).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.d.mts'))).toEqual([]);
  });

  it('runs the ES module example of docs/sdk.md against a hub', async () => {
    fs.writeFileSync(path.join(consumer, 'index.mjs'), docExample('index.mjs'));
    const out = await runNode('index.mjs');
    expect(out).toMatch(/^\d+ tools\n/);
    // STATUS_LABELS is a named export of the ES module entry: a French label, not "undefined".
    expect(out).toMatch(new RegExp(`^${ARRAS}:tri-courrier-entrant: .+ \\(.*Arras.*\\) - (En projet|Expérimentation|En service|Arrêté)$`, 'm'));
  });

  it('runs the CommonJS example of docs/sdk.md against a hub (no top-level await)', async () => {
    fs.writeFileSync(path.join(consumer, 'index.cjs'), docExample('index.cjs'));
    const out = await runNode('index.cjs');
    expect(out).toMatch(/^.+: (Risque (minimal|limité|inacceptable)|Haut risque)$/m);
    expect(out).toContain('Not published: UNAUTHENTICATED');
  });

  it('gives both entries the same named exports and one BibiaError class', async () => {
    fs.writeFileSync(
      path.join(consumer, 'both.cjs'),
      `const cjs = require('@bibia/sdk');
import('@bibia/sdk').then((esm) => console.log(JSON.stringify({
  cjs: Object.keys(cjs).filter((k) => k !== '__esModule').sort(),
  esm: Object.keys(esm).sort(),
  sameClass: esm.BibiaError === cjs.BibiaError,
})));`,
    );
    const { cjs, esm, sameClass } = JSON.parse(await runNode('both.cjs'));
    expect(esm).toEqual(cjs);
    expect(esm).toEqual(expect.arrayContaining(['createBibiaClient', 'BibiaError', 'STATUS_LABELS', 'THEME_LABELS', 'REGION_NAMES', 'SearchAiToolsDocument']));
    expect(sameClass).toBe(true);
  });

  it('type-checks a TypeScript program against the packed declarations, from ESM and from CommonJS', async () => {
    const program = (kind: string) => `import { createBibiaClient, STATUS_LABELS, BibiaError, type AiToolFilter, type BibiaResult, type SearchAiToolsQuery } from '@bibia/sdk';
const bibia = createBibiaClient({ url: 'http://localhost:4000/graphql' });
const filter: AiToolFilter = { search: 'courrier', region: '32' };
export const page: Promise<BibiaResult<SearchAiToolsQuery>> = bibia.searchAiTools({ filter, first: 5 });
export const label: string = STATUS_LABELS.PILOT;
export const isError = (e: unknown): boolean => e instanceof BibiaError && e.code === 'UNAUTHENTICATED';
// @ts-expect-error: no such status (${kind})
export const wrongLabel = STATUS_LABELS.NOPE;
// @ts-expect-error: first is a number (${kind})
bibia.searchAiTools({ first: 'five' });
`;
    fs.writeFileSync(path.join(consumer, 'check.mts'), program('ESM'));
    fs.writeFileSync(path.join(consumer, 'check.cts'), program('CommonJS'));
    fs.writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['check.mts', 'check.cts'] }),
    );
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, env: cleanEnv() }).then(
      () => 'ok',
      (err) => String(err.stdout || err.message),
    );
    expect(result).toBe('ok');
  });
});
