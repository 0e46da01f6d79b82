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
  /**
   * A PGlite data directory as a tar, gzipped or not (`dumpDataDir`), loaded into a NEW embedded database instead
   * of running initdb (seconds). Ignored when the data directory already holds a database.
   * @default undefined (initdb)
   */
  template?: Blob;
  /** More `initdb` arguments for a new embedded database made without a template. @default none */
  initdbArgs?: string[];
}

/**
 * PostgreSQL's memory settings for the embedded database. PGlite's own are a server's
 * (shared_buffers 128 MB, maintenance_work_mem 64 MB) and cost their size in resident memory and
 * start time; a member's registry is a few megabytes, and every page PGlite reads from its data
 * directory is in the system's file cache anyway. PGlite writes them to `postgresql.conf` at each
 * start: changing them here changes them for existing databases too.
 */
export const PGLITE_SETTINGS = [
  // PostgreSQL touches all of its shared buffers at start: each MB here is a MB of RSS.
  'shared_buffers = 4MB',
  'temp_buffers = 2MB',
  'work_mem = 4MB',
  'maintenance_work_mem = 16MB',
  // PGlite has one backend; PostgreSQL's 100 slots size its lock and process tables (about 4 MB).
  'max_connections = 2',
];

/** True when `dataDir` names an embedded database that does not exist yet. */
export function isNewPgliteDatabase(options: DatabaseOptions): boolean {
  if (options.databaseUrl) return false;
  if (options.dataDir.startsWith('memory://')) return true;
  const dir = path.resolve(options.dataDir);
  return !fs.existsSync(path.join(dir, 'PG_VERSION'));
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
  /** The embedded database's data directory as a gzipped tar (PGlite only), e.g. for a template. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Opens the embedded PGlite database or connects to PostgreSQL, per `options`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const inMemory = options.dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(path.resolve(options.dataDir), { recursive: true });
  const isNew = isNewPgliteDatabase(options);
  const template = isNew ? options.template : undefined;
  const client = new PGlite(inMemory ? options.dataDir : path.resolve(options.dataDir), {
    postgresqlconf: PGLITE_SETTINGS,
    ...(template ? { loadDataDir: template } : {}),
    ...(options.initdbArgs ? { initDbStartParams: options.initdbArgs } : {}),
    pgliteWasmModule: await compiledPgliteWasm('pglite.wasm'),
    // initdb runs only for a new database that has no template.
    ...(isNew && !template ? { initdbWasmModule: await compiledPgliteWasm('initdb.wasm') } : {}),
  });
  await client.waitReady;
  return {
    kind: 'pglite',
    location: inMemory ? options.dataDir : path.resolve(options.dataDir),
    adapter: new PrismaPGlite(client),
    forMigrations: async () => ({ adapter: new PrismaPGlite(client), release: async () => {} }),
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: () => client.close(),
  };
}

// Compiled once per process: every embedded database of a process (a hub's directory and index,
// a test's members) then shares one copy of PGlite's machine code instead of compiling its own.
// (`WebAssembly` is a Node global that the ES lib typings do not declare; PGlite's options type it.)
type WasmModule = NonNullable<import('@electric-sql/pglite', { with: { 'resolution-mode': 'import' } }).PGliteOptions['pgliteWasmModule']>;
const compiledWasm = new Map<string, Promise<WasmModule>>();

function compiledPgliteWasm(file: 'pglite.wasm' | 'initdb.wasm'): Promise<WasmModule> {
  let compiled = compiledWasm.get(file);
  if (!compiled) {
    const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Buffer): Promise<WasmModule> } }).WebAssembly;
    compiled = fs.promises.readFile(path.join(path.dirname(require.resolve('@electric-sql/pglite')), file)).then((bytes) => wasm.compile(bytes));
    compiledWasm.set(file, compiled);
  }
  return compiled;
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
