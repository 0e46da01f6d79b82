import { isDeepStrictEqual } from 'node:util';
import { runLoad } from './runLoad';

/** One line of `bench peers`: the fields of issue 12 first, then what explains them. */
export interface PeerLine {
  case: string;
  config: string;
  p50_ms: number | null;
  p99_ms: number | null;
  rps: number | null;
  cpu_ms_per_req: number | null;
  [more: string]: string | number | boolean | null;
}

/** What is measured: a GraphQL endpoint and, for a gateway in a child process, its CPU clock. */
export interface Target {
  config: string;
  graphqlUrl: string;
  cpuMs?: () => Promise<number>;
}

export interface LoadShape {
  query: string;
  variables?: Record<string, unknown>;
  connections: number;
  duration: number;
  rounds: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round2 = (x: number) => Math.round(x * 100) / 100;

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string }[] } };
}

/**
 * Checks before timing that every target answers without errors and that all answers are equal
 * (key order aside) to the first target's; throws naming the first that differs.
 */
export async function checkSameAnswers(targets: Target[], query: string, variables?: Record<string, unknown>): Promise<void> {
  let reference: unknown;
  for (const [i, t] of targets.entries()) {
    const { status, body } = await postGraphQL(t.graphqlUrl, query, variables);
    if (status !== 200 || body.errors?.length) throw new Error(`${t.config}: HTTP ${status}, ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    if (i === 0) reference = body.data;
    else if (!isDeepStrictEqual(body.data, reference)) throw new Error(`${t.config}: its answer differs from ${targets[0].config}'s`);
  }
}

/** The process's CPU clock once it is idle again (less than 2 ms of CPU in 200 ms; at most 10 s). */
async function settledCpuMs(cpuMs: () => Promise<number>): Promise<number> {
  let last = await cpuMs();
  for (let waited = 0; waited < 10_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await cpuMs();
    if (now - last < 2) return now;
    last = now;
  }
  return last;
}

/**
 * Measures every target with the same load, in alternating rounds (so that drift of the machine's
 * speed hits all alike); one line per target with the medians of its rounds. The CPU per request
 * is the target's own process time over the timed window divided by the requests answered.
 */
export async function measureSideBySide(caseName: string, targets: Target[], shape: LoadShape): Promise<PeerLine[]> {
  // Warm-up, not measured: plans cached, code JIT-compiled, connections open.
  for (const t of targets) {
    await Promise.all(Array.from({ length: 20 }, () => postGraphQL(t.graphqlUrl, shape.query, shape.variables)));
  }
  const runs = targets.map(() => [] as { p50: number; p99: number; rps: number; requests: number; errors: number; cpu: number | null }[]);
  for (let round = 0; round < shape.rounds; round++) {
    for (const [i, t] of targets.entries()) {
      const before = t.cpuMs ? await t.cpuMs() : 0;
      const r = await runLoad({ label: t.config, url: t.graphqlUrl, query: shape.query, variables: shape.variables, connections: shape.connections, duration: shape.duration });
      const after = t.cpuMs ? await settledCpuMs(t.cpuMs) : 0;
      // The CPU read once the gateway has finished the requests abandoned in flight: it covers every request sent.
      const sent = Math.max(r.sent ?? r.requests, r.requests);
      runs[i].push({ ...r, cpu: t.cpuMs && r.requests ? (after - before) / sent : null });
    }
  }
  return targets.map((t, i) => {
    const rs = runs[i];
    const cpus = rs.map((r) => r.cpu).filter((c): c is number => c !== null);
    const answered = rs.reduce((n, r) => n + r.requests, 0);
    return {
      case: caseName,
      config: t.config,
      p50_ms: answered ? median(rs.map((r) => r.p50)) : null,
      p99_ms: answered ? median(rs.map((r) => r.p99)) : null,
      // Answers per second of the window, to one decimal: autocannon's per-second average reads 0 when answers are rarer than one a second.
      rps: Math.round(median(rs.map((r) => r.requests / shape.duration)) * 10) / 10,
      cpu_ms_per_req: cpus.length ? round2(median(cpus)) : null,
      connections: shape.connections,
      requests: answered,
      errors: rs.reduce((n, r) => n + r.errors, 0),
    };
  });
}
