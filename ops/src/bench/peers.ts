import fs from 'node:fs';
import os from 'node:os';
import { getEnvBool, getEnvNum, getEnvStr } from '@bibia/core';
import { startStack, SUPERGRAPH_FILE } from '@bibia/testkit';
import { dropCreatedSchemas, storageFor } from './bench';
import { NESTED_QUERY, startScenarioSubgraphs } from './gatewaysBenchmark';
import { measureMemberFootprint } from './memberFootprint';
import { checkSameAnswers, measureSideBySide, postGraphQL, type PeerLine, type Target } from './peersMeasure';
import { spawnPeerGateway, type PeerProcess } from './peersProcess';
import { PEER_CASES, parseCases, withSubgraphUrls, type PeerCase } from './peersCases';
import type { PeerGatewaySpec } from './peersGateway';

export { parseCases } from './peersCases';

/*
 * `bench peers` (issue 12): our gateway against its peers, side by side in one run.
 *   G1  one member's 20 tools: the member directly; BibIA with member routing (Apollo's engine and
 *       the router engine) and in stock mode;
 *       plain @apollo/gateway; Hive Gateway (JS planner) and Hive Gateway + router-runtime (Rust planner).
 *   G1b the same tools with their collectivité (registry + directory subgraphs), same gateways.
 *   G2  the public graphql-gateways-benchmark scenario on our own Node subgraphs (gatewaysBenchmark/),
 *       50 connections; BibIA under its default limits (a refusal is a result).
 *   G4  one member registry's start time (cold, warm) and idle RSS, PGlite and PostgreSQL.
 * Every gateway runs in a child process of its own (its CPU time read over each timed window);
 * members, subgraphs and the load generator run in this process and are not counted. Response
 * caches are off, rate limits off. Each line: { case, config, p50_ms, p99_ms, rps, cpu_ms_per_req, ... }.
 */

export interface PeersSettings {
  /** Seconds per measure. Env BENCH_DURATION. @default 5 */
  duration: number;
  /** Alternating rounds. Env BENCH_ROUNDS. @default 3 */
  rounds: number;
  /** Connections of G1 and G1b (G2 uses the public benchmark's 50). Env BENCH_CONNECTIONS. @default 10 */
  connections: number;
  /** JSON lines only. Env BENCH_JSON. @default false */
  json: boolean;
  /** Cases run. Env BENCH_CASES. @default all */
  cases: PeerCase[];
}

/** The public benchmark's connection count (its k6 virtual users). */
const G2_CONNECTIONS = 50;
/** Seconds per G2 measure at least: with 50 connections a slow gateway answers in seconds, and a window must see many answers. */
const G2_MIN_DURATION = 10;
const ARRAS = '216200410';
const ONE_MEMBER = `query($s: [String!]) { aiTools(first: 20, filter: { sirens: $s }) { totalCount edges { cursor node { id name status riskLevel } } } }`;
const WITH_COLLECTIVITE = `query($s: [String!]) { aiTools(first: 20, filter: { sirens: $s }) { totalCount edges { cursor node { id name status riskLevel collectivite { siren name kind departement region } } } } }`;

export function peersSettings(given: Partial<PeersSettings> = {}): PeersSettings {
  return {
    duration: given.duration ?? getEnvNum('BENCH_DURATION', 5),
    rounds: given.rounds ?? getEnvNum('BENCH_ROUNDS', 3),
    connections: given.connections ?? getEnvNum('BENCH_CONNECTIONS', 10),
    json: given.json ?? getEnvBool('BENCH_JSON', false),
    cases: given.cases ?? parseCases(getEnvStr('BENCH_CASES', PEER_CASES.join(',')) ?? ''),
  };
}

function version(pkg: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
}

/** The peers' names as printed, with the versions installed. */
function peerNames() {
  return {
    apollo: `plain @apollo/gateway ${version('@apollo/gateway')}`,
    hive: `Hive Gateway runtime ${version('@graphql-hive/gateway-runtime')} (JS planner)`,
    hiveRouter: `Hive Gateway runtime ${version('@graphql-hive/gateway-runtime')} + router-runtime ${version('@graphql-hive/router-runtime')} (Rust planner)`,
  };
}

class Printer {
  constructor(private readonly json: boolean) {
    if (!json) {
      console.log('| case | config | p50 ms | p99 ms | req/s | gateway CPU ms/req | other |');
      console.log('|---|---|---:|---:|---:|---:|---|');
    }
  }

  line(l: PeerLine): void {
    if (this.json) return void console.log(JSON.stringify(l));
    const { case: c, config, p50_ms, p99_ms, rps, cpu_ms_per_req, ...other } = l;
    const show = (v: unknown) => (v === null || v === undefined ? '–' : String(v));
    const rest = Object.entries(other).map(([k, v]) => `${k}=${String(v).replace(/\|/g, '\\|')}`).join(' ');
    console.log(`| ${c} | ${config} | ${show(p50_ms)} | ${show(p99_ms)} | ${show(rps)} | ${show(cpu_ms_per_req)} | ${rest} |`);
  }
}

const emptyLine = (c: string, config: string, more: Record<string, string | number | boolean | null>): PeerLine =>
  ({ case: c, config, p50_ms: null, p99_ms: null, rps: null, cpu_ms_per_req: null, ...more });

/** Starts each spec in its own child process; stops them all when one fails. */
async function spawnAll(specs: { config: string; spec: PeerGatewaySpec }[]): Promise<{ targets: Target[]; stop(): Promise<void> }> {
  const started: PeerProcess[] = [];
  const stop = async () => void (await Promise.all(started.map((p) => p.stop())));
  const targets: Target[] = [];
  try {
    for (const { config, spec } of specs) {
      const p = await spawnPeerGateway(spec);
      started.push(p);
      targets.push({ config, graphqlUrl: p.graphqlUrl, cpuMs: p.cpuMs });
    }
    return { targets, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** G1 and G1b: one member (PGlite, or PostgreSQL with BENCH_DATABASE_URL) and the directory, shared by every gateway. */
async function memberCases(s: PeersSettings, out: Printer): Promise<void> {
  const names = peerNames();
  const stack = await startStack({ web: false, members: [{ siren: ARRAS }], storage: storageFor('peers'), gateway: { responseCacheTtlMs: 0 } });
  let gateways: Awaited<ReturnType<typeof spawnAll>> | undefined;
  try {
    const member = stack.members.get(ARRAS)!;
    const stock = withSubgraphUrls(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'), { registry: member.graphqlUrl, directory: stack.directory.graphqlUrl });
    gateways = await spawnAll([
      { config: 'BibIA gateway, Apollo engine, member routing', spec: { kind: 'bibia', supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'), directoryUrl: stack.directory.graphqlUrl, hubAdminToken: stack.adminToken } },
      { config: 'BibIA gateway, router engine (default), member routing', spec: { kind: 'bibia-router', supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'), directoryUrl: stack.directory.graphqlUrl, hubAdminToken: stack.adminToken } },
      { config: 'BibIA gateway, Apollo engine, stock mode', spec: { kind: 'bibia', supergraphSdl: stock } },
      { config: names.apollo, spec: { kind: 'apollo', supergraphSdl: stock } },
      { config: names.hive, spec: { kind: 'hive', supergraphSdl: stock } },
      { config: names.hiveRouter, spec: { kind: 'hive-router', supergraphSdl: stock } },
    ]);
    const variables = { s: [ARRAS] };
    const shape = { variables, connections: s.connections, duration: s.duration, rounds: s.rounds };
    if (s.cases.includes('G1')) {
      const targets = [{ config: 'the member directly', graphqlUrl: member.graphqlUrl }, ...gateways.targets];
      await runCase('G1', out, async () => {
        await checkSameAnswers(targets, ONE_MEMBER, variables);
        return withRatios(await measureSideBySide('G1', targets, { ...shape, query: ONE_MEMBER }));
      });
    }
    if (s.cases.includes('G1b')) {
      await runCase('G1b', out, async () => {
        await checkSameAnswers(gateways!.targets, WITH_COLLECTIVITE, variables);
        return measureSideBySide('G1b', gateways!.targets, { ...shape, query: WITH_COLLECTIVITE });
      });
    }
  } finally {
    await gateways?.stop();
    await stack.stop();
  }
}

/** p50 and CPU ratios to the first line (G1: the member directly). */
function withRatios(lines: PeerLine[]): PeerLine[] {
  const base = lines[0];
  return lines.map((l) => ({ ...l, p50_ratio_direct: l.p50_ms !== null && base.p50_ms ? Math.round((l.p50_ms / base.p50_ms) * 100) / 100 : null }));
}

/** G2: the public benchmark's scenario on our own subgraphs; identical answers checked before timing. */
async function scenarioCase(s: PeersSettings, out: Printer): Promise<void> {
  const names = peerNames();
  const subgraphs = await startScenarioSubgraphs();
  let gateways: Awaited<ReturnType<typeof spawnAll>> | undefined;
  try {
    const sdl = subgraphs.supergraphSdl;
    // Our gateway as it is configured by default first: the query may be refused by its limits.
    const stock = await spawnAll([{ config: 'BibIA gateway, Apollo engine, stock mode, default limits', spec: { kind: 'bibia', supergraphSdl: sdl } }]);
    let cost: number | undefined;
    try {
      const { status, body } = await postGraphQL(stock.targets[0].graphqlUrl, NESTED_QUERY);
      const refusal = body.errors?.find((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
      if (refusal) {
        cost = Number(refusal.extensions?.cost) || undefined;
        out.line(emptyLine('G2', stock.targets[0].config, { refused: true, http_status: status, cost: cost ?? null, max_cost: Number(refusal.extensions?.maxCost) || null, error: refusal.message }));
      } else gateways = stock;
    } finally {
      if (!gateways) await stock.stop();
    }
    const peers = await spawnAll([
      { config: 'BibIA gateway, router engine (default), stock mode, default limits', spec: { kind: 'bibia-router' as const, supergraphSdl: sdl } },
      { config: names.apollo, spec: { kind: 'apollo', supergraphSdl: sdl } },
      { config: names.hive, spec: { kind: 'hive', supergraphSdl: sdl } },
      { config: names.hiveRouter, spec: { kind: 'hive-router', supergraphSdl: sdl } },
      { config: `${names.hiveRouter}, inbound in-flight deduplication (the public benchmark's configuration)`, spec: { kind: 'hive-router', supergraphSdl: sdl, inboundDeduplication: true } },
      { config: 'BibIA gateway, router engine, stock mode, default limits, INBOUND_DEDUPLICATION=true', spec: { kind: 'bibia-router' as const, supergraphSdl: sdl, inboundDeduplication: true } },
    ]);
    const targets = [...(gateways?.targets ?? []), ...peers.targets];
    const previous = gateways;
    gateways = { targets, stop: async () => { await previous?.stop(); await peers.stop(); } };
    await runCase('G2', out, async () => {
      await checkSameAnswers(targets, NESTED_QUERY);
      return measureSideBySide('G2', targets, { query: NESTED_QUERY, connections: G2_CONNECTIONS, duration: Math.max(s.duration, G2_MIN_DURATION), rounds: s.rounds });
    });
  } finally {
    await gateways?.stop();
    await subgraphs.close();
  }
}

/** G4: the footprint measure (memberFootprint.ts), on PGlite and (with BENCH_DATABASE_URL) PostgreSQL. */
async function footprintCase(out: Printer): Promise<void> {
  const databaseUrl = getEnvStr('BENCH_DATABASE_URL');
  for (const storage of ['pglite', 'postgres'] as const) {
    if (storage === 'postgres' && !databaseUrl) {
      out.line(emptyLine('G4', 'member registry, PostgreSQL', { skipped: 'BENCH_DATABASE_URL is not set' }));
      continue;
    }
    const config = `member registry, ${storage === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}`;
    await runCase('G4', out, async () => {
      const f = await measureMemberFootprint({ storage, databaseUrl });
      return [emptyLine('G4', config, { start_ms_cold: f.start_ms_cold, start_ms_warm: f.start_ms_warm, rss_idle_mb: f.rss_idle_mb, rss_idle_mb_bare: f.rss_idle_mb_bare ?? null, start_cpu_ms_cold: f.start_cpu_ms_cold, start_cpu_ms_warm: f.start_cpu_ms_warm })];
    }, config);
  }
}

let failures = 0;

/** Prints a case's lines, or one line with its error: the next case runs either way. */
async function runCase(name: string, out: Printer, measure: () => Promise<PeerLine[]>, config = 'all'): Promise<void> {
  try {
    for (const l of await measure()) out.line(l);
  } catch (err) {
    failures++;
    out.line(emptyLine(name, config, { error: err instanceof Error ? err.message : String(err) }));
  }
}

/** Runs the cases asked for; returns how many failed (the exit code). */
export async function main(given: Partial<PeersSettings> = {}): Promise<number> {
  const s = peersSettings(given);
  failures = 0;
  const about = `BibIA bench peers — Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ` +
    `member on ${getEnvStr('BENCH_DATABASE_URL') ? 'PostgreSQL' : 'embedded PGlite'}, ${s.rounds} alternating rounds of ${s.duration} s, medians; ` +
    `G1/G1b ${s.connections} connections, G2 ${G2_CONNECTIONS} (measures of at least ${G2_MIN_DURATION} s). Response caches and rate limits off; CPU is each gateway's own process.`;
  // The JSON lines stay pure: the context goes to stderr.
  (s.json ? console.error : console.log)(about);
  const out = new Printer(s.json);
  try {
    if (s.cases.includes('G1') || s.cases.includes('G1b')) await memberCases(s, out).catch((err: unknown) => runCase('G1', out, () => Promise.reject(err)));
    if (s.cases.includes('G2')) await scenarioCase(s, out).catch((err: unknown) => runCase('G2', out, () => Promise.reject(err)));
    if (s.cases.includes('G4')) await footprintCase(out);
  } finally {
    await dropCreatedSchemas();
  }
  return failures;
}
