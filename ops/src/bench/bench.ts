import crypto from 'node:crypto';
import { dropSchema, getEnvNum, getEnvStr } from '@bibia/kit';
import { createGateway, DEFAULT_CONFIG } from '@bibia/gateway';
import { startStack, SUPERGRAPH_FILE, type StorageFor } from '../startStack';
import { syntheticMembers } from '../syntheticMembers';
import { assertAnswers, runLoad, type LoadResult } from './runLoad';

/**
 * `npm run bench`: latency and throughput of the gateway, measured side by side in one run.
 *  1. the same query sent straight to a member and through the gateway (response cache off, then on);
 *  2. a national search fanned out to 1, 10 and 50 members on loopback.
 * Settings: BENCH_DURATION (seconds per measure, default 5), BENCH_ROUNDS (alternations, default 3),
 * BENCH_CONNECTIONS (default 10), BENCH_FANOUT (default "1,10,50"), BENCH_DATABASE_URL (members on
 * PostgreSQL, one schema each; default: embedded PGlite, about 220 MB per member).
 */
const DURATION = getEnvNum('BENCH_DURATION', 5);
const ROUNDS = getEnvNum('BENCH_ROUNDS', 3);
const CONNECTIONS = getEnvNum('BENCH_CONNECTIONS', 10);
const FANOUT = (getEnvStr('BENCH_FANOUT', '1,10,50') ?? '').split(',').map(Number).filter((n) => n > 0);
const DATABASE_URL = getEnvStr('BENCH_DATABASE_URL');

const ARRAS = '216200410';
const ONE_MEMBER = `query($s: [String!]) { aiTools(first: 20, filter: { sirens: $s }) { totalCount edges { cursor node { id name status riskLevel } } } }`;
const NATIONAL = `query { aiTools(first: 20, filter: { search: "transcription" }) { totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } }`;
const NATIONAL_ALL = `query { aiTools(first: 20) { totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } }`;

/** PostgreSQL schemas this run created, dropped at the end. */
const createdSchemas: string[] = [];

function storageFor(run: string): StorageFor | undefined {
  if (!DATABASE_URL) return undefined;
  return (service) => {
    const url = new URL(DATABASE_URL);
    url.searchParams.set('schema', `bench_${run}_${service.replace(/\W/g, '_')}`.slice(0, 60));
    createdSchemas.push(url.toString());
    // One connection per member: 50 members must fit in PostgreSQL's default 100 connections.
    return { databaseUrl: url.toString(), dataDir: 'unused', poolSize: 1 };
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function summarize(label: string, runs: LoadResult[]): LoadResult {
  return {
    label,
    requests: runs.reduce((n, r) => n + r.requests, 0),
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/** Prints a Markdown table; ratios against `baseline(row)` (e.g. the first row, or the same query on 1 member). */
function printTable(title: string, rows: LoadResult[], baseline: (r: LoadResult) => LoadResult = () => rows[0]) {
  console.log(`\n${title}`);
  console.log('| measure | p50 ms | p99 ms | req/s | requests | errors | p50 ratio | req/s ratio |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const b = baseline(r);
    const ratio = ` ${(r.p50 / b.p50).toFixed(2)} | ${(r.rps / b.rps).toFixed(2)} |`;
    console.log(`| ${r.label} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.requests} | ${r.errors} |${ratio}`);
  }
}

async function gatewayVsDirect(): Promise<void> {
  const stack = await startStack({ web: false, storage: storageFor('direct'), gateway: { responseCacheTtlMs: 0 } });
  const cached = await createGateway({
    ...DEFAULT_CONFIG,
    port: 0,
    supergraphFile: SUPERGRAPH_FILE,
    directoryUrl: stack.directory.graphqlUrl,
    hubAdminToken: stack.adminToken,
    responseCacheTtlMs: 5000,
  });
  try {
    const member = stack.members.get(ARRAS)!;
    const variables = { s: [ARRAS] };
    for (const url of [member.graphqlUrl, stack.gatewayUrl, cached.graphqlUrl]) await assertAnswers(url, ONE_MEMBER, variables);
    const direct: LoadResult[] = [];
    const through: LoadResult[] = [];
    const throughCached: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate, so that drift of the machine's speed hits all sides alike.
      direct.push(await runLoad({ label: 'direct', url: member.graphqlUrl, query: ONE_MEMBER, variables, connections: CONNECTIONS, duration: DURATION }));
      through.push(await runLoad({ label: 'gateway', url: stack.gatewayUrl, query: ONE_MEMBER, variables, connections: CONNECTIONS, duration: DURATION }));
      throughCached.push(await runLoad({ label: 'gateway+cache', url: cached.graphqlUrl, query: ONE_MEMBER, variables, connections: CONNECTIONS, duration: DURATION }));
    }
    const base = summarize('straight to the member', direct);
    printTable(
      `1. One member's tools (20 per page), ${ROUNDS} alternating rounds of ${DURATION}s, ${CONNECTIONS} connections; medians of rounds`,
      [base, summarize('through the gateway, no response cache', through), summarize('through the gateway, 5 s response cache', throughCached)],
    );
  } finally {
    await cached.close();
    await stack.stop();
  }
}

async function fanOut(): Promise<void> {
  const rows: LoadResult[] = [];
  for (const n of FANOUT) {
    const started = Date.now();
    const members = syntheticMembers(n, 8);
    const stack = await startStack({
      web: false,
      members: members.map((m) => ({ siren: m.siren, seed: m.seed })),
      storage: storageFor(`fan${n}_${crypto.randomBytes(2).toString('hex')}`),
      gateway: { responseCacheTtlMs: 0, memberTimeoutMs: 10_000 },
    });
    try {
      const data = (await assertAnswers(stack.gatewayUrl, NATIONAL_ALL)) as { aiTools: { totalCount: number } };
      if (data.aiTools.totalCount !== n * 8) throw new Error(`expected ${n * 8} tools from ${n} members, got ${data.aiTools.totalCount}`);
      console.error(`  ${n} member(s) up in ${((Date.now() - started) / 1000).toFixed(0)} s; measuring`);
      const list: LoadResult[] = [];
      const search: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        list.push(await runLoad({ label: '', url: stack.gatewayUrl, query: NATIONAL_ALL, connections: CONNECTIONS, duration: DURATION }));
        search.push(await runLoad({ label: '', url: stack.gatewayUrl, query: NATIONAL, connections: CONNECTIONS, duration: DURATION }));
      }
      const members = `${n} member${n > 1 ? 's' : ''}`;
      rows.push(summarize(`${members}: first 20 by name`, list), summarize(`${members}: full-text search`, search));
    } finally {
      await stack.stop();
    }
  }
  printTable(
    '2. National queries fanned out to N members through the gateway, no response cache. Every member runs in this same process, ' +
      'so member work grows with N on the same cores: on separate servers it would run in parallel. Ratios against 1 member.',
    rows,
    (r) => rows[r.label.endsWith('search') ? 1 : 0],
  );
}

export async function main(): Promise<void> {
  console.log(`BibIA benchmark — Node ${process.version}, storage: ${DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, ${new Date().toISOString()}`);
  try {
    await gatewayVsDirect();
    await fanOut();
  } finally {
    await Promise.all(createdSchemas.map(dropSchema));
  }
}
