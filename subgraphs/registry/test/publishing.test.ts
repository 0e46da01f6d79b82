import { revokeToken } from '../src/auth/tokens';
import { SIREN, TOOL_FIELDS, codes, startRegistry, toolInput, type TestRegistry } from './registryTestKit';

const CREATE = `mutation($siren: String!, $input: AiToolInput!) { createAiTool(siren: $siren, input: $input) { ${TOOL_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: AiToolPatch!) { updateAiTool(id: $id, input: $input) { ${TOOL_FIELDS} pendingChanges { number data } } }`;
const PUBLISH = `mutation($id: ID!) { publishAiTool(id: $id) { ${TOOL_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String) { withdrawAiTool(id: $id, reason: $reason) { ${TOOL_FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveAiTool(id: $id) { ${TOOL_FIELDS} } }`;
const GET = `query($id: ID!) { aiTool(id: $id) { ${TOOL_FIELDS} versions { number state change note data } } }`;

let reg: TestRegistry;
let token: string;

beforeAll(async () => {
  reg = await startRegistry({ siren: SIREN.arras, name: 'Arras', departement: '62', region: '32' });
  token = await reg.token();
});
afterAll(() => reg.stop());

describe('publishing lifecycle', () => {
  const id = `${SIREN.arras}:tri-automatique-du-courrier-entrant`;

  it('creates a draft visible to publishers only', async () => {
    const created = await reg.gql(CREATE, { siren: SIREN.arras, input: toolInput() }, token);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createAiTool).toMatchObject({ id, state: 'DRAFT', version: 1 });

    const anonymous = await reg.gql(GET, { id });
    expect(anonymous.body.data.aiTool).toBeNull();
    const publisher = await reg.gql(GET, { id }, token);
    expect(publisher.body.data.aiTool.state).toBe('DRAFT');
  });

  it('publishes, then keeps edits pending until they are published', async () => {
    const published = await reg.gql(PUBLISH, { id }, token);
    expect(published.body.data.publishAiTool).toMatchObject({ state: 'PUBLISHED', version: 2 });

    const edited = await reg.gql(UPDATE, { id, input: { name: 'Tri du courrier entrant (v2)' } }, token);
    expect(edited.body.errors).toBeUndefined();
    expect(edited.body.data.updateAiTool.name).toBe('Tri automatique du courrier entrant');
    expect(edited.body.data.updateAiTool.pendingChanges.data.name).toBe('Tri du courrier entrant (v2)');

    const publicView = await reg.gql(GET, { id });
    expect(publicView.body.data.aiTool.name).toBe('Tri automatique du courrier entrant');

    const republished = await reg.gql(PUBLISH, { id }, token);
    expect(republished.body.data.publishAiTool).toMatchObject({ name: 'Tri du courrier entrant (v2)', version: 3 });
  });

  it('withdraws and archives, keeping every version', async () => {
    const withdrawn = await reg.gql(WITHDRAW, { id, reason: 'Marché terminé' }, token);
    expect(withdrawn.body.data.withdrawAiTool.state).toBe('WITHDRAWN');
    const archived = await reg.gql(ARCHIVE, { id }, token);
    expect(archived.body.data.archiveAiTool.state).toBe('ARCHIVED');

    const history = (await reg.gql(GET, { id })).body.data.aiTool.versions;
    expect(history.map((v: any) => [v.number, v.state, v.change])).toEqual([
      [2, 'PUBLISHED', 'PUBLISHED'],
      [3, 'PUBLISHED', 'UPDATED'],
      [4, 'WITHDRAWN', 'WITHDRAWN'],
      [5, 'ARCHIVED', 'ARCHIVED'],
    ]);
    expect(history[2].note).toBe('Marché terminé');
    expect(history[0].data.name).toBe('Tri automatique du courrier entrant');
    const withDrafts = (await reg.gql(GET, { id }, token)).body.data.aiTool.versions;
    expect(withDrafts[0]).toMatchObject({ number: 1, state: 'DRAFT', change: 'CREATED' });

    const again = await reg.gql(UPDATE, { id, input: { name: 'x' } }, token);
    expect(codes(again.body)).toEqual(['CONFLICT']);
  });

  it('feeds harvesters with every public change, in order', async () => {
    const res = await reg.gql(`{ changes(since: "2000-01-01T00:00:00Z") { totalCount edges { node { entityId kind version } } } }`);
    expect(res.body.data.changes.edges.map((e: any) => [e.node.kind, e.node.version])).toEqual([
      ['PUBLISHED', 2],
      ['UPDATED', 3],
      ['WITHDRAWN', 4],
      ['ARCHIVED', 5],
    ]);
  });
});

describe('authorization', () => {
  it('refuses a missing, unknown or revoked token with UNAUTHENTICATED and writes nothing', async () => {
    const before = await reg.server.prisma.aiTool.count();
    const input = toolInput({ slug: 'outil-non-autorise' });
    expect(codes((await reg.gql(CREATE, { siren: SIREN.arras, input })).body)).toEqual(['UNAUTHENTICATED']);
    expect(codes((await reg.gql(CREATE, { siren: SIREN.arras, input }, 'bibia_pub_nope')).body)).toEqual(['UNAUTHENTICATED']);
    const revoked = await reg.token('Ancien agent');
    const row = await reg.server.prisma.publisherToken.findFirst({ where: { label: 'Ancien agent' } });
    await revokeToken(reg.server.prisma, row!.id);
    const res = await reg.gql(CREATE, { siren: SIREN.arras, input }, revoked);
    expect(codes(res.body)).toEqual(['UNAUTHENTICATED']);
    expect(res.body.errors![0].message).toMatch(/revoked/);
    expect(await reg.server.prisma.aiTool.count()).toBe(before);
  });

  it("refuses a token used on another collectivité's data with FORBIDDEN", async () => {
    const res = await reg.gql(CREATE, { siren: SIREN.bethune, input: toolInput({ slug: 'autre' }) }, token);
    expect(codes(res.body)).toEqual(['FORBIDDEN']);
    const upd = await reg.gql(UPDATE, { id: `${SIREN.bethune}:un-outil`, input: { name: 'x' } }, token);
    expect(codes(upd.body)).toEqual(['FORBIDDEN']);
  });
});
