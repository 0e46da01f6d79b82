import crypto from 'node:crypto';
import { keepAliveFetch, postGraphQL, type Logger, type PostGraphQLResult } from '@bibia/core';
import type { Tracer } from '@opentelemetry/api';
import type { GraphQLFormattedError } from 'graphql';
import type { IndexFailure } from '../errors';
import type { GatewayMetrics } from '../metrics/createMetrics';
import { inClientSpan } from '../telemetry/tracing';
import { readStaleMembers, type StaleMember } from './StaleMembers';

/** One GraphQL request for the index: the fetch exactly as a member would get it. */
export interface IndexRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null;
}

/** Which subgraph a request to the index serves (a metrics label). */
export type IndexSubgraph = 'registry' | 'index';

/** A GraphQL answer of the index, or why there is none. */
export type IndexAnswer =
  | { ok: true; data: Record<string, unknown> | null; errors: GraphQLFormattedError[]; staleMembers: StaleMember[] }
  | { ok: false; failure: IndexFailure };

/** Options of {@link NationalIndex}. */
export interface NationalIndexOptions {
  /** GraphQL URL of the index. */
  url: string;
  /** Time the index has to answer one request, answer read included. */
  timeoutMs: number;
  /** How long the index is left alone after a failure. */
  retryAfterMs: number;
  /** Largest answer read. @default 10 MiB (as for members) */
  maxAnswerBytes?: number;
  /** Documents (and arguments) remembered as refused by the index. @default 1000 */
  refusedCapacity?: number;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Traces each request in a span, `traceparent` sent along. @default no tracing */
  tracer?: Tracer;
}

/** Code of the index's answer before its first harvest: it holds nothing yet. */
export const INDEX_NOT_READY = 'INDEX_NOT_READY';
/** Code of the index's refusal of a document or arguments it cannot serve (HTTP 400). */
export const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';

/**
 * The hub's national index as the gateway reaches it: `postGraphQL` (no redirect, answer size
 * capped, timeout), a circuit breaker, and the memory of what it refused.
 *
 * Breaker: after a failure (unreachable, timeout, HTTP error, garbage, not ready) the index is
 * left alone for `retryAfterMs` — callers read live meanwhile instead of paying a timeout each —
 * then one request at a time tries it until one succeeds.
 *
 * Refusals (`GRAPHQL_VALIDATION_FAILED`) are remembered in a bounded LRU of hashes: by document
 * when the error has no `path` (the document itself asks for something the index does not hold),
 * by document and variables when it has one (a resolver refused these arguments, e.g. drafts):
 * a client must not be able to make the index refuse the common document for everybody.
 */
export class NationalIndex {
  private downUntil = 0;
  private probing = false;
  private readonly refused = new Map<string, true>();
  private lastWarning = 0;
  private readonly fetch = keepAliveFetch();

  constructor(private readonly options: NationalIndexOptions) {}

  /** Whether this request was refused before (the caller then routes live without asking). */
  refusedEarlier(request: IndexRequest): boolean {
    if (!this.refused.size) return false;
    return this.touch(documentKey(request)) || this.touch(argumentsKey(request));
  }

  /** Remembers a refusal (see the class comment). */
  rememberRefusal(request: IndexRequest, errors: GraphQLFormattedError[]): void {
    const byDocument = errors.some((e) => e.extensions?.code === VALIDATION_FAILED && !e.path);
    const key = byDocument ? documentKey(request) : argumentsKey(request);
    this.refused.delete(key);
    this.refused.set(key, true);
    const capacity = this.options.refusedCapacity ?? 1000;
    while (this.refused.size > capacity) this.refused.delete(this.refused.keys().next().value!);
    this.options.logger.debug({ operationName: request.operationName, byDocument, message: errors[0]?.message }, 'the index refused a document: read live from now on');
  }

  /**
   * Sends a request, unless the index is being left alone after a failure (`index down`). A
   * transport failure or `INDEX_NOT_READY` opens the breaker; any other GraphQL answer closes it.
   * Never throws.
   */
  async send(request: IndexRequest, subgraph: IndexSubgraph): Promise<IndexAnswer> {
    if (!this.mayTry()) return { ok: false, failure: 'index down' };
    const stopTimer = this.options.metrics.indexDuration.startTimer();
    let outcome: PostGraphQLResult;
    try {
      const headers: Record<string, string> = {};
      outcome = await inClientSpan(
        this.options.tracer,
        'bibia.index.fetch',
        { 'bibia.subgraph': subgraph },
        headers,
        () =>
          postGraphQL(this.options.url, request.query, request.variables, {
            timeoutMs: this.options.timeoutMs,
            maxBytes: this.options.maxAnswerBytes ?? 10 * 1024 * 1024,
            operationName: request.operationName,
            headers,
            fetch: this.fetch,
          }),
        (result) => (result.ok ? undefined : result.failure),
      );
    } finally {
      stopTimer();
    }
    if (!outcome.ok) return this.failed(outcome.failure, outcome.detail, subgraph);
    const errors = outcome.errors as GraphQLFormattedError[];
    if (errors.some((e) => e.extensions?.code === INDEX_NOT_READY)) return this.failed('not ready', 'first harvest not completed', subgraph);
    this.downUntil = 0;
    this.probing = false;
    // The stale members are in the answer's `extensions`, which `postGraphQL` must pass on.
    const extensions = (outcome as { extensions?: unknown }).extensions;
    return { ok: true, data: outcome.data, errors, staleMembers: readStaleMembers(extensions) };
  }

  /** Counts a fetch answered by the index. */
  answered(subgraph: IndexSubgraph): void {
    this.options.metrics.indexAnswers.inc({ subgraph });
  }

  /** Counts a fetch the index did not answer. */
  fellBack(subgraph: IndexSubgraph, reason: string): void {
    this.options.metrics.indexFallbacks.inc({ subgraph, reason });
  }

  private mayTry(): boolean {
    if (this.downUntil === 0) return true;
    if (Date.now() < this.downUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** `detail` may name internal addresses: it goes to the log only. */
  private failed(failure: IndexFailure, detail: string, subgraph: IndexSubgraph): IndexAnswer {
    this.downUntil = Date.now() + this.options.retryAfterMs;
    this.probing = false;
    const now = Date.now();
    if (now - this.lastWarning > 5000) {
      this.lastWarning = now;
      this.options.logger.warn(
        { url: this.options.url, failure, detail, subgraph, retryAfterMs: this.options.retryAfterMs },
        'national index request failed: national lists are read live meanwhile (further failures logged at most every 5 s)',
      );
    }
    return { ok: false, failure };
  }

  /** Whether a key is remembered; refreshes its place in the LRU. */
  private touch(key: string): boolean {
    if (!this.refused.has(key)) return false;
    this.refused.delete(key);
    this.refused.set(key, true);
    return true;
  }
}

function documentKey(request: IndexRequest): string {
  return `document:${crypto.createHash('sha256').update(request.query).digest('base64url')}`;
}

function argumentsKey(request: IndexRequest): string {
  return `arguments:${crypto.createHash('sha256').update(request.query).update('\0').update(JSON.stringify(request.variables)).digest('base64url')}`;
}
