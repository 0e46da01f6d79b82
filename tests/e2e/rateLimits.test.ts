import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { createDirectoryServer, type DirectoryServer } from '@bibia/directory';
import { createRegistryServer, type RegistryServer } from '@bibia/registry';
import { REPO_ROOT, startStack, type Stack } from '../src/startStack';
import { ARRAS } from '../src/startRealStack';

// Issue 9, point 10: 300 wrong tokens in a few seconds against a member, the directory and the
// gateway. Each answers the first few (the refused-credential budget, 10 a minute by default) as
// before, then 429 RATE_LIMITED with Retry-After, without looking at the token any more.

interface Answer {
  status: number;
  retryAfter: string | null;
  code?: string;
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code };
}

/** 300 requests one after the other, each with another wrong token; `query(i)` and `token(i)` build them. */
async function guess(url: string, query: string, token: (i: number) => string, headers: Record<string, string> = {}): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < 300; i++) answers.push(await post(url, query, { ...headers, authorization: `Bearer ${token(i)}` }));
  return answers;
}

/** The first `budget` answers are the server's own; every later one is 429 with a Retry-After of at most a minute. */
function expectStoppedAfter(answers: Answer[], budget: number, firstCode: string | undefined): void {
  expect(answers.slice(0, budget).map((a) => [a.status, a.code])).toEqual(Array(budget).fill([200, firstCode]));
  const rest = answers.slice(budget);
  expect(rest.map((a) => [a.status, a.code])).toEqual(Array(rest.length).fill([429, 'RATE_LIMITED']));
  expect(rest.every((a) => Number(a.retryAfter) >= 1 && Number(a.retryAfter) <= 60)).toBe(true);
}

const memory = (name: string) => `memory://rl-${name}-${crypto.randomBytes(3).toString('hex')}`;

describe('a member registry with its default limits', () => {
  let member: RegistryServer;
  beforeAll(async () => {
    member = await createRegistryServer({ siren: ARRAS, port: 0, host: '127.0.0.1', maxBodyBytes: 1024 * 1024, dataDir: memory('member') });
  });
  afterAll(async () => {
    await member?.close();
  });

  it('stops a token guesser after 10 refused tokens, even on public reads; anonymous reads go on', async () => {
    // An unknown token still reads public data (no error): the registry says it was refused all the same.
    const answers = await guess(member.graphqlUrl, '{ __typename }', (i) => `bibia_pub_${ARRAS}_guess${i}`);
    expectStoppedAfter(answers, 10, undefined);
    expect(await post(member.graphqlUrl, '{ __typename }')).toMatchObject({ status: 200, code: undefined });
  });
});

describe('the directory with its default limits', () => {
  let directory: DirectoryServer;
  beforeAll(async () => {
    directory = await createDirectoryServer({ port: 0, host: '127.0.0.1', dataDir: memory('directory'), seed: false, reference: false, hubAdminToken: 'the-admin-token' });
  });
  afterAll(async () => {
    await directory?.close();
  });

  it('stops an admin-token guesser after 10 refusals (UNAUTHENTICATED), then refuses the right token too for the minute', async () => {
    const mutation = `mutation { recordMemberHealth(siren: "${ARRAS}", reachable: true) { siren } }`;
    expectStoppedAfter(await guess(directory.graphqlUrl, mutation, (i) => `guess-${i}`), 10, 'UNAUTHENTICATED');
    expect(await post(directory.graphqlUrl, mutation, { authorization: 'Bearer the-admin-token' })).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await post(directory.graphqlUrl, '{ __typename }')).toMatchObject({ status: 200 });
  });
});

describe('the gateway of a stack with rate limits on', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Behind a proxy on loopback: X-Forwarded-For names the client, so tests can be several clients.
    stack = await startStack({ members: [{ siren: ARRAS }], web: false, rateLimits: true, gateway: { trustProxy: ['loopback'], responseCacheTtlMs: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('stops a guesser whose tokens the member refuses, and only that client', async () => {
    const mutation = `mutation { publishAiTool(id: "${ARRAS}:tri-courrier-entrant") { id } }`;
    const guesser = { 'x-forwarded-for': '203.0.113.66' };
    expectStoppedAfter(await guess(stack.gatewayUrl, mutation, (i) => `bibia_pub_${ARRAS}_guess${i}`, guesser), 10, 'UNAUTHENTICATED');
    // The same address without a credential, and another client, are served.
    expect(await post(stack.gatewayUrl, '{ __typename }', guesser)).toMatchObject({ status: 200 });
    expect(await post(stack.gatewayUrl, mutation, { 'x-forwarded-for': '203.0.113.67', authorization: `Bearer bibia_pub_${ARRAS}_other` })).toMatchObject({ status: 200, code: 'UNAUTHENTICATED' });
  });

  it('never refuses a client under the limit (600 a minute)', async () => {
    const client = { 'x-forwarded-for': '198.51.100.20' };
    const answers: Answer[] = [];
    for (let i = 0; i < 100; i++) answers.push(await post(stack.gatewayUrl, '{ aiTools(first: 1) { totalCount } }', client));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  });

  it('is never limited by the members, which exempt the co-located gateway (loopback)', async () => {
    // The member has already refused 11 tokens forwarded by the gateway above, over its own budget
    // of 10: the next ones still get its answer, not a 429 passed on as an unavailable member.
    const mutation = `mutation { publishAiTool(id: "${ARRAS}:tri-courrier-entrant") { id } }`;
    for (let i = 0; i < 5; i++) {
      const answer = await post(stack.gatewayUrl, mutation, { 'x-forwarded-for': `203.0.113.${100 + i}`, authorization: `Bearer bibia_pub_${ARRAS}_more${i}` });
      expect(answer).toMatchObject({ status: 200, code: 'UNAUTHENTICATED' });
    }
  });
});

describe('limit settings on the command line and in the environment', () => {
  const GATEWAY_BIN = path.join(REPO_ROOT, 'gateway', 'bin', 'bibia-gateway.js');
  const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [GATEWAY_BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

  it.each([
    [['--rate-limit-per-minute', '-1'], {}, /^bibia-gateway: --rate-limit-per-minute must be a whole number, 0 or more, got "-1"$/],
    [[], { TRUST_PROXY: 'true' }, /^bibia-gateway: TRUST_PROXY must say how many proxy hops to trust/],
    [[], { RATE_LIMIT_EXEMPT: '10.0.0.0/33' }, /^bibia-gateway: RATE_LIMIT_EXEMPT must list IP addresses, CIDRs/],
  ])('refuses %j %j with exit 2 and one line', (args, env, message) => {
    const result = run(['--port', '0', ...args], env);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
