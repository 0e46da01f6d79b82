import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeCursor, testDatabaseUrl, dropSchema, withCheckDigit } from '@bibia/kit';
import { createIndexServer, type IndexServer } from '../src';
import { SEED_DIR, gql } from './helpers/startHub';
import fs from 'node:fs';
import path from 'node:path';

/*
 * Freshness at 50 members with the default interval and concurrency, in the background loop:
 * fake members (one HTTP server, one path per member) answer the index's documents, so that the
 * test measures the index, not 50 embedded databases.
 */
const MEMBER_COUNT = 50;
const sirens = Array.from({ length: MEMBER_COUNT }, (_, i) => withCheckDigit(`21000${String(i).padStart(3, '0')}`));
const template = JSON.parse(fs.readFileSync(path.join(SEED_DIR, '216200410.json'), 'utf8')).tools[0];

interface FakeMember {
  changes: { id: string; entityId: string; at: string }[];
  tools: Map<string, Record<string, unknown>>;
  requests: number;
}
const fakes = new Map(sirens.map((s): [string, FakeMember] => [s, { changes: [], tools: new Map(), requests: 0 }]));

function toolNode(siren: string, slug: string, name: string) {
  const at = new Date().toISOString();
  const { state: _s, providerName, providerSiren, productId, ...fields } = template;
  return {
    ...fields, id: `${siren}:${slug}`, slug, name, state: 'PUBLISHED', version: 1, createdAt: at, updatedAt: at, publishedAt: at,
    provider: providerName ? { name: providerName, siren: providerSiren ?? null } : null, product: productId ? { id: productId } : null,
  };
}

function answer(siren: string, operation: string, variables: any): unknown {
  const m = fakes.get(siren)!;
  m.requests++;
  const page = (nodes: unknown[]) => ({ pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) });
  switch (operation) {
    case 'BibiaIndexChanges': {
      const afterSeq = variables.after ? Number(/(\d+)"\]$/.exec(Buffer.from(variables.after, 'base64url').toString())?.[1] ?? 0) : 0;
      const edges = m.changes.filter((c) => Number(c.id.split(':').pop()) > afterSeq).map((c) => ({
        cursor: encodeCursor([c.at, c.id]),
        node: { id: c.id, entityType: 'AI_TOOL', entityId: c.entityId, kind: 'PUBLISHED', at: c.at },
      }));
      return { changes: { pageInfo: { hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? null }, edges }, registry: { toolCount: m.tools.size, reportCount: 0 } };
    }
    case 'BibiaIndexEntities':
      return { _entities: variables.representations.map((r: { id: string }) => (m.tools.has(r.id) ? { __typename: 'AiTool', ...m.tools.get(r.id) } : null)) };
    case 'BibiaIndexTools':
      return { aiTools: page([...m.tools.values()]) };
    default:
      return { practiceReports: page([]) };
  }
}

let fake: http.Server;
let fakeUrl: string;
let index: IndexServer;
const databaseUrl = testDatabaseUrl('ix_fresh');

beforeAll(async () => {
  fake = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { operationName, variables } = JSON.parse(body);
      const siren = req.url!.split('/')[2];
      const data = req.url!.startsWith('/directory')
        ? { members: sirens.map((s) => ({ siren: s, departement: '62', region: '32', membership: { registryUrl: `${fakeUrl}/m/${s}/graphql`, status: 'ACTIVE' } })) }
        : answer(siren, operationName, variables);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  index = await createIndexServer({
    port: 0,
    allowPrivateMemberUrls: true,
    ...(databaseUrl ? { databaseUrl } : { dataDir: 'memory://ix-fresh' }),
    directoryUrl: `${fakeUrl}/directory/graphql`,
  });
}, 120_000);

afterAll(async () => {
  await index?.close();
  await new Promise((r) => fake?.close(r));
  if (databaseUrl) await dropSchema(databaseUrl);
});

async function waitFor<T>(what: () => Promise<T | null | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('freshness at 50 members (default interval and concurrency)', () => {
  // The lag itself is a figure of the bench (npm run bench -- fanout); here a generous bound keeps
  // the test meaningful (the next rounds pick it up) without timing a loaded machine.
  it('is ready after the first round, and shows a publication a few harvest rounds later', async () => {
    await waitFor(async () => (await fetch(`${index.url}/ready`)).status === 200, 20_000);
    const siren = sirens[37];
    const m = fakes.get(siren)!;
    const node = toolNode(siren, 'outil-frais', 'Outil tout frais');
    m.tools.set(node.id, node);
    m.changes.push({ id: `${siren}:change:000000000001`, entityId: node.id, at: new Date().toISOString() });
    const published = Date.now();
    await waitFor(async () => (await gql(index.graphqlUrl, `{ aiTools(filter: { search: "tout frais" }) { totalCount } }`)).data?.aiTools.totalCount === 1, 60_000);
    expect(Date.now() - published).toBeLessThan(60_000);
  }, 120_000);

  it('costs one small request per member per interval when nothing changes', async () => {
    for (const f of fakes.values()) f.requests = 0;
    await new Promise((r) => setTimeout(r, 4000));
    const counts = [...fakes.values()].map((f) => f.requests);
    // About two harvests in 4 s at a 2 s interval, never a flood.
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
  }, 20_000);

  it('takes from a member only entries with its own SIREN', async () => {
    const liar = fakes.get(sirens[3])!;
    const intruder = toolNode(sirens[4], 'intrus', 'Outil usurpé');
    liar.tools.set(intruder.id, intruder);
    liar.changes.push({ id: `${sirens[3]}:change:000000000001`, entityId: intruder.id, at: new Date().toISOString() });
    const requestsBefore = liar.requests;
    await waitFor(async () => liar.requests >= requestsBefore + 2, 10_000);
    const res = await gql(index.graphqlUrl, `{ aiTools(filter: { search: "usurpé" }) { totalCount } }`);
    expect(res.data.aiTools.totalCount).toBe(0);
  }, 20_000);
});
