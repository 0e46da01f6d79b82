import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startStack, type Stack, type StorageFor } from '@bibia/testkit';
import { registerMembers } from '@bibia/testkit';
import { startLightMembers, type LightMembers } from '../lightMembers';
import { syntheticMembers } from '../syntheticMembers';
import { assertAnswers, runLoad, type LoadResult } from './runLoad';

/*
 * `bench fanout`: national reading through the national index against live fan-out, per member
 * count. For each N:
 *   - N members with 10 published tools each: real registries (one PostgreSQL schema each) when
 *     BENCH_DATABASE_URL is set and N <= 50, light synthetic members (ops/src/lightMembers.ts, one
 *     HTTP server, from memory) otherwise; the `members_kind` field of each line says which;
 *   - a hub (directory, index — on PostgreSQL too when BENCH_DATABASE_URL is set) in this process;
 *   - `harvest`: seconds from an empty index to every tool of every member harvested;
 *   - a gateway in a CHILD process (bin/bibia-gateway.js) with INDEX_URL: national first-20 list
 *     and national search, 1 connection and --connections; then its RSS (/proc/<pid>/status);
 *   - `index-alone`: the same two queries straight to the index (1 connection), no gateway;
 *   - for N <= 50, the same through a child gateway without INDEX_URL (live fan-out), and its RSS;
 *   - the ratio base: the same two queries straight to ONE real registry with 10 tools
 *     (`mode: "direct"`, measured once), and straight to one light member at N > 50.
 */

const REPO_ROOT = path.join(__dirname, '..', '..', '..');
const GATEWAY_BIN = path.join(REPO_ROOT, 'gateway', 'bin', 'bibia-gateway.js');
const TOOLS_PER_MEMBER = 10;

export const LIST = `query { aiTools(first: 20) { totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } }`;
export const SEARCH = `query { aiTools(first: 20, filter: { search: "transcription" }) { totalCount edges { cursor node { id name status } } pageInfo { hasNextPage endCursor } } }`;

export interface FanoutSettings {
  duration: number;
  rounds: number;
  connections: number;
  members: number[];
  json: boolean;
}

export interface FanoutDeps {
  databaseUrl?: string;
  storageFor(run: string): StorageFor | undefined;
}

type Line = Record<string, string | number | null>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x: number) => Math.round(x * 10) / 10;

/** What the figures are, printed first (`{ case: "about", text }` in JSON). */
const MEASURED = 'Each request does the real work: gateways run with RESPONSE_CACHE_TTL_MS=0, and each line through a gateway says how many fetches the index answered (index_answers, at least the requests measured in mode index) and how many member answers came from a cache (cache_hits, 0). The index reads every page from its database; its totalCount is counted once per filter and content version (the harvest is stopped during the measures). Same queries for direct, index-alone, index and live: the national first-20 list and a national search.';

class Output {
  constructor(private readonly json: boolean) {
    if (json) console.log(JSON.stringify({ case: 'about', text: MEASURED }));
    else {
      console.log(MEASURED);
      console.log('| case | members | mode | members kind | connections | p50 ms | p99 ms | req/s | p50 / direct | other |');
      console.log('|---|---:|---|---|---:|---:|---:|---:|---:|---|');
    }
  }

  line(l: Line): void {
    if (this.json) {
      console.log(JSON.stringify(l));
      return;
    }
    const { case: c, members, mode, members_kind, connections, p50_ms, p99_ms, rps, p50_ratio_direct, ...other } = l;
    const show = (v: unknown) => (v === undefined || v === null ? '–' : String(v));
    const rest = Object.entries(other).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`| ${show(c)} | ${show(members)} | ${show(mode)} | ${show(members_kind)} | ${show(connections)} | ${show(p50_ms)} | ${show(p99_ms)} | ${show(rps)} | ${show(p50_ratio_direct)} | ${rest} |`);
  }
}

/**
 * What a gateway did during a measure, from its `/metrics`: fetches the index answered, and
 * member answers served from its response cache (none may be: the measure is of real work).
 */
async function gatewayCounters(graphqlUrl: string): Promise<{ index_answers: number; cache_hits: number }> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  const sum = (name: string, labels = '') => text
    .split('\n')
    .filter((l) => l.startsWith(name) && (l[name.length] === ' ' || l[name.length] === '{') && l.includes(labels))
    .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
  return { index_answers: sum('bibia_index_answers_total', 'subgraph="registry"'), cache_hits: sum('bibia_member_cache_hits_total') };
}

/**
 * Measures `query` at `url`, median of rounds; one line per connection count. Through a gateway
 * (`gateway`), the line also says how many fetches the index answered and how many member answers
 * came from the response cache; with `viaIndex`, a request the index did not answer fails the stage.
 */
async function measure(
  out: Output,
  s: FanoutSettings,
  base: { case: string; members: number; mode: string; members_kind: string },
  url: string,
  query: string,
  direct?: LoadResult,
  gateway?: { viaIndex: boolean },
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  // Warm-up, not measured: the first requests of a fresh gateway plan the query and JIT the code.
  for (let i = 0; i < 10; i++) await assertAnswers(url, query);
  for (const connections of [...new Set([1, s.connections])]) {
    const runs: LoadResult[] = [];
    const before = gateway && (await gatewayCounters(url));
    for (let r = 0; r < s.rounds; r++) runs.push(await runLoad({ label: base.case, url, query, connections, duration: s.duration }));
    const after = gateway && (await gatewayCounters(url));
    const work = before && after ? { index_answers: after.index_answers - before.index_answers, cache_hits: after.cache_hits - before.cache_hits } : undefined;
    const result: LoadResult = {
      label: base.case,
      requests: runs.reduce((n, x) => n + x.requests, 0),
      rps: median(runs.map((x) => x.rps)),
      p50: median(runs.map((x) => x.p50)),
      p99: median(runs.map((x) => x.p99)),
      errors: runs.reduce((n, x) => n + x.errors, 0),
    };
    results.push(result);
    out.line({
      ...base,
      connections,
      p50_ms: result.requests ? result.p50 : null,
      p99_ms: result.requests ? result.p99 : null,
      rps: Math.round(result.rps),
      ...(direct && connections === 1 && direct.p50 > 0 && result.requests ? { p50_ratio_direct: round1(result.p50 / direct.p50) } : {}),
      ...(result.errors ? { errors: result.errors } : {}),
      ...work,
    });
    if (work?.cache_hits) throw new Error(`${base.case} (${base.mode}): ${work.cache_hits} answers came from the response cache`);
    if (gateway?.viaIndex && work!.index_answers < result.requests) {
      throw new Error(`${base.case} (${base.mode}): the index answered ${work!.index_answers} of ${result.requests} requests`);
    }
  }
  return results;
}

/** The gateway in a child process, so that its RSS is its own. */
async function spawnGateway(stack: Stack, indexUrl: string | undefined): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DIRECTORY_URL: stack.directory.graphqlUrl,
    HUB_ADMIN_TOKEN: stack.adminToken,
    RESPONSE_CACHE_TTL_MS: '0',
    MEMBER_TIMEOUT_MS: '10000',
    INDEX_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'error',
    // The bench's members listen on loopback.
    ALLOW_PRIVATE_MEMBER_URLS: 'true',
    // The bench's load comes from one address: no rate limits (bench.ts says so).
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '0',
  };
  delete env.REDIS_URL;
  delete env.INDEX_URL;
  if (indexUrl) env.INDEX_URL = indexUrl;
  const child = spawn(process.execPath, [GATEWAY_BIN, '--port', '0', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the gateway did not start within 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /BibIA gateway: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the gateway exited (${code}): ${out.slice(0, 300)}`)));
  });
  return { child, url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Resident set of a process, in MB, from /proc (Linux). */
function rssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round1(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

async function checkTotal(url: string, n: number): Promise<void> {
  const data = (await assertAnswers(url, LIST)) as { aiTools: { totalCount: number } };
  if (data.aiTools.totalCount !== n * TOOLS_PER_MEMBER) throw new Error(`${url}: expected ${n * TOOLS_PER_MEMBER} tools, got ${data.aiTools.totalCount}`);
}

/** The ratio base: one real registry with 10 tools, queried straight. */
interface Base {
  list: LoadResult;
  search: LoadResult;
}

/**
 * The ratio base: one real registry with 10 tools, queried straight. It stays up for the whole
 * run: measured first (1 and --connections), then again at 1 connection just before the measures
 * of each member count (`ratio_base_for`), so that a ratio compares figures taken minutes apart at
 * most on a machine whose load varies.
 */
async function directBase(out: Output, s: FanoutSettings, deps: FanoutDeps): Promise<{ first: Base; again(n: number): Promise<Base>; stop(): Promise<void> }> {
  const [member] = syntheticMembers(1, TOOLS_PER_MEMBER);
  const stack = await startStack({ web: false, members: [{ siren: member.siren, seed: member.seed }], storage: deps.storageFor('direct') });
  try {
    const url = stack.members.get(member.siren)!.graphqlUrl;
    await checkTotal(url, 1);
    const line = { members: 1, mode: 'direct', members_kind: 'registry' };
    const measureBoth = async (settings: FanoutSettings, extra: Line): Promise<Base> => {
      const [list] = await measure(out, settings, { case: 'list', ...line, ...extra }, url, LIST);
      const [search] = await measure(out, settings, { case: 'search', ...line, ...extra }, url, SEARCH);
      return { list, search };
    };
    return {
      first: await measureBoth(s, {}),
      again: (n) => measureBoth({ ...s, connections: 1 }, { ratio_base_for: n }),
      stop: () => stack.stop(),
    };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

/** The deps' storage, with a pool of 10 for the index (members keep one connection each). */
function withIndexPool(storage: StorageFor | undefined): StorageFor | undefined {
  return storage && ((service) => ({ ...storage(service), ...(service === 'index' ? { poolSize: 10 } : {}) }));
}

async function oneCount(out: Output, s: FanoutSettings, deps: FanoutDeps, n: number, direct: { again(n: number): Promise<Base> }): Promise<void> {
  const real = Boolean(deps.databaseUrl) && n <= 50;
  const kind = real ? 'registry' : 'light';
  const members = syntheticMembers(n, TOOLS_PER_MEMBER);
  let light: LightMembers | undefined;
  let stack: Stack | undefined;
  const children: ChildProcess[] = [];
  const started = Date.now();
  try {
    // The harvest is stopped once every tool is in, so that reading is measured alone; the
    // members harvested then stay fresh for the measure (STALE_AFTER_MS of an hour), as with a
    // harvest running: the answers name no stale member, like a member's own answers.
    const index = { harvest: false, harvestConcurrency: 16, memberTimeoutMs: 30_000, staleAfterMs: 3_600_000 };
    if (real) {
      stack = await startStack({ web: false, members: members.map((m) => ({ siren: m.siren, seed: m.seed })), storage: withIndexPool(deps.storageFor(`ix${n}`)), index, gateway: { responseCacheTtlMs: 0 } });
    } else {
      light = await startLightMembers(members);
      stack = await startStack({ web: false, members: [], storage: withIndexPool(deps.storageFor(`ix${n}`)), index, gateway: { responseCacheTtlMs: 0 } });
      await registerMembers(stack, members.map((m) => ({ siren: m.siren, name: m.name, departement: m.departement, registryUrl: light!.graphqlUrl(m.siren) })));
    }
    console.error(`  ${n} ${kind} member(s) and the hub up in ${((Date.now() - started) / 1000).toFixed(0)} s; harvesting`);

    // Full harvest, from an empty index to every tool of every member.
    const ix = stack.index!;
    const harvestStart = process.hrtime.bigint();
    for (let round = 0; ; round++) {
      await ix.harvestOnce();
      if ((await ix.prisma.indexedTool.count()) === n * TOOLS_PER_MEMBER) break;
      if (round > 20) throw new Error(`harvest: ${await ix.prisma.indexedTool.count()} of ${n * TOOLS_PER_MEMBER} tools after 20 rounds`);
    }
    const seconds = Number(process.hrtime.bigint() - harvestStart) / 1e9;
    out.line({ case: 'harvest', members: n, members_kind: kind, tools: n * TOOLS_PER_MEMBER, seconds: Math.round(seconds * 100) / 100, concurrency: index.harvestConcurrency });

    // The index alone (no gateway), 1 connection: how much of the gateway's time is the index's.
    await checkTotal(ix.graphqlUrl, n);
    const base = await direct.again(n);
    const alone = { connections: 1, rounds: s.rounds, duration: s.duration, members: [], json: s.json };
    await measure(out, alone, { case: 'list', members: n, mode: 'index-alone', members_kind: kind }, ix.graphqlUrl, LIST, base.list);
    await measure(out, alone, { case: 'search', members: n, mode: 'index-alone', members_kind: kind }, ix.graphqlUrl, SEARCH, base.search);

    const modes: [string, string | undefined][] = [['index', ix.graphqlUrl]];
    if (n <= 50) modes.push(['live', undefined]);
    for (const [mode, indexUrl] of modes) {
      const gw = await spawnGateway(stack, indexUrl);
      children.push(gw.child);
      await checkTotal(gw.url, n);
      const common = { members: n, mode, members_kind: kind };
      await measure(out, s, { case: 'list', ...common }, gw.url, LIST, base.list, { viaIndex: mode === 'index' });
      await measure(out, s, { case: 'search', ...common }, gw.url, SEARCH, base.search, { viaIndex: mode === 'index' });
      out.line({ case: 'gateway_rss', members: n, mode, members_kind: kind, mb: rssMb(gw.child.pid!) });
      await stopChild(gw.child);
    }
    if (light && n > 50) {
      // What one light member costs straight, for reference (not the ratio base).
      const url = light.graphqlUrl(members[0].siren);
      const common = { members: 1, mode: 'direct', members_kind: 'light' };
      await measure(out, s, { case: 'list', ...common }, url, LIST);
      await measure(out, s, { case: 'search', ...common }, url, SEARCH);
    }
  } finally {
    for (const c of children) await stopChild(c);
    await stack?.stop();
    await light?.close();
  }
}

/** Runs the fan-out benchmark; returns how many member counts failed. */
export async function fanoutBench(s: FanoutSettings, deps: FanoutDeps): Promise<number> {
  const out = new Output(s.json);
  let failed = 0;
  const fail = (what: string, err: unknown) => {
    failed++;
    const message = err instanceof Error ? err.message : String(err);
    out.line({ case: what, error: message.replace(/\s+/g, ' ') });
    console.error(err instanceof Error ? err.stack : err);
  };
  let direct: Awaited<ReturnType<typeof directBase>>;
  try {
    direct = await directBase(out, s, deps);
  } catch (err) {
    fail('direct', err);
    return failed;
  }
  try {
    for (const n of s.members) {
      try {
        await oneCount(out, s, deps, n, direct);
      } catch (err) {
        fail(`members ${n}`, err);
      }
    }
  } finally {
    await direct.stop();
  }
  return failed;
}
