import type { SortDirection } from '@bibia/core';

/**
 * The routing conventions of the contract (`schema/registry.graphql`), in one place: the gateway
 * routes by what the contract means, and a field, order or entity it does not know would be
 * routed or merged wrongly without anyone noticing. `gateway/test/contractConventions.test.ts`
 * fails when the contract and this module disagree, so a contract change comes here first.
 */

/**
 * What a value naming an owner holds: a bare SIREN, or an id `<siren>:<slug>` (the contract
 * prefixes every id of member data with its owner's SIREN, so ids route by value).
 */
export type OwnerValue = 'siren' | 'prefixed id';

/**
 * Root field arguments that name the owner, and what they hold. The order is the precedence used
 * for root fields this module does not declare (fixtures, a newer contract).
 */
export const OWNER_ARGUMENTS: Readonly<Record<string, OwnerValue>> = {
  siren: 'siren',
  id: 'prefixed id',
  toolId: 'prefixed id',
};

/**
 * Entities (`@key`) of the contract: their key field and what it holds; `owner: null` for
 * hub-owned entities whose key names no owner (every member may contribute: fan out, merge).
 */
export const ENTITIES: Readonly<Record<string, { key: string; owner: OwnerValue | null }>> = {
  Collectivite: { key: 'siren', owner: 'siren' },
  AiTool: { key: 'id', owner: 'prefixed id' },
  PracticeReport: { key: 'id', owner: 'prefixed id' },
  AiProduct: { key: 'id', owner: null },
};

/** The argument and enum of list orders. */
export const ORDER_ARGUMENT = 'orderBy';
export const ORDER_ENUM = 'AiToolOrder';

/**
 * Every value of {@link ORDER_ENUM} and the direction its cursors sort in: the gateway merges the
 * members' pages in that direction. A value missing here is refused at run time (see
 * `sortDirectionOf`), never merged in a guessed direction.
 */
export const SORT_ORDERS: Readonly<Record<string, SortDirection>> = {
  NAME: 'asc',
  RECENT: 'desc',
};

/** Connections without an order argument (the `changes` feed, oldest first) sort ascending. */
export const UNORDERED_DIRECTION: SortDirection = 'asc';

/**
 * How a root field is routed:
 * - `merge`: fanned out to the members its filter can concern, answers merged (connections by
 *   cursor in the order's direction, lists concatenated); `indexed`: a national list the hub's
 *   index also serves, so an anonymous request whose filter names no single member is read from
 *   the index in one request instead (see `routing/indexable.ts`);
 * - `owner`: sent to the one member named by `argument`;
 * - `entities`: the federation `_entities` field, routed per representation (see `ENTITIES`);
 * - `not routed`: federation's `_service`, which is not in the API schema and never reaches members.
 */
export type RootFieldRoute =
  | { route: 'merge'; shape: 'connection' | 'list'; indexed?: boolean }
  | { route: 'owner'; argument: string }
  | { route: 'entities' }
  | { route: 'not routed' };

export const QUERY_FIELDS: Readonly<Record<string, RootFieldRoute>> = {
  aiTools: { route: 'merge', shape: 'connection', indexed: true },
  practiceReports: { route: 'merge', shape: 'connection', indexed: true },
  // Each member's own feed, with its own cursors: never national, never indexed.
  changes: { route: 'merge', shape: 'connection' },
  aiTool: { route: 'owner', argument: 'id' },
  practiceReport: { route: 'owner', argument: 'id' },
  registry: { route: 'owner', argument: 'siren' },
  _entities: { route: 'entities' },
  _service: { route: 'not routed' },
};

/** Mutations always go to exactly one member: the contract gives each one an owner argument. */
export const MUTATION_FIELDS: Readonly<Record<string, RootFieldRoute & { route: 'owner' }>> = {
  createAiTool: { route: 'owner', argument: 'siren' },
  updateAiTool: { route: 'owner', argument: 'id' },
  publishAiTool: { route: 'owner', argument: 'id' },
  withdrawAiTool: { route: 'owner', argument: 'id' },
  archiveAiTool: { route: 'owner', argument: 'id' },
  importAiTools: { route: 'owner', argument: 'siren' },
  createPracticeReport: { route: 'owner', argument: 'toolId' },
  updatePracticeReport: { route: 'owner', argument: 'id' },
  publishPracticeReport: { route: 'owner', argument: 'id' },
  withdrawPracticeReport: { route: 'owner', argument: 'id' },
  archivePracticeReport: { route: 'owner', argument: 'id' },
};

/** The argument of merged lists that holds their filter. */
export const FILTER_ARGUMENT = 'filter';

/** What a pruning filter field restricts: members by SIREN, by place, or by the owner of an id. */
export type PruningFilter = 'sirens' | 'departement' | 'region' | 'prefixed id';

/**
 * Filter fields that tell which members a merged list can concern, so the others are not asked.
 * Members apply the same rules to themselves (`ownerMatches` in the registry).
 */
export const PRUNING_FILTER_FIELDS: Readonly<Record<string, PruningFilter>> = {
  sirens: 'sirens',
  departement: 'departement',
  region: 'region',
  toolId: 'prefixed id',
};

/** How a root field is routed; undefined when the conventions do not declare it. */
export function rootFieldRoute(operation: 'query' | 'mutation' | 'subscription', name: string): RootFieldRoute | undefined {
  const fields = operation === 'mutation' ? MUTATION_FIELDS : operation === 'query' ? QUERY_FIELDS : {};
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/**
 * The merge direction of a list ordered by `order`: `undefined` when no order is given, `null`
 * when the order is not one of {@link SORT_ORDERS} (the list must then be refused).
 */
export function sortDirectionOf(order: unknown): SortDirection | null | undefined {
  if (order === undefined || order === null) return undefined;
  return typeof order === 'string' && Object.hasOwn(SORT_ORDERS, order) ? SORT_ORDERS[order] : null;
}
