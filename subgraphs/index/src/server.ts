import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  createLogger, definedOnly, DEFAULT_SUBGRAPH_QUERY_LIMITS, formatClientError, guardedFetch, listenHttp, maskInternalError, queryLimits, queryLimitsOf, queryLimitsServerOptions, rateLimitOptionsOf, sendJson,
  type Logger, type Storage,
} from '@bibia/kit';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_CONFIG, defaultInstanceId, type IndexConfig } from './config';
import { openIndexStorage, type IndexPrisma } from './storage';
import { ActiveMembers } from './members/ActiveMembers';
import { Harvester, type RoundSummary } from './harvest/Harvester';
import { buildIndexSchema } from './graphql/schema';
import { createLoaders, type IndexContext } from './reading/context';
import { TotalCounts } from './reading/TotalCounts';
import { createMetrics, type IndexMetrics } from './http/metrics';
import { indexPlugin } from './http/indexPlugins';

/** A running index. */
export interface IndexServer {
  /** Base URL, e.g. `http://127.0.0.1:4050`. */
  url: string;
  /** `<url>/graphql`: the contract's reading side for every member, and `libraryStats`. */
  graphqlUrl: string;
  port: number;
  prisma: IndexPrisma;
  schema: GraphQLSchema;
  members: ActiveMembers;
  harvester: Harvester;
  metrics: IndexMetrics;
  logger: Logger;
  /** Reads the member list, then harvests every member due within an interval that no other instance holds. */
  harvestOnce(): Promise<RoundSummary>;
  /** Resynchronises these members (all when none given) in full, now. */
  resync(sirens?: string[]): Promise<RoundSummary>;
  /** Stops harvesting, the HTTP server, Apollo and the database. */
  close(): Promise<void>;
}

export type IndexServerOptions = Partial<IndexConfig> & {
  logger?: Logger;
  /** Called before every request to a member (tests count them). */
  onMemberRequest?: (siren: string, operation: string) => void;
};

/**
 * Starts the index: opens and migrates its database, reads the member list, serves GraphQL on
 * `/graphql` with `/health`, `/ready` (after the first harvest round) and `/metrics`, and harvests
 * in the background unless `harvest: false`. Options not given take their defaults, never the
 * environment (`main()` reads that).
 */
export async function createIndexServer(options: IndexServerOptions = {}): Promise<IndexServer> {
  const { logger: givenLogger, onMemberRequest, ...given } = options;
  const config: IndexConfig = { ...DEFAULT_CONFIG, instanceId: defaultInstanceId(), ...definedOnly(given) };
  const logger = givenLogger ?? createLogger('index');
  const storage: Storage<IndexPrisma> = await openIndexStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, logger });
  const { prisma } = storage;
  const members = new ActiveMembers({ directoryUrl: config.directoryUrl, refreshMs: config.membersRefreshMs, timeoutMs: config.memberTimeoutMs, logger });
  const metrics = createMetrics(prisma, members);
  // Per server: several servers in one process (tests) have several databases.
  const totals = new TotalCounts();
  const harvester = new Harvester({
    prisma,
    logger,
    instanceId: config.instanceId,
    intervalMs: config.harvestIntervalMs,
    concurrency: config.harvestConcurrency,
    leaseMs: config.leaseMs,
    timeoutMs: config.memberTimeoutMs,
    // Kept-alive connections either way; private addresses only on a development network.
    fetch: guardedFetch({ allowPrivateAddresses: config.allowPrivateMemberUrls }),
    onMemberRequest: (siren, operation) => {
      metrics.memberRequests.inc({ operation });
      onMemberRequest?.(siren, operation);
    },
    onHarvested: (_siren, outcome, error) => {
      metrics.harvests.inc({ outcome: error ? 'failed' : 'ok' });
      if (outcome?.resync) metrics.resyncs.inc();
    },
  });
  members.onChange = async (list) => {
    await harvester.syncMembers(list);
  };
  let apollo: ApolloServer<IndexContext> | null = null;
  try {
    await members.start();
    const schema = await buildIndexSchema();
    // The same configured document limits as every public server (a member's, the directory's).
    const limits = queryLimitsServerOptions<IndexContext>(queryLimits(queryLimitsOf(config), DEFAULT_SUBGRAPH_QUERY_LIMITS));
    apollo = new ApolloServer<IndexContext>({
      schema,
      parseOptions: limits.parseOptions,
      logger,
      includeStacktraceInErrorResponses: false,
      stopOnTerminationSignals: false,
      plugins: [limits.plugin, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), indexPlugin({ prisma, members, staleAfterMs: config.staleAfterMs, isReady: () => harvester.roundsCompleted > 0 })],
      formatError: (formatted, error) => maskInternalError(formatClientError(formatted, error), error, logger),
    });
    await apollo.start();
    const about = { service: 'index', instanceId: config.instanceId };
    const http = await listenHttp<IndexContext>({
      apollo,
      port: config.port,
      host: config.host,
      maxBodyBytes: config.maxBodyBytes,
      // Clients are limited per address and credential; the hub gateway, which sends all national reading, is exempt (`rateLimitExempt`).
      rateLimit: rateLimitOptionsOf(config, { redisUrl: config.redisUrl, keyPrefix: 'bibia:index:ratelimit:' }),
      context: async () => ({ prisma, members, totals, loaders: createLoaders(prisma, members) }),
      routes: {
        '/health': (_req, res) => sendJson(res, 200, { status: 'ok', ...about }),
        '/ready': async (_req, res) => {
          try {
            await prisma.$queryRawUnsafe('SELECT 1');
          } catch (err) {
            logger.error({ err }, 'readiness check failed');
            return sendJson(res, 503, { status: 'unavailable', reason: 'database', ...about });
          }
          if (harvester.roundsCompleted === 0) return sendJson(res, 503, { status: 'unavailable', reason: 'first harvest round not completed', ...about });
          sendJson(res, 200, { status: 'ready', database: storage.database.kind, members: members.list().length, ...about });
        },
        '/metrics': async (_req, res) => {
          res.setHeader('content-type', metrics.registry.contentType);
          res.end(await metrics.registry.metrics());
        },
      },
    });
    if (config.harvest) harvester.start();
    logger.info({ url: http.graphqlUrl, database: storage.database.location, instanceId: config.instanceId }, 'national index listening');
    const runningApollo = apollo;
    return {
      url: http.url,
      graphqlUrl: http.graphqlUrl,
      port: http.port,
      prisma,
      schema,
      members,
      harvester,
      metrics,
      logger,
      harvestOnce: async () => {
        await members.refresh();
        return harvester.harvestNow();
      },
      resync: async (sirens) => {
        await members.refresh();
        await harvester.requestResync(sirens);
        return harvester.round(new Date(), sirens);
      },
      close: async () => {
        members.stop();
        await harvester.stop();
        await http.close();
        await runningApollo.stop();
        await storage.close();
      },
    };
  } catch (err) {
    members.stop();
    await apollo?.stop().catch(() => {});
    await storage.close();
    throw err;
  }
}
