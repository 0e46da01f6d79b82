import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { createRateLimiter, sendRateLimited, type RateLimitOptions } from './rateLimit';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Options of {@link listenHttp}. */
export interface ListenHttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** Builds the per-request context from the HTTP request. */
  context: (req: IncomingMessage) => Promise<C>;
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default '/graphql' */
  graphqlPath?: string;
  /** Largest accepted request body. @default 1 MiB */
  maxBodyBytes?: number;
  /** Extra routes by path (`/health`, `/metrics`...), any method. */
  routes?: Record<string, RouteHandler>;
  /**
   * Rate limits per client address and per credential, and on refused credentials, checked before
   * a request is read (every path): over a limit, HTTP 429 `RATE_LIMITED` with `Retry-After`.
   * A credential counts as refused when the answer has an `UNAUTHENTICATED` error, or when
   * {@link credentialRefused} says so. @default undefined (no rate limits)
   */
  rateLimit?: RateLimitOptions;
  /**
   * Tells from the request's context whether its credential was refused even though the answer
   * may have no error (e.g. a registry serves public reads to an unknown token).
   * @default none: only `UNAUTHENTICATED` answers count
   */
  credentialRefused?: (context: C) => boolean;
}

export interface RunningHttpServer {
  server: http.Server;
  port: number;
  /** Base URL, e.g. `http://127.0.0.1:4001`. */
  url: string;
  /** The GraphQL endpoint URL. */
  graphqlUrl: string;
  /** Where rate-limit counters live; `off` without rate limits. */
  rateLimitStore: 'redis' | 'memory' | 'off';
  close(): Promise<void>;
}

/**
 * Serves an Apollo Server on Node's own HTTP server: the framework-neutral
 * `executeHTTPGraphQLRequest` API, plus a few plain routes. The Apollo Server must be started.
 */
export async function listenHttp<C extends BaseContext>(options: ListenHttpOptions<C>): Promise<RunningHttpServer> {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const limiter = createRateLimiter({ logger: options.apollo.logger, ...(options.rateLimit ?? { perMinute: 0, failedAuthPerMinute: 0 }) });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
      options.apollo.logger.error(String(err?.stack ?? err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = await limiter.admit(req);
    if (verdict.limited) return sendRateLimited(res, verdict);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = options.routes?.[url.pathname];
    if (route) return route(req, res);
    if (url.pathname !== graphqlPath) return sendJson(res, 404, { error: `Not found. The GraphQL endpoint is ${graphqlPath}` });
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBody);
      if (raw === null) return sendJson(res, 413, { errors: [{ message: `Request body over ${maxBody} bytes`, extensions: { code: 'BAD_USER_INPUT' } }] });
      try {
        body = raw.length ? JSON.parse(raw) : {};
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const watched = limiter.watchesCredentialOf(req);
    let refusedInContext = false;
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const context = await options.context(req);
        if (watched && options.credentialRefused?.(context)) refusedInContext = true;
        return context;
      },
    });
    if (watched && (refusedInContext || (result.body.kind === 'complete' && hasUnauthenticatedError(result.body.string)))) {
      await limiter.credentialRefused(req);
    }
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  // Keep idle connections longer than clients and proxies do (Node's default is 5 s): a client that
  // reuses a connection the server is closing at that instant gets ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await limiter.ready;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await limiter.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    server,
    port,
    url: base,
    graphqlUrl: `${base}${graphqlPath}`,
    rateLimitStore: limiter.store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await limiter.close();
    },
  };
}

/** Whether a GraphQL answer has an error coded UNAUTHENTICATED (the text is scanned before it is parsed). */
function hasUnauthenticatedError(body: string): boolean {
  if (!body.includes('"UNAUTHENTICATED"')) return false;
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors;
    return Array.isArray(errors) && errors.some((e) => e?.extensions?.code === 'UNAUTHENTICATED');
  } catch {
    return false;
  }
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
