/**
 * A member whose data in the answer may be out of date: the hub's national index answered for it
 * from its last harvest, which is older than the index's freshness limit. Its data is there, but
 * recent changes of its registry may be missing.
 */
export interface StaleMember {
  /** SIREN of the collectivité. */
  siren: string;
  /** Its name, when the hub gives it. */
  name?: string;
  /** When the index last read the member's registry successfully (ISO date-time); null: never. */
  harvestedAt: string | null;
}

/** The members named in `extensions.bibia.staleMembers` of an answer; malformed entries are dropped. */
export function staleMembersOf(extensions: unknown): StaleMember[] {
  const bibia = isRecord(extensions) ? extensions.bibia : undefined;
  const list = isRecord(bibia) ? bibia.staleMembers : undefined;
  if (!Array.isArray(list)) return [];
  const out: StaleMember[] = [];
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.siren !== 'string' || !entry.siren) continue;
    const name = typeof entry.name === 'string' && entry.name ? entry.name : undefined;
    addStaleMembers(out, [{ siren: entry.siren, ...(name ? { name } : {}), harvestedAt: typeof entry.harvestedAt === 'string' ? entry.harvestedAt : null }]);
  }
  return out;
}

/**
 * Adds members to `into`, each SIREN once with its oldest harvest (never harvested is the
 * oldest): several answers of one national read may name the same member.
 */
export function addStaleMembers(into: StaleMember[], members: Iterable<StaleMember>): StaleMember[] {
  for (const m of members) {
    const i = into.findIndex((x) => x.siren === m.siren);
    if (i < 0) into.push(m);
    else if (older(m.harvestedAt, into[i].harvestedAt)) into[i] = { ...into[i], ...m };
  }
  return into;
}

function older(a: string | null, b: string | null): boolean {
  if (a === null) return b !== null;
  return b !== null && Date.parse(a) < Date.parse(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
