import { isObject } from '@bibia/core';

/** A member whose content in the index may be old: its last successful harvest (null: never). */
export interface StaleMember {
  siren: string;
  harvestedAt: string | null;
}

/** The `staleMembers` of an index answer's `extensions.bibia`; malformed entries are dropped. */
export function readStaleMembers(extensions: unknown): StaleMember[] {
  const list = isObject(extensions) && isObject(extensions.bibia) ? extensions.bibia.staleMembers : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .filter((s): s is Record<string, unknown> => isObject(s) && typeof s.siren === 'string')
    .map((s) => ({ siren: s.siren as string, harvestedAt: typeof s.harvestedAt === 'string' ? s.harvestedAt : null }));
}

/**
 * The stale members of every index answer used for one client request (one per request, in the
 * context): a query may be answered by several fetches to the index. Each member is named once,
 * with its oldest harvest.
 */
export class StaleMembers {
  private readonly bySiren = new Map<string, StaleMember>();

  add(members: Iterable<StaleMember>): void {
    for (const m of members) {
      const known = this.bySiren.get(m.siren);
      if (!known || older(m.harvestedAt, known.harvestedAt)) this.bySiren.set(m.siren, { siren: m.siren, harvestedAt: m.harvestedAt });
    }
  }

  list(): StaleMember[] {
    return [...this.bySiren.values()].sort((a, b) => (a.siren < b.siren ? -1 : a.siren > b.siren ? 1 : 0));
  }
}

/** Never harvested (null) is the oldest. */
function older(a: string | null, b: string | null): boolean {
  if (a === null) return b !== null;
  return b !== null && a < b;
}
