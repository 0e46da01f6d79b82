import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tokenSocketPath } from '../src/auth/tokenSocket';
import { codes, SIREN, startRegistry, toolInput, type TestRegistry } from './registryTestKit';

const run = promisify(execFile);
const BIN = path.join(__dirname, '..', 'bin', 'bibia-registry.js');
const CREATE = `mutation($s: String!, $i: AiToolInput!) { createAiTool(siren: $s, input: $i) { id } }`;

// Issue 10: a token created with `token create` while the registry ran on its embedded database
// was "Unknown publisher token" until a restart (PGlite lives in the registry's memory).
describe('token commands while the registry runs on its embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-tok-'));
  const dataDir = path.join(dir, 'data');
  const env = { ...process.env, REGISTRY_SIREN: SIREN.arras, DATA_DIR: dataDir, DATABASE_URL: '' };
  const cli = (...args: string[]) => run(process.execPath, [BIN, 'token', ...args], { env });
  let reg: TestRegistry | undefined;

  beforeAll(async () => {
    reg = await startRegistry({ siren: SIREN.arras, dataDir, databaseUrl: undefined });
  });
  afterAll(async () => {
    await reg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves them on a socket only its user can reach', () => {
    const socket = tokenSocketPath(dataDir);
    expect(fs.statSync(socket).isSocket()).toBe(true);
    expect(fs.statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
  });

  it('creates a token that works at once, lists it, and revokes it at once', async () => {
    const created = await cli('create', '--label', 'Service numérique');
    const token = /(bibia_pub_\S+)/.exec(created.stdout)![1];
    const id = /Token ([0-9a-f]+) created/.exec(created.stdout)![1];
    const ok = await reg!.gql(CREATE, { s: SIREN.arras, i: toolInput({ slug: 'sans-redemarrage' }) }, token);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.createAiTool.id).toBe(`${SIREN.arras}:sans-redemarrage`);

    expect((await cli('list')).stdout).toMatch(new RegExp(`${id}  active .* Service numérique`));
    expect((await cli('revoke', id)).stdout).toContain(`Token ${id} revoked.`);
    const refused = await reg!.gql(CREATE, { s: SIREN.arras, i: toolInput({ slug: 'apres-revocation' }) }, token);
    expect(codes(refused.body)).toEqual(['UNAUTHENTICATED']);
  });

  it('opens the database itself once the registry has stopped', async () => {
    await reg!.stop();
    reg = undefined;
    expect(fs.existsSync(tokenSocketPath(dataDir))).toBe(false);
    expect((await cli('list')).stdout).toMatch(/revoked .* Service numérique/);
  });
});
