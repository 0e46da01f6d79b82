import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeSupergraph } from '../src/compose/composeSupergraph';
import { REPO_ROOT } from '../src/paths';
import { readRoverConfig } from '../src/compose/readRoverConfig';
import { runComposeCli } from '../src/compose/runComposeCli';
import { DIRECTORY_SDL } from './fixtures/fixtureDirectory';
import { INDEX_SDL } from './fixtures/fixtureIndex';
import { MEMBER_SDL } from './fixtures/fixtureMember';

describe('the committed supergraph', () => {
  // Committed files are checked, never skipped: deleting one must fail `npm test`, not hide it.
  const roverFile = path.join(REPO_ROOT, 'rover.yaml');
  const committed = path.join(REPO_ROOT, 'schema', 'supergraph.graphql');

  it('is composed from rover.yaml’s subgraphs: directory, registry and index', () => {
    expectCommitted(roverFile);
    const roverConfig = readRoverConfig(roverFile);
    expect(roverConfig.subgraphs.map((s) => s.name)).toEqual(['directory', 'registry', 'index']);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed composition's own version
    expect(roverConfig.federationVersion).toBe(`=${require('@apollo/composition/package.json').version}`);
  });

  it('is up to date (run `npm run compose` when this fails)', () => {
    expectCommitted(roverFile);
    for (const s of readRoverConfig(roverFile).subgraphs) expectCommitted(s.schemaFile);
    expectCommitted(committed);
    const outcome = composeSupergraph();
    if (!outcome.ok) throw new Error(`composition fails:\n${outcome.errors.join('\n')}`);
    expect(fs.readFileSync(committed, 'utf8')).toBe(outcome.supergraphSdl);
  });
});

/** Fails with the file's name and how to restore it when a committed file is missing. */
function expectCommitted(file: string): void {
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(REPO_ROOT, file)} is missing: it is a committed file (restore it from git, or regenerate it: \`npm run schema:print\`, \`npm run compose\`)`);
  }
}

describe('compose', () => {
  let dir: string;
  const io = () => {
    const lines: string[] = [];
    return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-compose-'));
    fs.mkdirSync(path.join(dir, 'schema'));
    fs.writeFileSync(path.join(dir, 'schema', 'directory.graphql'), DIRECTORY_SDL);
    fs.writeFileSync(path.join(dir, 'schema', 'registry.graphql'), MEMBER_SDL);
    fs.writeFileSync(path.join(dir, 'schema', 'index.graphql'), INDEX_SDL);
    fs.copyFileSync(path.join(REPO_ROOT, 'rover.yaml'), path.join(dir, 'rover.yaml'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the supergraph, then --check passes until a subgraph changes', () => {
    const config = path.join(dir, 'rover.yaml');
    const out = path.join(dir, 'schema', 'supergraph.graphql');
    const run = (...args: string[]) => {
      const { lines, io: sink } = io();
      return { code: runComposeCli([...args, '--config', config, '--out', out], sink), lines };
    };
    expect(run('--check').code).toBe(1);
    expect(run().code).toBe(0);
    const sdl = fs.readFileSync(out, 'utf8');
    expect(sdl).toContain('join__Graph');
    expect(sdl).toContain('DIRECTORY @join__graph(name: "directory", url: "http://127.0.0.1:4100/graphql")');
    expect(sdl).toContain('REGISTRY @join__graph(name: "registry", url: "http://127.0.0.1:4201/graphql")');
    expect(sdl).toContain('INDEX @join__graph(name: "index", url: "http://127.0.0.1:4050/graphql")');
    expect(run('--check').code).toBe(0);
    fs.appendFileSync(path.join(dir, 'schema', 'registry.graphql'), '\nextend type Query { extra: String }\n');
    const stale = run('--check');
    expect(stale.code).toBe(1);
    expect(stale.lines.join('\n')).toMatch(/out of date: run `npm run compose`/);
  });

  it('explains composition errors and missing files', () => {
    fs.writeFileSync(path.join(dir, 'schema', 'registry.graphql'), MEMBER_SDL.replace('type AiProduct @key(fields: "id") { id: ID!', 'type AiProduct @key(fields: "id") { id: Int!'));
    const outcome = composeSupergraph(path.join(dir, 'rover.yaml'));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.errors.join('\n')).toMatch(/AiProduct\.id/);
    fs.rmSync(path.join(dir, 'schema', 'directory.graphql'));
    const missing = composeSupergraph(path.join(dir, 'rover.yaml'));
    expect(!missing.ok && missing.errors.join('\n')).toMatch(/\[directory\] schema file not found/);
  });
});
