import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate, type ValidationRule } from 'graphql';
import { costLimitRule } from './costLimitRule';
import { depthLimitRule } from './depthLimitRule';

/** Options of {@link queryLimitsPlugin}. */
export interface QueryLimitsOptions {
  /** @default 12 */
  maxDepth: number;
  /** @default 5000 */
  maxCost: number;
}

/**
 * Runs the depth and cost validation rules once the operation is known, with the request's
 * variables (Apollo Server's own `validationRules` see no variables, and rename every code to
 * GRAPHQL_VALIDATION_FAILED). A rejected query gets HTTP 400 and `QUERY_TOO_COMPLEX`.
 */
export function queryLimitsPlugin(options: QueryLimitsOptions): ApolloServerPlugin {
  const depthRule = depthLimitRule(options.maxDepth);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName }) {
          const rules = [depthRule, costLimitRule(options.maxCost, request.variables, operationName) as ValidationRule];
          // Other errors (e.g. bad variables) are left to execution, which reports them properly.
          const error = validate(schema, document, rules).find((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
          if (error) {
            throw new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { ...error.extensions, code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
