// Prisma's SQL template tag from its runtime, not from the generated client: the national index
// builds its pages with these functions and must not load this registry's client.
import { join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { RegistryPrisma } from '../storage';
import { badInput, decodeCursor, pageSize, toConnection, type Connection } from '@bibia/kit';
import { AiToolOrder } from './enums';

export { join, raw, sql, type Sql };

export interface KeysetQuery {
  /** Quoted table name, e.g. `"AiTool"`. */
  table: Sql;
  /** Conditions, AND-ed. */
  where: Sql[];
  orderBy: AiToolOrder;
  first?: number | null;
  after?: string | null;
}

export interface SortedRow {
  id: string;
  sortName: string;
  updatedAt: Date;
}

/** The sort value of a row in a cursor, as the contract defines it. */
export function sortValue(row: SortedRow, orderBy: AiToolOrder): string {
  return orderBy === AiToolOrder.RECENT ? row.updatedAt.toISOString() : row.sortName;
}

/**
 * The rows after a cursor in the contract's global order: byte order ("C") on both keys, NAME by
 * `sortName` then id, RECENT by `updatedAt` descending then id. The national index uses this
 * same function (through `@bibia/registry/contract`), so its cursors are the members' cursors.
 */
export function afterCursor(orderBy: AiToolOrder, after: string): Sql {
  const [value, id] = decodeCursor(after);
  checkInputText(value, 'after');
  checkInputText(id, 'after');
  if (orderBy === AiToolOrder.RECENT) {
    if (!isCursorTimestamp(value)) throw badInput('Invalid cursor for orderBy RECENT', { field: 'after' });
    const at = sql`(${value}::timestamptz AT TIME ZONE 'UTC')`;
    return sql`("updatedAt" < ${at} OR ("updatedAt" = ${at} AND id COLLATE "C" > ${id}))`;
  }
  return sql`("sortName" COLLATE "C" > ${value} OR ("sortName" = ${value} AND id COLLATE "C" > ${id}))`;
}

/**
 * Whether a RECENT cursor's sort value is a timestamp as `sortValue` writes it (ISO 8601 in UTC,
 * years 1 to 9999) that names a real instant. `Date.parse` alone is not enough: V8 also reads
 * "foo 4" or February 30, which PostgreSQL then refuses (22007/22008: an internal error, found by
 * the fuzz).
 */
export function isCursorTimestamp(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) || value.startsWith('0000')) return false;
  const at = new Date(value);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 19) === value.slice(0, 19);
}

/** ORDER BY of the contract's global order (see {@link afterCursor}). */
export function contractOrder(orderBy: AiToolOrder): Sql {
  return orderBy === AiToolOrder.RECENT ? sql`"updatedAt" DESC, id COLLATE "C" ASC` : sql`"sortName" COLLATE "C" ASC, id COLLATE "C" ASC`;
}

/**
 * One page in the contract's global order. Byte-order collation ("C") on both keys, so every
 * member — and a hub merging their pages in JavaScript — agrees on the order.
 * Returns the ids of the page (in order), whether more follow, and the total.
 */
export async function keysetIds(prisma: RegistryPrisma, q: KeysetQuery): Promise<{ ids: string[]; hasNextPage: boolean; totalCount: number; first: number }> {
  const first = pageSize(q.first);
  const conditions = [...q.where];
  if (q.after) conditions.push(afterCursor(q.orderBy, q.after));
  const where = conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : sql``;
  const countWhere = q.where.length ? sql`WHERE ${join(q.where, ' AND ')}` : sql``;
  const order = contractOrder(q.orderBy);
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>(sql`SELECT id FROM ${q.table} ${where} ORDER BY ${order} LIMIT ${first + 1}`),
    prisma.$queryRaw<{ n: number | bigint }[]>(sql`SELECT count(*)::int AS n FROM ${q.table} ${countWhere}`),
  ]);
  return {
    ids: rows.slice(0, first).map((r) => r.id),
    hasNextPage: rows.length > first,
    totalCount: Number(counted[0]?.n ?? 0),
    first,
  };
}

/** A page of rows in `orderBy` order, with contract cursors. */
export function rowsToConnection<T extends SortedRow>(rows: T[], orderBy: AiToolOrder, page: { hasNextPage: boolean; totalCount: number }): Connection<T> {
  return toConnection(rows, (row) => [sortValue(row, orderBy), row.id], page);
}

/** Checks a full-text query: at most 200 characters, no invalid character; empty means no filter. */
export function searchText(search: string | null | undefined): string | null {
  const s = search?.trim();
  if (!s) return null;
  if (s.length > 200) throw badInput('`search` must be at most 200 characters', { field: 'filter.search' });
  return checkInputText(s, 'filter.search');
}

/**
 * What no text a client sends to be compared in SQL may contain: NUL (PostgreSQL refuses it in
 * a text value, error 22021), the other C0 and C1 control characters except tab and line breaks,
 * and unpaired UTF-16 surrogates (no UTF-8 encoding).
 */
// eslint-disable-next-line no-control-regex
const INVALID_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `value` when it has no invalid character; BAD_USER_INPUT naming `field` otherwise. */
export function checkInputText<T extends string | null | undefined>(value: T, field: string): T {
  if (typeof value !== 'string') return value;
  const found = INVALID_CHARACTER.exec(value);
  if (found) {
    const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw badInput(`\`${field}\` contains an invalid character (U+${code}, at ${found.index})`, { field });
  }
  return value;
}
