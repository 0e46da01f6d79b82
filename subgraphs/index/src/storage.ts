import path from 'node:path';
import { openStorage, type Logger, type Storage } from '@bibia/kit';
import { PrismaClient } from './generated/prisma/client';

export type IndexPrisma = PrismaClient;

const MIGRATIONS_DIR = path.join(__dirname, '..', 'prisma', 'migrations');

/** Opens (and migrates) the index database: PostgreSQL when `databaseUrl`, embedded PGlite otherwise. */
export function openIndexStorage(options: { databaseUrl?: string; dataDir: string; poolSize?: number; logger?: Logger }): Promise<Storage<IndexPrisma>> {
  return openStorage({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    poolSize: options.poolSize,
    logger: options.logger,
    migrationsDir: MIGRATIONS_DIR,
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
}
