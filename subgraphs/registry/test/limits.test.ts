import crypto from 'node:crypto';
import { DEFAULT_SUBGRAPH_QUERY_LIMITS } from '@bibia/kit';
import { SIREN, codes, startRegistry, type TestRegistry } from './registryTestKit';

// A member registry is a public server: hostile documents are refused before any SQL runs, and
// client mistakes are answered 4xx with a client code. The gateway's own fetches still pass.
let reg: TestRegistry;
beforeAll(async () => {
  reg = await startRegistry({ siren: SIREN.pasDeCalais, seedFile: 'bundled' });
});
afterAll(() => reg.stop());

const aliases = (n: number, field = 'aiTools(first: 1) { totalCount }') => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** POSTs `body` as it is (no `variables` added). */
async function post(body: Record<string, unknown>): Promise<{ status: number; body: { data?: any; errors?: any[] } }> {
  const res = await fetch(reg.server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function expectRefusedWithoutSql(query: string, variables?: Record<string, unknown>) {
  reg.resetQueries();
  const res = await reg.gql(query, variables);
  expect(res.status).toBe(400);
  expect(codes(res.body)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(res.body.data).toBeUndefined();
  expect(reg.queries).toEqual([]);
  return res.body.errors![0];
}

describe('document limits at a member', () => {
  it('refuses 5,000 aliases (~170 KB) at parse time, running no SQL', async () => {
    const query = aliases(5000);
    expect(query.length).toBeGreaterThan(150_000);
    const error = await expectRefusedWithoutSql(query);
    expect(error.extensions).toMatchObject({ maxTokens: DEFAULT_SUBGRAPH_QUERY_LIMITS.maxTokens });
    expect(error.message).toMatch(/more than 10000 tokens/);
  });

  it('refuses more aliases than the limit, below the token limit', async () => {
    const error = await expectRefusedWithoutSql(aliases(DEFAULT_SUBGRAPH_QUERY_LIMITS.maxAliases + 1));
    expect(error.extensions).toMatchObject({ aliases: 201, maxAliases: 200 });
  });

  it('refuses a query nested 200 levels deep', async () => {
    const levels = 50; // 4 levels each: edges, node, collectivite, aiTools
    const query = `{ aiTools(first: 1) ${'{ edges { node { collectivite { aiTools(first: 1) '.repeat(levels)}{ totalCount }${' } } } }'.repeat(levels)} }`;
    const error = await expectRefusedWithoutSql(query);
    expect(error.extensions).toMatchObject({ depth: 202, maxDepth: DEFAULT_SUBGRAPH_QUERY_LIMITS.maxDepth });
  });

  it('refuses too many fields', async () => {
    const fragment = `fragment F on AiTool { id slug name summary description themes status riskLevel }`;
    const error = await expectRefusedWithoutSql(`{ aiTools(first: 1) { edges { node { ${'... on AiTool { ...F } '.repeat(250)} } } } } ${fragment}`);
    expect(error.extensions).toMatchObject({ fields: 2003, maxFields: 2000 });
  });

  it('refuses a too costly query, `first` taken from the variables, counting fragments', async () => {
    const query = `query($n: Int!) { aiTools(first: $n) { edges { node { ...T } } } } fragment T on AiTool { collectivite { aiTools(first: $n) { edges { node { id product { id } } } } } }`;
    const error = await expectRefusedWithoutSql(query, { n: 100 });
    expect(error.extensions.cost).toBeGreaterThan(20_000);
    const ok = await reg.gql(query, { n: 5 });
    expect(ok.body.errors).toBeUndefined();
  });

  it('accepts the federation queries the gateway sends: `_service`, and `_entities` with a batch of representations', async () => {
    const service = await reg.gql(`{ _service { sdl } }`);
    expect(service.status).toBe(200);
    expect(service.body.data._service.sdl).toMatch(/type AiTool/);
    const page = await reg.gql(`{ aiTools(first: 100) { edges { node { id } } } }`);
    const ids: string[] = page.body.data.aiTools.edges.map((e: any) => e.node.id);
    expect(ids.length).toBeGreaterThan(0);
    // A full page of tools through the hub: 100 representations.
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'AiTool', id: ids[i % ids.length] }));
    // What the query planner sends for `aiTools { edges { node { collectivite { aiTools(first: 20) { ... } } } } }`.
    const entities = await reg.gql(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AiTool { __typename id name collectivite { siren aiTools(first: 5) { totalCount edges { cursor node { id name } } } } } } }`,
      { representations },
    );
    expect(entities.status).toBe(200);
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data._entities).toHaveLength(representations.length);
  });
});

describe('client mistakes are answered 4xx with a client code at a member', () => {
  it('unknown operationName, several operations without one, several anonymous operations', async () => {
    const named = `query A { aiTools { totalCount } } query B { practiceReports { totalCount } }`;
    const unknown = await post({ query: named, operationName: 'C' });
    expect([unknown.status, codes(unknown.body)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    expect(unknown.body.errors![0].message).toMatch(/Unknown operation named "C"/);
    const unnamed = await post({ query: named });
    expect([unnamed.status, codes(unnamed.body)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    const anonymous = await post({ query: `{ aiTools { totalCount } } { practiceReports { totalCount } }` });
    expect(anonymous.status).toBe(400);
    expect(new Set(codes(anonymous.body))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  });

  it('a subscription', async () => {
    const res = await post({ query: `subscription { aiTools { totalCount } }` });
    expect([res.status, codes(res.body)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
    expect(res.body.errors![0].message).toMatch(/no subscription/);
  });

  it('a persisted-query hash that is not the query\'s', async () => {
    const res = await post({ query: `{ aiTools { totalCount } }`, extensions: { persistedQuery: { version: 1, sha256Hash: crypto.createHash('sha256').update('other').digest('hex') } } });
    expect([res.status, codes(res.body)]).toEqual([400, ['PERSISTED_QUERY_HASH_MISMATCH']]);
  });
});

describe('invalid characters in filters and cursors are BAD_USER_INPUT naming the field', () => {
  it.each([
    ['filter.search', `query($s: String) { aiTools(filter: { search: $s }) { totalCount } }`, { s: 'outil\u0000' }],
    ['filter.search', `query($s: String) { practiceReports(filter: { search: $s }) { totalCount } }`, { s: 'a\u0000b' }],
    ['filter.productId', `query($s: ID) { aiTools(filter: { productId: $s }) { totalCount } }`, { s: 'albert\u0000' }],
    ['filter.toolId', `query($s: ID) { practiceReports(filter: { toolId: $s }) { totalCount } }`, { s: '226200012:x\u0000' }],
    ['filter.search', `query($s: String) { aiTools(filter: { search: $s }) { totalCount } }`, { s: 'lone \ud800 surrogate' }],
    ['after', `query($s: String) { aiTools(after: $s) { totalCount } }`, { s: Buffer.from(JSON.stringify(['a\u0000', 'x'])).toString('base64url') }],
    ['after', `query($s: String) { practiceReports(orderBy: NAME, after: $s) { totalCount } }`, { s: Buffer.from(JSON.stringify(['a', 'x\u0000'])).toString('base64url') }],
  ])('%s', async (field, query, variables) => {
    const res = await reg.gql(query, variables);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0].extensions.field).toBe(field);
    expect(res.body.errors![0].message).toMatch(/invalid character/);
  });

  it('keeps accepting ordinary text (accents, tabs, emoji)', async () => {
    const res = await reg.gql(`query($s: String) { aiTools(filter: { search: $s }) { totalCount } }`, { s: 'délibération\tcourrier 🙂' });
    expect(res.body.errors).toBeUndefined();
  });
});
