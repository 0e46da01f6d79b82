import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium, snapshot, watch } from '../src/browser';
import { ARRAS } from '../src/startRealStack';
import { REPO_ROOT, startStack, type Stack } from '../src/startStack';

// The API explorer of the gateway (/explorer): GraphiQL served from the gateway itself, the
// operations of schema/operations as tabs, the API schema's documentation.

const EXPLORER_FILES = {
  '/explorer': 'text/html; charset=utf-8',
  '/explorer/explorer.js': 'text/javascript; charset=utf-8',
  '/explorer/explorer.css': 'text/css; charset=utf-8',
  '/explorer/graphiql.js': 'text/javascript; charset=utf-8',
  '/explorer/graphiql.css': 'text/css; charset=utf-8',
  '/explorer/react.js': 'text/javascript; charset=utf-8',
  '/explorer/react-dom.js': 'text/javascript; charset=utf-8',
  '/explorer/setup.json': 'application/json; charset=utf-8',
};

let stack: Stack;
let origin: string;

beforeAll(async () => {
  stack = await startStack({ members: [{ siren: ARRAS }], web: false });
  origin = new URL(stack.gatewayUrl).origin;
}, 300_000);
afterAll(() => stack?.stop());

/** One GET with Node's own client: the bytes as sent (fetch would decompress them). */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The names of the operations in schema/operations, read the plain way. */
function operationNames(): string[] {
  const dir = path.join(REPO_ROOT, 'schema', 'operations');
  return fs.readdirSync(dir).flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^(?:query|mutation) (\w+)/gm)].map((m) => m[1]));
}

describe('API explorer over HTTP', () => {
  it('serves its page and files from the gateway with their types and a strict CSP', async () => {
    for (const [pathname, type] of Object.entries(EXPLORER_FILES)) {
      const res = await get(pathname);
      const shown = { pathname, status: res.status, type: res.headers['content-type'] };
      expect(shown).toEqual({ pathname, status: 200, type });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    }
  });

  it('has no inline script and loads nothing from another origin', async () => {
    const page = (await get('/explorer')).body.toString('utf8');
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/ src="\/explorer\/[\w-]+\.js"/);
      expect(content).toBe('');
    }
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toMatch(/ style=| on\w+=/);
  });

  it('compresses the large files, answers 304 to a known ETag, and refuses other methods', async () => {
    const plain = await get('/explorer/graphiql.js');
    const gzipped = await get('/explorer/graphiql.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    const again = await get('/explorer/graphiql.js', { 'if-none-match': String(plain.headers.etag) });
    expect(again.status).toBe(304);
    const post = await get('/explorer', {}, 'POST');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('gives every operation of schema/operations as an example, and the API schema without asking the endpoint', async () => {
    const setup = JSON.parse((await get('/explorer/setup.json')).body.toString('utf8'));
    expect(setup.endpoint).toBe('/graphql');
    expect(setup.examples.map((e: { name: string }) => e.name).sort()).toEqual(operationNames().sort());
    expect(setup.examples[0].name).toBe('SearchAiTools');
    const types = setup.schema.__schema.types.map((t: { name: string }) => t.name);
    expect(types).toEqual(expect.arrayContaining(['Query', 'Mutation', 'AiTool', 'Collectivite', 'PracticeReport']));
    // The API schema: no federation machinery.
    expect(types.filter((t: string) => /^(join__|link__|_Entity$|_Any$)/.test(t))).toEqual([]);
    const aiTool = setup.schema.__schema.types.find((t: { name: string }) => t.name === 'AiTool');
    expect(aiTool.description).toEqual(expect.any(String));
  });

  // Refused for want of a token (admin operations), or for want of a national index in this stack: not invalid.
  const EXPECTED = ['UNAUTHENTICATED', 'FORBIDDEN', 'INDEX_UNAVAILABLE'];

  it('runs every example query as given (refused only for want of a token or an index, never as invalid)', async () => {
    const { examples } = JSON.parse((await get('/explorer/setup.json')).body.toString('utf8'));
    const queries = examples.filter((e: { kind: string }) => e.kind === 'query');
    expect(queries.length).toBeGreaterThan(5);
    for (const example of queries) {
      const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: example.query, variables: JSON.parse(example.variables) }) });
      const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
      const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'none');
      expect({ name: example.name, codes: codes.filter((c) => !EXPECTED.includes(c)) }).toEqual({ name: example.name, codes: [] });
      if (example.name === 'SearchAiTools') expect(body.data.aiTools.edges.length).toBeGreaterThan(0);
    }
  });
});

describeInBrowser('API explorer in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watch(page, origin);
  });
  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  // Functions given to page.waitForFunction run in the browser, where `globalThis` is the window.
  /** The text of a GraphiQL editor (CodeMirror 5 keeps its instance on its element). */
  const editorText = (selector: string) => page.evaluate((s) => ((globalThis as any).document.querySelector(`${s} .CodeMirror`)?.CodeMirror?.getValue() as string | undefined) ?? '', selector);
  const runAndRead = async (expected: RegExp) => {
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction((source) => new RegExp(source).test((globalThis as any).document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror?.getValue() ?? ''), expected.source);
    return JSON.parse(await editorText('.graphiql-response'));
  };

  it('opens with the example operations as tabs, runs the first and shows its data', async () => {
    await page.goto(`${origin}/explorer`);
    await page.waitForSelector('.graphiql-container');
    const tabs = page.locator('.graphiql-tab');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.graphiql-tab').length > 5);
    expect(await tabs.first().textContent()).toContain('SearchAiTools');
    expect(JSON.parse(await editorText('.graphiql-editor-tool'))).toEqual({ filter: { search: 'courrier' }, first: 10 });
    const search = await runAndRead(/"totalCount"/);
    expect(search.errors).toBeUndefined();
    expect(search.data.aiTools.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(`${ARRAS}:tri-courrier-entrant`);
    const all = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ aiTools(first: 1) { totalCount } }' }) });
    // The example's filter was applied: fewer tools than in the whole library.
    expect(search.data.aiTools.totalCount).toBeLessThan(((await all.json()) as any).data.aiTools.totalCount);
    await snapshot(page, 'explorer-search');

    await page.locator('.graphiql-tab-button', { hasText: /^AiTool$/ }).click();
    expect(JSON.parse(await editorText('.graphiql-editor-tool'))).toEqual({ id: `${ARRAS}:tri-courrier-entrant` });
    const tool = await runAndRead(/"aiTool"/);
    expect(tool.data.aiTool).toMatchObject({ id: `${ARRAS}:tri-courrier-entrant`, collectivite: { siren: ARRAS } });
  });

  it('shows the documentation of the contract', async () => {
    await page.goto(`${origin}/explorer`);
    await page.waitForSelector('.graphiql-doc-explorer');
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await page.locator('.graphiql-doc-explorer').getByText('aiTools', { exact: true }).first().waitFor();
    await page.locator('.graphiql-doc-explorer').getByText('aiTools', { exact: true }).first().click();
    await page.waitForFunction(() => /AiToolConnection/.test((globalThis as any).document.querySelector('.graphiql-doc-explorer')?.textContent ?? ''));
    await snapshot(page, 'explorer-docs');
  });
});
