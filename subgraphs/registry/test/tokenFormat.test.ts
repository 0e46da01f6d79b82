import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { hashToken, sirenOfToken } from '../src/auth/tokens';
import { codes, SIREN, startRegistry, toolInput, type TestRegistry } from './registryTestKit';

const run = promisify(execFile);
const BIN = path.join(__dirname, '..', 'bin', 'bibia-registry.js');
const CREATE = `mutation($s: String!, $i: AiToolInput!) { createAiTool(siren: $s, input: $i) { id } }`;

// A publisher token names the member that issued it (`bibia_pub_<siren>_<random>`), so that the
// gateway sends it to that member only (issue "Trust", item 3).
describe('publisher tokens name their member', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-token-format-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('`token create` gives a token naming the SIREN, which then authenticates', async () => {
    const dataDir = path.join(dir, 'cli');
    const env = { ...process.env, REGISTRY_SIREN: SIREN.arras, DATA_DIR: dataDir, DATABASE_URL: '' };
    const created = await run(process.execPath, [BIN, 'token', 'create', '--label', 'Service numérique'], { env });
    const token = /(bibia_pub_\S+)/.exec(created.stdout)![1];
    expect(token).toMatch(new RegExp(`^bibia_pub_${SIREN.arras}_[A-Za-z0-9_-]{43}$`));
    expect(sirenOfToken(token)).toBe(SIREN.arras);

    const reg = await startRegistry({ siren: SIREN.arras, dataDir, databaseUrl: undefined });
    try {
      const res = await reg.gql(CREATE, { s: SIREN.arras, i: toolInput({ slug: 'par-la-cli' }) }, token);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.createAiTool.id).toBe(`${SIREN.arras}:par-la-cli`);
    } finally {
      await reg.stop();
    }
  });

  describe('on a running registry', () => {
    let reg: TestRegistry;
    beforeAll(async () => {
      reg = await startRegistry({ siren: SIREN.bethune });
    });
    afterAll(async () => {
      await reg?.stop();
    });

    it('`createToken` names the registry’s SIREN, stores only a hash, and the token authenticates', async () => {
      const token = await reg.token();
      expect(sirenOfToken(token)).toBe(SIREN.bethune);
      const row = await reg.server.prisma.publisherToken.findUnique({ where: { hash: hashToken(token) } });
      expect(row).not.toBeNull();
      expect(JSON.stringify(row)).not.toContain(token);
      const res = await reg.gql(CREATE, { s: SIREN.bethune, i: toolInput({ slug: 'nouveau-format' }) }, token);
      expect(res.body.errors).toBeUndefined();
    });

    it('still accepts an older token without a SIREN, sent to it directly', async () => {
      const old = 'bibia_pub_QmFzZTY0dXJsUmFuZG9tUGFydE9mQW5PbGRUb2tlbi0xMjM0NTY';
      expect(sirenOfToken(old)).toBeUndefined();
      await reg.server.prisma.publisherToken.create({ data: { id: 'oldtoken0001', label: 'Avant le SIREN', hash: hashToken(old) } });
      const res = await reg.gql(CREATE, { s: SIREN.bethune, i: toolInput({ slug: 'ancien-format' }) }, old);
      expect(res.body.errors).toBeUndefined();
    });

    it('refuses a token that names it but was never issued', async () => {
      const res = await reg.gql(CREATE, { s: SIREN.bethune, i: toolInput({ slug: 'faux' }) }, `bibia_pub_${SIREN.bethune}_forged`);
      expect(codes(res.body)).toEqual(['UNAUTHENTICATED']);
    });
  });
});
