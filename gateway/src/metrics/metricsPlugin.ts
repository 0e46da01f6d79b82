import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayMetrics } from './createMetrics';

/** Counts and times every GraphQL request; `partial` means data plus errors (e.g. a member down). */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, response }) {
          const op = operation?.operation ?? 'unknown';
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const hasErrors = Boolean(body.errors?.length);
          const hasData = body.data !== undefined && body.data !== null;
          const outcome = !hasErrors ? 'success' : hasData ? 'partial' : 'error';
          metrics.requests.inc({ operation: op, outcome });
          metrics.requestDuration.observe({ operation: op }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
