import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropSchema, testDatabaseUrl } from '@bibia/kit';
import { createRegistryServer, createToken, type RegistryServer } from '@bibia/registry';
import { createBibiaClient, type BibiaClient } from '@bibia/sdk';
import { readTable } from '@bibia/cli/src/import/readTable';
import { importRows } from '@bibia/cli/src/import/importRows';
import { exportRecord } from '@bibia/cli/src/commands/exportCommand';
import { toStandardRecord } from '@bibia/cli/src/import/toStandard';
import type { StandardId } from '@bibia/cli/src/import/columns';

/*
 * Real published records of public algorithm registers (tests/fixtures/registers, see each
 * PROVENANCE.md) imported as they are, with no hand edit: the acceptance rate per source and
 * format, nothing invented (what a register does not say stays null), and export in the
 * register's own format then re-import writes nothing.
 */

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'registers');
const SIREN = '216200410';

/** Source, file, the standard it must be read as, and the acceptance rate reached (docs/import.md). */
const CASES: { file: string; standard: StandardId }[] = [
  { file: 'nl-algoritmeregister-1.0/templates.json', standard: 'nl-algoritmeregister' },
  { file: 'nl-algoritmeregister-1.0/templates.csv', standard: 'nl-algoritmeregister' },
  { file: 'nl-algoritmeregister-0.2/algoritmes_081222.json', standard: 'nl-algoritmeregister-0.2' },
  { file: 'nl-algoritmeregister-0.2/algoritmes_081222.csv', standard: 'nl-algoritmeregister-0.2' },
  { file: 'uk-atrs/atrs_records.json', standard: 'uk-atrs' },
  { file: 'uk-atrs/atrs_records.csv', standard: 'uk-atrs' },
];

/** Statements no register of these formats makes: they must stay "non renseigné". */
const NEVER_STATED = ['aiActRole', 'automationLevel', 'individualDecisions', 'openSource', 'hosting'] as const;

let server: RegistryServer;
let client: BibiaClient;
let databaseUrl: string | undefined;
let dir: string;

beforeAll(async () => {
  databaseUrl = testDatabaseUrl('register-import');
  server = await createRegistryServer({
    siren: SIREN,
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 20 * 1024 * 1024,
    ...(databaseUrl ? { databaseUrl, dataDir: 'unused' } : { dataDir: 'memory://register-import' }),
  } as Parameters<typeof createRegistryServer>[0]);
  const { token } = await createToken(server.prisma, 'Import test');
  client = createBibiaClient({ url: server.graphqlUrl, token });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-registers-'));
});

afterAll(async () => {
  await server?.close();
  if (databaseUrl) await dropSchema(databaseUrl);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The tools of these ids, in this order, as `bibia export` reads them. */
async function toolsByIds(ids: string[]) {
  const byId = new Map();
  for await (const t of client.allAiTools({ sirens: [SIREN], states: ['DRAFT', 'PUBLISHED'] }, [], [])) byId.set(t.id, t);
  return ids.map((id) => byId.get(id));
}

describe.each(CASES)('$file', ({ file, standard }) => {
  const table = () => readTable(path.join(FIXTURES, file));

  it(`is read as ${standard} and imported with at least 95% of its records accepted, nothing invented`, async () => {
    const dry = await importRows(client, table(), { siren: SIREN, dryRun: true, publish: false });
    expect(dry.standard).toBe(standard);
    const refusedRows = new Set(dry.errors.map((e) => e.row));
    const rate = (dry.rowCount - refusedRows.size) / dry.rowCount;
    expect(dry.errors).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.95);
    // Columns with no field are one warning each, never a row error.
    expect(new Set(dry.ignoredColumns).size).toBe(dry.ignoredColumns.length);

    const report = await importRows(client, table(), { siren: SIREN, dryRun: false, publish: true });
    expect(report.errors).toEqual([]);
    expect(report.created + report.updated + report.unchanged).toBe(report.rowCount);
    for (const t of await toolsByIds(report.ids)) {
      for (const field of NEVER_STATED) expect(t[field]).toBeNull();
      expect(t.source).toBe(standard.startsWith('nl-') ? 'nl-algoritmeregister' : standard);
      expect(t.sourceExtra).toEqual(expect.any(Object));
    }
  });

  it('exports in its own format and re-imports with nothing written', async () => {
    const imported = await importRows(client, table(), { siren: SIREN, dryRun: false, publish: true });
    const tools = await toolsByIds(imported.ids);
    const exported = tools.map((t) => toStandardRecord(exportRecord(t), standard, SIREN));
    const out = path.join(dir, `${standard}-${path.basename(file)}.json`);
    fs.writeFileSync(out, JSON.stringify(exported));
    const before = await server.prisma.aiToolVersion.count();
    const changesBefore = await server.prisma.changeEvent.count();
    const again = await importRows(client, readTable(out), { siren: SIREN, dryRun: false, publish: true });
    expect(again).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: tools.length, written: false });
    expect(await server.prisma.aiToolVersion.count()).toBe(before);
    expect(await server.prisma.changeEvent.count()).toBe(changesBefore);
  });
});

describe('a register file exported back', () => {
  it('gives the published records of a JSON file as they were imported', async () => {
    const file = path.join(FIXTURES, 'nl-algoritmeregister-1.0/templates.json');
    const original = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
    // Published, so that the public version (what an export reads) is this file's.
    const report = await importRows(client, readTable(file), { siren: SIREN, dryRun: false, publish: true });
    (await toolsByIds(report.ids)).forEach((t, i) => {
      const back = toStandardRecord(exportRecord(t), 'nl-algoritmeregister', SIREN);
      const published = Object.fromEntries(Object.entries(original[i]).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
      expect(back).toEqual(published);
    });
  });

  it('says a value changed since the import in the register’s own words', async () => {
    const file = path.join(FIXTURES, 'uk-atrs/atrs_records.json');
    const report = await importRows(client, readTable(file), { siren: SIREN, dryRun: false, publish: true });
    const [tool] = await toolsByIds(report.ids.slice(0, 1));
    const back = toStandardRecord(exportRecord({ ...tool, status: 'RETIRED' }), 'uk-atrs', SIREN);
    expect(back).toMatchObject({ tool_name: 'Ask HMRC online', phase: 'retired' });
  });
});
