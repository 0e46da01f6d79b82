// The limits live in `@bibia/core` (one implementation for the gateway and every subgraph).
export { depthLimitRule } from '@bibia/core';
