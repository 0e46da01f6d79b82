import crypto from 'node:crypto';
import { memberOptions } from './fixtures/fixtureData';
import { startStack, type Stack } from './fixtures/startStack';

// Client mistakes are answered 4xx with a client code (never 500 or INTERNAL_SERVER_ERROR), and
// reach no member.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack(memberOptions());
});
afterAll(async () => {
  await stack?.stop();
});

const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

async function post(body: Record<string, unknown>) {
  const res = await fetch(stack.gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

function expectNoMemberAsked() {
  expect(stack.members.every((m) => m.received.length === 0)).toBe(true);
}

beforeEach(() => {
  for (const m of stack.members) m.received.length = 0;
});

describe('client mistakes', () => {
  const named = `query A { aiTools(first: 1) { totalCount } } query B { themes }`;

  it('an unknown operationName: 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const res = await post({ query: named, operationName: 'C' });
    expect([res.status, codes(res.body)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    expect(res.body.errors![0].message).toMatch(/Unknown operation named "C"/);
    expectNoMemberAsked();
  });

  it('several operations and no operationName: 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const res = await post({ query: named });
    expect([res.status, codes(res.body)]).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    expectNoMemberAsked();
  });

  it('several anonymous operations: 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await post({ query: `{ themes } { aiTools(first: 1) { totalCount } }` });
    expect(res.status).toBe(400);
    expect(new Set(codes(res.body))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expectNoMemberAsked();
  });

  it('a subscription: 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await post({ query: `subscription { aiTools { totalCount } }` });
    expect([res.status, codes(res.body)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
    expectNoMemberAsked();
  });

  it('a persisted-query hash that is not the query\'s: 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const sha256Hash = crypto.createHash('sha256').update('another query').digest('hex');
    const res = await post({ query: `{ themes }`, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect([res.status, codes(res.body)]).toEqual([400, ['PERSISTED_QUERY_HASH_MISMATCH']]);
    expectNoMemberAsked();
  });

  it('an unsupported persisted-query version: 400 BAD_REQUEST', async () => {
    const res = await post({ query: `{ themes }`, extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } });
    expect([res.status, codes(res.body)]).toEqual([400, ['BAD_REQUEST']]);
  });

  it('a syntax error: 400 GRAPHQL_PARSE_FAILED', async () => {
    const res = await post({ query: `{ themes ` });
    expect([res.status, codes(res.body)]).toEqual([400, ['GRAPHQL_PARSE_FAILED']]);
  });
});

describe('a connection no member is asked for', () => {
  it('answers `pageInfo { __typename }` and keeps the other root fields', async () => {
    const { status, body } = await stack.gql(`{ aiTools(filter: { region: "zz" }) { __typename totalCount pageInfo { __typename hasNextPage endCursor } edges { cursor } } themes }`);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data.aiTools).toEqual({ __typename: 'AiToolConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] });
    expect(body.data.themes.length).toBeGreaterThan(0);
  });

  it('takes `pageInfo { __typename }` from the members when they answer', async () => {
    const { body } = await stack.gql(`{ aiTools(first: 2) { pageInfo { __typename hasNextPage } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTools.pageInfo).toEqual({ __typename: 'PageInfo', hasNextPage: true });
  });
});
