import fs from 'node:fs';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { createSchema, splitSchema } from './schemas';

/** Where a subgraph keeps its data. */
export interface DatabaseOptions {
  /**
   * PostgreSQL connection string. When set, PostgreSQL is used (production).
   * @default undefined (embedded PGlite)
   */
  databaseUrl?: string;
  /**
   * Directory of the embedded PGlite database, created when missing. `memory://` keeps
   * everything in memory (tests only: nothing survives the process).
   */
  dataDir: string;
  /** Connections in the PostgreSQL pool. @default 10 */
  poolSize?: number;
}

/** A driver-adapter factory for Prisma and the schema engine, and how to release it. */
export interface Database {
  kind: 'postgresql' | 'pglite';
  /** Human-readable location, without credentials. */
  location: string;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /**
   * An adapter for one schema-engine run, and how to release it. On PostgreSQL it has its own
   * connection, closed afterwards: the engine takes a session advisory lock that must not stay
   * held by a pooled connection (other registries on the same server would wait for it).
   */
  forMigrations(): Promise<{ adapter: SqlMigrationAwareDriverAdapterFactory; release(): Promise<void> }>;
  close(): Promise<void>;
}

/** Opens the embedded PGlite database or connects to PostgreSQL, per `options`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const inMemory = options.dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(path.resolve(options.dataDir), { recursive: true });
  const client = inMemory ? new PGlite(options.dataDir) : new PGlite(path.resolve(options.dataDir));
  await client.waitReady;
  return {
    kind: 'pglite',
    location: inMemory ? options.dataDir : path.resolve(options.dataDir),
    adapter: new PrismaPGlite(client),
    forMigrations: async () => ({ adapter: new PrismaPGlite(client), release: async () => {} }),
    close: () => client.close(),
  };
}

/**
 * PostgreSQL through `pg`. A `?schema=name` parameter (Prisma's convention) puts every table in
 * that schema, created when missing: several registries, or test runs, can share one database.
 */
async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { serverUrl, schema } = splitSchema(databaseUrl);
  const url = new URL(serverUrl);
  if (schema) {
    await createSchema(databaseUrl);
    url.searchParams.set('options', `-c search_path="${schema}"`);
  }
  return {
    kind: 'postgresql',
    location: `${url.protocol}//${url.host}${url.pathname}${schema ? ` (schema ${schema})` : ''}`,
    adapter: new PrismaPg({ connectionString: url.toString(), max: poolSize }, schema ? { schema } : undefined),
    forMigrations: async () => {
      const { Pool } = await import('pg');
      const pool = new Pool({ connectionString: url.toString(), max: 1 });
      return { adapter: new PrismaPg(pool, schema ? { schema } : undefined), release: () => pool.end() };
    },
    // The pg pool belongs to the Prisma client, which closes it on $disconnect.
    close: async () => {},
  };
}
