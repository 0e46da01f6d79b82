import { isObject } from '@bibia/core';
import { ownerOfRepresentation } from './owners';

export interface RepresentationGroups {
  /** Per owner SIREN (members only), the indexes of its representations, in order. */
  byOwner: Map<string, number[]>;
  /** Representations with no owner in the key (hub-owned entities): every member is asked. */
  shared: number[];
  /** Representations whose owner is not a member: answered null. */
  orphans: number[];
}

/** Splits an `_entities` batch by owner. `isMember` says whether a SIREN is a known member. */
export function groupRepresentations(representations: Array<Record<string, unknown>>, isMember: (siren: string) => boolean): RepresentationGroups {
  const groups: RepresentationGroups = { byOwner: new Map(), shared: [], orphans: [] };
  representations.forEach((rep, i) => {
    const owner = rep && typeof rep === 'object' ? ownerOfRepresentation(rep) : null;
    if (owner === undefined) groups.shared.push(i);
    else if (owner === null || !isMember(owner)) groups.orphans.push(i);
    else {
      const list = groups.byOwner.get(owner);
      if (list) list.push(i);
      else groups.byOwner.set(owner, [i]);
    }
  });
  return groups;
}

/** The owners a batch names (members or not), to refresh the member list when one is unknown. */
export function ownersNamed(representations: Array<Record<string, unknown>>): string[] {
  const out = new Set<string>();
  for (const rep of representations) {
    const owner = rep && typeof rep === 'object' ? ownerOfRepresentation(rep) : null;
    if (owner) out.add(owner);
  }
  return [...out];
}

/**
 * Merges the answers of several members for one hub-owned entity (e.g. an `AiProduct` whose
 * `deployments` every member contributes): lists are concatenated in member order, other values
 * are the first non-null one; objects are merged the same way, field by field.
 */
export function mergeSharedEntity(answers: unknown[]): unknown {
  const present = answers.filter((a) => a !== null && a !== undefined);
  if (present.length === 0) return null;
  if (present.some(Array.isArray)) return present.filter(Array.isArray).flat();
  if (present.every(isObject)) {
    const out: Record<string, unknown> = {};
    const keys = new Set(present.flatMap((o) => Object.keys(o as object)));
    for (const key of keys) out[key] = mergeSharedEntity(present.map((o) => (o as Record<string, unknown>)[key]));
    return out;
  }
  return present[0];
}
