import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { checkConformance } from '../src/conformance';
import { runConformanceCli } from '../src/conformance/cli';
import { FIXTURE_CONTRACT, startFakeRegistry, type FakeRegistry, type FakeRegistryOptions } from './helpers/fakeRegistry';

const SIREN = '216200410';
const running: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(running.map((s) => s.close())));

async function fake(options: Partial<FakeRegistryOptions> = {}): Promise<FakeRegistry> {
  const registry = await startFakeRegistry({ siren: SIREN, ...options });
  running.push(registry);
  return registry;
}

/** A plain HTTP server answering every request with `handler`. */
async function rawServer(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe('checkConformance against live members', () => {
  it('passes a conforming member, with every probe run', async () => {
    const { url } = await fake();
    const report = await checkConformance({ url, contractSdl: FIXTURE_CONTRACT, siren: SIREN });
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.contractVersion).toBe('fixture-1');
    expect(report.checks).toEqual([
      'schema matches the contract',
      'registry(siren:) answers for its SIREN',
      "registry(siren:) is null for another collectivité's SIREN",
      'aiTools pagination (4 tools seen)',
      '_entities resolves AiTool ids in order, null for an unknown one',
    ]);
  });

  it('infers the SIREN from tool ids when none is given, and notes an empty registry', async () => {
    const { url } = await fake();
    expect(await checkConformance({ url, contractSdl: FIXTURE_CONTRACT })).toMatchObject({ ok: true, siren: SIREN });
    const empty = await fake({ slugs: [] });
    const report = await checkConformance({ url: empty.url, contractSdl: FIXTURE_CONTRACT });
    expect(report).toMatchObject({ ok: true, differences: [] });
    expect(report.notes).toEqual([
      'registry(siren:) not probed: no SIREN given and no tool id to infer it from',
      'the registry lists no tool: pagination and _entities probes had nothing to check',
    ]);
  });

  it('lists schema differences', async () => {
    const { url } = await fake({
      sdl: (c) =>
        c
          .replace('riskLevel: RiskLevel!', 'riskLevel: String')
          .replace('  UNACCEPTABLE\n', '')
          .replace('aiTool(id: ID!): AiTool', 'aiTool(id: ID!, lang: String!): AiTool'),
    });
    const report = await checkConformance({ url, contractSdl: FIXTURE_CONTRACT, siren: SIREN });
    expect(report.ok).toBe(false);
    expect(report.differences).toEqual([
      'AiTool.riskLevel: type RiskLevel! expected, got String',
      'Query.aiTool(lang:): new required argument of type String! (not in the contract; make it optional)',
      'RiskLevel.UNACCEPTABLE: enum value missing',
    ]);
  });

  it('catches pages that repeat, ids of another SIREN, entities out of order, a registry for any SIREN', async () => {
    const repeat = await fake({ repeatPages: true });
    expect((await checkConformance({ url: repeat.url, contractSdl: FIXTURE_CONTRACT, siren: SIREN })).differences).toEqual([
      `aiTools(first: 2, after: endCursor): repeats id ${SIREN}:chatbot-accueil of the first page`,
      `aiTools(first: 2, after: endCursor): repeats id ${SIREN}:comptage-velos of the first page`,
      `aiTools: ${SIREN}:chatbot-accueil comes after ${SIREN}:comptage-velos but its cursor sorts before it`,
    ]);

    const prefix = await fake({ idPrefix: '200072460' });
    const prefixed = await checkConformance({ url: prefix.url, contractSdl: FIXTURE_CONTRACT, siren: SIREN });
    expect(prefixed.differences).toContain('aiTools(first: 2): id 200072460:chatbot-accueil does not start with 216200410:');

    const reversed = await fake({ reverseEntities: true });
    expect((await checkConformance({ url: reversed.url, contractSdl: FIXTURE_CONTRACT, siren: SIREN })).differences).toEqual([
      `_entities(AiTool): entity 0 should be ${SIREN}:chatbot-accueil, got null`,
      `_entities(AiTool): an unknown id (${SIREN}:bibia-conformance-unknown-tool) must give null, got {"id":"${SIREN}:chatbot-accueil"}`,
    ]);

    const anySiren = await fake({ registryForAnySiren: true });
    expect((await checkConformance({ url: anySiren.url, contractSdl: FIXTURE_CONTRACT, siren: SIREN })).differences).toEqual([
      `registry(siren: "225900018"): must be null for another collectivité's SIREN`,
    ]);

    const other = await fake();
    expect((await checkConformance({ url: other.url, contractSdl: FIXTURE_CONTRACT, siren: '226200012' })).differences).toEqual(
      expect.arrayContaining([
        'registry(siren: "226200012"): returned null, expected this member\'s registry',
        `aiTools(first: 2): id ${SIREN}:chatbot-accueil does not start with 226200012:`,
      ]),
    );
  });

  it('turns garbage, errors, redirects and silence into differences, never throws', async () => {
    const cases: [http.RequestListener, RegExp][] = [
      [(_q, r) => r.end('<html>hello</html>'), /^_service \{ sdl \}: HTTP 200, answer is not JSON/],
      [(_q, r) => r.end('[1,2,3]'), /answer is not a GraphQL response/],
      [(_q, r) => { r.statusCode = 500; r.end('{"errors":[{"message":"boom"}]}'); }, /no SDL in the answer \(boom\)/],
      [(_q, r) => r.end('{"data":{"_service":{"sdl":42}}}'), /no SDL in the answer: is it a federation subgraph\?/],
      [(_q, r) => r.end('{"data":{"_service":{"sdl":"type {"}}}'), /^_service\.sdl: not valid GraphQL SDL/],
      [(_q, r) => { r.statusCode = 301; r.setHeader('location', 'https://elsewhere.example/graphql'); r.end(); }, /redirected \(HTTP 301\) to https:\/\/elsewhere\.example\/graphql/],
      [() => {}, /no answer within 300 ms/],
    ];
    for (const [handler, expected] of cases) {
      const url = await rawServer(handler);
      const report = await checkConformance({ url, contractSdl: FIXTURE_CONTRACT, siren: SIREN, timeoutMs: 300 });
      expect(report.ok).toBe(false);
      expect(report.differences).toEqual([expect.stringMatching(expected)]);
    }
    const refused = await checkConformance({ url: 'http://127.0.0.1:9/graphql', contractSdl: FIXTURE_CONTRACT, timeoutMs: 1000 });
    expect(refused.differences).toEqual([expect.stringMatching(/^_service \{ sdl \}: request failed/)]);
  });

  it('reports a member whose probes answer garbage once its SDL passed', async () => {
    const sdl = JSON.stringify(FIXTURE_CONTRACT);
    const url = await rawServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (body.includes('_service')) return res.end(`{"data":{"_service":{"sdl":${sdl}}}}`);
        if (body.includes('aiTools')) return res.end('{"data":{"aiTools":{"edges":"nope"}}}');
        res.end('{"errors":[{"message":"no"}]}');
      });
    });
    const report = await checkConformance({ url, contractSdl: FIXTURE_CONTRACT, siren: SIREN });
    expect(report.differences).toEqual([
      'aiTools(first: 2): not a connection { edges pageInfo }: {"edges":"nope"}',
      'registry(siren: "216200410"): answered with errors: no',
      'registry(siren: "225900018"): answered with errors: no',
    ]);
  });
});

describe('conformance CLI', () => {
  const contract = path.join(__dirname, 'fixtures', 'contract.graphql');
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runConformanceCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  it('exits 0 with a summary for a conforming member', async () => {
    const { url } = await fake();
    const { code, out } = await run(['--url', url, '--contract', contract]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(new RegExp(`^OK: ${url} \\(SIREN ${SIREN}\\) conforms to .*contract\\.graphql, contract fixture-1: schema matches`))]);
  });

  it('prints each difference on its own line and exits 1', async () => {
    const { url } = await fake({ sdl: (c) => c.replace('riskLevel: RiskLevel!', 'riskLevel: String').replace('  HEALTH\n', '') });
    const { code, out, err } = await run(['--url', url, '--contract', contract, '--siren', SIREN]);
    expect(code).toBe(1);
    expect(out).toEqual(['AiTool.riskLevel: type RiskLevel! expected, got String', 'Theme.HEALTH: enum value missing']);
    expect(err.at(-1)).toMatch(/^FAILED: .* does not conform to .*contract\.graphql \(2 differences\)$/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--url', 'http://x', '--contract', '/nonexistent.graphql'])).code).toBe(2);
    expect((await run(['--url', 'http://x', '--timeout', 'soon'])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
