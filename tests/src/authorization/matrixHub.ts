import crypto from 'node:crypto';
import { dropSchema, testDatabaseUrl } from '@bibia/kit';
import { setMembership, upsertCollectivite, type CollectiviteInput } from '@bibia/directory';
import { bundledSeedFile, createToken, readSeedFile, seedRegistry, type RegistryServer, type SeedFile } from '@bibia/registry';
import { generateHubSigningKey, importHubSigningKey, PARTNER_AUDIENCE, signHubCredential, withCheckDigit } from '@bibia/core';
import { gql, type GqlResult } from '../gql';
import { startStack, type Stack, type StorageFor } from '../startStack';

/** Member A (Arras) and member B (Béthune): A is the registry every "direct" cell asks. */
export const A = '216200410';
export const B = '200072460';
/** Pas-de-Calais: a SUSPENDED member at an address nobody serves, for the membership mutations. */
export const C = '226200012';

/** The entries of A and B the matrix reads: each kind of non-public content, and public ones. */
export const ENTRIES = {
  aPublishedTool: `${A}:tri-courrier-entrant`,
  aDraftTool: `${A}:aide-redaction-deliberations`,
  aWithdrawnTool: `${A}:comptage-flux-pietons-centre-ville`,
  /** Published, with pending (unpublished) changes saved by A's publisher. */
  aPendingTool: `${A}:traduction-accueil-guichets`,
  aPublicReport: `${A}:tri-courrier-bilan-18-mois`,
  aPartnersReport: `${A}:traduction-guichets-evaluation-usagers-agents`,
  aDraftReport: `${A}:tri-courrier-brouillon`,
  aWithdrawnReport: `${A}:tri-courrier-retire`,
  bPublishedTool: `${B}:optimisation-tournees-collecte`,
  bDraftTool: `${B}:aide-instruction-aides-entreprises`,
  bPartnersReport: `${B}:pilote-cameras-depots-sauvages-six-mois`,
} as const;

export type Role = 'anonymous' | 'partner' | 'publisherA' | 'publisherB' | 'hubAdmin' | 'invalidToken' | 'forgedPartner';
/** The columns of the matrix, in order. */
export const ROLES: Role[] = ['anonymous', 'partner', 'publisherA', 'publisherB', 'hubAdmin', 'invalidToken', 'forgedPartner'];

/** Where a cell sends its request: member A's registry, the directory, the national index, or the gateway. */
export type Target = 'member' | 'directory' | 'index' | 'gateway';

/** Small seeds cut from the bundled ones: every state and visibility the matrix needs, fast to load. */
function matrixSeed(siren: string, tools: Record<string, string>, reports: Record<string, { from: string; state?: string }>): SeedFile {
  const bundled = readSeedFile(bundledSeedFile(siren)!);
  return {
    owner: bundled.owner,
    tools: Object.entries(tools).map(([slug, state]) => ({ ...bundled.tools.find((t) => t.slug === slug)!, state })),
    reports: Object.entries(reports).map(([slug, { from, state }]) => ({ ...bundled.reports.find((r) => r.slug === from)!, slug, state })),
  };
}

const SEEDS: SeedFile[] = [
  matrixSeed(
    A,
    { 'tri-courrier-entrant': 'PUBLISHED', 'traduction-accueil-guichets': 'PUBLISHED', 'comptage-flux-pietons-centre-ville': 'WITHDRAWN', 'aide-redaction-deliberations': 'DRAFT' },
    {
      'tri-courrier-bilan-18-mois': { from: 'tri-courrier-bilan-18-mois' },
      'traduction-guichets-evaluation-usagers-agents': { from: 'traduction-guichets-evaluation-usagers-agents' },
      'tri-courrier-brouillon': { from: 'tri-courrier-bilan-18-mois', state: 'DRAFT' },
      'tri-courrier-retire': { from: 'tri-courrier-bilan-18-mois', state: 'WITHDRAWN' },
    },
  ),
  matrixSeed(
    B,
    { 'optimisation-tournees-collecte': 'PUBLISHED', 'detection-depots-sauvages': 'PUBLISHED', 'aide-instruction-aides-entreprises': 'DRAFT' },
    {
      'bilan-deux-ans-optimisation-collecte': { from: 'bilan-deux-ans-optimisation-collecte' },
      'pilote-cameras-depots-sauvages-six-mois': { from: 'pilote-cameras-depots-sauvages-six-mois' },
    },
  ),
];

export interface MatrixHub {
  stack: Stack;
  memberA: RegistryServer;
  memberB: RegistryServer;
  /** The id of the partner whose credential is the `partner` role. */
  partnerId: string;
  /** `Authorization` headers of each role. */
  headers: Record<Role, Record<string, string>>;
  /** Sends `query` to `target` as `role`. */
  ask(target: Target, role: Role, query: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  /** A new entry of A or B in `state`, made through the registry's services (never through the API under test). */
  freshTool(siren: string, state: 'DRAFT' | 'PUBLISHED'): Promise<string>;
  freshReport(siren: string, state: 'DRAFT' | 'PUBLISHED'): Promise<string>;
  /** A new partner, issued by the hub admin at the directory. */
  freshPartner(): Promise<string>;
  /** A new collectivité of the directory, not a member: its SIREN. */
  freshCollectivite(): Promise<string>;
  /** A new pending membership request of a new collectivité, sent anonymously: its id. */
  freshMembershipRequest(): Promise<string>;
  /**
   * A new pending request whose registry URL is A's (loopback http), written straight into the
   * directory's database: the directory would refuse it at `requestMembership`, and refuses it
   * again when the hub admin approves it.
   */
  loopbackMembershipRequest(): Promise<string>;
  /** A pending membership request the refused cells aim at. */
  pendingRequestId: string;
  /**
   * Everything a refused write could have changed, for a before/after comparison: in the
   * databases of members A and B (the registry's mutations), or of the directory (the hub's).
   */
  snapshot(scope: 'members' | 'directory'): Promise<unknown>;
  stop(): Promise<void>;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A registry URL the directory's policy accepts in a request to join (https, a public address;
 * nothing is fetched before an approval).
 */
export const PUBLIC_REGISTRY_URL = 'https://9.9.9.9/graphql';

/**
 * The hub of the authorization matrix: directory, members A and B (small seeds), a suspended
 * member C nobody serves, the national index (harvested once) and the gateway; a partner
 * credential issued by the hub admin, publisher tokens of A and B. In-memory PGlite, or
 * PostgreSQL schemas when TEST_DATABASE_URL is set.
 */
export async function startMatrixHub(): Promise<MatrixHub> {
  const schemas: string[] = [];
  const storage: StorageFor = (service) => {
    const databaseUrl = testDatabaseUrl(`authz_${service}`);
    if (!databaseUrl) return { dataDir: `memory://authz-${service}-${crypto.randomBytes(3).toString('hex')}` };
    schemas.push(databaseUrl);
    return { databaseUrl, dataDir: 'unused', poolSize: 2 };
  };
  const stack = await startStack({
    web: false,
    storage,
    members: SEEDS.map((seed) => ({ siren: seed.owner.siren, seed })),
    index: { harvest: false, staleAfterMs: 3_600_000 },
    gateway: { responseCacheTtlMs: 0, memberTimeoutMs: 15_000, indexTimeoutMs: 15_000 },
  });
  const stop = async () => {
    await stack.stop();
    for (const url of schemas) await dropSchema(url).catch(() => {});
  };
  try {
    const memberA = stack.members.get(A)!;
    const memberB = stack.members.get(B)!;
    await setMembership(stack.directory.prisma, { siren: C, registryUrl: 'https://registre.pas-de-calais.invalid/graphql', status: 'SUSPENDED' });
    await Promise.all([stack.gateway.members?.refresh(), stack.index!.members.refresh()]);
    await stack.index!.harvestOnce();

    const admin = (query: string, variables?: Record<string, unknown>) => gql(stack.directory.graphqlUrl, query, variables, { headers: bearer(stack.adminToken) });
    const issue = async (name: string) => {
      const { body } = await admin('mutation($input: IssuePartnerCredentialInput!) { issuePartnerCredential(input: $input) { credential partner { id } } }', { input: { name } });
      if (body.errors) throw new Error(`could not issue a partner credential: ${JSON.stringify(body.errors)}`);
      return body.data.issuePartnerCredential as { credential: string; partner: { id: string } };
    };
    const partner = await issue('Laboratoire de la matrice');
    // Pending changes on a published tool of A: only A's publishers may see them.
    const publisherA = (await createToken(memberA.prisma, 'matrice')).token;
    const pending = await gql(memberA.graphqlUrl, `mutation { updateAiTool(id: "${ENTRIES.aPendingTool}", input: { summary: "Résumé en préparation" }) { id } }`, {}, { headers: bearer(publisherA) });
    if (pending.body.errors) throw new Error(`could not save pending changes: ${JSON.stringify(pending.body.errors)}`);
    const otherKey = await importHubSigningKey(await generateHubSigningKey());
    const forged = await signHubCredential(otherKey, { subject: partner.partner.id, audience: PARTNER_AUDIENCE, name: 'Faussaire', expiresAt: new Date(Date.now() + 3_600_000) });
    const headers: Record<Role, Record<string, string>> = {
      anonymous: {},
      partner: bearer(partner.credential),
      publisherA: bearer(publisherA),
      publisherB: bearer((await createToken(memberB.prisma, 'matrice')).token),
      hubAdmin: bearer(stack.adminToken),
      // Names A as its issuer, but A never issued it: the gateway forwards it to A, which refuses it.
      invalidToken: bearer(`bibia_pub_${A}_${crypto.randomBytes(32).toString('base64url')}`),
      forgedPartner: bearer(forged),
    };
    const urls: Record<Target, string> = {
      member: memberA.graphqlUrl,
      directory: stack.directory.graphqlUrl,
      index: stack.index!.graphqlUrl,
      gateway: stack.gatewayUrl,
    };
    let n = 0;
    const freshCollectivite = async () => {
      const siren = withCheckDigit(String(90_000_000 + ++n));
      await upsertCollectivite(stack.directory.prisma, { siren, name: `Commune de la matrice ${n}`, legalCategory: '7210' } as CollectiviteInput);
      return siren;
    };
    const freshMembershipRequest = async () => {
      const input = { siren: await freshCollectivite(), registryUrl: PUBLIC_REGISTRY_URL, contactEmail: 'dsi@matrice.example' };
      const { body } = await gql(stack.directory.graphqlUrl, 'mutation($input: MembershipRequestInput!) { requestMembership(input: $input) { id } }', { input });
      if (body.errors) throw new Error(`could not request membership: ${JSON.stringify(body.errors)}`);
      return body.data.requestMembership.id as string;
    };
    const member = (siren: string) => (siren === A ? memberA : memberB);
    const seedOf = (siren: string) => SEEDS.find((s) => s.owner.siren === siren)!;
    return {
      stack,
      memberA,
      memberB,
      partnerId: partner.partner.id,
      headers,
      ask: (target, role, query, variables) => gql(urls[target], query, variables, { headers: headers[role] }),
      freshTool: async (siren, state) => {
        const slug = `matrice-outil-${++n}`;
        await seedRegistry(member(siren).prisma, member(siren).owner, { owner: member(siren).owner, tools: [{ ...seedOf(siren).tools[0], slug, state }], reports: [] });
        return `${siren}:${slug}`;
      },
      freshReport: async (siren, state) => {
        const slug = `matrice-retour-${++n}`;
        const seed = seedOf(siren);
        // Reports go on the first tool of the seed, which is published.
        const report = { ...seed.reports[0], slug, toolSlug: seed.tools[0].slug, state };
        await seedRegistry(member(siren).prisma, member(siren).owner, { owner: member(siren).owner, tools: [], reports: [report] });
        return `${siren}:${slug}`;
      },
      freshPartner: async () => (await issue(`Partenaire ${++n}`)).partner.id,
      freshCollectivite,
      freshMembershipRequest,
      loopbackMembershipRequest: async () => {
        const request = { id: `matrice${++n}`, siren: await freshCollectivite(), registryUrl: memberA.graphqlUrl, contactEmail: 'dsi@matrice.example' };
        return (await stack.directory.prisma.membershipRequest.create({ data: request })).id;
      },
      pendingRequestId: await freshMembershipRequest(),
      snapshot: async (scope) => {
        const d = stack.directory.prisma;
        // Every write moves an entry's updatedAt, or adds a version or a change to the feed.
        const stamp = { id: true, state: true, version: true, updatedAt: true } as const;
        const entries = (m: RegistryServer) =>
          Promise.all([
            m.prisma.aiTool.findMany({ select: stamp, orderBy: { id: 'asc' } }),
            m.prisma.practiceReport.findMany({ select: stamp, orderBy: { id: 'asc' } }),
            m.prisma.aiToolVersion.count(),
            m.prisma.practiceReportVersion.count(),
            m.prisma.changeEvent.count(),
          ]);
        if (scope === 'members') return Promise.all([entries(memberA), entries(memberB)]);
        return Promise.all([
          d.aiProduct.findMany({ orderBy: { id: 'asc' } }),
          d.collectivite.count(),
          d.collectivite.findMany({ where: { siren: { in: [A, B, C] } }, select: { siren: true, name: true, updatedAt: true }, orderBy: { siren: 'asc' } }),
          // Health reports of the gateway move lastSeenAt: everything else of a membership is compared.
          d.membership.findMany({ orderBy: { siren: 'asc' } }).then((rows) => rows.map(({ lastSeenAt: _seen, updatedAt: _updated, ...rest }) => rest)),
          d.partner.findMany({ orderBy: { id: 'asc' } }),
          d.membershipRequest.findMany({ orderBy: { id: 'asc' } }),
        ]);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
