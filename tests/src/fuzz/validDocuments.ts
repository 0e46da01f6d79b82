import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { floatValue, intValue, representationValue, scalarValue, stringValue, unbiasedInt, type Gen } from './values';

/** One GraphQL request body. */
export interface FuzzDocument {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Bounds of a generated document: small enough to send thousands in seconds. */
const MAX_FIELDS = 40;
const MAX_DEPTH = 6;

/**
 * Random documents valid against `schema`: random root fields (queries, sometimes mutations and
 * introspection), random selections with aliases, arguments of the right types with hostile
 * values (inline or as variables), named and inline fragments, `@include`/`@skip`, and now and
 * then a second operation picked by `operationName`.
 */
export function validDocumentArbitrary(schema: GraphQLSchema): fc.Arbitrary<FuzzDocument> {
  return fc.gen().map((g) => validDocument(g, schema));
}

/** One valid document, drawn with `g` (inside another generator). */
export function validDocument(g: Gen, schema: GraphQLSchema): FuzzDocument {
  return new DocumentBuilder(g, schema).build();
}

class DocumentBuilder {
  private fields = 0;
  private readonly variableDefinitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];
  private readonly maxDepth: number;

  constructor(
    private readonly g: Gen,
    private readonly schema: GraphQLSchema,
  ) {
    this.maxDepth = g(fc.integer, { min: 1, max: MAX_DEPTH });
  }

  build(): FuzzDocument {
    const mutation = this.schema.getMutationType();
    const root = mutation && this.chance(0.1) ? mutation : this.schema.getQueryType()!;
    const keyword = root === mutation ? 'mutation' : 'query';
    const rootFields = this.pickSome(Object.values(root.getFields()), this.int(1, 3)).map((f) => this.field(f, 1));
    if (root !== mutation && this.chance(0.05)) rootFields.push(this.chance(0.5) ? '__typename' : `__type(name: ${JSON.stringify(this.pick(['AiTool', 'Query', 'Nope', '']))}) { name kind }`);
    const name = this.chance(0.5) ? `Fuzz${this.int(0, 99)}` : undefined;
    const vars = this.variableDefinitions.length ? `(${this.variableDefinitions.join(', ')})` : '';
    // The shorthand `{ … }` is a query; a mutation always says so.
    const shorthand = keyword === 'query' && !name && !vars;
    const operation = `${shorthand ? '' : `${keyword} ${name ?? ''}${vars} `}{ ${rootFields.join(' ')} }`;
    const parts = [operation, ...this.fragments];
    const doc: FuzzDocument = { query: parts.join('\n') };
    // A named operation: sometimes beside a second one (the request names the one to run), sometimes named in the request anyway.
    const shape = name ? this.int(0, 9) : -1;
    if (name && shape < 3) {
      parts.splice(this.int(0, 1), 0, 'query Other { __typename }');
      doc.query = parts.join('\n');
      doc.operationName = this.chance(0.8) ? name : 'Other';
    } else if (name && shape < 6) {
      doc.operationName = name;
    }
    if (Object.keys(this.variables).length || this.chance(0.1)) doc.variables = this.variables;
    return doc;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    this.fields++;
    const alias = this.chance(0.2) ? `a${this.int(0, 9)}_${this.fields}: ` : '';
    const args = this.arguments(field.args);
    const type = getNamedType(field.type);
    const out = `${alias}${field.name}${args}${this.directive()}`;
    return isCompositeType(type) ? `${out} ${this.selectionSet(type, depth + 1)}` : out;
  }

  private selectionSet(type: GraphQLCompositeType, depth: number): string {
    const selections: string[] = [];
    if (isAbstractType(type)) {
      selections.push('__typename');
      for (const possible of this.pickSome([...this.schema.getPossibleTypes(type)], this.int(0, 2))) {
        selections.push(`... on ${possible.name} ${this.objectSelectionSet(possible, depth)}`);
      }
      return `{ ${selections.join(' ')} }`;
    }
    return this.objectSelectionSet(type, depth);
  }

  private objectSelectionSet(type: GraphQLObjectType, depth: number): string {
    const all = Object.values(type.getFields());
    // Past the depth or the field budget, only leaves (or __typename) are selected.
    const deeper = depth < this.maxDepth && this.fields < MAX_FIELDS;
    const candidates = deeper ? all : all.filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
    const chosen = this.fields < MAX_FIELDS ? this.pickSome(candidates, this.int(1, 4)) : [];
    const selections = chosen.map((f) => this.field(f, depth));
    if (!selections.length || this.chance(0.1)) selections.push('__typename');
    const body = selections.join(' ');
    const wrap = this.int(0, 9);
    if (wrap === 0) {
      const name = `F${this.fragments.length}`;
      this.fragments.push(`fragment ${name} on ${type.name} { ${body} }`);
      return `{ ...${name} }`;
    }
    if (wrap === 1) return `{ ... on ${type.name} { ${body} } }`;
    if (wrap === 2) return `{ ... { ${body} } }`;
    return `{ ${body} }`;
  }

  private directive(): string {
    const which = this.int(0, 19);
    if (which === 0) return ` @include(if: ${this.chance(0.5)})`;
    if (which === 1) return ` @skip(if: ${this.chance(0.5)})`;
    if (which === 2) return ` @include(if: ${this.variable('Boolean!', this.chance(0.7))})`;
    return '';
  }

  private arguments(args: readonly GraphQLArgument[]): string {
    const given = args.filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || this.chance(0.4));
    if (!given.length) return '';
    return `(${given.map((a) => `${a.name}: ${this.argument(a)}`).join(', ')})`;
  }

  private argument(arg: GraphQLArgument): string {
    const named = getNamedType(arg.type);
    // Objects of custom scalars (JSONObject, _Any) have keys that are no GraphQL names: variables only.
    const forceVariable = isScalarType(named) && (named.name === 'JSONObject' || named.name === '_Any');
    const value = this.value(arg.type, arg.name);
    if (forceVariable || this.chance(0.3)) return this.variable(String(arg.type), value);
    return literal(value, arg.type);
  }

  private variable(type: string, value: unknown): string {
    const name = `v${this.variableDefinitions.length}`;
    this.variableDefinitions.push(`$${name}: ${type}`);
    // A nullable variable may be left out of `variables`.
    const omitted = !type.endsWith('!') && this.chance(0.1);
    if (!omitted) this.variables[name] = value;
    return `$${name}`;
  }

  private value(type: GraphQLInputType, name: string): unknown {
    if (!isNonNullType(type) && this.chance(0.1)) return null;
    const inner = getNullableType(type);
    if (isListType(inner)) {
      const item = inner.ofType as GraphQLInputType;
      if (getNamedType(item).name === '_Any') return Array.from({ length: this.int(0, 4) }, () => representationValue(this.g, this.entityTypes()));
      return Array.from({ length: this.int(0, 3) }, () => this.value(item, name));
    }
    if (isEnumType(inner)) return this.pick(inner.getValues()).name;
    if (isInputObjectType(inner)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(inner.getFields())) {
        if ((isNonNullType(f.type) && f.defaultValue === undefined) || this.chance(0.4)) out[f.name] = this.value(f.type, f.name);
      }
      return out;
    }
    switch (inner.name) {
      case 'Int':
        return name === 'first' && this.chance(0.6) ? this.int(1, 5) : intValue(this.g);
      case 'Float':
        return floatValue(this.g);
      case 'Boolean':
        return this.chance(0.5);
      case 'String':
      case 'ID':
        return stringValue(this.g, name);
      default:
        return scalarValue(this.g, inner.name, name);
    }
  }

  private entityTypes(): string[] {
    const entity = this.schema.getType('_Entity');
    return entity && isAbstractType(entity) ? this.schema.getPossibleTypes(entity).map((t) => t.name) : ['AiTool'];
  }

  // Unbiased: fast-check's bias toward small values suits values, not the shape of a document.
  private chance(p: number): boolean {
    return this.int(0, 999) < p * 1000;
  }

  private int(min: number, max: number): number {
    return this.g(unbiasedInt, min, max);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Up to `n` distinct items, in random order. */
  private pickSome<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]);
    return out;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A value as a GraphQL literal of `type`. Strings are JSON-escaped (a GraphQL string literal
 * accepts JSON's escapes); a lone surrogate cannot be escaped in GraphQL, so literals get U+FFFD
 * instead (variables keep it).
 */
export function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const inner = getNullableType(type);
  if (isListType(inner)) return Array.isArray(value) ? `[${value.map((v) => literal(v, inner.ofType as GraphQLInputType)).join(', ')}]` : literal(value, inner.ofType as GraphQLInputType);
  if (isEnumType(inner)) return String(value);
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k].type)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string') return JSON.stringify(value.replace(LONE_SURROGATE, '\ufffd'));
  return JSON.stringify(value);
}
