import DataLoader from 'dataloader';
import type { IndexedReport, IndexedTool } from '../generated/prisma/client';
import type { IndexPrisma } from '../storage';
import type { ActiveMembers } from '../members/ActiveMembers';
import { selectRows, sql } from './keyset';
import type { TotalCounts } from './TotalCounts';

/** A tool of the index as the registry's `AiTool` type reads it. */
export type ToolNode = IndexedTool & { state: 'PUBLISHED' };
export type ReportNode = IndexedReport & { state: 'PUBLISHED' };

export interface IndexContext {
  prisma: IndexPrisma;
  members: ActiveMembers;
  /** List totals per filter and content version, shared by the requests of one server. */
  totals: TotalCounts;
  loaders: IndexLoaders;
}

export interface IndexLoaders {
  toolById: DataLoader<string, ToolNode | null>;
  reportsByToolId: DataLoader<string, ReportNode[]>;
}

export const asTool = (row: IndexedTool): ToolNode => ({ ...row, state: 'PUBLISHED' });
export const asReport = (row: IndexedReport): ReportNode => ({ ...row, state: 'PUBLISHED' });

/** Per-request loaders (rows read as lists read them); rows of members no longer listed are left out like in lists. */
export function createLoaders(prisma: IndexPrisma, members: ActiveMembers): IndexLoaders {
  const listed = (siren: string) => members.get(siren) !== undefined;
  return {
    toolById: new DataLoader(async (ids) => {
      const found = await prisma.$queryRaw<IndexedTool[]>(sql`SELECT ${selectRows('IndexedTool')} FROM "IndexedTool" WHERE id = ANY(${[...ids]}::text[])`);
      const rows = new Map(found.map((r) => [r.id, r]));
      return ids.map((id) => {
        const row = rows.get(id);
        return row && listed(row.siren) ? asTool(row) : null;
      });
    }),
    reportsByToolId: new DataLoader(async (toolIds) => {
      const rows = await prisma.$queryRaw<IndexedReport[]>(
        sql`SELECT ${selectRows('IndexedReport')} FROM "IndexedReport" WHERE "toolId" = ANY(${[...toolIds]}::text[]) ORDER BY "reportDate" DESC, id ASC`,
      );
      return toolIds.map((id) => rows.filter((r) => r.toolId === id && listed(r.siren)).map(asReport));
    }),
  };
}
