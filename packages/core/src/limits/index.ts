export { DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_QUERY_LIMITS, queryLimits, type QueryLimits } from './queryLimits';
export { queryLimitsPlugin, type QueryLimitsPluginOptions } from './queryLimitsPlugin';
export { queryLimitsServerOptions } from './queryLimitsServerOptions';
export { formatClientError } from './formatClientError';
export { depthLimitRule } from './depthLimitRule';
export { widthLimitRule } from './widthLimitRule';
export { costLimitRule, costEstimator, costEstimatorWith, queryCost, DEFAULT_LIST_SIZE } from './costLimitRule';
export { readCostDirectives, schemaCostDirectives, type CostDirective, type CostDirectives } from './costDirectives';
export { tooComplex } from './tooComplex';
export {
  defaultLimitsConfig, NO_RATE_LIMITS, limitsConfigFromEnv, addLimitsOptions, limitsFlags, queryLimitsOf, rateLimitOptionsOf, toAddressList, toTrustProxy, type LimitsConfig,
} from './limitsConfig';
export { DocumentMemo, requestKey } from './documentMemo';
