import { createHash } from 'node:crypto';
import { createBibiaClient, BibiaError } from '..';
import { parseRetryAfter } from '../errors';

interface Call {
  url: string;
  headers: Record<string, string>;
  body: { query?: string; operationName?: string; variables?: Record<string, unknown>; extensions?: { persistedQuery?: { version: number; sha256Hash: string } } };
}

type Reply = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | Error;

/** A fetch that records every call and answers from a script (one reply per call, last one repeats). */
function scriptedFetch(replies: Reply[] | ((call: Call, n: number) => Reply)) {
  const calls: Call[] = [];
  const fetch: typeof globalThis.fetch = (async (url: string, init: RequestInit) => {
    const call: Call = { url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) };
    calls.push(call);
    const reply = typeof replies === 'function' ? replies(call, calls.length) : replies[Math.min(calls.length, replies.length) - 1];
    if (reply instanceof Error) throw reply;
    const text = reply.text ?? JSON.stringify(reply.json);
    return new Response(text, { status: reply.status ?? 200, headers: { 'content-type': 'application/json', ...reply.headers } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const URL = 'http://hub.test/graphql';
const page = { aiTools: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } };
const notFound = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
const connRefused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

describe('automatic persisted queries', () => {
  it('sends the sha256 of the query first, and the full query only when the server does not know it', async () => {
    const known = new Set<string>();
    const { fetch, calls } = scriptedFetch((call) => {
      const hash = call.body.extensions?.persistedQuery?.sha256Hash;
      if (call.body.query) {
        expect(createHash('sha256').update(call.body.query).digest('hex')).toBe(hash);
        known.add(hash!);
      } else if (!known.has(hash!)) return { status: 404, json: notFound };
      return { json: { data: page } };
    });
    const client = createBibiaClient({ url: URL, fetch });
    await client.searchAiTools({ first: 5 });
    await client.searchAiTools({ first: 10 });
    expect(calls.map((c) => [c.body.operationName, Boolean(c.body.query), Boolean(c.body.extensions?.persistedQuery)])).toEqual([
      ['SearchAiTools', false, true],
      ['SearchAiTools', true, true],
      ['SearchAiTools', false, true],
    ]);
    expect(calls[2].body.variables).toEqual({ first: 10 });
  });

  it('falls back to plain queries when the server does not support them', async () => {
    const { fetch, calls } = scriptedFetch((call) =>
      call.body.query ? { json: { data: page } } : { status: 400, json: { errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] } },
    );
    const client = createBibiaClient({ url: URL, fetch });
    await client.searchAiTools({});
    await client.searchAiTools({});
    expect(calls.map((c) => Boolean(c.body.query))).toEqual([false, true, true]);
    expect(calls[2].body.extensions).toBeUndefined();
  });

  it('sends the token as a bearer token', async () => {
    const { fetch, calls } = scriptedFetch([{ json: { data: page } }]);
    await createBibiaClient({ url: URL, fetch, token: 'secret-token' }).searchAiTools({});
    expect(calls[0].headers.authorization).toBe('Bearer secret-token');
  });
});

describe('retries', () => {
  it('retries a query after network errors and 5xx answers, then succeeds', async () => {
    const { fetch, calls } = scriptedFetch([connRefused(), { status: 503, text: 'Service Unavailable' }, { json: { data: page } }]);
    const result = await createBibiaClient({ url: URL, fetch, retries: 2, retryDelayMs: 1, persistedQueries: false }).searchAiTools({});
    expect(result.data.aiTools.totalCount).toBe(0);
    expect(calls).toHaveLength(3);
  });

  it('gives up after `retries` and says which endpoint it could not reach', async () => {
    const { fetch, calls } = scriptedFetch([connRefused()]);
    const error = await createBibiaClient({ url: URL, fetch, retries: 1, retryDelayMs: 1 }).searchAiTools({}).catch((e) => e);
    expect(error).toBeInstanceOf(BibiaError);
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toBe(`cannot reach ${URL}: ECONNREFUSED`);
    expect(calls).toHaveLength(2);
  });

  it('never retries a mutation', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 502, text: 'Bad gateway' }, { json: { data: {} } }]);
    const error = await createBibiaClient({ url: URL, fetch, retries: 3, retryDelayMs: 1 })
      .publishAiTool({ id: '216200410:outil' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(BibiaError);
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(502);
    expect(calls).toHaveLength(1);
  });

  it('does not retry GraphQL errors (4xx)', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 400, json: { errors: [{ message: 'bad first', extensions: { code: 'BAD_USER_INPUT' } }] } }]);
    await expect(createBibiaClient({ url: URL, fetch, retryDelayMs: 1 }).searchAiTools({ first: 500 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(calls).toHaveLength(1);
  });

  it('times out a request that does not answer', async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof globalThis.fetch;
    const error = await createBibiaClient({ url: URL, fetch, timeoutMs: 30, retries: 0 }).searchAiTools({}).catch((e) => e);
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toBe(`cannot reach ${URL}: no answer within 30 ms`);
  });
});

describe('results and errors', () => {
  it('keeps partial data and names the unavailable members once each', async () => {
    const memberDown = (siren: string, name?: string) => ({ message: `Registry ${siren} did not answer in time`, extensions: { code: 'MEMBER_UNAVAILABLE', siren, ...(name ? { name } : {}) } });
    const { fetch } = scriptedFetch([{ json: { data: page, errors: [memberDown('216200410', 'Arras'), memberDown('216200410', 'Arras'), memberDown('226200012')] } }]);
    const result = await createBibiaClient({ url: URL, fetch }).searchAiTools({});
    expect(result.data).toEqual(page);
    expect(result.unavailableMembers).toEqual([
      { siren: '216200410', name: 'Arras', message: 'Registry 216200410 did not answer in time' },
      { siren: '226200012', message: 'Registry 226200012 did not answer in time' },
    ]);
    expect(result.errors).toHaveLength(3);
  });

  it('expands one MEMBER_UNAVAILABLE error listing several members (extensions.sirens)', async () => {
    const { fetch } = scriptedFetch([{ json: { data: page, errors: [{ message: 'did not answer', extensions: { code: 'MEMBER_UNAVAILABLE', siren: '216200410', sirens: ['216200410', '226200012'] } }] } }]);
    const result = await createBibiaClient({ url: URL, fetch }).searchAiTools({});
    expect(result.unavailableMembers.map((m) => m.siren)).toEqual(['216200410', '226200012']);
  });

  it('throws other GraphQL errors as BibiaError with their code, details and the partial members', async () => {
    const rowErrors = [{ row: 2, field: 'status', message: 'must be one of PLANNED, PILOT, OPERATIONAL, RETIRED' }];
    const { fetch } = scriptedFetch([{ json: { data: null, errors: [{ message: 'Import refused', extensions: { code: 'BAD_USER_INPUT', rowErrors } }] } }]);
    const error = await createBibiaClient({ url: URL, fetch }).importAiTools({ siren: '216200410', rows: [{}] }).catch((e) => e);
    expect(error).toBeInstanceOf(BibiaError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Import refused' });
    expect(error.extensions.rowErrors).toEqual(rowErrors);
  });

  it('reports an answer that is not GraphQL', async () => {
    const { fetch } = scriptedFetch([{ status: 404, text: '<html>Not found</html>' }]);
    const error = await createBibiaClient({ url: URL, fetch }).searchAiTools({}).catch((e) => e);
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('HTTP 404');
  });
});

describe('rate limits', () => {
  const limited = (retryAfterSeconds: number) => ({
    errors: [{ message: `Too many requests. Retry after ${retryAfterSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds, limit: 600 } }],
  });

  it('throws RATE_LIMITED with the seconds of Retry-After, and does not retry', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 429, json: limited(12), headers: { 'retry-after': '7' } }]);
    const error = await createBibiaClient({ url: URL, fetch, retryDelayMs: 1 }).searchAiTools({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BibiaError);
    // The header wins over the body: it is what HTTP clients and proxies agree on.
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 7 });
    expect(calls).toHaveLength(1);
  });

  it("takes the body's retryAfterSeconds when there is no header", async () => {
    const { fetch } = scriptedFetch([{ status: 429, json: limited(12) }]);
    await expect(createBibiaClient({ url: URL, fetch }).searchAiTools({})).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 12 });
  });

  it('leaves it undefined on other errors', async () => {
    const { fetch } = scriptedFetch([{ status: 401, json: { errors: [{ message: 'Unknown publisher token', extensions: { code: 'UNAUTHENTICATED' } }] } }]);
    const error = (await createBibiaClient({ url: URL, fetch }).searchAiTools({}).catch((e: unknown) => e)) as BibiaError;
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:42 GMT', now)).toBe(42);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:59:00 GMT', now)).toBe(0);
    for (const bad of [null, undefined, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });
});
