import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30); throws BAD_USER_INPUT otherwise. */
export function parseDate(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(value)) return value;
  }
  throw badInput(`Date must be a calendar date written YYYY-MM-DD (ISO 8601), got ${JSON.stringify(value)}`);
}

/** A date and time with its offset, RFC 3339 / ISO 8601 (`2026-12-02T08:30:00+01:00`); returned as given. */
export function checkDateTime(value: unknown): string {
  if (typeof value === 'string') {
    try {
      GraphQLDateTime.parseValue(value);
      return value;
    } catch {
      // the message below names the expected form
    }
  }
  throw badInput(`DateTime must be a date and time with its offset, ISO 8601 (e.g. 2026-12-02T08:30:00+01:00), got ${JSON.stringify(value)}`);
}

function literal(check: (value: unknown) => string, name: string) {
  return (ast: ValueNode): string => {
    if (ast.kind !== Kind.STRING) throw badInput(`${name} must be a string`);
    return check(ast.value);
  };
}

/** A calendar date without time zone, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time zone, written `YYYY-MM-DD` (ISO 8601).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: literal(parseDate, 'Date'),
});

/**
 * Gives the `Date` and `DateTime` scalars of a schema that only passes values through (a gateway's
 * API schema, built from SDL) the checks of the members' own scalars, in place: a date that is not
 * one is refused where the request arrives (BAD_USER_INPUT for a variable, a validation error for a
 * literal) instead of being sent to every member. Values are passed on unchanged, as strings.
 */
export function checkDateInputs(schema: GraphQLSchema): void {
  for (const [name, check] of [['Date', parseDate], ['DateTime', checkDateTime]] as const) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.parseValue = check;
    type.parseLiteral = literal(check, name);
  }
}
