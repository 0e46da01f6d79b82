import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { listenHttp, type RunningHttpServer } from '@bibia/core';
import { parse } from 'graphql';
import { DEFAULT_CONFIG } from '../src/config';
import { createGateway, type RunningGateway } from '../src/index';
import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { DIRECTORY_SDL, startFixtureDirectory, type FixtureDirectory } from './fixtures/fixtureDirectory';
import { MEMBER_SDL, startFixtureMember, type FixtureMember } from './fixtures/fixtureMember';
import { composeOrThrow, gql, removeSupergraph, writeSupergraph } from './fixtures/startStack';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.reverse()) await s.close();
  servers.length = 0;
});

async function serve(sdl: string, resolvers: Record<string, unknown>, seen?: Array<string | undefined>): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<{ authorization?: string }>({ schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as any }]), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const http = await listenHttp({
    apollo,
    context: async (req) => {
      seen?.push(req.headers.authorization);
      return {};
    },
  });
  const running = { ...http, close: async () => (await http.close(), await apollo.stop()) };
  servers.push(running);
  return running;
}

async function gateway(supergraphSdl: string): Promise<RunningGateway> {
  const supergraphFile = writeSupergraph(supergraphSdl);
  servers.push({ close: async () => removeSupergraph(supergraphFile) });
  const g = await createGateway({ ...DEFAULT_CONFIG, allowPrivateMemberUrls: true, port: 0, supergraphFile });
  servers.push(g);
  return g;
}

it('serves any ordinary supergraph like a stock Apollo Gateway when no directory is configured', async () => {
  const BOOKS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { books: [Book!]! }
    type Book @key(fields: "isbn") { isbn: ID! title: String! }`;
  const REVIEWS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Book @key(fields: "isbn") { isbn: ID! reviews: [Review!]! }
    type Review { stars: Int! }`;
  const books = await serve(BOOKS, {
    Query: { books: () => [{ isbn: '1', title: 'Les Misérables' }, { isbn: '2', title: 'Germinal' }] },
  });
  const reviews = await serve(REVIEWS, {
    Book: { __resolveReference: (b: { isbn: string }) => b, reviews: (b: { isbn: string }) => [{ stars: Number(b.isbn) + 3 }] },
  });
  const g = await gateway(
    composeOrThrow([
      { name: 'books', url: books.graphqlUrl, sdl: BOOKS },
      { name: 'reviews', url: reviews.graphqlUrl, sdl: REVIEWS },
    ]),
  );
  const { body } = await gql(g.graphqlUrl, `{ books { title reviews { stars } } }`);
  expect(body).toEqual({ data: { books: [{ title: 'Les Misérables', reviews: [{ stars: 4 }] }, { title: 'Germinal', reviews: [{ stars: 5 }] }] } });
  expect(g.members).toBeUndefined();
  expect((await fetch(`${g.url}/ready`)).status).toBe(200);
});

it('routes `registry` to its routing URL without a directory, with the Authorization header for it only', async () => {
  const member: FixtureMember = await startFixtureMember(memberOptions()[0]);
  servers.push(member);
  const directory: FixtureDirectory = await startFixtureDirectory([
    { siren: member.siren, name: member.name, departement: member.departement, region: member.region, status: 'ACTIVE', registryUrl: member.graphqlUrl },
  ]);
  servers.push(directory);
  const g = await gateway(
    composeOrThrow([
      { name: 'directory', url: directory.graphqlUrl, sdl: DIRECTORY_SDL },
      { name: 'registry', url: member.graphqlUrl, sdl: MEMBER_SDL },
    ]),
  );
  const headers = { authorization: `Bearer token-${SIRENS.arras}` };
  const { body } = await gql(g.graphqlUrl, `{ aiTools(first: 2) { totalCount edges { cursor node { id collectivite { name } } } } }`, undefined, { headers });
  expect(body.errors).toBeUndefined();
  expect(body.data.aiTools.totalCount).toBe(23);
  expect(Object.keys(body.data.aiTools.edges[0])).toEqual(['cursor', 'node']);
  // Stock routing: the member's query is the planner's, no `__bibia_` fields.
  expect(member.received[0].query).not.toContain('__bibia_');
  expect(member.received[0].authorization).toBe(headers.authorization);
  expect(directory.authorizations.every((a) => a === undefined)).toBe(true);
});
