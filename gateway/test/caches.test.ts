import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { DEFAULT_CONFIG } from '../src/config';
import { createGateway } from '../src/index';
import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { gql, startStack, type Stack } from './fixtures/startStack';
import { waitFor } from './fixtures/waitFor';

let stack: Stack;
afterEach(async () => {
  await stack?.stop();
});

const QUERY = `{ aiTools(first: 3) { totalCount edges { node { id } } } }`;
const received = () => stack.members.reduce((n, m) => n + m.received.length, 0);

describe('member response cache (in memory)', () => {
  it('serves a repeated query from the cache within the TTL, then asks again', async () => {
    stack = await startStack(memberOptions(), { responseCacheTtlMs: 1500 });
    const first = await stack.gql(QUERY);
    expect(received()).toBe(3);
    const second = await stack.gql(QUERY);
    expect(second.body).toEqual(first.body);
    expect(received()).toBe(3);
    await new Promise((r) => setTimeout(r, 1600));
    await stack.gql(QUERY);
    expect(received()).toBe(6);
    const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    for (const m of stack.members) expect(metrics).toContain(`bibia_member_cache_hits_total{siren="${m.siren}"} 1`);
  });

  it('never caches for a caller with an Authorization header, nor mutations', async () => {
    stack = await startStack(memberOptions(), { responseCacheTtlMs: 10_000 });
    const headers = { authorization: `Bearer token-${SIRENS.arras}` };
    await stack.gql(QUERY, undefined, { headers });
    await stack.gql(QUERY, undefined, { headers });
    expect(received()).toBe(6);
    const mutation = `mutation { updateAiTool(id: "${SIRENS.arras}:outil-1", input: { name: "Même nom" }) { id } }`;
    await stack.gql(mutation, undefined, { headers });
    await stack.gql(mutation, undefined, { headers });
    expect(received()).toBe(8);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
const describeRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) {
  console.info('Redis cache tests skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them.');
}

describeRedis('caches in Redis (TEST_REDIS_URL)', () => {
  const prefix = `bibia:test:${crypto.randomBytes(6).toString('hex')}:`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl!);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('shares persisted queries and member answers between gateway instances', async () => {
    stack = await startStack(memberOptions(), { redisUrl, redisKeyPrefix: prefix, responseCacheTtlMs: 5000 });
    expect(stack.gateway.cacheKind).toBe('redis');
    const second = await createGateway({ ...DEFAULT_CONFIG, allowPrivateMemberUrls: true, port: 0, supergraphFile: stack.supergraphFile, directoryUrl: stack.directory.graphqlUrl, redisUrl, redisKeyPrefix: prefix, responseCacheTtlMs: 5000 });
    try {
      const sha256Hash = crypto.createHash('sha256').update(QUERY).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash } };
      const registered = await stack.gql(QUERY, undefined, { extensions });
      expect(registered.body.data.aiTools.totalCount).toBe(71);
      expect(received()).toBe(3);
      // Apollo Server stores the persisted query after answering: wait for the write to land.
      await waitFor(async () => (await redis.exists(`${prefix}apq:${sha256Hash}`)) === 1);
      await waitFor(async () => (await redis.keys(`${prefix}response:*`)).length === 3);
      // Another instance knows the hash, and its member answers come from Redis.
      const byHash = await gql(second.graphqlUrl, undefined, undefined, { extensions });
      expect(byHash.body).toEqual(registered.body);
      expect(received()).toBe(3);
      expect(await redis.exists(`${prefix}apq:${sha256Hash}`)).toBe(1);
      const responseKeys = await redis.keys(`${prefix}response:*`);
      expect(responseKeys).toHaveLength(3);
      const ttl = await redis.pttl(responseKeys[0]);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5000);
    } finally {
      await second.close();
    }
  });

  it('serves queries without cache when Redis is down', async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    stack = await startStack(memberOptions(), { redisUrl: 'redis://127.0.0.1:1', redisKeyPrefix: prefix, responseCacheTtlMs: 5000 });
    const a = await stack.gql(QUERY);
    const b = await stack.gql(QUERY);
    expect(a.body.errors).toBeUndefined();
    expect(b.body).toEqual(a.body);
    expect(received()).toBe(6);
    const sha256Hash = crypto.createHash('sha256').update(QUERY).digest('hex');
    const withApq = await stack.gql(QUERY, undefined, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(withApq.body.data.aiTools.totalCount).toBe(71);
  });
});
