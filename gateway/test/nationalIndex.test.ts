import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { startStack, type GqlResult, type Stack } from './fixtures/startStack';
import { waitFor } from './fixtures/waitFor';

// The gateway reads anonymous national lists from the national index in one request, and
// everything else live (docs/architecture.md, "Reading at national scale"). The fixture index
// answers over the fixture members' current data, so its answers equal the live ones.

const PAGE = /* GraphQL */ `
  query Page($filter: AiToolFilter, $orderBy: AiToolOrder! = NAME, $first: Int!, $after: String) {
    aiTools(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name updatedAt collectivite { siren name } } }
    }
  }
`;
/** `toolCount` is not in the fixture index: the index refuses the document (validation). */
const PAGE_WITH_TOOL_COUNTS = `query($first: Int!) { aiTools(first: $first) { totalCount edges { node { id collectivite { siren toolCount } } } } }`;
// Long enough that a few requests fit in it on a busy machine; tests that break the index wait it out.
const RETRY_AFTER_MS = 1500;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(memberOptions(), { indexRetryAfterMs: RETRY_AFTER_MS }, { index: 'with subgraph' });
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => {
  stack.index!.setMode('normal');
  stack.index!.setStaleMembers([]);
  forgetRequests();
});

function forgetRequests(): void {
  stack.index!.received.length = 0;
  for (const m of stack.members) m.received.length = 0;
}
const membersAsked = () => stack.members.filter((m) => m.received.length > 0).map((m) => m.siren).sort();
const indexAsked = () => stack.index!.received.length;

/** Waits until the gateway tries the index again after a failure, and checks it answers. */
async function afterRecovery(): Promise<void> {
  stack.index!.setMode('normal');
  await new Promise((r) => setTimeout(r, RETRY_AFTER_MS + 50));
  await stack.gql(PAGE, { first: 1 });
  forgetRequests();
}

async function liveAnswer(query: string, variables: Record<string, unknown>): Promise<GqlResult> {
  // A caller with a token is always served live: the reference answer.
  return stack.gql(query, variables, { headers: { authorization: 'Bearer someone' } });
}

describe('anonymous national lists', () => {
  it('are one request to the index, and the members receive nothing', async () => {
    const { body } = await stack.gql(PAGE, { first: 10, orderBy: 'RECENT' });
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTools.totalCount).toBe(71);
    expect(body.data.aiTools.edges).toHaveLength(10);
    expect(indexAsked()).toBe(1);
    expect(membersAsked()).toEqual([]);
    // The index answers as one member would, so the answer is the live one, cursors included.
    const live = await liveAnswer(PAGE, { first: 10, orderBy: 'RECENT' });
    expect(body).toEqual(live.body);
    // Paging on with the index's cursor gives the live next page.
    const after = body.data.aiTools.pageInfo.endCursor;
    expect((await stack.gql(PAGE, { first: 10, orderBy: 'RECENT', after })).body).toEqual((await liveAnswer(PAGE, { first: 10, orderBy: 'RECENT', after })).body);
  });

  it('sends the fetch to the index with its variables, several lists in one request', async () => {
    const query = `query($f: AiToolFilter) { a: aiTools(first: 2, filter: $f) { totalCount } b: aiTools(first: 3, orderBy: RECENT) { edges { node { id } } } }`;
    const { body } = await stack.gql(query, { f: { sirens: [SIRENS.arras, SIRENS.lille] } });
    expect(body.errors).toBeUndefined();
    expect(body.data.a.totalCount).toBe(23 + 31);
    expect(body.data.b.edges).toHaveLength(3);
    expect(stack.index!.received).toHaveLength(1);
    expect(stack.index!.received[0].variables).toEqual({ f: { sirens: [SIRENS.arras, SIRENS.lille] } });
    expect(membersAsked()).toEqual([]);
  });

  it('planned as one registry fetch, go to the index as the client wrote them once the plan is known, with the same answer', async () => {
    const query = `query Shortcut($first: Int!) { aiTools(first: $first, orderBy: RECENT) { totalCount edges { cursor node { id name } } } }`;
    const first = await stack.gql(query, { first: 4 });
    expect(first.body.errors).toBeUndefined();
    // The first request is planned: the index gets the planner's fetch.
    expect(stack.index!.received).toHaveLength(1);
    expect(stack.index!.received[0].query).not.toBe(query);
    forgetRequests();
    const again = await stack.gql(query, { first: 4 });
    expect(stack.index!.received).toHaveLength(1);
    expect(stack.index!.received[0].query).toBe(query);
    expect(stack.index!.received[0].variables).toEqual({ first: 4 });
    expect(again.body).toEqual(first.body);
    expect(membersAsked()).toEqual([]);
    // Variables the API schema refuses get the usual error, and the index is not asked.
    forgetRequests();
    const bad = await stack.gql(query, { first: 'quatre' });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(indexAsked()).toBe(0);
  });

  it('name the index’s stale members in extensions', async () => {
    const stale = [
      { siren: SIRENS.lille, harvestedAt: '2026-01-02T03:04:05.000Z' },
      { siren: SIRENS.amiens, harvestedAt: null },
    ];
    stack.index!.setStaleMembers(stale);
    const { body } = await stack.gql(PAGE, { first: 5 });
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.bibia?.staleMembers).toEqual([...stale].sort((a, b) => a.siren.localeCompare(b.siren)));
    // A live answer says nothing of the index.
    expect((await liveAnswer(PAGE, { first: 5 })).body.extensions?.bibia).toBeUndefined();
  });
});

describe('live as today', () => {
  it('for an authenticated caller', async () => {
    const { body } = await liveAnswer(PAGE, { first: 5 });
    expect(body.data.aiTools.totalCount).toBe(71);
    expect(indexAsked()).toBe(0);
    expect(membersAsked()).toEqual(stack.members.map((m) => m.siren).sort());
  });

  it('for a filter naming one member: one SIREN, or one of its tools', async () => {
    const { body } = await stack.gql(PAGE, { first: 5, filter: { sirens: [SIRENS.lille] } });
    expect(body.data.aiTools.totalCount).toBe(31);
    expect(membersAsked()).toEqual([SIRENS.lille]);
    const toolId = `${SIRENS.amiens}:outil-2`;
    const byTool = await stack.gql(PAGE, { first: 5, filter: { toolId } });
    expect(byTool.body.data.aiTools.edges.map((e: any) => e.node.id)).toEqual([toolId]);
    expect(membersAsked()).toEqual([SIRENS.lille, SIRENS.amiens].sort());
    expect(indexAsked()).toBe(0);
  });

  it('for fetches by id and entity fetches, to their owner only', async () => {
    const id = `${SIRENS.lille}:outil-3`;
    const one = await stack.gql(`query($id: ID!) { aiTool(id: $id) { id name } }`, { id });
    expect(one.body.data.aiTool.id).toBe(id);
    expect(membersAsked()).toEqual([SIRENS.lille]);
    forgetRequests();

    // A national list from the index, and member fields of the directory's collectivités live.
    const { body } = await stack.gql(`{ aiTools(first: 3) { totalCount } members { siren toolCount aiTools(first: 1) { totalCount } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTools.totalCount).toBe(71);
    for (const c of body.data.members) expect(c.toolCount).toBe(stack.members.find((m) => m.siren === c.siren)!.tools.length);
    expect(indexAsked()).toBe(1);
    for (const m of stack.members) {
      expect(m.received).toHaveLength(1);
      expect(m.representations()).toEqual([{ __typename: 'Collectivite', siren: m.siren }]);
    }
  });

  it('for other root fields, even beside a national list', async () => {
    const { body } = await stack.gql(`{ aiTools(first: 1) { totalCount } themes }`);
    expect(body.data.themes).toHaveLength(3);
    expect(body.data.aiTools.totalCount).toBe(71);
    expect(indexAsked()).toBe(0);
  });
});

describe('when the index cannot answer', () => {
  it('reads live while the index is down, without asking it every time, then goes back to it', async () => {
    const fromIndex = await stack.gql(PAGE, { first: 20 });
    stack.index!.setMode('down');
    forgetRequests();
    const { status, body } = await stack.gql(PAGE, { first: 20 });
    expect(status).toBe(200);
    expect(body).toEqual(fromIndex.body);
    expect(indexAsked()).toBe(1);
    expect(membersAsked()).toHaveLength(3);
    await stack.gql(PAGE, { first: 20 });
    await stack.gql(PAGE, { first: 20 });
    expect(indexAsked()).toBe(1);

    stack.index!.setMode('normal');
    await new Promise((r) => setTimeout(r, RETRY_AFTER_MS + 50));
    forgetRequests();
    expect((await stack.gql(PAGE, { first: 20 })).body).toEqual(fromIndex.body);
    expect(indexAsked()).toBe(1);
    expect(membersAsked()).toEqual([]);
  });

  it('reads live before the index has completed its first harvest', async () => {
    stack.index!.setMode('not ready');
    const { body } = await stack.gql(PAGE, { first: 7 });
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTools.edges).toHaveLength(7);
    expect(indexAsked()).toBe(1);
    expect(membersAsked()).toHaveLength(3);
    await afterRecovery();
  });

  it('reads live a document the index refuses, and does not ask it again', async () => {
    const { body } = await stack.gql(PAGE_WITH_TOOL_COUNTS, { first: 4 });
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTools.edges.every((e: any) => typeof e.node.collectivite.toolCount === 'number')).toBe(true);
    expect(indexAsked()).toBe(1);
    expect(membersAsked()).toHaveLength(3);
    // Refused by its shape: whatever the variables.
    await stack.gql(PAGE_WITH_TOOL_COUNTS, { first: 4 });
    await stack.gql(PAGE_WITH_TOOL_COUNTS, { first: 9 });
    expect(indexAsked()).toBe(1);
    // The index is not down for all that.
    forgetRequests();
    await stack.gql(PAGE, { first: 4 });
    expect(indexAsked()).toBe(1);
    expect(membersAsked()).toEqual([]);
  });

  it('remembers arguments the index refuses, not the whole document', async () => {
    stack.index!.setMode('refuse');
    const { body } = await stack.gql(PAGE, { first: 6, filter: { region: '32' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTools.totalCount).toBe(71);
    await stack.gql(PAGE, { first: 6, filter: { region: '32' } });
    expect(indexAsked()).toBe(1);
    await stack.gql(PAGE, { first: 6, filter: { region: '11' } });
    expect(indexAsked()).toBe(2);
  });

  it('passes no error of its own on: a bad argument is reported by the members as usual', async () => {
    const { body } = await stack.gql(PAGE, { first: 5, after: 'not-a-cursor' });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(body.errors[0].extensions.sirens).toHaveLength(3);
    expect(indexAsked()).toBe(1);
  });
});

describe('the index subgraph', () => {
  it('is served by the index, with its stale members', async () => {
    const { body } = await stack.gql(`{ libraryStats(filter: { departement: "59" }) { toolCount memberCount } }`);
    expect(body).toEqual({ data: { libraryStats: { toolCount: 31, memberCount: 1 } } });
    expect(indexAsked()).toBe(1);
    stack.index!.setStaleMembers([{ siren: SIRENS.arras, harvestedAt: null }]);
    expect((await stack.gql(`{ libraryStats { toolCount } }`)).body.extensions).toEqual({ bibia: { staleMembers: [{ siren: SIRENS.arras, harvestedAt: null }] } });
  });

  it('is missing, with one INDEX_UNAVAILABLE error, when the index is down; the rest is answered', async () => {
    stack.index!.setMode('down');
    const { status, body } = await stack.gql(`{ libraryStats { toolCount } aiTools(first: 2) { totalCount } }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ libraryStats: null, aiTools: { totalCount: 71 } });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'INDEX_UNAVAILABLE', reason: 'unreachable' });
    expect(body.errors[0].message).toMatch(/national index could not be reached/);
    expect(JSON.stringify(body.errors)).not.toContain('127.0.0.1');
    // Both fetches were sent at once; within the retry interval, the index is not asked again.
    expect(indexAsked()).toBe(2);
    const again = await stack.gql(`{ libraryStats { toolCount } }`);
    expect(again.body.errors[0].extensions).toMatchObject({ code: 'INDEX_UNAVAILABLE', reason: 'index down' });
    expect(indexAsked()).toBe(2);
    await afterRecovery();
  });
});

it('counts answers and fallbacks in /metrics', async () => {
  await stack.gql(PAGE, { first: 1 });
  const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  expect(text).toMatch(/bibia_index_answers_total\{subgraph="registry"\} [1-9]/);
  expect(text).toMatch(/bibia_index_fallbacks_total\{subgraph="registry",reason="unreachable"\} [1-9]/);
  expect(text).toMatch(/bibia_index_fallbacks_total\{subgraph="registry",reason="refused"\} [1-9]/);
  expect(text).toMatch(/bibia_index_fallbacks_total\{subgraph="index",reason="unreachable"\} [1-9]/);
});

describe('without the index subgraph in the supergraph', () => {
  let lists: Stack;
  afterAll(async () => {
    await lists?.stop();
  });

  it('still reads national lists from the index', async () => {
    lists = await startStack(memberOptions(), {}, { index: 'lists only' });
    const { body } = await lists.gql(PAGE, { first: 3 });
    expect(body.data.aiTools.totalCount).toBe(71);
    expect(lists.index!.received).toHaveLength(1);
    expect(lists.members.every((m) => m.received.length === 0)).toBe(true);
    await waitFor(() => lists.gateway.notReadyBecause().length === 0);
  });
});

describe('without INDEX_URL, the index subgraph in the supergraph', () => {
  let routed: Stack;
  afterAll(async () => {
    await routed?.stop();
  });

  it('is reached at its routing URL, national lists being read live as before', async () => {
    routed = await startStack(memberOptions(), {}, { index: 'subgraph at its routing URL' });
    const { body } = await routed.gql(`{ libraryStats { toolCount } aiTools(first: 2) { totalCount } }`);
    expect(body).toEqual({ data: { libraryStats: { toolCount: 71 }, aiTools: { totalCount: 71 } } });
    expect(routed.index!.received.map((r) => r.query)).toEqual([expect.stringContaining('libraryStats')]);
    expect(routed.members.every((m) => m.received.length === 1)).toBe(true);

    routed.index!.setMode('down');
    const down = await routed.gql(`{ libraryStats { toolCount } }`);
    expect(down.body.data).toEqual({ libraryStats: null });
    expect(down.body.errors.map((e: any) => e.extensions.code)).toEqual(['INDEX_UNAVAILABLE']);
    expect(JSON.stringify(down.body.errors)).not.toContain('127.0.0.1');
  });
});
