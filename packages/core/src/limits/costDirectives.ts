import {
  isSchema, Kind, parse, valueFromASTUntyped, type DirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type GraphQLSchema, type TypeNode,
} from 'graphql';

/**
 * What the demand-control cost spec (`@link(url: "https://specs.apollo.dev/cost/v0.1")`, or
 * federation ≥ 2.9 importing `@cost` and `@listSize`) says of one field or type, for the cost
 * estimator (`costLimitRule`).
 */
export interface CostDirective {
  /** `@listSize(assumedSize:)`: the list's size when no slicing argument gives it (instead of `DEFAULT_LIST_SIZE`). */
  assumedSize?: number;
  /** `@listSize(slicingArguments:)`: the arguments (dotted paths into input objects allowed) whose value is the size; the largest given wins. */
  slicingArguments?: string[];
  /** `@listSize(sizedFields:)`: the fields of the returned object the size applies to (a connection's `edges`). */
  sizedFields?: string[];
  /** `@cost(weight:)`: the field's (or type's) own cost, instead of 1 for an object and 0 for a scalar. */
  weight?: number;
  /** Set by {@link readCostDirectives} on a field another field's `sizedFields` names: its size is its parent's, not multiplied again. */
  sizedByParent?: boolean;
}

/** Cost directives by `Type.field` (fields) and `Type` (`@cost` on a type: its weight only). */
export type CostDirectives = ReadonlyMap<string, CostDirective>;

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v0\.\d+\/?$/;
const FEDERATION_SPEC = /^https:\/\/specs\.apollo\.dev\/federation\/v(\d+)\.(\d+)\/?$/;

interface DirectiveNames {
  cost: Set<string>;
  listSize: Set<string>;
}

/**
 * The `@cost` and `@listSize` of a schema's SDL (a subgraph's or a supergraph's), keyed as
 * {@link CostDirectives}. Only directives of a linked spec count, under the names its `@link`
 * gives them: imports (renamed ones too, `{ name: "@listSize", as: "@size" }`), the namespaced
 * `@cost__listSize` (or `@<as>__listSize`, `@federation__listSize`), and, for the cost spec, the
 * plain names (composition writes `@cost` in a supergraph without always importing it). A schema
 * linking neither spec has none: its own `@cost` could mean something else.
 */
export function readCostDirectives(source: string | DocumentNode | GraphQLSchema): CostDirectives {
  const document = typeof source === 'string' ? parse(source) : isSchema(source) ? schemaDocument(source) : source;
  const out = new Map<string, CostDirective>();
  const names = linkedNames(document.definitions);
  if (!names) return out;
  const merge = (key: string, value: CostDirective) => {
    if (Object.keys(value).length) out.set(key, { ...out.get(key), ...value });
  };
  for (const def of document.definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue;
    const typeName = def.name.value;
    if (def.kind.endsWith('TypeDefinition') || def.kind.endsWith('TypeExtension')) merge(typeName, costOf(def.directives, names));
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      const directive = { ...costOf(field.directives, names), ...listSizeOf(field, names) };
      merge(`${typeName}.${field.name.value}`, directive);
      for (const sized of directive.sizedFields ?? []) merge(`${namedType(field.type)}.${sized}`, { sizedByParent: true });
    }
  }
  return out;
}

const bySchema = new WeakMap<GraphQLSchema, CostDirectives>();

/** {@link readCostDirectives} of a built schema's own AST (what `buildSubgraphSchema` keeps), worked out once per schema. */
export function schemaCostDirectives(schema: GraphQLSchema): CostDirectives {
  let directives = bySchema.get(schema);
  if (!directives) bySchema.set(schema, (directives = readCostDirectives(schema)));
  return directives;
}

function schemaDocument(schema: GraphQLSchema): DocumentNode {
  const definitions: DefinitionNode[] = [];
  if (schema.astNode) definitions.push(schema.astNode);
  definitions.push(...schema.extensionASTNodes);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.astNode) definitions.push(type.astNode);
    definitions.push(...type.extensionASTNodes);
  }
  return { kind: Kind.DOCUMENT, definitions };
}

/** The names the schema's `@link`s give `@cost` and `@listSize`; undefined when it links no spec defining them. */
function linkedNames(definitions: readonly DefinitionNode[]): DirectiveNames | undefined {
  let names: DirectiveNames | undefined;
  for (const def of definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const args = argumentsOf(link);
      const url = typeof args.url === 'string' ? args.url : '';
      const federation = FEDERATION_SPEC.exec(url);
      const costSpec = COST_SPEC.test(url);
      if (!costSpec && !(federation && (Number(federation[1]) > 2 || (Number(federation[1]) === 2 && Number(federation[2]) >= 9)))) continue;
      names ??= { cost: new Set(), listSize: new Set() };
      const namespace = typeof args.as === 'string' ? args.as : costSpec ? 'cost' : 'federation';
      const renamed = new Set<string>();
      for (const spec of ['cost', 'listSize'] as const) names[spec].add(`${namespace}__${spec}`);
      for (const item of Array.isArray(args.import) ? args.import : []) {
        const { name, as } = typeof item === 'string' ? { name: item, as: item } : (item as { name?: unknown; as?: unknown });
        const spec = name === '@cost' ? 'cost' : name === '@listSize' ? 'listSize' : undefined;
        if (!spec || typeof name !== 'string') continue;
        const local = typeof as === 'string' ? as : name;
        names[spec].add(local.replace(/^@/, ''));
        if (local !== name) renamed.add(spec);
      }
      if (costSpec) for (const spec of ['cost', 'listSize'] as const) if (!renamed.has(spec)) names[spec].add(spec);
    }
  }
  return names;
}

function argumentsOf(directive: DirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

function costOf(directives: readonly DirectiveNode[] | undefined, names: DirectiveNames): CostDirective {
  const cost = directives?.find((d) => names.cost.has(d.name.value));
  const weight = cost && argumentsOf(cost).weight;
  return typeof weight === 'number' && Number.isFinite(weight) ? { weight } : {};
}

function listSizeOf(field: FieldDefinitionNode, names: DirectiveNames): CostDirective {
  const listSize = field.directives?.find((d) => names.listSize.has(d.name.value));
  if (!listSize) return {};
  const args = argumentsOf(listSize);
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);
  const out: CostDirective = {};
  if (typeof args.assumedSize === 'number' && Number.isFinite(args.assumedSize)) out.assumedSize = args.assumedSize;
  const slicingArguments = strings(args.slicingArguments);
  if (slicingArguments?.length) out.slicingArguments = slicingArguments;
  const sizedFields = strings(args.sizedFields);
  if (sizedFields?.length) out.sizedFields = sizedFields;
  return out;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
