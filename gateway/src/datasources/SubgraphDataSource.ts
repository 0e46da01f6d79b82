import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { InFlight, keepAliveFetch, postGraphQL, type Logger, type PostFailure, type PostFetch, type PostGraphQLResult } from '@bibia/core';
import type { Tracer } from '@opentelemetry/api';
import { Kind, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { subgraphUnavailable } from '../errors';
import type { GatewayMetrics } from '../metrics/createMetrics';
import { DEFAULT_MEMBER_ANSWER_MAX_BYTES } from '../members/MemberTransport';
import { inClientSpan } from '../telemetry/tracing';
import { isIncomingOperation } from './MemberRoutingDataSource';

/** Options of {@link SubgraphDataSource}. */
export interface SubgraphDataSourceOptions {
  /** The subgraph's name (in errors and logs). */
  name: string;
  /** Where it answers GraphQL. */
  url: string;
  /** Time it has to answer a query, answer read included. */
  timeoutMs: number;
  /** Time it has to answer a mutation. @default timeoutMs */
  mutationTimeoutMs?: number;
  /** Largest answer read; a larger one is a failure. @default DEFAULT_MEMBER_ANSWER_MAX_BYTES (10 MiB) */
  maxAnswerBytes?: number;
  /**
   * The caller's `Authorization` header as it may go to this subgraph, or undefined. Credentials
   * travel only where this says. @default never sent
   */
  authorization?: (header: string) => string | undefined;
  /** The error entry of a failure (never with the internal `detail`). @default SUBGRAPH_UNAVAILABLE */
  unavailable?: (failure: PostFailure, publicDetail?: string) => GraphQLFormattedError;
  /** The HTTP client (the gateway gives its subgraph data sources one). @default a kept-alive Node client of this source's own */
  fetch?: PostFetch;
  /**
   * Traces each request in a `bibia.subgraph.fetch` span, `traceparent` sent along (a shared
   * request carries the trace of the caller that sent it). @default no tracing
   */
  tracer?: Tracer;
  /** Counts requests, failures, shared requests and latency per subgraph. @default not counted */
  metrics?: GatewayMetrics;
  logger: Logger;
}

/** The GraphQL request sent to the subgraph. */
interface SubgraphPost {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null;
  extensions?: Record<string, unknown>;
}

/**
 * A subgraph at one URL, through the hub's one GraphQL client (`postGraphQL` on kept-alive Node
 * connections: no redirect followed, answer size capped, timeout) instead of Apollo's
 * `RemoteGraphQLDataSource` (`make-fetch-happen`, whose request machinery was a quarter of the
 * gateway's CPU under load). Identical queries on their way (same document, variables and
 * credential sent) share one request and each caller gets its own copy of the answer; mutations
 * never share. A subgraph that does not answer usefully gives one error for its fields, the rest
 * of the response is kept, and its address stays in the log.
 */
export class SubgraphDataSource implements GraphQLDataSource {
  private readonly inFlight = new InFlight<PostGraphQLResult>();
  private readonly fetch: PostFetch;
  private readonly unavailable: NonNullable<SubgraphDataSourceOptions['unavailable']>;
  private lastWarning = 0;

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.fetch = options.fetch ?? keepAliveFetch();
    this.unavailable = options.unavailable ?? ((failure, detail) => subgraphUnavailable(options.name, failure, detail));
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const query = request.query;
    if (!query) throw new Error('Missing query');
    const incoming = isIncomingOperation(options) ? options : undefined;
    const header = incoming?.incomingRequestContext.request.http?.headers.get('authorization');
    const authorization = header && this.options.authorization ? this.options.authorization(header) : undefined;
    const variables = request.variables ?? {};
    const mutation = operationType(query, incoming?.document, request.operationName) !== 'query';
    const timeoutMs = mutation ? (this.options.mutationTimeoutMs ?? this.options.timeoutMs) : this.options.timeoutMs;
    const { metrics, name } = this.options;
    const labels = { subgraph: name };
    const send = async () => {
      metrics?.subgraphRequests.inc(labels);
      const stopTimer = metrics?.subgraphDuration.startTimer(labels);
      try {
        return await this.post({ query, variables, operationName: request.operationName, extensions: request.extensions }, authorization, timeoutMs);
      } finally {
        stopTimer?.();
      }
    };
    const answer = mutation
      ? await send()
      : await this.inFlight.run(`${request.operationName ?? ''}\0${authorization ?? ''}\0${query}\0${JSON.stringify(variables)}\0${request.extensions ? JSON.stringify(request.extensions) : ''}`, send, () => metrics?.subgraphSharedRequests.inc(labels));
    if (!answer.ok) {
      metrics?.subgraphErrors.inc({ ...labels, reason: answer.failure });
      const now = Date.now();
      if (now - this.lastWarning > 5000) {
        this.lastWarning = now;
        this.options.logger.warn({ subgraph: name, url: this.options.url, failure: answer.failure, detail: answer.detail }, 'subgraph request failed (further failures logged at most every 5 s)');
      }
      const publicDetail = answer.failure === 'timeout' ? `${timeoutMs} ms` : undefined;
      return { errors: [this.unavailable(answer.failure, publicDetail)] };
    }
    const errors = answer.errors as GraphQLFormattedError[];
    const data = answer.data ?? undefined;
    return errors.length ? { data, errors } : { data };
  }

  /** One POST, in a `bibia.subgraph.fetch` span when tracing. */
  private post(request: SubgraphPost, authorization: string | undefined, timeoutMs: number): Promise<PostGraphQLResult> {
    const { query, variables, operationName, extensions } = request;
    const headers: Record<string, string> = authorization ? { authorization } : {};
    const post = () =>
      postGraphQL(this.options.url, query, variables, {
        timeoutMs,
        maxBytes: this.options.maxAnswerBytes ?? DEFAULT_MEMBER_ANSWER_MAX_BYTES,
        headers,
        operationName,
        extensions,
        fetch: this.fetch,
      });
    if (!this.options.tracer) return post();
    const attributes = { 'bibia.subgraph.name': this.options.name, 'graphql.operation.name': operationName ?? '' };
    return inClientSpan(this.options.tracer, 'bibia.subgraph.fetch', attributes, headers, post, (outcome) => (outcome.ok ? undefined : outcome.failure));
  }
}

/**
 * The type of the operation a fetch runs: from its parsed document when the engine gives it,
 * else from the text's first keyword (a fetch document is the planner's: one operation, no
 * leading comment).
 */
function operationType(query: string, document: DocumentNode | undefined, operationName: string | null | undefined): string {
  if (document) {
    for (const d of document.definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) return d.operation;
    }
  }
  const keyword = /^\s*(?:#[^\n\r]*[\n\r]+\s*)*(\{|query\b|mutation\b|subscription\b)/.exec(query)?.[1];
  return keyword === '{' || keyword === 'query' ? 'query' : (keyword ?? 'unknown');
}
