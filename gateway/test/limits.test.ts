import crypto from 'node:crypto';
import { memberOptions } from './fixtures/fixtureData';
import { startStack, type Stack } from './fixtures/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(memberOptions(), { maxDepth: 6, maxCost: 300 });
});
afterAll(async () => {
  await stack?.stop();
});

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
