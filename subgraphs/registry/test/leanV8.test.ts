import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LEAN_V8 = path.join(__dirname, '..', 'bin', 'leanV8.js');

// A child process sets the bin's V8 settings at run time, then allocates like a start (many
// objects that survive a few collections) and reports the young generation's size.
const CHILD = `
const { flags } = require(${JSON.stringify(LEAN_V8)}).applyLeanV8Flags(process.env, process.execArgv);
const keep = [];
for (let i = 0; i < 3e6; i++) { keep.push({ i }); if (keep.length > 300000) keep.length = 0; }
const newSpace = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(JSON.stringify({ flags, newSpaceMb: newSpace.space_size / 1048576 }));
`;

async function child(env: Record<string, string>): Promise<{ flags: string[]; newSpaceMb: number }> {
  const baseEnv = { ...process.env };
  delete baseEnv.NODE_OPTIONS;
  delete baseEnv.BIBIA_V8_DEFAULTS;
  const { stdout } = await run(process.execPath, ['-e', CHILD], { env: { ...baseEnv, ...env } });
  return JSON.parse(stdout);
}

describe("the registry bin's V8 settings (bin/leanV8.js)", () => {
  it('keep the young generation at its first size when set at run time', async () => {
    const lean = await child({});
    expect(lean.flags).toEqual(['--liftoff-only', '--optimize-for-size', '--semi-space-growth-factor=1']);
    expect(lean.newSpaceMb).toBeLessThanOrEqual(2);
    // The same allocations with V8's defaults grow it: the setting is what keeps it small.
    const defaults = await child({ BIBIA_V8_DEFAULTS: 'off' });
    expect(defaults.flags).toEqual([]);
    expect(defaults.newSpaceMb).toBeGreaterThan(lean.newSpaceMb);
  });

  it('leave the semi-space size to NODE_OPTIONS when it sets one', async () => {
    const chosen = await child({ NODE_OPTIONS: '--max-semi-space-size=4' });
    expect(chosen.flags).toEqual(['--liftoff-only', '--optimize-for-size']);
  });
});
