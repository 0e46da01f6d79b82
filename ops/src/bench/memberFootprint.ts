import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropSchema } from '@bibia/kit';

/*
 * What one member registry costs (issue 12's G4): start time and idle memory of
 * `bibia-registry serve` as a person starts it, in a child process of its own.
 *   - start_ms_cold: from spawn to `/health` answering, on an empty database (created, migrated,
 *     seeded with the bundled demo data of SIREN 200072460);
 *   - start_ms_warm: the same process stopped (SIGTERM) and started again on the same data;
 *   - rss_idle_mb: the warm process's resident memory (VmRSS) after one query and an idle pause;
 *   - rss_idle_mb_bare: the same without the recommended process settings ({@link MEMBER_ENV}), as
 *     `npm run registry -- serve` runs it (a third start, on the same data).
 * The member runs as docs/registry.md tells people to: with {@link MEMBER_ENV} (deploy/ sets it).
 * PGlite keeps its data in a temporary directory, PostgreSQL in a fresh schema; both are removed.
 * A new embedded database starts from the kept PGlite template and the TypeScript loader reads its
 * compiled sources from node_modules/.cache/bibia; `freshCache` measures the first start on a new
 * installation instead (an empty cache: initdb, the schema engine, every source compiled).
 */

const REPO_ROOT = path.join(__dirname, '..', '..', '..');
const REGISTRY_BIN = path.join(REPO_ROOT, 'subgraphs', 'registry', 'bin', 'bibia-registry.js');
const SIREN = '200072460';

/**
 * The process settings docs/registry.md recommends for a member, set by deploy/docker and
 * deploy/systemd: glibc keeps two malloc arenas instead of one per thread, and gives memory freed by
 * the start back to the system instead of keeping it for later. (The bin sets V8's own at run time:
 * subgraphs/registry/bin/leanV8.js.)
 */
export const MEMBER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '131072',
};

/** Options of {@link measureMemberFootprint}. */
export interface MemberFootprintOptions {
  /** Embedded PGlite in a temporary data directory, or PostgreSQL. */
  storage: 'pglite' | 'postgres';
  /**
   * PostgreSQL server for `storage: 'postgres'`; a fresh schema is created on it and dropped after.
   * @default process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
   */
  databaseUrl?: string;
  /** Idle pause before reading the RSS. @default 2000 */
  idleMs?: number;
  /** Longest wait for one start. @default 60000 */
  startTimeoutMs?: number;
  /** The member's process settings. @default MEMBER_ENV, the recommended ones */
  env?: Record<string, string>;
  /** Also measure the idle RSS without `env` (`rss_idle_mb_bare`). @default true */
  bare?: boolean;
  /** Where a line comparing the two RSS figures goes when they differ. @default console.error */
  log?: (line: string) => void;
  /** Cold start with an empty build cache (BIBIA_CACHE_DIR in the temporary directory). @default false */
  freshCache?: boolean;
}

/** Figures of one {@link measureMemberFootprint} run. */
export interface MemberFootprint {
  storage: 'pglite' | 'postgres';
  start_ms_cold: number;
  start_ms_warm: number;
  rss_idle_mb: number;
  /** Idle RSS without the process settings (`options.env`); undefined with `bare: false`. */
  rss_idle_mb_bare?: number;
  /** CPU time (user + system) the member spent to start: unlike the wall times, not inflated by a busy machine. */
  start_cpu_ms_cold: number;
  start_cpu_ms_warm: number;
}

/** Starts a member registry twice (empty database, then the same data), a third time bare, and measures it. */
export async function measureMemberFootprint(options: MemberFootprintOptions): Promise<MemberFootprint> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-footprint-'));
  let databaseUrl: string | undefined;
  if (options.storage === 'postgres') {
    const base = options.databaseUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('measureMemberFootprint: storage "postgres" needs databaseUrl (or BENCH_DATABASE_URL / TEST_DATABASE_URL)');
    const url = new URL(base);
    url.searchParams.set('schema', `footprint_${crypto.randomBytes(4).toString('hex')}`);
    // The registry creates its schema when missing (kit/storage/openDatabase.ts).
    databaseUrl = url.toString();
  }
  // A member alone, as a person starts it: none of the bench's own settings are passed on.
  const settings = options.env ?? MEMBER_ENV;
  const bareEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NODE_OPTIONS', 'DATABASE_URL', 'REDIS_URL', 'HUB_URL', 'BIBIA_CACHE_DIR', 'BIBIA_V8_DEFAULTS', ...Object.keys(MEMBER_ENV)]) delete bareEnv[name];
  Object.assign(bareEnv, {
    REGISTRY_SIREN: SIREN,
    SEED_FILE: 'bundled',
    DATA_DIR: path.join(tmp, 'data'),
    PORT: '0',
    LOG_LEVEL: 'error',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(options.freshCache ? { BIBIA_CACHE_DIR: path.join(tmp, 'cache') } : {}),
  });
  const env: NodeJS.ProcessEnv = { ...bareEnv, ...settings };
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const idleMs = options.idleMs ?? 2000;
  try {
    const cold = await startMember(env, timeoutMs);
    await cold.stop();
    const warm = await startMember(env, timeoutMs);
    const rss = await idleRssMb(warm, idleMs);
    const measureBare = Object.keys(settings).length > 0 && (options.bare ?? true);
    const rssBare = measureBare ? await idleRssMb(await startMember(bareEnv, timeoutMs), idleMs) : undefined;
    if (rssBare !== undefined && rssBare !== rss) {
      const given = Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(' ');
      (options.log ?? console.error)(`member registry on ${options.storage}: idle RSS ${rss} MB with ${given} (docs/registry.md), ${rssBare} MB without`);
    }
    return {
      storage: options.storage,
      start_ms_cold: cold.startMs,
      start_ms_warm: warm.startMs,
      rss_idle_mb: rss,
      ...(rssBare !== undefined ? { rss_idle_mb_bare: rssBare } : {}),
      start_cpu_ms_cold: cold.startCpuMs,
      start_cpu_ms_warm: warm.startCpuMs,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (databaseUrl) await dropSchema(databaseUrl);
  }
}

/** One query, an idle pause, the member's VmRSS; then stops it. */
async function idleRssMb(member: StartedMember, idleMs: number): Promise<number> {
  try {
    await fetch(member.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ aiTools(first: 20) { totalCount edges { node { id name } } } }' }),
    }).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    return rssMb(member.child.pid!);
  } finally {
    await member.stop();
  }
}

interface StartedMember {
  child: ChildProcess;
  url: string;
  startMs: number;
  startCpuMs: number;
  stop(): Promise<void>;
}

/** Spawns `bibia-registry serve`, reads its URL from its first line, polls `/health`. */
async function startMember(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<StartedMember> {
  const started = performance.now();
  const child = spawn(process.execPath, [REGISTRY_BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const graphqlUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`registry did not start within ${timeoutMs} ms: ${output.slice(-2000)}`)), timeoutMs);
      child.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        const match = /(http:\/\/\S+\/graphql)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`registry exited with code ${code}: ${output.slice(-2000)}`));
      });
    });
    const healthUrl = new URL('/health', graphqlUrl).toString();
    while ((await fetch(healthUrl).then((r) => r.status, () => 0)) !== 200) {
      if (performance.now() - started > timeoutMs) throw new Error(`registry ${healthUrl} not healthy within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const startMs = Math.round(performance.now() - started);
    return { child, url: graphqlUrl, startMs, startCpuMs: cpuMs(child.pid!), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** utime + stime of a process, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}
