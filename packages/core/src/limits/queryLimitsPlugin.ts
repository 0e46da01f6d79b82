import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { checkStorableText } from '../graphql/unstorableText';
import { costLimitRule } from './costLimitRule';
import { depthLimitRule } from './depthLimitRule';
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
 * Passes are remembered ({@link PassedDocuments}): the same document (Apollo Server hands back the
 * same parsed `DocumentNode` from its document store for the same text) is measured once, and its
 * cost once per operation name and variables. Refusals are measured again every time.
 */
export function queryLimitsPlugin<C extends BaseContext = BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  const staticRules: ValidationRule[] = [depthLimitRule(limits.maxDepth), widthLimitRule(limits)];
  const passed = new PassedDocuments();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operation }) {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          checkOperationType(schema, operation);
          const costs = passed.costsOf(schema, document);
          const costKey = costKeyOf(operation.name?.value, request.variables);
          if (!(costs && touch(costs, costKey))) {
            // Width and depth first: they are linear in the text, and bound what cost walks.
            let errors = costs ? [] : validate(schema, document, staticRules).filter(isTooComplex);
            if (!errors.length) errors = validate(schema, document, [costLimitRule(limits.maxCost, request.variables, operation.name?.value) as ValidationRule]).filter(isTooComplex);
            // Other errors (e.g. bad variables) are left to execution, which reports them properly.
            if (errors.length) throw errors[0];
            passed.add(schema, document, costKey);
          }
          checkStorableText(document, request.variables);
        },
      };
    },
  };
}

/** Costs remembered per document (least recently used dropped beyond). */
const COSTS_PER_DOCUMENT = 64;
/** Variables longer than this (as JSON) are measured every time rather than kept as a key. */
const MAX_COST_KEY_LENGTH = 2048;

/**
 * The documents that passed depth and width, per schema (a new supergraph is measured again), and
 * for each, the operation names and variables whose cost passed. Documents are weak keys: they go
 * with Apollo's document store entry. The verdict is a pure function of schema, document, operation
 * name and variables, so a remembered pass is exactly what measuring again would say.
 */
class PassedDocuments {
  private readonly bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, true>>>();

  /** The cost keys that passed for a document whose depth and width passed; undefined when not measured yet. */
  costsOf(schema: GraphQLSchema, document: DocumentNode): Map<string, true> | undefined {
    return this.bySchema.get(schema)?.get(document);
  }

  add(schema: GraphQLSchema, document: DocumentNode, costKey: string | undefined): void {
    let documents = this.bySchema.get(schema);
    if (!documents) this.bySchema.set(schema, (documents = new WeakMap()));
    let costs = documents.get(document);
    if (!costs) documents.set(document, (costs = new Map()));
    if (costKey === undefined) return;
    costs.set(costKey, true);
    if (costs.size > COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
  }
}

/** Refreshes a key's place in an LRU map; whether it was there. */
function touch(map: Map<string, true>, key: string | undefined): boolean {
  if (key === undefined || !map.has(key)) return false;
  map.delete(key);
  map.set(key, true);
  return true;
}

function costKeyOf(operationName: string | undefined, variables: Record<string, unknown> | undefined): string | undefined {
  const key = `${operationName ?? ''}\0${JSON.stringify(variables ?? {})}`;
  return key.length <= MAX_COST_KEY_LENGTH ? key : undefined;
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
