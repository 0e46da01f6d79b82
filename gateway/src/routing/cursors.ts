/**
 * Global keyset cursors (docs/contract.md): `base64url(JSON [sortValue, id])`, compared by
 * byte order on every member, so the hub can merge sorted pages from several members.
 */
export type CursorKey = [sortValue: string, id: string];

export type SortDirection = 'asc' | 'desc';

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key of a cursor; null when it is not a contract cursor. */
export function decodeCursor(cursor: unknown): CursorKey | null {
  if (typeof cursor !== 'string') return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // not JSON
  }
  return null;
}

/** UTF-8 byte order, the order PostgreSQL's "C" collation gives (JS `<` compares UTF-16 units). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Order of two positions: sort value in `direction`, ties by id ascending. */
export function compareKeys(a: CursorKey, b: CursorKey, direction: SortDirection): number {
  const bySort = compareBytes(a[0], b[0]);
  if (bySort !== 0) return direction === 'asc' ? bySort : -bySort;
  return compareBytes(a[1], b[1]);
}
