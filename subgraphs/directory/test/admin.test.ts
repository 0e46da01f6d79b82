import { createDirectoryServer } from '../src';
import { FIXTURE_CONTRACT, startFakeRegistry, type FakeRegistry } from './helpers/fakeRegistry';
import { ADMIN_TOKEN, SIREN, codes, gql, startDirectory, type TestDirectory } from './helpers/startDirectory';

let dir: TestDirectory;
const fakes: FakeRegistry[] = [];

beforeAll(async () => {
  dir = await startDirectory('admin', { contractSdl: FIXTURE_CONTRACT, allowPrivateMemberUrls: true });
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  await dir.stop();
});

async function fake(options: Parameters<typeof startFakeRegistry>[0]) {
  const registry = await startFakeRegistry(options);
  fakes.push(registry);
  return registry;
}

const MEMBERSHIP = 'membership { registryUrl status statusReason contractVersion consecutiveFailures lastSeenAt }';
const REGISTER = `mutation($siren: String!, $url: String!) { registerMember(siren: $siren, registryUrl: $url) { siren ${MEMBERSHIP} } }`;
const HEALTH = `mutation($siren: String!, $ok: Boolean!) { recordMemberHealth(siren: $siren, reachable: $ok) { ${MEMBERSHIP} } }`;
const UPSERT_COLLECTIVITE = `mutation($input: CollectiviteInput!) { upsertCollectivite(input: $input) { siren name kind region regionName } }`;
const UPSERT_PRODUCT = `mutation($input: AiProductInput!) { upsertAiProduct(input: $input) { id name category hosting openSource description vendor { name siren } } }`;

const admin = (query: string, variables?: Record<string, unknown>) => dir.gql(query, variables, ADMIN_TOKEN);

/** Runs a refused mutation and checks nothing changed in the database. */
/** `token` null: no Authorization header. */
async function expectRefused(query: string, variables: Record<string, unknown>, code: string, token: string | null = ADMIN_TOKEN) {
  const prisma = dir.server.prisma;
  const count = () => Promise.all([prisma.collectivite.count(), prisma.membership.count(), prisma.aiProduct.count()]);
  const before = await count();
  const res = await dir.gql(query, variables, token ?? undefined);
  expect(codes(res.body)).toEqual([code]);
  expect(JSON.stringify(res.body)).not.toMatch(/\.ts:\d+/); // no stack trace
  expect(await count()).toEqual(before);
  return res.body.errors![0];
}

describe('hub admin authentication', () => {
  const query = `mutation { suspendMember(siren: "${SIREN.arras}", reason: "test") { siren } }`;

  it('refuses a missing or wrong bearer token with UNAUTHENTICATED', async () => {
    expect((await expectRefused(query, {}, 'UNAUTHENTICATED', null)).message).toMatch(/hub admin token/);
    await expectRefused(query, {}, 'UNAUTHENTICATED', 'not-the-token');
    await expectRefused(query, {}, 'UNAUTHENTICATED', `${ADMIN_TOKEN}x`);
    const basic = await fetch(dir.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query }),
    });
    expect(codes((await basic.json()) as never)).toEqual(['UNAUTHENTICATED']);
  });

  it('checks the token before the arguments', async () => {
    await expectRefused(`mutation { upsertCollectivite(input: { siren: "1", name: "", legalCategory: "x" }) { siren } }`, {}, 'UNAUTHENTICATED', null);
  });

  it('leaves queries open to everyone', async () => {
    expect((await dir.gql(`{ collectivite(siren: "${SIREN.arras}") { name } }`)).body.data.collectivite.name).toBe("Commune d'Arras");
  });
});

describe('upsertCollectivite and upsertAiProduct', () => {
  it('create and replace, deriving kind and région', async () => {
    const input = { siren: '200041630', name: 'Communauté de communes Test', legalCategory: '7346', departement: '80', population: 12000, website: 'https://cc-test.fr' };
    const res = await admin(UPSERT_COLLECTIVITE, { input });
    expect(res.body.data.upsertCollectivite).toEqual({
      siren: '200041630',
      name: 'Communauté de communes Test',
      kind: 'COMMUNAUTE_DE_COMMUNES',
      region: '32',
      regionName: 'Hauts-de-France',
    });
    const renamed = await admin(UPSERT_COLLECTIVITE, { input: { ...input, name: 'CC Test renommée', legalCategory: '7355' } });
    expect(renamed.body.data.upsertCollectivite).toMatchObject({ name: 'CC Test renommée', kind: 'SYNDICAT' });
    const found = await dir.gql('{ collectivites(filter: { search: "renommee" }) { totalCount } }');
    expect(found.body.data.collectivites.totalCount).toBe(1);
  });

  it('refuse bad SIRENs, URLs, codes and texts, writing nothing', async () => {
    const ok = { siren: '200041655', name: 'X', legalCategory: '7210', departement: '62' };
    const field = async (input: Record<string, unknown>) => (await expectRefused(UPSERT_COLLECTIVITE, { input }, 'BAD_USER_INPUT')).extensions!.field;
    expect(await field({ ...ok, siren: '200041656' })).toBe('input.siren'); // Luhn
    expect(await field({ ...ok, siren: '20004165' })).toBe('input.siren');
    expect(await field({ ...ok, website: 'javascript:alert(1)' })).toBe('input.website');
    expect(await field({ ...ok, website: 'ftp://files.example.fr' })).toBe('input.website');
    expect(await field({ ...ok, legalCategory: '72' })).toBe('input.legalCategory');
    expect(await field({ ...ok, departement: '99' })).toBe('input.departement');
    expect(await field({ ...ok, region: '11' })).toBe('input.region'); // 62 is in 32
    expect(await field({ ...ok, name: ' ' })).toBe('input.name');
    expect(await field({ ...ok, name: 'x'.repeat(201) })).toBe('input.name');
    expect(await field({ ...ok, population: -1 })).toBe('input.population');
    expect((await dir.gql(`{ collectivite(siren: "200041655") { name } }`)).body.data.collectivite).toBeNull();
  });

  it('add and replace a product, refusing bad ids, SIRENs, URLs and enum values', async () => {
    const input = {
      id: 'outil-test',
      name: 'Outil test',
      vendor: { name: 'Éditeur', siren: '952418325' },
      category: 'OTHER',
      hosting: ['FRENCH_CLOUD', 'FRENCH_CLOUD', 'ON_PREMISES'],
    };
    expect((await admin(UPSERT_PRODUCT, { input })).body.data.upsertAiProduct).toEqual({
      id: 'outil-test',
      name: 'Outil test',
      category: 'OTHER',
      hosting: ['FRENCH_CLOUD', 'ON_PREMISES'],
      openSource: false,
      description: '',
      vendor: { name: 'Éditeur', siren: '952418325' },
    });
    const replaced = await admin(UPSERT_PRODUCT, { input: { ...input, name: 'Outil renommé', hosting: ['EU_CLOUD'], openSource: true } });
    expect(replaced.body.data.upsertAiProduct).toMatchObject({ name: 'Outil renommé', hosting: ['EU_CLOUD'], openSource: true });
    const search = await dir.gql('{ aiProducts(filter: { search: "editeur renomme" }) { edges { node { id } } } }');
    expect(search.body.data.aiProducts.edges).toEqual([{ node: { id: 'outil-test' } }]);

    const field = async (patch: Record<string, unknown>) => (await expectRefused(UPSERT_PRODUCT, { input: { ...input, id: 'nouveau', ...patch } }, 'BAD_USER_INPUT')).extensions!.field;
    expect(await field({ id: 'Pas_Un_Id' })).toBe('input.id');
    expect(await field({ id: 'a--b' })).toBe('input.id');
    expect(await field({ vendor: { name: 'X', siren: '952418326' } })).toBe('input.vendor.siren');
    expect(await field({ website: 'mailto:x@y.fr' })).toBe('input.website');
    expect(await field({ hosting: [] })).toBe('input.hosting');
    expect(await field({ description: 'x'.repeat(5001) })).toBe('input.description');
    await expectRefused(UPSERT_PRODUCT, { input: { ...input, id: 'nouveau', category: 'MAGIC' } }, 'BAD_USER_INPUT');
    await expectRefused(UPSERT_PRODUCT, { input: { ...input, id: 'nouveau', hosting: ['MOON'] } }, 'BAD_USER_INPUT');
  });
});

describe('registerMember', () => {
  it('admits a conforming member, with the contract version it reports', async () => {
    const member = await fake({ siren: SIREN.arras, contractVersion: 'fixture-7' });
    const res = await admin(REGISTER, { siren: SIREN.arras, url: member.url });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerMember).toEqual({
      siren: SIREN.arras,
      membership: { registryUrl: member.url, status: 'ACTIVE', statusReason: null, contractVersion: 'fixture-7', consecutiveFailures: 0, lastSeenAt: expect.any(String) },
    });
    const members = await dir.gql('{ members(status: [ACTIVE]) { siren } }');
    expect(members.body.data.members).toEqual([{ siren: SIREN.arras }]);
  });

  it('refuses a member that fails the check, listing every difference, and writes nothing', async () => {
    const broken = await fake({
      siren: SIREN.pasDeCalais,
      repeatPages: true,
      sdl: (c) => c.replace('riskLevel: RiskLevel!', 'riskLevel: String').replace('  UNACCEPTABLE\n', ''),
    });
    const error = await expectRefused(REGISTER, { siren: SIREN.pasDeCalais, url: broken.url }, 'BAD_USER_INPUT');
    const differences = [
      'AiTool.riskLevel: type RiskLevel! expected, got String',
      'RiskLevel.UNACCEPTABLE: enum value missing',
      `aiTools(first: 2, after: endCursor): repeats id ${SIREN.pasDeCalais}:chatbot-accueil of the first page`,
      `aiTools(first: 2, after: endCursor): repeats id ${SIREN.pasDeCalais}:comptage-velos of the first page`,
      `aiTools: ${SIREN.pasDeCalais}:chatbot-accueil comes after ${SIREN.pasDeCalais}:comptage-velos but its cursor sorts before it`,
    ];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registryUrl', differences });
    expect(error.message).toMatch(/does not conform to the contract \(5 differences\)/);
    for (const d of differences) expect(error.message).toContain(`- ${d}`);
    const after = await dir.gql(`{ collectivite(siren: "${SIREN.pasDeCalais}") { membership { status } } }`);
    expect(after.body.data.collectivite.membership).toBeNull();
  });

  it('refuses a registry that serves another collectivité, one that is down, and unknown SIRENs', async () => {
    const arras = await fake({ siren: SIREN.arras });
    const other = await expectRefused(REGISTER, { siren: SIREN.lille, url: arras.url }, 'BAD_USER_INPUT');
    expect(other.extensions!.differences).toContain(`registry(siren: "${SIREN.lille}"): returned null, expected this member's registry`);
    const down = await expectRefused(REGISTER, { siren: SIREN.lille, url: 'http://127.0.0.1:9/graphql' }, 'BAD_USER_INPUT');
    expect(down.extensions!.differences).toEqual([expect.stringMatching(/^_service \{ sdl \}: request failed/)]);
    await expectRefused(REGISTER, { siren: SIREN.unknown, url: arras.url }, 'NOT_FOUND');
    expect((await expectRefused(REGISTER, { siren: '216200411', url: arras.url }, 'BAD_USER_INPUT')).extensions!.field).toBe('siren');
    expect((await expectRefused(REGISTER, { siren: SIREN.lille, url: 'file:///etc/passwd' }, 'BAD_USER_INPUT')).extensions!.field).toBe('registryUrl');
  });
});

describe('member status', () => {
  beforeAll(async () => {
    const nord = await fake({ siren: SIREN.nord });
    expect((await admin(REGISTER, { siren: SIREN.nord, url: nord.url })).body.errors).toBeUndefined();
  });

  const state = async (reachable: boolean) => (await admin(HEALTH, { siren: SIREN.nord, ok: reachable })).body.data.recordMemberHealth.membership;

  it('turns UNREACHABLE after 3 failures in a row, ACTIVE again after one success', async () => {
    expect(await state(false)).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 1 });
    expect(await state(true)).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
    expect(await state(false)).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 1 });
    expect(await state(false)).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 2 });
    expect(await state(false)).toMatchObject({ status: 'UNREACHABLE', consecutiveFailures: 3 });
    expect(await state(false)).toMatchObject({ status: 'UNREACHABLE', consecutiveFailures: 4 });
    const before = Date.now();
    const back = await state(true);
    expect(back).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
    expect(new Date(back.lastSeenAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('counts concurrent failures', async () => {
    await Promise.all([1, 2, 3, 4, 5].map(() => admin(HEALTH, { siren: SIREN.nord, ok: false })));
    expect(await state(false)).toMatchObject({ status: 'UNREACHABLE', consecutiveFailures: 6 });
    await state(true);
  });

  it('never changes a SUSPENDED member; reactivation does', async () => {
    const suspended = await admin(`mutation { suspendMember(siren: "${SIREN.nord}", reason: "  Données obsolètes ") { ${MEMBERSHIP} } }`);
    expect(suspended.body.data.suspendMember.membership).toMatchObject({ status: 'SUSPENDED', statusReason: 'Données obsolètes' });
    for (let i = 0; i < 4; i++) await state(false);
    expect(await state(true)).toMatchObject({ status: 'SUSPENDED', consecutiveFailures: 0 });
    expect(await state(false)).toMatchObject({ status: 'SUSPENDED', consecutiveFailures: 1 });
    const routable = await dir.gql('{ members(status: [ACTIVE, UNREACHABLE]) { siren } }');
    expect(routable.body.data.members.map((m: { siren: string }) => m.siren)).not.toContain(SIREN.nord);

    // Re-registering updates the URL but does not lift a suspension.
    const nord = await fake({ siren: SIREN.nord });
    const again = await admin(REGISTER, { siren: SIREN.nord, url: nord.url });
    expect(again.body.data.registerMember.membership).toMatchObject({ registryUrl: nord.url, status: 'SUSPENDED' });

    const reactivated = await admin(`mutation { reactivateMember(siren: "${SIREN.nord}") { ${MEMBERSHIP} } }`);
    expect(reactivated.body.data.reactivateMember.membership).toMatchObject({ status: 'ACTIVE', statusReason: null, consecutiveFailures: 0 });
  });

  it('refuses non-members, bad SIRENs and empty reasons', async () => {
    await expectRefused(HEALTH, { siren: SIREN.lille, ok: false }, 'NOT_FOUND');
    await expectRefused(`mutation { reactivateMember(siren: "${SIREN.lille}") { siren } }`, {}, 'NOT_FOUND');
    await expectRefused(HEALTH, { siren: '123', ok: true }, 'BAD_USER_INPUT');
    await expectRefused(`mutation { suspendMember(siren: "${SIREN.nord}", reason: "   ") { siren } }`, {}, 'BAD_USER_INPUT');
  });
});

describe('a directory without HUB_ADMIN_TOKEN', () => {
  it('refuses every admin mutation with FORBIDDEN and a clear message', async () => {
    // Embedded even when TEST_DATABASE_URL is set: only the missing token matters here.
    const server = await createDirectoryServer({ port: 0, dataDir: 'memory://no-admin', seed: false, reference: false });
    try {
      for (const token of [undefined, ADMIN_TOKEN]) {
        const res = await gql(server.graphqlUrl, `mutation { reactivateMember(siren: "${SIREN.arras}") { siren } }`, {}, token);
        expect(codes(res.body)).toEqual(['FORBIDDEN']);
        expect(res.body.errors![0].message).toMatch(/no HUB_ADMIN_TOKEN configured/);
      }
      expect((await gql(server.graphqlUrl, '{ collectivites { totalCount } }')).body.data.collectivites.totalCount).toBe(0);
    } finally {
      await server.close();
    }
  });
});
