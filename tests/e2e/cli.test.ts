import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { bibia, csv } from '../src/cliTestKit';
import { PAS_DE_CALAIS, leaveStale, STACK_START_TIMEOUT_MS, startClientStack, type ClientStack } from '../src/startRealStack';

const CLI_DIR = path.dirname(require.resolve('@bibia/cli/package.json'));
const EXAMPLES = path.join(CLI_DIR, 'examples');
let env: ClientStack;
let dir: string;
let read: Record<string, string>;
let write: Record<string, string>;

beforeAll(async () => {
  env = await startClientStack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-cli-'));
  read = { BIBIA_ENDPOINT: env.endpoint };
  write = { ...read, BIBIA_TOKEN: env.token };
}, STACK_START_TIMEOUT_MS);
afterAll(async () => {
  await env?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe('bibia search', () => {
  it('finds tools by French full-text search and prints a table', async () => {
    const r = await bibia(['search', 'courrier'], read);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`${env.siren}:tri-courrier-entrant`);
    expect(r.stdout).toContain('Tri et orientation du courrier entrant');
    expect(r.stdout).toMatch(/1 of 1 tool shown\./);
  });

  it('filters by theme (French label), status and risk, and answers JSON for scripts', async () => {
    const r = await bibia(['--json', 'search', '--theme', 'Relation aux usagers', '--status', 'OPERATIONAL', '--risk', 'limited'], read);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // Seeded: 1 tool of Béthune-Bruay, 3 of Arras, 1 of the Pas-de-Calais.
    expect(out.totalCount).toBe(5);
    expect(out.tools).toHaveLength(5);
    for (const t of out.tools) {
      expect(t.themes).toContain('CITIZEN_RELATIONS');
      expect(t).toMatchObject({ status: 'OPERATIONAL', riskLevel: 'LIMITED' });
    }
    expect(out.unavailableMembers).toEqual([]);
  });

  it('follows pages up to --limit and prints the next cursor', async () => {
    const all = JSON.parse((await bibia(['search', '--json', '--limit', '100'], read)).stdout);
    const firstTwo = JSON.parse((await bibia(['search', '--json', '--limit', '2'], read)).stdout);
    expect(firstTwo.tools.map((t: any) => t.id)).toEqual(all.tools.slice(0, 2).map((t: any) => t.id));
    const next = JSON.parse((await bibia(['search', '--json', '--limit', '2', '--after', firstTwo.nextCursor], read)).stdout);
    expect(next.tools.map((t: any) => t.id)).toEqual(all.tools.slice(2, 4).map((t: any) => t.id));
  });

  it('refuses an unknown theme with the accepted values (exit 2)', async () => {
    const r = await bibia(['search', '--theme', 'cuisine'], read);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bibia: --theme "cuisine" is not a known value: use one of ADMINISTRATION, /);
  });
});

describe('bibia tool', () => {
  it('shows every field and the practice reports', async () => {
    const r = await bibia(['tool', `${env.siren}:tri-courrier-entrant`], read);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tri et orientation du courrier entrant');
    expect(r.stdout).toContain('Risque limité');
    expect(r.stdout).toContain('\nRetours d’expérience : 1\n');
  });

  it('says when there is no such tool (exit 5)', async () => {
    const r = await bibia(['tool', `${env.siren}:n-existe-pas`], read);
    expect(r).toEqual({ code: 5, stdout: '', stderr: `bibia: no tool with id ${env.siren}:n-existe-pas\n`, progress: '' });
  });
});

describe('bibia collectivite', () => {
  it('shows the directory record, the registry figures and the tools', async () => {
    const r = await bibia(['collectivite', env.siren], read);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Commune d'Arras");
    expect(r.stdout).toContain('Pas-de-Calais (62)');
    expect(r.stdout).toContain('Hauts-de-France');
    expect(r.stdout).toContain(`${env.siren}:tri-courrier-entrant`);
    const json = JSON.parse((await bibia(['collectivite', env.siren, '--json'], read)).stdout);
    expect(json.collectivite.registryStats.toolCount).toBe(json.collectivite.aiTools.totalCount);
  });

  it('says when the directory does not know the SIREN (exit 5)', async () => {
    const r = await bibia(['collectivite', '123456782'], read);
    expect(r).toMatchObject({ code: 5, stderr: 'bibia: no collectivité with SIREN 123456782 in the directory\n' });
  });
});

describe('bibia product', () => {
  it('shows a product and the collectivités that use it', async () => {
    const r = await bibia(['product', 'albert'], read);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Utilisé par 2 collectivités \(2 outils\)/);
    expect(r.stdout).toContain(`${env.siren}:tri-courrier-entrant`);
    expect(r.stdout).toContain('Communauté d\'agglomération de Béthune-Bruay');
  });

  it('says when there is no such product (exit 5)', async () => {
    const r = await bibia(['product', 'n-existe-pas'], read);
    expect(r).toMatchObject({ code: 5, stderr: 'bibia: no product with id n-existe-pas in the shared catalogue\n' });
  });
});

describe('bibia stats', () => {
  it('gets the national figures in one query', async () => {
    const r = await bibia(['stats', '--json'], read);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const s = JSON.parse(r.stdout);
    // The seeds: 8 + 6 + 7 published tools, 7 published public practice reports on them.
    expect(s).toMatchObject({
      toolCount: 21,
      reportCount: 7,
      memberCount: 3,
      byStatus: [{ key: 'OPERATIONAL', count: 12 }, { key: 'PILOT', count: 7 }, { key: 'RETIRED', count: 2 }],
      byRiskLevel: [{ key: 'LIMITED', count: 11 }, { key: 'MINIMAL', count: 9 }, { key: 'HIGH', count: 1 }],
      byAlgorithmType: [{ key: 'MACHINE_LEARNING', count: 9 }, { key: 'GENERATIVE_LLM', count: 7 }, { key: 'HYBRID', count: 5 }],
      byRegion: [{ key: '32', count: 21 }],
      byDepartement: [{ key: '62', count: 21 }],
      unavailableMembers: [],
      staleMembers: [],
    });
    expect(s.byTheme).toHaveLength(19);
    expect(s.byTheme.slice(0, 3)).toEqual([{ key: 'ADMINISTRATION', count: 6 }, { key: 'CITIZEN_RELATIONS', count: 6 }, { key: 'ENVIRONMENT', count: 4 }]);
  });

  it('takes the search filters, and prints tables with French labels', async () => {
    const filtered = JSON.parse((await bibia(['stats', '--json', '--risk', 'Risque limité', '--theme', 'Relation aux usagers'], read)).stdout);
    // As `bibia search` finds them: 1 tool of Béthune-Bruay, 3 of Arras, 2 of the Pas-de-Calais.
    expect(filtered).toMatchObject({ toolCount: 6, memberCount: 3, byRiskLevel: [{ key: 'LIMITED', count: 6 }] });
    const table = await bibia(['stats'], read);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout.split('\n')[0]).toBe('21 published tools from 3 collectivités, 7 published practice reports.');
    for (const section of ['Par thème', 'Par statut', 'Par niveau de risque', 'Par type d’algorithme', 'Par hébergement', 'Par produit', 'Par région', 'Par département']) {
      expect(table.stdout).toContain(`\n${section}\n`);
    }
    expect(table.stdout).toMatch(/│ En service +│ 12 +│/);
    expect(table.stdout).toMatch(/│ Hauts-de-France \(32\) +│ 21 +│/);
    expect(table.stdout).toMatch(/│ Pas-de-Calais \(62\) +│ 21 +│/);
  });
});

describe('bibia import', () => {
  it('lists every error of a dry run with its row, line and column, writes nothing, exits 1', async () => {
    const bad = file('bad.csv', csv(
      ['Nom', 'Résumé', 'themes', 'statut', 'riskLevel', 'algorithmType', 'hosting', 'couleur', 'contactEmail'],
      [
        ['Outil à vérifier', 'Un résumé', 'HEALTH', 'bientôt', 'MINIMAL', 'RULE_BASED', 'FRENCH_CLOUD', 'bleu', 'pas-un-courriel'],
        ['', 'Sans nom', 'HEALTH', 'PILOT', 'MINIMAL', 'RULE_BASED', 'FRENCH_CLOUD', 'rouge', ''],
      ],
    ));
    const r = await bibia(['import', bad, '--siren', env.siren, '--dry-run'], write);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `3 problèmes dans ${bad} (2 enregistrements) :`,
      '  enregistrement 1 (ligne 2), colonne « statut » : « bientôt » n’est pas une valeur connue : valeurs admises PLANNED, PILOT, OPERATIONAL, RETIRED (ou leurs libellés français)',
      '  enregistrement 1 (ligne 2), colonne « contactEmail » : doit être une adresse électronique : « pas-un-courriel »',
      '  enregistrement 2 (ligne 3), colonne « name » : manquant : ajoutez une colonne « name », « nom », « nom de l’outil », « tool_name »',
      'Rien n’a été écrit.',
      '',
    ]);
    // A column no standard knows is kept in sourceExtra: one warning for the file, not a row error.
    expect(r.stderr).toBe('avertissement : colonnes sans équivalent BibIA, conservées telles quelles dans sourceExtra : couleur\n');
    // Read from the member itself (a national search through the index would lag behind anyway).
    expect((await bibia(['tool', `${env.siren}:outil-a-verifier`], read)).code).toBe(5);
  });

  it('imports the example file for real, then finds the tools in a search', async () => {
    const example = path.join(EXAMPLES, 'outils.csv');
    const dry = await bibia(['import', example, '--siren', env.siren, '--dry-run', '--publish'], write);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(`Essai : les 3 enregistrements de ${example} sont valides : 3 outil(s) seraient créés, 0 modifiés, 0 inchangés dans ${env.siren} et publiés. Rien n’a été écrit.\n`);

    const real = await bibia(['import', example, '--siren', env.siren, '--publish'], write);
    expect(real).toMatchObject({ code: 0, stdout: `3 enregistrements de ${example} importés dans ${env.siren} : 3 créés, 0 modifiés, 0 inchangés, tous publiés.\n` });
    // Anonymous national reading goes through the index: eventually consistent, so harvest now.
    await env.stack.index!.harvestOnce();

    const found = JSON.parse((await bibia(['search', '--json', 'piscines'], read)).stdout);
    expect(found.tools.map((t: any) => t.id)).toEqual([`${env.siren}:prevision-de-frequentation-des-piscines`]);
    const tool = JSON.parse((await bibia(['tool', '--json', `${env.siren}:detection-des-depots-sauvages-par-photos-des-agents`], read)).stdout).tool;
    expect(tool).toMatchObject({ themes: ['WASTE', 'ROADS_PUBLIC_SPACE'], status: 'OPERATIONAL', startDate: '2024-09-01', algorithmType: 'MACHINE_LEARNING', openSource: true, state: 'PUBLISHED' });
  });

  it('imports Eurocities columns and maps their values', async () => {
    const example = path.join(EXAMPLES, 'outils-eurocities.csv');
    const r = await bibia(['import', example, '--siren', env.siren, '--publish'], write);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Fichier lu au format eurocities.\n');
    expect(r.stderr).toContain('avertissement : colonnes sans équivalent BibIA, conservées telles quelles dans sourceExtra : lang, standard_version\n');
    const tool = JSON.parse((await bibia(['tool', '--json', `${env.siren}:attribution-des-places-en-creche`], read)).stdout).tool;
    expect(tool).toMatchObject({ status: 'OPERATIONAL', riskLevel: 'HIGH', algorithmType: 'RULE_BASED', themes: ['CHILDHOOD_YOUTH'], sourceCodeUrl: 'https://git.exemple.fr/creches/score' });
    expect(tool.humanOversight).toMatch(/^Intervention humaine : .*\n\nRecours : /s);
  });

  it('validates every batch before writing any, and shows progress', async () => {
    // The error of row 5 is found by the registry, in the third batch.
    const rows = Array.from({ length: 5 }, (_, i) => [`Outil zorglub ${i + 1}`, 'Import en plusieurs lots.', 'ADMINISTRATION', 'PILOT', 'MINIMAL', 'RULE_BASED', 'ON_PREMISES', i === 4 ? 'pas-un-courriel' : 'lots@exemple.fr']);
    const header = ['name', 'summary', 'themes', 'status', 'riskLevel', 'algorithmType', 'hosting', 'contactEmail'];
    const refused = await bibia(['import', file('lots.csv', csv(header, rows)), '--siren', env.siren, '--batch-size', '2', '--progress'], write);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('enregistrement 5 (ligne 6), colonne « contactEmail » : doit être une adresse électronique');
    expect(refused.progress).toContain('Checking');
    expect(refused.progress).not.toContain('Writing');
    await env.stack.index!.harvestOnce(); // so that the search below would see a row written
    expect(JSON.parse((await bibia(['search', '--json', 'zorglub'], read)).stdout).totalCount).toBe(0);

    rows[4][7] = 'lots@exemple.fr';
    const done = await bibia(['import', file('lots.csv', csv(header, rows)), '--siren', env.siren, '--batch-size', '2', '--publish', '--progress'], write);
    expect(done.code).toBe(0);
    expect(done.progress).toContain('Writing');
    expect(done.progress).toContain('5/5 rows');
    await env.stack.index!.harvestOnce();
    expect(JSON.parse((await bibia(['search', '--json', 'zorglub'], read)).stdout).totalCount).toBe(5);
  });

  it('finds the same tool twice across batches', async () => {
    const header = ['name', 'summary', 'themes', 'status', 'riskLevel', 'algorithmType', 'hosting'];
    const row = ['Outil en double', 'Deux fois.', 'ADMINISTRATION', 'PILOT', 'MINIMAL', 'RULE_BASED', 'ON_PREMISES'];
    const r = await bibia(['import', file('double.csv', csv(header, [row, row])), '--siren', env.siren, '--batch-size', '1', '--dry-run'], write);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`enregistrement 2 (ligne 3), colonne « name » : donne le même identifiant que la ligne 1 (${env.siren}:outil-en-double)`);
  });

  it('refuses an invalid file with the reason and the line (exit 2)', async () => {
    const r = await bibia(['import', file('ragged.csv', 'name;summary\nA;b\nC;d;e\n'), '--siren', env.siren, '--dry-run'], write);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`bibia: invalid file ${path.join(dir, 'ragged.csv')}, line 3: not valid CSV: Invalid Record Length: expect 2, got 3\n`);
  });

  it('says when the token is missing or refused (exit 4)', async () => {
    const example = path.join(EXAMPLES, 'outils.csv');
    const none = await bibia(['import', example, '--siren', env.siren, '--dry-run'], read);
    expect(none.code).toBe(4);
    expect(none.stderr).toMatch(/^bibia: the token was refused: .*--token or BIBIA_TOKEN\)\n$/);
    const wrong = await bibia(['import', example, '--siren', env.siren, '--dry-run', '--token', 'bibia_pub_not-a-real-token'], read);
    expect(wrong.code).toBe(4);
  });
});

describe('bibia export', () => {
  it('writes every tool of a registry with the id column first, and the file imports again unchanged', async () => {
    const out = path.join(dir, 'export.csv');
    const r = await bibia(['export', '--siren', env.siren, '--output', out], read);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^id,name,summary,/);
    const total = JSON.parse((await bibia(['search', '--json', '--siren', env.siren, '--limit', '1'], read)).stdout).totalCount;
    expect(r.stderr).toBe(`Exported ${total} tools to ${out}.\n`);
    const again = await bibia(['import', out, '--siren', env.siren, '--dry-run'], write);
    // Nothing changed since the export: every row is unchanged, nothing would be written.
    expect(again.stdout).toBe(`Essai : les ${total} enregistrements de ${out} sont valides : 0 outil(s) seraient créés, 0 modifiés, ${total} inchangés dans ${env.siren}. Rien n’a été écrit.\n`);
  });

  it('follows every page: a large import in batches, then an export of more than one page', async () => {
    const header = ['name', 'summary', 'themes', 'status', 'riskLevel', 'algorithmType', 'hosting'];
    const rows = Array.from({ length: 130 }, (_, i) => [`Outil grand import ${String(i + 1).padStart(3, '0')}`, 'Ligne d’un gros fichier.', 'DIGITAL_IT', 'PLANNED', 'MINIMAL', 'RULE_BASED', 'EU_CLOUD']);
    const big = file('gros.csv', csv(header, rows));
    const imported = await bibia(['import', big, '--siren', env.siren, '--batch-size', '50', '--publish'], write);
    expect(imported.stdout).toBe(`130 enregistrements de ${big} importés dans ${env.siren} : 130 créés, 0 modifiés, 0 inchangés, tous publiés.\n`);

    const out = path.join(dir, 'all.json');
    expect((await bibia(['export', '--siren', env.siren, '--format', 'json', '--output', out], read)).code).toBe(0);
    const exported = JSON.parse(fs.readFileSync(out, 'utf8'));
    const total = JSON.parse((await bibia(['search', '--json', '--siren', env.siren, '--limit', '1'], read)).stdout).totalCount;
    // Arras's tools: 6 seeded, then 3 + 2 + 5 imported by the tests above, and these 130.
    expect(total).toBe(6 + 3 + 2 + 5 + 130);
    expect(exported).toHaveLength(total);
    expect(new Set(exported.map((t: any) => t.id)).size).toBe(total);
    expect(exported.filter((t: any) => t.name.startsWith('Outil grand import'))).toHaveLength(130);
  });

  it('exports a search as JSON', async () => {
    const r = await bibia(['export', '--search', 'courrier', '--format', 'json'], read);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(Object.keys(rows[0])[0]).toBe('id');
    expect(rows.map((t: any) => t.id)).toContain(`${env.siren}:tri-courrier-entrant`);
  });
});

describe('errors', () => {
  /** A local port nothing listens on. */
  async function closedPortUrl(): Promise<string> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}/graphql`;
  }

  it('says when the endpoint cannot be reached (exit 3)', async () => {
    const url = await closedPortUrl();
    const r = await bibia(['search', 'x', '--endpoint', url]);
    expect(r).toMatchObject({ code: 3, stdout: '', stderr: `bibia: cannot reach ${url}: ECONNREFUSED\n` });
  });

  it('never prints a stack trace (the real bin script)', async () => {
    const url = await closedPortUrl();
    const bin = path.join(CLI_DIR, 'bin', 'bibia.js');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, 'tool', 'x', '--endpoint', url], (err, _stdout, stderr) =>
        resolve({ code: err ? (err as any).code : 0, stderr }),
      );
    });
    expect(result).toEqual({ code: 3, stderr: `bibia: cannot reach ${url}: ECONNREFUSED\n` });
  });
});

// Last: it stops a member of the stack.
describe('a member down', () => {
  it('prints the other members’ tools and names the missing one on stderr', async () => {
    await env.stack.stopMember(PAS_DE_CALAIS);
    // With a token the gateway reads the members live (anonymous lists come from the index).
    const r = await bibia(['search', 'courrier'], write);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^warning: 1 member registry did not answer; the results below are incomplete:\n  - Département du Pas-de-Calais \\(SIREN ${PAS_DE_CALAIS}\\): (could not be reached|did not answer in time|answered with an HTTP error)\n$`));
    expect(r.stdout).toContain(`${env.siren}:tri-courrier-entrant`);
    const json = JSON.parse((await bibia(['search', '--json', '--limit', '1000'], write)).stdout);
    expect(json.tools.filter((t: any) => t.collectivite.siren === PAS_DE_CALAIS)).toEqual([]);
    expect(json.unavailableMembers).toEqual([expect.objectContaining({ siren: PAS_DE_CALAIS, name: 'Département du Pas-de-Calais' })]);
  });
});

describe('a member the index has not read recently', () => {
  const STALE_AFTER_MS = 3000;
  let hub: ClientStack;

  beforeAll(async () => {
    hub = await startClientStack({ index: { staleAfterMs: STALE_AFTER_MS } });
    await leaveStale(hub, PAS_DE_CALAIS, STALE_AFTER_MS);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => hub?.stop());
  // The others fresh again: only the stopped member is stale.
  beforeEach(() => hub.stack.index!.harvestOnce());

  const warning = new RegExp(
    `^warning: the national index has not read 1 member registry recently; its data below may be out of date:\n  - (Département du Pas-de-Calais \\()?SIREN ${PAS_DE_CALAIS}\\)?: last read \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\n$`,
  );

  it('bibia stats counts its last harvest and names it on stderr', async () => {
    const r = await bibia(['stats'], { BIBIA_ENDPOINT: hub.endpoint });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(warning);
    expect(r.stdout.split('\n')[0]).toBe('21 published tools from 3 collectivités, 7 published practice reports.');
    const json = JSON.parse((await bibia(['stats', '--json'], { BIBIA_ENDPOINT: hub.endpoint })).stdout);
    expect(json.staleMembers).toEqual([{ siren: PAS_DE_CALAIS, harvestedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }]);
  });

  it('bibia search names it too', async () => {
    const r = await bibia(['search', 'transcription'], { BIBIA_ENDPOINT: hub.endpoint });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(warning);
    expect(r.stdout).toContain(`${PAS_DE_CALAIS}:comptes-rendus-seances-conseil-departemental`);
  });
});
