import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
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
    const appliedMigrations = await applyMigrations(migration.adapter, options.migrationsDir).finally(() => migration.release());
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
