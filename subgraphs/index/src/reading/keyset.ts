import { badInput, decodeCursor, encodeCursor, pageSize, type Connection } from '@bibia/kit';
import { afterCursor, AiToolOrder, aiToolModel, contractOrder, practiceReportModel, type EntityModel } from '@bibia/registry/contract';
import { Prisma } from '../generated/prisma/client';
import { DATA_VERSION } from '../dataVersion';
import type { IndexPrisma } from '../storage';
import { TotalCounts } from './TotalCounts';

export const { sql, join, raw } = Prisma;
export type Sql = Prisma.Sql;

export type IndexTable = 'IndexedTool' | 'IndexedReport';

export interface KeysetQuery {
  table: IndexTable;
  where: Sql[];
  orderBy: AiToolOrder;
  /** tsquery text of the filter's full-text search, if any. */
  search?: string | null;
  /** With `search`: order by relevance instead of `orderBy` (index-only cursors). */
  ranked?: boolean;
  first?: number | null;
  after?: string | null;
}

/**
 * The columns of a row, as Prisma's client would read them: every scalar column of the table
 * (the search vector is not one), enum lists cast to `text[]` (raw, they would come as '{A,B}').
 */
function selectList(columns: string[], model: EntityModel): Sql {
  const lists = new Set(Object.entries(model.fields).filter(([, f]) => f.kind === 'enumList').map(([name]) => name));
  return raw(columns.map((c) => (lists.has(c) ? `"${c}"::text[] AS "${c}"` : `"${c}"`)).join(', '));
}

const COLUMNS: Record<IndexTable, Sql> = {
  IndexedTool: selectList(Object.values(Prisma.IndexedToolScalarFieldEnum), aiToolModel),
  IndexedReport: selectList(Object.values(Prisma.IndexedReportScalarFieldEnum), practiceReportModel),
};

/** Rows of a table with the page's extra columns, in one statement (see {@link keysetPage}). */
export function selectRows(table: IndexTable): Sql {
  return COLUMNS[table];
}

const rankOf = (q: string) => sql`round(ts_rank(search, to_tsquery('french', ${q}))::numeric, 6)`;

/**
 * The rows after a cursor: the contract's own condition (`afterCursor`, shared with the members),
 * plus the bound it implies on the first sort key, which the planner can use to start the index
 * scan at the cursor instead of filtering every row before it.
 */
function keysetAfter(orderBy: AiToolOrder, after: string): Sql[] {
  const condition = afterCursor(orderBy, after);
  const [value] = decodeCursor(after);
  const bound = orderBy === AiToolOrder.RECENT
    ? sql`"updatedAt" <= (${value}::timestamptz AT TIME ZONE 'UTC')`
    : sql`"sortName" COLLATE "C" >= ${value}`;
  return [bound, condition];
}

function rankedAfter(search: string, after: string): Sql {
  const [value, id] = decodeCursor(after);
  if (!/^\d+(\.\d+)?$/.test(value)) throw badInput('Invalid cursor for a ranked search', { field: 'after' });
  return sql`(${rankOf(search)} < ${value}::numeric OR (${rankOf(search)} = ${value}::numeric AND id COLLATE "C" > ${id}))`;
}

type PageRow = Record<string, unknown> & { id: string; sortName: string; updatedAt: Date; rank?: string; dataVersion: string };

/**
 * One page in the contract's global order, exactly as a member computes it (see the registry's
 * `keysetPage.ts`): byte order ("C") on both keys, NAME by `sortName` then id, RECENT by
 * `updatedAt` descending then id — so a cursor of the index is a cursor of live fan-out.
 * Ranked pages order by relevance (rank rounded to 6 decimals, descending) then id.
 *
 * One statement reads the page's rows (read from the order's index, see the `keyset_order`
 * migration) and the content version; `totalCount` comes from `totals` when that filter was
 * counted at this version, from a count otherwise (in parallel when the filter has no total yet).
 */
export async function keysetPage<T extends { id: string; sortName: string; updatedAt: Date }>(
  prisma: IndexPrisma,
  totals: TotalCounts,
  q: KeysetQuery,
): Promise<Connection<T>> {
  const first = pageSize(q.first);
  const table = raw(`"${q.table}"`);
  const ranked = q.ranked && q.search ? q.search : null;
  const conditions = [...q.where];
  if (q.after) conditions.push(...(ranked ? [rankedAfter(ranked, q.after)] : keysetAfter(q.orderBy, q.after)));
  const where = conditions.length ? join(conditions, ' AND ') : sql`TRUE`;
  const filter = q.where.length ? join(q.where, ' AND ') : sql`TRUE`;
  const order = ranked ? sql`${rankOf(ranked)} DESC, id COLLATE "C" ASC` : contractOrder(q.orderBy);
  const rankColumn = ranked ? sql`, ${rankOf(ranked)}::text AS "rank"` : sql``;
  // A full-text match is read from its GIN index, then sorted: without the fence (OFFSET 0) the
  // planner may instead walk the order's index testing every row until 21 match, which is slow
  // when the matches come late in that order.
  const source = q.search ? sql`(SELECT * FROM ${table} WHERE ${where} OFFSET 0) AS t` : sql`${table} WHERE ${where}`;
  const key = TotalCounts.keyOf(q.table, filter);
  const countTotal = () => prisma.$queryRaw<{ n: number; version: string }[]>(sql`SELECT count(*)::int AS n, ${DATA_VERSION} AS version FROM ${table} WHERE ${filter}`);
  // Nothing known about this filter: its count will be needed, ask it with the page.
  const counting = totals.has(key) ? null : countTotal();
  counting?.catch(() => {});
  const rows = await prisma.$queryRaw<PageRow[]>(
    sql`SELECT ${COLUMNS[q.table]} ${rankColumn}, ${DATA_VERSION} AS "dataVersion" FROM ${source} ORDER BY ${order} LIMIT ${first + 1}`,
  );
  let total = rows.length ? totals.get(key, rows[0].dataVersion) : undefined;
  if (total === undefined) {
    const [counted] = await (counting ?? countTotal());
    total = Number(counted.n);
    totals.set(key, counted.version, total);
  }
  const edges = rows.slice(0, first).map(({ rank, dataVersion: _version, ...row }) => ({
    cursor: encodeCursor([ranked ? rank! : q.orderBy === AiToolOrder.RECENT ? row.updatedAt.toISOString() : row.sortName, row.id]),
    node: { ...row, state: 'PUBLISHED' } as unknown as T,
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
}
