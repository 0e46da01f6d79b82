import { buildSchema, graphql, parse, validate } from 'graphql';
import { checkDateInputs, checkDateTime, parseDate } from '../dateScalars';

describe('Date and DateTime inputs', () => {
  it('accepts real dates and ISO 8601 date-times with an offset, as given', () => {
    expect(parseDate('2026-12-02')).toBe('2026-12-02');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(checkDateTime('2026-12-02T08:30:00+01:00')).toBe('2026-12-02T08:30:00+01:00');
    expect(checkDateTime('2026-12-02T07:30:00.123Z')).toBe('2026-12-02T07:30:00.123Z');
  });

  it.each(['2026-02-30', '02/12/2026', '2026-12-02T08:30:00Z', '', 20261202, null])('refuses %p as a Date, BAD_USER_INPUT', (value) => {
    expect(() => parseDate(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });

  it.each(['hier', '2026-12-02', '2026-13-45T00:00:00Z', '2026-12-02T08:30:00', 1733097600])('refuses %p as a DateTime, naming the form', (value) => {
    expect(() => checkDateTime(value)).toThrow(/ISO 8601/);
  });

  it('makes a pass-through schema refuse bad variables and literals before anything runs', async () => {
    const schema = buildSchema('scalar Date scalar DateTime type Query { tools(since: DateTime, day: Date): Int }');
    let calls = 0;
    const rootValue = { tools: () => ++calls };
    checkDateInputs(schema);
    const bad = await graphql({ schema, rootValue, source: 'query ($s: DateTime) { tools(since: $s) }', variableValues: { s: 'hier' } });
    expect(bad.errors?.[0].message).toMatch(/Variable "\$s" got invalid value "hier"; DateTime must be a date and time/);
    expect(validate(schema, parse('{ tools(day: "2026-02-30") }')).map((e) => e.message)).toEqual([
      expect.stringContaining('Date must be a calendar date written YYYY-MM-DD (ISO 8601), got "2026-02-30"'),
    ]);
    expect(calls).toBe(0);
    const good = await graphql({ schema, rootValue, source: 'query ($s: DateTime) { tools(since: $s, day: "2026-12-02") }', variableValues: { s: '2026-12-02T08:30:00+01:00' } });
    expect(good).toEqual({ data: { tools: 1 } });
  });
});
