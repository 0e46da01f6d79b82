import { badInput } from '@bibia/kit';

/** Bounds of `first` on every connection, as in the registry contract. */
export const MAX_FIRST = 100;
export const DEFAULT_FIRST = 20;

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Throws BAD_USER_INPUT unless `first` is an integer in 1..100. */
export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badInput(`\`first\` must be between 1 and ${MAX_FIRST}, got ${first}`, { field: 'first' });
  }
}

/**
 * A cursor is `base64url(JSON.stringify([sortValue, id]))`, the convention of the registry
 * contract: the same position whatever the page size.
 */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string): [sortValue: string, id: string] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw badInput('`after` is not a cursor returned by this connection', { field: 'after' });
  }
  return [value[0], value[1]];
}

/**
 * Builds a connection from rows fetched with `take: first + 1` (the extra row only tells whether
 * a next page exists).
 */
export function toPage<T>(rows: T[], first: number, totalCount: number, cursorOf: (row: T) => string): Page<T> {
  const edges = rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
