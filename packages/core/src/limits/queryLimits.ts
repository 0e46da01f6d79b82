/**
 * The limits every BibIA GraphQL server applies to a document before running it (DESIGN.md,
 * "Trust model"): each is checked in milliseconds, and an exceeded one is answered HTTP 400 with
 * `QUERY_TOO_COMPLEX`, nothing executed.
 */
export interface QueryLimits {
  /** Most lexical tokens in a document; checked while parsing (graphql-js `maxTokens`). @default 3000 */
  maxTokens: number;
  /** Deepest selection nesting (root fields are at depth 1; introspection not counted). @default 12 */
  maxDepth: number;
  /** Most aliased fields in one operation, fragments expanded. @default 30 */
  maxAliases: number;
  /** Most field selections in one operation, fragments expanded (introspection not counted). @default 500 */
  maxFields: number;
  /** Highest estimated cost (see `costEstimator`): lists count `first` times. @default 5000 */
  maxCost: number;
}

/** The limits of a server clients reach directly: the gateway. */
export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxTokens: 3000,
  maxDepth: 12,
  maxAliases: 30,
  maxFields: 500,
  maxCost: 5000,
});

/**
 * The limits of a subgraph (member registry, directory, index). They are public servers too, but
 * they must accept every document the gateway builds from a client document within
 * {@link DEFAULT_QUERY_LIMITS}, and the gateway adds to it: `_entities` one level up, key fields
 * and `__typename` at every entity boundary, and, in each member connection, the `__bibia_`
 * aliased page fields its merge needs (4 aliases, about 6 fields, `first` edges). Hence the
 * headroom on width and cost; still three orders of magnitude below what froze a member.
 */
export const DEFAULT_SUBGRAPH_QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxTokens: 10_000,
  maxDepth: DEFAULT_QUERY_LIMITS.maxDepth + 1,
  maxAliases: 200,
  maxFields: 2000,
  maxCost: 20_000,
});

/** Limits with every option not given taken from `defaults`. */
export function queryLimits(given: Partial<QueryLimits> = {}, defaults: Readonly<QueryLimits> = DEFAULT_QUERY_LIMITS): QueryLimits {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof QueryLimits)[]) {
    const value = given[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
