import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium, watch } from '../src/browser';
import { STACK_START_TIMEOUT_MS, startClientStack, type ClientStack } from '../src/startRealStack';

/** Béthune-Bruay's tool whose practice report is kept for partners (seed). */
const TOOL = '200072460:detection-depots-sauvages';
const PARTNER_REPORT_TITLE = 'Détection des dépôts sauvages : bilan des six premiers mois du pilote';

// Functions given to page.waitForFunction run in the browser, where `globalThis` is the window.
describeInBrowser('catalogue page: partner access', () => {
  let env: ClientStack;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let credential: string;

  beforeAll(async () => {
    env = await startClientStack();
    browser = await launchChromium();
    const { body } = await env.gql('mutation { issuePartnerCredential(input: { name: "Test navigateur" }) { credential } }', undefined, { headers: { authorization: `Bearer ${env.adminToken}` } });
    credential = body.data.issuePartnerCredential.credential;
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR' });
    problems = watch(page, env.origin);
  });
  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  const reportTitles = () => page.locator('#tool-body article.report h3').allTextContents();
  // The tool's only report is kept for partners: anonymous readers see its reports section empty.
  const waitForTool = () => page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('#tool-body h2')].some((e: any) => /^Retours d’expérience/.test(e.textContent)));

  it('shows reports kept for partners, marked, once a credential is given; forgets it on sign-out', async () => {
    await page.goto(`${env.origin}/#/outil/${TOOL}`);
    await waitForTool();
    expect(await reportTitles()).not.toContain(PARTNER_REPORT_TITLE);

    await page.getByText('Accès partenaire', { exact: true }).click();
    await page.getByLabel('Jeton partenaire (délivré par le hub BibIA)').fill(credential);
    await page.getByRole('button', { name: 'Activer l’accès partenaire' }).click();
    await page.waitForFunction((title) => [...(globalThis as any).document.querySelectorAll('#tool-body h3')].some((e: any) => e.textContent === title), PARTNER_REPORT_TITLE);
    const report = page.locator('#tool-body article.report', { hasText: PARTNER_REPORT_TITLE });
    expect(await report.locator('.partners-only').textContent()).toBe('Réservé aux partenaires');
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('bibia.partnerCredential'))).toBe(credential);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('#tool-body h2')].some((e: any) => e.textContent === 'Retours d’expérience (0)'));
    expect(await reportTitles()).not.toContain(PARTNER_REPORT_TITLE);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('bibia.partnerCredential'))).toBeNull();
  });

  it('says so when the hub refuses the credential, and closes partner access', async () => {
    await page.goto(`${env.origin}/#/outil/${TOOL}`);
    await waitForTool();
    await page.getByText('Accès partenaire', { exact: true }).click();
    const tampered = credential.slice(0, -4) + (credential.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await page.getByLabel('Jeton partenaire (délivré par le hub BibIA)').fill(tampered);
    await page.getByRole('button', { name: 'Activer l’accès partenaire' }).click();
    await page.waitForFunction(() => /jeton partenaire a été refusé/.test((globalThis as any).document.body.textContent ?? ''));
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('bibia.partnerCredential'))).toBeNull();
    expect(await page.locator('#partner-form').isVisible()).toBe(true);
    // The browser logs the refused request (HTTP 401) itself: expected here, nothing else is.
    problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/.test(p)));
  });
});
