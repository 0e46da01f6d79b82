import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  requests: number;
  /** Requests sent, answered or not: those still in flight when the measure ends are abandoned. */
  sent?: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  label: string;
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Concurrent connections. @default 10 */
  connections?: number;
  /** Seconds of load. @default 5 */
  duration?: number;
}

/** Sends one GraphQL query in a loop with autocannon; latency in milliseconds. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const body = JSON.stringify({ query: options.query, variables: options.variables });
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: options.connections ?? 10,
    duration: options.duration ?? 5,
  });
  return {
    label: options.label,
    requests: result.requests.total,
    sent: result.requests.sent,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Checks once that a query answers without errors before it is measured. */
export async function assertAnswers(url: string, query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${url}: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}
