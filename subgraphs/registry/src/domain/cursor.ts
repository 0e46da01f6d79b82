import { badInput } from '@bibia/kit';

/**
 * Cursors are global keysets: `base64url(JSON.stringify([sortValue, id]))`. The same cursor
 * means the same position on every member, so a hub can send one `after` to all of them and
 * merge the pages (see docs/contract.md).
 */
export type CursorKey = [sortValue: string, id: string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as CursorKey;
  } catch {
    // fall through
  }
  throw badInput('Invalid cursor: pass the `endCursor` or an edge `cursor` of a previous page', { field: 'after' });
}

export const MAX_PAGE_SIZE = 100;

/** Checks `first` (1..100). */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}, got ${n}`, { field: 'first' });
  }
  return n;
}
