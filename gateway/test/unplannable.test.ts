import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { listenHttp } from '@bibia/core';
import { parse } from 'graphql';
import { DEFAULT_CONFIG } from '../src/config';
import { createGateway } from '../src/index';
import { composeOrThrow, gql, removeSupergraph, writeSupergraph } from './fixtures/startStack';

// A selection no subgraph can fetch where it is asked: the router engine refuses the operation
// with QUERY_PLANNING_FAILED (as Hive's gateway does) instead of handing it to Apollo's planner,
// whose answer would be a silent null. Here `note` exists only on a non-resolvable
// `@interfaceObject`, so a `Document` reached through `documents`' `anyDocument` cannot get it.

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const s of servers.reverse()) await s.close();
});

const DOCUMENTS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  interface Document @key(fields: "id") { id: ID! }
  type Query { anyDocument: Document }`;
const NOTES = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
  type Document @key(fields: "id", resolvable: false) @interfaceObject { id: ID! note: String }
  type Query { noted: Document }`;

async function serve(sdl: string, resolvers: Record<string, unknown>): Promise<string> {
  const apollo = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as any }]), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const http = await listenHttp({ apollo, context: async () => ({}) });
  servers.push({ close: async () => (await http.close(), await apollo.stop()) });
  return http.graphqlUrl;
}

it('refuses a selection no subgraph can fetch, and runs what can be fetched', async () => {
  const documents = await serve(DOCUMENTS, {
    Query: { anyDocument: () => null },
  });
  const notes = await serve(NOTES, { Query: { noted: () => ({ id: 'd1' }) }, Document: { note: () => 'adoptée' } });
  const supergraphFile = writeSupergraph(composeOrThrow([{ name: 'documents', url: documents, sdl: DOCUMENTS }, { name: 'notes', url: notes, sdl: NOTES }]));
  servers.push({ close: async () => removeSupergraph(supergraphFile) });
  const g = await createGateway({ ...DEFAULT_CONFIG, engine: 'router', port: 0, supergraphFile });
  servers.push(g);

  const refused = await gql(g.graphqlUrl, '{ anyDocument { id note } }');
  expect(refused.status).toBe(200);
  expect(refused.body).toEqual({
    data: null,
    errors: [expect.objectContaining({ message: expect.stringContaining('"note"'), extensions: expect.objectContaining({ code: 'QUERY_PLANNING_FAILED', field: 'note' }) })],
  });
  expect((await gql(g.graphqlUrl, '{ anyDocument { id } noted { id note } }')).body).toEqual({ data: { anyDocument: null, noted: { id: 'd1', note: 'adoptée' } } });
});
