import crypto from 'node:crypto';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@bibia/kit';
import type { GraphQLFormattedError } from 'graphql';
import { memberUnavailable, type MemberFailure } from '../errors';
import type { GatewayMetrics } from '../metrics/createMetrics';
import type { MemberInfo } from '../routing/owners';
import type { HealthReporter } from './HealthReporter';

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
}

export type MemberResult =
  | { ok: true; data: Record<string, unknown>; errors: GraphQLFormattedError[] }
  | { ok: false; error: GraphQLFormattedError };

/** Options of {@link MemberTransport}. */
export interface MemberTransportOptions {
  timeoutMs: number;
  metrics: GatewayMetrics;
  health?: HealthReporter;
  /** Response cache; answers are kept `cacheTtlMs`. */
  cache?: KeyValueCache<string>;
  cacheTtlMs: number;
  logger: Logger;
}

/**
 * Sends requests to member registries. Every failure — network, timeout, HTTP error without a
 * GraphQL body, non-JSON, wrong shape — becomes a `MEMBER_UNAVAILABLE` error for that member
 * only; failures and recoveries are reported to the directory and counted in the metrics.
 */
export class MemberTransport {
  /** Last warning logged per member: a member down under load must not flood the log. */
  private lastWarning = new Map<string, number>();

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
    metrics.memberRequests.inc({ siren: member.siren });
    const stopTimer = metrics.memberDuration.startTimer({ siren: member.siren });
    const outcome = await this.post(member, request, options);
    stopTimer();
    if (!outcome.ok) return this.fail(member, outcome.failure, outcome.detail);
    const why = options.check(outcome.data, outcome.errors.length > 0);
    if (why) return this.fail(member, 'invalid answer', why);
    this.options.health?.report(member, true);
    if (cacheKey && outcome.errors.length === 0) {
      await this.options.cache!.set(cacheKey, JSON.stringify(outcome.data), { ttl: this.options.cacheTtlMs / 1000 });
    }
    return { ok: true, data: outcome.data, errors: outcome.errors };
  }

  private fail(member: MemberInfo, failure: MemberFailure, detail: string): MemberResult {
    this.options.metrics.memberErrors.inc({ siren: member.siren, reason: failure });
    this.options.health?.report(member, false);
    const now = Date.now();
    if (now - (this.lastWarning.get(member.siren) ?? 0) > 5000) {
      this.lastWarning.set(member.siren, now);
      this.options.logger.warn({ siren: member.siren, url: member.url, failure, detail }, 'member request failed (further failures of this member logged at most every 5 s)');
    }
    return { ok: false, error: memberUnavailable(member, failure, failure === 'timeout' ? `${this.options.timeoutMs} ms` : undefined) };
  }

  private async post(
    member: MemberInfo,
    request: MemberRequest,
    options: SendOptions,
  ): Promise<{ ok: true; data: Record<string, unknown>; errors: GraphQLFormattedError[] } | { ok: false; failure: MemberFailure; detail: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let status: number;
    let text: string;
    try {
      const res = await fetch(member.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.authorization ? { authorization: options.authorization } : {}),
        },
        body: JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName ?? undefined }),
        signal: controller.signal,
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      if (controller.signal.aborted) return { ok: false, failure: 'timeout', detail: `no answer within ${this.options.timeoutMs} ms` };
      return { ok: false, failure: 'unreachable', detail: String((err as Error & { cause?: Error }).cause?.message ?? (err as Error).message) };
    } finally {
      clearTimeout(timer);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return status >= 400 ? { ok: false, failure: 'http', detail: `HTTP ${status}` } : { ok: false, failure: 'invalid answer', detail: 'not JSON' };
    }
    if (!isObject(body)) return { ok: false, failure: 'invalid answer', detail: 'not a JSON object' };
    const errors = Array.isArray(body.errors) ? (body.errors.filter(isObject) as GraphQLFormattedError[]) : [];
    const data = body.data;
    if (data !== undefined && data !== null && !isObject(data)) return { ok: false, failure: 'invalid answer', detail: '"data" is not an object' };
    if (!isObject(data) && errors.length === 0) {
      return status >= 400 ? { ok: false, failure: 'http', detail: `HTTP ${status}` } : { ok: false, failure: 'invalid answer', detail: 'neither data nor errors' };
    }
    return { ok: true, data: isObject(data) ? data : {}, errors };
  }
}

function responseCacheKey(member: MemberInfo, request: MemberRequest): string {
  const hash = crypto.createHash('sha256').update(request.query).update('\0').update(JSON.stringify(request.variables)).digest('base64url');
  return `response:${member.siren}:${hash}`;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
