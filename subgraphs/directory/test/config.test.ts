import path from 'node:path';
import { DEFAULT_SUBGRAPH_QUERY_LIMITS, defaultLimitsConfig } from '@bibia/kit';
import { DEFAULT_CONFIG, loadConfig, parseFlags, parseMemberList } from '../src/config';

const VARIABLES = ['PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'HUB_ADMIN_TOKEN', 'SEED', 'LOAD_REFERENCE', 'REFERENCE_DEPARTEMENTS', 'DIRECTORY_MEMBERS', 'REGISTRY_CONTRACT', 'CONFORMANCE_TIMEOUT_MS', 'UNREACHABLE_AFTER'];

describe('directory loadConfig: flags beat env vars beat defaults', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of VARIABLES) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has documented defaults', () => {
    expect(loadConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toEqual({
      ...defaultLimitsConfig(DEFAULT_SUBGRAPH_QUERY_LIMITS),
      port: 4100,
      host: '127.0.0.1',
      dataDir: '.data/directory',
      seed: true,
      reference: true,
      referenceDepartements: [],
      members: [],
      contractPath: path.resolve(__dirname, '..', '..', '..', 'schema', 'registry.graphql'),
      conformanceTimeoutMs: 5000,
      unreachableAfter: 3,
      allowPrivateMemberUrls: false,
    });
  });

  it('reads the environment over the defaults', () => {
    Object.assign(process.env, {
      PORT: '4555',
      DATA_DIR: '/tmp/dir',
      HUB_ADMIN_TOKEN: 's3cret',
      SEED: 'false',
      DIRECTORY_MEMBERS: '216200410=http://127.0.0.1:4202/graphql, 200072460=http://127.0.0.1:4201/graphql',
      UNREACHABLE_AFTER: '5',
    });
    expect(loadConfig()).toMatchObject({
      port: 4555,
      dataDir: '/tmp/dir',
      hubAdminToken: 's3cret',
      seed: false,
      unreachableAfter: 5,
      members: [
        { siren: '216200410', registryUrl: 'http://127.0.0.1:4202/graphql' },
        { siren: '200072460', registryUrl: 'http://127.0.0.1:4201/graphql' },
      ],
    });
  });

  it('lets flags win over the environment', () => {
    Object.assign(process.env, { PORT: '4555', DATA_DIR: '/tmp/dir', SEED: 'false', DIRECTORY_MEMBERS: '216200410=http://a/graphql' });
    const flags = parseFlags(['--port', '0', '--data-dir', 'memory://x', '--seed', '--member', '226200012=http://h/graphql', '--member', '216200410=http://i/graphql']);
    expect(loadConfig(flags)).toMatchObject({
      port: 0,
      dataDir: 'memory://x',
      seed: true,
      members: [
        { siren: '226200012', registryUrl: 'http://h/graphql' },
        { siren: '216200410', registryUrl: 'http://i/graphql' },
      ],
    });
    expect(loadConfig(parseFlags(['--no-seed'])).seed).toBe(false);
    expect(loadConfig(parseFlags(['--no-reference'])).reference).toBe(false);
    process.env.LOAD_REFERENCE = 'false';
    expect(loadConfig(parseFlags(['--reference'])).reference).toBe(true);
    expect(loadConfig(parseFlags([])).reference).toBe(false);
    process.env.REFERENCE_DEPARTEMENTS = '62, 2a';
    expect(loadConfig().referenceDepartements).toEqual(['62', '2A']);
    expect(loadConfig(parseFlags(['--reference-departements', '59'])).referenceDepartements).toEqual(['59']);
    // Neither --seed nor --no-seed: the variable applies.
    expect(loadConfig(parseFlags([])).seed).toBe(false);
  });

  it('refuses a bad value with one line naming the flag or the variable', () => {
    expect(() => parseFlags(['--port', 'x'])).toThrow(/^--port must be 0\.\.65535, got "x"$/);
    expect(() => parseFlags(['--member', '216200410'])).toThrow('--member: "216200410" is not siren=url');
    process.env.PORT = '70000';
    expect(() => loadConfig()).toThrow(/^PORT must be 0\.\.65535, got "70000"$/);
    process.env.PORT = '4100';
    process.env.SEED = 'maybe';
    expect(() => loadConfig()).toThrow(expect.objectContaining({ name: 'ConfigError', exitCode: 2, message: 'SEED must be true or false, got "maybe"' }));
  });

  it('parses member lists', () => {
    expect(parseMemberList('')).toEqual([]);
    expect(() => parseMemberList('216200410')).toThrow(/not siren=url/);
  });
});
