import fs from 'node:fs';
import path from 'node:path';
import { asAny, startAdminRegistry, type AdminTestRegistry } from './adminTestKit';

const ARRAS = '216200410';

describe('back-office import and export (a real registry)', () => {
  let r: AdminTestRegistry;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    r = await startAdminRegistry(ARRAS, { seedFile: undefined });
    session = await r.signIn((await r.token()).token);
  });
  afterAll(async () => {
    await r?.stop();
  });

  const upload = (name: string, body: string | Buffer, params: Record<string, string> = {}, headers: Record<string, string> = { cookie: session.cookie, 'x-bibia-csrf': session.csrf }) =>
    r.request(`/admin/api/import?${new URLSearchParams({ name, ...params })}`, { method: 'POST', headers, body });

  it('checks a CSV and reports each problem as a row: row, column, value, problem, suggestion; writes nothing', async () => {
    const csv = 'name;websiteUrl;contactEmail\nOutil un;https://www.arras.fr/un;\nOutil deux;www.arras.fr/deux;pas-une-adresse\n';
    const res = await upload('outils.csv', csv, { dryRun: 'true' });
    expect(res.status).toBe(200);
    const report = await res.json().then(asAny);
    expect(report.errors).toHaveLength(2);
    expect(report.problems).toEqual([
      { row: 2, line: 3, column: 'contactEmail', value: 'pas-une-adresse', problem: 'doit être une adresse électronique', suggestion: '' },
      { row: 2, line: 3, column: 'websiteUrl', value: 'www.arras.fr/deux', problem: 'doit être une adresse http(s), par exemple https://www.exemple.fr/page', suggestion: '' },
    ]);
    expect(report.table).toEqual({ headers: ['name', 'websiteUrl', 'contactEmail'], rows: [['Outil un', 'https://www.arras.fr/un', ''], ['Outil deux', 'www.arras.fr/deux', 'pas-une-adresse']] });
    expect(await r.server.prisma.aiTool.count({ where: { name: { startsWith: 'Outil ' } } })).toBe(0);
  });

  it('imports the corrected rows (sent back as JSON), and exports them, drafts included, in CSV and JSON', async () => {
    const rows = [{ name: 'Outil un', websiteUrl: 'https://www.arras.fr/un' }, { name: 'Outil deux', websiteUrl: 'https://www.arras.fr/deux' }];
    const report = await (await upload('outils.json', JSON.stringify(rows), { dryRun: 'false' })).json().then(asAny);
    expect(report).toMatchObject({ errors: [], created: 2, written: true, ids: [`${ARRAS}:outil-un`, `${ARRAS}:outil-deux`] });

    const csv = await r.request('/admin/api/export?format=csv', { headers: { cookie: session.cookie, 'x-bibia-csrf': session.csrf } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="registre-${ARRAS}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const bytes = Buffer.from(await csv.arrayBuffer());
    // With a BOM and ";": a spreadsheet opens it as UTF-8 columns.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\n')[0]).toMatch(/^id;name;summary;/);
    expect(text).toContain(`${ARRAS}:outil-deux;Outil deux;`);
    // A browser sends no Origin with a same-origin GET: the CSRF header is enough; another Origin is refused.
    const json = await (await r.request('/admin/api/export?format=json', { origin: null, headers: { cookie: session.cookie, 'x-bibia-csrf': session.csrf } })).json().then(asAny);
    expect((await r.request('/admin/api/export?format=json', { origin: 'https://evil.example', headers: { cookie: session.cookie, 'x-bibia-csrf': session.csrf } })).status).toBe(401);
    expect(json.filter((t: any) => t.name.startsWith('Outil ')).map((t: any) => [t.id, t.state])).toEqual([
      [`${ARRAS}:outil-deux`, 'DRAFT'],
      [`${ARRAS}:outil-un`, 'DRAFT'],
    ]);
  });

  it('reads the first sheet of an XLSX workbook: sheet row numbers, dates, numbers', async () => {
    const xlsx = fs.readFileSync(path.join(__dirname, 'fixtures', 'outils.xlsx'));
    const report = await (await upload('outils.xlsx', xlsx, { dryRun: 'true' })).json().then(asAny);
    expect(report.table).toEqual({
      headers: ['name', 'websiteUrl', 'startDate', 'decisionsPerYear'],
      rows: [['Outil tableur un', 'https://www.arras.fr/tableur', '2024-03-01', 1200], ['Outil tableur deux', 'www.arras.fr/deux', '', '']],
    });
    expect(report.problems).toEqual([{ row: 2, line: 3, column: 'websiteUrl', value: 'www.arras.fr/deux', problem: expect.stringMatching(/^doit être une adresse http\(s\)/), suggestion: '' }]);
    const broken = await upload('outils.xlsx', 'pas un classeur');
    expect(broken.status).toBe(400);
    expect((await broken.json().then(asAny)).error.message).toMatch(/^Fichier illisible/);
  });

  it('says why a file cannot be read, and refuses other formats', async () => {
    const broken = await upload('outils.json', '[{"name": "x"');
    expect(broken.status).toBe(400);
    expect((await broken.json().then(asAny)).error.message).toMatch(/^Fichier illisible/);
    const pdf = await upload('outils.pdf', '%PDF');
    expect(pdf.status).toBe(400);
    expect((await pdf.json().then(asAny)).error.message).toMatch(/\.csv, \.json ou \.xlsx/);
  });

  it('needs the session and its CSRF header for import and export', async () => {
    expect((await upload('outils.csv', 'name\nx\n', { dryRun: 'true' }, { cookie: session.cookie })).status).toBe(401);
    expect((await r.request('/admin/api/export?format=csv', { headers: { cookie: session.cookie } })).status).toBe(401);
    expect((await r.request('/admin/api/export?format=csv', { headers: { 'x-bibia-csrf': session.csrf } })).status).toBe(401);
  });
});
