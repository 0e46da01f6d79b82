import type { FetchAnalysis, RootField } from './analyseFetch';
import { FILTER_ARGUMENT, PRUNING_FILTER_FIELDS } from './contractConventions';

/** Who asks, as far as the choice between the index and the members depends on it. */
export interface Caller {
  /** The caller sent an `Authorization` header (a publisher or partner may see more than the index holds). */
  authenticated: boolean;
}

/**
 * Whether a `registry` fetch may be read from the national index instead of the members: a query
 * by an anonymous caller whose root fields are all national lists the index serves (`indexed` in
 * the contract conventions), none of them naming a single member. Everything else — a caller with
 * a token, a filter naming one member (its own registry is as fresh as it gets and one request
 * anyway), entity fetches, owner fields, mutations — is routed live.
 */
export function isIndexable(analysis: FetchAnalysis, caller: Caller): boolean {
  if (analysis.kind !== 'query' || caller.authenticated) return false;
  const lists = analysis.rootFields.filter((f) => f.kind !== 'typename');
  return lists.length > 0 && lists.every(isNationalList);
}

/**
 * For an anonymous caller: the keys of the national lists the index answers for this fetch, or
 * null when it must be read live (see {@link isIndexable}).
 */
export function anonymousNationalLists(analysis: FetchAnalysis): string[] | null {
  return isIndexable(analysis, { authenticated: false }) ? analysis.rootFields.filter((f) => f.kind !== 'typename').map((f) => f.key) : null;
}

function isNationalList(field: RootField): boolean {
  if (field.route?.route !== 'merge' || !field.route.indexed) return false;
  // An order the conventions do not know is refused by live routing, with a message saying why.
  if (field.kind === 'connection' && field.direction === null) return false;
  return !namesOneMember(field.args[FILTER_ARGUMENT]);
}

/** A filter naming exactly one member: `sirens` with one SIREN, or an id of one member's data (`toolId`). */
export function namesOneMember(filter: unknown): boolean {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return false;
  const values = filter as Record<string, unknown>;
  for (const [field, kind] of Object.entries(PRUNING_FILTER_FIELDS)) {
    const value = values[field];
    if (value === undefined || value === null) continue;
    if (kind === 'prefixed id') return true;
    if (kind === 'sirens' && Array.isArray(value) && new Set(value).size === 1) return true;
  }
  return false;
}
