import { setMembership } from '@bibia/directory';
import { bundledSeedFile, createRegistryServer, readSeedFile } from '@bibia/registry';
import { compareCursorKeys, parseCursor } from '@bibia/core';
import { SEEDED, startRealStack, type RealStack } from '../src/startRealStack';
import { waitFor } from '../src/waitFor';

// End to end: the real directory and three real member registries (PGlite, bundled seeds)
// behind the gateway, over HTTP.
let stack: RealStack;
beforeAll(async () => {
  // Every failure reported at once, so that the directory's threshold (3) is reached quickly.
  stack = await startRealStack({ gateway: { healthReportIntervalMs: 0 } });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const SEARCH = /* GraphQL */ `
  query Search($filter: AiToolFilter, $orderBy: AiToolOrder! = NAME, $first: Int! = 20, $after: String) {
    aiTools(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name updatedAt product { id } collectivite { siren name } } }
    }
  }
`;

const DIRECT = `query($filter: AiToolFilter, $orderBy: AiToolOrder!) { aiTools(filter: $filter, orderBy: $orderBy, first: 100) { edges { cursor node { id } } } }`;

/** Every tool of every registry, asked directly, in the contract's global order. */
async function unionOrder(orderBy: 'NAME' | 'RECENT', filter?: object): Promise<string[]> {
  const edges: Array<{ cursor: string; id: string }> = [];
  for (const siren of Object.values(SEEDED)) {
    const { body } = await stack.direct(siren, DIRECT, { orderBy, filter });
    edges.push(...body.data.aiTools.edges.map((e: any) => ({ cursor: e.cursor, id: e.node.id })));
  }
  return edges.sort((a, b) => compareCursorKeys(parseCursor(a.cursor)!, parseCursor(b.cursor)!, orderBy === 'NAME' ? 'asc' : 'desc')).map((e) => e.id);
}

it.each([
  ['NAME', 4],
  ['RECENT', 3],
] as const)('pages through the national library in %s order (pages of %d) as the sorted union of the registries', async (orderBy, first) => {
  const expected = await unionOrder(orderBy);
  expect(expected.length).toBeGreaterThan(20);
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const { body } = await stack.gql(SEARCH, { orderBy, first, after });
    expect(body.errors).toBeUndefined();
    const page = body.data.aiTools;
    expect(page.totalCount).toBe(expected.length);
    ids.push(...page.edges.map((e: any) => e.node.id));
    for (const e of page.edges) expect(e.node.collectivite.name).toEqual(expect.any(String));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(ids).toEqual(expected);
});

it('refuses a date that is not one at the gateway, before any member is asked', async () => {
  for (const since of ['hier', '2026-12-02', '2026-13-45T00:00:00Z']) {
    const { status, body } = await stack.gql(SEARCH, { filter: { updatedSince: since } });
    expect({ since, status, codes: body.errors?.map((e: any) => e.extensions?.code), data: body.data }).toEqual({ since, status: 400, codes: ['BAD_USER_INPUT'], data: undefined });
    expect(body.errors[0].message).toContain('ISO 8601');
    expect(JSON.stringify(body.errors)).not.toMatch(/siren|serviceName/);
  }
  const literal = await stack.gql('{ aiTools(first: 1, filter: { updatedSince: "hier" }) { totalCount } }');
  expect({ status: literal.status, codes: literal.body.errors?.map((e: any) => e.extensions?.code) }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
  const valid = await stack.gql(SEARCH, { filter: { updatedSince: '2000-01-01T00:00:00+01:00' } });
  expect(valid.body.errors).toBeUndefined();
  expect(valid.body.data.aiTools.totalCount).toBeGreaterThan(20);
});

it('searches in French across members and keeps the filter on each', async () => {
  const expected = await unionOrder('NAME', { search: 'courrier' });
  const { body } = await stack.gql(SEARCH, { filter: { search: 'courrier' }, first: 50 });
  expect(body.data.aiTools.edges.map((e: any) => e.node.id)).toEqual(expected);
});

it('merges practice reports (RECENT by default) and the change feed (oldest first)', async () => {
  const reports = await stack.gql(`{ practiceReports(first: 100) { totalCount edges { cursor node { id title tool { id name } collectivite { siren } } } } }`);
  expect(reports.body.errors).toBeUndefined();
  expect(reports.body.data.practiceReports.totalCount).toBe(reports.body.data.practiceReports.edges.length);
  const keys = reports.body.data.practiceReports.edges.map((e: any) => parseCursor(e.cursor)!);
  for (let i = 1; i < keys.length; i++) expect(compareCursorKeys(keys[i - 1], keys[i], 'desc')).toBeLessThan(0);
  expect(new Set(reports.body.data.practiceReports.edges.map((e: any) => e.node.collectivite.siren)).size).toBe(3);

  const changes = await stack.gql(`{ changes(since: "2000-01-01T00:00:00Z", first: 10) { totalCount pageInfo { hasNextPage } edges { cursor node { id entityId kind at } } } }`);
  expect(changes.body.errors).toBeUndefined();
  const at = changes.body.data.changes.edges.map((e: any) => e.node.at);
  expect([...at].sort()).toEqual(at);
});

it('routes one tool to its owner, with its reports, versions and product', async () => {
  const { body: list } = await stack.gql(SEARCH, { filter: { sirens: [SEEDED.bethune] }, first: 1 });
  const id = list.data.aiTools.edges[0].node.id;
  const { body } = await stack.gql(`query($id: ID!) { aiTool(id: $id) { id name practiceReports { id } versions { number } collectivite { siren name registryStats { toolCount } } } }`, { id });
  expect(body.errors).toBeUndefined();
  expect(body.data.aiTool.id).toBe(id);
  expect(body.data.aiTool.collectivite.siren).toBe(SEEDED.bethune);
  // The figure the owner itself gives for its published tools (8 in the Béthune seed).
  const direct = await stack.direct(SEEDED.bethune, '{ aiTools(first: 1) { totalCount } }');
  expect(direct.body.data.aiTools.totalCount).toBe(8);
  expect(body.data.aiTool.collectivite.registryStats.toolCount).toBe(8);
});

it('resolves each collectivité of the directory on its own registry', async () => {
  const { body } = await stack.gql(`{ members { siren name membership { status } registryStats { toolCount } aiTools(first: 2) { totalCount edges { node { id } } } } }`);
  expect(body.errors).toBeUndefined();
  for (const m of body.data.members) {
    expect(m.aiTools.edges.every((e: any) => e.node.id.startsWith(`${m.siren}:`))).toBe(true);
    expect(m.registryStats.toolCount).toBe(m.aiTools.totalCount);
  }
});

it('concatenates the deployments of a product over every member', async () => {
  const { body } = await stack.gql(`{ aiProduct(id: "albert") { id name deployments { id collectivite { name } } } }`);
  expect(body.errors).toBeUndefined();
  const owners = new Set(body.data.aiProduct.deployments.map((d: any) => d.id.split(':')[0]));
  expect(owners).toEqual(new Set([SEEDED.bethune, SEEDED.arras]));
});

it('queries a member the directory admits at runtime, and prunes by département', async () => {
  const MEL = '200093201';
  const template = readSeedFile(bundledSeedFile(SEEDED.arras)!);
  const owner = { siren: MEL, name: 'Métropole Européenne de Lille', departement: '59', region: '32' };
  const mel = await createRegistryServer(
    { siren: MEL, port: 0, host: '127.0.0.1', dataDir: 'memory://gateway-e2e-mel', maxBodyBytes: 1024 * 1024 },
    { seed: { owner, tools: template.tools.slice(0, 2).map((t) => ({ ...t, state: 'PUBLISHED' })), reports: [] } },
  );
  stack.registries.push(mel);
  const before = await stack.gql(SEARCH, { filter: { sirens: [MEL] } });
  expect(before.body.data.aiTools.totalCount).toBe(0);
  await setMembership(stack.directory.prisma, { siren: MEL, registryUrl: mel.graphqlUrl });
  await new Promise((r) => setTimeout(r, 300)); // on-demand directory reads are rate-limited
  // Naming its SIREN makes the gateway read the directory again: no restart, no wait.
  const named = await stack.gql(SEARCH, { filter: { sirens: [MEL] } });
  expect(named.body.data.aiTools.totalCount).toBe(2);
  const { body } = await stack.gql(SEARCH, { filter: { departement: '59' }, first: 10 });
  expect(body.errors).toBeUndefined();
  expect(body.data.aiTools.totalCount).toBe(2);
  expect(body.data.aiTools.edges.every((e: any) => e.node.collectivite.siren === MEL && e.node.collectivite.name === owner.name)).toBe(true);
});

it('publishes through the gateway to the owner only, then finds the tool nationally', async () => {
  const token = await stack.token(SEEDED.arras);
  const headers = { authorization: `Bearer ${token}` };
  const created = await stack.gql(
    `mutation($siren: String!, $input: AiToolInput!) { createAiTool(siren: $siren, input: $input) { id state } }`,
    { siren: SEEDED.arras, input: { name: 'Zzz outil de test passerelle', summary: 'Créé à travers la passerelle.', themes: ['ADMINISTRATION'], status: 'PILOT', algorithmType: 'RULE_BASED', riskLevel: 'MINIMAL', hosting: 'ON_PREMISES' } },
    { headers },
  );
  expect(created.body.errors).toBeUndefined();
  const id = created.body.data.createAiTool.id;
  expect(id.startsWith(`${SEEDED.arras}:`)).toBe(true);
  // The token of Arras is worth nothing on another registry, and is never sent there.
  const wrong = await stack.gql(`mutation($id: ID!) { publishAiTool(id: $id) { id } }`, { id: id.replace(SEEDED.arras, SEEDED.bethune) }, { headers });
  expect(wrong.body.errors[0].extensions.code).toMatch(/UNAUTHENTICATED|NOT_FOUND|FORBIDDEN/);
  const published = await stack.gql(`mutation($id: ID!) { publishAiTool(id: $id) { id state } }`, { id }, { headers });
  expect(published.body.data.publishAiTool.state).toBe('PUBLISHED');
  const { body } = await stack.gql(SEARCH, { filter: { search: 'passerelle' } });
  expect(body.data.aiTools.edges.map((e: any) => e.node.id)).toContain(id);
});

it('answers with the others and MEMBER_UNAVAILABLE when a registry stops; the directory marks it UNREACHABLE', async () => {
  const before = await stack.gql(SEARCH, { first: 100 });
  const pdc = stack.registry(SEEDED.pasDeCalais);
  const pdcTools = before.body.data.aiTools.edges.filter((e: any) => e.node.id.startsWith(SEEDED.pasDeCalais)).length;
  await pdc.close();
  stack.registries.splice(stack.registries.indexOf(pdc), 1);
  for (let i = 0; i < 3; i++) {
    const { body } = await stack.gql(SEARCH, { first: 100 });
    expect(body.data.aiTools.totalCount).toBe(before.body.data.aiTools.totalCount - pdcTools);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'MEMBER_UNAVAILABLE', siren: SEEDED.pasDeCalais }) })]);
    await new Promise((r) => setTimeout(r, 30));
  }
  const status = async () => (await stack.gql(`query($s: String!) { collectivite(siren: $s) { membership { status } } }`, { s: SEEDED.pasDeCalais })).body.data.collectivite.membership.status;
  await waitFor(async () => (await status()) === 'UNREACHABLE', 15_000);
});
