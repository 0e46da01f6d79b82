import { DEFAULT_QUERY_LIMITS, queryLimits, type QueryLimits } from '@bibia/core';
import type { GatewayConfig } from '../config';

/**
 * The gateway's document limits: depth and cost from its configuration (`--max-depth`,
 * `--max-cost`), the others from `given` or `@bibia/core`'s `DEFAULT_QUERY_LIMITS`.
 */
export function gatewayQueryLimits(config: Pick<GatewayConfig, 'maxDepth' | 'maxCost'>, given: Partial<QueryLimits> = {}): QueryLimits {
  return queryLimits({ maxDepth: config.maxDepth, maxCost: config.maxCost, ...given }, DEFAULT_QUERY_LIMITS);
}
