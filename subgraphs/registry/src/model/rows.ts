import type { EntityModel, RowOf } from './fields';
import type { ModelRecord } from './toZod';

// Calendar dates are `YYYY-MM-DD` strings in records (inputs, versions) and `Date`s at midnight
// UTC in rows (`@db.Date` columns).
const toDate = (d: unknown) => (typeof d === 'string' && d ? new Date(`${d}T00:00:00Z`) : null);
const fromDate = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : null);

/** The columns a record is stored in (every model field; the slug, part of the id, is not rewritten). */
export function columnsOf<M extends EntityModel>(model: M, rec: ModelRecord<M>): RowOf<M['fields']> {
  const source = rec as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(model.fields).map(([name, f]) => [name, f.kind === 'date' ? toDate(source[name]) : source[name]]),
  ) as RowOf<M['fields']>;
}

/** The record of a row: the shape of the entry's input and of its version snapshots. */
export function recordOf<M extends EntityModel>(model: M, row: { slug: string }): ModelRecord<M> {
  const source = row as unknown as Record<string, unknown>;
  const rec: Record<string, unknown> = { slug: row.slug };
  for (const [name, f] of Object.entries(model.fields)) rec[name] = f.kind === 'date' ? fromDate(source[name]) : source[name];
  return rec as ModelRecord<M>;
}
