import { createBibiaClient, type BibiaClient } from '@bibia/sdk';
import type { Command } from 'commander';
import type { CliIO } from './io';

export const DEFAULT_ENDPOINT = 'http://localhost:4000/graphql';

/** Global options, resolved: flags beat environment variables beat defaults. */
export interface GlobalOptions {
  /** --endpoint, env BIBIA_ENDPOINT. @default http://localhost:4000/graphql */
  endpoint: string;
  /**
   * --token, env BIBIA_TOKEN. Sent with every command: the gateway passes a publisher token
   * (`bibia_pub_<siren>_…`) on to the member it names only, and no other credential to any member.
   */
  token?: string;
  /** --json: machine-readable output on stdout. */
  json: boolean;
}

export interface CommandContext extends GlobalOptions {
  io: CliIO;
  client: BibiaClient;
  /** Exit code once the command is done (e.g. 1 when an import found errors). */
  exitCode: number;
}

/** Runs a command's action with its context; owns errors and the exit code. */
export type CommandRunner = (cmd: Command, action: (ctx: CommandContext) => Promise<void>) => Promise<void>;

export function resolveGlobals(cmd: Command, io: CliIO): GlobalOptions {
  const o = cmd.optsWithGlobals<{ endpoint?: string; token?: string; json?: boolean }>();
  return {
    endpoint: o.endpoint ?? io.env.BIBIA_ENDPOINT ?? DEFAULT_ENDPOINT,
    token: o.token ?? (io.env.BIBIA_TOKEN || undefined),
    json: Boolean(o.json),
  };
}

export function createContext(cmd: Command, io: CliIO): CommandContext {
  const globals = resolveGlobals(cmd, io);
  return {
    ...globals,
    io,
    client: createBibiaClient({ url: globals.endpoint, token: globals.token, fetch: io.fetch, retries: 2, timeoutMs: 30_000 }),
    exitCode: 0,
  };
}
