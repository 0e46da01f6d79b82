import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium, watch } from '../src/browser';
import { STACK_START_TIMEOUT_MS, startClientStack, type ClientStack } from '../src/startRealStack';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'backoffice');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TOOL_NAME = 'Assistant de rédaction des délibérations';

/**
 * axe-core at WCAG 2.1 AA on the page as it is, at desktop width and at 320 px. axe is run with
 * `evaluate` (DevTools), which the page's CSP does not apply to; nothing is added to the page.
 */
async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const width of [1200, 320]) {
    await page.setViewportSize({ width, height: 900 });
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const result = await (globalThis as any).axe.run((globalThis as any).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
    });
    expect({ screen: name, width, violations }).toEqual({ screen: name, width, violations: [] });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1200, height: 900 });
}

const heading = (page: Page, text: string | RegExp) => page.getByRole('heading', { level: 1, name: text }).waitFor();

describeInBrowser('publisher back-office (Chromium, a real hub)', () => {
  let env: ClientStack;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let adminUrl: string;

  beforeAll(async () => {
    env = await startClientStack();
    browser = await launchChromium();
    const registry = env.registry(env.siren);
    adminUrl = `${registry.url}/admin`;
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR' });
    problems = watch(page, registry.url);
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });
  afterEach(() => {
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });

  it('signs in, creates a tool, fixes a validation error, publishes it; a partner finds it through the gateway', async () => {
    await page.goto(adminUrl);
    await heading(page, 'Connexion au back-office');
    await expectAccessible(page, 'connexion');
    await page.getByLabel('Jeton de publication').fill(env.token);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await heading(page, 'Tableau de bord');
    expect(await page.locator('#view').textContent()).toContain('Tri et orientation du courrier entrant');
    await expectAccessible(page, 'tableau-de-bord');

    await page.getByRole('link', { name: 'Créer un outil' }).click();
    await heading(page, 'Nouvel outil');
    await page.getByLabel('Nom de l’outil (obligatoire)').fill(TOOL_NAME);
    await page.getByLabel('Résumé').fill('Propose un premier jet des délibérations à partir des notes de séance.');
    await page.getByLabel('Page publique').fill('arras.fr/ia');
    // The product field offers the national catalogue's products, read from the hub.
    expect(await page.locator('#catalogue-products option[value="albert"]').count()).toBe(1);
    await page.getByRole('checkbox', { name: /Administration/ }).first().check();
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    const error = page.locator('#tool-websiteUrl-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/adresse http\(s\)/);
    expect(await page.getByLabel('Page publique').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'outil-erreur');

    await page.getByLabel('Page publique').fill('https://www.arras.fr/ia');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await heading(page, `Outil : ${TOOL_NAME}`);
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/outil/', ''));
    expect(id).toBe(`${env.siren}:assistant-de-redaction-des-deliberations`);
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Publié.' }).waitFor();
    expect(await page.locator('.badge').first().textContent()).toBe('Publié');
    await expectAccessible(page, 'outil-publie');

    // A change, saved and published: the history shows what changed.
    await page.getByLabel('Résumé').fill('Propose un premier jet des délibérations, relu par le secrétariat.');
    await page.getByRole('button', { name: 'Enregistrer les changements' }).click();
    await page.getByRole('status').filter({ hasText: 'Changements enregistrés' }).waitFor();
    await page.getByRole('button', { name: 'Publier les changements' }).click();
    await page.getByRole('status').filter({ hasText: 'Publié.' }).waitFor();
    const diff = page.locator('details.diff').last();
    await diff.locator('summary').click();
    expect(await diff.locator('del').first().textContent()).toBe('Propose un premier jet des délibérations à partir des notes de séance.');
    expect(await diff.locator('ins').first().textContent()).toBe('Propose un premier jet des délibérations, relu par le secrétariat.');
    await expectAccessible(page, 'historique');

    // A practice report on it, with an indicator, published.
    await page.getByRole('link', { name: 'Ajouter un retour d’expérience' }).click();
    await heading(page, 'Nouveau retour d’expérience');
    await page.getByLabel('Titre (obligatoire)').fill('Six mois de délibérations assistées');
    await page.getByLabel('Date du retour (obligatoire)').fill('2026-11-30');
    await page.getByRole('button', { name: 'Ajouter : indicateurs' }).click();
    await page.getByLabel('Mesure, ligne 1').fill('Temps de rédaction moyen');
    await page.getByLabel('Valeur, ligne 1').fill('45');
    await page.getByLabel('Unité, ligne 1').fill('minutes');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await heading(page, 'Retour d’expérience : Six mois de délibérations assistées');
    await expectAccessible(page, 'retour');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Publié.' }).waitFor();
    const report = await env.direct(env.siren, `{ aiTool(id: "${id}") { practiceReports { title state indicators { name value unit } } } }`);
    expect(report.body.data.aiTool.practiceReports).toEqual([
      { title: 'Six mois de délibérations assistées', state: 'PUBLISHED', indicators: [{ name: 'Temps de rédaction moyen', value: 45, unit: 'minutes' }] },
    ]);

    // A partner reads the national library through the gateway (the index harvested first).
    await env.stack.index!.harvestOnce();
    const issued = await env.gql('mutation { issuePartnerCredential(input: { name: "Partenaire du test back-office" }) { credential } }', undefined, { headers: { authorization: `Bearer ${env.adminToken}` } });
    const credential = issued.body.data.issuePartnerCredential.credential;
    const found = await env.gql('query($filter: AiToolFilter) { aiTools(filter: $filter) { edges { node { id name summary websiteUrl state } } } }', { filter: { search: 'délibérations' } }, { headers: { authorization: `Bearer ${credential}` } });
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data.aiTools.edges.map((e: any) => e.node)).toContainEqual({ id, name: TOOL_NAME, summary: 'Propose un premier jet des délibérations, relu par le secrétariat.', websiteUrl: 'https://www.arras.fr/ia', state: 'PUBLISHED' });
  });

  it('corrects an import with errors in the back-office, then imports it', async () => {
    await page.goto(`${adminUrl}#/import`);
    await heading(page, 'Import et export');
    const csv = 'name;websiteUrl;themes\nMoteur de recherche documentaire;https://www.arras.fr/recherche;ADMINISTRATION\nTraduction des courriers;www.arras.fr/traduction;ADMINISTRATION\n';
    await page.getByLabel('Fichier CSV, JSON ou XLSX').setInputFiles({ name: 'outils.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Vérifier le fichier (essai)' }).click();
    await page.getByRole('heading', { name: 'Rapport de l’essai' }).waitFor();
    const rows = page.locator('#import-result tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').allTextContents()).toEqual(['2', 'websiteUrl', 'www.arras.fr/traduction', expect.stringMatching(/adresse http\(s\)/), '', '']);
    expect(await page.getByRole('button', { name: 'Importer' }).isDisabled()).toBe(true);
    expect(await page.locator('#import-result').textContent()).not.toContain('null');
    await expectAccessible(page, 'import-erreurs');

    await page.getByLabel('Valeur corrigée, ligne 2, colonne websiteUrl').fill('https://www.arras.fr/traduction');
    await page.getByRole('button', { name: 'Corriger et vérifier à nouveau' }).click();
    await page.getByRole('status').filter({ hasText: 'Essai réussi : 2 outil(s) seraient créés' }).waitFor();
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Import terminé : 2 créé(s)').waitFor();
    await expectAccessible(page, 'import-termine');
    const draft = await env.registry(env.siren).prisma.aiTool.findUnique({ where: { id: `${env.siren}:traduction-des-courriers` } });
    expect(draft?.state).toBe('DRAFT');
    expect(draft?.websiteUrl).toBe('https://www.arras.fr/traduction');

    // The export gives the register back, drafts included, as a file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^registre-${env.siren}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const exported = fs.readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain(`${env.siren}:traduction-des-courriers;Traduction des courriers;`);
  });

  it('signs out', async () => {
    await page.goto(adminUrl);
    await heading(page, 'Tableau de bord');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await heading(page, 'Connexion au back-office');
    await page.reload();
    await heading(page, 'Connexion au back-office');
  });
});
