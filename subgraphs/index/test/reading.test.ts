import { compareCursorKeys, parseCursor } from '@bibia/kit';
import { SIREN, gql, seedEntries, startHub, type Hub } from './helpers/startHub';
import { bumpDataVersion } from '../src/dataVersion';
import { selectRows, sql } from '../src/reading/keyset';

// One hub for the file (PGlite starts slowly): three seeded members, a directory, an index.
const ALL = [SIREN.bethune, SIREN.arras, SIREN.pasDeCalais];
const seed = seedEntries(ALL);
let hub: Hub;

beforeAll(async () => {
  hub = await startHub('reading', ALL);
  const round = await hub.index.harvestOnce();
  expect(round.failed).toEqual([]);
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

const LIST = /* GraphQL */ `
  query($filter: AiToolFilter, $orderBy: AiToolOrder, $first: Int!, $after: String) {
    aiTools(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name updatedAt collectivite { siren } } }
    }
  }`;

async function allPages(filter: object | undefined, orderBy: string, first: number) {
  const ids: string[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const { data, errors }: { data?: any; errors?: unknown } = await hub.ask(LIST, { filter, orderBy, first, after });
    expect(errors).toBeUndefined();
    for (const e of data.aiTools.edges) {
      ids.push(e.node.id);
      cursors.push(e.cursor);
    }
    if (!data.aiTools.pageInfo.hasNextPage) break;
    after = data.aiTools.pageInfo.endCursor;
  }
  return { ids, cursors };
}

/** What live fan-out gives: every member's own list, merged by the contract's global cursors. */
async function liveFanOut(orderBy: 'NAME' | 'RECENT', filter?: object) {
  const edges: { cursor: string; id: string }[] = [];
  for (const m of hub.members.values()) {
    const { data } = await gql(m.server.graphqlUrl, LIST, { filter, orderBy, first: 100 });
    for (const e of data.aiTools.edges) edges.push({ cursor: e.cursor, id: e.node.id });
  }
  const direction = orderBy === 'NAME' ? 'asc' : 'desc';
  return edges.sort((a, b) => compareCursorKeys(parseCursor(a.cursor)!, parseCursor(b.cursor)!, direction));
}

describe('harvest of published public content', () => {
  it('holds every published tool and public published report of the seeds, and nothing else', async () => {
    const tools = await hub.ask(`{ aiTools(first: 100) { totalCount edges { node { id state } } } }`);
    const reports = await hub.ask(`{ practiceReports(first: 100) { totalCount edges { node { id visibility state } } } }`);
    expect(tools.data.aiTools.totalCount).toBe(seed.tools.length);
    expect(tools.data.aiTools.edges.map((e: any) => e.node.id).sort()).toEqual(seed.tools.map((t) => `${t.siren}:${t.slug}`).sort());
    expect(reports.data.practiceReports.edges.map((e: any) => e.node.id).sort()).toEqual(seed.reports.map((r) => `${r.siren}:${r.slug}`).sort());
    // Drafts, withdrawn tools and PARTNERS reports stay out.
    const ids = tools.data.aiTools.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(`${SIREN.arras}:comptage-flux-pietons-centre-ville`);
    expect(ids).not.toContain(`${SIREN.arras}:aide-redaction-deliberations`);
    expect(reports.data.practiceReports.edges.map((e: any) => e.node.visibility)).not.toContain('PARTNERS');
  });

  it('gives the same edges and cursors as live fan-out, in both orders', async () => {
    for (const orderBy of ['NAME', 'RECENT'] as const) {
      const live = await liveFanOut(orderBy);
      const { ids, cursors } = await allPages(undefined, orderBy, 100);
      expect(ids).toEqual(live.map((e) => e.id));
      expect(cursors).toEqual(live.map((e) => e.cursor));
    }
  });

  it('pages without repeats or skips, and a cursor of live fan-out continues on the index', async () => {
    for (const orderBy of ['NAME', 'RECENT']) {
      const whole = await allPages(undefined, orderBy, 100);
      const paged = await allPages(undefined, orderBy, 4);
      expect(paged.ids).toEqual(whole.ids);
      expect(new Set(paged.ids).size).toBe(paged.ids.length);
    }
    const live = await liveFanOut('NAME');
    const { data } = await hub.ask(LIST, { orderBy: 'NAME', first: 3, after: live[4].cursor });
    expect(data.aiTools.edges.map((e: any) => e.node.id)).toEqual(live.slice(5, 8).map((e) => e.id));
  });

  it('answers every filter as the members do together', async () => {
    const filters: object[] = [
      { sirens: [SIREN.arras] },
      { departement: '62', themes: ['WASTE', 'ADMINISTRATION'] },
      { region: '32', statuses: ['PILOT'] },
      { riskLevels: ['HIGH', 'LIMITED'], algorithmTypes: ['GENERATIVE_LLM'] },
      { productId: 'albert' },
      { departement: '59' },
      { updatedSince: '2000-01-01T00:00:00Z', statuses: ['OPERATIONAL'] },
    ];
    for (const filter of filters) {
      const live = await liveFanOut('NAME', filter);
      const { ids } = await allPages(filter, 'NAME', 100);
      expect({ filter, ids }).toEqual({ filter, ids: live.map((e) => e.id) });
    }
    const { ids } = await allPages({ departement: '59' }, 'NAME', 10);
    expect(ids).toEqual([]);
  });

  it('serves the nested fields a national list selects', async () => {
    const { data, errors } = await hub.ask(`{
      aiTools(filter: { sirens: ["${SIREN.bethune}"] }, first: 100) { edges { node { id collectivite { siren } product { id } provider { name } practiceReports { id tool { id } collectivite { siren } } } } }
    }`);
    expect(errors).toBeUndefined();
    const nodes = data.aiTools.edges.map((e: any) => e.node);
    expect(nodes.every((n: any) => n.collectivite.siren === SIREN.bethune)).toBe(true);
    const albert = nodes.find((n: any) => n.id === `${SIREN.bethune}:assistant-redactionnel-albert`);
    expect(albert.product).toEqual({ id: 'albert' });
    expect(albert.practiceReports.map((r: any) => r.id)).toEqual([`${SIREN.bethune}:retour-experience-albert-premiere-annee`]);
    expect(albert.practiceReports[0].tool.id).toBe(albert.id);
    // The PARTNERS report on the cameras is not there.
    expect(nodes.find((n: any) => n.id === `${SIREN.bethune}:detection-depots-sauvages`).practiceReports).toEqual([]);
  });
});

describe('practice reports', () => {
  const REPORTS = /* GraphQL */ `
    query($filter: PracticeReportFilter, $orderBy: AiToolOrder, $first: Int!, $after: String) {
      practiceReports(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title tool { id } collectivite { siren } } }
      }
    }`;

  it('gives the same edges and cursors as live fan-out, with every filter and order', async () => {
    const filters: (object | undefined)[] = [
      undefined,
      { region: '32' },
      { themes: ['WASTE', 'ADMINISTRATION'] },
      { toolId: `${SIREN.arras}:tri-courrier-entrant` },
      { sirens: [SIREN.bethune, SIREN.pasDeCalais], updatedSince: '2000-01-01T00:00:00Z' },
    ];
    for (const orderBy of ['RECENT', 'NAME'] as const) {
      for (const filter of filters) {
        const live: { cursor: string; id: string }[] = [];
        for (const m of hub.members.values()) {
          const { data } = await gql(m.server.graphqlUrl, REPORTS, { filter, orderBy, first: 100 });
          live.push(...data.practiceReports.edges.map((e: any) => ({ cursor: e.cursor, id: e.node.id })));
        }
        live.sort((a, b) => compareCursorKeys(parseCursor(a.cursor)!, parseCursor(b.cursor)!, orderBy === 'NAME' ? 'asc' : 'desc'));
        const ids: string[] = [];
        const cursors: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 20; i++) {
          const res: { data?: any } = await hub.ask(REPORTS, { filter, orderBy, first: 2, after });
          ids.push(...res.data.practiceReports.edges.map((e: any) => e.node.id));
          cursors.push(...res.data.practiceReports.edges.map((e: any) => e.cursor));
          if (!res.data.practiceReports.pageInfo.hasNextPage) break;
          after = res.data.practiceReports.pageInfo.endCursor;
        }
        expect({ orderBy, filter, ids, cursors }).toEqual({ orderBy, filter, ids: live.map((e) => e.id), cursors: live.map((e) => e.cursor) });
      }
    }
  });

  it('answers the gateway\'s root fetch as one member holding all the national data would', async () => {
    const query = `query($filter: AiToolFilter, $first: Int!) { aiTools(filter: $filter, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name collectivite { siren } } } } }`;
    const res = await hub.ask(query, { filter: { departement: '62' }, first: 5 });
    expect(res.status).toBe(200);
    expect(res.data.aiTools.totalCount).toBe(seed.tools.length);
    expect(res.data.aiTools.edges).toHaveLength(5);
    expect(res.data.aiTools.pageInfo).toEqual({ hasNextPage: true, endCursor: res.data.aiTools.edges[4].cursor });
  });
});

describe('French search', () => {
  const search = async (text: string, extra = '') => {
    const { data, errors } = await hub.ask(`query($s: String) { aiTools(filter: { search: $s }, first: 100 ${extra}) { totalCount edges { node { id name } } } }`, { s: text });
    expect(errors).toBeUndefined();
    return data.aiTools.edges.map((e: any) => e.node.id) as string[];
  };

  it('is accent-insensitive, stems, and takes words as prefixes', async () => {
    expect(await search('etat civil')).toContain(`${SIREN.arras}:numerisation-registres-etat-civil`);
    expect(await search('ÉTAT CIVIL')).toContain(`${SIREN.arras}:numerisation-registres-etat-civil`);
    expect(await search('videoprotection')).toContain(`${SIREN.bethune}:detection-depots-sauvages`);
    expect(await search('vidéo')).toContain(`${SIREN.bethune}:detection-depots-sauvages`);
    expect(await search('collectes')).toContain(`${SIREN.bethune}:optimisation-tournees-collecte`);
    expect(await search('zzzyyyxxx')).toEqual([]);
    expect(await search('"etat civil" -registres')).not.toContain(`${SIREN.arras}:numerisation-registres-etat-civil`);
  });

  it('ranks name matches first when asked, and keeps the requested order otherwise', async () => {
    const ranked = await search('courrier', ', ranked: true');
    expect(ranked[0]).toBe(`${SIREN.arras}:tri-courrier-entrant`);
    const byName = await search('courrier');
    expect([...byName].sort()).toEqual([...ranked].sort());
  });
});

describe('libraryStats', () => {
  it('counts the seed data exactly', async () => {
    const { data, errors } = await hub.ask(`{ libraryStats {
      toolCount reportCount memberCount
      byTheme { key count } byStatus { key count } byRiskLevel { key count } byAlgorithmType { key count }
      byHosting { key count } byProduct { key count } byRegion { key count } byDepartement { key count }
      membersByDepartement { key count } byPublicationMonth { key count } } }`);
    expect(errors).toBeUndefined();
    const s = data.libraryStats;
    const tally = (values: string[]) => {
      const m = new Map<string, number>();
      for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    };
    expect(s.toolCount).toBe(seed.tools.length);
    expect(s.reportCount).toBe(seed.reports.length);
    expect(s.memberCount).toBe(3);
    expect(s.byTheme).toEqual(tally(seed.tools.flatMap((t) => t.themes)));
    expect(s.byStatus).toEqual(tally(seed.tools.map((t) => t.status)));
    expect(s.byRiskLevel).toEqual(tally(seed.tools.map((t) => t.riskLevel)));
    expect(s.byAlgorithmType).toEqual(tally(seed.tools.map((t) => t.algorithmType)));
    expect(s.byHosting).toEqual(tally(seed.tools.map((t) => t.hosting)));
    expect(s.byProduct).toEqual(tally(seed.tools.filter((t) => t.productId).map((t) => t.productId)));
    expect(s.byRegion).toEqual([{ key: '32', count: seed.tools.length }]);
    expect(s.byDepartement).toEqual([{ key: '62', count: seed.tools.length }]);
    expect(s.membersByDepartement).toEqual([{ key: '62', count: 3 }]);
    // Every seeded tool is published, in months given oldest first.
    const months: { key: string; count: number }[] = s.byPublicationMonth;
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(seed.tools.length);
    expect(months.map((m) => m.key)).toEqual(months.map((m) => m.key).filter((k) => /^\d{4}-\d{2}$/.test(k)).sort());
    const arras = await hub.ask(`{ libraryStats(filter: { sirens: ["${SIREN.arras}"], themes: [ADMINISTRATION] }) { toolCount memberCount } }`);
    const expected = seed.tools.filter((t) => t.siren === SIREN.arras && t.themes.includes('ADMINISTRATION')).length;
    expect(arras.data.libraryStats).toEqual({ toolCount: expected, memberCount: expected ? 1 : 0 });
  });
});

describe('what the index cannot serve', () => {
  it('refuses fields it does not hold with a validation error (HTTP 400), so the gateway routes live', async () => {
    const res = await hub.ask(`{ aiTools(first: 5) { edges { node { id versions { number } } } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const entities = await hub.ask(`{ _entities(representations: [{ __typename: "AiTool", id: "${SIREN.arras}:tri-courrier-entrant" }]) { __typename } }`);
    expect(entities.status).toBe(400);
  });

  it('refuses states other than PUBLISHED: 400 for withdrawn entries, FORBIDDEN for drafts', async () => {
    const withdrawn = await hub.ask(`{ aiTools(filter: { states: [WITHDRAWN] }, first: 5) { totalCount } }`);
    expect(withdrawn.status).toBe(400);
    expect(withdrawn.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(withdrawn.data).toBeUndefined();
    const drafts = await hub.ask(`{ aiTools(filter: { states: [DRAFT] }, first: 5) { totalCount } }`);
    expect(drafts.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await hub.ask(`{ aiTools(first: 101) { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('changes on a member', () => {
  const TOOL = {
    name: 'Vidéoprotection intelligente des parkings',
    summary: 'Détection des stationnements gênants.',
    themes: ['PUBLIC_SAFETY'],
    status: 'PILOT',
    algorithmType: 'MACHINE_LEARNING',
    riskLevel: 'HIGH',
    hosting: 'ON_PREMISES',
  };

  it('reflects a publication, an edit and a withdrawal after the next harvest', async () => {
    const arras = hub.members.get(SIREN.arras)!;
    const created = await arras.gql(`mutation($i: AiToolInput!) { createAiTool(siren: "${SIREN.arras}", input: $i) { id } }`, { i: TOOL });
    const id = created.data.createAiTool.id;
    await hub.index.harvestOnce();
    expect((await hub.ask(`{ aiTools(filter: { search: "parkings" }) { totalCount } }`)).data.aiTools.totalCount).toBe(0); // a draft

    await arras.gql(`mutation { publishAiTool(id: "${id}") { id } }`);
    await hub.index.harvestOnce();
    const found = await hub.ask(`{ aiTools(filter: { search: "vidéo" }) { edges { node { id name } } } }`);
    expect(found.data.aiTools.edges.map((e: any) => e.node.id)).toContain(id);

    const edit = await arras.gql(`mutation { updateAiTool(id: "${id}", input: { name: "Vidéoverbalisation des parkings" }) { id } }`);
    expect(edit.errors).toBeUndefined();
    await arras.gql(`mutation { publishAiTool(id: "${id}") { id } }`);
    await hub.index.harvestOnce();
    const edited = await hub.ask(`{ aiTools(filter: { sirens: ["${SIREN.arras}"], search: "parkings" }) { edges { node { id name version } } } }`);
    const live = await arras.gql(`{ aiTool(id: "${id}") { name version } }`);
    expect(edited.data.aiTools.edges[0].node).toEqual({ id, ...live.data.aiTool });

    await arras.gql(`mutation { withdrawAiTool(id: "${id}", reason: "fin du pilote") { id } }`);
    await hub.index.harvestOnce();
    expect((await hub.ask(`{ aiTools(filter: { search: "parkings" }) { totalCount } }`)).data.aiTools.totalCount).toBe(0);
    expect((await hub.ask(`{ aiTools(first: 100) { totalCount } }`)).data.aiTools.totalCount).toBe(seed.tools.length);
  });

  it('costs one small request per member without changes', async () => {
    hub.requests.clear();
    await hub.index.harvestOnce();
    expect([...hub.requests.values()]).toEqual([1, 1, 1]);
  });
});

describe('operations', () => {
  it('serves /health, /ready and /metrics with the lag per member', async () => {
    expect((await fetch(`${hub.index.url}/health`)).status).toBe(200);
    expect((await fetch(`${hub.index.url}/ready`)).status).toBe(200);
    const text = await (await fetch(`${hub.index.url}/metrics`)).text();
    for (const siren of ALL) expect(text).toMatch(new RegExp(`bibia_index_harvest_lag_seconds\\{siren="${siren}"\\} \\d`));
    expect(text).toMatch(/bibia_index_harvest_lag_oldest_seconds \d/);
  });

  it('resynchronises members in full on demand, without duplicates', async () => {
    const before = (await hub.ask(`{ aiTools(first: 100) { totalCount } practiceReports(first: 100) { totalCount } }`)).data;
    const summary = await hub.index.resync([SIREN.arras]);
    expect(summary.resynced).toEqual([SIREN.arras]);
    const after = (await hub.ask(`{ aiTools(first: 100) { totalCount } practiceReports(first: 100) { totalCount } }`)).data;
    expect(after).toEqual(before);
    const state = await hub.index.prisma.harvestState.findUniqueOrThrow({ where: { siren: SIREN.arras } });
    expect(state).toMatchObject({ needsResync: false, resyncCount: 2, leaseOwner: null });
  });

  it('names no stale member while harvests are fresh', async () => {
    const res = await hub.ask(`{ aiTools(first: 1) { totalCount } }`);
    expect(res.extensions?.bibia?.staleMembers).toEqual([]);
  });
});

describe('pages and totals', () => {
  it('reads the rows of a page as Prisma\'s client reads them (enum lists, JSON, dates)', async () => {
    const { prisma } = hub.index;
    const tools = await prisma.$queryRaw(sql`SELECT ${selectRows('IndexedTool')} FROM "IndexedTool" ORDER BY id`);
    expect(tools).toEqual(await prisma.indexedTool.findMany({ orderBy: { id: 'asc' } }));
    const reports = await prisma.$queryRaw(sql`SELECT ${selectRows('IndexedReport')} FROM "IndexedReport" ORDER BY id`);
    expect(reports).toEqual(await prisma.indexedReport.findMany({ orderBy: { id: 'asc' } }));
  });

  it('counts a filter once per content version: a harvest that changes nothing keeps the totals', async () => {
    const { prisma } = hub.index;
    const total = async (filter?: object) => (await hub.ask(`query($f: AiToolFilter) { aiTools(filter: $f, first: 1) { totalCount } }`, { f: filter })).data.aiTools.totalCount;
    const version = async () => (await prisma.dataVersion.findUnique({ where: { id: 1 } }))?.version;
    const national = await total();
    const bethune = await total({ sirens: [SIREN.bethune] });
    expect(national).toBe(seed.tools.length);
    const before = await version();
    await hub.index.harvestOnce();
    expect(await version()).toBe(before);

    // A row removed behind the index's back (no version bump): the totals counted stay in use...
    const [gone] = await prisma.$queryRaw<{ id: string }[]>(sql`DELETE FROM "IndexedTool" WHERE id = (SELECT min(id) FROM "IndexedTool" WHERE siren = ${SIREN.bethune}) RETURNING id`);
    expect(gone.id).toMatch(new RegExp(`^${SIREN.bethune}:`));
    expect(await total()).toBe(national);
    expect(await total({ sirens: [SIREN.bethune] })).toBe(bethune);
    // ...until the content version changes, as every write of a harvest does.
    await bumpDataVersion(prisma);
    expect(await total()).toBe(national - 1);
    expect(await total({ sirens: [SIREN.bethune] })).toBe(bethune - 1);
    const summary = await hub.index.resync([SIREN.bethune]);
    expect(summary.resynced).toEqual([SIREN.bethune]);
    expect(await version()).toBeGreaterThan(before!);
    expect(await total()).toBe(national);
    expect(await total({ sirens: [SIREN.bethune] })).toBe(bethune);
  });

  it('pages a search in the requested order, cursor after cursor, in both orders', async () => {
    for (const orderBy of ['NAME', 'RECENT'] as const) {
      const national = (await allPages(undefined, orderBy, 100)).ids;
      const { ids } = await allPages({ search: 'données' }, orderBy, 100);
      expect(ids.length).toBeGreaterThan(2);
      expect((await allPages({ search: 'données' }, orderBy, 2)).ids).toEqual(ids);
      // The order of the national list, restricted to the matches.
      expect(ids).toEqual(national.filter((id) => ids.includes(id)));
    }
  });
});
