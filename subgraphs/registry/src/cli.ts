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

export function buildCli(): Command {
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
    });

  const token = program.command('token').description('Publisher tokens (stored hashed; a token is shown once).');
  addStorageOptions(token.command('create').description('Create a token for a publisher.'))
    .requiredOption('--label <label>', 'who holds it, e.g. "Service numérique - Jeanne"')
    .action((opts) =>
      withPrisma(opts, async (prisma, siren) => {
        const { id, token: secret } = await lazy.tokens().createToken(prisma, opts.label, { siren });
        console.log(`Token ${id} created for "${opts.label}". Copy it now, it will not be shown again:\n\n  ${secret}\n`);
        console.log('Use it as: Authorization: Bearer <token>');
      }),
    );
  addStorageOptions(token.command('list').description('List tokens (never their value).')).action((opts) =>
    withPrisma(opts, async (prisma) => {
      const rows = await lazy.tokens().listTokens(prisma);
      if (!rows.length) return console.log('No token yet: bibia-registry token create --label "..."');
      for (const r of rows) {
        const state = r.revokedAt ? `revoked ${r.revokedAt.toISOString()}` : 'active';
        console.log(`${r.id}  ${state.padEnd(32)}  created ${r.createdAt.toISOString()}  last used ${r.lastUsedAt?.toISOString() ?? 'never'}  ${r.label}`);
      }
    }),
  );
  addStorageOptions(token.command('revoke').description('Revoke a token by id.').argument('<id>')).action((id: string, opts) =>
    withPrisma(opts, async (prisma) => {
      if (!(await lazy.tokens().revokeToken(prisma, id))) {
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
      // A configuration error is one line and exit 2; any other failure exit 1.
      console.error(`bibia-registry: ${err instanceof Error ? err.message : String(err)}`);
      process.exit((err as { exitCode?: number }).exitCode ?? 1);
    });
}
