import { badInput } from './errors';
import { unstorableCharacter } from './graphql/unstorableText';

/**
 * The contract's global keyset cursors (docs/contract.md): `base64url(JSON [sortValue, id])`,
 * compared by byte order. The same cursor means the same position on every member, so a hub
 * can send one `after` to all of them and merge their sorted pages. One implementation for the
 * registry, the directory and the gateway.
 */
export type CursorKey = [sortValue: string, id: string];
export type SortDirection = 'asc' | 'desc';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key of a cursor; null when it is not a contract cursor. */
export function parseCursor(cursor: unknown): CursorKey | null {
  if (typeof cursor !== 'string') return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // not JSON
  }
  return null;
}

/** The key of a cursor a client sent; BAD_USER_INPUT when it is not one. */
export function decodeCursor(cursor: string, field = 'after'): CursorKey {
  const key = parseCursor(cursor);
  if (!key) throw badInput(`Invalid cursor in \`${field}\`: pass the \`endCursor\` or an edge \`cursor\` of a previous page`, { field });
  // No issued cursor holds NUL or an unpaired surrogate (no stored text can): such a key would only reach SQL and fail there.
  const bad = unstorableCharacter(key[0]) ?? unstorableCharacter(key[1]);
  if (bad) throw badInput(`Invalid cursor in \`${field}\`: its key contains an invalid character (${bad})`, { field });
  return key;
}

/** Checks `first` (1..100); BAD_USER_INPUT otherwise. */
export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}, got ${n}`, { field: 'first' });
  }
  return n;
}

/** UTF-8 byte order, the order PostgreSQL's "C" collation gives (JS `<` compares UTF-16 units). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Order of two positions: sort value in `direction`, ties by id ascending. */
export function compareCursorKeys(a: CursorKey, b: CursorKey, direction: SortDirection): number {
  const bySort = compareBytes(a[0], b[0]);
  if (bySort !== 0) return direction === 'asc' ? bySort : -bySort;
  return compareBytes(a[1], b[1]);
}

/** A page of a connection, as every BibIA connection type shapes it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Builds a connection from the nodes of a page, in order. */
export function toConnection<T>(nodes: T[], keyOf: (node: T) => CursorKey, page: { hasNextPage: boolean; totalCount: number }): Connection<T> {
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
}

/** A connection from rows fetched with `take: first + 1` (the extra row tells whether a next page exists). */
export function connectionFromRows<T>(rows: T[], first: number, totalCount: number, keyOf: (node: T) => CursorKey): Connection<T> {
  return toConnection(rows.slice(0, first), keyOf, { hasNextPage: rows.length > first, totalCount });
}

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}
