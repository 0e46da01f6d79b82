import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { version } from '../package.json';
import { addServeOptions, addStorageOptions, flagsFromOptions, loadConfig } from './config';
import type { RegistryPrisma } from './storage';

const CONTRACT_FILE = path.join(__dirname, '..', '..', '..', 'schema', 'registry.graphql');

// The server, storage and schema modules are required in the actions, not at the top: `--help`,
// `--version` and usage errors answer at once, without loading Prisma or type-graphql.
// (`require`, not `import()`: the TypeScript loader keeps dynamic imports for ESM-only packages.)
/* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, see above */
const lazy = {
  index: () => require('./index') as typeof import('./index'),
  storage: () => require('./storage') as typeof import('./storage'),
  tokens: () => require('./auth/tokens') as typeof import('./auth/tokens'),
  tokenSocket: () => require('./auth/tokenSocket') as typeof import('./auth/tokenSocket'),
  join: () => require('./join/joinHub') as typeof import('./join/joinHub'),
  printSchema: () => require('./printSchema') as typeof import('./printSchema'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

async function withPrisma<T>(opts: Record<string, unknown>, fn: (prisma: RegistryPrisma, siren: string) => Promise<T>): Promise<T> {
  const config = loadConfig(flagsFromOptions(opts));
  const storage = await lazy.storage().openRegistryStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  try {
    return await fn(storage.prisma, config.siren);
  } finally {
    await storage.close();
  }
}

type TokenRow = { id: string; label: string; createdAt: Date; revokedAt: Date | null; lastUsedAt: Date | null };

/**
 * Runs a token command in the registry running on the embedded database, if one does (it alone
 * sees the database: auth/tokenSocket.ts); otherwise opens the database here.
 */
async function tokenCommand<T>(
  opts: Record<string, unknown>,
  request: import('./auth/tokenSocket').TokenRequest,
  direct: (prisma: RegistryPrisma, siren: string) => Promise<T>,
): Promise<T> {
  const config = loadConfig(flagsFromOptions(opts));
  if (!config.databaseUrl) {
    const answer = await lazy.tokenSocket().askRunningRegistry(config.dataDir, request);
    if (answer !== undefined) return answer as T;
  }
  return withPrisma(opts, direct);
}

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

/** Options of {@link buildCli} and {@link run}. */
export interface CliOptions {
  /** Called once `serve` listens (the bin turns off its start-only V8 settings: bin/leanV8.js). */
  afterStart?: () => void;
}

export function buildCli(options: CliOptions = {}): Command {
  const program = new Command('bibia-registry')
    .description("A collectivité's BibIA registry: serve it, manage publisher tokens. Options: docs/configuration.md.")
    .version(version, '-V, --version')
    // Usage errors exit 2, as for every BibIA command; --help and --version exit 0.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .allowExcessArguments(false);

  addServeOptions(program.command('serve', { isDefault: true }).description('Start the registry (GraphQL on /graphql).'))
    .addHelpText('after', '\nFlags beat environment variables, which beat defaults (docs/configuration.md).')
    .action(async (opts) => {
      await lazy.index().main(flagsFromOptions(opts));
      options.afterStart?.();
    });

  const token = program.command('token').description('Publisher tokens (stored hashed; a token is shown once).');
  addStorageOptions(token.command('create').description('Create a token for a publisher.'))
    .requiredOption('--label <label>', 'who holds it, e.g. "Service numérique - Jeanne"')
    .action(async (opts) => {
      const { id, token: secret } = await tokenCommand(opts, { op: 'create', label: opts.label }, (prisma, siren) => lazy.tokens().createToken(prisma, opts.label, { siren }));
      console.log(`Token ${id} created for "${opts.label}". Copy it now, it will not be shown again:\n\n  ${secret}\n`);
      console.log('Use it as: Authorization: Bearer <token> (valid at once, also while the registry runs)');
    });
  addStorageOptions(token.command('list').description('List tokens (never their value).')).action(async (opts) => {
    const rows = (await tokenCommand<TokenRow[]>(opts, { op: 'list' }, (prisma) => lazy.tokens().listTokens(prisma))).map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt),
      revokedAt: dateOrNull(r.revokedAt),
      lastUsedAt: dateOrNull(r.lastUsedAt),
    }));
    if (!rows.length) return console.log('No token yet: bibia-registry token create --label "..."');
    for (const r of rows) {
      const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active';
      console.log(`${r.id}  ${state.padEnd(32)}  created ${r.createdAt.toISOString()}  last used ${r.lastUsedAt?.toISOString() ?? 'never'}  ${r.label}`);
    }
  });
  addStorageOptions(token.command('revoke').description('Revoke a token by id.').argument('<id>')).action(async (id: string, opts) => {
    const { revoked } = await tokenCommand(opts, { op: 'revoke', id }, async (prisma) => ({ revoked: await lazy.tokens().revokeToken(prisma, id) }));
    if (!revoked) {
      console.error(`No active token with id ${id} (see: bibia-registry token list)`);
      process.exitCode = 1;
      return;
    }
    console.log(`Token ${id} revoked.`);
  });

  program
    .command('join')
    .description("Ask a BibIA hub to admit this registry's collectivité (docs/joining.md): the hub admin approves the request.")
    .option('--siren <siren>', 'SIREN of the collectivité (env REGISTRY_SIREN, required)')
    .option('--hub <url>', "the hub's directory or gateway URL (env HUB_URL)")
    .requiredOption('--url <url>', "this registry's public GraphQL endpoint, as the hub will call it, e.g. https://ia.alette.fr/graphql")
    .requiredOption('--contact <email>', 'e-mail address of a contact at the collectivité, for the hub admin')
    .option('--contact-name <name>', 'name of that contact')
    .option('--message <text>', 'a word for the hub admin')
    .action(async (opts: { siren?: string; hub?: string; url: string; contact: string; contactName?: string; message?: string }) => {
      const config = loadConfig(flagsFromOptions({ siren: opts.siren }));
      const hubUrl = opts.hub ?? config.hubUrl;
      if (!hubUrl) throw Object.assign(new Error('--hub (or HUB_URL) is required: the URL of the hub to join'), { exitCode: 2 });
      const { joinHub, JoinError } = lazy.join();
      try {
        const request = await joinHub({ hubUrl, siren: config.siren, registryUrl: opts.url, contactEmail: opts.contact, contactName: opts.contactName, message: opts.message });
        console.log(`Request ${request.id} sent for ${request.collectivite.name} (${config.siren}): ${request.status}.`);
        console.log('The hub admin checks it with your contact, then approves it; your registry must stay reachable at that URL.');
      } catch (err) {
        if (err instanceof JoinError) {
          console.error(`bibia-registry join: ${err.message}`);
          process.exitCode = 1;
          return;
        }
        throw err;
      }
    });

  program
    .command('print-schema')
    .description('Write the contract SDL to schema/registry.graphql (--check: fail if it differs).')
    .option('--check', 'exit 1 when the committed file differs from the code')
    .action(async (opts) => {
      const sdl = await lazy.printSchema().printRegistrySdl();
      const current = fs.existsSync(CONTRACT_FILE) ? fs.readFileSync(CONTRACT_FILE, 'utf8') : '';
      if (opts.check) {
        if (current !== sdl) {
          console.error('schema/registry.graphql is out of date: run npm run schema:print');
          process.exitCode = 1;
        }
        return;
      }
      fs.writeFileSync(CONTRACT_FILE, sdl);
      console.log(`Wrote ${path.relative(process.cwd(), CONTRACT_FILE)}`);
    });
  return program;
}

export function run(argv: string[], options: CliOptions = {}): void {
  const program = buildCli(options);
  program
    .parseAsync(argv)
    .then(() => {
      // One-shot commands end here: the embedded database and the WASM schema engine leave
      // 10-second internal timers behind that would otherwise delay the exit.
      const serving = program.args.length === 0 || program.args[0] === 'serve';
      if (!serving) process.exit(process.exitCode ?? 0);
    })
    .catch((err: unknown) => {
      // A configuration error is one line and exit 2; any other failure exit 1.
      console.error(`bibia-registry: ${err instanceof Error ? err.message : String(err)}`);
      process.exit((err as { exitCode?: number }).exitCode ?? 1);
    });
}
