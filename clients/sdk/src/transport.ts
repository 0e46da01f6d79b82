import { createHash } from 'node:crypto';
import { BibiaError, parseRetryAfter, type GraphQLErrorJson } from './errors';

/** Options of {@link createTransport} (and of `createBibiaClient`). */
export interface TransportOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** A publisher or partner token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** How many times a query is sent again after a network error or an HTTP 5xx. Mutations never are. @default 2 */
  retries?: number;
  /** Time limit of one HTTP request. @default 15000 */
  timeoutMs?: number;
  /** First backoff delay; it doubles at each retry (with up to 50 % jitter). @default 250 */
  retryDelayMs?: number;
  /** Automatic persisted queries (Apollo's APQ protocol): send the hash first. @default true */
  persistedQueries?: boolean;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
}

export interface GraphQLRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** Only queries are retried. */
  kind: 'query' | 'mutation' | 'subscription';
}

export interface GraphQLResponse {
  status: number;
  body: { data?: unknown; errors?: GraphQLErrorJson[]; extensions?: Record<string, unknown> };
  /** The answer's `Retry-After`, in seconds (HTTP 429 RATE_LIMITED, some 503s). */
  retryAfterSeconds?: number;
}

/** Why one HTTP exchange gave no usable answer, and whether trying again may help. */
class Failure {
  constructor(
    readonly retryable: boolean,
    readonly error: BibiaError,
  ) {}
}

const APQ_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
const APQ_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED';

export interface Transport {
  send(request: GraphQLRequest): Promise<GraphQLResponse>;
}

/**
 * Sends GraphQL requests over HTTP POST: automatic persisted queries, a timeout per request, and
 * retries with exponential backoff for queries only (a mutation sent twice could be applied twice).
 */
export function createTransport(options: TransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retryDelayMs = options.retryDelayMs ?? 250;
  let persisted = options.persistedQueries ?? true;
  const hashes = new Map<string, string>();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  };

  const hashOf = (query: string) => {
    let hash = hashes.get(query);
    if (!hash) hashes.set(query, (hash = createHash('sha256').update(query).digest('hex')));
    return hash;
  };

  async function post(payload: Record<string, unknown>): Promise<GraphQLResponse> {
    let res: Response;
    try {
      res = await doFetch(options.url, { method: 'POST', headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const timedOut = (err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError';
      const reason = timedOut ? `no answer within ${timeoutMs} ms` : describeCause(err);
      throw new Failure(true, new BibiaError('NETWORK_ERROR', `cannot reach ${options.url}: ${reason}`, { cause: err }));
    }
    const text = await res.text().catch(() => '');
    const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'));
    let body: GraphQLResponse['body'] | undefined;
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && ('data' in parsed || 'errors' in parsed)) body = parsed;
    } catch {
      // not JSON: handled below
    }
    if (res.status >= 500 && !body?.data) {
      const first = body?.errors?.[0];
      const error = first
        ? new BibiaError(String(first.extensions?.code ?? 'HTTP_ERROR'), first.message, { status: res.status, errors: body!.errors, retryAfterSeconds })
        : new BibiaError('HTTP_ERROR', `${options.url} answered HTTP ${res.status}`, { status: res.status, retryAfterSeconds });
      throw new Failure(true, error);
    }
    if (!body) {
      throw new Failure(false, new BibiaError('BAD_RESPONSE', `${options.url} did not answer with GraphQL (HTTP ${res.status}): ${text.slice(0, 120)}`, { status: res.status, retryAfterSeconds }));
    }
    return retryAfterSeconds === undefined ? { status: res.status, body } : { status: res.status, body, retryAfterSeconds };
  }

  /** One exchange, with the APQ handshake: hash only first, the full query when the server asks. */
  async function exchange(request: GraphQLRequest): Promise<GraphQLResponse> {
    const base = { operationName: request.operationName, variables: request.variables ?? {} };
    if (!persisted) return post({ ...base, query: request.query });
    const extensions = { persistedQuery: { version: 1, sha256Hash: hashOf(request.query) } };
    const first = await post({ ...base, extensions });
    const codes = (first.body.errors ?? []).map((e) => e.extensions?.code ?? e.message);
    if (codes.includes(APQ_NOT_SUPPORTED) || codes.includes('PersistedQueryNotSupported')) {
      persisted = false;
      return post({ ...base, query: request.query });
    }
    if (codes.includes(APQ_NOT_FOUND) || codes.includes('PersistedQueryNotFound')) {
      return post({ ...base, query: request.query, extensions });
    }
    return first;
  }

  return {
    async send(request) {
      const attempts = request.kind === 'query' ? retries + 1 : 1;
      for (let attempt = 1; ; attempt++) {
        try {
          return await exchange(request);
        } catch (err) {
          if (!(err instanceof Failure)) throw err;
          if (!err.retryable || attempt >= attempts) throw err.error;
          const delay = retryDelayMs * 2 ** (attempt - 1);
          await sleep(delay + Math.random() * delay * 0.5);
        }
      }
    },
  };
}

function describeCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
