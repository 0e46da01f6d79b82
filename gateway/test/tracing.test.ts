import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { memberOptions } from './fixtures/fixtureData';
import { startStack, type Stack } from './fixtures/startStack';

// With the standard OTEL_* environment, the gateway exports its traces over OTLP/HTTP: one span
// per member request naming the member, whose W3C trace context the member receives. Off by
// default (the other suites run without it). The collector here is a plain HTTP server that keeps
// what the exporter posts (OTLP/HTTP JSON).

interface OtlpSpan {
  traceId: string;
  spanId: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string } }>;
}

const received: Array<{ resourceSpans: Array<{ resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }> }> = [];
let collector: http.Server;
let stack: Stack;
const saved = { ...process.env };

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.includes('json')) received.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
  process.env.OTEL_SERVICE_NAME = 'hub-test';
  stack = await startStack(memberOptions());
});
afterAll(async () => {
  await stack?.stop();
  process.env = saved;
  await new Promise((resolve) => collector?.close(resolve));
});

const spans = () => received.flatMap((r) => r.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)));
const attribute = (span: OtlpSpan, key: string) => span.attributes.find((a) => a.key === key)?.value.stringValue;

it('traces each member and subgraph request, names the member, and sends it the trace context', async () => {
  const { body } = await stack.gql(`{ aiTools(first: 2) { totalCount edges { node { collectivite { name } } } } }`);
  expect(body.errors).toBeUndefined();
  // The gateway's close flushes what is buffered.
  await stack.stop();
  const memberSpans = spans().filter((s) => s.name === 'bibia.member.fetch');
  expect(memberSpans.map((s) => attribute(s, 'bibia.member.siren')).sort()).toEqual(stack.members.map((m) => m.siren).sort());
  for (const m of stack.members) {
    expect(m.received).toHaveLength(1);
    const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(m.received[0].traceparent ?? '') ?? [];
    const span = memberSpans.find((s) => attribute(s, 'bibia.member.siren') === m.siren)!;
    expect(span.traceId).toBe(traceId);
    expect(span.spanId).toBe(spanId);
  }
  // Apollo Gateway's own spans are in the same trace, under the service name given.
  const traceIds = new Set(memberSpans.map((s) => s.traceId));
  expect(traceIds.size).toBe(1);
  expect(spans().some((s) => s.name.startsWith('gateway.') && traceIds.has(s.traceId))).toBe(true);
  // The directory's fetch (the collectivités) too, in its own span, its context sent along.
  const directorySpan = spans().find((s) => s.name === 'bibia.subgraph.fetch' && attribute(s, 'bibia.subgraph.name') === 'directory');
  expect(directorySpan && traceIds.has(directorySpan.traceId)).toBe(true);
  expect(stack.directory.traceparents).toContain(`00-${directorySpan!.traceId}-${directorySpan!.spanId}-01`);
  expect(received[0].resourceSpans[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'hub-test' } });
});
