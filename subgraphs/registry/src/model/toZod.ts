import { z } from 'zod';
import { isValidSiren, plainText } from '@bibia/kit';
import { SLUG_PATTERN } from '../shared/ids';
import type { AnyField, EntityModel, Fields, ItemModel, RecordOf } from './fields';

// The messages below are part of the API: clients and tests read them.

const text = (max: number) => z.string().transform(plainText).pipe(z.string().max(max, `at most ${max} characters`));

const httpUrl = z
  .string()
  .trim()
  .max(2000, 'at most 2000 characters')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as https://www.exemple.fr/page');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a real calendar date');

const enumOf = (values: Readonly<Record<string, string>>) =>
  z.enum(values as Record<string, string>, { message: `must be one of ${Object.values(values).join(', ')}` });

const jsonObject = (maxChars: number, maxKeys: number) =>
  z
    .record(z.string(), z.unknown(), { message: 'must be a JSON object' })
    .refine((o) => Object.keys(o).length <= maxKeys, `at most ${maxKeys} keys`)
    .refine((o) => JSON.stringify(o).length <= maxChars, `at most ${maxChars} characters once written as JSON`);

const orNull = <S extends z.ZodTypeAny>(schema: S) => schema.nullish().transform((v) => v ?? null);

export const slugSchema = z.string().trim().regex(SLUG_PATTERN, 'must be 1-80 characters a-z, 0-9 and - (e.g. tri-courrier)');

/** The validation of one field. */
export function fieldSchema(field: AnyField): z.ZodTypeAny {
  switch (field.kind) {
    case 'text':
      return field.required ? text(field.max).pipe(z.string().min(1, 'required')) : text(field.max).optional().default('');
    case 'nullableText':
      return text(field.max).nullish().transform((v) => (v ? v : null));
    case 'url':
      return orNull(httpUrl);
    case 'email':
      return orNull(z.string().trim().max(254).email('must be an email address'));
    case 'siren':
      return orNull(z.string().trim().refine(isValidSiren, 'must be a SIREN: 9 digits with a valid check digit'));
    case 'productId':
      return orNull(z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a product id of the shared catalogue (a-z, 0-9, -)'));
    case 'date':
      return field.required ? isoDate : orNull(isoDate);
    case 'int':
      return orNull(z.number().int('must be a whole number').min(field.min).max(field.max));
    case 'number':
      return z.number({ message: 'must be a number' }).finite();
    case 'boolean':
      return field.nullable ? orNull(z.boolean({ message: 'must be true or false' })) : z.boolean().default(field.default);
    case 'enum':
      if (field.nullable) return orNull(enumOf(field.values));
      return field.default === undefined ? enumOf(field.values) : enumOf(field.values).default(field.default);
    case 'json':
      return orNull(jsonObject(field.maxChars, field.maxKeys));
    case 'enumList': {
      const list = z
        .array(enumOf(field.values))
        .min(field.min, field.min === 1 ? `at least one ${field.noun}` : `at least ${field.min} ${field.noun}s`)
        .max(field.max, `at most ${field.max} ${field.noun}s`)
        .refine((a) => new Set(a).size === a.length, `${field.noun}s must not repeat`);
      // An optional list is empty when absent ("non renseigné"), like a list of objects.
      return field.min === 0 ? list.default([]) : list;
    }
    case 'objectList':
      return z.array(itemSchema(field.item)).max(field.max, `at most ${field.max} ${field.noun}s`).default([]);
  }
}

function shapeOf(fields: Fields): Record<string, z.ZodTypeAny> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(field)]));
}

const itemSchemas = new WeakMap<ItemModel, z.ZodTypeAny>();

export function itemSchema(item: ItemModel): z.ZodTypeAny {
  let schema = itemSchemas.get(item);
  if (!schema) itemSchemas.set(item, (schema = z.object(shapeOf(item.fields)).strict()));
  return schema;
}

export type ModelRecord<M extends EntityModel> = { slug: string } & RecordOf<M['fields']>;

/**
 * The one validation of what a publisher sends, shared by the typed mutations and the bulk
 * import: the slug, then every field of the model, unknown fields refused, and the date order
 * rules (`notBefore`) of the model.
 */
export function recordSchema<M extends EntityModel>(model: M): z.ZodType<ModelRecord<M>> {
  const orders = Object.entries(model.fields).flatMap(([name, f]) => (f.kind === 'date' && f.notBefore ? [[name, f.notBefore] as const] : []));
  return z
    .object({ slug: slugSchema, ...shapeOf(model.fields) })
    .strict()
    .superRefine((rec: Record<string, unknown>, ctx) => {
      for (const [name, earlier] of orders) {
        const [end, start] = [rec[name], rec[earlier]];
        if (typeof end === 'string' && typeof start === 'string' && end < start) {
          ctx.addIssue({ code: 'custom', path: [name], message: `must not be before ${earlier}` });
        }
      }
    }) as unknown as z.ZodType<ModelRecord<M>>;
}
