import fs from 'node:fs';
import path from 'node:path';
import { createLogger, definedOnly, importHubSigningKey, openStorage, queryLimitsOf, rateLimitOptionsOf, serveSubgraph, type Logger, type Storage } from '@bibia/kit';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_CONFIG, type DirectoryConfig } from './config';
import { createContext, type DirectoryContext, type DirectoryServices } from './context';
import { PrismaClient } from './generated/prisma/client';
import { loadReference } from './reference/loadReference';
import { setMembership } from './membership/setMembership';
import { wellKnownRoutes } from './partner/wellKnownRoutes';
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
 * take their defaults (`DEFAULT_CONFIG`), never the environment: `main()` reads that.
 */
export async function createDirectoryServer(options: DirectoryServerOptions = {}): Promise<DirectoryServer> {
  const { logger: givenLogger, onQuery, ...given } = options;
  const config: DirectoryConfig = { ...DEFAULT_CONFIG, ...definedOnly(given) };
  const logger = givenLogger ?? createLogger('directory');
  // Before the database: a key that cannot be imported stops the start with nothing opened.
  const signingKey = config.hubSigningKey ? await importHubSigningKey(config.hubSigningKey) : undefined;
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
  try {
    const { prisma } = storage;
    if (storage.appliedMigrations.length) logger.info({ migrations: storage.appliedMigrations }, 'migrations applied');
    if (config.seed) {
      const added = await seedDirectory(prisma);
      if (added.collectivites || added.aiProducts) logger.info(added, 'empty directory seeded');
    }
    // After the seed, which fills an empty directory only: the reference never replaces its rows.
    if (config.reference) await loadReference(prisma, { logger, departements: config.referenceDepartements });
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
      allowPrivateMemberUrls: config.allowPrivateMemberUrls,
      signingKey,
    };
    const schema = await buildDirectorySchema();
    const http = await serveSubgraph<DirectoryContext>({
      schema,
      logger,
      port: config.port,
      host: config.host,
      maxBodyBytes: config.maxBodyBytes,
      limits: queryLimitsOf(config),
      rateLimit: rateLimitOptionsOf(config, { redisUrl: config.redisUrl, keyPrefix: 'bibia:directory:ratelimit:' }),
      context: async (req) => createContext(services, req),
      routes: wellKnownRoutes(prisma, signingKey, logger),
      checkReady: async () => {
        await prisma.$queryRawUnsafe('SELECT 1');
        return { database: storage.database.kind };
      },
    });
    logger.info({ url: http.graphqlUrl, database: storage.database.location }, 'directory subgraph listening');
    return {
      url: http.url,
      graphqlUrl: http.graphqlUrl,
      port: http.port,
      prisma,
      schema,
      logger,
      close: async () => {
        await http.close();
        await storage.close();
      },
    };
  } catch (err) {
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
