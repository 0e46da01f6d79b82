import type { z } from 'zod';
import { badInput } from '@bibia/kit';

/** One problem with one field of an input. */
export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(row)', message: i.message }));
}

/** Parses or throws one BAD_USER_INPUT error listing every problem. */
export function parseOrThrow<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  throw badInput(`Invalid ${what}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, {
    field: errors[0]?.field,
    fieldErrors: errors,
  });
}

/** GraphQL nulls and undefined mean "absent": drop them so schema defaults apply. */
export function withoutNulls<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
