import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { createLogger, type Logger } from '@bibia/core';
import { isNewPgliteDatabase, openDatabase, type Database, type DatabaseOptions } from './openDatabase';
import { pgliteTemplate } from './pgliteTemplate';
import { applyMigrations, type ApplyMigrationsOptions } from './schemaEngine';

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
  /**
   * Start a new embedded database from the kept template of these migrations (pgliteTemplate.ts)
   * instead of initdb and the schema engine. @default true, unless env `PGLITE_TEMPLATES=off`
   */
  pgliteTemplate?: boolean;
  /** Loads the schema engine (tests count the loads). @default loadSchemaEngine */
  loadEngine?: ApplyMigrationsOptions['loadEngine'];
}

export interface Storage<P extends PrismaLike> {
  prisma: P;
  database: Database;
  /** Migrations applied by this start-up (a new database from a template: the template's). */
  appliedMigrations: string[];
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and returns a Prisma client on it. */
export async function openStorage<P extends PrismaLike>(options: StorageOptions<P>): Promise<Storage<P>> {
  const useTemplate = options.pgliteTemplate ?? process.env.PGLITE_TEMPLATES !== 'off';
  const template = useTemplate && isNewPgliteDatabase(options) ? await pgliteTemplate(options.migrationsDir) : undefined;
  const database = await openDatabase({ ...options, template: template?.tar });
  try {
    const migration = await database.forMigrations();
    const logger = options.logger ?? createLogger('storage');
    // Still checked after a template: files added since it was made go through the engine.
    const applied = await applyMigrations(migration.adapter, options.migrationsDir, {
      lockWaitMs: options.migrationLockWaitMs,
      log: (message) => logger.info({ database: database.location }, message),
      loadEngine: options.loadEngine,
    }).finally(() => migration.release());
    const appliedMigrations = [...(template?.migrations ?? []), ...applied];
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
