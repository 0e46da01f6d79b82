import fs from 'node:fs';
import path from 'node:path';
import { setMembership } from '../src';
import { SEED_AI_PRODUCTS } from '../src/seed/aiProducts';
import { SEED_COLLECTIVITES } from '../src/seed/collectivites';
import { SIREN, codes, startDirectory, type GqlResponse, type TestDirectory } from './helpers/startDirectory';

let dir: TestDirectory;

beforeAll(async () => {
  dir = await startDirectory('reading');
  await setMembership(dir.server.prisma, { siren: SIREN.arras, registryUrl: 'http://127.0.0.1:4202/graphql' });
  await setMembership(dir.server.prisma, { siren: SIREN.bethune, registryUrl: 'http://127.0.0.1:4201/graphql', status: 'SUSPENDED' });
});
afterAll(() => dir.stop());

const PAGE = /* GraphQL */ `
  query ($filter: CollectiviteFilter, $first: Int!, $after: String) {
    collectivites(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { siren name kind departement region } }
    }
  }
`;

/** Every page of `collectivites` with this filter, `first` at a time. */
async function walk(filter: Record<string, unknown> | null, first: number) {
  const sirens: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let i = 0; i < 100; i++) {
    const res: GqlResponse = await dir.gql(PAGE, { filter, first, after });
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data.collectivites;
    totalCount = page.totalCount;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    sirens.push(...page.edges.map((e: { node: { siren: string } }) => e.node.siren));
    if (!page.pageInfo.hasNextPage) break;
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    after = page.pageInfo.endCursor;
  }
  return { sirens, totalCount };
}

describe('_service and the schema file', () => {
  it('serves the SDL of schema/directory.graphql', async () => {
    const res = await dir.gql('{ _service { sdl } }');
    const file = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schema', 'directory.graphql'), 'utf8');
    expect(res.body.data._service.sdl.trimEnd()).toBe(file.trimEnd());
  });

  it('answers /health and /ready', async () => {
    expect(await (await fetch(`${dir.server.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${dir.server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});

describe('collectivites', () => {
  it('walks every collectivité without repeats or skips, sorted by name then SIREN', async () => {
    const all = await dir.gql(PAGE, { first: 100 });
    const names = all.body.data.collectivites.edges.map((e: { node: { siren: string; name: string } }) => e.node);
    expect(names).toHaveLength(SEED_COLLECTIVITES.length);
    expect(all.body.data.collectivites.pageInfo.hasNextPage).toBe(false);
    for (const first of [1, 7, 20]) {
      const { sirens, totalCount } = await walk(null, first);
      expect(totalCount).toBe(SEED_COLLECTIVITES.length);
      expect(sirens).toEqual(names.map((n: { siren: string }) => n.siren));
    }
    const lille = names.findIndex((n: { name: string }) => n.name === 'Commune de Lille');
    const lievin = names.findIndex((n: { name: string }) => n.name === 'Commune de Liévin');
    expect(lievin).toBeLessThan(lille); // "lievin" < "lille": accents do not sort last
  });

  it('filters by kind, département, région, membership and words of the name', async () => {
    const communes = await walk({ kind: 'COMMUNE', departement: '62' }, 5);
    expect(communes.totalCount).toBe(SEED_COLLECTIVITES.filter((c) => c.legalCategory === '7210' && c.departement === '62').length);
    expect(communes.sirens).toContain(SIREN.arras);

    const region = await dir.gql(PAGE, { filter: { region: '32' }, first: 1 });
    expect(region.body.data.collectivites.totalCount).toBe(SEED_COLLECTIVITES.length);
    const elsewhere = await dir.gql(PAGE, { filter: { region: '11' }, first: 1 });
    expect(elsewhere.body.data.collectivites).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

    expect((await walk({ memberOnly: true }, 1)).sirens).toEqual([SIREN.bethune, SIREN.arras]);
    expect((await walk({ memberStatus: 'ACTIVE' }, 10)).sirens).toEqual([SIREN.arras]);
    expect((await walk({ memberOnly: false }, 50)).totalCount).toBe(SEED_COLLECTIVITES.length - 2);

    const bethune = await walk({ search: '  BÉTHUNE ' }, 10);
    expect(bethune.sirens).toEqual([SIREN.bethune, '216209106']);
    expect((await walk({ search: 'bethune bruay artois' }, 10)).sirens).toEqual([SIREN.bethune]);
    expect((await walk({ search: 'marcq en baroeul' }, 10)).totalCount).toBe(1);
    expect((await walk({ search: 'pas-de-calais', kind: 'DEPARTEMENT' }, 10)).sirens).toEqual([SIREN.pasDeCalais]);
  });

  it('gives kind, codes and names', async () => {
    const res = await dir.gql(`{ collectivite(siren: "${SIREN.bethune}") {
      siren name kind legalCategory cogCode departement departementName region regionName population website
      membership { registryUrl status statusReason contractVersion consecutiveFailures lastSeenAt admittedAt } } }`);
    expect(res.body.data.collectivite).toMatchObject({
      siren: SIREN.bethune,
      kind: 'COMMUNAUTE_D_AGGLOMERATION',
      legalCategory: '7348',
      cogCode: null,
      departement: '62',
      departementName: 'Pas-de-Calais',
      region: '32',
      regionName: 'Hauts-de-France',
      membership: { registryUrl: 'http://127.0.0.1:4201/graphql', status: 'SUSPENDED', contractVersion: 'unchecked', consecutiveFailures: 0, lastSeenAt: null },
    });
    expect(new Date(res.body.data.collectivite.membership.admittedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const region = await dir.gql('{ collectivite(siren: "200053742") { kind departement region regionName cogCode membership { status } } }');
    expect(region.body.data.collectivite).toEqual({ kind: 'REGION', departement: null, region: '32', regionName: 'Hauts-de-France', cogCode: '32', membership: null });
    expect((await dir.gql(`{ collectivite(siren: "${SIREN.unknown}") { name } }`)).body.data.collectivite).toBeNull();
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    for (const variables of [
      { first: 0 },
      { first: 101 },
      { first: 5, after: 'forged' },
      { first: 5, filter: { departement: '99' } },
      { first: 5, filter: { region: 'HDF' } },
      { first: 5, filter: { kind: 'VILLAGE' } },
    ]) {
      expect(codes((await dir.gql(PAGE, variables)).body)).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes((await dir.gql('{ collectivite(siren: "216200411") { name } }')).body)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('members', () => {
  it('lists members with their membership, all or by status', async () => {
    const query = 'query($status: [MembershipStatus!]) { members(status: $status) { siren name departement region membership { registryUrl status } } }';
    const all = await dir.gql(query);
    expect(all.body.data.members).toEqual([
      { siren: SIREN.bethune, name: expect.stringContaining('Béthune'), departement: '62', region: '32', membership: { registryUrl: 'http://127.0.0.1:4201/graphql', status: 'SUSPENDED' } },
      { siren: SIREN.arras, name: "Commune d'Arras", departement: '62', region: '32', membership: { registryUrl: 'http://127.0.0.1:4202/graphql', status: 'ACTIVE' } },
    ]);
    const routable = await dir.gql(query, { status: ['ACTIVE', 'UNREACHABLE'] });
    expect(routable.body.data.members.map((m: { siren: string }) => m.siren)).toEqual([SIREN.arras]);
  });

  it('costs one SQL query for the members and one for all their memberships', async () => {
    dir.resetQueries();
    await dir.gql('{ members { siren membership { status } } }');
    const selects = dir.queries.filter((q) => /^\s*SELECT/i.test(q));
    expect(selects).toHaveLength(2);
    expect(selects[1]).toMatch(/FROM "\w+"\."Membership" WHERE .*IN \(\$1,\$2\)/);
  });
});

describe('aiProducts', () => {
  const PRODUCTS = `query($filter: AiProductFilter, $first: Int!, $after: String) {
    aiProducts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

  it('has the seed catalogue, paginated without repeats', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GqlResponse = await dir.gql(PRODUCTS, { first: 4, after });
      const page = res.body.data.aiProducts;
      expect(page.totalCount).toBe(15);
      ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect([...ids].sort()).toEqual(SEED_AI_PRODUCTS.map((p) => p.id).sort());
    expect(new Set(ids).size).toBe(15);
    expect(ids.slice(0, 3)).toEqual(['abbyy-finereader', 'albert', 'aws-rekognition']);
  });

  it('filters by category, open source and search', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      (await dir.gql(PRODUCTS, { filter, first: 100 })).body.data.aiProducts.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids({ category: 'OCR_DOCUMENT' })).toEqual(['abbyy-finereader', 'tesseract-ocr']);
    expect(await ids({ category: 'GENERAL_ASSISTANT', openSource: true })).toEqual(['albert']);
    expect(await ids({ search: 'MISTRAL' })).toEqual(['mistral-le-chat']);
    expect(await ids({ search: 'openai' })).toEqual(['openai-chatgpt', 'whisper']);
  });

  it('gives vendor and hosting', async () => {
    const res = await dir.gql('{ aiProduct(id: "mistral-le-chat") { id name category openSource hosting website description vendor { name siren } } }');
    expect(res.body.data.aiProduct).toEqual({
      id: 'mistral-le-chat',
      name: 'Le Chat',
      category: 'GENERAL_ASSISTANT',
      openSource: false,
      hosting: ['EU_CLOUD'],
      website: 'https://chat.mistral.ai',
      description: expect.any(String),
      vendor: { name: 'Mistral AI', siren: '952418325' },
    });
    expect((await dir.gql('{ aiProduct(id: "nope") { id } }')).body.data.aiProduct).toBeNull();
  });
});

describe('_entities', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Collectivite { siren name membership { status } }
    ... on AiProduct { id name vendor { name } } } }`;

  it('resolves both entity types in representation order, null for unknown keys', async () => {
    const res = await dir.gql(ENTITIES, {
      r: [
        { __typename: 'AiProduct', id: 'whisper' },
        { __typename: 'Collectivite', siren: SIREN.lille },
        { __typename: 'Collectivite', siren: SIREN.unknown },
        { __typename: 'AiProduct', id: 'nope' },
        { __typename: 'Collectivite', siren: SIREN.arras },
      ],
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toEqual([
      { id: 'whisper', name: 'Whisper', vendor: { name: 'OpenAI' } },
      { siren: SIREN.lille, name: 'Commune de Lille', membership: null },
      null,
      null,
      { siren: SIREN.arras, name: "Commune d'Arras", membership: { status: 'ACTIVE' } },
    ]);
  });

  it('costs one SQL query per entity type, whatever the number of representations', async () => {
    const r = [
      ...SEED_COLLECTIVITES.slice(0, 12).map((c) => ({ __typename: 'Collectivite', siren: c.siren })),
      ...SEED_AI_PRODUCTS.slice(0, 6).map((p) => ({ __typename: 'AiProduct', id: p.id })),
    ];
    dir.resetQueries();
    const res = await dir.gql(ENTITIES, { r });
    expect(res.body.data._entities.filter(Boolean)).toHaveLength(18);
    const selects = dir.queries.filter((q) => /^\s*SELECT/i.test(q));
    expect(selects).toHaveLength(3); // collectivités, their memberships, products
    expect(selects.filter((q) => q.includes('"Collectivite"'))).toHaveLength(1);
    expect(selects.filter((q) => q.includes('"Membership"'))).toHaveLength(1);
    expect(selects.filter((q) => q.includes('"AiProduct"'))).toHaveLength(1);
  });
});
