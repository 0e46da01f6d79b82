import { isObject } from '../isObject';

/** Options of {@link postGraphQL}. */
export interface PostGraphQLOptions {
  /** Time allowed for the whole exchange, answer read included. @default 5000 */
  timeoutMs?: number;
  /** Largest answer read; a larger one is cut off and reported. @default 5 MiB */
  maxBytes?: number;
  /** Extra request headers (e.g. `authorization`, meant for this server only). */
  headers?: Record<string, string>;
  operationName?: string | null;
  extensions?: Record<string, unknown>;
  /** The HTTP client (a `fetch`-compatible function). @default the global `fetch` */
  fetch?: (url: string, init: PostGraphQLRequestInit) => Promise<PostAnswer>;
}

/**
 * What `postGraphQL` reads of an HTTP answer: the global `fetch`'s `Response` is one, and so is
 * the lighter answer of `keepAliveFetch` (Node's own stream, without the WHATWG machinery).
 */
export interface PostAnswer {
  status: number;
  headers: { get(name: string): string | null };
  /** The body in chunks; leaving the iteration early, or `cancel`, stops reading it. */
  body: (AsyncIterable<Uint8Array> & { cancel(): Promise<void> }) | null;
}

/** What {@link postGraphQL} passes to its HTTP client: a POST with a JSON body. */
export interface PostGraphQLRequestInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  redirect: 'manual';
  signal: AbortSignal;
}

/** Why a server gave no usable GraphQL answer. */
export type PostFailure = 'timeout' | 'unreachable' | 'redirect' | 'too large' | 'http' | 'invalid answer';

/** A GraphQL error as a server sent it (only objects are kept). */
export type RawGraphQLError = Record<string, unknown> & { message?: unknown };

/**
 * A GraphQL answer, or why there is none. Never throws. `detail` is for logs: it may name
 * internal addresses, so it is never passed on to a client.
 */
export type PostGraphQLResult =
  | { ok: true; status: number; data: Record<string, unknown> | null; errors: RawGraphQLError[]; extensions?: Record<string, unknown> }
  | { ok: false; status?: number; failure: PostFailure; detail: string };

export const DEFAULT_POST_TIMEOUT_MS = 5000;
export const DEFAULT_POST_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The one GraphQL-over-HTTP client of the hub for calls to other servers: POST, never follows a
 * redirect, reads at most `maxBytes`, gives up after `timeoutMs`, and checks that the answer is a
 * GraphQL response (an object with `data` and/or `errors`).
 */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: PostGraphQLOptions = {},
): Promise<PostGraphQLResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_POST_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_POST_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...options.headers,
      },
      body: JSON.stringify({
        query,
        variables,
        ...(options.operationName ? { operationName: options.operationName } : {}),
        ...(options.extensions ? { extensions: options.extensions } : {}),
      }),
      redirect: 'manual',
      signal,
    });
    status = res.status;
    if (status >= 300 && status < 400) {
      await res.body?.cancel();
      return { ok: false, status, failure: 'redirect', detail: `HTTP ${status} to ${res.headers.get('location') ?? 'nowhere'}` };
    }
    const body = await readAtMost(res, maxBytes);
    if (body === null) return { ok: false, status, failure: 'too large', detail: `answer larger than ${maxBytes} bytes` };
    text = body;
  } catch (err) {
    if (signal.aborted) return { ok: false, failure: 'timeout', detail: `no answer within ${timeoutMs} ms` };
    return { ok: false, failure: 'unreachable', detail: describeFetchError(err) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return status >= 400
      ? { ok: false, status, failure: 'http', detail: `HTTP ${status}` }
      : { ok: false, status, failure: 'invalid answer', detail: `not JSON (${JSON.stringify(text.slice(0, 80))})` };
  }
  if (!isObject(json)) return { ok: false, status, failure: 'invalid answer', detail: 'not a JSON object' };
  const { data } = json;
  if (data !== undefined && data !== null && !isObject(data)) {
    return { ok: false, status, failure: 'invalid answer', detail: '"data" is not an object' };
  }
  const errors = Array.isArray(json.errors) ? (json.errors.filter(isObject) as RawGraphQLError[]) : [];
  if (!isObject(data) && errors.length === 0) {
    return status >= 400
      ? { ok: false, status, failure: 'http', detail: `HTTP ${status}` }
      : { ok: false, status, failure: 'invalid answer', detail: 'neither data nor errors' };
  }
  return { ok: true, status, data: isObject(data) ? data : null, errors, ...(isObject(json.extensions) ? { extensions: json.extensions } : {}) };
}

/** The messages of a GraphQL answer's errors. */
export function errorMessages(errors: RawGraphQLError[]): string[] {
  return errors.map((e) => (typeof e.message === 'string' ? e.message : JSON.stringify(e)));
}

/** The body of `res` as text, or null when it is over `maxBytes` (the read stops there). */
export async function readAtMost(res: PostAnswer, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early ends the iteration, which cancels the body.
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFetchError(err: unknown): string {
  const refused = [err, (err as { cause?: unknown })?.cause].find((e): e is { rule: string } => (e as { code?: unknown })?.code === 'BIBIA_FORBIDDEN_ADDRESS');
  if (refused) return `forbidden address: ${refused.rule}`;
  // The global fetch wraps the socket error in `cause`; Node's http client throws it as is.
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = (err as { code?: unknown })?.code;
  return cause?.code ?? (typeof code === 'string' && code !== 'ABORT_ERR' ? code : undefined) ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
