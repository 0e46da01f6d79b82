import { DEFAULT_QUERY_LIMITS, queryLimits, queryLimitsOf, type QueryLimits } from '@bibia/core';

/**
 * The gateway's document limits: those of its configuration (`--max-depth`, `--max-cost`,
 * `--max-tokens`...), overridden by `given`, the others from `@bibia/core`'s `DEFAULT_QUERY_LIMITS`.
 */
export function gatewayQueryLimits(config: Partial<QueryLimits>, given: Partial<QueryLimits> = {}): QueryLimits {
  return queryLimits({ ...queryLimitsOf(config), ...given }, DEFAULT_QUERY_LIMITS);
}
