import { BibiaError, createBibiaClient, type BibiaClient } from '@bibia/sdk';
import type { Command } from 'commander';
import type { CommandContext } from './context';
import { CliError, ExitCode } from './errors';

/** Adds `--admin-token` to a hub-admin command. */
export function withAdminToken(cmd: Command): Command {
  return cmd.option('--admin-token <token>', 'hub admin token (env HUB_ADMIN_TOKEN; the variable keeps it out of the process list)');
}

/**
 * Runs `fn` with a client that carries the hub admin token (`--admin-token`, env HUB_ADMIN_TOKEN),
 * never the global `--token`: hub administration and reading as a partner or publisher are
 * different hats. A refused admin token says so.
 */
export async function asHubAdmin<T>(ctx: CommandContext, cmd: Command, fn: (client: BibiaClient) => Promise<T>): Promise<T> {
  const token = cmd.opts<{ adminToken?: string }>().adminToken ?? (ctx.io.env.HUB_ADMIN_TOKEN || undefined);
  if (!token) throw new CliError(`bibia ${cmd.parent?.name() ?? ''} ${cmd.name()} needs the hub admin token: set HUB_ADMIN_TOKEN (or give --admin-token)`, ExitCode.BAD_TOKEN);
  try {
    return await fn(createBibiaClient({ url: ctx.endpoint, token, fetch: ctx.io.fetch, retries: 0, timeoutMs: 30_000 }));
  } catch (err) {
    if (err instanceof BibiaError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) {
      throw new CliError(`the hub refused: ${err.message}`, ExitCode.BAD_TOKEN);
    }
    throw err;
  }
}
