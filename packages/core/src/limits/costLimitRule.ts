import { getNamedType, getNullableType, isLeafType, isListType, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import { createComplexityRule, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { CostDirective, CostDirectives } from './costDirectives';
import { tooComplex } from './tooComplex';

/** Assumed size of a list that has no `first` argument (nor `@listSize`). */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Cost model: every object costs 1 (scalars are free); a field with `first` multiplies the cost
 * of its selection by `first` (a connection's `edges` are then not multiplied again); federation's
 * `_entities` by the number of representations it is given (the gateway's batches: what it
 * resolves, no guess); any other list multiplies by {@link DEFAULT_LIST_SIZE}.
 *
 * With the cost spec's directives ({@link CostDirectives}, see `readCostDirectives`):
 * `@cost(weight:)` on a field, else on its type, replaces its own cost of 1 (or 0); a field with
 * `@listSize` is sized by the largest of its `slicingArguments` given (without any: `first`, as
 * above), else by its `assumedSize`, else {@link DEFAULT_LIST_SIZE}; a list then multiplies the
 * cost of each element (its own and its selection's), a connection (`sizedFields`) its
 * selection, and the `sizedFields` are not multiplied again.
 */
export function costEstimatorWith(directives?: CostDirectives): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const named = getNamedType(field.type);
    const directive = directives?.get(`${type.name}.${field.name}`);
    const own = directive?.weight ?? directives?.get(named.name)?.weight ?? (isLeafType(named) ? 0 : 1);
    if (field.name === 'edges' || directive?.sizedByParent) return own + childComplexity;
    if (field.name === '_entities' && Array.isArray(args.representations)) return args.representations.length * (own + childComplexity);
    const isList = isListType(getNullableType(field.type));
    const first = typeof args.first === 'number' ? Math.max(args.first, 0) : undefined;
    if (directive && hasListSize(directive)) {
      const given = directive.slicingArguments ? slicingSize(directive.slicingArguments, args) : first;
      const size = given ?? directive.assumedSize ?? DEFAULT_LIST_SIZE;
      if (isList) return Math.max(size, 0) * (own + childComplexity);
      return given !== undefined || directive.sizedFields ? own + Math.max(size, 0) * childComplexity : own + childComplexity;
    }
    if (first !== undefined) return own + first * childComplexity;
    if (isList) return DEFAULT_LIST_SIZE * (own + childComplexity);
    return own + childComplexity;
  };
}

/** The estimator without directives (the default model above). */
export const costEstimator: ComplexityEstimator = costEstimatorWith();

function hasListSize(d: CostDirective): boolean {
  return d.assumedSize !== undefined || d.slicingArguments !== undefined || d.sizedFields !== undefined;
}

/** The largest numeric value among the slicing arguments given (`a.b`: field `b` of input `a`); undefined when none is. */
function slicingSize(paths: readonly string[], args: Record<string, unknown>): number | undefined {
  let size: number | undefined;
  for (const path of paths) {
    let value: unknown = args;
    for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
  }
  return size;
}

/**
 * Validation rule: rejects operations whose estimated cost exceeds `maxCost`. It needs the
 * request's variables (`first: $first`), so it is run per request (see `queryLimitsPlugin`).
 * `directives`: the schema's `@cost` / `@listSize` (`readCostDirectives`); none by default.
 */
export function costLimitRule(maxCost: number, variables: Record<string, unknown> | undefined, operationName?: string | null, directives?: CostDirectives): (context: ValidationContext) => unknown {
  return createComplexityRule({
    maximumComplexity: maxCost,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [directives ? costEstimatorWith(directives) : costEstimator],
    createError: (max, actual) =>
      tooComplex(`The query costs ${actual}; the limit is ${max}. Ask for smaller pages (\`first\`) or fewer nested lists.`, { cost: actual, maxCost: max }),
  });
}

/** The estimated cost of a (valid) operation, as {@link costLimitRule} measures it. */
export function queryCost(schema: GraphQLSchema, query: DocumentNode, options: { variables?: Record<string, unknown>; operationName?: string; directives?: CostDirectives } = {}): number {
  return getComplexity({ schema, query, variables: options.variables, operationName: options.operationName, estimators: [costEstimatorWith(options.directives)] });
}
