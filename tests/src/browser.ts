import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getEnvStr } from '@bibia/core';
import { STACK_START_TIMEOUT_MS, startClientStack, type ClientStack } from './startRealStack';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` when Chromium is installed. Without it: in CI (`CI` set), one failing test that
 * names the reason, since CI must never pass without running these; elsewhere `describe.skip`
 * with a warning that names the reason.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, fn);
  } else if (isCI()) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium): the browser tests may not be skipped in CI (CI=${process.env.CI})`);
      });
    });
  } else {
    console.warn(`SKIPPED "${name}": ${CHROMIUM} is missing (apt-get install -y chromium)`);
    describe.skip(name, fn);
  }
}

/** CI services set `CI` (usually to `true`); `CI=false` or `CI=0` turn it off. */
function isCI(): boolean {
  const ci = getEnvStr('CI');
  return ci !== undefined && !/^(0|false|no|off)$/i.test(ci);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'catalogue');

/** Keeps a screenshot of a step in test-artifacts/catalogue (git-ignored). */
export async function snapshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Records what would be wrong on any page: script errors, console errors, requests that leave
 * the page's origin.
 */
export function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request outside the origin: ${r.url()}`);
  });
  return problems;
}

/** What {@link usePageSession} gives a test: the stack, and this test's page. */
export interface PageSession {
  readonly env: ClientStack;
  readonly page: Page;
  /** What {@link watch} recorded on this page so far; a test may drop what it expects. */
  readonly problems: string[];
}

/**
 * One client stack and one Chromium for a describe block, a fresh French desktop page per test,
 * and no console error, failed request or CSP report allowed on it (checked after each test).
 */
export function usePageSession(): PageSession {
  let env: ClientStack;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    env = await startClientStack();
    browser = await launchChromium();
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
  return {
    get env() {
      return env;
    },
    get page() {
      return page;
    },
    get problems() {
      return problems;
    },
  };
}

/** The WCAG 2.1 A and AA rules of axe-core. */
export const AXE_WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource: string | undefined;

/**
 * Runs axe-core (from node_modules, evaluated through the DevTools protocol so that the page's
 * CSP stays on) on the page as it is, with the WCAG 2.1 AA rules, and fails with the
 * violations, each with its help text and the first elements concerned.
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] = await page.evaluate(async (tags) => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target })) }));
  }, AXE_WCAG21_AA);
  expect([label, violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')})`)]).toEqual([label, []]);
}

/** A full-page screenshot in test-artifacts/<dir>/<name>.png (git-ignored). */
export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  const folder = path.join(ARTIFACTS, '..', dir);
  fs.mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}
