// @bibia/kit: what only subgraphs need (storage on Prisma 7 with PGlite or PostgreSQL and its
// migrations, type-graphql federation schema, Apollo subgraph serving). The light shared
// building blocks are in @bibia/core; they are re-exported here so a subgraph has one import.
export * from '@bibia/core';
export { openDatabase, type Database, type DatabaseOptions } from './storage/openDatabase';
export { dropSchema, testDatabaseUrl } from './storage/schemas';
export { openStorage, type Storage, type StorageOptions, type PrismaLike } from './storage/openStorage';
export { applyMigrations, createMigration, readMigrations } from './storage/schemaEngine';
export { buildFederatedSchema, FEDERATION_LINK } from './graphql/buildFederatedSchema';
export { HOSTING_ENUM } from './graphql/sharedEnums';
export { serveSubgraph, maskInternalError, type ServeSubgraphOptions } from './http/serveSubgraph';
export { PageInfo, connectionOf } from './graphql/connections';
