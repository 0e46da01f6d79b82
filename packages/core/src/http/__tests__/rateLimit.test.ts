import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import crypto from 'node:crypto';
import { listenHttp, type RunningHttpServer } from '../listenHttp';
import type { RateLimitOptions } from '../rateLimit';

// Real HTTP on port 0: a tiny GraphQL server whose `secret` field refuses any token but "good"
// (UNAUTHENTICATED), and whose context marks the token "silent-bad" as refused without an error.
// Addresses are simulated with X-Forwarded-For written by a trusted proxy (loopback).

interface Ctx {
  authorization?: string;
}

const typeDefs = `type Query { hello: String, secret: String }`;
const resolvers = {
  Query: {
    hello: () => 'bonjour',
    secret: (_: unknown, __: unknown, ctx: Ctx) => {
      if (ctx.authorization !== 'Bearer good') throw new GraphQLError('Unknown token', { extensions: { code: 'UNAUTHENTICATED' } });
      return 'secret';
    },
  },
};

const servers: RunningHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const warnings: string[] = [];
const logger = { debug: () => {}, info: () => {}, error: () => {}, warn: (m: string) => warnings.push(m) };

async function start(rateLimit: RateLimitOptions): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<Ctx>({ typeDefs, resolvers, logger, stopOnTerminationSignals: false });
  await apollo.start();
  const http = await listenHttp<Ctx>({
    apollo,
    context: async (req) => ({ authorization: req.headers.authorization }),
    credentialRefused: (ctx) => ctx.authorization === 'Bearer silent-bad',
    rateLimit: { trustProxy: ['loopback'], ...rateLimit },
  });
  servers.push({ ...http, close: async () => { await http.close(); await apollo.stop(); } });
  return http;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  code?: string;
  data?: Record<string, unknown>;
}

async function ask(server: RunningHttpServer, { from = '198.51.100.1', token, query = '{ secret }' }: { from?: string; token?: string; query?: string } = {}): Promise<Answer> {
  const res = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code, data: body.data };
}

async function askMany(n: number, server: RunningHttpServer, options: Parameters<typeof ask>[1]): Promise<Answer[]> {
  const out: Answer[] = [];
  for (let i = 0; i < n; i++) out.push(await ask(server, options));
  return out;
}

function expectGuesserStopped(answers: Answer[], budget: number): void {
  expect(answers.slice(0, budget).map((a) => a.code)).toEqual(Array(budget).fill('UNAUTHENTICATED'));
  const limited = answers.slice(budget);
  expect(limited.map((a) => [a.status, a.code])).toEqual(Array(limited.length).fill([429, 'RATE_LIMITED']));
  for (const a of limited) {
    expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(a.retryAfter)).toBeLessThanOrEqual(60);
  }
}

describe('rate limits in listenHttp', () => {
  it('stops 300 wrong tokens after the failed-credential budget: 429 with Retry-After, for any credential from that address', async () => {
    const server = await start({ failedAuthPerMinute: 10 });
    expectGuesserStopped(await askMany(300, server, { token: 'guess' }), 10);
    // Any credential from that address, even a good one, until the window passes...
    expect(await ask(server, { token: 'good' })).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // ...but anonymous requests from it are still served, and other addresses are not affected.
    expect(await ask(server, { query: '{ hello }' })).toMatchObject({ status: 200, data: { hello: 'bonjour' } });
    expect(await ask(server, { from: '198.51.100.2', token: 'good' })).toMatchObject({ status: 200, data: { secret: 'secret' } });
  });

  it('counts a credential refused in the context (no error in the answer) as a failed one', async () => {
    const server = await start({ failedAuthPerMinute: 3 });
    const answers = await askMany(5, server, { token: 'silent-bad', query: '{ hello }' });
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
  });

  it('never refuses a client under the limit; refuses one over it, per address and per credential', async () => {
    const server = await start({ perMinute: 20 });
    const under = await askMany(20, server, { from: '203.0.113.1', query: '{ hello }' });
    expect(under.every((a) => a.status === 200 && a.data?.hello === 'bonjour')).toBe(true);
    expect(await ask(server, { from: '203.0.113.1', query: '{ hello }' })).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await ask(server, { from: '203.0.113.2', query: '{ hello }' })).toMatchObject({ status: 200 });
    // One credential spread over many addresses is counted as one client.
    const spread = [];
    for (let i = 0; i < 21; i++) spread.push(await ask(server, { from: `192.0.2.${i + 1}`, token: 'good' }));
    expect(spread.slice(0, 20).every((a) => a.status === 200)).toBe(true);
    expect(spread[20]).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('counts the IPv6 addresses of one /64 as one client', async () => {
    const server = await start({ perMinute: 3 });
    const answers = [];
    for (const host of ['1', '2', 'a:b', 'ffff']) answers.push(await ask(server, { from: `2001:db8:1:2::${host}`, query: '{ hello }' }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(await ask(server, { from: '2001:db8:1:3::1', query: '{ hello }' })).toMatchObject({ status: 200 });
  });

  it('never limits exempt addresses', async () => {
    const server = await start({ perMinute: 5, failedAuthPerMinute: 2, exempt: ['198.51.100.0/24'] });
    const answers = await askMany(50, server, { from: '198.51.100.77', token: 'guess' });
    expect(answers.every((a) => a.status === 200 && a.code === 'UNAUTHENTICATED')).toBe(true);
    expect((await askMany(3, server, { from: '203.0.113.9', token: 'guess' })).map((a) => a.status)).toEqual([200, 200, 429]);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted: a guesser cannot name a new address each time', async () => {
    const server = await start({ failedAuthPerMinute: 4, trustProxy: 0 });
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await ask(server, { from: `192.0.2.${i + 1}`, token: 'guess' }));
    expectGuesserStopped(answers, 4);
  });

  it('is off without options, and with both limits at 0', async () => {
    const server = await start({ perMinute: 0, failedAuthPerMinute: 0 });
    expect(server.rateLimitStore).toBe('off');
    expect((await askMany(30, server, { token: 'guess' })).every((a) => a.status === 200)).toBe(true);
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL;
(REDIS_URL ? describe : describe.skip)('rate limits in Redis (TEST_REDIS_URL)', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL!);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('shares the counters of every instance, and keeps no credential in its keys', async () => {
    const keyPrefix = `bibia:test:ratelimit:${crypto.randomBytes(4).toString('hex')}:`;
    const a = await start({ failedAuthPerMinute: 4, redisUrl: REDIS_URL, keyPrefix });
    const b = await start({ failedAuthPerMinute: 4, redisUrl: REDIS_URL, keyPrefix });
    expect([a.rateLimitStore, b.rateLimitStore]).toEqual(['redis', 'redis']);
    const answers = [...(await askMany(2, a, { token: 'guess-secret-token' })), ...(await askMany(4, b, { token: 'guess-secret-token' }))];
    expectGuesserStopped(answers, 4);
    const keys = await redis.keys(`${keyPrefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/guess-secret-token|Bearer/);
    await redis.del(...keys);
  });
});

describe('rate limits when Redis is down', () => {
  it('counts in memory, serves every request and says so in the log', async () => {
    warnings.length = 0;
    // Nothing listens on port 1: every Redis command fails at once.
    const server = await start({ failedAuthPerMinute: 3, redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'bibia:test:down:' });
    expect((await askMany(20, server, { from: '203.0.113.50', query: '{ hello }' })).every((a) => a.status === 200)).toBe(true);
    expectGuesserStopped(await askMany(6, server, { token: 'guess' }), 3);
    expect(warnings.join('\n')).toMatch(/Redis unavailable for rate limits.*memory/);
  });
});
