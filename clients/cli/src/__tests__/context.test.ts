import type { CliIO } from '../io';
import { DEFAULT_ENDPOINT, resolveGlobals, type GlobalOptions } from '../context';
import { buildProgram } from '../main';

/** The global options `bibia stats` would run with, given flags and an environment. */
async function globals(flags: string[], env: Record<string, string>): Promise<GlobalOptions> {
  const io: CliIO = { stdout: () => {}, stderr: () => {}, env, stderrIsTTY: false };
  let seen: GlobalOptions | undefined;
  const program = buildProgram(io, async (cmd) => {
    seen = resolveGlobals(cmd, io);
  });
  await program.parseAsync(['node', 'bibia', ...flags, 'stats']);
  return seen!;
}

describe('bibia global options: flags beat env vars beat defaults', () => {
  it('defaults to the local gateway, no token', async () => {
    expect(await globals([], {})).toEqual({ endpoint: DEFAULT_ENDPOINT, token: undefined, json: false });
    expect(DEFAULT_ENDPOINT).toBe('http://localhost:4000/graphql');
  });

  it('reads BIBIA_ENDPOINT and BIBIA_TOKEN, and flags win over them', async () => {
    const env = { BIBIA_ENDPOINT: 'https://bibia.example/graphql', BIBIA_TOKEN: 'env-token' };
    expect(await globals([], env)).toEqual({ endpoint: 'https://bibia.example/graphql', token: 'env-token', json: false });
    expect(await globals(['--endpoint', 'http://127.0.0.1:4000/graphql', '--token', 'flag-token', '--json'], env)).toEqual({
      endpoint: 'http://127.0.0.1:4000/graphql',
      token: 'flag-token',
      json: true,
    });
  });
});
