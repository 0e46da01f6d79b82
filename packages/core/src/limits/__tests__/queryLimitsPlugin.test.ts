import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { queryLimits } from '../queryLimits';
import { queryLimitsPlugin } from '../queryLimitsPlugin';

const typeDefs = `
  type Query { node(pad: String): Node }
  type Node { id: ID! child: Node children(first: Int): [Node!]! }
`;
const resolvers = { Query: { node: () => ({ id: '1', child: null, children: [] }) } };

/** Errors codes of one request (the same text comes back as the same parsed document). */
async function codes(server: ApolloServer, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<string[]> {
  const response = await server.executeOperation({ query, variables, operationName });
  if (response.body.kind !== 'single') throw new Error('single result expected');
  return (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code));
}

describe('queryLimitsPlugin verdicts reused per document', () => {
  let server: ApolloServer;
  beforeAll(async () => {
    server = new ApolloServer({
      typeDefs,
      resolvers,
      plugins: [queryLimitsPlugin(queryLimits({ maxDepth: 4, maxCost: 100 }))],
    });
    await server.start();
  });
  afterAll(() => server.stop());

  it('measures the cost of each set of variables: a pass is never reused for other variables', async () => {
    const query = `query Page($n: Int) { node { children(first: $n) { child { id } } } }`;
    expect(await codes(server, query, { n: 2 })).toEqual([]);
    expect(await codes(server, query, { n: 500 })).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await codes(server, query, { n: 2 })).toEqual([]);
    expect(await codes(server, query, { n: 500 })).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await codes(server, query, { n: 50 })).toEqual([]);
  });

  it('measures each operation of a document on its own', async () => {
    const query = `query Small { node { id } } query Big { node { children(first: 500) { child { id } } } }`;
    expect(await codes(server, query, {}, 'Small')).toEqual([]);
    expect(await codes(server, query, {}, 'Big')).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await codes(server, query, {}, 'Small')).toEqual([]);
  });

  it('refuses a document over a static limit every time', async () => {
    const query = `{ node { child { child { child { id } } } } }`;
    expect(await codes(server, query)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await codes(server, query)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('measures again variables too long to be kept', async () => {
    const query = `query Page($n: Int, $pad: String) { node(pad: $pad) { children(first: $n) { child { id } } } }`;
    const pad = 'x'.repeat(5000);
    expect(await codes(server, query, { n: 2, pad })).toEqual([]);
    expect(await codes(server, query, { n: 500, pad })).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await codes(server, query, { n: 2, pad })).toEqual([]);
  });
});

describe('queryLimitsPlugin per schema', () => {
  it('does not carry a pass from one schema to another', async () => {
    const query = `{ node { children { id } } }`;
    const wide = new ApolloServer({ schema: buildSchema(`${typeDefs}`), plugins: [queryLimitsPlugin(queryLimits({ maxCost: 100 }))] });
    await wide.start();
    try {
      expect(await codes(wide, query)).toEqual([]);
    } finally {
      await wide.stop();
    }
  });
});
