import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, secretEnvValue, toText } from '../config';
import { hubSigningKeyFromEnv } from '../partners/hubSigningKey';

describe('secrets from the environment or from <NAME>_FILE', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-secret-'));
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['BIBIA_TEST_SECRET', 'BIBIA_TEST_SECRET_FILE', 'HUB_SIGNING_KEY', 'HUB_SIGNING_KEY_FILE']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function secretFile(content: string): string {
    const file = path.join(dir, `s${Math.random().toString(36).slice(2)}`);
    fs.writeFileSync(file, content, { mode: 0o600 });
    return file;
  }

  it('reads the variable, or the file named by <NAME>_FILE without its trailing line break', () => {
    expect(secretEnvValue('BIBIA_TEST_SECRET', toText)).toBeUndefined();
    process.env.BIBIA_TEST_SECRET = 'postgresql://bibia:s3cret@db/bibia';
    expect(secretEnvValue('BIBIA_TEST_SECRET', toText)).toBe('postgresql://bibia:s3cret@db/bibia');
    delete process.env.BIBIA_TEST_SECRET;
    process.env.BIBIA_TEST_SECRET_FILE = secretFile('jeton avec espace \n');
    expect(secretEnvValue('BIBIA_TEST_SECRET', toText)).toBe('jeton avec espace ');
    process.env.BIBIA_TEST_SECRET_FILE = secretFile('a\r\n');
    expect(secretEnvValue('BIBIA_TEST_SECRET', toText)).toBe('a');
  });

  it('refuses both forms, an empty file and a missing file, naming the variable', () => {
    process.env.BIBIA_TEST_SECRET = 'x';
    process.env.BIBIA_TEST_SECRET_FILE = secretFile('y');
    expect(() => secretEnvValue('BIBIA_TEST_SECRET', toText)).toThrow(new ConfigError('Set BIBIA_TEST_SECRET or BIBIA_TEST_SECRET_FILE, not both'));
    delete process.env.BIBIA_TEST_SECRET;
    const empty = secretFile('\n');
    process.env.BIBIA_TEST_SECRET_FILE = empty;
    expect(() => secretEnvValue('BIBIA_TEST_SECRET', toText)).toThrow(new ConfigError(`BIBIA_TEST_SECRET_FILE: ${empty} is empty`));
    const missing = path.join(dir, 'absent');
    process.env.BIBIA_TEST_SECRET_FILE = missing;
    expect(() => secretEnvValue('BIBIA_TEST_SECRET', toText)).toThrow(new ConfigError(`BIBIA_TEST_SECRET_FILE: cannot read ${missing} (ENOENT)`));
  });

  it('passes the file name to the parser, so its errors say where the bad value came from', () => {
    const file = secretFile('{not json\n');
    process.env.HUB_SIGNING_KEY_FILE = file;
    expect(() => hubSigningKeyFromEnv()).toThrow(`HUB_SIGNING_KEY_FILE (${file}) is not JSON`);
  });
});
