import {
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, type SortDirection } from '@bibia/core';
import { collectFields, subFields, type CollectedField, type Fragments } from './collectFields';
import { ORDER_ARGUMENT, UNORDERED_DIRECTION, rootFieldRoute, sortDirectionOf, type RootFieldRoute } from './contractConventions';

export type RootFieldKind = 'connection' | 'list' | 'value' | 'typename';

/** One root field of a fetch, with its argument values for this request. */
export interface RootField extends CollectedField {
  kind: RootFieldKind;
  args: Record<string, unknown>;
  /** How the contract conventions route the field; undefined when they do not declare it. */
  route?: RootFieldRoute;
  /** Named return type, when the schema knows the field. */
  typeName?: string;
  nonNull: boolean;
  /**
   * Connections only: merge direction (from `orderBy`), and page size. `null` when `orderBy`
   * names an order the conventions do not know: such a list is refused, never merged in a
   * guessed direction.
   */
  direction: SortDirection | null;
  first: number;
  /** Connections only: which page fields the return type has (the gateway adds them when missing). */
  pageFields: { edges: boolean; pageInfo: boolean; totalCount: boolean };
}

export interface FetchAnalysis {
  operation: OperationDefinitionNode;
  fragments: Fragments;
  kind: 'query' | 'mutation' | 'subscription';
  /** Variables of the fetch, completed with the defaults of its variable definitions. */
  variables: Record<string, unknown>;
  /** Root fields this request executes (after `@skip`/`@include`). */
  rootFields: RootField[];
}

/** Reads a fetch the query planner sends to a subgraph: its root fields and their arguments. */
export function analyseFetch(document: DocumentNode, requestVariables: Record<string, unknown> | undefined, schema: GraphQLSchema | undefined, operationName?: string | null): FetchAnalysis {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = (operationName && operations.find((o) => o.name?.value === operationName)) || operations[0];
  if (!operation) throw new Error('the fetch has no operation');
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const variables: Record<string, unknown> = { ...(requestVariables ?? {}) };
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (variables[name] === undefined && def.defaultValue) variables[name] = valueFromASTUntyped(def.defaultValue);
  }
  const rootType = schema && (operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType());
  const rootFields = collectFields(operation.selectionSet, fragments, variables).map((field) =>
    describeRootField(field, rootFieldRoute(operation.operation, field.name), rootType?.getFields()[field.name], fragments, variables),
  );
  return { operation, fragments, kind: operation.operation, variables, rootFields };
}

function describeRootField(
  field: CollectedField,
  route: RootFieldRoute | undefined,
  def: GraphQLField<unknown, unknown> | undefined,
  fragments: Fragments,
  variables: Record<string, unknown>,
): RootField {
  const args: Record<string, unknown> = {};
  for (const a of def?.args ?? []) if (a.defaultValue !== undefined) args[a.name] = a.defaultValue;
  for (const arg of field.nodes[0].arguments ?? []) {
    const value = valueFromASTUntyped(arg.value, variables);
    if (value !== undefined) args[arg.name.value] = value;
  }
  const named = def ? getNamedType(def.type) : undefined;
  const typeFields = named && isObjectType(named) ? named.getFields() : undefined;
  const selected = new Set(subFields(field, fragments).map((f) => f.name));
  // Declared fields have their declared shape; others (fixtures, a newer contract) are read by
  // shape: a field whose selection or type has `edges` is a connection.
  const shape = route?.route === 'merge' ? route.shape : undefined;
  const isConnection = shape ? shape === 'connection' : selected.has('edges') || Boolean(typeFields?.edges && typeFields?.pageInfo);
  let kind: RootFieldKind = 'value';
  if (field.name === '__typename') kind = 'typename';
  else if (isConnection) kind = 'connection';
  else if (shape === 'list' || (def && isListType(getNullableType(def.type)))) kind = 'list';
  const direction = sortDirectionOf(args[ORDER_ARGUMENT]);
  return {
    ...field,
    kind,
    args,
    route,
    typeName: named?.name,
    nonNull: def ? isNonNullType(def.type) : false,
    direction: direction === undefined ? UNORDERED_DIRECTION : direction,
    first: typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE,
    // Without the schema, assume the contract's connection shape.
    pageFields: {
      edges: typeFields ? Boolean(typeFields.edges) : true,
      pageInfo: typeFields ? Boolean(typeFields.pageInfo) : true,
      totalCount: typeFields ? Boolean(typeFields.totalCount) : true,
    },
  };
}
