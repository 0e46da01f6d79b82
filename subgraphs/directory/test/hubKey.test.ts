import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importHubSigningKey, readHubSigningKeyFile } from '@bibia/kit';
import { runHubKeyCli } from '../src/partner/hubKeyCli';

describe('bibia-hub-key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-hubkey-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    const out = { stdout: '', stderr: '' };
    const code = await runHubKeyCli(args, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
    return { code, ...out };
  }

  it('writes a private ES256 JWK the directory and the gateway accept, readable by its owner only', async () => {
    const file = path.join(dir, 'hub-signing-key.json');
    const r = await run(['--out', file, '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const printed = JSON.parse(r.stdout) as { file: string; kid: string; alg: string };
    expect(printed).toMatchObject({ file, alg: 'ES256' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // What HUB_SIGNING_KEY_FILE / --hub-signing-key-file read, checked as at start-up.
    const key = await importHubSigningKey(readHubSigningKeyFile(file, 'HUB_SIGNING_KEY_FILE'));
    expect(key).toMatchObject({ alg: 'ES256', kid: printed.kid });
    expect(JSON.stringify(key.publicJwk)).not.toContain('"d"');
  });

  it('--out - prints the key alone, one line, for .env or a secret', async () => {
    const r = await run(['--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect((await importHubSigningKey(r.stdout.trim())).alg).toBe('ES256');
  });

  it('never overwrites a key, and says why; a bad command line is exit 2 with no file', async () => {
    const file = path.join(dir, 'kept.json');
    expect((await run(['--out', file])).code).toBe(0);
    const before = fs.readFileSync(file, 'utf8');
    const again = await run(['--out', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists: not overwritten/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect((await run([])).code).toBe(2);
    expect((await run(['--out', path.join(dir, 'missing-dir', 'k.json')])).stderr).toMatch(/cannot create .*ENOENT/);
  });
});
