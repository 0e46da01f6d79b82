import path from 'node:path';
import { openStorage, type Storage } from '@bibia/kit';
import { PrismaClient } from './generated/prisma/client';

export type RegistryPrisma = PrismaClient;

export interface RegistryStorageOptions {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** Called with every SQL statement Prisma runs (used by tests to count queries). */
  onQuery?: (sql: string) => void;
}

export const MIGRATIONS_DIR = path.join(__dirname, '..', 'prisma', 'migrations');

/** Opens the registry database, applies pending migrations, returns the Prisma client. */
export function openRegistryStorage(options: RegistryStorageOptions): Promise<Storage<PrismaClient>> {
  return openStorage({
    ...options,
    migrationsDir: MIGRATIONS_DIR,
    createClient: (adapter) => {
      if (!options.onQuery) return new PrismaClient({ adapter });
      const client = new PrismaClient({ adapter, log: [{ level: 'query', emit: 'event' }] });
      client.$on('query', (e) => options.onQuery!(e.query));
      return client;
    },
  });
}
