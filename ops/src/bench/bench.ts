import crypto from 'node:crypto';
import { getEnvBool, getEnvNum, getEnvStr } from '@bibia/core';
import { dropSchema } from '@bibia/kit';
import { NO_RATE_LIMITS } from '@bibia/core';
import { createGateway, DEFAULT_CONFIG } from '@bibia/gateway';
import { startStack, SUPERGRAPH_FILE, type StorageFor } from '@bibia/testkit';
import { syntheticMembers } from '../syntheticMembers';
import { assertAnswers, runLoad, type LoadResult } from './runLoad';
import { fanoutBench } from './indexBench';

const HELP = `npm run bench [-- [fanout] options]: latency and throughput of the gateway, measured side by side in one run.
Without a mode:
  1. the same query sent straight to a member and through the gateway (response cache off, then on);
  2. a national search fanned out to 1, 10 and 50 members on loopback, one stage per member count.
Mode \`fanout\`: national reading through the national index against live fan-out, per member count
(--members): national first-20 list and national search through a gateway (child process) reading
the index, and live for <= 50 members; 1 connection and --connections; full harvest time of N
members x 10 tools; the gateway's RSS; the same queries straight to one registry as the ratio base.
With --json, one JSON object per line: { case, members, mode, p50_ms, p99_ms, rps, ... },
{ case: "harvest", members, seconds }, { case: "gateway_rss", members, mode, mb }.
Each result is printed as soon as it is measured; a stage that fails prints its error and the next
stage runs; the exit code is non-zero when any stage failed.

  --duration <s>       seconds per measure          (BENCH_DURATION, default 5)
  --rounds <n>         alternating rounds           (BENCH_ROUNDS, default 3)
  --connections <n>    concurrent connections       (BENCH_CONNECTIONS, default 10)
  --fanout <list>      member counts, e.g. 1,10,50  (BENCH_FANOUT, default 1,10,50)
  --members <list>     member counts of \`fanout\`   (BENCH_MEMBERS, default 1,50,1000)
  --json               also print each result as one JSON line (BENCH_JSON=1); \`fanout\`: JSON lines only
  --help               this text
BENCH_DATABASE_URL puts members on PostgreSQL, one schema each (default: embedded PGlite, about
220 MB per member); in \`fanout\`, members are real registries on PostgreSQL for counts <= 50 when
it is set, light synthetic members (one HTTP server, from memory) otherwise, and the index is on
PostgreSQL too.`;

/** The bench's own load would be throttled: every gateway it starts has rate limits off, and members exempt loopback. */
const RATE_LIMITS_NOTE = 'Rate limits: off (RATE_LIMIT_PER_MINUTE=0 at the gateways; members and directory exempt loopback): a production gateway limits each client.';

interface Settings {
  mode: 'default' | 'fanout';
  members: number[];
  duration: number;
  rounds: number;
  connections: number;
  fanout: number[];
  json: boolean;
}

/** Command-line flags over the BENCH_* variables. */
export function parseArgs(argv: string[]): Settings | 'help' {
  const settings: Settings = {
    mode: 'default',
    members: parseFanout(getEnvStr('BENCH_MEMBERS', '1,50,1000') ?? ''),
    duration: getEnvNum('BENCH_DURATION', 5),
    rounds: getEnvNum('BENCH_ROUNDS', 3),
    connections: getEnvNum('BENCH_CONNECTIONS', 10),
    fanout: parseFanout(getEnvStr('BENCH_FANOUT', '1,10,50') ?? ''),
    json: getEnvBool('BENCH_JSON', false),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value (see --help)`);
      return v;
    };
    const positive = (v: string) => {
      const n = Number(v);
      if (!(n > 0)) throw new Error(`${arg} must be a positive number, got "${v}"`);
      return n;
    };
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--json') settings.json = true;
    else if (arg === '--duration') settings.duration = positive(value());
    else if (arg === '--rounds') settings.rounds = positive(value());
    else if (arg === '--connections') settings.connections = positive(value());
    else if (arg === '--fanout') settings.fanout = parseFanout(value());
    else if (arg === '--members') settings.members = parseFanout(value());
    else if (arg === 'fanout' && i === 0) settings.mode = 'fanout';
    else throw new Error(`unknown option "${arg}" (see --help)`);
  }
  return settings;
}

const parseFanout = (list: string) => list.split(',').map(Number).filter((n) => n > 0);

let settings: Settings;
const DATABASE_URL = getEnvStr('BENCH_DATABASE_URL');

const ARRAS = '216200410';
const ONE_MEMBER = `query($s: [String!]) { aiTools(first: 20, filter: { sirens: $s }) { totalCount edges { cursor node { id name status riskLevel } } } }`;
const NATIONAL = `query { aiTools(first: 20, filter: { search: "transcription" }) { totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } }`;
const NATIONAL_ALL = `query { aiTools(first: 20) { totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } }`;

/** PostgreSQL schemas this run created, dropped at the end. */
const createdSchemas: string[] = [];

export function storageFor(run: string): StorageFor | undefined {
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

const HEADER = '| measure | p50 ms | p99 ms | req/s | requests | errors | p50 ratio | req/s ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|';

/** Starts a Markdown table; its rows come one by one, as they are measured. */
function printTitle(title: string): void {
  console.log(`\n${title}`);
  console.log(HEADER);
}

/**
 * Prints one measured row at once (and its JSON line when asked), so that a later failure or an
 * interrupted run keeps it. Ratios are against `baseline` (e.g. the same query on 1 member), or
 * blank when that one was not measured.
 */
function printRow(section: string, r: LoadResult, baseline: LoadResult | undefined): void {
  if (!r.requests) {
    // Autocannon counts only answered requests: zero means every one outlasted the measure.
    console.log(`| ${r.label} | – | – | 0 | 0 | ${r.errors} | – | – |  (no answer within ${settings.duration} s: raise --duration)`);
    if (settings.json) console.log(JSON.stringify({ section, ...r, p50: null, p99: null, p50Ratio: null, rpsRatio: null }));
    return;
  }
  const ratio = baseline?.requests ? ` ${(r.p50 / baseline.p50).toFixed(2)} | ${(r.rps / baseline.rps).toFixed(2)} |` : ' – | – |';
  console.log(`| ${r.label} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.requests} | ${r.errors} |${ratio}`);
  if (settings.json) {
    console.log(JSON.stringify({ section, ...r, p50Ratio: baseline ? r.p50 / baseline.p50 : null, rpsRatio: baseline ? r.rps / baseline.rps : null }));
  }
}

function printFailure(section: string, stage: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.log(`| ${stage} | failed: ${message.replace(/\s+/g, ' ').replace(/\|/g, '\\|')} | | | | | | |`);
  if (settings.json) console.log(JSON.stringify({ section, label: stage, error: message }));
  console.error(err instanceof Error ? err.stack : err);
}

async function gatewayVsDirect(): Promise<void> {
  const { duration, rounds, connections } = settings;
  printTitle(`1. One member's tools (20 per page), ${rounds} alternating rounds of ${duration}s, ${connections} connections; medians of rounds`);
  const stack = await startStack({ web: false, storage: storageFor('direct'), gateway: { responseCacheTtlMs: 0 } });
  const cached = await createGateway({
    ...DEFAULT_CONFIG,
    allowPrivateMemberUrls: true,
    port: 0,
    supergraphFile: SUPERGRAPH_FILE,
    directoryUrl: stack.directory.graphqlUrl,
    hubAdminToken: stack.adminToken,
    responseCacheTtlMs: 5000,
    ...NO_RATE_LIMITS,
  });
  try {
    const member = stack.members.get(ARRAS)!;
    const variables = { s: [ARRAS] };
    for (const url of [member.graphqlUrl, stack.gatewayUrl, cached.graphqlUrl]) await assertAnswers(url, ONE_MEMBER, variables);
    const direct: LoadResult[] = [];
    const through: LoadResult[] = [];
    const throughCached: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternate, so that drift of the machine's speed hits all sides alike.
      direct.push(await runLoad({ label: 'direct', url: member.graphqlUrl, query: ONE_MEMBER, variables, connections, duration }));
      through.push(await runLoad({ label: 'gateway', url: stack.gatewayUrl, query: ONE_MEMBER, variables, connections, duration }));
      throughCached.push(await runLoad({ label: 'gateway+cache', url: cached.graphqlUrl, query: ONE_MEMBER, variables, connections, duration }));
    }
    const base = summarize('straight to the member', direct);
    for (const row of [base, summarize('through the gateway, no response cache', through), summarize('through the gateway, 5 s response cache', throughCached)]) {
      printRow('gateway-vs-direct', row, base);
    }
  } finally {
    await cached.close();
    await stack.stop();
  }
}

/** The 1-member rows, baselines of the ratios of the larger fan-outs. */
const fanOutBaseline: { list?: LoadResult; search?: LoadResult } = {};

async function fanOut(n: number): Promise<void> {
  const { duration, rounds, connections } = settings;
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
    for (let round = 0; round < rounds; round++) {
      list.push(await runLoad({ label: '', url: stack.gatewayUrl, query: NATIONAL_ALL, connections, duration }));
      search.push(await runLoad({ label: '', url: stack.gatewayUrl, query: NATIONAL, connections, duration }));
    }
    const label = `${n} member${n > 1 ? 's' : ''}`;
    const listRow = summarize(`${label}: first 20 by name`, list);
    const searchRow = summarize(`${label}: full-text search`, search);
    if (n === 1) Object.assign(fanOutBaseline, { list: listRow, search: searchRow });
    printRow('fan-out', listRow, fanOutBaseline.list);
    printRow('fan-out', searchRow, fanOutBaseline.search);
  } finally {
    await stack.stop();
  }
}

export async function dropCreatedSchemas(): Promise<void> {
  const dropped = await Promise.allSettled(createdSchemas.splice(0).map(dropSchema));
  const notDropped = dropped.filter((d) => d.status === 'rejected').length;
  if (notDropped) console.error(`could not drop ${notDropped} PostgreSQL schema(s) created by this run`);
}

/** Runs every stage, whatever happens to the others; returns how many failed. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    console.log(HELP);
    return 0;
  }
  settings = parsed;
  if (settings.mode === 'fanout') {
    if (!settings.json) console.log(`BibIA benchmark, fanout — Node ${process.version}, storage: ${DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, ${new Date().toISOString()}\n${RATE_LIMITS_NOTE}`);
    try {
      const failed = await fanoutBench(settings, { databaseUrl: DATABASE_URL, storageFor: (run) => storageFor(`${run}_${crypto.randomBytes(2).toString('hex')}`) });
      if (failed) console.error(`\n${failed} stage(s) failed`);
      return failed;
    } finally {
      await dropCreatedSchemas();
    }
  }
  console.log(`BibIA benchmark — Node ${process.version}, storage: ${DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, ${new Date().toISOString()}\n${RATE_LIMITS_NOTE}`);
  let failed = 0;
  const stage = async (section: string, name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      failed++;
      printFailure(section, name, err);
    }
  };
  try {
    await stage('gateway-vs-direct', 'one member, direct vs gateway', gatewayVsDirect);
    if (settings.fanout.length) {
      printTitle(
        '2. National queries fanned out to N members through the gateway, no response cache. Every member runs in this same process, ' +
          'so member work grows with N on the same cores: on separate servers it would run in parallel. Ratios against 1 member.',
      );
    }
    for (const n of settings.fanout) await stage('fan-out', `${n} member${n > 1 ? 's' : ''}`, () => fanOut(n));
  } finally {
    await dropCreatedSchemas();
  }
  if (failed) console.error(`\n${failed} stage(s) failed`);
  return failed;
}
