import { createLogger } from '@bibia/kit';
import { loadReference } from '../src/reference/loadReference';
import { readReference, type Reference } from '../src/reference/readReference';
import { FIXTURE_CONTRACT, startFakeRegistry, type FakeRegistry } from './helpers/fakeRegistry';
import { ADMIN_TOKEN, SIREN, codes, startDirectory, type TestDirectory } from './helpers/startDirectory';

// Real rows of @etalab/decoupage-administratif 6.0.0 (INSEE COG 2026).
const ALETTE = { siren: '216200212', cog: '62021', postalCode: '62650' };
const ACHEVILLE = '216200030';
const CU_ARRAS = '200033579';

const logger = createLogger('reference-test');
let reference: Reference;
let dir: TestDirectory;
const fakes: FakeRegistry[] = [];

beforeAll(async () => {
  reference = readReference();
  dir = await startDirectory('joining', { contractSdl: FIXTURE_CONTRACT, allowPrivateMemberUrls: true });
  // The Pas-de-Calais only: the whole of France takes seconds more on PGlite, for nothing more to check.
  await loadReference(dir.server.prisma, { logger, departements: ['62'], source: { version: () => 'test-1', read: () => reference } });
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  await dir?.stop();
});

async function fake(siren: string) {
  const registry = await startFakeRegistry({ siren });
  fakes.push(registry);
  return registry;
}

const admin = (query: string, variables?: Record<string, unknown>) => dir.gql(query, variables, ADMIN_TOKEN);

describe('the administrative reference', () => {
  it('reads every current commune with a SIREN and every EPCI of the package', () => {
    const byKind = (kind: string) => reference.rows.filter((r) => r.kind === kind).length;
    expect(byKind('COMMUNE')).toBe(34_875);
    expect(byKind('COMMUNAUTE_DE_COMMUNES') + byKind('COMMUNAUTE_D_AGGLOMERATION') + byKind('COMMUNAUTE_URBAINE') + byKind('METROPOLE')).toBe(1254);
    expect(reference.skipped).toEqual({ withoutSiren: 94, outsideDepartements: 0, invalidSiren: 0 });
    expect(reference.rows.find((r) => r.siren === ALETTE.siren)).toEqual({
      siren: ALETTE.siren,
      name: 'Alette',
      sortName: 'alette',
      legalCategory: '7210',
      kind: 'COMMUNE',
      cogCode: ALETTE.cog,
      departement: '62',
      region: '32',
      population: expect.any(Number),
      postalCodes: [ALETTE.postalCode],
      epciSiren: expect.stringMatching(/^\d{9}$/),
    });
    expect(reference.rows.find((r) => r.siren === CU_ARRAS)).toMatchObject({ kind: 'COMMUNAUTE_URBAINE', legalCategory: '7343', departement: '62', region: '32' });
  });

  it('is loaded once per version, idempotently', async () => {
    const prisma = dir.server.prisma;
    const count = await prisma.collectivite.count();
    expect(await prisma.collectivite.count({ where: { source: 'REFERENCE', departement: { not: '62' } } })).toBe(0);
    expect(await loadReference(prisma, { logger, departements: ['62'], source: { version: () => 'test-1', read: () => reference } })).toEqual({ loaded: false, version: 'test-1 departements=62' });
    const again = await loadReference(prisma, { logger, departements: ['62'], source: { version: () => 'test-2', read: () => reference } });
    expect(again).toMatchObject({ loaded: true, rows: reference.rows.filter((r) => r.departement === '62').length });
    expect(await prisma.collectivite.count()).toBe(count);
    await expect(loadReference(prisma, { logger, departements: ['99'] })).rejects.toThrow('Unknown département code(s) for the reference: 99');
  });

  it('never overwrites what the hub wrote, and adds postal codes and the intercommunalité', async () => {
    const res = await dir.gql(`{ collectivite(siren: "${SIREN.arras}") { name postalCodes intercommunalite { siren name kind } } }`);
    expect(res.body.data.collectivite).toEqual({
      name: "Commune d'Arras",
      postalCodes: ['62000'],
      intercommunalite: { siren: CU_ARRAS, name: "Communauté urbaine d'Arras", kind: 'COMMUNAUTE_URBAINE' },
    });
  });
});

describe('searching the directory', () => {
  const search = async (text: string) => {
    const res = await dir.gql('query($s: String) { collectivites(filter: { search: $s }, first: 100) { totalCount edges { node { siren } } } }', { s: text });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.collectivites.edges.map((e: { node: { siren: string } }) => e.node.siren) as string[];
  };

  it('finds by SIREN, INSEE code, postal code and name (accents, case and word prefixes)', async () => {
    expect(await search(ALETTE.siren)).toEqual([ALETTE.siren]);
    expect(await search('216 200 212')).toEqual([ALETTE.siren]);
    expect(await search(ALETTE.cog)).toEqual([ALETTE.siren]);
    expect(await search(ALETTE.postalCode)).toContain(ALETTE.siren);
    expect(await search('ALÉTTE')).toContain(ALETTE.siren);
    expect(await search('béthune bru')).toContain(SIREN.bethune);
    // Words start words of the name: not any substring.
    expect(await search('ethune')).not.toContain(SIREN.bethune);
    expect(await search('62999')).toEqual([]);
  });
});

describe('joining: request, then approval by the hub admin', () => {
  const REQUEST = `mutation($input: MembershipRequestInput!) { requestMembership(input: $input) { id siren status registryUrl collectivite { name } } }`;
  const LIST = `query($status: [MembershipRequestStatus!]) { membershipRequests(status: $status) { id siren status contactEmail decisionReason } }`;
  const APPROVE = `mutation($id: String!) { approveMembershipRequest(id: $id) { id status decidedAt collectivite { siren membership { status registryUrl } } } }`;
  const REJECT = `mutation($id: String!, $reason: String!) { rejectMembershipRequest(id: $id, reason: $reason) { id status decisionReason } }`;
  const ask = (siren: string, registryUrl: string, contactEmail = 'dsi@alette.fr') =>
    dir.gql(REQUEST, { input: { siren, registryUrl, contactEmail, contactName: 'Mairie', message: 'Bonjour' } });

  it('takes a request from anyone, and the admin approves it after the conformance check', async () => {
    const registry = await fake(ALETTE.siren);
    const asked = await ask(ALETTE.siren, registry.url);
    expect(asked.body.data.requestMembership).toMatchObject({ siren: ALETTE.siren, status: 'PENDING', registryUrl: registry.url, collectivite: { name: 'Alette' } });
    const id = asked.body.data.requestMembership.id as string;

    expect(codes((await ask(ALETTE.siren, registry.url)).body)).toEqual(['CONFLICT']);
    expect(codes((await dir.gql(LIST, {})).body)).toEqual(['UNAUTHENTICATED']);
    expect(codes((await dir.gql(APPROVE, { id })).body)).toEqual(['UNAUTHENTICATED']);
    const listed = await admin(LIST, { status: ['PENDING'] });
    expect(listed.body.data.membershipRequests).toEqual([{ id, siren: ALETTE.siren, status: 'PENDING', contactEmail: 'dsi@alette.fr', decisionReason: null }]);

    const approved = await admin(APPROVE, { id });
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data.approveMembershipRequest).toMatchObject({
      id,
      status: 'APPROVED',
      collectivite: { siren: ALETTE.siren, membership: { status: 'ACTIVE', registryUrl: registry.url } },
    });
    expect(codes((await admin(APPROVE, { id })).body)).toEqual(['CONFLICT']);
    expect(codes((await ask(ALETTE.siren, registry.url)).body)).toEqual(['CONFLICT']);
  });

  it('leaves a request whose registry fails the check pending, until the admin rejects it', async () => {
    // A registry that answers for another collectivité.
    const wrong = await fake(SIREN.unknown);
    const asked = await ask(ACHEVILLE, wrong.url, 'mairie@acheville.fr');
    const id = asked.body.data.requestMembership.id as string;
    const refused = await admin(APPROVE, { id });
    expect(codes(refused.body)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors![0].extensions!.differences.length).toBeGreaterThan(0);
    expect(await dir.server.prisma.membership.findUnique({ where: { siren: ACHEVILLE } })).toBeNull();
    expect(codes((await admin(REJECT, { id, reason: '' })).body)).toEqual(['BAD_USER_INPUT']);
    const rejected = await admin(REJECT, { id, reason: 'Registre injoignable, merci de nous recontacter.' });
    expect(rejected.body.data.rejectMembershipRequest).toEqual({ id, status: 'REJECTED', decisionReason: 'Registre injoignable, merci de nous recontacter.' });
  });

  it('refuses bad requests with a clear error and writes nothing', async () => {
    const before = await dir.server.prisma.membershipRequest.count();
    const registry = 'https://registre.example.fr/graphql';
    expect(codes((await ask(SIREN.unknown, registry)).body)).toEqual(['NOT_FOUND']);
    expect(codes((await ask('216200211', registry)).body)).toEqual(['BAD_USER_INPUT']);
    expect(codes((await ask(ACHEVILLE, 'ftp://registre.example.fr')).body)).toEqual(['BAD_USER_INPUT']);
    const badEmail = await ask(ACHEVILLE, registry, 'pas une adresse');
    expect(codes(badEmail.body)).toEqual(['BAD_USER_INPUT']);
    expect(badEmail.body.errors![0].extensions!.field).toBe('input.contactEmail');
    expect(codes((await admin(APPROVE, { id: 'nope' })).body)).toEqual(['NOT_FOUND']);
    expect(await dir.server.prisma.membershipRequest.count()).toBe(before);
  });

  it('still admits directly with registerMember, with no upsertCollectivite for a commune of the reference', async () => {
    const siren = '216200063'; // Achiet-le-Petit
    const registry = await fake(siren);
    const res = await admin(`mutation($siren: String!, $url: String!) { registerMember(siren: $siren, registryUrl: $url) { name membership { status } } }`, { siren, url: registry.url });
    expect(res.body.data.registerMember).toEqual({ name: 'Achiet-le-Petit', membership: { status: 'ACTIVE' } });
  });
});
