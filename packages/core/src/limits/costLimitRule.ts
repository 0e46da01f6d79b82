import { getNamedType, getNullableType, isLeafType, isListType, type ValidationContext } from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';
import { tooComplex } from './tooComplex';

/** Assumed size of a list that has no `first` argument. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Cost model: every object costs 1 (scalars are free); a field with `first` multiplies the cost
 * of its selection by `first` (a connection's `edges` are then not multiplied again); federation's
 * `_entities` by the number of representations it is given (the gateway's batches: what it
 * resolves, no guess); any other list multiplies by {@link DEFAULT_LIST_SIZE}.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  if (field.name === 'edges') return own + childComplexity;
  if (field.name === '_entities' && Array.isArray(args.representations)) return args.representations.length * (own + childComplexity);
  if (typeof args.first === 'number') return own + Math.max(args.first, 0) * childComplexity;
  if (isListType(getNullableType(field.type))) return DEFAULT_LIST_SIZE * (own + childComplexity);
  return own + childComplexity;
};

/**
 * Validation rule: rejects operations whose estimated cost exceeds `maxCost`. It needs the
 * request's variables (`first: $first`), so it is run per request (see `queryLimitsPlugin`).
 */
export function costLimitRule(maxCost: number, variables: Record<string, unknown> | undefined, operationName?: string | null): (context: ValidationContext) => unknown {
  return createComplexityRule({
    maximumComplexity: maxCost,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [costEstimator],
    createError: (max, actual) =>
      tooComplex(`The query costs ${actual}; the limit is ${max}. Ask for smaller pages (\`first\`) or fewer nested lists.`, { cost: actual, maxCost: max }),
  });
}
