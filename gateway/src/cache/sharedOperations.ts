import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { copyJson } from '@bibia/core';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics/createMetrics';

/** What a request that ran gives the identical ones that waited for it. */
interface SharedResponse {
  result: FormattedExecutionResult;
  status?: number;
}

/** Longest a request waits for an identical one before running itself. @default 30 s */
const WAIT_MS = 30_000;

/**
 * Identical anonymous queries arriving while one is running share its response
 * (`INBOUND_DEDUPLICATION`, off by default; Hive Gateway's `inboundInflightRequestDeduplication`):
 * same document, operation name and variables, no `Authorization` header (a caller with a token
 * may see drafts or partner reports). Each request still goes through parsing, validation and
 * the limits, is counted in the metrics, and gets its own copy of the response; mutations never
 * share. A request whose twin gave no single response (or none within 30 s) runs itself.
 */
export function sharedOperationsPlugin(metrics?: GatewayMetrics, waitMs = WAIT_MS): ApolloServerPlugin<GatewayContext> {
  const running = new Map<string, Promise<SharedResponse | null>>();
  return {
    async requestDidStart() {
      let lead: { key: string; done(shared: SharedResponse | null): void } | undefined;
      return {
        async responseForOperation(requestContext) {
          const key = sharingKey(requestContext);
          if (key === null) return null;
          const twin = running.get(key);
          if (twin) {
            const shared = await withTimeout(twin, waitMs);
            if (!shared) return null;
            metrics?.sharedOperations.inc();
            if (shared.status !== undefined) requestContext.response.http.status = shared.status;
            return { http: requestContext.response.http, body: { kind: 'single', singleResult: copyJson(shared.result) } };
          }
          let done!: (shared: SharedResponse | null) => void;
          running.set(key, new Promise((resolve) => (done = resolve)));
          lead = { key, done };
          return null;
        },
        // Registered after the plugins that complete the response (stale members): it is shared as sent.
        async willSendResponse({ response }) {
          if (!lead) return;
          running.delete(lead.key);
          lead.done(response.body.kind === 'single' ? { result: response.body.singleResult, status: response.http.status } : null);
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

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
