import { DEFAULT_CONFIG, loadConfig, parseFlags } from '../src/config';

const VARIABLES = ['PORT', 'WEB_PORT', 'HOST', 'BIBIA_ENDPOINT', 'BIBIA_GATEWAY_URL', 'MAX_BODY_BYTES'];

describe('web loadConfig: flags beat env vars beat defaults', () => {
  const saved = { ...process.env };
  let warnings: string[];
  const warn = (m: string) => warnings.push(m);
  beforeEach(() => {
    warnings = [];
    for (const name of VARIABLES) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has documented defaults', () => {
    expect(loadConfig({}, warn)).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toEqual({ port: 4300, host: '127.0.0.1', endpoint: 'http://localhost:4000/graphql', maxBodyBytes: 1024 * 1024 });
    expect(warnings).toEqual([]);
  });

  it('reads BIBIA_ENDPOINT like the CLI, and flags win over it', () => {
    Object.assign(process.env, { PORT: '4301', BIBIA_ENDPOINT: 'https://bibia.example/graphql' });
    expect(loadConfig({}, warn)).toMatchObject({ port: 4301, endpoint: 'https://bibia.example/graphql' });
    expect(loadConfig(parseFlags(['--port', '0', '--endpoint', 'http://127.0.0.1:4000/graphql'], warn), warn)).toMatchObject({ port: 0, endpoint: 'http://127.0.0.1:4000/graphql' });
    expect(warnings).toEqual([]);
  });

  it('still reads the old names, with a deprecation warning; the new ones win', () => {
    Object.assign(process.env, { BIBIA_GATEWAY_URL: 'http://old.example/graphql', WEB_PORT: '4302' });
    expect(loadConfig({}, warn)).toMatchObject({ port: 4302, endpoint: 'http://old.example/graphql' });
    expect(warnings).toEqual(['BIBIA_GATEWAY_URL is deprecated, use BIBIA_ENDPOINT', 'WEB_PORT is deprecated, use PORT']);
    process.env.BIBIA_ENDPOINT = 'http://new.example/graphql';
    expect(loadConfig({}, warn).endpoint).toBe('http://new.example/graphql');
    warnings = [];
    expect(parseFlags(['--gateway', 'http://flag.example/graphql'], warn)).toEqual({ endpoint: 'http://flag.example/graphql' });
    expect(warnings).toEqual(['--gateway is deprecated, use --endpoint']);
  });

  it('refuses a bad value with one line naming the flag or the variable', () => {
    expect(() => parseFlags(['--port', '65536'], warn)).toThrow(/^--port must be 0\.\.65535, got "65536"$/);
    process.env.BIBIA_ENDPOINT = 'localhost:4000';
    expect(() => loadConfig({}, warn)).toThrow(expect.objectContaining({ exitCode: 2, message: 'BIBIA_ENDPOINT must be an http(s) URL, got "localhost:4000"' }));
  });
});
