import crypto from 'node:crypto';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { InFlight, postGraphQL, type Logger, type PostFetch, type PostGraphQLResult } from '@bibia/core';
import type { Tracer } from '@opentelemetry/api';
import type { GraphQLFormattedError } from 'graphql';
import { memberUnavailable, mutationMayHaveApplied, mutationOutcomeUnknown, type MemberFailure } from '../errors';
import type { GatewayMetrics } from '../metrics/createMetrics';
import type { MemberInfo } from './MemberInfo';
import type { HealthReporter } from './HealthReporter';
import { inClientSpan } from '../telemetry/tracing';

/** One GraphQL request for one member. */
export interface MemberRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null;
}

/** Why an answer cannot be used (wrong shape), or null. `hasErrors`: the member sent errors. */
export type AnswerCheck = (data: Record<string, unknown>, hasErrors: boolean) => string | null;

export interface SendOptions {
  /** The caller's `Authorization` header, when it may go to this member. */
  authorization?: string;
  /** Whether the answer may come from, and go to, the response cache. */
  cacheable: boolean;
  check: AnswerCheck;
  /**
   * A mutation: it gets `mutationTimeoutMs`, and a failure after the request may have reached the
   * member is reported as `MUTATION_OUTCOME_UNKNOWN`, never as a plain `MEMBER_UNAVAILABLE`.
   */
  mutation?: boolean;
}

export type MemberResult =
  | { ok: true; data: Record<string, unknown>; errors: GraphQLFormattedError[] }
  | { ok: false; error: GraphQLFormattedError };

/**
 * Largest member answer read (10 MiB): far above a page of 100 full entries, small enough that a
 * member cannot make the gateway buffer without bound. A larger answer is cut off and the member
 * reported unavailable.
 */
export const DEFAULT_MEMBER_ANSWER_MAX_BYTES = 10 * 1024 * 1024;

/** Key of response cache write failures in `lastWarning` (not a SIREN: 9 digits). */
const CACHE_WARNING = 'response cache';

/** Options of {@link MemberTransport}. */
export interface MemberTransportOptions {
  /** Time a member has to answer one request, answer read included. */
  timeoutMs: number;
  /**
   * Time a member has to answer one mutation (an import writes a whole batch).
   * @default timeoutMs
   */
  mutationTimeoutMs?: number;
  /** Largest answer read from a member. @default DEFAULT_MEMBER_ANSWER_MAX_BYTES (10 MiB) */
  maxAnswerBytes?: number;
  metrics: GatewayMetrics;
  health?: HealthReporter;
  /** Response cache; answers are kept `cacheTtlMs`. */
  cache?: KeyValueCache<string>;
  cacheTtlMs: number;
  logger: Logger;
  /**
   * The HTTP client: `guardedFetch` of `@bibia/core` outside a development network, so that a
   * member whose name now resolves to a loopback, private or link-local address is not connected
   * to (DNS rebinding). @default the global `fetch`
   */
  fetch?: PostFetch;
  /** Traces each member request in a span naming the member, `traceparent` sent along. @default no tracing */
  tracer?: Tracer;
}

/**
 * Sends requests to member registries through `postGraphQL` (no redirect followed, answer size
 * capped). Every failure — network, timeout, redirect, oversized answer, HTTP error without a
 * GraphQL body, non-JSON, wrong shape — becomes a `MEMBER_UNAVAILABLE` error for that member
 * only (for a mutation the member may have applied, `MUTATION_OUTCOME_UNKNOWN`); failures and
 * recoveries are reported to the directory and counted in the metrics.
 */
export class MemberTransport {
  /** Last warning logged per member (and for cache writes): a failure under load must not flood the log. */
  private lastWarning = new Map<string, number>();
  /** Anonymous queries on their way to a member, by member and request: identical ones share one. */
  private readonly inFlight = new InFlight<PostGraphQLResult>();

  constructor(private readonly options: MemberTransportOptions) {}

  async send(member: MemberInfo, request: MemberRequest, options: SendOptions): Promise<MemberResult> {
    const { metrics } = this.options;
    const cacheKey = options.cacheable && this.options.cache && this.options.cacheTtlMs > 0 ? responseCacheKey(member, request) : undefined;
    if (cacheKey) {
      const hit = await this.options.cache!.get(cacheKey);
      if (hit !== undefined) {
        metrics.memberCacheHits.inc({ siren: member.siren });
        return { ok: true, data: JSON.parse(hit), errors: [] };
      }
    }
    const outcome = options.cacheable ? await this.shared(member, request, options) : await this.timedPost(member, request, options);
    if (!outcome.ok) return this.fail(member, outcome.failure, outcome.detail, options);
    const data = outcome.data ?? {};
    // Members' errors are passed on as they sent them (with their SIREN added by the router).
    const errors = outcome.errors as GraphQLFormattedError[];
    const why = options.check(data, errors.length > 0);
    if (why) return this.fail(member, 'invalid answer', why, options);
    this.options.health?.report(member, true);
    if (cacheKey && errors.length === 0) await this.remember(cacheKey, data);
    return { ok: true, data, errors };
  }

  private async timedPost(member: MemberInfo, request: MemberRequest, options: SendOptions): Promise<PostGraphQLResult> {
    const { metrics } = this.options;
    metrics.memberRequests.inc({ siren: member.siren });
    const stopTimer = metrics.memberDuration.startTimer({ siren: member.siren });
    try {
      return await this.post(member, request, options);
    } finally {
      stopTimer();
    }
  }

  /**
   * The same anonymous query to the same member while one is on its way gets that one's answer:
   * under load, identical national queries cost a member one request.
   */
  private shared(member: MemberInfo, request: MemberRequest, options: SendOptions): Promise<PostGraphQLResult> {
    const key = `${member.siren}\0${member.url}\0${request.operationName ?? ''}\0${request.query}\0${JSON.stringify(request.variables)}`;
    return this.inFlight.run(key, () => this.timedPost(member, request, options), () => this.options.metrics.memberSharedRequests.inc({ siren: member.siren }));
  }

  /** Stores an answer; a cache that cannot be written (Redis down) must not fail the query. */
  private async remember(cacheKey: string, data: Record<string, unknown>): Promise<void> {
    try {
      await this.options.cache!.set(cacheKey, JSON.stringify(data), { ttl: this.options.cacheTtlMs / 1000 });
    } catch (err) {
      const now = Date.now();
      if (now - (this.lastWarning.get(CACHE_WARNING) ?? 0) > 5000) {
        this.lastWarning.set(CACHE_WARNING, now);
        this.options.logger.warn({ err: (err as Error)?.message }, 'could not store a member answer in the response cache (further failures logged at most every 5 s)');
      }
    }
  }

  /** `detail` may name internal addresses: it goes to the log only, never to the client. */
  private fail(member: MemberInfo, failure: MemberFailure, detail: string, options: SendOptions): MemberResult {
    this.options.metrics.memberErrors.inc({ siren: member.siren, reason: failure });
    this.options.health?.report(member, false);
    const now = Date.now();
    if (now - (this.lastWarning.get(member.siren) ?? 0) > 5000) {
      this.lastWarning.set(member.siren, now);
      this.options.logger.warn({ siren: member.siren, url: member.url, failure, detail }, 'member request failed (further failures of this member logged at most every 5 s)');
    }
    const publicDetail = this.publicDetail(failure, options);
    if (options.mutation && mutationMayHaveApplied(failure, detail)) return { ok: false, error: mutationOutcomeUnknown(member, failure, publicDetail) };
    return { ok: false, error: memberUnavailable(member, failure, publicDetail) };
  }

  private timeoutOf(options: SendOptions): number {
    return options.mutation ? (this.options.mutationTimeoutMs ?? this.options.timeoutMs) : this.options.timeoutMs;
  }

  /** What a client may learn of a failure: the gateway's own limits, nothing of the member. */
  private publicDetail(failure: MemberFailure, options: SendOptions): string | undefined {
    if (failure === 'timeout') return `${this.timeoutOf(options)} ms`;
    if (failure === 'too large') return `more than ${formatBytes(this.options.maxAnswerBytes ?? DEFAULT_MEMBER_ANSWER_MAX_BYTES)}`;
    return undefined;
  }

  private post(member: MemberInfo, request: MemberRequest, options: SendOptions): Promise<PostGraphQLResult> {
    const headers: Record<string, string> = options.authorization ? { authorization: options.authorization } : {};
    const attributes = { 'bibia.member.siren': member.siren, 'bibia.member.name': member.name ?? '', 'graphql.operation.name': request.operationName ?? '' };
    return inClientSpan(
      this.options.tracer,
      'bibia.member.fetch',
      attributes,
      headers,
      () =>
        postGraphQL(member.url, request.query, request.variables, {
          timeoutMs: this.timeoutOf(options),
          maxBytes: this.options.maxAnswerBytes ?? DEFAULT_MEMBER_ANSWER_MAX_BYTES,
          headers,
          operationName: request.operationName,
          fetch: this.options.fetch,
        }),
      (outcome) => (outcome.ok ? undefined : outcome.failure),
    );
  }
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}

function responseCacheKey(member: MemberInfo, request: MemberRequest): string {
  const hash = crypto.createHash('sha256').update(request.query).update('\0').update(JSON.stringify(request.variables)).digest('base64url');
  return `response:${member.siren}:${hash}`;
}
