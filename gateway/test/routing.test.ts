import { compareCursorKeys, parseCursor } from '@bibia/core';
import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { sortKey } from './fixtures/fixtureMember';
import { startStack, type Stack } from './fixtures/startStack';

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

const PAGE = /* GraphQL */ `
  query Page($filter: AiToolFilter, $orderBy: AiToolOrder! = NAME, $first: Int!, $after: String) {
    aiTools(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name updatedAt collectivite { siren name } } }
    }
  }
`;

/** Every tool of the fixture members, in the contract's order. */
function expectedOrder(orderBy: 'NAME' | 'RECENT'): string[] {
  const all = stack.members.flatMap((m) => m.tools.map((t) => ({ id: `${m.siren}:${t.slug}`, key: [orderBy === 'NAME' ? sortKey(t.name) : t.updatedAt, `${m.siren}:${t.slug}`] as [string, string] })));
  return all.sort((a, b) => compareCursorKeys(a.key, b.key, orderBy === 'NAME' ? 'asc' : 'desc')).map((t) => t.id);
}

async function walk(orderBy: 'NAME' | 'RECENT', first: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { body } = await stack.gql(PAGE, { orderBy, first, after });
    expect(body.errors).toBeUndefined();
    const conn = body.data.aiTools;
    expect(conn.totalCount).toBe(71);
    // Full pages until the last one, which holds the rest.
    expect(conn.edges).toHaveLength(Math.min(first, 71 - ids.length));
    ids.push(...conn.edges.map((e: any) => e.node.id));
    pages++;
    if (!conn.pageInfo.hasNextPage) break;
    expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1).cursor);
    after = conn.pageInfo.endCursor;
  }
  return { ids, pages };
}

describe('national lists', () => {
  it.each([
    ['NAME', 10],
    ['RECENT', 7],
    ['NAME', 100],
  ] as const)('merges the members’ pages in %s order, walking pages of %d with no repeat and no skip', async (orderBy, first) => {
    const { ids, pages } = await walk(orderBy, first);
    expect(ids).toEqual(expectedOrder(orderBy));
    expect(new Set(ids).size).toBe(71);
    expect(pages).toBe(Math.ceil(71 / first));
  });

  it('resolves fields of other subgraphs on merged nodes (directory names)', async () => {
    const { body } = await stack.gql(PAGE, { first: 30 });
    const bySiren = Object.fromEntries(stack.members.map((m) => [m.siren, m.name]));
    for (const e of body.data.aiTools.edges) expect(e.node.collectivite.name).toBe(bySiren[e.node.collectivite.siren]);
    const cursors = body.data.aiTools.edges.map((e: any) => parseCursor(e.cursor));
    expect(cursors.every(Boolean)).toBe(true);
  });

  it('adds the page fields it needs and shows the client only what it asked for', async () => {
    const { body } = await stack.gql(`{ aiTools(first: 3) { edges { node { id } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTools).toEqual({ edges: expectedOrder('NAME').slice(0, 3).map((id) => ({ node: { id } })) });
    for (const m of stack.members) expect(m.received[0].query).toContain('__bibia_edges:edges{__bibia_cursor:cursor}');
  });

  it('sends the client’s cursor unchanged to every member', async () => {
    const first = await stack.gql(PAGE, { first: 5 });
    const after = first.body.data.aiTools.pageInfo.endCursor;
    for (const m of stack.members) m.received.length = 0;
    await stack.gql(PAGE, { first: 5, after });
    for (const m of stack.members) expect(m.received[0].variables.after).toBe(after);
  });

  it('passes the members’ own errors on with their SIRENs, once for identical ones', async () => {
    const { body } = await stack.gql(PAGE, { first: 5, after: 'not-a-cursor' });
    expect(body.data.aiTools.edges).toEqual([]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.sirens.sort()).toEqual(stack.members.map((m) => m.siren).sort());
    expect(stack.members.map((m) => m.siren)).toContain(body.errors[0].extensions.siren);
  });

  it('concatenates other list fields', async () => {
    const { body } = await stack.gql(`{ themes }`);
    expect(body.data.themes.sort()).toEqual(stack.members.map((m) => `theme-of-${m.siren}`).sort());
  });
});

describe('pruning', () => {
  it('asks only the members of the département', async () => {
    const { body } = await stack.gql(PAGE, { first: 100, filter: { departement: '59' } });
    expect(body.data.aiTools.totalCount).toBe(31);
    expect(body.data.aiTools.edges.every((e: any) => e.node.id.startsWith(`${SIRENS.lille}:`))).toBe(true);
    expect(stack.members.map((m) => m.received.length)).toEqual(stack.members.map((m) => (m.siren === SIRENS.lille ? 1 : 0)));
  });

  it('asks only the named members, and no one when none is a member', async () => {
    await stack.gql(PAGE, { first: 10, filter: { sirens: [SIRENS.arras, SIRENS.amiens] } });
    expect(stack.members.filter((m) => m.received.length).map((m) => m.siren).sort()).toEqual([SIRENS.arras, SIRENS.amiens].sort());
    for (const m of stack.members) m.received.length = 0;
    const { body } = await stack.gql(PAGE, { first: 10, filter: { region: '11' } });
    expect(body.data.aiTools).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    expect(stack.members.every((m) => m.received.length === 0)).toBe(true);
  });

  it('sends root fields with an owner argument to that owner only', async () => {
    const id = `${SIRENS.lille}:outil-3`;
    const { body } = await stack.gql(`query($id: ID!, $siren: String!) { aiTool(id: $id) { id name } registry(siren: $siren) { siren name toolCount } }`, { id, siren: SIRENS.amiens });
    expect(body.errors).toBeUndefined();
    expect(body.data.aiTool.id).toBe(id);
    expect(body.data.registry).toEqual({ siren: SIRENS.amiens, name: 'Amiens', toolCount: 17 });
    const lille = stack.members.find((m) => m.siren === SIRENS.lille)!;
    const amiens = stack.members.find((m) => m.siren === SIRENS.amiens)!;
    const arras = stack.members.find((m) => m.siren === SIRENS.arras)!;
    expect(lille.received.map((r) => r.query)).toEqual(['query($id:ID!){aiTool(id:$id){id name}}']);
    expect(amiens.received.map((r) => r.query)).toEqual(['query($siren:String!){registry(siren:$siren){siren name toolCount}}']);
    expect(arras.received).toHaveLength(0);
  });

  it('answers null for an owner that is not a member, without asking anyone', async () => {
    const { body } = await stack.gql(`{ aiTool(id: "552100554:x") { id } }`);
    expect(body).toEqual({ data: { aiTool: null } });
    expect(stack.members.every((m) => m.received.length === 0)).toBe(true);
  });
});

describe('entities', () => {
  it('sends each member only its own representations, in one request per owner', async () => {
    const { body } = await stack.gql(`{ members(status: [ACTIVE]) { siren name toolCount aiTools(first: 2) { totalCount edges { node { id } } } } }`);
    expect(body.errors).toBeUndefined();
    for (const c of body.data.members) {
      const member = stack.members.find((m) => m.siren === c.siren)!;
      expect(c.toolCount).toBe(member.tools.length);
      expect(c.aiTools.totalCount).toBe(member.tools.length);
      expect(c.aiTools.edges.every((e: any) => e.node.id.startsWith(`${c.siren}:`))).toBe(true);
    }
    for (const m of stack.members) {
      expect(m.received).toHaveLength(1);
      expect(m.representations()).toEqual([{ __typename: 'Collectivite', siren: m.siren }]);
    }
  });

  it('puts answers back in representation order and answers null for non-members', async () => {
    // Directory entities reached from member data: every AiTool of a page, then back to the members.
    const { body } = await stack.gql(`{ aiTools(first: 40) { edges { node { id collectivite { siren toolCount } } } } }`);
    expect(body.errors).toBeUndefined();
    for (const e of body.data.aiTools.edges) {
      const owner = stack.members.find((m) => e.node.id.startsWith(`${m.siren}:`))!;
      expect(e.node.collectivite).toEqual({ siren: owner.siren, toolCount: owner.tools.length });
    }
    for (const m of stack.members) expect(m.representations().every((r: any) => r.siren === m.siren)).toBe(true);
  });

  it('answers null for a collectivité that is not a member, without asking anyone', async () => {
    stack.directory.add({ siren: SIRENS.beauvais, name: 'Beauvais', departement: '60', region: '32', status: null, registryUrl: null });
    const { body } = await stack.gql(`query($s: String!) { collectivite(siren: $s) { name toolCount aiTools(first: 1) { totalCount } } }`, { s: SIRENS.beauvais });
    expect(body).toEqual({ data: { collectivite: { name: 'Beauvais', toolCount: null, aiTools: null } } });
    expect(stack.members.every((m) => m.received.length === 0)).toBe(true);
    // Known not to be a member until the next periodic refresh: no directory read per request.
    const reads = stack.directory.memberReads();
    await new Promise((r) => setTimeout(r, 300));
    await stack.gql(`query($s: String!) { collectivite(siren: $s) { toolCount } }`, { s: SIRENS.beauvais });
    expect(stack.directory.memberReads()).toBe(reads);
  });

  it('asks every member about hub-owned products and concatenates the deployments', async () => {
    const { body } = await stack.gql(`{ products { id name deployments { id collectivite { siren } } } }`);
    expect(body.errors).toBeUndefined();
    const albert = body.data.products.find((p: any) => p.id === 'albert');
    const expected = stack.members.flatMap((m) => m.tools.filter((t) => t.productId === 'albert').map((t) => `${m.siren}:${t.slug}`));
    expect(albert.deployments.map((d: any) => d.id).sort()).toEqual(expected.sort());
    for (const m of stack.members) expect(m.representations()).toEqual([{ __typename: 'AiProduct', id: 'albert' }]);
  });
});
