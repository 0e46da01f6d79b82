import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { createLogger, type Logger } from '@bibia/core';
import { openDatabase, type Database, type DatabaseOptions } from './openDatabase';
import { applyMigrations } from './schemaEngine';

export interface PrismaLike {
  $disconnect(): Promise<void>;
}

/** Options of {@link openStorage}. */
export interface StorageOptions<P extends PrismaLike> extends DatabaseOptions {
  /** The subgraph's `prisma/migrations` directory, applied at start-up. */
  migrationsDir: string;
  /** Creates the subgraph's generated Prisma client on a driver adapter. */
  createClient: (adapter: SqlDriverAdapterFactory) => P;
  /** Reports a wait for another process's migration. @default a `storage` logger */
  logger?: Logger;
  /** How long to wait for another process's migration before giving up. @default 120000 */
  migrationLockWaitMs?: number;
}

export interface Storage<P extends PrismaLike> {
  prisma: P;
  database: Database;
  /** Migrations applied by this start-up. */
  appliedMigrations: string[];
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and returns a Prisma client on it. */
export async function openStorage<P extends PrismaLike>(options: StorageOptions<P>): Promise<Storage<P>> {
  const database = await openDatabase(options);
  try {
    const migration = await database.forMigrations();
    const logger = options.logger ?? createLogger('storage');
    const appliedMigrations = await applyMigrations(migration.adapter, options.migrationsDir, {
      lockWaitMs: options.migrationLockWaitMs,
      log: (message) => logger.info({ database: database.location }, message),
    }).finally(() => migration.release());
    const prisma = options.createClient(database.adapter);
    return {
      prisma,
      database,
      appliedMigrations,
      close: async () => {
        await prisma.$disconnect();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
