import { describeRequest, requestSize, type FuzzRequest } from './requests';

/** What one request got. */
export interface FuzzOutcome {
  request: FuzzRequest;
  /** HTTP status; 0 when no answer came. */
  status: number;
  /** Error codes of the answer (`extensions.code`), in order. */
  codes: string[];
  /** Whether the document ran (the answer has `data`). */
  executed: boolean;
  /** Why this answer is a server fault; absent when it is not. */
  problem?: string;
  /** Time to the whole answer, for the summary (never asserted). */
  ms: number;
}

/** Time after which a request that got no answer counts as a frozen server (a safety net, not a measure). */
const NO_ANSWER_MS = 60_000;

/** The seed of this run: FUZZ_SEED to replay one, a new random one otherwise. */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got "${given}"`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** Sends every request to `url`, `concurrency` at a time, and judges each answer. */
export async function sendAll(url: string, requests: readonly FuzzRequest[], concurrency: number): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      outcomes[i] = await send(url, requests[i]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

async function send(url: string, request: FuzzRequest): Promise<FuzzOutcome> {
  let status = 0;
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  try {
    const res = await fetch(`${url}${request.search ?? ''}`, {
      method: request.method,
      headers: request.headers,
      body: typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(NO_ANSWER_MS),
    });
    status = res.status;
    const text = await res.text();
    return { request, status, ...judge(status, text), ms: ms() };
  } catch (err) {
    return { request, status, codes: [], executed: false, problem: `no answer: ${(err as Error).message}`, ms: ms() };
  }
}

/**
 * A server fault is a 5xx, a 429 (the fuzz stack must not rate-limit: its requests would go
 * untested), or an error entry with code INTERNAL_SERVER_ERROR or without a code.
 */
export function judge(status: number, text: string): Omit<FuzzOutcome, 'request' | 'status' | 'ms'> {
  let body: { data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined; // a plain-text answer (404, 405...) is judged by its status only
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const codes = errors.map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : '(no code)'));
  const executed = body?.data !== undefined && body.data !== null;
  const bad = errors.find((e, i) => codes[i] === '(no code)' || codes[i] === 'INTERNAL_SERVER_ERROR');
  let problem: string | undefined;
  if (status >= 500) problem = `HTTP ${status}: ${text.slice(0, 300)}`;
  else if (status === 429) problem = 'HTTP 429: the fuzz stack rate-limits (start it with rate limits off)';
  else if (bad) problem = `${bad.extensions?.code ?? 'no code'}: ${String(bad.message).slice(0, 300)}`;
  return { codes, executed, problem };
}

/** Requests per kind, with the statuses and codes they got: what the fuzz exercised. */
export function summarize(outcomes: readonly FuzzOutcome[]): string {
  const byKind = new Map<string, Map<string, number>>();
  const slowest = new Map<string, number>();
  for (const o of outcomes) {
    slowest.set(o.request.kind, Math.max(slowest.get(o.request.kind) ?? 0, o.ms));
    const answers = byKind.get(o.request.kind) ?? new Map<string, number>();
    const key = `${o.status}${o.codes.length ? ` ${[...new Set(o.codes)].join('+')}` : o.executed ? ' data' : ''}`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
    byKind.set(o.request.kind, answers);
  }
  return [...byKind]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, answers]) => {
      const total = [...answers.values()].reduce((a, b) => a + b, 0);
      const top = [...answers].sort((a, b) => b[1] - a[1]).slice(0, 6);
      return `  ${kind} (${total}, slowest ${slowest.get(kind)} ms): ${top.map(([k, n]) => `${k} ×${n}`).join(', ')}`;
    })
    .join('\n');
}

/** The `n` smallest failing requests, ready to replay, with what they got. */
export function describeFailures(outcomes: readonly FuzzOutcome[], n = 5): string {
  const failures = outcomes.filter((o) => o.problem).sort((a, b) => requestSize(a.request) - requestSize(b.request));
  return failures
    .slice(0, n)
    .map((o) => `--- ${o.request.kind}: ${o.problem}\n${describeRequest(o.request)}`)
    .join('\n');
}
