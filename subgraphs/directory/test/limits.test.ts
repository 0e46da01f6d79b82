import crypto from 'node:crypto';
import { DEFAULT_SUBGRAPH_QUERY_LIMITS } from '@bibia/kit';
import { codes, startDirectory, type TestDirectory } from './helpers/startDirectory';

// The directory is a public server: hostile documents are refused before any SQL runs, and
// client mistakes are answered 4xx with a client code.
let dir: TestDirectory;
beforeAll(async () => {
  dir = await startDirectory('limits');
});
afterAll(() => dir.stop());

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

async function post(body: Record<string, unknown>): Promise<{ status: number; body: { data?: any; errors?: any[] } }> {
  const res = await fetch(dir.server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function expectRefusedWithoutSql(query: string) {
  dir.resetQueries();
  const res = await dir.gql(query);
  expect(res.status).toBe(400);
  expect(codes(res.body)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(res.body.data).toBeUndefined();
  expect(dir.queries).toEqual([]);
  return res.body.errors![0];
}

describe('document limits at the directory', () => {
  it('refuses 5,000 aliases at parse time, running no SQL', async () => {
    const error = await expectRefusedWithoutSql(aliases(5000, 'collectivites(first: 1) { totalCount }'));
    expect(error.extensions).toMatchObject({ maxTokens: DEFAULT_SUBGRAPH_QUERY_LIMITS.maxTokens });
  });

  it('refuses more aliases than the limit, below the token limit', async () => {
    const error = await expectRefusedWithoutSql(aliases(201, 'collectivites(first: 1) { totalCount }'));
    expect(error.extensions).toMatchObject({ aliases: 201, maxAliases: 200 });
  });

  it('refuses a too costly query', async () => {
    const error = await expectRefusedWithoutSql(aliases(70, 'collectivites(first: 100) { edges { node { siren membership { registryUrl } } } }'));
    expect(error.extensions).toMatchObject({ cost: 70 * 301, maxCost: 20_000 });
  });

  it('still answers ordinary queries and the gateway\'s `_entities` batches', async () => {
    const page = await dir.gql(`{ collectivites(first: 100) { edges { node { siren } } } }`);
    expect(page.status).toBe(200);
    const sirens: string[] = page.body.data.collectivites.edges.map((e: any) => e.node.siren);
    const representations = sirens.map((siren) => ({ __typename: 'Collectivite', siren }));
    const entities = await dir.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Collectivite { siren name membership { registryUrl status } } } }`, { r: representations });
    expect(entities.status).toBe(200);
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data._entities).toHaveLength(sirens.length);
  });
});

describe('client mistakes are answered 4xx with a client code at the directory', () => {
  it('unknown operationName, several operations without one, several anonymous operations', async () => {
    const named = `query A { collectivites { totalCount } } query B { aiProducts { totalCount } }`;
    const unknown = await post({ query: named, operationName: 'C' });
    expect([unknown.status, codes(unknown.body)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    const unnamed = await post({ query: named });
    expect([unnamed.status, codes(unnamed.body)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    const anonymous = await post({ query: `{ collectivites { totalCount } } { aiProducts { totalCount } }` });
    expect(anonymous.status).toBe(400);
    expect(new Set(codes(anonymous.body))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  });

  it('a subscription', async () => {
    const res = await post({ query: `subscription { collectivites { totalCount } }` });
    expect([res.status, codes(res.body)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
  });

  it('a persisted-query hash that is not the query\'s', async () => {
    const res = await post({ query: `{ collectivites { totalCount } }`, extensions: { persistedQuery: { version: 1, sha256Hash: crypto.createHash('sha256').update('other').digest('hex') } } });
    expect([res.status, codes(res.body)]).toEqual([400, ['PERSISTED_QUERY_HASH_MISMATCH']]);
  });
});
