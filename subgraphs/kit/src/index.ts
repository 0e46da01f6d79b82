export { isValidSiren, withCheckDigit } from './siren';
export { ErrorCodes, userError, badInput, notFound, forbidden, unauthenticated, conflict, type ErrorCode } from './errors';
export { getEnvStr, getEnvNum, getEnvBool, definedOnly } from './env';
export { createLogger, type Logger } from './logger';
export { openDatabase, type Database, type DatabaseOptions } from './storage/openDatabase';
export { dropSchema, testDatabaseUrl } from './storage/schemas';
export { openStorage, type Storage, type StorageOptions, type PrismaLike } from './storage/openStorage';
export { applyMigrations, createMigration, readMigrations } from './storage/schemaEngine';
export { listenHttp, sendJson, type ListenHttpOptions, type RunningHttpServer, type RouteHandler } from './http/listenHttp';
export { buildFederatedSchema, FEDERATION_LINK } from './graphql/buildFederatedSchema';
export { HOSTING_ENUM } from './graphql/sharedEnums';
export {
  encodeCursor, parseCursor, decodeCursor, pageSize, compareBytes, compareCursorKeys, toConnection, connectionFromRows, emptyConnection,
  MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type CursorKey, type SortDirection, type Connection,
} from './cursor';
export { serveSubgraph, maskInternalError, type ServeSubgraphOptions } from './http/serveSubgraph';
export { PageInfo, connectionOf } from './graphql/connections';
