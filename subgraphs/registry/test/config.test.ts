import { Command } from 'commander';
import { DEFAULT_SUBGRAPH_QUERY_LIMITS, defaultLimitsConfig } from '@bibia/kit';
import { addServeOptions, DEFAULT_CONFIG, flagsFromOptions, loadConfig } from '../src/config';

const VARIABLES = ['REGISTRY_SIREN', 'REGISTRY_NAME', 'REGISTRY_DEPARTEMENT', 'REGISTRY_REGION', 'PORT', 'HOST', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'DATA_DIR', 'SEED_FILE', 'MAX_BODY_BYTES'];

/** The flags layer of `bibia-registry serve`, as the command line gives it. */
function flags(args: string[]) {
  const cmd = addServeOptions(new Command()).exitOverride();
  cmd.parse(args, { from: 'user' });
  return flagsFromOptions(cmd.opts());
}

describe('registry loadConfig: flags beat env vars beat defaults', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of VARIABLES) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has documented defaults; the SIREN is required and names the data directory', () => {
    expect(() => loadConfig()).toThrow(expect.objectContaining({ name: 'ConfigError', exitCode: 2, message: expect.stringMatching(/^REGISTRY_SIREN \(or --siren\) is required/) }));
    expect(loadConfig({ siren: '216200410' })).toEqual({ ...DEFAULT_CONFIG, siren: '216200410', dataDir: '.data/registry-216200410' });
    expect(DEFAULT_CONFIG).toMatchObject({ ...defaultLimitsConfig(DEFAULT_SUBGRAPH_QUERY_LIMITS, 10 * 1024 * 1024), port: 4201, host: '127.0.0.1', databasePoolSize: 10 });
    // The limits reach `serve` as flags too.
    expect(flags(['--rate-limit-exempt', '10.0.0.1', '--max-depth', '20', '--redis-url', 'redis://r:6379'])).toMatchObject({ rateLimitExempt: ['10.0.0.1'], maxDepth: 20, redisUrl: 'redis://r:6379' });
  });

  it('reads the environment, and flags win over it', () => {
    Object.assign(process.env, { REGISTRY_SIREN: '216200410', PORT: '4300', HOST: '0.0.0.0', DATA_DIR: '/data', SEED_FILE: 'bundled', DATABASE_POOL_SIZE: '4' });
    expect(loadConfig()).toMatchObject({ siren: '216200410', port: 4300, host: '0.0.0.0', dataDir: '/data', seedFile: 'bundled', databasePoolSize: 4 });
    expect(loadConfig(flags(['--siren', '200072460', '--port', '0', '--seed', 'seed.json', '--data-dir', 'memory://r', '--max-body-bytes', '1024']))).toMatchObject({
      siren: '200072460',
      port: 0,
      host: '0.0.0.0',
      seedFile: 'seed.json',
      dataDir: 'memory://r',
      maxBodyBytes: 1024,
      databasePoolSize: 4,
    });
  });

  it('refuses a bad value with one line naming the flag or the variable', () => {
    expect(() => flags(['--port', 'x'])).toThrow(/^--port must be 0\.\.65535, got "x"$/);
    Object.assign(process.env, { REGISTRY_SIREN: '216200410', PORT: 'x' });
    expect(() => loadConfig()).toThrow(/^PORT must be 0\.\.65535, got "x"$/);
    process.env.PORT = '4201';
    expect(() => loadConfig({ siren: '216200411' })).toThrow(/^SIREN "216200411" is not valid/);
    process.env.MAX_BODY_BYTES = '0';
    expect(() => loadConfig()).toThrow('MAX_BODY_BYTES must be a whole number above 0, got "0"');
  });
});
