import type { BaseContext } from '@apollo/server';
import { DEFAULT_QUERY_LIMITS, queryLimits, queryLimitsOf, queryLimitsServerOptions, readCostDirectives, type CostDirectives, type QueryLimits } from '@bibia/core';

/**
 * The gateway's document limits: those of its configuration (`--max-depth`, `--max-cost`,
 * `--max-tokens`...), overridden by `given`, the others from `@bibia/core`'s `DEFAULT_QUERY_LIMITS`.
 */
export function gatewayQueryLimits(config: Partial<QueryLimits>, given: Partial<QueryLimits> = {}): QueryLimits {
  return queryLimits({ ...queryLimitsOf(config), ...given }, DEFAULT_QUERY_LIMITS);
}

/** What the limits need of the gateway's engine (Apollo's `GatewayInterface`): its supergraph at each (re)load. */
interface SupergraphSource {
  onSchemaLoadOrUpdate(callback: (schema: { coreSupergraphSdl: string }) => void): unknown;
}

/**
 * The gateway's limits for Apollo Server (`queryLimitsServerOptions`), its cost estimated with the
 * `@listSize` / `@cost` of the supergraph the gateway serves (composition keeps those of subgraphs
 * linking the cost spec; the API schema the plugin sees has lost them). Read again at each
 * (re)load of the supergraph.
 */
export function gatewayLimitsServerOptions<C extends BaseContext>(gateway: SupergraphSource, config: Partial<QueryLimits>, given: Partial<QueryLimits> = {}) {
  let directives: CostDirectives | undefined;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    directives = readCostDirectives(coreSupergraphSdl);
  });
  return queryLimitsServerOptions<C>(gatewayQueryLimits(config, given), { costDirectives: () => directives });
}
