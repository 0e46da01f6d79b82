import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { checkStorableText } from '../graphql/unstorableText';
import { schemaCostDirectives, type CostDirectives } from './costDirectives';
import { costLimitRule } from './costLimitRule';
import { depthLimitRule } from './depthLimitRule';
import { DocumentMemo, requestKey } from './documentMemo';
import type { QueryLimits } from './queryLimits';
import { widthLimitRule } from './widthLimitRule';

/**
 * Checks a parsed, valid document before anything runs (Apollo's `didResolveOperation`):
 * - the operation must be one the server can run: a named one that exists, a lone anonymous one,
 *   of a type the schema has (no subscriptions here): otherwise HTTP 400,
 *   `OPERATION_RESOLUTION_FAILURE` or `GRAPHQL_VALIDATION_FAILED`;
 * - then depth, width (aliases, fields) and cost: HTTP 400, `QUERY_TOO_COMPLEX`;
 * - then text no field can hold (NUL, unpaired surrogates) in literals or variables: HTTP 400,
 *   `BAD_USER_INPUT` (`checkStorableText`).
 * The rules run here rather than as Apollo `validationRules` because cost needs the request's
 * variables, and Apollo would rename every code to GRAPHQL_VALIDATION_FAILED. The token limit is
 * enforced earlier, by the parser (`parseOptions`, see `queryLimitsServerOptions`).
 *
 * Passes are remembered ({@link DocumentMemo}): a document's depth and width are measured once, its
 * cost and text once per operation name and variables; refusals are measured again every time.
 *
 * Cost reads the cost spec's `@listSize` / `@cost` ({@link QueryLimitsPluginOptions.costDirectives}).
 */
export function queryLimitsPlugin<C extends BaseContext = BaseContext>(limits: QueryLimits, options: QueryLimitsPluginOptions = {}): ApolloServerPlugin<C> {
  const costDirectives = options.costDirectives ?? schemaCostDirectives;
  const staticRules: ValidationRule[] = [depthLimitRule(limits.maxDepth), widthLimitRule(limits)];
  const shapePassed = new DocumentMemo<true>(1);
  const costPassed = new DocumentMemo<true>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operation }) {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          checkOperationType(schema, operation);
          const costKey = requestKey(operation.name?.value, request.variables);
          if (!costPassed.get(schema, document, costKey)) {
            // Width and depth first: they are linear in the text, and bound what cost walks.
            const shapeKnown = shapePassed.get(schema, document, '');
            let errors = shapeKnown ? [] : validate(schema, document, staticRules).filter(isTooComplex);
            if (!errors.length) errors = validate(schema, document, [costLimitRule(limits.maxCost, request.variables, operation.name?.value, costDirectives(schema)) as ValidationRule]).filter(isTooComplex);
            // Other errors (e.g. bad variables) are left to execution, which reports them properly.
            if (errors.length) throw errors[0];
            shapePassed.set(schema, document, '', true);
            // Text depends on the document and variables only, as the key does: checked once per key.
            checkStorableText(document, request.variables);
            costPassed.set(schema, document, costKey, true);
          }
        },
      };
    },
  };
}

export interface QueryLimitsPluginOptions {
  /**
   * The `@cost` / `@listSize` the cost of an operation on `schema` is estimated with. It must
   * depend on the schema only (passes are remembered per schema). A gateway gives those of its
   * supergraph (its API schema has lost them). @default those of the schema's own SDL (a subgraph's, `schemaCostDirectives`)
   */
  costDirectives?: (schema: GraphQLSchema) => CostDirectives | undefined;
}

function isTooComplex(error: GraphQLError): boolean {
  return error.extensions?.code === 'QUERY_TOO_COMPLEX';
}

/** Why no operation was found (graphql-js `getOperationAST` returns null without saying). */
function unresolvedOperation(document: DocumentNode, operationName: string | undefined): GraphQLError {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const message = operationName
    ? `Unknown operation named "${operationName}": the document defines ${operations.map((o) => o.name?.value ?? '(anonymous)').join(', ') || 'no operation'}.`
    : operations.length ? 'The document defines several operations: say which to run with `operationName`.' : 'The document defines no operation.';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

function checkOperationType(schema: GraphQLSchema, operation: OperationDefinitionNode): void {
  if (schema.getRootType(operation.operation)) return;
  throw new GraphQLError(`This server has no ${operation.operation} operations${operation.operation === 'subscription' ? ' (no subscriptions: poll `changes(since:)` instead)' : ''}.`, {
    nodes: [operation],
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
