import { ConfigError, DEFAULT_CONFIG, loadConfig, parseFlags } from '../src/config';

const VARIABLES = [
  'PORT', 'HOST', 'SUPERGRAPH_FILE', 'DIRECTORY_URL', 'HUB_ADMIN_TOKEN', 'REDIS_URL', 'REDIS_KEY_PREFIX', 'MEMBER_TIMEOUT_MS', 'MEMBER_REFRESH_MS',
  'HEALTH_REPORT_INTERVAL_MS', 'MAX_DEPTH', 'MAX_COST', 'RESPONSE_CACHE_TTL_MS', 'APQ_TTL_SECONDS', 'MAX_BODY_BYTES', 'INDEX_URL', 'INDEX_TIMEOUT_MS',
  'INDEX_RETRY_AFTER_MS',
];

describe('gateway loadConfig: flags beat env vars beat defaults', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of VARIABLES) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has documented defaults', () => {
    expect(loadConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({ port: 4000, host: '127.0.0.1', memberTimeoutMs: 3000, maxDepth: 12, maxCost: 5000, maxBodyBytes: 1024 * 1024 });
    expect(DEFAULT_CONFIG.supergraphFile).toMatch(/schema\/supergraph\.graphql$/);
    // No index unless one is configured: every list is read live, as before the index existed.
    expect(DEFAULT_CONFIG.indexUrl).toBeUndefined();
    expect(DEFAULT_CONFIG).toMatchObject({ indexTimeoutMs: 1500, indexRetryAfterMs: 5000 });
  });

  it('reads the national index options', () => {
    Object.assign(process.env, { INDEX_URL: 'http://127.0.0.1:4050/graphql', INDEX_TIMEOUT_MS: '800' });
    expect(loadConfig(parseFlags(['--index-retry-after-ms', '0']))).toMatchObject({ indexUrl: 'http://127.0.0.1:4050/graphql', indexTimeoutMs: 800, indexRetryAfterMs: 0 });
    expect(loadConfig(parseFlags(['--index-url', 'https://index.example/graphql']))).toMatchObject({ indexUrl: 'https://index.example/graphql' });
    expect(() => parseFlags(['--index-url', 'index:4050'])).toThrow(/--index-url must be an http\(s\) URL/);
    process.env.INDEX_TIMEOUT_MS = '0';
    expect(() => loadConfig()).toThrow(/INDEX_TIMEOUT_MS/);
  });

  it('reads the environment, and flags win over it', () => {
    Object.assign(process.env, { PORT: '4010', DIRECTORY_URL: 'http://127.0.0.1:4100/graphql', HUB_ADMIN_TOKEN: 't', RESPONSE_CACHE_TTL_MS: '0', MAX_COST: '100' });
    expect(loadConfig()).toMatchObject({ port: 4010, directoryUrl: 'http://127.0.0.1:4100/graphql', hubAdminToken: 't', responseCacheTtlMs: 0, maxCost: 100, maxDepth: 12 });
    expect(loadConfig(parseFlags(['--port', '0', '--max-cost', '200', '--directory-url', 'https://hub.example/graphql']))).toMatchObject({
      port: 0,
      maxCost: 200,
      directoryUrl: 'https://hub.example/graphql',
      responseCacheTtlMs: 0,
      hubAdminToken: 't',
    });
  });

  it('keeps secrets out of the command line', () => {
    expect(() => parseFlags(['--hub-admin-token', 'x'])).toThrow(/unknown option/);
  });

  it('refuses a bad value with one line naming the flag or the variable', () => {
    expect(() => parseFlags(['--port', 'x'])).toThrow(new ConfigError('--port must be 0..65535, got "x"'));
    expect(() => parseFlags(['--directory-url', 'ftp://x'])).toThrow('--directory-url must be an http(s) URL, got "ftp://x"');
    process.env.PORT = 'x';
    expect(() => loadConfig()).toThrow('PORT must be 0..65535, got "x"');
    delete process.env.PORT;
    process.env.MAX_DEPTH = '1.5';
    expect(() => loadConfig()).toThrow(expect.objectContaining({ exitCode: 2, message: 'MAX_DEPTH must be a whole number above 0, got "1.5"' }));
  });
});
