import { Prisma } from './generated/prisma/client';
import type { IndexPrisma } from './storage';

/**
 * The version of the indexed content: one row of `DataVersion`, bumped by every transaction that
 * writes `IndexedTool` or `IndexedReport`. A total computed in a snapshot that read version v is
 * the total of every later snapshot that reads v (reading/TotalCounts.ts). Whatever instance
 * writes, every instance reading the database sees the bump: no cache outlives a change.
 *
 * Put the statement LAST in its transaction: it locks the row until the commit, and concurrent
 * harvests then wait for a commit only, not for each other's writes.
 */
export function bumpDataVersion(prisma: IndexPrisma): Prisma.PrismaPromise<number> {
  return prisma.$executeRaw`
    INSERT INTO "DataVersion" (id, version) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET version = "DataVersion".version + 1`;
}

/** The current version, as text, in the SQL statement's own snapshot ('0' before any change). */
export const DATA_VERSION = Prisma.sql`COALESCE((SELECT version::text FROM "DataVersion" WHERE id = 1), '0')`;
