import {
  Kind,
  print,
  type DirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';

/**
 * A flat model of the types an SDL declares, built from the AST rather than a GraphQLSchema:
 * subgraph SDL uses federation directives it does not define, and may split a type between a
 * definition and extensions.
 */
export type TypeKindName = 'object' | 'interface' | 'input' | 'enum' | 'union' | 'scalar';

export interface InputValueModel {
  /** Printed type, e.g. `[String!]!`. */
  type: string;
  /** Printed default value, e.g. `20`; undefined when none. */
  defaultValue?: string;
}

export interface FieldModel {
  type: string;
  args: Map<string, InputValueModel>;
}

export interface TypeModel {
  name: string;
  kind: TypeKindName;
  /** Fields of objects and interfaces. */
  fields: Map<string, FieldModel>;
  /** Fields of input objects. */
  inputFields: Map<string, InputValueModel>;
  enumValues: Set<string>;
  unionMembers: Set<string>;
  interfaces: Set<string>;
  /** `fields` arguments of `@key` directives, whitespace-normalised. */
  keys: Set<string>;
}

export type SchemaModel = Map<string, TypeModel>;

const KIND_OF: Partial<Record<DefinitionNode['kind'], TypeKindName>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'object',
  [Kind.OBJECT_TYPE_EXTENSION]: 'object',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'interface',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'interface',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'input',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'input',
  [Kind.ENUM_TYPE_DEFINITION]: 'enum',
  [Kind.ENUM_TYPE_EXTENSION]: 'enum',
  [Kind.UNION_TYPE_DEFINITION]: 'union',
  [Kind.UNION_TYPE_EXTENSION]: 'union',
  [Kind.SCALAR_TYPE_DEFINITION]: 'scalar',
  [Kind.SCALAR_TYPE_EXTENSION]: 'scalar',
};

export function buildSchemaModel(document: DocumentNode): SchemaModel {
  const rootNames = rootTypeNames(document);
  const model: SchemaModel = new Map();
  for (const def of document.definitions) {
    const kind = KIND_OF[def.kind];
    if (!kind || !('name' in def) || !def.name) continue;
    const name = rootNames.get(def.name.value) ?? def.name.value;
    let type = model.get(name);
    if (!type) {
      type = {
        name,
        kind,
        fields: new Map(),
        inputFields: new Map(),
        enumValues: new Set(),
        unionMembers: new Set(),
        interfaces: new Set(),
        keys: new Set(),
      };
      model.set(name, type);
    }
    if ('directives' in def) for (const key of keyDirectives(def.directives)) type.keys.add(key);
    if ('interfaces' in def) for (const i of def.interfaces ?? []) type.interfaces.add(i.name.value);
    if ('types' in def) for (const t of def.types ?? []) type.unionMembers.add(t.name.value);
    if ('values' in def) for (const v of def.values ?? []) type.enumValues.add(v.name.value);
    if ('fields' in def) {
      for (const field of def.fields ?? []) {
        if (field.kind === Kind.FIELD_DEFINITION) type.fields.set(field.name.value, fieldModel(field));
        else type.inputFields.set(field.name.value, inputValueModel(field));
      }
    }
  }
  return model;
}

/** A `schema { query: RootQuery }` renames the root types: model them under their usual names. */
function rootTypeNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const op of def.operationTypes ?? []) {
      const usual = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[op.operation];
      names.set(op.type.name.value, usual);
    }
  }
  return names;
}

function fieldModel(field: FieldDefinitionNode): FieldModel {
  return {
    type: printType(field.type),
    args: new Map((field.arguments ?? []).map((arg) => [arg.name.value, inputValueModel(arg)])),
  };
}

function inputValueModel(value: InputValueDefinitionNode): InputValueModel {
  return { type: printType(value.type), defaultValue: value.defaultValue ? print(value.defaultValue) : undefined };
}

export function printType(type: TypeNode): string {
  return print(type);
}

function keyDirectives(directives: readonly DirectiveNode[] | undefined): string[] {
  const keys: string[] = [];
  for (const d of directives ?? []) {
    if (d.name.value !== 'key' && d.name.value !== 'federation__key') continue;
    const fields = d.arguments?.find((a) => a.name.value === 'fields')?.value;
    if (fields?.kind === Kind.STRING) keys.push(fields.value.trim().replace(/\s+/g, ' '));
  }
  return keys;
}

/** The named type under list and non-null wrappers: `[AiTool!]!` → `AiTool`. */
export function namedType(printed: string): string {
  return printed.replace(/[[\]!]/g, '');
}

/** A required input value: non-null without a default, so a client that omits it fails. */
export function isRequired(value: InputValueModel): boolean {
  return value.type.endsWith('!') && value.defaultValue === undefined;
}
