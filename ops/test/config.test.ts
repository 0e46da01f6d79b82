import path from 'node:path';
import { DEFAULT_CONFIG, loadConfig, parseFlags } from '../src/config';

const VARIABLES = ['DATA_DIR', 'PORT', 'DIRECTORY_PORT', 'MEMBER_PORT', 'REDIS_URL'];

describe('dev stack loadConfig: flags beat env vars beat defaults', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of VARIABLES) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has documented defaults', () => {
    expect(loadConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toEqual({ dataDir: path.resolve(__dirname, '..', '..', '.data'), port: 4000, directoryPort: 4100, indexPort: 4050, memberPort: 4201, gatewayLimits: {} });
  });

  it('reads the environment, and flags win over it', () => {
    Object.assign(process.env, { PORT: '5000', MEMBER_PORT: '5201', DATA_DIR: '/tmp/bibia' });
    expect(loadConfig()).toMatchObject({ port: 5000, memberPort: 5201, directoryPort: 4100, dataDir: '/tmp/bibia' });
    expect(loadConfig(parseFlags(['--port', '6000', '--redis-url', 'redis://localhost:6379']))).toMatchObject({ port: 6000, memberPort: 5201, redisUrl: 'redis://localhost:6379' });
  });

  it('refuses a bad value with one line naming the flag or the variable', () => {
    expect(() => parseFlags(['--member-port', 'abc'])).toThrow(/^--member-port must be 0\.\.65535, got "abc"$/);
    process.env.DIRECTORY_PORT = '-1';
    expect(() => loadConfig()).toThrow(expect.objectContaining({ exitCode: 2, message: 'DIRECTORY_PORT must be 0..65535, got "-1"' }));
  });
});
