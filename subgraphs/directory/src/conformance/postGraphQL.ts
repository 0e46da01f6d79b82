/** Options of {@link postGraphQL}. */
export interface PostGraphQLOptions {
  /** @default 5000 */
  timeoutMs?: number;
  /** Largest accepted answer. @default 5 MiB */
  maxBytes?: number;
  headers?: Record<string, string>;
}

/** A GraphQL answer, or a sentence saying why there is none. Never throws. */
export type GraphQLAnswer =
  | { ok: true; data: Record<string, unknown> | null; errors: string[] }
  | { ok: false; problem: string };

/**
 * POSTs one GraphQL operation and checks the answer is a GraphQL response. Timeouts, network
 * failures, redirects, HTTP errors without a GraphQL body, non-JSON and oversized bodies all come
 * back as `{ ok: false, problem }`.
 */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: PostGraphQLOptions = {},
): Promise<GraphQLAnswer> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const signal = AbortSignal.timeout(timeoutMs);
  let text: string;
  let status: number;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
      redirect: 'manual',
      signal,
    });
    status = res.status;
    if (status >= 300 && status < 400) {
      await res.body?.cancel();
      return { ok: false, problem: `redirected (HTTP ${status}) to ${res.headers.get('location') ?? 'nowhere'}: use the final URL` };
    }
    const body = await readText(res, maxBytes);
    if (body === null) return { ok: false, problem: `answer larger than ${maxBytes} bytes` };
    text = body;
  } catch (err) {
    if (signal.aborted) return { ok: false, problem: `no answer within ${timeoutMs} ms` };
    return { ok: false, problem: `request failed (${describe(err)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: `HTTP ${status}, answer is not JSON (${JSON.stringify(text.slice(0, 80))})` };
  }
  if (!isObject(json) || (!('data' in json) && !('errors' in json))) {
    return { ok: false, problem: `HTTP ${status}, answer is not a GraphQL response` };
  }
  const errors = Array.isArray(json.errors)
    ? json.errors.map((e) => (isObject(e) && typeof e.message === 'string' ? e.message : JSON.stringify(e)))
    : [];
  const data = isObject(json.data) ? json.data : null;
  if (!data && !errors.length) return { ok: false, problem: `HTTP ${status}, answer has neither data nor errors` };
  return { ok: true, data, errors };
}

async function readText(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
