import { GraphQLError, isUnionType, Kind, parse, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/**
 * Makes a subgraph's `_entities` refuse representations it cannot resolve with BAD_USER_INPUT on
 * that item, instead of an internal error: `_entities` is public on every subgraph, and
 * `@apollo/subgraph` throws a plain `Error` for an unknown `__typename`, while reference resolvers
 * trust the key fields they are given (`undefined` or an object reached DataLoader and SQL). A
 * representation must be an object whose `__typename` is an entity of the schema (a member of
 * `_Entity`) and that has every field of one of its `@key`s as a string. Valid representations
 * are resolved as before, in one call, so that their batching is kept. Mutates and returns `schema`.
 */
export function guardEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const entity = schema.getType('_Entity');
  if (!field || !isUnionType(entity)) return schema;
  const keysByType = new Map(entity.getTypes().map((t) => [t.name, keyFieldsOf(t)]));
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve!;
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    const representations = args.representations ?? [];
    const problems = representations.map((r, i) => problemOf(r, keysByType, i));
    if (problems.every((p) => p === null)) return resolve(source, args, context, info);
    const valid = representations.filter((_, i) => problems[i] === null);
    const resolved = valid.length ? (resolve(source, { ...args, representations: valid }, context, info) as unknown[]) : [];
    let next = 0;
    return problems.map((p) => p ?? resolved[next++]);
  };
  return schema;
}

/** A top-level field of a `@key`: a scalar (a string is expected) or a selection (an object). */
interface KeyField {
  name: string;
  nested: boolean;
}

/** The top-level fields of each `@key` of a type: `@key(fields: "code region { id }")` → code, region (nested). */
function keyFieldsOf(type: GraphQLObjectType): KeyField[][] {
  const directives = [type.astNode, ...type.extensionASTNodes].flatMap((n) => n?.directives ?? []);
  return directives
    .filter((d) => d.name.value === 'key' || d.name.value === 'federation__key')
    .map((d) => d.arguments?.find((a) => a.name.value === 'fields')?.value)
    .filter((v) => v?.kind === Kind.STRING)
    .map((v) => topLevelFields((v as { value: string }).value));
}

function topLevelFields(fieldSet: string): KeyField[] {
  const selection = parse(`{ ${fieldSet} }`).definitions[0];
  if (selection.kind !== Kind.OPERATION_DEFINITION) return [];
  return selection.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [{ name: s.name.value, nested: !!s.selectionSet }] : []));
}

function hasKey(rep: Record<string, unknown>, fields: KeyField[]): boolean {
  return fields.every((f) => (f.nested ? !!rep[f.name] && typeof rep[f.name] === 'object' : typeof rep[f.name] === 'string'));
}

function problemOf(representation: unknown, keysByType: Map<string, KeyField[][]>, index: number): GraphQLError | null {
  const at = `representations[${index}]`;
  if (!representation || typeof representation !== 'object' || Array.isArray(representation)) return badRepresentation(`${at} is not an object`);
  const rep = representation as Record<string, unknown>;
  const keys = typeof rep.__typename === 'string' ? keysByType.get(rep.__typename) : undefined;
  if (!keys) return badRepresentation(`${at}.__typename must name an entity type (${[...keysByType.keys()].join(', ')})`);
  if (keys.length && !keys.some((fields) => hasKey(rep, fields))) {
    return badRepresentation(`${at} must give a key of ${rep.__typename as string}: ${keys.map((k) => k.map((f) => f.name).join(' + ')).join(' or ')} (strings, or objects for nested keys)`);
  }
  return null;
}

function badRepresentation(message: string): GraphQLError {
  return new GraphQLError(`Invalid entity representation: ${message}.`, { extensions: { code: 'BAD_USER_INPUT', field: 'representations' } });
}
