import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { checkDateInputs, createLogger, formatClientError, guardedFetch, keepAliveFetch, listenHttp, rateLimitOptionsOf, stopOnSignals, type Logger, type QueryLimits, type RouteHandler, type RunningHttpServer } from '@bibia/core';
import { createSharedCache } from './cache/createSharedCache';
import { loadConfig, parseCommandLine, type GatewayConfig } from './config';
import { createContext, type GatewayContext } from './context';
import { RouterEngine, routerEngineUnavailable } from './engine/RouterEngine';
import { sharedOperationsPlugin } from './cache/sharedOperations';
import { DirectoryDataSource } from './datasources/DirectoryDataSource';
import { SubgraphDataSource } from './datasources/SubgraphDataSource';
import { IndexDataSource } from './datasources/IndexDataSource';
import { MemberRoutingDataSource } from './datasources/MemberRoutingDataSource';
import { explorerRoutes } from './http/explorerRoutes';
import { gatewayRoutes } from './http/gatewayRoutes';
import { gatewayLimitsServerOptions } from './limits/gatewayQueryLimits';
import { HealthReporter } from './members/HealthReporter';
import { MemberDirectory } from './members/MemberDirectory';
import { MemberTransport } from './members/MemberTransport';
import { createMetrics, type GatewayMetrics } from './metrics/createMetrics';
import { metricsPlugin } from './metrics/metricsPlugin';
import { IndexShortcut } from './nationalIndex/IndexShortcut';
import { NationalIndex } from './nationalIndex/NationalIndex';
import { PartnerAccess } from './partners/PartnerAccess';
import { refuseUncheckedPartner } from './partners/partnersNotAccepted';
import { staleMembersPlugin } from './nationalIndex/staleMembersPlugin';
import { selectedOperationPlugin } from './routing/selectedOperationPlugin';
import { supergraphFromFile } from './supergraph/supergraphFromFile';
import { startTracing, tracesRequested } from './telemetry/tracing';

export { loadConfig, DEFAULT_CONFIG, ConfigError, type GatewayConfig, type GatewayEngine } from './config';
export { composeSupergraph, composeSubgraphs, type SubgraphSource, type CompositionOutcome } from './compose/composeSupergraph';
export { MemberDirectory } from './members/MemberDirectory';
export type { MemberInfo } from './members/MemberInfo';

/** The name of the contract subgraph in the supergraph: routed to the members. */
export const REGISTRY_SUBGRAPH = 'registry';
/** The hub directory subgraph: served at `directoryUrl` when it is set, whatever its routing URL. */
export const DIRECTORY_SUBGRAPH = 'directory';
/** The national index's own subgraph (`libraryStats`): served at `indexUrl` when it is set, whatever its routing URL. */
export const INDEX_SUBGRAPH = 'index';

export interface GatewayOptions {
  logger?: Logger;
  /** More HTTP routes served beside `/graphql` (e.g. the catalogue page at `/`). */
  routes?: Record<string, RouteHandler>;
  /** Document limits that override the configuration's (`maxDepth`, `maxTokens`...). @default none */
  limits?: Partial<QueryLimits>;
}

export interface RunningGateway extends RunningHttpServer {
  apollo: ApolloServer<GatewayContext>;
  /** The engine that plans and executes operations (`config.engine`). */
  gateway: ApolloGateway | RouterEngine;
  /** The member list, when member routing is on (`directoryUrl`). */
  members?: MemberDirectory;
  metrics: GatewayMetrics;
  /** Where the APQ and response caches live. */
  cacheKind: 'redis' | 'memory';
  /** Why the gateway is not ready yet (empty when ready), as `/ready` reports it. */
  notReadyBecause(): string[];
}

/**
 * Starts a gateway: the supergraph file (reloaded when it changes), member routing when a
 * directory is configured, limits, persisted queries, caches, metrics, served over HTTP.
 * Nothing starts on import; tests pass `port: 0`.
 */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  const metrics = createMetrics();
  const shared = createSharedCache({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix, logger });
  await shared.ready;
  // OpenTelemetry, when the standard OTEL_* environment asks for it (off by default).
  const tracing = tracesRequested(process.env) ? startTracing(process.env, logger) : undefined;
  const tracer = tracing?.tracer;

  const index = config.indexUrl
    ? new NationalIndex({ url: config.indexUrl, timeoutMs: config.indexTimeoutMs, retryAfterMs: config.indexRetryAfterMs, metrics, logger, tracer })
    : undefined;
  let members: MemberDirectory | undefined;
  let health: HealthReporter | undefined;
  let routing: MemberRoutingDataSource | undefined;
  // Partner credentials need the hub key (to mint member credentials) and the directory (revocations).
  const partners = config.hubSigningKey && config.directoryUrl
    ? await PartnerAccess.create({ signingKey: config.hubSigningKey, directoryUrl: config.directoryUrl, revocationPollMs: config.revocationPollMs, logger })
    : undefined;
  if (config.directoryUrl) {
    members = new MemberDirectory({ directoryUrl: config.directoryUrl, refreshMs: config.memberRefreshMs, timeoutMs: config.memberTimeoutMs, logger });
    health = new HealthReporter({
      directoryUrl: config.directoryUrl,
      adminToken: config.hubAdminToken,
      minIntervalMs: config.healthReportIntervalMs,
      timeoutMs: config.memberTimeoutMs,
      logger,
    });
    const transport = new MemberTransport({
      // Kept-alive connections either way; private addresses only on a development network.
      fetch: guardedFetch({ allowPrivateAddresses: config.allowPrivateMemberUrls }),
      timeoutMs: config.memberTimeoutMs, mutationTimeoutMs: config.mutationTimeoutMs, metrics, health, cache: shared.cache, cacheTtlMs: config.responseCacheTtlMs, logger, tracer });
    routing = new MemberRoutingDataSource(members, transport, logger, index, partners);
  }

  const subgraphFetch = keepAliveFetch();
  // A subgraph without a routing URL answers SUBGRAPH_UNAVAILABLE ("could not be reached").
  const subgraphAt = (name: string, url: string | undefined, authorization?: (header: string) => string | undefined) =>
    new SubgraphDataSource({ name, url: url ?? '', authorization, timeoutMs: config.memberTimeoutMs, mutationTimeoutMs: config.mutationTimeoutMs, fetch: subgraphFetch, tracer, metrics, logger });
  const buildService = ({ name, url }: { name: string; url?: string }): GraphQLDataSource => {
    if (name === REGISTRY_SUBGRAPH && routing) return routing;
    // Without a directory, one registry at its routing URL: publishers still write through the
    // gateway, so it gets the caller's Authorization header; no other subgraph ever does.
    if (name === REGISTRY_SUBGRAPH) return subgraphAt(name, url, (authorization) => authorization);
    // The directory the members are read from is the `directory` subgraph: one URL to configure.
    // Through the hub's client: bounded, and a directory that is down is DIRECTORY_UNAVAILABLE.
    if (name === DIRECTORY_SUBGRAPH && config.directoryUrl) return new DirectoryDataSource({ url: config.directoryUrl, timeoutMs: config.memberTimeoutMs, fetch: subgraphFetch, tracer, metrics, logger });
    // Without INDEX_URL, at its routing URL, but through the same client: bounded answers, and
    // errors that name no internal address.
    if (name === INDEX_SUBGRAPH && (index || url)) {
      return new IndexDataSource(index ?? new NationalIndex({ url: url!, timeoutMs: config.indexTimeoutMs, retryAfterMs: config.indexRetryAfterMs, metrics, logger }));
    }
    return subgraphAt(name, url);
  };
  const supergraphSdl = supergraphFromFile(config.supergraphFile, logger);
  // Anonymous national lists planned as one registry fetch go to the index without the planner.
  const shortcut = index && routing ? new IndexShortcut(index, REGISTRY_SUBGRAPH) : undefined;
  // The router engine's planner is a native module: where it has no build, Apollo's engine serves.
  const unavailable = config.engine === 'router' ? routerEngineUnavailable() : null;
  if (unavailable) logger.warn({ reason: unavailable }, 'router engine unavailable: using the apollo engine (GATEWAY_ENGINE=apollo hides this warning)');
  const engine = unavailable ? 'apollo' : config.engine;
  const gateway = engine === 'router'
    ? new RouterEngine({
      supergraphSdl, buildService, logger, didResolveQueryPlan: shortcut?.didResolveQueryPlan,
      // Member routing routes the representations of one `_entities` field per fetch.
      oneEntityFieldPerFetch: routing ? [REGISTRY_SUBGRAPH] : [],
    })
    : new ApolloGateway({
      supergraphSdl,
      logger,
      // Data sources get the planner's parsed fetch documents: routing analyses each once, not per request.
      queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
      experimental_didResolveQueryPlan: shortcut?.didResolveQueryPlan,
      buildService,
    });
  const explorer = explorerRoutes({ gateway });
  let schemaLoaded = false;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    // A date that is not one is refused here, not sent to every member (registered before Apollo
    // Server's own listener: the schema it serves is already checked).
    checkDateInputs(apiSchema);
    schemaLoaded = true;
  });

  const limits = gatewayLimitsServerOptions<GatewayContext>(gateway, config, options.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: shortcut ? shortcut.wrap(gateway) : gateway,
    logger,
    cache: shared.cache,
    persistedQueries: { ttl: config.apqTtlSeconds },
    includeStacktraceInErrorResponses: false,
    // `main()` (or the embedding program) handles SIGINT/SIGTERM; Apollo's own handlers would
    // stop the server behind its back and re-raise the signal.
    stopOnTerminationSignals: false,
    parseOptions: limits.parseOptions,
    // The limits plugin first: when another plugin also fails on a refused operation, the
    // client gets the limits' error (hooks run together; the first listed rejection wins).
    plugins: [
      limits.plugin, ApolloServerPluginLandingPageDisabled(), metricsPlugin(metrics), staleMembersPlugin(), selectedOperationPlugin(),
      // Last: a response is shared as the plugins before it completed it.
      ...(config.inboundDeduplication ? [sharedOperationsPlugin(metrics)] : []),
    ],
    formatError: formatClientError,
  });

  try {
    await Promise.all([apollo.start(), members?.start()]);
  } catch (err) {
    members?.stop();
    partners?.stop();
    await shared.close();
    await tracing?.shutdown();
    throw err;
  }
  const notReadyBecause = () => {
    const reasons: string[] = [];
    if (!schemaLoaded) reasons.push('no supergraph loaded');
    if (members && !members.loaded) reasons.push('the member list has not been read from the directory yet');
    return reasons;
  };
  let http: RunningHttpServer;
  try {
    http = await listenHttp({
      apollo,
      port: config.port,
      host: config.host,
      maxBodyBytes: config.maxBodyBytes,
      rateLimit: rateLimitOptionsOf(config, { redisUrl: config.redisUrl, keyPrefix: `${config.redisKeyPrefix}ratelimit:` }),
      context: async (req) => {
        const authorization = req.headers.authorization;
        if (!partners) refuseUncheckedPartner(authorization);
        return createContext(await partners?.identify(authorization));
      },
      routes: { ...options.routes, ...explorer, ...gatewayRoutes({ notReadyBecause }, metrics.registry) },
    });
  } catch (err) {
    members?.stop();
    partners?.stop();
    await apollo.stop();
    await shared.close();
    await tracing?.shutdown();
    throw err;
  }
  logger.info({ url: http.graphqlUrl, memberRouting: Boolean(members), index: Boolean(index), cache: shared.kind, engine }, 'gateway listening');
  return {
    ...http,
    apollo,
    gateway,
    members,
    metrics,
    cacheKind: shared.kind,
    notReadyBecause,
    close: async () => {
      members?.stop();
      partners?.stop();
      await http.close();
      await apollo.stop();
      await health?.flush();
      await shared.close();
      await tracing?.shutdown();
    },
  };
}

/**
 * Entry point for people (`bibia-gateway`): flags, then the environment, then the defaults (see
 * config.ts); `--help` and `--version` start nothing. Stops cleanly on Ctrl-C.
 */
export async function main(argv: string[] = process.argv): Promise<RunningGateway | undefined> {
  const config = loadConfig(parseCommandLine(argv));
  const running = await createGateway(config);
  console.log(`BibIA gateway: ${running.graphqlUrl}${config.directoryUrl ? ` (members from ${config.directoryUrl})` : ''}${config.indexUrl ? ` (national lists from ${config.indexUrl})` : ''}`);
  stopOnSignals(running);
  return running;
}
