import crypto from 'node:crypto';
import { createIndexServer, type IndexServer } from '../src';

// The index is a public server: it applies the configured document and rate limits, like a
// member and the directory do (the hub gateway, which sends the national reading, is exempt).

async function post(url: string, query: string): Promise<{ status: number; retryAfter: string | null; code?: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code };
}

const start = (options: Parameters<typeof createIndexServer>[0]) =>
  createIndexServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: `memory://ix-limits-${crypto.randomBytes(3).toString('hex')}`,
    // No directory: the index never gets ready (INDEX_NOT_READY), which is all these tests need.
    directoryUrl: 'http://127.0.0.1:9/graphql',
    memberTimeoutMs: 500,
    harvest: false,
    ...options,
  });

describe('the index with configured limits', () => {
  let index: IndexServer;
  beforeAll(async () => {
    index = await start({ rateLimitPerMinute: 5, maxDepth: 4, maxAliases: 3 });
  }, 180_000);
  afterAll(async () => {
    await index?.close();
  });

  it('refuses documents over the configured depth and alias limits as client errors', async () => {
    const deep = await post(index.graphqlUrl, '{ aiTools { edges { node { collectivite { siren } product { id } } } } }');
    const aliases = await post(index.graphqlUrl, '{ a: __typename b: __typename c: __typename d: __typename }');
    expect([deep.status, aliases.status]).toEqual([400, 400]);
    expect(deep.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(aliases.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('answers 429 with Retry-After once a client has spent its budget', async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await post(index.graphqlUrl, '{ __typename }'));
    const limited = answers.filter((a) => a.status === 429);
    // Two requests of the other test counted already; at most 5 a minute went through.
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(5);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(limited.every((a) => a.code === 'RATE_LIMITED' && Number(a.retryAfter) >= 1 && Number(a.retryAfter) <= 60)).toBe(true);
  });
});

describe('the index exempting the hub gateway address', () => {
  let index: IndexServer;
  beforeAll(async () => {
    index = await start({ rateLimitPerMinute: 2, rateLimitExempt: ['loopback'] });
  }, 180_000);
  afterAll(async () => {
    await index?.close();
  });

  it('never throttles requests from an exempt address', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await post(index.graphqlUrl, '{ __typename }')).code);
    // The index's own answer every time (not ready: no directory to read members from), never RATE_LIMITED.
    expect(codes).toEqual(Array(6).fill('INDEX_NOT_READY'));
  });
});
