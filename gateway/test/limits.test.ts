import crypto from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_QUERY_LIMITS, costLimitRule, depthLimitRule, widthLimitRule } from '@bibia/core';
import { parse, validate, type ValidationRule } from 'graphql';
import { memberOptions } from './fixtures/fixtureData';
import { MEMBER_SDL } from './fixtures/fixtureMember';
import { startStack, type Stack } from './fixtures/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(memberOptions(), { maxDepth: 6, maxCost: 300 });
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => {
  for (const m of stack.members) m.received.length = 0;
});

const aliases = (n: number, field = 'aiTools(first: 1) { totalCount }') => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const noMemberAsked = () => stack.members.every((m) => m.received.length === 0);

describe('query limits', () => {
  it('rejects a query deeper than the limit with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ aiTools(first: 1) { edges { node { collectivite { aiTools(first: 1) { edges { node { id } } } } } } } }`;
    const { status, body } = await stack.gql(deep);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', depth: 8, maxDepth: 6 });
    expect(body.errors[0].message).toMatch(/8 levels deep; the limit is 6/);
    expect(stack.members.every((m) => m.received.length === 0)).toBe(true);
  });

  it('counts depth through fragments', async () => {
    const { body } = await stack.gql(`{ aiTools(first: 1) { ...E } } fragment E on AiToolConnection { edges { node { collectivite { aiTools(first: 1) { edges { node { id } } } } } } }`);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects a query whose cost exceeds the limit, with `first` taken from the variables', async () => {
    const query = `query($n: Int!) { aiTools(first: $n) { edges { node { id collectivite { siren } product { id } } } } }`;
    const ok = await stack.gql(query, { n: 10 });
    expect(ok.body.errors).toBeUndefined();
    const { status, body } = await stack.gql(query, { n: 100 });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 401, maxCost: 300 });
    expect(body.errors[0].message).toMatch(/costs 401; the limit is 300/);
  });

  it('leaves variable errors to normal validation', async () => {
    const { body } = await stack.gql(`query($n: Int!) { aiTools(first: $n) { totalCount } }`, {});
    expect(body.errors[0].extensions.code).not.toBe('QUERY_TOO_COMPLEX');
  });
});

describe('width limits', () => {
  it('refuses 5,000 aliases (~170 KB) while parsing: 400 QUERY_TOO_COMPLEX, no member asked', async () => {
    const { status, body } = await stack.gql(aliases(5000));
    expect(status).toBe(400);
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(body.errors[0].extensions.maxTokens).toBe(DEFAULT_QUERY_LIMITS.maxTokens);
    expect(noMemberAsked()).toBe(true);
  });

  it('refuses more aliases than the limit', async () => {
    const { status, body } = await stack.gql(aliases(DEFAULT_QUERY_LIMITS.maxAliases + 1));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', aliases: 31, maxAliases: 30 });
    expect(noMemberAsked()).toBe(true);
  });

  it('refuses more fields than the limit, fragments expanded', async () => {
    const spreads = '... on AiTool { ...F } '.repeat(101);
    const { status, body } = await stack.gql(`{ aiTools(first: 1) { edges { node { ${spreads} } } } } fragment F on AiTool { id name updatedAt collectivite { siren } }`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', fields: 3 + 101 * 5, maxFields: 500 });
    expect(noMemberAsked()).toBe(true);
  });
});

describe('what the gateway sends members fits the subgraph limits', () => {
  let wide: Stack;
  beforeAll(async () => {
    // Dozens of member fetches: room for a loaded test machine.
    wide = await startStack(memberOptions(), { memberTimeoutMs: 10_000 });
  });
  afterAll(async () => {
    await wide?.stop();
  });

  it('for a client query at the gateway\'s default limits (30 aliased connections, nested entities)', async () => {
    const field = `aiTools(first: 8) { totalCount pageInfo { hasNextPage } edges { cursor node { id collectivite { siren aiTools(first: 5) { edges { node { id product { id } } } } } } } }`;
    // `members` comes from the directory: their `aiTools` are `_entities` fetches to the members.
    const query = aliases(DEFAULT_QUERY_LIMITS.maxAliases, field).replace(/ }$/, ` members { siren aiTools(first: 5) { edges { node { id } } } } }`);
    const { status, body } = await wide.gql(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const schema = buildSubgraphSchema([{ typeDefs: parse(MEMBER_SDL) }]);
    const limits = DEFAULT_SUBGRAPH_QUERY_LIMITS;
    const received = wide.members.flatMap((m) => m.received);
    expect(received.some((r) => r.query.includes('_entities'))).toBe(true);
    for (const { query: memberQuery, variables } of received) {
      const document = parse(memberQuery, { maxTokens: limits.maxTokens });
      const rules = [depthLimitRule(limits.maxDepth), widthLimitRule(limits), costLimitRule(limits.maxCost, variables) as ValidationRule];
      expect(validate(schema, document, rules).map((e) => e.message)).toEqual([]);
    }
  });
});

describe('automatic persisted queries', () => {
  it('asks for an unknown hash, registers the query, then serves it by hash', async () => {
    const query = `{ aiTools(first: 2) { totalCount } }`;
    const sha256Hash = crypto.createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await stack.gql(undefined as unknown as string, undefined, { extensions });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await stack.gql(query, undefined, { extensions });
    expect(register.body.data.aiTools.totalCount).toBe(71);
    const hit = await stack.gql(undefined as unknown as string, undefined, { extensions });
    expect(hit.body).toEqual({ data: { aiTools: { totalCount: 71 } } });
  });
});
