import path from 'node:path';
import { startPeerGateway, type PeerKind } from '../bench/peersGateway';
import { runAuditSuite, type AuditFailure, type AuditTest } from './runAuditSuite';
import { findTsx, startAuditServer } from './startAuditServer';

/*
 * Runs the public graphql-hive/federation-gateway-audit (46 suites, 199 tests) against our gateway
 * and, for comparison, plain @apollo/gateway and Hive Gateway (JS and Rust planners), in this
 * process, one gateway per suite. Not run in CI: it needs a checkout of that repository with its
 * dependencies installed (`npm ci` there). See docs/architecture.md, "Federation audit".
 *
 *   npm run federation-audit -w ops -- <checkout> [--gateways bibia,bibia-router,apollo,hive,hive-router] [--suite <id>] [--json] [--tsx <file>]
 */

const NAMES: Record<PeerKind, string> = {
  bibia: 'BibIA gateway (createGateway, stock mode, default config)',
  'bibia-router': 'BibIA gateway, router engine (createGateway, stock mode, GATEWAY_ENGINE=router)',
  apollo: 'plain @apollo/gateway',
  hive: 'Hive Gateway runtime (JS planner)',
  'hive-router': 'Hive Gateway runtime + router-runtime (Rust planner)',
};
const KINDS = Object.keys(NAMES) as PeerKind[];

interface AuditArgs {
  checkout: string;
  kinds: PeerKind[];
  suite?: string;
  json: boolean;
  tsx?: string;
}

export function parseAuditArgs(argv: string[], cwd = process.env.INIT_CWD ?? process.cwd()): AuditArgs {
  const args: Partial<AuditArgs> = { kinds: KINDS, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--suite') args.suite = value();
    else if (arg === '--tsx') args.tsx = path.resolve(cwd, value());
    else if (arg === '--gateways') {
      const kinds = value().split(',').map((k) => k.trim());
      const unknown = kinds.filter((k) => !KINDS.includes(k as PeerKind));
      if (unknown.length) throw new Error(`unknown gateway(s) ${unknown.join(', ')}: choose among ${KINDS.join(', ')}`);
      args.kinds = kinds as PeerKind[];
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (args.checkout) throw new Error(`one checkout only (got ${args.checkout} and ${arg})`);
    else args.checkout = path.resolve(cwd, arg);
  }
  if (!args.checkout) throw new Error('usage: federation-audit <checkout of graphql-hive/federation-gateway-audit> [--gateways bibia,bibia-router,apollo,hive,hive-router] [--suite <id>] [--json] [--tsx <file>]');
  return args as AuditArgs;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export interface GatewayAuditResult {
  gateway: string;
  passed: number;
  total: number;
  suites_passed: number;
  suites_total: number;
  failures: AuditFailure[];
}

const clip = (v: unknown, max = 600) => {
  const s = JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

interface Suite {
  id: string;
  supergraphSdl: string;
  tests: AuditTest[];
}

async function readSuites(serverUrl: string, only?: string): Promise<Suite[]> {
  const ids = (await getJson<string[]>(`${serverUrl}/ids`)).filter((id) => !only || id === only);
  if (!ids.length) throw new Error(`no suite ${only} in the audit`);
  return Promise.all(ids.map(async (id) => ({
    id,
    supergraphSdl: await (await fetch(`${serverUrl}/${id}/supergraph`)).text(),
    tests: await getJson<AuditTest[]>(`${serverUrl}/${id}/tests`),
  })));
}

/** Runs every suite against one gateway kind, a gateway per suite. */
async function auditGateway(kind: PeerKind, suites: Suite[], log: (line: string) => void): Promise<GatewayAuditResult> {
  const result: GatewayAuditResult = { gateway: NAMES[kind], passed: 0, total: 0, suites_passed: 0, suites_total: suites.length, failures: [] };
  for (const suite of suites) {
    let failures: AuditFailure[];
    try {
      const gateway = await startPeerGateway({ kind, supergraphSdl: suite.supergraphSdl });
      try {
        failures = await runAuditSuite(suite.id, suite.tests, gateway.graphqlUrl);
      } finally {
        await gateway.close();
      }
    } catch (err) {
      // A gateway that cannot load the suite's supergraph fails all its tests.
      const message = err instanceof Error ? err.message : String(err);
      failures = suite.tests.map((t, i) => ({ suite: suite.id, test: `${suite.id}_${i}`, query: t.query, expected: t.expected, received: { startError: message } }));
    }
    result.total += suite.tests.length;
    result.passed += suite.tests.length - failures.length;
    if (!failures.length) result.suites_passed++;
    result.failures.push(...failures);
    log(`${kind} ${suite.id}: ${suite.tests.length - failures.length}/${suite.tests.length}`);
  }
  return result;
}

/**
 * Runs the audit; returns one result per gateway. Each gateway gets a fresh subgraph server: the
 * `mutations` suite's subgraphs keep state (a request id is accepted once).
 */
export async function runAudit(args: AuditArgs, log: (line: string) => void = (l) => console.error(l)): Promise<GatewayAuditResult[]> {
  const tsx = findTsx(args.checkout, args.tsx);
  const results: GatewayAuditResult[] = [];
  for (const kind of args.kinds) {
    const server = await startAuditServer(args.checkout, tsx);
    try {
      results.push(await auditGateway(kind, await readSuites(server.url, args.suite), log));
    } finally {
      await server.stop();
    }
  }
  return results;
}

function print(results: GatewayAuditResult[], json: boolean): void {
  if (json) {
    for (const r of results) console.log(JSON.stringify({ ...r, failures: r.failures.map((f) => f.test) }));
    for (const r of results) for (const f of r.failures) console.log(JSON.stringify({ gateway: r.gateway, ...f }));
    return;
  }
  console.log('| gateway | tests passed | suites passed |\n|---|---:|---:|');
  for (const r of results) console.log(`| ${r.gateway} | ${r.passed} / ${r.total} | ${r.suites_passed} / ${r.suites_total} |`);
  for (const r of results) {
    if (!r.failures.length) continue;
    console.log(`\n${r.gateway}: ${r.failures.length} failed`);
    for (const f of r.failures) {
      console.log(`- ${f.test}: ${f.query.replace(/\s+/g, ' ').trim()}`);
      console.log(`    expected ${clip(f.expected)}`);
      console.log(`    received ${clip(f.received)}`);
    }
  }
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  process.env.LOG_LEVEL ??= 'error';
  let args: AuditArgs;
  try {
    args = parseAuditArgs(argv);
  } catch (err) {
    console.error(`federation-audit: ${(err as Error).message}`);
    return 2;
  }
  const results = await runAudit(args);
  print(results, args.json);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`federation-audit: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
