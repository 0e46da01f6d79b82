import crypto from 'node:crypto';
import type { Sql } from './keyset';

/**
 * `totalCount` of list filters, each valid for one content version (see `dataVersion.ts`): a
 * national list asks its page and the version in one statement, and counts every matching row
 * only when the content changed since the last count of that filter. A harvest round that
 * changes nothing leaves every total valid; one that changes anything invalidates them all.
 * At most `capacity` filters are kept (least recently used go first): clients choose filters.
 */
export class TotalCounts {
  private readonly entries = new Map<string, { version: string; total: number }>();

  constructor(private readonly capacity = 1000) {}

  /** The key of a table and its conditions (SQL text and values: the member list is in them). */
  static keyOf(table: string, where: Sql): string {
    return crypto.createHash('sha256').update(table).update('\0').update(where.sql).update('\0').update(JSON.stringify(where.values)).digest('base64url');
  }

  /** Whether the filter was counted at some version (its count is then likely valid). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The total counted at `version`, if any. */
  get(key: string, version: string): number | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.total;
  }

  set(key: string, version: string, total: number): void {
    this.entries.delete(key);
    this.entries.set(key, { version, total });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
