import { SIREN, startRegistry, type TestRegistry } from './registryTestKit';

// A page's ids come from one query and its rows from a DataLoader batch: when the batch fails,
// the page must fail too, not come back empty as if the registry had no tools.
let reg: TestRegistry;

beforeAll(async () => {
  reg = await startRegistry({ siren: SIREN.pasDeCalais, seedFile: 'bundled' });
});
afterAll(() => reg.stop());

describe('a database batch that fails', () => {
  it('fails the list instead of returning an empty page', async () => {
    const before = await reg.gql('{ aiTools(first: 5) { totalCount edges { node { id } } } }');
    expect(before.body.data.aiTools.edges).toHaveLength(5);
    // The ids query reads id and sortName only; loading the rows reads every column.
    await reg.server.prisma.$executeRawUnsafe('ALTER TABLE "AiTool" RENAME COLUMN "licence" TO "licenceGone"');
    try {
      const res = await reg.gql('{ aiTools(first: 5) { totalCount edges { node { id } } } }');
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(res.body.data?.aiTools ?? null).toBeNull();
    } finally {
      await reg.server.prisma.$executeRawUnsafe('ALTER TABLE "AiTool" RENAME COLUMN "licenceGone" TO "licence"');
    }
  });
});
