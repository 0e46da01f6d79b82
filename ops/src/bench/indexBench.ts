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

class Output {
  constructor(private readonly json: boolean) {
    if (!json) {
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

/** Measures `query` at `url`, median of rounds; one line per connection count. */
async function measure(
  out: Output,
  s: FanoutSettings,
  base: { case: string; members: number; mode: string; members_kind: string },
  url: string,
  query: string,
  direct?: LoadResult,
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  // Warm-up, not measured: the first requests of a fresh gateway plan the query and JIT the code.
  for (let i = 0; i < 10; i++) await assertAnswers(url, query);
  for (const connections of [...new Set([1, s.connections])]) {
    const runs: LoadResult[] = [];
    for (let r = 0; r < s.rounds; r++) runs.push(await runLoad({ label: base.case, url, query, connections, duration: s.duration }));
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
    });
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
async function direct(out: Output, s: FanoutSettings, deps: FanoutDeps): Promise<{ list: LoadResult; search: LoadResult }> {
  const [member] = syntheticMembers(1, TOOLS_PER_MEMBER);
  const stack = await startStack({ web: false, members: [{ siren: member.siren, seed: member.seed }], storage: deps.storageFor('direct') });
  try {
    const url = stack.members.get(member.siren)!.graphqlUrl;
    await checkTotal(url, 1);
    const base = { members: 1, mode: 'direct', members_kind: 'registry' };
    const [list] = await measure(out, s, { case: 'list', ...base }, url, LIST);
    const [search] = await measure(out, s, { case: 'search', ...base }, url, SEARCH);
    return { list, search };
  } finally {
    await stack.stop();
  }
}

/** The deps' storage, with a pool of 10 for the index (members keep one connection each). */
function withIndexPool(storage: StorageFor | undefined): StorageFor | undefined {
  return storage && ((service) => ({ ...storage(service), ...(service === 'index' ? { poolSize: 10 } : {}) }));
}

async function oneCount(out: Output, s: FanoutSettings, deps: FanoutDeps, n: number, base: { list: LoadResult; search: LoadResult }): Promise<void> {
  const real = Boolean(deps.databaseUrl) && n <= 50;
  const kind = real ? 'registry' : 'light';
  const members = syntheticMembers(n, TOOLS_PER_MEMBER);
  let light: LightMembers | undefined;
  let stack: Stack | undefined;
  const children: ChildProcess[] = [];
  const started = Date.now();
  try {
    const index = { harvest: false, harvestConcurrency: 16, memberTimeoutMs: 30_000 };
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
      await measure(out, s, { case: 'list', ...common }, gw.url, LIST, base.list);
      await measure(out, s, { case: 'search', ...common }, gw.url, SEARCH, base.search);
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
  let base: { list: LoadResult; search: LoadResult };
  try {
    base = await direct(out, s, deps);
  } catch (err) {
    fail('direct', err);
    return failed;
  }
  for (const n of s.members) {
    try {
      await oneCount(out, s, deps, n, base);
    } catch (err) {
      fail(`members ${n}`, err);
    }
  }
  return failed;
}
