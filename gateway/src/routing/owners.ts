/**
 * Who owns what: the contract puts the owner's SIREN in every key of member data
 * (`Collectivite.siren`, `<siren>:<slug>` ids), so the gateway can route by key value. Which
 * arguments, keys and filter fields hold an owner is declared in `contractConventions`.
 */
import type { MemberInfo } from '../members/MemberInfo';
import { ENTITIES, OWNER_ARGUMENTS, PRUNING_FILTER_FIELDS, type OwnerValue, type RootFieldRoute } from './contractConventions';

const ID_PREFIX = /^(\d{9}):./;
const SIREN = /^\d{9}$/;

/** The owner SIREN of a `<siren>:<slug>` id; null when the id has no such prefix. */
export function sirenOfId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  return ID_PREFIX.exec(id)?.[1] ?? null;
}

/** The owner a value names, read as `holds` says; null when it names no valid owner. */
export function ownerOfValue(value: unknown, holds: OwnerValue): string | null {
  if (holds === 'siren') return typeof value === 'string' && SIREN.test(value) ? value : null;
  return sirenOfId(value);
}

/**
 * Owner of an entity representation: a SIREN; `null` when the type is owned but the key names no
 * valid owner (the entity cannot exist: answered null); `undefined` when the key has no owner
 * (hub-owned entities such as `AiProduct`: every member may contribute).
 */
export function ownerOfRepresentation(rep: Record<string, unknown>): string | null | undefined {
  const typename = typeof rep.__typename === 'string' ? rep.__typename : '';
  if (Object.hasOwn(ENTITIES, typename)) {
    const { key, owner } = ENTITIES[typename];
    return owner === null ? undefined : ownerOfValue(rep[key], owner);
  }
  // A type the conventions do not declare (caught by the contract test): read its key the way
  // the contract's keys are written.
  if (typeof rep.siren === 'string') return ownerOfValue(rep.siren, 'siren');
  return sirenOfId(rep.id) ?? undefined;
}

/**
 * Owner named by a root field's arguments: a SIREN; `null` when an owner argument is present but
 * names no valid owner; `undefined` when the field has no owner argument. A field the conventions
 * declare is read through its declared argument only; others through {@link OWNER_ARGUMENTS}, in
 * order of precedence.
 */
export function ownerOfArguments(args: Record<string, unknown>, route?: RootFieldRoute): string | null | undefined {
  if (route?.route === 'owner') return ownerOfValue(args[route.argument], OWNER_ARGUMENTS[route.argument]);
  if (route) return undefined;
  for (const [name, holds] of Object.entries(OWNER_ARGUMENTS)) {
    if (args[name] === undefined || args[name] === null) continue;
    return ownerOfValue(args[name], holds);
  }
  return undefined;
}

/** A list filter, as far as pruning reads it (see `PRUNING_FILTER_FIELDS`). */
export type OwnerFilter = Record<string, unknown>;

/**
 * The members a filtered list can concern. Same rules as a member applies to itself
 * (`ownerMatches` in the registry): an empty `sirens` list filters nothing; a member whose
 * département or région is unknown matches no département or région filter.
 */
export function membersConcerned<M extends Pick<MemberInfo, 'siren' | 'departement' | 'region'>>(members: M[], filter: OwnerFilter | null | undefined): M[] {
  if (!filter || typeof filter !== 'object') return members;
  let out = members;
  for (const [field, kind] of Object.entries(PRUNING_FILTER_FIELDS)) {
    const value = filter[field];
    if (value === undefined || value === null) continue;
    switch (kind) {
      case 'sirens':
        if (Array.isArray(value) && value.length > 0) {
          const wanted = new Set(value);
          out = out.filter((m) => wanted.has(m.siren));
        }
        break;
      case 'departement':
      case 'region':
        if (typeof value === 'string' && value !== '') out = out.filter((m) => m[kind] === value);
        break;
      case 'prefixed id': {
        const owner = sirenOfId(value);
        out = out.filter((m) => m.siren === owner);
        break;
      }
    }
  }
  return out;
}

/** SIRENs a filter names (listed, or as the owner of an id), members or not. */
export function sirensInFilter(filter: OwnerFilter | null | undefined): string[] {
  if (!filter || typeof filter !== 'object') return [];
  const out: string[] = [];
  for (const [field, kind] of Object.entries(PRUNING_FILTER_FIELDS)) {
    const value = filter[field];
    if (kind === 'sirens' && Array.isArray(value)) out.push(...value.filter((s): s is string => typeof s === 'string'));
    if (kind === 'prefixed id') {
      const owner = sirenOfId(value);
      if (owner) out.push(owner);
    }
  }
  return out;
}

/** The single member a filter names explicitly (`sirens: [one]`), if any. */
export function sirenNamedByFilter(filter: OwnerFilter | null | undefined): string | undefined {
  if (!filter || typeof filter !== 'object') return undefined;
  for (const [field, kind] of Object.entries(PRUNING_FILTER_FIELDS)) {
    const value = filter[field];
    if (kind === 'sirens' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  }
  return undefined;
}
