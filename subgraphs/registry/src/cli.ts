import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig, type RegistryConfig } from './config';
import { openRegistryStorage } from './storage';
import { createToken, listTokens, revokeToken } from './auth/tokens';
import { printRegistrySdl } from './printSchema';
import { main } from './index';

const CONTRACT_FILE = path.join(__dirname, '..', '..', '..', 'schema', 'registry.graphql');

/** Options every command shares; they override the environment. */
function withStorageOptions(cmd: Command): Command {
  return cmd
    .option('--siren <siren>', 'SIREN of the collectivité (env REGISTRY_SIREN)')
    .option('--data-dir <dir>', 'embedded database directory (env DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL URL (env DATABASE_URL)');
}

function configFrom(opts: { siren?: string; dataDir?: string; databaseUrl?: string; port?: string; host?: string; seed?: string }): RegistryConfig {
  return loadConfig({
    siren: opts.siren,
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    port: opts.port === undefined ? undefined : Number(opts.port),
    host: opts.host,
    seedFile: opts.seed,
  });
}

async function withPrisma<T>(opts: Parameters<typeof configFrom>[0], fn: (p: Awaited<ReturnType<typeof openRegistryStorage>>['prisma']) => Promise<T>): Promise<T> {
  const config = configFrom(opts);
  const storage = await openRegistryStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(storage.prisma);
  } finally {
    await storage.close();
  }
}

export function buildCli(): Command {
  const program = new Command('bibia-registry').description("A collectivité's BibIA registry: serve it, manage publisher tokens.");

  withStorageOptions(program.command('serve', { isDefault: true }).description('Start the registry (GraphQL on /graphql).'))
    .option('--port <port>', 'port (env PORT, default 4201)')
    .option('--host <host>', 'interface (env HOST, default 127.0.0.1)')
    .option('--seed <file>', 'seed an empty registry from this JSON file, or "bundled" (env SEED_FILE)')
    .action(async (opts) => {
      await main(configFrom(opts));
    });

  const token = program.command('token').description('Publisher tokens (stored hashed; a token is shown once).');
  withStorageOptions(token.command('create').description('Create a token for a publisher.'))
    .requiredOption('--label <label>', 'who holds it, e.g. "Service numérique - Jeanne"')
    .action((opts) =>
      withPrisma(opts, async (prisma) => {
        const { id, token: secret } = await createToken(prisma, opts.label);
        console.log(`Token ${id} created for "${opts.label}". Copy it now, it will not be shown again:\n\n  ${secret}\n`);
        console.log('Use it as: Authorization: Bearer <token>');
      }),
    );
  withStorageOptions(token.command('list').description('List tokens (never their value).')).action((opts) =>
    withPrisma(opts, async (prisma) => {
      const rows = await listTokens(prisma);
      if (!rows.length) return console.log('No token yet: bibia-registry token create --label "..."');
      for (const r of rows) {
        const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active';
        console.log(`${r.id}  ${state.padEnd(32)}  created ${r.createdAt.toISOString()}  last used ${r.lastUsedAt?.toISOString() ?? 'never'}  ${r.label}`);
      }
    }),
  );
  withStorageOptions(token.command('revoke').description('Revoke a token by id.').argument('<id>')).action((id: string, opts) =>
    withPrisma(opts, async (prisma) => {
      if (!(await revokeToken(prisma, id))) {
        console.error(`No active token with id ${id} (see: bibia-registry token list)`);
        process.exitCode = 1;
        return;
      }
      console.log(`Token ${id} revoked.`);
    }),
  );

  program
    .command('print-schema')
    .description('Write the contract SDL to schema/registry.graphql (--check: fail if it differs).')
    .option('--check', 'exit 1 when the committed file differs from the code')
    .action(async (opts) => {
      const sdl = await printRegistrySdl();
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

export function run(argv: string[]): void {
  const program = buildCli();
  program
    .parseAsync(argv)
    .then(() => {
      // One-shot commands end here: the embedded database and the WASM schema engine leave
      // 10-second internal timers behind that would otherwise delay the exit.
      const serving = program.args.length === 0 || program.args[0] === 'serve';
      if (!serving) process.exit(process.exitCode ?? 0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
