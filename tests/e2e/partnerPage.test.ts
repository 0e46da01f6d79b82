import { describeInBrowser, usePageSession } from '../src/browser';

/** Béthune-Bruay's tool whose practice report is kept for partners (seed). */
const TOOL = '200072460:detection-depots-sauvages';
const PARTNER_REPORT_TITLE = 'Détection des dépôts sauvages : bilan des six premiers mois du pilote';

// Functions given to page.waitForFunction run in the browser, where `globalThis` is the window.
describeInBrowser('catalogue page: partner access', () => {
  const session = usePageSession();
  let credential: string;

  beforeAll(async () => {
    const { body } = await session.env.gql('mutation { issuePartnerCredential(input: { name: "Test navigateur" }) { credential } }', undefined, { headers: { authorization: `Bearer ${session.env.adminToken}` } });
    credential = body.data.issuePartnerCredential.credential;
  });

  const reportTitles = () => session.page.locator('#tool-body article.report h3').allTextContents();
  // The tool's only report is kept for partners: anonymous readers see its reports section empty.
  const waitForTool = () => session.page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('#tool-body h2')].some((e: any) => /^Retours d’expérience/.test(e.textContent)));

  it('shows reports kept for partners, marked, once a credential is given; forgets it on sign-out', async () => {
    await session.page.goto(`${session.env.origin}/#/outil/${TOOL}`);
    await waitForTool();
    expect(await reportTitles()).not.toContain(PARTNER_REPORT_TITLE);

    await session.page.getByText('Accès partenaire', { exact: true }).click();
    await session.page.getByLabel('Jeton partenaire (délivré par le hub BibIA)').fill(credential);
    await session.page.getByRole('button', { name: 'Activer l’accès partenaire' }).click();
    await session.page.waitForFunction((title) => [...(globalThis as any).document.querySelectorAll('#tool-body h3')].some((e: any) => e.textContent === title), PARTNER_REPORT_TITLE);
    const report = session.page.locator('#tool-body article.report', { hasText: PARTNER_REPORT_TITLE });
    expect(await report.locator('.partners-only').textContent()).toBe('Réservé aux partenaires');
    expect(await session.page.evaluate(() => (globalThis as any).sessionStorage.getItem('bibia.partnerCredential'))).toBe(credential);

    await session.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await session.page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('#tool-body h2')].some((e: any) => e.textContent === 'Retours d’expérience (0)'));
    expect(await reportTitles()).not.toContain(PARTNER_REPORT_TITLE);
    expect(await session.page.evaluate(() => (globalThis as any).sessionStorage.getItem('bibia.partnerCredential'))).toBeNull();
  });

  it('says so when the hub refuses the credential, and closes partner access', async () => {
    await session.page.goto(`${session.env.origin}/#/outil/${TOOL}`);
    await waitForTool();
    await session.page.getByText('Accès partenaire', { exact: true }).click();
    const tampered = credential.slice(0, -4) + (credential.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await session.page.getByLabel('Jeton partenaire (délivré par le hub BibIA)').fill(tampered);
    await session.page.getByRole('button', { name: 'Activer l’accès partenaire' }).click();
    await session.page.waitForFunction(() => /jeton partenaire a été refusé/.test((globalThis as any).document.body.textContent ?? ''));
    expect(await session.page.evaluate(() => (globalThis as any).sessionStorage.getItem('bibia.partnerCredential'))).toBeNull();
    expect(await session.page.locator('#partner-form').isVisible()).toBe(true);
    // The browser logs the refused request (HTTP 401) itself: expected here, nothing else is.
    session.problems.splice(0, session.problems.length, ...session.problems.filter((p) => !/status of 401/.test(p)));
  });
});
