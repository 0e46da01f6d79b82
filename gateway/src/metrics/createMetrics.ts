import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The gateway's Prometheus metrics, on a registry of its own (several gateways can share a process in tests). */
export interface GatewayMetrics {
  registry: Registry;
  /** GraphQL requests served, by operation type and outcome (`success`, `partial`, `error`). */
  requests: Counter<'operation' | 'outcome'>;
  requestDuration: Histogram<'operation'>;
  /** Anonymous queries answered with the response of an identical one running (`INBOUND_DEDUPLICATION`). */
  sharedOperations: Counter;
  /** Requests sent to members, by member SIREN. */
  memberRequests: Counter<'siren'>;
  /** Member requests that failed, by SIREN and reason (timeout, unreachable, http, invalid answer). */
  memberErrors: Counter<'siren' | 'reason'>;
  memberDuration: Histogram<'siren'>;
  /** Member answers served from the response cache. */
  memberCacheHits: Counter<'siren'>;
  /** Anonymous member queries that joined an identical one already on its way (one request for both). */
  memberSharedRequests: Counter<'siren'>;
  /** Requests sent to the subgraphs reached at one URL (the directory; without a directory, every subgraph), by subgraph name. */
  subgraphRequests: Counter<'subgraph'>;
  /** Such requests that failed, by subgraph and reason (timeout, unreachable, redirect, too large, http, invalid answer). */
  subgraphErrors: Counter<'subgraph' | 'reason'>;
  subgraphDuration: Histogram<'subgraph'>;
  /** Subgraph queries that joined an identical one already on its way (one request for both). */
  subgraphSharedRequests: Counter<'subgraph'>;
  /** Fetches answered by the national index: `registry` national lists, and the `index` subgraph. */
  indexAnswers: Counter<'subgraph'>;
  /**
   * Fetches the index did not answer, by reason (`timeout`, `unreachable`, `not ready`, `refused`,
   * `refused earlier`, `index down`...): national lists then read live, `index` fields missing.
   */
  indexFallbacks: Counter<'subgraph' | 'reason'>;
  indexDuration: Histogram;
}

/** Creates the metrics; with `defaultMetrics` (default true), the process metrics too (CPU, memory, event loop). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'bibia_gateway_' });
  const registers = [registry];
  /** Latency of a server the gateway calls (a member, a subgraph, the index), in seconds. */
  const latency = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new Histogram<L>({ name, help, labelNames, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers });
  return {
    registry,
    requests: new Counter({ name: 'bibia_gateway_requests_total', help: 'GraphQL requests served by the gateway', labelNames: ['operation', 'outcome'], registers }),
    requestDuration: new Histogram({
      name: 'bibia_gateway_request_duration_seconds',
      help: 'Time to serve a GraphQL request',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    sharedOperations: new Counter({ name: 'bibia_gateway_shared_operations_total', help: 'Anonymous queries answered with the response of an identical one running (INBOUND_DEDUPLICATION)', registers }),
    memberRequests: new Counter({ name: 'bibia_member_requests_total', help: 'Requests sent to member registries', labelNames: ['siren'], registers }),
    memberErrors: new Counter({ name: 'bibia_member_errors_total', help: 'Member requests that failed (no usable answer)', labelNames: ['siren', 'reason'], registers }),
    memberDuration: latency('bibia_member_request_duration_seconds', 'Latency of member registries', ['siren']),
    memberCacheHits: new Counter({ name: 'bibia_member_cache_hits_total', help: 'Member answers served from the response cache', labelNames: ['siren'], registers }),
    memberSharedRequests: new Counter({
      name: 'bibia_member_shared_requests_total',
      help: 'Anonymous member queries answered by an identical request already in flight',
      labelNames: ['siren'],
      registers,
    }),
    subgraphRequests: new Counter({ name: 'bibia_subgraph_requests_total', help: 'Requests sent to subgraphs at their URL (directory; every subgraph without a directory)', labelNames: ['subgraph'], registers }),
    subgraphErrors: new Counter({ name: 'bibia_subgraph_errors_total', help: 'Subgraph requests that failed (no usable answer), by reason', labelNames: ['subgraph', 'reason'], registers }),
    subgraphDuration: latency('bibia_subgraph_request_duration_seconds', 'Latency of subgraphs at their URL', ['subgraph']),
    subgraphSharedRequests: new Counter({
      name: 'bibia_subgraph_shared_requests_total',
      help: 'Subgraph queries answered by an identical request already in flight',
      labelNames: ['subgraph'],
      registers,
    }),
    indexAnswers: new Counter({ name: 'bibia_index_answers_total', help: 'Fetches answered by the national index', labelNames: ['subgraph'], registers }),
    indexFallbacks: new Counter({
      name: 'bibia_index_fallbacks_total',
      help: 'Fetches the national index did not answer (national lists then read live from the members), by reason',
      labelNames: ['subgraph', 'reason'],
      registers,
    }),
    indexDuration: latency('bibia_index_request_duration_seconds', 'Latency of the national index', []),
  };
}
