import crypto from 'node:crypto';
import fs from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_QUERY_LIMITS, costLimitRule, depthLimitRule, listenHttp, widthLimitRule } from '@bibia/core';
import { parse, validate, type ValidationRule } from 'graphql';
import { DEFAULT_CONFIG } from '../src/config';
import { createGateway } from '../src/index';
import { memberOptions } from './fixtures/fixtureData';
import { MEMBER_SDL } from './fixtures/fixtureMember';
import { composeOrThrow, gql, removeSupergraph, startStack, writeSupergraph, type Stack } from './fixtures/startStack';
import { waitFor } from './fixtures/waitFor';

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

describe('cost directives of the supergraph (@listSize, @cost)', () => {
  const SIZED = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])
    type Query { shelves: [Shelf] @listSize(assumedSize: 2) }
    type Shelf @key(fields: "id") { id: ID! books: [Book] @listSize(assumedSize: 2) }
    type Book { title: String neighbours: [Book] @listSize(assumedSize: 2) }`;
  const UNSIZED = SIZED.replace(', "@listSize"', '').replace(/ @listSize\([^)]*\)/g, '');
  // 2 × (1 + 2 × (1 + 2 × 1)) = 14 with the directives; 10 × (1 + 10 × (1 + 10 × 1)) = 1110 without.
  const QUERY = '{ shelves { id books { title neighbours { title } } } }';
  const closers: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('gives a lower cost to lists whose subgraph declares @listSize, read again when the supergraph changes', async () => {
    const book = { title: 'Germinal', neighbours: [{ title: 'Nana' }] };
    const apollo = new ApolloServer({
      schema: buildSubgraphSchema([{ typeDefs: parse(SIZED), resolvers: { Query: { shelves: () => [{ id: '1', books: [book] }] } } }]),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    await apollo.start();
    const shelves = await listenHttp({ apollo, context: async () => ({}) });
    closers.push(async () => (await shelves.close(), await apollo.stop()));
    const supergraphFile = writeSupergraph(composeOrThrow([{ name: 'shelves', url: shelves.graphqlUrl, sdl: SIZED }]));
    closers.push(() => removeSupergraph(supergraphFile));
    const gateway = await createGateway({ ...DEFAULT_CONFIG, allowPrivateMemberUrls: true, port: 0, supergraphFile }, { limits: { maxCost: 100 } });
    closers.push(() => gateway.close());

    const sized = await gql(gateway.graphqlUrl, QUERY);
    expect(sized.body.errors).toBeUndefined();
    expect(sized.body.data.shelves[0].books[0].neighbours[0].title).toBe('Nana');
    // Twice deeper: 2 + 4 + 8 + ... still measured, and refused with the cost and the limit.
    const deeper = await gql(gateway.graphqlUrl, '{ shelves { books { neighbours { neighbours { neighbours { neighbours { title } } } } } } }');
    expect(deeper.status).toBe(400);
    expect(deeper.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 2 + 4 + 8 + 16 + 32 + 64, maxCost: 100 });
    expect(deeper.body.errors[0].message).toMatch(/^The query costs 126; the limit is 100/);

    // The same subgraph without the directives: every list counts 10.
    fs.writeFileSync(`${supergraphFile}.tmp`, composeOrThrow([{ name: 'shelves', url: shelves.graphqlUrl, sdl: UNSIZED }]));
    fs.renameSync(`${supergraphFile}.tmp`, supergraphFile);
    await waitFor(async () => (await gql(gateway.graphqlUrl, QUERY)).status === 400);
    const unsized = await gql(gateway.graphqlUrl, QUERY);
    expect(unsized.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 1110, maxCost: 100 });
    expect(unsized.body.errors[0].message).toMatch(/^The query costs 1110; the limit is 100/);
  });
});
