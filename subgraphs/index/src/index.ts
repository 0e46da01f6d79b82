import { stopOnSignals } from '@bibia/kit';
import fs from 'node:fs';
import path from 'node:path';
import { addConfigOptions, indexCommand, loadConfig, type IndexConfig } from './config';
import { createIndexServer } from './server';
import { printIndexSdl } from './graphql/schema';

export { createIndexServer, type IndexServer, type IndexServerOptions } from './server';
export { loadConfig, DEFAULT_CONFIG, ConfigError, type IndexConfig } from './config';
export { buildIndexSchema, buildIndexSubgraphSchema, printIndexSdl } from './graphql/schema';
export { Harvester, type HarvesterOptions, type RoundSummary } from './harvest/Harvester';
export { harvestMember } from './harvest/harvestMember';
export { ActiveMembers, type Member } from './members/ActiveMembers';
export { toTsQuery } from './search/frenchSearch';
export { libraryStats, LibraryStats, LibraryCount } from './graphql/libraryStats';

/** Where `print-schema` writes the `index` subgraph's SDL. */
export const INDEX_SDL_FILE = path.join(__dirname, '..', '..', '..', 'schema', 'index.graphql');

/**
 * Entry point for people (`bibia-index`, `argv` as in `process.argv`):
 * - `serve`: harvests in the background and serves `/graphql`; stops on SIGINT/SIGTERM;
 * - `resync [--siren <siren>...]`: resynchronises members in full (all by default), then exits;
 * - `print-schema [--check]`: writes schema/index.graphql (the `index` subgraph).
 */
export async function main(argv: string[] = process.argv): Promise<void> {
  const program = indexCommand();
  addConfigOptions(program.command('serve').description('Harvest the members and serve national reading on /graphql.')).action(async (opts: Partial<IndexConfig>) => {
    const server = await createIndexServer(loadConfig(opts));
    console.log(`BibIA national index: ${server.graphqlUrl}`);
    stopOnSignals(server, (signal) => server.logger.info({ signal }, 'stopping'));
  });
  addConfigOptions(
    program
      .command('resync')
      .description('Resynchronise members in full from their registries (all members by default), then exit.')
      .option('--siren <siren...>', 'only these members'),
  ).action(async (opts: Partial<IndexConfig> & { siren?: string[] }) => {
    const { siren, ...flags } = opts;
    const server = await createIndexServer({ ...loadConfig(flags), harvest: false, port: 0 });
    try {
      const summary = await server.resync(siren);
      console.log(`Resynchronised ${summary.harvested.length} member(s)${summary.failed.length ? `; failed: ${summary.failed.map((f) => `${f.siren} (${f.error})`).join(', ')}` : ''}`);
      if (summary.failed.length) process.exitCode = 1;
    } finally {
      await server.close();
    }
  });
  program
    .command('print-schema')
    .description('Write schema/index.graphql, the SDL of the `index` federation subgraph (libraryStats).')
    .option('--check', 'write nothing; exit 1 when the file differs from the code')
    .action(async (opts: { check?: boolean }) => {
      const sdl = await printIndexSdl();
      const current = fs.existsSync(INDEX_SDL_FILE) ? fs.readFileSync(INDEX_SDL_FILE, 'utf8') : null;
      const shown = path.relative(process.cwd(), INDEX_SDL_FILE);
      if (opts.check) {
        if (current !== sdl) {
          console.error(`${shown} differs from the code: run npm run -w @bibia/index print-schema`);
          process.exitCode = 1;
        } else console.log(`${shown} is up to date`);
        return;
      }
      if (current !== sdl) fs.writeFileSync(INDEX_SDL_FILE, sdl);
      console.log(current === sdl ? `${shown} unchanged` : `Wrote ${shown}`);
    });
  await program.parseAsync(argv);
}
