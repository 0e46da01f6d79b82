import { badInput, decodeCursor, encodeCursor, pageSize, type Connection } from '@bibia/kit';
import { afterCursor, AiToolOrder, contractOrder } from '@bibia/registry/contract';
import { Prisma } from '../generated/prisma/client';
import type { IndexPrisma } from '../storage';

export const { sql, join, raw } = Prisma;
export type Sql = Prisma.Sql;

export interface KeysetQuery {
  table: 'IndexedTool' | 'IndexedReport';
  where: Sql[];
  orderBy: AiToolOrder;
  /** tsquery text: with `ranked`, the order is relevance (index-only cursors). */
  ranked?: string | null;
  first?: number | null;
  after?: string | null;
}

const rankOf = (q: string) => sql`round(ts_rank(search, to_tsquery('french', ${q}))::numeric, 6)`;

/**
 * One page in the contract's global order, exactly as a member computes it (see the registry's
 * `keysetPage.ts`): byte order ("C") on both keys, NAME by `sortName` then id, RECENT by
 * `updatedAt` descending then id — so a cursor of the index is a cursor of live fan-out.
 * Ranked pages order by relevance (rank rounded to 6 decimals, descending) then id.
 */
export async function keysetPage<T extends { id: string; sortName: string; updatedAt: Date }>(
  prisma: IndexPrisma,
  q: KeysetQuery,
): Promise<Connection<T>> {
  const first = pageSize(q.first);
  const table = raw(`"${q.table}"`);
  const conditions = [...q.where];
  const recent = q.orderBy === AiToolOrder.RECENT;
  if (q.after) {
    const [value, id] = decodeCursor(q.after);
    if (q.ranked) {
      if (!/^\d+(\.\d+)?$/.test(value)) throw badInput('Invalid cursor for a ranked search', { field: 'after' });
      conditions.push(sql`(${rankOf(q.ranked)} < ${value}::numeric OR (${rankOf(q.ranked)} = ${value}::numeric AND id COLLATE "C" > ${id}))`);
    } else {
      conditions.push(afterCursor(q.orderBy, q.after));
    }
  }
  const where = conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : sql``;
  const countWhere = q.where.length ? sql`WHERE ${join(q.where, ' AND ')}` : sql``;
  const order = q.ranked
    ? sql`${rankOf(q.ranked)} DESC, id COLLATE "C" ASC`
    : contractOrder(q.orderBy);
  const rankColumn = q.ranked ? sql`, ${rankOf(q.ranked)}::text AS "rank"` : sql``;
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<{ id: string; rank?: string }[]>(sql`SELECT id ${rankColumn} FROM ${table} ${where} ORDER BY ${order} LIMIT ${first + 1}`),
    prisma.$queryRaw<{ n: number | bigint }[]>(sql`SELECT count(*)::int AS n FROM ${table} ${countWhere}`),
  ]);
  const ids = rows.slice(0, first).map((r) => r.id);
  const ranks = new Map(rows.map((r) => [r.id, r.rank ?? '']));
  const found = q.table === 'IndexedTool'
    ? await prisma.indexedTool.findMany({ where: { id: { in: ids } } })
    : await prisma.indexedReport.findMany({ where: { id: { in: ids } } });
  const byId = new Map<string, T>(found.map((r) => [r.id, { ...r, state: 'PUBLISHED' } as unknown as T]));
  const nodes = ids.map((id) => byId.get(id)).filter((n): n is T => n !== undefined);
  const edges = nodes.map((node) => ({
    cursor: encodeCursor([q.ranked ? ranks.get(node.id)! : recent ? node.updatedAt.toISOString() : node.sortName, node.id]),
    node,
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: Number(counted[0]?.n ?? 0) };
}
