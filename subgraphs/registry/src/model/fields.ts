/**
 * The field-definition DSL: each entity's fields are written once (`<entity>.model.ts`) and the storage
 * schema, the validation, the GraphQL output, input and patch types and the row mapping are derived
 * from that one list (see README.md of this folder).
 *
 * A field carries its value type as a phantom type parameter so that the derived records and rows
 * stay typed without a second declaration.
 */

type EnumObject = Readonly<Record<string, string>>;
type EnumValue<E extends EnumObject> = E[keyof E];

/** What every field says about itself, whatever its kind. */
export interface FieldDoc {
  /** French label, for people (forms, import column headers, docs). */
  label: string;
  /** Documentation of the output field. Required unless `output` is false. */
  description?: string;
  /** Documentation of the input field (what a publisher must send). */
  inputHint: string;
  /** False for a column exposed only through a field resolver (e.g. `provider`). @default true */
  output?: boolean;
}

interface Kinds {
  text: { max: number; required: boolean };
  nullableText: { max: number };
  url: object;
  email: object;
  siren: object;
  productId: object;
  date: { required: boolean; notBefore?: string };
  int: { min: number; max: number };
  number: object;
  boolean: { default: boolean; showDefault: boolean; nullable: boolean };
  enum: { values: EnumObject; default?: string; nullable: boolean };
  enumList: { values: EnumObject; min: number; max: number; noun: string };
  objectList: { item: ItemModel; max: number; noun: string };
  json: { maxChars: number; maxKeys: number };
}

export type FieldKind = keyof Kinds;

/** One field of a model; `T` is its value in a record (what the input and versions hold). */
export type Field<T = unknown, K extends FieldKind = FieldKind> = FieldDoc & { kind: K } & Kinds[K] & { readonly __value?: T };

export type AnyField = { [K in FieldKind]: Field<unknown, K> }[FieldKind];

export type Fields = Record<string, AnyField>;

/** A record: the fields of an entry as the API takes them and as versions keep them. */
export type RecordOf<F extends Fields> = { -readonly [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** A database row: the same, with calendar dates as `Date`. */
export type RowOf<F extends Fields> = {
  -readonly [K in keyof F]: F[K] extends Field<infer T, 'date'> ? (null extends T ? Date | null : Date) : F[K] extends Field<infer T> ? T : never;
};

/** A list item stored as JSON (a data source, an indicator...): a model without storage of its own. */
export interface ItemModel<F extends Fields = Fields> {
  fields: F;
  /** GraphQL output type name and description. */
  output: { name: string; description: string };
  /** GraphQL input type name and description. */
  input: { name: string; description: string };
}

/** A versioned entry (tool, report): its fields after `slug`, in the order of the contract. */
export interface EntityModel<F extends Fields = Fields> {
  /** Prisma model and GraphQL type name. */
  name: string;
  /** The field the slug and the sort key are derived from (checked by `defineModel`). */
  titleField: string;
  fields: F;
}

type Doc = FieldDoc;

/** A plain text, at most `max` characters; empty by default, unless `required`. */
export function text(max: number, doc: Doc & { required?: boolean }): Field<string, 'text'> {
  return { ...doc, kind: 'text', max, required: doc.required ?? false };
}

/** A plain text that may be absent (null); an empty text is stored as null. */
export function nullableText(max: number, doc: Doc): Field<string | null, 'nullableText'> {
  return { ...doc, kind: 'nullableText', max };
}

/** An http(s) URL, or null. */
export function url(doc: Doc): Field<string | null, 'url'> {
  return { ...doc, kind: 'url' };
}

/** An email address, or null. */
export function email(doc: Doc): Field<string | null, 'email'> {
  return { ...doc, kind: 'email' };
}

/** A SIREN (9 digits, Luhn check digit), or null. */
export function siren(doc: Doc): Field<string | null, 'siren'> {
  return { ...doc, kind: 'siren' };
}

/** The id of a product of the hub's shared catalogue, or null. */
export function productId(doc: Doc): Field<string | null, 'productId'> {
  return { ...doc, kind: 'productId' };
}

/** A calendar date `YYYY-MM-DD` (a `Date` in rows); null unless `required`. */
export function date<R extends boolean = false>(
  doc: Doc & { required?: R; notBefore?: string },
): Field<R extends true ? string : string | null, 'date'> {
  return { ...doc, kind: 'date', required: doc.required ?? false };
}

/** A whole number in [min, max], or null. */
export function int(range: { min: number; max: number }, doc: Doc): Field<number | null, 'int'> {
  return { ...doc, kind: 'int', ...range };
}

/** A finite number, required. */
export function number(doc: Doc): Field<number, 'number'> {
  return { ...doc, kind: 'number' };
}

/** A boolean, `default` when absent; `showDefault` writes the default into the input type. */
export function boolean(doc: Doc & { default?: boolean; showDefault?: boolean }): Field<boolean, 'boolean'> {
  return { ...doc, kind: 'boolean', default: doc.default ?? false, showDefault: doc.showDefault ?? false, nullable: false };
}

/**
 * A yes/no statement that may be unknown: null ("non renseigné") when absent, never a default,
 * so that nobody reads a statement the publisher did not make.
 */
export function nullableBoolean(doc: Doc): Field<boolean | null, 'boolean'> {
  return { ...doc, kind: 'boolean', default: false, showDefault: false, nullable: true };
}

/** One value of an enum; required unless it has a `default`. */
export function enumeration<E extends EnumObject>(values: E, doc: Doc & { default?: EnumValue<E> }): Field<EnumValue<E>, 'enum'> {
  return { ...doc, kind: 'enum', values, nullable: false };
}

/** One value of an enum, or null ("non renseigné"): never a default. */
export function nullableEnumeration<E extends EnumObject>(values: E, doc: Doc): Field<EnumValue<E> | null, 'enum'> {
  return { ...doc, kind: 'enum', values, nullable: true };
}

/**
 * A JSON object kept as given (e.g. the columns of an imported register that have no field
 * here), or null; bounded in size and number of keys.
 */
export function jsonObject(limits: { maxChars: number; maxKeys: number }, doc: Doc): Field<Record<string, unknown> | null, 'json'> {
  return { ...doc, kind: 'json', ...limits };
}

/** Distinct values of an enum, `min` to `max` of them; `noun` names one in messages ("theme"). */
export function enumList<E extends EnumObject>(
  values: E,
  limits: { min: number; max: number; noun: string },
  doc: Doc,
): Field<EnumValue<E>[], 'enumList'> {
  return { ...doc, kind: 'enumList', values, ...limits };
}

/** A list of structured items stored as JSON, at most `max`; empty by default. */
export function objectList<F extends Fields>(
  item: ItemModel<F>,
  limits: { max: number; noun: string },
  doc: Doc,
): Field<RecordOf<F>[], 'objectList'> {
  return { ...doc, kind: 'objectList', item: item as unknown as ItemModel, ...limits };
}

/** Whether a publisher must give the field when creating an entry (no default, never null). */
export function isRequired(field: AnyField): boolean {
  switch (field.kind) {
    case 'text':
    case 'date':
      return field.required;
    case 'enum':
      return field.default === undefined && !field.nullable;
    case 'enumList':
      return field.min > 0;
    case 'number':
      return true;
    default:
      return false;
  }
}

/** Whether the stored value may be null. */
export function isNullable(field: AnyField): boolean {
  switch (field.kind) {
    case 'nullableText':
    case 'url':
    case 'email':
    case 'siren':
    case 'productId':
    case 'int':
    case 'json':
      return true;
    case 'enum':
    case 'boolean':
      return field.nullable;
    case 'date':
      return !field.required;
    default:
      return false;
  }
}

export const isOutput = (field: AnyField) => field.output !== false;

/** Names an entity model; the identity function keeps its field types. */
export function defineModel<F extends Fields>(model: EntityModel<F> & { titleField: keyof F & string }): EntityModel<F> {
  return model;
}

export function defineItem<F extends Fields>(model: ItemModel<F>): ItemModel<F> {
  return model;
}
