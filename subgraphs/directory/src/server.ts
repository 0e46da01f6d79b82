import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createLogger, listenHttp, openStorage, sendJson, type Logger, type Storage } from '@bibia/kit';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { defaultConfig, type DirectoryConfig } from './config';
import { createContext, type DirectoryContext, type DirectoryServices } from './context';
import { PrismaClient } from './generated/prisma/client';
import { setMembership } from './membership/setMembership';
import { buildDirectorySchema } from './schema';
import { seedDirectory } from './seed/seedDirectory';

/** A running directory subgraph. */
export interface DirectoryServer {
  /** Base URL, e.g. `http://127.0.0.1:4100`. */
  url: string;
  /** The GraphQL endpoint: `<url>/graphql`. */
  graphqlUrl: string;
  port: number;
  prisma: PrismaClient;
  schema: GraphQLSchema;
  logger: Logger;
  /** Stops the HTTP server, Apollo and the database. */
  close(): Promise<void>;
}

export type DirectoryServerOptions = Partial<DirectoryConfig> & {
  /** @default a pino logger named "directory" */
  logger?: Logger;
  /** Called with every SQL statement (tests count them to check batching). */
  onQuery?: (sql: string) => void;
};

const MIGRATIONS_DIR = path.join(__dirname, '..', 'prisma', 'migrations');

/**
 * Starts the directory subgraph: opens and migrates the database, seeds it when empty, sets the
 * configured members, serves GraphQL on `/graphql` with `/health` and `/ready`. Options not given
 * take their defaults (`defaultConfig()`), never the environment: `main()` reads that.
 */
export async function createDirectoryServer(options: DirectoryServerOptions = {}): Promise<DirectoryServer> {
  const { logger: givenLogger, onQuery, ...given } = options;
  const config: DirectoryConfig = { ...defaultConfig(), ...stripUndefined(given) };
  const logger = givenLogger ?? createLogger('directory');
  const storage: Storage<PrismaClient> = await openStorage({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrationsDir: MIGRATIONS_DIR,
    createClient: (adapter) => {
      if (!onQuery) return new PrismaClient({ adapter });
      const client = new PrismaClient({ adapter, log: [{ level: 'query', emit: 'event' }] });
      client.$on('query', (e) => onQuery(e.query));
      return client as unknown as PrismaClient;
    },
  });
  let apollo: ApolloServer<DirectoryContext> | undefined;
  try {
    const { prisma } = storage;
    if (storage.appliedMigrations.length) logger.info({ migrations: storage.appliedMigrations }, 'migrations applied');
    if (config.seed) {
      const added = await seedDirectory(prisma);
      if (added.collectivites || added.aiProducts) logger.info(added, 'empty directory seeded');
    }
    for (const member of config.members) {
      await setMembership(prisma, member);
      logger.info({ siren: member.siren, registryUrl: member.registryUrl }, 'member set from the configuration (no conformance check)');
    }

    const services: DirectoryServices = {
      prisma,
      logger,
      hubAdminToken: config.hubAdminToken,
      readContract: () => config.contractSdl ?? readFileIfAny(config.contractPath),
      contractSource: config.contractSdl !== undefined ? 'given in the configuration' : `${config.contractPath} not found`,
      conformanceTimeoutMs: config.conformanceTimeoutMs,
      unreachableAfter: config.unreachableAfter,
    };
    const schema = await buildDirectorySchema();
    apollo = new ApolloServer<DirectoryContext>({
      schema,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      // main() stops the whole server on SIGINT/SIGTERM; Apollo's own handlers would race it.
      stopOnTerminationSignals: false,
      // The default landing page loads from a CDN; clients use the SDL in schema/ instead.
      // No Apollo Studio usage reporting, so no inline traces for it.
      plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
      logger,
      formatError: (formatted, error) => maskInternalError(formatted, error, logger),
    });
    await apollo.start();
    const http = await listenHttp({
      apollo,
      port: config.port,
      host: config.host,
      context: async (req) => createContext(services, req),
      routes: {
        '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
        '/ready': async (_req, res) => {
          try {
            await prisma.$queryRawUnsafe('SELECT 1');
            sendJson(res, 200, { status: 'ready', database: storage.database.kind });
          } catch (err) {
            logger.error({ err }, 'readiness check failed');
            sendJson(res, 503, { status: 'unavailable', reason: 'database' });
          }
        },
      },
    });
    logger.info({ url: http.graphqlUrl, database: storage.database.location }, 'directory subgraph listening');
    const started = apollo;
    return {
      url: http.url,
      graphqlUrl: http.graphqlUrl,
      port: http.port,
      prisma,
      schema,
      logger,
      close: async () => {
        await http.close();
        await started.stop();
        await storage.close();
      },
    };
  } catch (err) {
    await apollo?.stop().catch(() => {});
    await storage.close();
    throw err;
  }
}

function readFileIfAny(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Bugs reach clients as a generic message; the details go to the log. */
function maskInternalError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logger.error({ err: error, path: formatted.path }, 'internal error');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
