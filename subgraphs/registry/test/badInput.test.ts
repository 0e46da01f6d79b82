import { SIREN, codes, startRegistry, toolInput, type TestRegistry } from './registryTestKit';

const CREATE = `mutation($siren: String!, $input: AiToolInput!) { createAiTool(siren: $siren, input: $input) { id } }`;

let reg: TestRegistry;
let token: string;

beforeAll(async () => {
  reg = await startRegistry({ siren: SIREN.bethune, name: 'CABBALR' });
  token = await reg.token();
});
afterAll(() => reg.stop());

async function expectRefused(variables: Record<string, unknown>, code: string, message: RegExp, query = CREATE) {
  const before = await reg.server.prisma.aiTool.count();
  const versionsBefore = await reg.server.prisma.aiToolVersion.count();
  const res = await reg.gql(query, variables, token);
  expect(codes(res.body)).toEqual([code]);
  expect(res.body.errors![0].message).toMatch(message);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.ts:\d+/); // never a stack trace
  expect(await reg.server.prisma.aiTool.count()).toBe(before);
  expect(await reg.server.prisma.aiToolVersion.count()).toBe(versionsBefore);
  return res.body.errors![0];
}

describe('bad input is refused with a clear error and nothing is written', () => {
  it('invalid SIREN (Luhn) and malformed ids', async () => {
    await expectRefused({ siren: '200072461', input: toolInput() }, 'BAD_USER_INPUT', /SIREN/);
    await expectRefused({ siren: '12345', input: toolInput() }, 'BAD_USER_INPUT', /SIREN/);
    const err = await expectRefused({ id: 'pas-un-id', input: { name: 'x' } }, 'BAD_USER_INPUT', /expected <siren>:<slug>/,
      `mutation($id: ID!, $input: AiToolPatch!) { updateAiTool(id: $id, input: $input) { id } }`);
    expect(err.extensions.field).toBe('id');
    const read = await reg.gql(`{ aiTool(id: "nope") { id } }`);
    expect(codes(read.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('unknown enum values', async () => {
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ riskLevel: 'EXTREME' }) }, 'BAD_USER_INPUT', /RiskLevel/);
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ themes: ['SPACE'] }) }, 'BAD_USER_INPUT', /Theme/);
  });

  it('texts over their limits', async () => {
    const err = await expectRefused({ siren: SIREN.bethune, input: toolInput({ name: 'x'.repeat(101) }) }, 'BAD_USER_INPUT', /name at most 100 characters/);
    expect(err.extensions.field).toBe('name');
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ summary: 'é'.repeat(401) }) }, 'BAD_USER_INPUT', /summary at most 400/);
  });

  it('malformed URLs, emails and dates', async () => {
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ sourceCodeUrl: 'javascript:alert(1)' }) }, 'BAD_USER_INPUT', /sourceCodeUrl must be an http\(s\) URL/);
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ websiteUrl: 'pas une url' }) }, 'BAD_USER_INPUT', /websiteUrl/);
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ contactEmail: 'nobody' }) }, 'BAD_USER_INPUT', /contactEmail/);
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ startDate: '2024-02-30' }) }, 'BAD_USER_INPUT', /YYYY-MM-DD/);
    await expectRefused({ siren: SIREN.bethune, input: toolInput({ startDate: '2024-05-01', endDate: '2023-01-01' }) }, 'BAD_USER_INPUT', /endDate must not be before startDate/);
    const since = await reg.gql(`{ changes(since: "hier") { totalCount } }`);
    expect(codes(since.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const sinceVar = await reg.gql(`query($s: DateTime!) { changes(since: $s) { totalCount } }`, { s: 'hier' });
    expect(codes(sinceVar.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('`first` over 100, and a forged cursor', async () => {
    const res = await reg.gql(`{ aiTools(first: 101) { totalCount } }`);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0].message).toMatch(/between 1 and 100/);
    const cursor = await reg.gql(`{ aiTools(after: "garbage!") { totalCount } }`);
    expect(codes(cursor.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('stores texts as plain text, never interpreting markup', async () => {
    const name = '<script>alert("x")</script> Outil';
    const res = await reg.gql(`mutation($siren: String!, $input: AiToolInput!) { createAiTool(siren: $siren, input: $input) { id name } }`,
      { siren: SIREN.bethune, input: toolInput({ name, slug: 'outil-balises' }) }, token);
    expect(res.body.data.createAiTool.name).toBe(name);
  });
});

describe('bulk import', () => {
  const IMPORT = `mutation($siren: String!, $rows: [JSONObject!]!, $dryRun: Boolean, $publish: Boolean) {
    importAiTools(siren: $siren, rows: $rows, dryRun: $dryRun, publish: $publish) { ok dryRun rowCount created updated ids errors { row field message } } }`;
  const rows = [
    toolInput({ slug: 'import-un', name: 'Premier outil importé' }),
    toolInput({ slug: 'import-deux', name: 'Deuxième outil importé', riskLevel: 'EXTREME' }),
    toolInput({ slug: 'import-trois', name: 'x'.repeat(120), websiteUrl: 'ftp://exemple' }),
    toolInput({ slug: 'import-un', name: 'Doublon' }),
  ];

  it('dry run reports every row\'s errors and writes nothing', async () => {
    const before = await reg.server.prisma.aiTool.count();
    const res = await reg.gql(IMPORT, { siren: SIREN.bethune, rows, dryRun: true }, token);
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data.importAiTools;
    expect(r.ok).toBe(false);
    expect(r.errors.map((e: any) => [e.row, e.field])).toEqual([
      [2, 'riskLevel'],
      [3, 'name'],
      [3, 'websiteUrl'],
      [4, 'slug'],
    ]);
    expect(await reg.server.prisma.aiTool.count()).toBe(before);
  });

  it('a real import with errors is refused whole', async () => {
    const before = await reg.server.prisma.aiTool.count();
    const res = await reg.gql(IMPORT, { siren: SIREN.bethune, rows }, token);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0].extensions.rowErrors).toHaveLength(4);
    expect(await reg.server.prisma.aiTool.count()).toBe(before);
  });

  it('a valid import creates and publishes every row, and updates by slug on a second run', async () => {
    const good = Array.from({ length: 30 }, (_, i) => toolInput({ slug: `lot-${i}`, name: `Outil importé n°${i}` }));
    const dry = await reg.gql(IMPORT, { siren: SIREN.bethune, rows: good, dryRun: true }, token);
    expect(dry.body.data.importAiTools).toMatchObject({ ok: true, dryRun: true, created: 30, updated: 0 });
    expect(await reg.server.prisma.aiTool.count({ where: { slug: { startsWith: 'lot-' } } })).toBe(0);
    const res = await reg.gql(IMPORT, { siren: SIREN.bethune, rows: good, publish: true }, token);
    expect(res.body.data.importAiTools).toMatchObject({ ok: true, created: 30, updated: 0 });
    expect(await reg.server.prisma.aiTool.count({ where: { slug: { startsWith: 'lot-' }, state: 'PUBLISHED' } })).toBe(30);
    good[0].summary = 'Résumé modifié par le second import.';
    const again = await reg.gql(IMPORT, { siren: SIREN.bethune, rows: good, publish: true }, token);
    // Only the changed row is written; the 29 others are equal to their tool and write nothing.
    expect(again.body.data.importAiTools).toMatchObject({ ok: true, created: 0, updated: 1 });
    const tool = await reg.server.prisma.aiTool.findUnique({ where: { id: `${SIREN.bethune}:lot-0` } });
    expect(tool!.summary).toBe('Résumé modifié par le second import.');
  });

  it('refuses an import for another collectivité', async () => {
    const res = await reg.gql(IMPORT, { siren: SIREN.arras, rows: [toolInput()] }, token);
    expect(codes(res.body)).toEqual(['FORBIDDEN']);
  });
});
