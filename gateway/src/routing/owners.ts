/**
 * Who owns what: the contract puts the owner's SIREN in every key of member data
 * (`Collectivite.siren`, `<siren>:<slug>` ids), so the gateway can route by key value.
 */

/** What the gateway knows of a member to route to it (from the directory). */
export interface MemberInfo {
  siren: string;
  name: string;
  /** GraphQL endpoint of the member registry. */
  url: string;
  departement: string | null;
  region: string | null;
  /** Membership status in the directory (ACTIVE, UNREACHABLE...). */
  status: string;
}

const ID_PREFIX = /^(\d{9}):./;

/** The owner SIREN of a `<siren>:<slug>` id; null when the id has no such prefix. */
export function sirenOfId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  return ID_PREFIX.exec(id)?.[1] ?? null;
}

/**
 * Owner of an entity representation: a SIREN; `null` when the type is owned but the key names no
 * valid owner (the entity cannot exist: answered null); `undefined` when the key has no owner
 * (hub-owned entities such as `AiProduct`: every member may contribute).
 */
export function ownerOfRepresentation(rep: Record<string, unknown>): string | null | undefined {
  switch (rep.__typename) {
    case 'Collectivite':
      return typeof rep.siren === 'string' && /^\d{9}$/.test(rep.siren) ? rep.siren : null;
    case 'AiTool':
    case 'PracticeReport':
      return sirenOfId(rep.id);
    default:
      // Types added to the contract later follow the same conventions.
      if (typeof rep.siren === 'string') return /^\d{9}$/.test(rep.siren) ? rep.siren : null;
      return sirenOfId(rep.id) ?? undefined;
  }
}

/** Arguments that name the owner of a root field or mutation, in order of precedence. */
const OWNER_ARGUMENTS = ['siren', 'id', 'toolId'] as const;

/**
 * Owner named by a field's arguments: a SIREN; `null` when an owner argument is present but names
 * no valid owner; `undefined` when the field has no owner argument.
 */
export function ownerOfArguments(args: Record<string, unknown>): string | null | undefined {
  for (const name of OWNER_ARGUMENTS) {
    if (!(name in args) || args[name] === undefined || args[name] === null) continue;
    const value = args[name];
    if (name === 'siren') return typeof value === 'string' && /^\d{9}$/.test(value) ? value : null;
    return sirenOfId(value);
  }
  return undefined;
}

/** Owner-related filter fields of `AiToolFilter` / `PracticeReportFilter`. */
export interface OwnerFilter {
  sirens?: unknown;
  departement?: unknown;
  region?: unknown;
  toolId?: unknown;
}

/**
 * The members a filtered list can concern. Same rules as a member applies to itself
 * (`ownerMatches` in the registry): an empty `sirens` list filters nothing; a member whose
 * département or région is unknown matches no département or région filter.
 */
export function membersConcerned<M extends Pick<MemberInfo, 'siren' | 'departement' | 'region'>>(members: M[], filter: OwnerFilter | null | undefined): M[] {
  if (!filter || typeof filter !== 'object') return members;
  let out = members;
  if (Array.isArray(filter.sirens) && filter.sirens.length > 0) {
    const wanted = new Set(filter.sirens);
    out = out.filter((m) => wanted.has(m.siren));
  }
  if (typeof filter.departement === 'string' && filter.departement !== '') out = out.filter((m) => m.departement === filter.departement);
  if (typeof filter.region === 'string' && filter.region !== '') out = out.filter((m) => m.region === filter.region);
  if (filter.toolId !== undefined && filter.toolId !== null) {
    const owner = sirenOfId(filter.toolId);
    out = out.filter((m) => m.siren === owner);
  }
  return out;
}

/** The single member a filter names explicitly (`sirens: [one]`), if any. */
export function sirenNamedByFilter(filter: OwnerFilter | null | undefined): string | undefined {
  if (!filter || !Array.isArray(filter.sirens) || filter.sirens.length !== 1) return undefined;
  return typeof filter.sirens[0] === 'string' ? filter.sirens[0] : undefined;
}
