import { BibiaError, createBibiaClient, type BibiaClient, type StaleMember } from '@bibia/sdk';
import { ARRAS, PAS_DE_CALAIS, SEEDED, leaveStale, STACK_START_TIMEOUT_MS, startClientStack, type ClientStack } from '../src/startRealStack';

// The SDK against the real hub: three member registries, the directory, the national index and
// the gateway.
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
}, STACK_START_TIMEOUT_MS);
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

  it('gets the national figures in one query, from the index', async () => {
    sent.length = 0;
    const result = await bibia.libraryStats();
    expect(sent.map((s) => s.operationName)).toEqual(['LibraryStats', 'LibraryStats']); // APQ: hash, then text once
    expect(result).toMatchObject({ unavailableMembers: [], staleMembers: [], errors: [] });
    // The seeds: 8 + 6 + 7 published tools, 7 published public practice reports on them.
    expect(result.data).toEqual({
      toolCount: 21,
      reportCount: 7,
      memberCount: 3,
      collectiviteCount: 3,
      byTheme: [
        { key: 'ADMINISTRATION', count: 6 }, { key: 'CITIZEN_RELATIONS', count: 6 }, { key: 'ENVIRONMENT', count: 4 },
        { key: 'DIGITAL_IT', count: 3 }, { key: 'URBAN_PLANNING', count: 3 },
        ...['ECONOMY_EMPLOYMENT', 'EDUCATION', 'FINANCE_BUDGET', 'HOUSING', 'PUBLIC_SAFETY', 'ROADS_PUBLIC_SPACE', 'SOCIAL_ACTION', 'WASTE', 'WATER_SANITATION'].map((key) => ({ key, count: 2 })),
        ...['CHILDHOOD_YOUTH', 'ELECTIONS_CIVIL_STATUS', 'ENERGY', 'HUMAN_RESOURCES', 'MOBILITY_TRANSPORT'].map((key) => ({ key, count: 1 })),
      ],
      byStatus: [{ key: 'OPERATIONAL', count: 12 }, { key: 'PILOT', count: 7 }, { key: 'RETIRED', count: 2 }],
      byRiskLevel: [{ key: 'LIMITED', count: 11 }, { key: 'MINIMAL', count: 9 }, { key: 'HIGH', count: 1 }],
      byAlgorithmType: [{ key: 'MACHINE_LEARNING', count: 9 }, { key: 'GENERATIVE_LLM', count: 7 }, { key: 'HYBRID', count: 5 }],
      byHosting: [{ key: 'FRENCH_CLOUD', count: 9 }, { key: 'ON_PREMISES', count: 9 }, { key: 'EU_CLOUD', count: 2 }, { key: 'NON_EU_CLOUD', count: 1 }],
      byProduct: [
        { key: 'albert', count: 2 }, { key: 'dataiku', count: 2 }, { key: 'tesseract-ocr', count: 2 },
        ...['abbyy-finereader', 'deepl', 'lighton-paradigm', 'meta-llama', 'microsoft-copilot', 'openai-chatgpt', 'rasa', 'ultralytics-yolo', 'whisper'].map((key) => ({ key, count: 1 })),
      ],
      byRegion: [{ key: '32', count: 21 }],
      byDepartement: [{ key: '62', count: 21 }],
      membersByDepartement: [{ key: '62', count: 3 }],
      // The seeds are published when the stack starts.
      byPublicationMonth: [{ key: new Date().toISOString().slice(0, 7), count: 21 }],
    });
  });

  it('gets the figures of a filter', async () => {
    const arras = (await bibia.libraryStats({ sirens: [ARRAS] })).data;
    expect(arras).toMatchObject({ toolCount: 6, memberCount: 1, byRegion: [{ key: '32', count: 6 }] });
    const limited = (await bibia.libraryStats({ riskLevels: ['LIMITED'] })).data;
    expect(limited).toMatchObject({ toolCount: 11, memberCount: 3, byRiskLevel: [{ key: 'LIMITED', count: 11 }] });
    const courrier = (await bibia.libraryStats({ search: 'courrier' })).data;
    expect(courrier).toMatchObject({ toolCount: 1, memberCount: 1, reportCount: 1, byProduct: [{ key: 'albert', count: 1 }] });
  });

  it('follows the change feed', async () => {
    const { data } = await bibia.changes({ since: '2000-01-01T00:00:00Z', first: 50 });
    // The seeds: 21 tools published, 1 published then withdrawn, 10 practice reports published of
    // which 3 for partners: the public feed does not list those.
    expect(data.changes.totalCount).toBe(21 + 2 + 7);
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
    // Anonymous national reading goes through the index: eventually consistent, so harvest now.
    await env.stack.index!.harvestOnce();
    const found = await bibia.searchAiTools({ filter: { search: 'subvention' } });
    expect(found.data.aiTools.edges.map((e) => [e.node.id, e.node.status])).toContainEqual([created.id, 'OPERATIONAL']);
  });

  it('checks an import with dryRun and lists every row error', async () => {
    const result = await publisher.importAiTools({ siren: ARRAS, rows: [input, { ...input, name: 'Nom trop long '.repeat(10) }], dryRun: true });
    expect(result.data.importAiTools).toMatchObject({ ok: false, dryRun: true, errors: [{ row: 2, field: 'name' }] });
  });

  it('refuses mutations without a token', async () => {
    const error = await bibia.publishAiTool({ id: `${ARRAS}:tri-courrier-entrant` }).catch((e) => e);
    expect(error).toBeInstanceOf(BibiaError);
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});

// Last: it stops a member.
describe('a member down', () => {
  it('reads live for a publisher: the others’ data, and the missing member named', async () => {
    const before = (await publisher.searchAiTools({ first: 100 })).data.aiTools.edges.filter((e) => e.node.collectivite.siren !== PAS_DE_CALAIS).length;
    await env.stack.stopMember(PAS_DE_CALAIS);
    // A caller with a token is routed live to the members (the index holds public content only).
    const result = await publisher.searchAiTools({ first: 100 });
    expect(result.unavailableMembers).toEqual([expect.objectContaining({ siren: PAS_DE_CALAIS, name: expect.stringMatching(/Pas-de-Calais/) })]);
    expect(result.data.aiTools.edges.length).toBe(before);
    expect(result.data.aiTools.edges.some((e) => e.node.collectivite.siren === PAS_DE_CALAIS)).toBe(false);
  });

  it('still lists its tools anonymously, from the index’s last harvest', async () => {
    const result = await bibia.searchAiTools({ filter: { sirens: [SEEDED.bethune, PAS_DE_CALAIS] }, first: 100 });
    expect(result.unavailableMembers).toEqual([]);
    expect(result.data.aiTools.edges.filter((e) => e.node.collectivite.siren === PAS_DE_CALAIS)).toHaveLength(7);
  });
});

describe('a member the index has not read recently', () => {
  const STALE_AFTER_MS = 3000;
  let hub: ClientStack;
  let client: BibiaClient;

  beforeAll(async () => {
    hub = await startClientStack({ index: { staleAfterMs: STALE_AFTER_MS } });
    client = createBibiaClient({ url: hub.endpoint });
    await leaveStale(hub, PAS_DE_CALAIS, STALE_AFTER_MS);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => hub?.stop());
  // The others fresh again: only the stopped member is stale.
  beforeEach(() => hub.stack.index!.harvestOnce());

  it('is named in staleMembers, with its last harvest, and its figures are still counted', async () => {
    const started = Date.now();
    const result = await client.libraryStats();
    expect(result.unavailableMembers).toEqual([]);
    expect(result.staleMembers).toEqual([{ siren: PAS_DE_CALAIS, harvestedAt: expect.any(String) }]);
    const harvestedAt = Date.parse(result.staleMembers[0].harvestedAt!);
    expect(started - harvestedAt).toBeGreaterThanOrEqual(STALE_AFTER_MS);
    expect(result.data).toMatchObject({ toolCount: 21, memberCount: 3 });
  });

  it('is named in the answers of national lists too, across pages', async () => {
    const stale: StaleMember[] = [];
    const ids: string[] = [];
    for await (const tool of client.allAiTools(undefined, [], stale)) ids.push(tool.id);
    expect(ids).toHaveLength(21);
    expect(stale.map((m) => m.siren)).toEqual([PAS_DE_CALAIS]);
  });
});
