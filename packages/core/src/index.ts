// @bibia/core: what every BibIA app shares, and nothing heavy (no Prisma, no PGlite, no
// type-graphql): errors, SIREN, environment, logger, cursors, HTTP serving helpers, the hub's
// GraphQL-over-HTTP client and the plain-text policy.
export { isValidSiren, withCheckDigit } from './siren';
export { ErrorCodes, userError, badInput, notFound, forbidden, unauthenticated, conflict, type ErrorCode } from './errors';
export { getEnvStr, getEnvNum, getEnvBool, definedOnly } from './env';
export { createLogger, type Logger } from './logger';
export { isObject } from './isObject';
export { plainText, hasInvisibleCharacters, normalizeText } from './text';
export {
  encodeCursor, parseCursor, decodeCursor, pageSize, compareBytes, compareCursorKeys, toConnection, connectionFromRows, emptyConnection,
  MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type CursorKey, type SortDirection, type Connection,
} from './cursor';
export {
  checkMemberUrl, forbiddenAddressRule, guardedFetch, guardedLookup, guardedPostGraphQL, ForbiddenAddressError, type MemberAddressPolicy, type PostFetch,
} from './http/memberAddress';
export { keepAliveFetch } from './http/keepAliveFetch';
export { listenHttp, sendJson, type ListenHttpOptions, type RunningHttpServer, type RouteHandler } from './http/listenHttp';
export { createRateLimiter, sendRateLimited, DEFAULT_RATE_LIMITS, type RateLimiter, type RateLimitOptions, type RateLimitVerdict } from './http/rateLimit';
export { connectRedis, REDIS_CONNECT_TIMEOUT_MS } from './http/connectRedis';
export {
  staticBody, sendStatic, noneMatch, acceptsGzip, contentTypeOf, STATIC_CONTENT_TYPES, STATIC_SECURITY_HEADERS, type StaticBody, type StaticBodyOptions,
} from './http/staticBody';
export { addressMatcher, clientAddressResolver, clientKeyOf, normalizeAddress, type TrustProxy, type AddressMatcher } from './http/clientAddress';
export {
  postGraphQL, errorMessages, DEFAULT_POST_TIMEOUT_MS, DEFAULT_POST_MAX_BYTES,
  type PostGraphQLOptions, type PostGraphQLRequestInit, type PostGraphQLResult, type PostFailure, type RawGraphQLError,
} from './graphql/postGraphQL';
export { guardEntities } from './graphql/guardEntities';
export { checkStorableText } from './graphql/unstorableText';
export { DateScalar, parseDate, checkDateTime, checkDateInputs } from './graphql/dateScalars';
export {
  ConfigError, envValue, secretEnvValue, readSecretFile, flagValue, toText, toPath, toInt, toPort, toPositiveInt, toNonNegativeInt, toBool, toHttpUrl, type Parse,
} from './config';
export {
  DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_QUERY_LIMITS, queryLimits, queryLimitsPlugin, queryLimitsServerOptions, formatClientError,
  depthLimitRule, widthLimitRule, costLimitRule, costEstimator, DEFAULT_LIST_SIZE, tooComplex, type QueryLimits, DocumentMemo, requestKey,
  costEstimatorWith, queryCost, readCostDirectives, schemaCostDirectives, type CostDirective, type CostDirectives, type QueryLimitsPluginOptions,
  defaultLimitsConfig, NO_RATE_LIMITS, limitsConfigFromEnv, addLimitsOptions, limitsFlags, queryLimitsOf, rateLimitOptionsOf, toAddressList, toTrustProxy, type LimitsConfig,
} from './limits';
export { stopOnSignals } from './stopOnSignals';
export * from './partners';
export { FreshReads } from './freshReads';
export { InFlight, copyJson } from './inFlight';
