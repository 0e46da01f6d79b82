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
import { collectFields, subFields, type CollectedField, type Fragments } from './collectFields';
import type { SortDirection } from '@bibia/kit';

/** Root fields of the contract that are connections (and any field whose selection has `edges`). */
const CONNECTION_FIELDS = new Set(['aiTools', 'practiceReports', 'changes']);

/** Contract default page size, when the schema does not say. */
export const DEFAULT_PAGE_SIZE = 20;

export type RootFieldKind = 'connection' | 'list' | 'value' | 'typename';

/** One root field of a fetch, with its argument values for this request. */
export interface RootField extends CollectedField {
  kind: RootFieldKind;
  args: Record<string, unknown>;
  /** Named return type, when the schema knows the field. */
  typeName?: string;
  nonNull: boolean;
  /** Connections only: merge order and page size. */
  direction: SortDirection;
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
    describeRootField(field, rootType?.getFields()[field.name], fragments, variables),
  );
  return { operation, fragments, kind: operation.operation, variables, rootFields };
}

function describeRootField(field: CollectedField, def: GraphQLField<unknown, unknown> | undefined, fragments: Fragments, variables: Record<string, unknown>): RootField {
  const args: Record<string, unknown> = {};
  for (const a of def?.args ?? []) if (a.defaultValue !== undefined) args[a.name] = a.defaultValue;
  for (const arg of field.nodes[0].arguments ?? []) {
    const value = valueFromASTUntyped(arg.value, variables);
    if (value !== undefined) args[arg.name.value] = value;
  }
  const named = def ? getNamedType(def.type) : undefined;
  const typeFields = named && isObjectType(named) ? named.getFields() : undefined;
  const selected = new Set(subFields(field, fragments).map((f) => f.name));
  const isConnection =
    CONNECTION_FIELDS.has(field.name) || selected.has('edges') || Boolean(typeFields?.edges && typeFields?.pageInfo);
  let kind: RootFieldKind = 'value';
  if (field.name === '__typename') kind = 'typename';
  else if (isConnection) kind = 'connection';
  else if (def && isListType(getNullableType(def.type))) kind = 'list';
  return {
    ...field,
    kind,
    args,
    typeName: named?.name,
    nonNull: def ? isNonNullType(def.type) : false,
    direction: args.orderBy === 'RECENT' ? 'desc' : 'asc',
    first: typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE,
    // Without the schema, assume the contract's connection shape.
    pageFields: {
      edges: typeFields ? Boolean(typeFields.edges) : true,
      pageInfo: typeFields ? Boolean(typeFields.pageInfo) : true,
      totalCount: typeFields ? Boolean(typeFields.totalCount) : true,
    },
  };
}
