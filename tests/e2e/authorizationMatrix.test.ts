import { BAD, expectOutcome, FORB, HID, OK, UNAUTH, type Outcome } from '../src/authorization/expectOutcome';
import { A, B, C, ENTRIES as E, PUBLIC_REGISTRY_URL, ROLES, startMatrixHub, type MatrixHub, type Role, type Target } from '../src/authorization/matrixHub';
import { rootFieldsOf } from '../src/authorization/schemaFields';
import { STACK_START_TIMEOUT_MS } from '../src/startRealStack';

// Issue 9, "Done when": who may read and write what, as a table — operation × role → outcome —
// asked directly at member A's registry (or the directory, or the index) and through the
// gateway, one test per cell. A refused write is read back: nothing was written. The roles:
// anonymous, a partner (credential issued by the hub admin), a publisher of A, a publisher of B,
// the hub admin, an invalid token (a publisher token naming A that A never issued) and a forged
// partner credential (signed by another key). docs/security.md states the same model in prose.

type Cells = [anonymous: Outcome, partner: Outcome, publisherA: Outcome, publisherB: Outcome, hubAdmin: Outcome, invalidToken: Outcome, forgedPartner: Outcome];

interface Row {
  /** The schema field the row covers: a root field (`Query.x`, `Mutation.y`) or a nested one (`AiTool.x`). */
  field: string;
  /** What the row asks about. */
  about: string;
  at: Target[];
  cells: Cells;
  query: string;
  /** Variables; `write` is true in a cell expected to write (it then gets fresh entries). */
  variables?: (hub: MatrixHub, write: boolean) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Whether an answer shows what the row is about. Reads: `secret` appears in the data unless given. */
  shows?: (data: any, hub: MatrixHub) => boolean | Promise<boolean>;
  /** The id (or text) whose presence in a read's data shows it. */
  secret?: string;
  /** A mutation: a refused cell must leave the databases it could reach as they were. */
  write?: boolean;
}

//                          anonymous partner publisherA publisherB hubAdmin invalid forged
const PUBLIC: Cells = /*      */ [OK, OK, OK, OK, OK, OK, UNAUTH];
const PUBLISHER_A: Cells = /* */ [HID, HID, OK, HID, HID, HID, UNAUTH];
const PARTNERS_A: Cells = /*  */ [HID, OK, OK, HID, HID, HID, UNAUTH];
/**
 * Through the gateway, a publisher token goes with a request only when the request names its
 * member (an id or `sirens` of it, `registry(siren:)`, a mutation): national lists, the national
 * feed and fields under a collectivité are read as anonymous. Partners read nationally.
 */
const PARTNERS: Cells = /*    */ [HID, OK, HID, HID, HID, HID, UNAUTH];
const NOBODY: Cells = /*      */ [HID, HID, HID, HID, HID, HID, UNAUTH];
const DRAFTS_A: Cells = /*    */ [FORB, FORB, OK, FORB, FORB, FORB, UNAUTH];
const HUB_ADMIN: Cells = /*   */ [UNAUTH, UNAUTH, UNAUTH, UNAUTH, OK, UNAUTH, UNAUTH];
/** A write of A's data, at A or through the gateway. */
const WRITE_A: Cells = /*     */ [UNAUTH, UNAUTH, OK, UNAUTH, UNAUTH, UNAUTH, UNAUTH];
/** A write of B's data sent to A's registry: A's publisher is known there, and refused. */
const WRITE_B_AT_A: Cells = /**/ [UNAUTH, UNAUTH, FORB, UNAUTH, UNAUTH, UNAUTH, UNAUTH];
/** A write of B's data through the gateway: only B's publisher token reaches B. */
const WRITE_B: Cells = /*     */ [UNAUTH, UNAUTH, UNAUTH, OK, UNAUTH, UNAUTH, UNAUTH];

const BOTH: Target[] = ['member', 'gateway'];
const HUB: Target[] = ['directory', 'gateway'];

const publishedCounts = async (hub: MatrixHub) => ({
  toolCount: await hub.memberA.prisma.aiTool.count({ where: { state: 'PUBLISHED' } }),
  reportCount: await hub.memberA.prisma.practiceReport.count({ where: { state: 'PUBLISHED', visibility: 'PUBLIC' } }),
});
/** A count shows non-public entries when it is above what anonymous callers may count. */
const countsShowMore = async (stats: { toolCount: number; reportCount: number } | null, hub: MatrixHub) => {
  const pub = await publishedCounts(hub);
  return stats !== null && (stats.toolCount > pub.toolCount || stats.reportCount > pub.reportCount);
};

const READS: Row[] = [
  { field: 'Query.aiTool', about: "a draft of A, by id", at: BOTH, cells: PUBLISHER_A, secret: E.aDraftTool, query: `{ aiTool(id: "${E.aDraftTool}") { id state } }` },
  { field: 'Query.aiTool', about: 'a withdrawn tool of A, by id (public)', at: BOTH, cells: PUBLIC, secret: E.aWithdrawnTool, query: `{ aiTool(id: "${E.aWithdrawnTool}") { id state } }` },
  { field: 'Query.aiTools', about: "A's drafts (states: DRAFT)", at: BOTH, cells: DRAFTS_A, secret: E.aDraftTool, query: `{ aiTools(filter: { sirens: ["${A}"], states: [DRAFT] }) { totalCount edges { node { id } } } }` },
  { field: 'Query.aiTools', about: 'the default list never has drafts', at: BOTH, cells: NOBODY, secret: E.aDraftTool, query: '{ aiTools(first: 100) { totalCount edges { node { id } } } }' },
  { field: 'Query.aiTools', about: 'withdrawn tools (states: WITHDRAWN, public)', at: BOTH, cells: PUBLIC, secret: E.aWithdrawnTool, query: `{ aiTools(filter: { sirens: ["${A}"], states: [WITHDRAWN] }) { edges { node { id } } } }` },
  { field: 'Query.practiceReports', about: "the default list: A's PARTNERS report", at: ['member'], cells: PARTNERS_A, secret: E.aPartnersReport, query: '{ practiceReports(first: 100) { totalCount edges { node { id } } } }' },
  { field: 'Query.practiceReports', about: "a national list: A's PARTNERS report", at: ['gateway'], cells: PARTNERS, secret: E.aPartnersReport, query: '{ practiceReports(first: 100) { totalCount edges { node { id } } } }' },
  { field: 'Query.practiceReports', about: "a list naming A: A's PARTNERS report", at: BOTH, cells: PARTNERS_A, secret: E.aPartnersReport, query: `{ practiceReports(filter: { sirens: ["${A}"] }) { totalCount edges { node { id } } } }` },
  { field: 'Query.practiceReports', about: "A's drafts (states: DRAFT)", at: BOTH, cells: DRAFTS_A, secret: E.aDraftReport, query: `{ practiceReports(filter: { sirens: ["${A}"], states: [DRAFT] }) { edges { node { id } } } }` },
  { field: 'Query.practiceReport', about: "A's PARTNERS report, by id", at: BOTH, cells: PARTNERS_A, secret: E.aPartnersReport, query: `{ practiceReport(id: "${E.aPartnersReport}") { id visibility } }` },
  { field: 'Query.practiceReport', about: "a draft report of A, by id", at: BOTH, cells: PUBLISHER_A, secret: E.aDraftReport, query: `{ practiceReport(id: "${E.aDraftReport}") { id state } }` },
  { field: 'Query.practiceReport', about: 'a withdrawn report of A, by id (public)', at: BOTH, cells: PUBLIC, secret: E.aWithdrawnReport, query: `{ practiceReport(id: "${E.aWithdrawnReport}") { id state } }` },
  { field: 'Query.changes', about: "the feed: the id of A's PARTNERS report", at: ['member'], cells: PARTNERS_A, secret: E.aPartnersReport, query: '{ changes(since: "2000-01-01T00:00:00Z", first: 100) { totalCount edges { node { entityId } } } }' },
  { field: 'Query.changes', about: "the national feed: the id of A's PARTNERS report", at: ['gateway'], cells: PARTNERS, secret: E.aPartnersReport, query: '{ changes(since: "2000-01-01T00:00:00Z", first: 100) { totalCount edges { node { entityId } } } }' },
  { field: 'Query.changes', about: 'the feed never has drafts', at: BOTH, cells: NOBODY, secret: E.aDraftReport, query: '{ changes(since: "2000-01-01T00:00:00Z", first: 100) { edges { node { entityId } } } }' },
  {
    field: 'Query.registry', about: "A's counts leave out drafts, withdrawn and PARTNERS entries", at: BOTH, cells: NOBODY,
    query: `{ registry(siren: "${A}") { toolCount reportCount } }`, shows: (d, hub) => countsShowMore(d.registry, hub),
  },
  { field: 'Query._entities', about: 'a draft of A, by representation', at: ['member'], cells: PUBLISHER_A, secret: E.aDraftTool, query: `{ _entities(representations: [{ __typename: "AiTool", id: "${E.aDraftTool}" }]) { ... on AiTool { id } } }` },
  { field: 'Query._entities', about: "A's PARTNERS report, by representation", at: ['member'], cells: PARTNERS_A, secret: E.aPartnersReport, query: `{ _entities(representations: [{ __typename: "PracticeReport", id: "${E.aPartnersReport}" }]) { ... on PracticeReport { id } } }` },
  {
    field: 'Query._entities', about: "A's counts, by representation of its collectivité", at: ['member'], cells: NOBODY,
    query: `{ _entities(representations: [{ __typename: "Collectivite", siren: "${A}" }]) { ... on Collectivite { registryStats { toolCount reportCount } } } }`,
    shows: (d, hub) => countsShowMore(d._entities[0].registryStats, hub),
  },
  // The index holds published PUBLIC content only (harvested once at start: 2 public reports).
  { field: 'Query.libraryStats', about: 'national counts are of public content', at: ['index'], cells: [HID, HID, HID, HID, HID, HID, HID], query: '{ libraryStats { reportCount } }', shows: (d) => d.libraryStats.reportCount !== 2 },
  { field: 'Query.libraryStats', about: 'national counts are of public content', at: ['gateway'], cells: NOBODY, query: '{ libraryStats { reportCount } }', shows: (d) => d.libraryStats.reportCount !== 2 },
  { field: 'AiTool.practiceReports', about: "A's PARTNERS report under its tool", at: BOTH, cells: PARTNERS_A, secret: E.aPartnersReport, query: `{ aiTool(id: "${E.aPendingTool}") { practiceReports { id } } }` },
  { field: 'AiTool.pendingChanges', about: "unpublished changes of A's tool", at: BOTH, cells: PUBLISHER_A, query: `{ aiTool(id: "${E.aPendingTool}") { pendingChanges { number } } }`, shows: (d) => d.aiTool.pendingChanges !== null },
  { field: 'AiTool.versions', about: "draft versions of A's tool", at: BOTH, cells: PUBLISHER_A, query: `{ aiTool(id: "${E.aPendingTool}") { versions { state } } }`, shows: (d) => d.aiTool.versions.some((v: { state: string }) => v.state === 'DRAFT') },
  { field: 'Collectivite.practiceReports', about: "A's PARTNERS report under its collectivité", at: ['gateway'], cells: PARTNERS, secret: E.aPartnersReport, query: `{ collectivite(siren: "${A}") { practiceReports(first: 100) { edges { node { id } } } } }` },
  { field: 'Collectivite.registryStats', about: "A's counts under its collectivité", at: ['gateway'], cells: NOBODY, query: `{ collectivite(siren: "${A}") { registryStats { toolCount reportCount } } }`, shows: (d, hub) => countsShowMore(d.collectivite.registryStats, hub) },
  { field: 'Query.partnerCredentials', about: 'the partners of the hub', at: HUB, cells: HUB_ADMIN, query: '{ partnerCredentials { id status } }', shows: (d, hub) => JSON.stringify(d).includes(hub.partnerId) },
];

/** A mutation of the registry contract, asked about an entry of `owner` (A or B). */
interface RegistryWrite {
  field: string;
  query: string;
  variables: (hub: MatrixHub, owner: string, write: boolean) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

/** Counters that keep the slugs of created entries apart. */
let created = 0;
const REGISTRY_WRITES: RegistryWrite[] = [
  { field: 'createAiTool', query: 'mutation($siren: String!, $slug: String!) { createAiTool(siren: $siren, input: { slug: $slug, name: "Outil de la matrice" }) { id } }', variables: (_, siren) => ({ siren, slug: `matrice-creation-${++created}` }) },
  { field: 'updateAiTool', query: 'mutation($id: ID!) { updateAiTool(id: $id, input: { summary: "Résumé changé par la matrice" }) { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshTool(siren, 'DRAFT') : draftTool(siren) }) },
  { field: 'publishAiTool', query: 'mutation($id: ID!) { publishAiTool(id: $id) { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshTool(siren, 'DRAFT') : draftTool(siren) }) },
  { field: 'withdrawAiTool', query: 'mutation($id: ID!) { withdrawAiTool(id: $id, reason: "Matrice") { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshTool(siren, 'PUBLISHED') : publishedTool(siren) }) },
  { field: 'archiveAiTool', query: 'mutation($id: ID!) { archiveAiTool(id: $id) { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshTool(siren, 'PUBLISHED') : publishedTool(siren) }) },
  {
    field: 'importAiTools', query: 'mutation($siren: String!, $rows: [JSONObject!]!) { importAiTools(siren: $siren, rows: $rows) { created updated } }',
    variables: (_, siren) => ({ siren, rows: [{ slug: `matrice-import-${++created}`, name: 'Outil importé par la matrice' }] }),
  },
  {
    field: 'createPracticeReport', query: 'mutation($toolId: ID!, $slug: String!) { createPracticeReport(toolId: $toolId, input: { slug: $slug, title: "Retour de la matrice", reportDate: "2025-01-15" }) { id } }',
    variables: (_, siren) => ({ toolId: publishedTool(siren), slug: `matrice-creation-${++created}` }),
  },
  { field: 'updatePracticeReport', query: 'mutation($id: ID!) { updatePracticeReport(id: $id, input: { title: "Titre changé par la matrice" }) { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshReport(siren, 'DRAFT') : partnersReport(siren) }) },
  { field: 'publishPracticeReport', query: 'mutation($id: ID!) { publishPracticeReport(id: $id) { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshReport(siren, 'DRAFT') : siren === A ? E.aDraftReport : partnersReport(siren) }) },
  { field: 'withdrawPracticeReport', query: 'mutation($id: ID!) { withdrawPracticeReport(id: $id, reason: "Matrice") { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshReport(siren, 'PUBLISHED') : partnersReport(siren) }) },
  { field: 'archivePracticeReport', query: 'mutation($id: ID!) { archivePracticeReport(id: $id) { id } }', variables: async (hub, siren, write) => ({ id: write ? await hub.freshReport(siren, 'PUBLISHED') : partnersReport(siren) }) },
];
const draftTool = (siren: string) => (siren === A ? E.aDraftTool : E.bDraftTool);
const publishedTool = (siren: string) => (siren === A ? E.aPublishedTool : E.bPublishedTool);
const partnersReport = (siren: string) => (siren === A ? E.aPartnersReport : E.bPartnersReport);

const WRITES: Row[] = REGISTRY_WRITES.flatMap(({ field, query, variables }): Row[] => [
  { field: `Mutation.${field}`, about: "an entry of A", at: BOTH, cells: WRITE_A, query, write: true, variables: (hub, write) => variables(hub, A, write) },
  { field: `Mutation.${field}`, about: "an entry of B, sent to A's registry", at: ['member'], cells: WRITE_B_AT_A, query, write: true, variables: (hub, write) => variables(hub, B, write) },
  { field: `Mutation.${field}`, about: 'an entry of B', at: ['gateway'], cells: WRITE_B, query, write: true, variables: (hub, write) => variables(hub, B, write) },
]);

let fresh = 0;

const HUB_WRITES: Row[] = [
  {
    field: 'Mutation.upsertAiProduct', about: 'a new product', at: HUB, cells: HUB_ADMIN, write: true,
    query: 'mutation($id: String!) { upsertAiProduct(input: { id: $id, name: "Produit de la matrice", vendor: { name: "Éditeur" }, category: OTHER, hosting: [FRENCH_CLOUD] }) { id } }',
    variables: () => ({ id: `matrice-produit-${++fresh}` }),
  },
  {
    // Refused cells would rename A; the admin's cell creates a new collectivité.
    field: 'Mutation.upsertCollectivite', about: 'a collectivité', at: HUB, cells: HUB_ADMIN, write: true,
    query: 'mutation($siren: String!) { upsertCollectivite(input: { siren: $siren, name: "Commune de la matrice", legalCategory: "7210" }) { siren } }',
    variables: async (hub, write) => ({ siren: write ? await hub.freshCollectivite() : A }),
  },
  {
    // The admin passes authorization; the directory then refuses the loopback http URL (no
    // ALLOW_PRIVATE_MEMBER_URLS in this hub), before any request to it.
    field: 'Mutation.registerMember', about: "A's registry again", at: HUB, cells: [UNAUTH, UNAUTH, UNAUTH, UNAUTH, BAD, UNAUTH, UNAUTH], write: true,
    query: 'mutation($siren: String!, $url: String!) { registerMember(siren: $siren, registryUrl: $url) { siren } }',
    variables: (hub) => ({ siren: A, url: hub.memberA.graphqlUrl }),
  },
  // Refused cells aim at live members (A stays routed); the admin's at C, which no one serves.
  { field: 'Mutation.suspendMember', about: 'a member', at: HUB, cells: HUB_ADMIN, write: true, query: 'mutation($siren: String!) { suspendMember(siren: $siren, reason: "Matrice") { siren } }', variables: (_, write) => ({ siren: write ? C : A }) },
  { field: 'Mutation.reactivateMember', about: 'a member', at: HUB, cells: HUB_ADMIN, write: true, query: 'mutation($siren: String!) { reactivateMember(siren: $siren) { siren } }', variables: (_, write) => ({ siren: write ? A : C }) },
  { field: 'Mutation.recordMemberHealth', about: 'a member', at: HUB, cells: HUB_ADMIN, write: true, query: 'mutation($siren: String!) { recordMemberHealth(siren: $siren, reachable: false) { siren } }', variables: (_, write) => ({ siren: write ? C : A }) },
  { field: 'Mutation.issuePartnerCredential', about: 'a new partner', at: HUB, cells: HUB_ADMIN, write: true, query: 'mutation { issuePartnerCredential(input: { name: "Partenaire de la matrice" }) { partner { id } } }' },
  {
    // Refused cells aim at the partner of the matrix (whose credential must keep working).
    field: 'Mutation.revokePartnerCredential', about: 'a partner', at: HUB, cells: HUB_ADMIN, write: true,
    query: 'mutation($id: ID!) { revokePartnerCredential(id: $id) { id } }', variables: async (hub, write) => ({ id: write ? await hub.freshPartner() : hub.partnerId }),
  },
];

/** Asking to join, for a new collectivité each time (one pending request per SIREN). */
const REQUEST_MEMBERSHIP = {
  field: 'Mutation.requestMembership', about: 'a request to join', write: true,
  query: 'mutation($input: MembershipRequestInput!) { requestMembership(input: $input) { id } }',
  variables: async (hub: MatrixHub) => ({ input: { siren: await hub.freshCollectivite(), registryUrl: PUBLIC_REGISTRY_URL, contactEmail: 'dsi@matrice.example' } }),
};

/** Joining (docs/joining.md): anyone may ask, the hub admin lists and decides. */
const JOINING: Row[] = [
  // A public write: the directory reads no credential for it (a forged one included); the gateway refuses a forged one first.
  { ...REQUEST_MEMBERSHIP, at: ['directory'], cells: [OK, OK, OK, OK, OK, OK, OK] },
  { ...REQUEST_MEMBERSHIP, at: ['gateway'], cells: PUBLIC },
  { field: 'Query.membershipRequests', about: 'the requests to join', at: HUB, cells: HUB_ADMIN, query: '{ membershipRequests { id status } }', shows: (d, hub) => JSON.stringify(d).includes(hub.pendingRequestId) },
  {
    // The admin passes authorization; the approval then runs registerMember, which refuses the
    // request's loopback http URL (no ALLOW_PRIVATE_MEMBER_URLS here) before any request to it.
    field: 'Mutation.approveMembershipRequest', about: 'a pending request', at: HUB, cells: [UNAUTH, UNAUTH, UNAUTH, UNAUTH, BAD, UNAUTH, UNAUTH], write: true,
    query: 'mutation($id: String!) { approveMembershipRequest(id: $id) { id status } }',
    variables: async (hub) => ({ id: await hub.loopbackMembershipRequest() }),
  },
  {
    field: 'Mutation.rejectMembershipRequest', about: 'a pending request', at: HUB, cells: HUB_ADMIN, write: true,
    query: 'mutation($id: String!) { rejectMembershipRequest(id: $id, reason: "Matrice") { id status } }',
    variables: async (hub, write) => ({ id: write ? await hub.freshMembershipRequest() : hub.pendingRequestId }),
  },
];

const MATRIX: Row[] = [...READS, ...WRITES, ...HUB_WRITES, ...JOINING];

/** Root fields that read public data only, and why they are not rows of the matrix. */
const PUBLIC_FIELDS: Record<string, string> = {
  'Query.aiProducts': 'the shared catalogue is public',
  'Query.aiProduct': 'the shared catalogue is public',
  'Query.collectivites': 'the directory of collectivités is public (their registry fields are rows: Collectivite.*)',
  'Query.collectivite': 'the directory of collectivités is public (their registry fields are rows: Collectivite.*)',
  'Query.members': 'the members and their registry URLs are public: they are public servers',
  'Query._service': 'the SDL of a subgraph, the same for everyone',
};

let hub: MatrixHub;
beforeAll(async () => {
  hub = await startMatrixHub();
}, STACK_START_TIMEOUT_MS);
afterAll(async () => {
  await hub?.stop();
});

describe('the matrix covers the schema', () => {
  it('has a row for every root field of the supergraph, the registry contract and the directory (or says why it is public)', () => {
    const covered = new Set([...MATRIX.map((r) => r.field), ...Object.keys(PUBLIC_FIELDS)]);
    const fields = rootFieldsOf(['supergraph.graphql', 'registry.graphql', 'directory.graphql', 'index.graphql']);
    expect([...fields].filter((f) => !covered.has(f))).toEqual([]);
    // And no row names a field the schema no longer has.
    expect(MATRIX.map((r) => r.field).filter((f) => f.startsWith('Query.') || f.startsWith('Mutation.')).filter((f) => !fields.has(f))).toEqual([]);
  });
});

const rootKey = (query: string) => /\{\s*(\w+)/.exec(query.replace(/^[^{]*/, ''))![1];

for (const row of MATRIX) {
  describe(`${row.field}: ${row.about}`, () => {
    for (const target of row.at) {
      ROLES.forEach((role: Role, i) => {
        const outcome = row.cells[i];
        it(`at ${target}, ${role} → ${outcome}`, async () => {
          const write = row.write === true && outcome === OK;
          const variables = (await row.variables?.(hub, write)) ?? {};
          // The registry's mutations are planned to members only, the others to the directory only.
          const scope = REGISTRY_WRITES.some((w) => row.field === `Mutation.${w.field}`) ? 'members' : 'directory';
          const before = row.write && !write ? await hub.snapshot(scope) : undefined;
          const result = await hub.ask(target, role, row.query, variables);
          const key = rootKey(row.query);
          const data = result.body.data;
          const shown = row.write ? data?.[key] != null : data?.[key] != null && (row.shows ? await row.shows(data, hub) : JSON.stringify(data).includes(row.secret!));
          expectOutcome(result, outcome, shown);
          if (before !== undefined) expect(await hub.snapshot(scope)).toEqual(before);
        });
      });
    }
  });
}
