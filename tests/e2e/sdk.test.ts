import { BibiaError, createBibiaClient, type BibiaClient } from '@bibia/sdk';
import { ARRAS, PAS_DE_CALAIS, SEEDED, startClientStack, type ClientStack } from '../src/startRealStack';

// The SDK against the real hub: three member registries, the directory and the gateway.
let env: ClientStack;
let bibia: BibiaClient;
let publisher: BibiaClient;
/** Every request the SDK sent, to check the APQ exchange. */
const sent: { operationName?: string; query?: string; hash?: string; status: number }[] = [];

const recordingFetch: typeof fetch = async (url, init) => {
  const body = JSON.parse(String(init!.body));
  const res = await fetch(url, init);
  sent.push({ operationName: body.operationName, query: body.query, hash: body.extensions?.persistedQuery?.sha256Hash, status: res.status });
  return res;
};

beforeAll(async () => {
  env = await startClientStack();
  bibia = createBibiaClient({ url: env.endpoint, fetch: recordingFetch });
  publisher = createBibiaClient({ url: env.endpoint, token: env.token });
});
afterAll(() => env?.stop());

describe('reading the national library', () => {
  it('searches every member, with directory names, using persisted queries', async () => {
    sent.length = 0;
    const first = await bibia.searchAiTools({ filter: { search: 'courrier' }, first: 10 });
    expect(first.unavailableMembers).toEqual([]);
    const tool = first.data.aiTools.edges.find((e) => e.node.id === `${ARRAS}:tri-courrier-entrant`)!.node;
    expect(tool.collectivite).toMatchObject({ siren: ARRAS, departement: '62', region: '32' });
    expect(tool.collectivite.name).toMatch(/Arras/);
    await bibia.searchAiTools({ filter: { search: 'courrier' }, first: 10 });
    // Unknown hash, then the text once; afterwards the hash alone is enough.
    expect(sent.map((s) => [Boolean(s.hash), Boolean(s.query)])).toEqual([[true, false], [true, true], [true, false]]);
  });

  it('follows pages across members without gaps or repeats', async () => {
    const ids: string[] = [];
    let after: string | null | undefined;
    let total: number;
    do {
      const page = await bibia.searchAiTools({ first: 7, after });
      total = page.data.aiTools.totalCount;
      ids.push(...page.data.aiTools.edges.map((e) => e.node.id));
      after = page.data.aiTools.pageInfo.hasNextPage ? page.data.aiTools.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
    expect(new Set(ids.map((id) => id.split(':')[0])).size).toBe(3);
  });

  it('reads one tool with its practice reports and its collectivité', async () => {
    const { data } = await bibia.aiTool({ id: `${ARRAS}:tri-courrier-entrant` });
    expect(data.aiTool).toMatchObject({ name: 'Tri et orientation du courrier entrant', collectivite: { siren: ARRAS, departement: '62' }, product: { id: 'albert' } });
    expect(data.aiTool!.practiceReports.length).toBe(1);
    expect((await bibia.aiTool({ id: `${ARRAS}:n-existe-pas` })).data.aiTool).toBeNull();
  });

  it('reads a collectivité with its registry figures and tools', async () => {
    const { data } = await bibia.collectivite({ siren: ARRAS });
    const c = data.collectivite!;
    expect(c).toMatchObject({ siren: ARRAS, departement: '62', region: '32', membership: { status: 'ACTIVE' } });
    expect(c.registryStats!.toolCount).toBe(c.aiTools!.totalCount);
    expect(c.aiTools!.edges.every((e) => e.node.collectivite.siren === ARRAS)).toBe(true);
  });

  it('lists a product’s deployments across members', async () => {
    const { data } = await bibia.aiProduct({ id: 'albert' });
    const owners = new Set(data.aiProduct!.deployments.map((d) => d.collectivite.siren));
    expect([...owners].sort()).toEqual([SEEDED.bethune, ARRAS].sort());
    expect(data.aiProduct!.name).toBeTruthy();
  });

  it('lists the directory and the product catalogue', async () => {
    const { data } = await bibia.collectivites({ filter: { departement: '62', memberOnly: true }, first: 20 });
    expect(data.collectivites.edges.map((e) => e.node.siren).sort()).toEqual(expect.arrayContaining([ARRAS, PAS_DE_CALAIS]));
    const products = await bibia.aiProducts({ first: 100 });
    expect(products.data.aiProducts.edges.map((e) => e.node.id)).toContain('albert');
  });

  it('computes the library statistics from every page', async () => {
    const { data: s } = await bibia.libraryStats();
    const total = (await bibia.searchAiTools({ first: 1 })).data.aiTools.totalCount;
    expect(s.toolCount).toBe(total);
    expect(s.byStatus.reduce((n, x) => n + x.count, 0)).toBe(total);
    expect(s.byRegion).toEqual([{ key: '32', count: total }]);
    expect(s.collectiviteCount).toBe(3);
  });

  it('follows the change feed', async () => {
    const { data } = await bibia.changes({ since: '2000-01-01T00:00:00Z', first: 50 });
    // The seeds: 21 tools published, 1 published then withdrawn, 10 practice reports published.
    expect(data.changes.totalCount).toBe(21 + 2 + 10);
    expect(data.changes.edges[0].node.entityId).toMatch(/^\d{9}:/);
  });

  it('throws other errors as BibiaError with their code', async () => {
    const error = await bibia.searchAiTools({ first: 500 }).catch((e) => e);
    expect(error).toBeInstanceOf(BibiaError);
    expect(error.code).toBe('BAD_USER_INPUT');
  });
});

describe('publishing through the hub', () => {
  const input = {
    name: 'Aide à la saisie des demandes de subvention',
    summary: 'Pré-remplit les dossiers de subvention des associations à partir des pièces déposées.',
    themes: ['ECONOMY_EMPLOYMENT' as const],
    status: 'PILOT' as const,
    algorithmType: 'GENERATIVE_LLM' as const,
    riskLevel: 'LIMITED' as const,
    hosting: 'FRENCH_CLOUD' as const,
  };

  it('creates, updates and publishes a tool of its own registry', async () => {
    const created = (await publisher.createAiTool({ siren: ARRAS, input })).data.createAiTool;
    expect(created).toMatchObject({ id: `${ARRAS}:aide-a-la-saisie-des-demandes-de-subvention`, state: 'DRAFT' });
    await publisher.updateAiTool({ id: created.id, input: { status: 'OPERATIONAL' } });
    const published = (await publisher.publishAiTool({ id: created.id })).data.publishAiTool;
    expect(published.state).toBe('PUBLISHED');
    const found = await bibia.searchAiTools({ filter: { search: 'subvention' } });
    expect(found.data.aiTools.edges.map((e) => [e.node.id, e.node.status])).toContainEqual([created.id, 'OPERATIONAL']);
  });

  it('checks an import with dryRun and lists every row error', async () => {
    const result = await publisher.importAiTools({ siren: ARRAS, rows: [input, { ...input, name: 'Sans thème', themes: [] }], dryRun: true });
    expect(result.data.importAiTools).toMatchObject({ ok: false, dryRun: true, errors: [{ row: 2, field: 'themes' }] });
  });

  it('refuses mutations without a token', async () => {
    const error = await bibia.publishAiTool({ id: `${ARRAS}:tri-courrier-entrant` }).catch((e) => e);
    expect(error).toBeInstanceOf(BibiaError);
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});

// Last: it stops a member.
describe('a member down', () => {
  it('returns the others’ data and names the missing member', async () => {
    const before = (await bibia.searchAiTools({ first: 100 })).data.aiTools.edges.filter((e) => e.node.collectivite.siren !== PAS_DE_CALAIS).length;
    await env.stack.stopMember(PAS_DE_CALAIS);
    const result = await bibia.searchAiTools({ first: 100 });
    expect(result.unavailableMembers).toEqual([expect.objectContaining({ siren: PAS_DE_CALAIS, name: expect.stringMatching(/Pas-de-Calais/) })]);
    expect(result.data.aiTools.edges.length).toBe(before);
    expect(result.data.aiTools.edges.some((e) => e.node.collectivite.siren === PAS_DE_CALAIS)).toBe(false);
  });
});
