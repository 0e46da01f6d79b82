import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createLogger, listenHttp, type PostFetch, type RunningHttpServer } from '@bibia/core';
import { parse } from 'graphql';
import { DEFAULT_CONFIG, type GatewayConfig } from '../src/config';
import { SubgraphDataSource } from '../src/datasources/SubgraphDataSource';
import { createGateway, type RunningGateway } from '../src/index';
import { composeOrThrow, gql, removeSupergraph, writeSupergraph } from './fixtures/startStack';

// Subgraphs reached at their routing URL (a gateway without a directory) go through the hub's own
// client: identical queries on their way share one request, mutations never do, credentials go
// only to `registry`, and a subgraph that fails is one SUBGRAPH_UNAVAILABLE error that names no
// address. Both engines.

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.reverse()) await s.close();
  servers.length = 0;
});

const BOOKS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { books(title: String): [Book!]! slow: String }
  type Mutation { addBook(title: String!): Book! }
  type Book @key(fields: "isbn") { isbn: ID! title: String! }`;
const REVIEWS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { topReview: Review }
  type Book @key(fields: "isbn") { isbn: ID! reviews: [Review!]! }
  type Review { stars: Int! }`;

/** A subgraph that counts what it receives and answers `books` once `release()` is called. */
async function startBooks(name = 'books') {
  const received: Array<{ query: string; authorization?: string }> = [];
  let release!: () => void;
  let released = new Promise<void>((r) => (release = r));
  const books: Array<{ isbn: string; title: string }> = [{ isbn: '1', title: 'Les Misérables' }];
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(BOOKS), resolvers: {
      Query: { books: async () => (await released, books), slow: () => new Promise((r) => setTimeout(() => r('late'), 800)) },
      Mutation: { addBook: (_: unknown, { title }: { title: string }) => { const b = { isbn: String(books.length + 1), title }; books.push(b); return b; } },
    } as any }]),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      { requestDidStart: async ({ request }) => void received.push({ query: request.query ?? '', authorization: request.http?.headers.get('authorization') ?? undefined }) },
    ],
  });
  await apollo.start();
  const http = await listenHttp({ apollo, context: async () => ({}) });
  servers.push({ close: async () => (release(), await http.close(), await apollo.stop()) });
  return { name, http, received, release: () => release(), rearm: () => (released = new Promise<void>((r) => (release = r))) };
}

async function startReviews(): Promise<RunningHttpServer> {
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(REVIEWS), resolvers: {
      Query: { topReview: () => ({ stars: 5 }) },
      Book: { __resolveReference: (b: { isbn: string }) => b, reviews: () => [{ stars: 4 }] },
    } as any }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const http = await listenHttp({ apollo, context: async () => ({}) });
  servers.push({ close: async () => (await http.close(), await apollo.stop()) });
  return http;
}

async function gateway(subgraphs: Array<{ name: string; url: string; sdl: string }>, config: Partial<GatewayConfig>): Promise<RunningGateway> {
  const supergraphFile = writeSupergraph(composeOrThrow(subgraphs));
  servers.push({ close: async () => removeSupergraph(supergraphFile) });
  const g = await createGateway({ ...DEFAULT_CONFIG, allowPrivateMemberUrls: true, port: 0, supergraphFile, ...config });
  servers.push(g);
  return g;
}

/** Waits until `check()` holds (polling), or fails after 5 s. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

describe.each(['router', 'apollo'] as const)('subgraphs at their routing URL, %s engine', (engine) => {
  it('share one request among identical queries on their way, each caller with its own answer', async () => {
    const books = await startBooks();
    const reviews = await startReviews();
    const g = await gateway([{ name: 'books', url: books.http.graphqlUrl, sdl: BOOKS }, { name: 'reviews', url: reviews.graphqlUrl, sdl: REVIEWS }], { engine });
    const query = '{ books { title reviews { stars } } }';
    const calls = Array.from({ length: 5 }, () => gql(g.graphqlUrl, query));
    await until(() => books.received.length >= 1);
    // Leave the other four time to reach the gateway and join the first.
    await new Promise((r) => setTimeout(r, 300));
    books.release();
    const answers = await Promise.all(calls);
    for (const { body } of answers) expect(body).toEqual({ data: { books: [{ title: 'Les Misérables', reviews: [{ stars: 4 }] }] } });
    expect(books.received.filter((r) => r.query.includes('books'))).toHaveLength(1);
    const metrics = await (await fetch(`${g.url}/metrics`)).text();
    expect(metrics).toContain('bibia_subgraph_shared_requests_total{subgraph="books"} 4');
    expect(metrics).toMatch(/bibia_subgraph_request_duration_seconds_count\{subgraph="reviews"\} [1-9]/);
    // Once answered, the next query is sent again.
    books.rearm();
    books.release();
    expect((await gql(g.graphqlUrl, query)).body.data.books).toHaveLength(1);
    expect(books.received.filter((r) => r.query.includes('books'))).toHaveLength(2);
  });

  it('never share a mutation, nor queries sent with different credentials', async () => {
    const registry = await startBooks('registry');
    const g = await gateway([{ name: 'registry', url: registry.http.graphqlUrl, sdl: BOOKS }], { engine });
    const added = await Promise.all(Array.from({ length: 3 }, () => gql(g.graphqlUrl, 'mutation { addBook(title: "Germinal") { isbn } }')));
    expect(added.map((a) => a.body.data.addBook.isbn).sort()).toEqual(['2', '3', '4']);
    expect(registry.received.filter((r) => r.query.includes('addBook'))).toHaveLength(3);

    const calls = ['Bearer a', 'Bearer b', undefined].map((authorization) => gql(g.graphqlUrl, '{ books { title } }', undefined, { headers: authorization ? { authorization } : {} }));
    await until(() => registry.received.filter((r) => r.query.includes('books')).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    registry.release();
    for (const { body } of await Promise.all(calls)) expect(body.data.books).toHaveLength(4);
    // One request per credential: each caller's own went to `registry` (the only subgraph that gets one).
    expect(registry.received.filter((r) => r.query.includes('books')).map((r) => r.authorization).sort()).toEqual(['Bearer a', 'Bearer b', undefined]);
  });

  it('answer SUBGRAPH_UNAVAILABLE for a subgraph that is down or too slow, naming no address, and keep the rest', async () => {
    const books = await startBooks();
    const reviews = await startReviews();
    const url = reviews.graphqlUrl;
    const g = await gateway([{ name: 'books', url: books.http.graphqlUrl, sdl: BOOKS }, { name: 'reviews', url, sdl: REVIEWS }], { engine, memberTimeoutMs: 500 });
    books.release();
    const slow = await gql(g.graphqlUrl, '{ slow topReview { stars } }');
    expect(slow.body.data).toEqual({ slow: null, topReview: { stars: 5 } });
    expect(slow.body.errors).toEqual([expect.objectContaining({ message: 'Subgraph "books" did not answer in time: 500 ms. Its data is missing from this response.', extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'books', reason: 'timeout' }) })]);

    await reviews.close();
    const down = await gql(g.graphqlUrl, '{ books { title } topReview { stars } }');
    expect(down.body.data).toEqual({ books: [{ title: 'Les Misérables' }], topReview: null });
    expect(down.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'reviews', reason: 'unreachable' }) })]);
    expect(JSON.stringify(down.body)).not.toContain(new URL(url).port);
    const metrics = await (await fetch(`${g.url}/metrics`)).text();
    expect(metrics).toContain('bibia_subgraph_errors_total{subgraph="books",reason="timeout"} 1');
    expect(metrics).toContain('bibia_subgraph_errors_total{subgraph="reviews",reason="unreachable"} 1');
  });
});

describe('SubgraphDataSource on its own', () => {
  /** An HTTP client that answers `text` after `release()`, and records what it was sent. */
  function cannedFetch(text: string) {
    const sent: Array<{ url: string; body: Record<string, unknown>; headers: Record<string, string> }> = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const fetch: PostFetch = async (url, init) => {
      sent.push({ url, body: JSON.parse(init.body), headers: init.headers });
      await released;
      const bytes = Buffer.from(text);
      return {
        status: 200,
        headers: { get: (name: string) => (name === 'content-length' ? String(bytes.length) : null) },
        body: Object.assign((async function* () { yield bytes; })(), { cancel: async () => undefined }),
      };
    };
    return { fetch, sent, release: () => release() };
  }
  const logger = createLogger('test');
  const operation = (query: string, extra: Partial<{ extensions: Record<string, unknown>; authorization: string }> = {}) => ({
    kind: 'incoming operation',
    request: { query, variables: { n: 1 }, extensions: extra.extensions },
    incomingRequestContext: { request: { http: { headers: new Map(extra.authorization ? [['authorization', extra.authorization]] : []) } } },
    context: {},
  }) as unknown as GraphQLDataSourceProcessOptions;

  it('never shares a mutation sent as text, shares queries, and sends the request extensions', async () => {
    const http = cannedFetch('{"data":{"ok":true}}');
    const source = new SubgraphDataSource({ name: 'books', url: 'http://books.invalid/graphql', timeoutMs: 1000, fetch: http.fetch, logger });
    const mutations = [0, 1].map(() => source.process(operation('# a comment\nmutation M { ok }')));
    const queries = [0, 1].map(() => source.process(operation('query Q { ok }', { extensions: { trace: 'x' } })));
    await new Promise((r) => setTimeout(r, 20));
    http.release();
    for (const answer of await Promise.all([...mutations, ...queries])) expect(answer).toEqual({ data: { ok: true } });
    expect(http.sent.map((s) => s.body.query)).toEqual(['# a comment\nmutation M { ok }', '# a comment\nmutation M { ok }', 'query Q { ok }']);
    expect(http.sent[2].body).toMatchObject({ variables: { n: 1 }, extensions: { trace: 'x' } });
    // No authorization function: the caller's header never goes.
    await Promise.all([source.process(operation('{ ok }', { authorization: 'Bearer secret' }))]);
    expect(http.sent.map((s) => s.headers.authorization)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reports an answer over its size cap without reading it, and names no address', async () => {
    const http = cannedFetch(`{"data":{"ok":"${'x'.repeat(2000)}"}}`);
    http.release();
    const source = new SubgraphDataSource({ name: 'books', url: 'http://10.1.2.3/graphql', timeoutMs: 1000, maxAnswerBytes: 1000, fetch: http.fetch, logger });
    const answer = await source.process(operation('{ ok }'));
    expect(answer).toEqual({ errors: [{ message: 'Subgraph "books" sent an answer larger than the hub accepts. Its data is missing from this response.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'books', reason: 'too large' } }] });
  });
});

describe('identical anonymous queries arriving while one runs (INBOUND_DEDUPLICATION)', () => {
  const sharedCount = async (g: RunningGateway) => Number(/bibia_gateway_shared_operations_total (\d+)/.exec(await (await fetch(`${g.url}/metrics`)).text())?.[1]);

  it('share its response when turned on: each request validated and counted, its own copy; never with a token, other variables or a mutation', async () => {
    const books = await startBooks();
    const g = await gateway([{ name: 'books', url: books.http.graphqlUrl, sdl: BOOKS }], { inboundDeduplication: true });
    const query = 'query Titles($t: String) { books(title: $t) { title } }';
    const calls = [
      ...Array.from({ length: 4 }, () => gql(g.graphqlUrl, query, { t: 'a' })),
      gql(g.graphqlUrl, query, { t: 'b' }),
      gql(g.graphqlUrl, query, { t: 'a' }, { headers: { authorization: 'Bearer x' } }),
      gql(g.graphqlUrl, '{ books { nope } }'),
    ];
    await until(() => books.received.length >= 1);
    // Leave the others time to pass validation and wait for the first (generous: CI shares 2 cores).
    await new Promise((r) => setTimeout(r, 800));
    books.release();
    const answers = await Promise.all(calls);
    for (const { body } of answers.slice(0, 6)) expect(body).toEqual({ data: { books: [{ title: 'Les Misérables' }] } });
    expect(answers[6].body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Three of the four identical anonymous queries were answered by the first; the others ran.
    expect(await sharedCount(g)).toBe(3);
    const metrics = await (await fetch(`${g.url}/metrics`)).text();
    expect(metrics).toContain('bibia_gateway_requests_total{operation="query",outcome="success"} 6');
    const added = await Promise.all([0, 1].map(() => gql(g.graphqlUrl, 'mutation { addBook(title: "Germinal") { isbn } }')));
    expect(added.map((a) => a.body.data.addBook.isbn).sort()).toEqual(['2', '3']);
    expect(await sharedCount(g)).toBe(3);
  });

  it('are each run when it is off (the default)', async () => {
    const books = await startBooks();
    const g = await gateway([{ name: 'books', url: books.http.graphqlUrl, sdl: BOOKS }], {});
    const calls = Array.from({ length: 3 }, () => gql(g.graphqlUrl, '{ books { title } }'));
    await until(() => books.received.length >= 1);
    // Leave the others time to pass validation and wait for the first (generous: CI shares 2 cores).
    await new Promise((r) => setTimeout(r, 800));
    books.release();
    for (const { body } of await Promise.all(calls)) expect(body.data.books).toHaveLength(1);
    expect(await sharedCount(g)).toBe(0);
  });
});
