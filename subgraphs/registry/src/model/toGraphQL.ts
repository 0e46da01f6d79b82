import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar } from '@bibia/kit';
import { isNullable, isOutput, isRequired, type AnyField, type EntityModel, type Fields, type ItemModel, type RecordOf } from './fields';

type TypeFn = () => unknown;

/** A GraphQL field to declare on a class (what `@Field(type, options)` would say). */
export interface GraphQLFieldSpec {
  name: string;
  type: TypeFn;
  nullable?: boolean;
  description: string;
  defaultValue?: unknown;
}

/**
 * Declares fields on a class as `@Field` decorators would, in the given order. type-graphql prints
 * fields in declaration order, so an entity declares its fixed fields around the model's here
 * rather than with decorators (which would all come first).
 */
export function declareFields(target: { prototype: object }, specs: GraphQLFieldSpec[]): void {
  for (const { name, type, ...options } of specs) Field(type as never, options)(target.prototype, name);
}

function outputType(field: AnyField): TypeFn {
  switch (field.kind) {
    case 'int':
      return () => Int;
    case 'number':
      return () => Float;
    case 'boolean':
      return () => Boolean;
    case 'date':
      return () => DateScalar;
    case 'enum':
      return () => field.values;
    case 'enumList':
      return () => [field.values];
    case 'json':
      return () => GraphQLJSONObject;
    case 'objectList': {
      // Made now, not when the schema is built: type-graphql reads its types before calling these.
      const item = itemOutputType(field.item);
      return () => [item];
    }
    default:
      return () => String;
  }
}

function inputType(field: AnyField): TypeFn {
  if (field.kind === 'productId') return () => ID;
  if (field.kind === 'objectList') {
    const item = itemInputType(field.item);
    return () => [item];
  }
  return outputType(field);
}

/** The output fields of a model (fields with `output: false` are left to field resolvers). */
export function outputFields(fields: Fields): GraphQLFieldSpec[] {
  return Object.entries(fields)
    .filter(([, f]) => isOutput(f))
    .map(([name, f]) => {
      if (!f.description) throw new Error(`Field ${name} is exposed but has no description`);
      return { name, type: outputType(f), description: f.description, ...(isNullable(f) ? { nullable: true } : {}) };
    });
}

/** The input fields of a model; in a patch every field is optional. */
export function inputFields(fields: Fields, patch: boolean): GraphQLFieldSpec[] {
  return Object.entries(fields).map(([name, f]) => ({
    name,
    type: inputType(f),
    nullable: patch || !isRequired(f),
    description: f.inputHint,
    ...(f.kind === 'boolean' && f.showDefault && !f.nullable ? { defaultValue: f.default } : {}),
  }));
}

function namedClass(name: string): new () => object {
  // The name shows in stack traces and in type-graphql's messages.
  return { [name]: class {} }[name];
}

const itemOutputs = new WeakMap<ItemModel, new () => object>();
const itemInputs = new WeakMap<ItemModel, new () => object>();

/** The output type of a list item, made once per item model. */
export function itemOutputType<F extends Fields>(item: ItemModel<F>): new () => RecordOf<F> {
  let cls = itemOutputs.get(item);
  if (!cls) {
    const fields = outputFields(item.fields);
    cls = namedClass(item.output.name);
    ObjectType(item.output.name, { description: item.output.description })(cls);
    declareFields(cls, fields);
    itemOutputs.set(item, cls);
  }
  return cls as new () => RecordOf<F>;
}

export function itemInputType<F extends Fields>(item: ItemModel<F>): new () => Partial<RecordOf<F>> {
  let cls = itemInputs.get(item);
  if (!cls) {
    const fields = inputFields(item.fields, false);
    cls = namedClass(item.input.name);
    InputType(item.input.name, { description: item.input.description })(cls);
    declareFields(cls, fields);
    itemInputs.set(item, cls);
  }
  return cls as new () => Partial<RecordOf<F>>;
}

export type ModelInput<M extends EntityModel> = { slug?: string } & Partial<RecordOf<M['fields']>>;

/**
 * The input type of a new entry, or of a patch: the slug, then every field of the model. One
 * derivation keeps the two in step with the model.
 */
export function modelInputType<M extends EntityModel>(
  model: M,
  options: { name: string; description: string; patch: boolean; slugHint: string },
): new () => ModelInput<M> {
  const fields = inputFields(model.fields, options.patch);
  const cls = namedClass(options.name);
  InputType(options.name, { description: options.description })(cls);
  declareFields(cls, [{ name: 'slug', type: () => String, nullable: true, description: options.slugHint }, ...fields]);
  return cls as new () => ModelInput<M>;
}
