import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { InFlight } from '@bibia/core';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics/createMetrics';

/** What a request that ran gives the identical ones that waited for it. */
interface SharedResponse {
  result: FormattedExecutionResult;
  status?: number;
}

/** Longest the twins of a request wait for its response before running themselves. @default 30 s */
const WAIT_MS = 30_000;

/**
 * Identical anonymous queries arriving while one is running share its response
 * (`INBOUND_DEDUPLICATION`, off by default; Hive Gateway's `inboundInflightRequestDeduplication`):
 * same document, operation name and variables, no `Authorization` header (a caller with a token
 * may see drafts or partner reports). Each request still goes through parsing, validation and
 * the limits, is counted in the metrics, and gets its own copy of the response ({@link InFlight});
 * mutations never share. When the first gives no single response (or none within 30 s), its
 * twins run themselves.
 */
export function sharedOperationsPlugin(metrics?: GatewayMetrics, waitMs = WAIT_MS): ApolloServerPlugin<GatewayContext> {
  const running = new InFlight<SharedResponse | null>();
  return {
    async requestDidStart() {
      /** Set on the first request of its kind: gives its response to the twins that wait. */
      let lead: ((shared: SharedResponse | null) => void) | undefined;
      return {
        async responseForOperation(requestContext) {
          const key = sharingKey(requestContext);
          if (key === null) return null;
          const twin = running.run(key, () => new Promise<SharedResponse | null>((resolve) => {
            // A response that never comes (a request stopped short of willSendResponse) must not hold its twins.
            const timer = setTimeout(() => resolve(null), waitMs).unref();
            lead = (shared) => {
              clearTimeout(timer);
              resolve(shared);
            };
          }));
          // The first of its kind runs.
          if (lead) return null;
          const shared = await twin;
          if (!shared) return null;
          metrics?.sharedOperations.inc();
          if (shared.status !== undefined) requestContext.response.http.status = shared.status;
          return { http: requestContext.response.http, body: { kind: 'single', singleResult: shared.result } };
        },
        // Registered after the plugins that complete the response (stale members): it is shared as sent.
        async willSendResponse({ response }) {
          lead?.(response.body.kind === 'single' ? { result: response.body.singleResult, status: response.http.status } : null);
          lead = undefined;
        },
      };
    },
  };
}

/** The key of an anonymous query's request, or null when it may not share. */
function sharingKey({ operation, request, queryHash }: GraphQLRequestContext<GatewayContext>): string | null {
  if (operation?.operation !== 'query' || !queryHash) return null;
  if (request.http?.headers.get('authorization')) return null;
  return `${queryHash}\0${request.operationName ?? ''}\0${JSON.stringify(request.variables ?? {})}`;
}
