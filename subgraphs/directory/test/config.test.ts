import path from 'node:path';
import { defaultConfig, loadConfig, parseMemberList } from '../src/config';

describe('loadConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has documented defaults', () => {
    for (const name of ['PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'HUB_ADMIN_TOKEN', 'SEED', 'DIRECTORY_MEMBERS', 'REGISTRY_CONTRACT', 'CONFORMANCE_TIMEOUT_MS', 'UNREACHABLE_AFTER']) {
      delete process.env[name];
    }
    expect(loadConfig([])).toEqual({
      ...defaultConfig(),
      databaseUrl: undefined,
      hubAdminToken: undefined,
      contractPath: path.resolve(__dirname, '..', '..', '..', 'schema', 'registry.graphql'),
    });
    expect(defaultConfig()).toMatchObject({ port: 4100, host: '127.0.0.1', dataDir: '.data/directory', seed: true, members: [], unreachableAfter: 3 });
  });

  it('reads the environment, and flags win over it', () => {
    Object.assign(process.env, {
      PORT: '4555',
      DATA_DIR: '/tmp/dir',
      HUB_ADMIN_TOKEN: 's3cret',
      SEED: 'false',
      DIRECTORY_MEMBERS: '216200410=http://127.0.0.1:4202/graphql, 200072460=http://127.0.0.1:4201/graphql',
    });
    expect(loadConfig([])).toMatchObject({
      port: 4555,
      dataDir: '/tmp/dir',
      hubAdminToken: 's3cret',
      seed: false,
      members: [
        { siren: '216200410', registryUrl: 'http://127.0.0.1:4202/graphql' },
        { siren: '200072460', registryUrl: 'http://127.0.0.1:4201/graphql' },
      ],
    });
    expect(loadConfig(['--port', '0', '--data-dir', 'memory://x', '--member', '226200012=http://h/graphql'])).toMatchObject({
      port: 0,
      dataDir: 'memory://x',
      members: [{ siren: '226200012', registryUrl: 'http://h/graphql' }],
    });
    process.env.SEED = 'maybe';
    expect(() => loadConfig([])).toThrow(/SEED must be true or false/);
    expect(() => loadConfig(['--port', 'x'])).toThrow(/port/);
  });

  it('parses member lists', () => {
    expect(parseMemberList('')).toEqual([]);
    expect(() => parseMemberList('216200410')).toThrow(/not siren=url/);
  });
});
