import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'graphql';
import { printRegistrySdl } from '../src';
import { SIREN, startRegistry, testStorage, toolInput } from './registryTestKit';

const run = promisify(execFile);
const BIN = path.join(__dirname, '..', 'bin', 'bibia-registry.js');

describe('a member never loses its data on restart', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-registry-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps tools, versions and tokens across a restart', async () => {
    // On PostgreSQL the same schema is reused; on PGlite the same data directory.
    const storage = process.env.TEST_DATABASE_URL ? testStorage('restart') : { dataDir: path.join(dir, 'data') };
    const first = await startRegistry({ siren: SIREN.arras, name: 'Arras', ...storage });
    const token = await first.token();
    const created = await first.gql(
      `mutation($s: String!, $i: AiToolInput!) { createAiTool(siren: $s, input: $i) { id } }`,
      { s: SIREN.arras, i: toolInput({ slug: 'persistant' }) },
      token,
    );
    const id = created.body.data.createAiTool.id;
    await first.gql(`mutation($id: ID!) { publishAiTool(id: $id) { id } }`, { id }, token);
    await first.stop(true);

    const second = await startRegistry({ siren: SIREN.arras, ...storage });
    try {
      const res = await second.gql(`query($id: ID!) { aiTool(id: $id) { state versions { number } } }`, { id });
      expect(res.body.data.aiTool).toEqual({ state: 'PUBLISHED', versions: [{ number: 2 }] });
      const upd = await second.gql(`mutation($id: ID!) { archiveAiTool(id: $id) { state } }`, { id }, token);
      expect(upd.body.data.archiveAiTool.state).toBe('ARCHIVED');
      expect(second.server.storage.appliedMigrations).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('refuses to start on a database that belongs to another collectivité', async () => {
    const dataDir = path.join(dir, 'owned');
    const first = await startRegistry({ siren: SIREN.arras, dataDir, databaseUrl: undefined });
    await first.stop();
    await expect(startRegistry({ siren: SIREN.bethune, dataDir, databaseUrl: undefined })).rejects.toThrow(/belongs to SIREN 216200410/);
  });

  it('creates, lists and revokes publisher tokens from the command line', async () => {
    const env = { ...process.env, REGISTRY_SIREN: SIREN.arras, DATA_DIR: path.join(dir, 'cli'), DATABASE_URL: '' };
    const created = await run(process.execPath, [BIN, 'token', 'create', '--label', 'Service numérique'], { env });
    const token = /(bibia_pub_\S+)/.exec(created.stdout)![1];
    const id = /Token (\w+) created/.exec(created.stdout)![1];
    const listed = await run(process.execPath, [BIN, 'token', 'list'], { env });
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).not.toContain(token);
    const revoked = await run(process.execPath, [BIN, 'token', 'revoke', id], { env });
    expect(revoked.stdout).toContain('revoked');
    await expect(run(process.execPath, [BIN, 'token', 'revoke', id], { env })).rejects.toMatchObject({ code: 1 });
    const stored = fs.readdirSync(path.join(dir, 'cli')).length;
    expect(stored).toBeGreaterThan(0);
  });
});

describe('generated contract', () => {
  it('schema/registry.graphql matches the code (run npm run schema:print after a change)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schema', 'registry.graphql'), 'utf8');
    expect(committed).toBe(await printRegistrySdl());
  });

  it('documents every type, field and enum value of the contract', async () => {
    const doc = parse(await printRegistrySdl());
    const undocumented: string[] = [];
    for (const def of doc.definitions) {
      if (!('name' in def) || !def.name || /^(_|link__|federation__|Query$|Mutation$)/.test(def.name.value)) continue;
      if (def.kind === 'DirectiveDefinition' || def.kind === 'ScalarTypeDefinition') continue;
      if (!('description' in def) || !def.description) undocumented.push(def.name.value);
      const members = ('fields' in def && def.fields) || ('values' in def && def.values) || [];
      for (const m of members) if (!m.description) undocumented.push(`${def.name.value}.${m.name.value}`);
    }
    expect(undocumented).toEqual([]);
  });
});
