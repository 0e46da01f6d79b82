// The limits live in `@bibia/core` (one implementation for the gateway and every subgraph).
export { costLimitRule, costEstimator, DEFAULT_LIST_SIZE } from '@bibia/core';
