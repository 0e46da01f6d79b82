import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import {
  DEFAULT_SUBGRAPH_QUERY_LIMITS, formatClientError, listenHttp, queryLimits, queryLimitsServerOptions, sendJson, type Logger, type QueryLimits, type RateLimitOptions, type RouteHandler,
  type RunningHttpServer,
} from '@bibia/core';

/** Options of {@link serveSubgraph}. */
export interface ServeSubgraphOptions<C extends BaseContext> {
  schema: GraphQLSchema;
  logger: Logger;
  context: (req: IncomingMessage) => Promise<C>;
  port: number;
  host: string;
  /** @default listenHttp's 1 MiB */
  maxBodyBytes?: number;
  /**
   * Document limits (tokens, depth, aliases, fields, cost); options not given keep their default.
   * @default DEFAULT_SUBGRAPH_QUERY_LIMITS of `@bibia/core` (room for what the gateway sends)
   */
  limits?: Partial<QueryLimits>;
  /**
   * Rate limits per client address and per credential, and on refused credentials (see
   * `listenHttp`). Members exempt the hub gateway's address (`exempt`): all national traffic comes
   * from it. @default `@bibia/core`'s DEFAULT_RATE_LIMITS (600 a minute, 10 refused credentials a minute), in memory
   */
  rateLimit?: RateLimitOptions;
  /**
   * Whether the request's credential was refused, from its context, when the answer may carry no
   * UNAUTHENTICATED error (e.g. an unknown token on a public read): counted as a refused credential.
   * @default none
   */
  credentialRefused?: (context: C) => boolean;
  /**
   * Throws when the service cannot serve (e.g. its database does not answer): `/ready` says 503.
   * Returns fields added to the `/ready` answer.
   */
  checkReady: () => Promise<Record<string, unknown>>;
  /** Fields added to the `/health` and `/ready` answers (e.g. the owner's SIREN). */
  about?: Record<string, unknown>;
  /** More plain HTTP routes by path (e.g. the directory's `/.well-known/jwks.json`). @default none */
  routes?: Record<string, RouteHandler>;
}

/**
 * Serves a BibIA subgraph the one way every subgraph is served: Apollo Server without landing
 * page (it loads from a CDN) or inline traces (no usage reporting), document limits checked
 * before anything runs, clients rate-limited, client mistakes answered 4xx with a client code,
 * internal errors masked, no signal handlers of its own (each `main()` stops its whole service),
 * `/health` and `/ready`.
 */
export async function serveSubgraph<C extends BaseContext>(options: ServeSubgraphOptions<C>): Promise<RunningHttpServer> {
  const { logger, about = {} } = options;
  const limits = queryLimitsServerOptions<C>(queryLimits(options.limits, DEFAULT_SUBGRAPH_QUERY_LIMITS));
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    logger,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    parseOptions: limits.parseOptions,
    plugins: [limits.plugin, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted, error) => maskInternalError(formatClientError(formatted, error), error, logger),
  });
  await apollo.start();
  try {
    const http = await listenHttp<C>({
      apollo,
      port: options.port,
      host: options.host,
      maxBodyBytes: options.maxBodyBytes,
      context: options.context,
      rateLimit: options.rateLimit ?? {},
      credentialRefused: options.credentialRefused,
      routes: {
        ...options.routes,
        '/health': (_req, res) => sendJson(res, 200, { status: 'ok', ...about }),
        '/ready': async (_req, res) => {
          try {
            const details = await options.checkReady();
            sendJson(res, 200, { status: 'ready', ...about, ...details });
          } catch (err) {
            logger.error({ err }, 'readiness check failed');
            sendJson(res, 503, { status: 'unavailable', reason: 'database', ...about });
          }
        },
      },
    });
    return {
      ...http,
      close: async () => {
        await http.close();
        await apollo.stop();
      },
    };
  } catch (err) {
    await apollo.stop();
    throw err;
  }
}

/**
 * Errors with a documented code go to the client as they are. Anything else is a bug or an
 * infrastructure failure: logged with its cause, and the client gets a generic message.
 */
export function maskInternalError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
