import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_CONFIG, loadConfig } from '../src/config';

const BIN = path.join(__dirname, '..', 'bin', 'bibia-index.js');

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('takes flags over environment variables over defaults', () => {
    process.env.PORT = '5000';
    process.env.HARVEST_INTERVAL_MS = '750';
    process.env.INSTANCE_ID = 'from-env';
    const config = loadConfig({ port: 6000 });
    expect(config.port).toBe(6000);
    expect(config.harvestIntervalMs).toBe(750);
    expect(config.instanceId).toBe('from-env');
    expect(config.harvestConcurrency).toBe(DEFAULT_CONFIG.harvestConcurrency);
    expect(DEFAULT_CONFIG.port).toBe(4050);
    expect(DEFAULT_CONFIG.dataDir).toBe('.data/index');
  });

  it('refuses a value that is not a number, naming the variable', () => {
    process.env.HARVEST_CONCURRENCY = 'lots';
    expect(() => loadConfig()).toThrow(/HARVEST_CONCURRENCY/);
  });

  it('answers --help and --version without starting anything', () => {
    expect(execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })).toMatch(/serve[\s\S]*resync[\s\S]*print-schema/);
    expect(execFileSync(process.execPath, [BIN, 'resync', '--help'], { encoding: 'utf8' })).toMatch(/--siren/);
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 30_000);
});
