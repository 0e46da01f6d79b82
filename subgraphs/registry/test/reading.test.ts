import { printRegistrySdl } from '../src';
import { SIREN, startRegistry, type TestRegistry } from './registryTestKit';

let reg: TestRegistry;

beforeAll(async () => {
  reg = await startRegistry({ siren: SIREN.pasDeCalais, seedFile: 'bundled' });
});
afterAll(() => reg.stop());

const PAGE = `query($first: Int!, $after: String, $orderBy: AiToolOrder!, $filter: AiToolFilter) {
  aiTools(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    totalCount edges { cursor node { id name updatedAt } } pageInfo { hasNextPage endCursor } } }`;

async function walk(orderBy: string, first: number, filter?: object) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res: { body: { data?: any; errors?: any[] } } = await reg.gql(PAGE, { first, after, orderBy, filter });
    expect(res.body.errors).toBeUndefined();
    const page: any = res.body.data.aiTools;
    ids.push(...page.edges.map((e: any) => e.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, total: page.totalCount };
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('reading the registry over HTTP', () => {
  it('serves its SDL through _service, identical to the committed contract', async () => {
    const res = await reg.gql('{ _service { sdl } }');
    const sdl: string = res.body.data._service.sdl;
    expect(sdl).toContain('type AiTool @key(fields: "id")');
    expect(sdl).toContain('type PracticeReport @key(fields: "id")');
    expect(sdl).toContain('type Collectivite @key(fields: "siren")');
    expect(sdl).toContain('type AiProduct @key(fields: "id")');
    expect(await printRegistrySdl()).toContain('"""');
  });

  it('pages through every published tool without repeating or skipping, in both orders', async () => {
    const all = await reg.server.prisma.aiTool.findMany({ where: { state: 'PUBLISHED' }, select: { id: true } });
    for (const orderBy of ['NAME', 'RECENT']) {
      for (const first of [1, 2, 3]) {
        const { ids, total } = await walk(orderBy, first);
        expect(total).toBe(all.length);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(all.map((t) => t.id).sort());
      }
    }
    const byName = (await walk('NAME', 100)).ids;
    const paged = (await walk('NAME', 2)).ids;
    expect(paged).toEqual(byName);
  });

  it('searches in French: stemming and accents', async () => {
    const found = await walk('NAME', 20, { search: 'transcriptions' });
    expect(found.ids).toContain(`${SIREN.pasDeCalais}:comptes-rendus-seances-conseil-departemental`);
    const none = await walk('NAME', 20, { search: 'zzzyxw' });
    expect(none.ids).toEqual([]);
  });

  it('filters by theme, risk level and place; another département gets nothing', async () => {
    const high = await walk('NAME', 20, { riskLevels: ['HIGH'] });
    expect(high.ids).toContain(`${SIREN.pasDeCalais}:pre-instruction-orientation-rsa`);
    const rows = await reg.server.prisma.aiTool.findMany({ where: { state: 'PUBLISHED', riskLevel: 'HIGH' } });
    expect(high.total).toBe(rows.length);
    const published = await reg.server.prisma.aiTool.count({ where: { state: 'PUBLISHED' } });
    expect((await walk('NAME', 20, { departement: '62' })).total).toBe(published);
    expect((await walk('NAME', 20, { departement: '59' })).total).toBe(0);
    expect((await walk('NAME', 20, { sirens: [SIREN.arras] })).total).toBe(0);
  });

  it('resolves every entity type through _entities, in representation order, nulls for misses', async () => {
    const tools = await reg.server.prisma.aiTool.findMany({ where: { state: 'PUBLISHED' }, take: 3, orderBy: { id: 'desc' } });
    const report = await reg.server.prisma.practiceReport.findFirst({ where: { state: 'PUBLISHED', visibility: 'PUBLIC' } });
    const representations = [
      { __typename: 'AiTool', id: tools[0].id },
      { __typename: 'Collectivite', siren: SIREN.pasDeCalais },
      { __typename: 'AiTool', id: `${SIREN.pasDeCalais}:inconnu` },
      { __typename: 'PracticeReport', id: report!.id },
      { __typename: 'AiProduct', id: 'albert' },
      { __typename: 'AiTool', id: tools[2].id },
    ];
    const res = await reg.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on AiTool { id name } ... on PracticeReport { id title }
        ... on Collectivite { siren registryStats { toolCount } }
        ... on AiProduct { id deployments { id } } } }`,
      { r: representations },
    );
    expect(res.body.errors).toBeUndefined();
    const e = res.body.data._entities;
    expect(e[0].id).toBe(tools[0].id);
    expect(e[1].registryStats.toolCount).toBe(await reg.server.prisma.aiTool.count({ where: { state: 'PUBLISHED' } }));
    expect(e[2]).toBeNull();
    expect(e[3].id).toBe(report!.id);
    expect(e[4].deployments.every((d: any) => d.id.startsWith(SIREN.pasDeCalais))).toBe(true);
    expect(e[5].id).toBe(tools[2].id);
  });

  it('resolves a batch of entities with one SQL query per entity type', async () => {
    const tools = await reg.server.prisma.aiTool.findMany({ select: { id: true } });
    const reports = await reg.server.prisma.practiceReport.findMany({ select: { id: true } });
    const representations = [
      ...tools.map((t) => ({ __typename: 'AiTool', id: t.id })),
      ...reports.map((r) => ({ __typename: 'PracticeReport', id: r.id })),
    ];
    expect(tools.length).toBeGreaterThan(3);
    reg.resetQueries();
    const res = await reg.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AiTool { id } ... on PracticeReport { id } } }`, { r: representations });
    expect(res.body.errors).toBeUndefined();
    const selects = reg.queries.filter((q) => /^\s*SELECT/i.test(q));
    expect(selects.filter((q) => q.includes('"AiTool"'))).toHaveLength(1);
    expect(selects.filter((q) => q.includes('"PracticeReport"'))).toHaveLength(1);
    expect(selects).toHaveLength(2);
  });

  it('answers registry(siren) for its owner only, and hides partner reports from the public', async () => {
    const own = await reg.gql(`query($s: String!) { registry(siren: $s) { siren name contractVersion toolCount reportCount } }`, { s: SIREN.pasDeCalais });
    expect(own.body.data.registry).toMatchObject({ siren: SIREN.pasDeCalais, contractVersion: '2.0.0' });
    const other = await reg.gql(`query($s: String!) { registry(siren: $s) { siren } }`, { s: SIREN.arras });
    expect(other.body.data.registry).toBeNull();
    const reports = await reg.gql('{ practiceReports(first: 100) { edges { node { visibility } } } }');
    expect(reports.body.data.practiceReports.edges.every((e: any) => e.node.visibility === 'PUBLIC')).toBe(true);
    const token = await reg.token();
    const all = await reg.gql('{ practiceReports(first: 100) { edges { node { visibility } } } }', undefined, token);
    expect(all.body.data.practiceReports.edges.some((e: any) => e.node.visibility === 'PARTNERS')).toBe(true);
  });

  it('keeps the changes of partner reports out of the public feed (their ids say what they are about)', async () => {
    const partnerIds = (await reg.server.prisma.practiceReport.findMany({ where: { visibility: 'PARTNERS', state: 'PUBLISHED' }, select: { id: true } })).map((r) => r.id);
    expect(partnerIds.length).toBeGreaterThanOrEqual(1);
    const FEED = '{ changes(since: "2000-01-01T00:00:00Z", first: 100) { totalCount edges { node { entityId } } } }';
    const anonymous = (await reg.gql(FEED)).body.data.changes;
    const publisher = (await reg.gql(FEED, undefined, await reg.token())).body.data.changes;
    const ids = (feed: any) => feed.edges.map((e: any) => e.node.entityId);
    expect(ids(anonymous).filter((id: string) => partnerIds.includes(id))).toEqual([]);
    expect(ids(publisher).filter((id: string) => partnerIds.includes(id)).sort()).toEqual([...partnerIds].sort());
    expect(publisher.totalCount - anonymous.totalCount).toBe(ids(publisher).length - ids(anonymous).length);
  });
});
