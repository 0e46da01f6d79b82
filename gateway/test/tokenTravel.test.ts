import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { fixtureToken } from './fixtures/fixtureMember';
import { startStack, type Stack } from './fixtures/startStack';

// Issue "Trust", item 3: a credential never reaches a server that did not issue it. A publisher
// token names its member (`bibia_pub_<siren>_…`); the gateway forwards it to that member only.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack(memberOptions());
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => {
  for (const m of stack.members) m.received.length = 0;
});

const A = SIRENS.arras;
const B = SIRENS.lille;
const TOKEN_A = `Bearer ${fixtureToken(A)}`;
const member = (siren: string) => stack.members.find((m) => m.siren === siren)!;
/** Every Authorization header any member received since the last reset. */
const allReceived = () => stack.members.flatMap((m) => m.received.map((r) => ({ siren: m.siren, authorization: r.authorization })));

it("sends A's token to A for a mutation on A", async () => {
  const { body } = await stack.gql(`mutation { createAiTool(siren: "${A}", input: { name: "Outil de A", slug: "outil-de-a" }) { id } }`, undefined, { headers: { authorization: TOKEN_A } });
  expect(body.errors).toBeUndefined();
  expect(body.data.createAiTool).toEqual({ id: `${A}:outil-de-a` });
  expect(member(A).received.map((r) => r.authorization)).toEqual([TOKEN_A]);
  expect(allReceived().filter((r) => r.siren !== A)).toEqual([]);
});

it("sends A's token to A for a read that names A", async () => {
  const { body } = await stack.gql(`{ aiTools(filter: { sirens: ["${A}"] }) { totalCount } }`, undefined, { headers: { authorization: TOKEN_A } });
  expect(body.errors).toBeUndefined();
  expect(member(A).received.map((r) => r.authorization)).toEqual([TOKEN_A]);
});

describe("never sends A's token to B", () => {
  const reads: Array<[string, string]> = [
    ['aiTool(id: "B:…")', `{ aiTool(id: "${B}:outil-1") { id name collectivite { siren } } }`],
    ['aiTools(filter: { sirens: ["B"] })', `{ aiTools(filter: { sirens: ["${B}"] }) { totalCount edges { node { id } } } }`],
    ['registry(siren: "B")', `{ registry(siren: "${B}") { siren name toolCount } }`],
    ['a national list', `{ aiTools(first: 5) { totalCount edges { node { id } } } }`],
  ];
  it.each(reads)('%s', async (_, query) => {
    const { body } = await stack.gql(query, undefined, { headers: { authorization: TOKEN_A } });
    expect(body.errors).toBeUndefined();
    expect(member(B).received.length).toBeGreaterThan(0);
    expect(member(B).received.map((r) => r.authorization)).toEqual(member(B).received.map(() => undefined));
    // Nor to anyone else: none of these reads names A.
    expect(allReceived().filter((r) => r.authorization !== undefined)).toEqual([]);
  });

  it('for a mutation on B: B gets no token and answers UNAUTHENTICATED', async () => {
    const { body } = await stack.gql(`mutation { updateAiTool(id: "${B}:outil-1", input: { name: "x" }) { id } }`, undefined, { headers: { authorization: TOKEN_A } });
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', siren: B });
    expect(member(B).received.map((r) => r.authorization)).toEqual([undefined]);
    expect(member(A).received).toHaveLength(0);
  });
});

describe('forwards no other credential to any member', () => {
  const others: Array<[string, string]> = [
    ['an older publisher token without a SIREN', 'Bearer bibia_pub_QmFzZTY0dXJsUmFuZG9tUGFydE9mQW5PbGRUb2tlbg'],
    ['another bearer', 'Bearer some-partner-secret'],
    ['a token naming A hidden in a longer header', `Bearer ${fixtureToken(A)} extra`],
    ['another scheme', `Basic ${fixtureToken(A)}`],
  ];
  it.each(others)('%s', async (_, authorization) => {
    const read = await stack.gql(`{ aiTools(filter: { sirens: ["${A}"] }) { totalCount } }`, undefined, { headers: { authorization } });
    expect(read.body.errors).toBeUndefined();
    const write = await stack.gql(`mutation { createAiTool(siren: "${A}", input: { name: "x" }) { id } }`, undefined, { headers: { authorization } });
    expect(write.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', siren: A });
    expect(member(A).received).toHaveLength(2);
    expect(allReceived().filter((r) => r.authorization !== undefined)).toEqual([]);
  });
});
