import { badInput } from '@bibia/kit';
import type { RegistryContext } from '../context';
import { requireOwnData, requirePublisher } from '../context';
import { makeId, slugify } from '../shared/ids';
import { fieldErrors, withoutNulls, type FieldError } from '../shared/records';
import * as workflow from '../publishing/workflow';
import { toolRecordSchema, type ToolRecord } from './aiToolRecord';
import { toolKind } from './tools';

export const MAX_IMPORT_ROWS = 2000;

export interface ImportOutcome {
  ok: boolean;
  dryRun: boolean;
  rowCount: number;
  created: number;
  updated: number;
  ids: string[];
  errors: (FieldError & { row: number })[];
}

/**
 * Creates or updates (by slug) many tools at once, all or nothing. Every row is checked and every
 * problem reported with its row number; nothing is written when there is one, or in a dry run.
 */
export async function importTools(
  ctx: RegistryContext,
  siren: string,
  rows: Record<string, unknown>[],
  options: { dryRun: boolean; publish: boolean },
): Promise<ImportOutcome> {
  const author = requirePublisher(ctx).label;
  requireOwnData(ctx, siren, 'siren');
  if (rows.length === 0) throw badInput('`rows` is empty', { field: 'rows' });
  if (rows.length > MAX_IMPORT_ROWS) throw badInput(`At most ${MAX_IMPORT_ROWS} rows per import; split the file`, { field: 'rows' });
  const errors: ImportOutcome['errors'] = [];
  const records: ToolRecord[] = [];
  const seen = new Map<string, number>();
  rows.forEach((input, i) => {
    const row = i + 1;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      errors.push({ row, field: '(row)', message: 'must be an object' });
      return;
    }
    const parsed = toolRecordSchema.safeParse(withoutNulls({ ...input, slug: input.slug || (typeof input.name === 'string' ? slugify(input.name) : undefined) }));
    if (!parsed.success) {
      errors.push(...fieldErrors(parsed.error).map((e) => ({ row, ...e })));
      return;
    }
    const first = seen.get(parsed.data.slug);
    if (first) errors.push({ row, field: 'slug', message: `duplicates the slug of row ${first}` });
    seen.set(parsed.data.slug, row);
    records.push(parsed.data);
  });
  const ids = records.map((r) => makeId(ctx.owner.siren, r.slug));
  const existing = new Map(
    (await ctx.prisma.aiTool.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]),
  );
  records.forEach((r, i) => {
    const row = existing.get(ids[i]);
    if (row?.state === 'ARCHIVED') errors.push({ row: (seen.get(r.slug) ?? i + 1), field: 'slug', message: `tool ${ids[i]} is archived and cannot change` });
  });
  const outcome: ImportOutcome = {
    ok: errors.length === 0,
    dryRun: options.dryRun,
    rowCount: rows.length,
    created: errors.length ? 0 : ids.filter((id) => !existing.has(id)).length,
    updated: errors.length ? 0 : ids.filter((id) => existing.has(id)).length,
    ids: errors.length ? [] : ids,
    errors,
  };
  if (!outcome.ok) {
    if (options.dryRun) return outcome;
    throw badInput(`Import refused: ${errors.length} problem(s) found, nothing was written. First: row ${errors[0].row}, ${errors[0].field} ${errors[0].message}`, {
      field: 'rows',
      rowErrors: errors,
    });
  }
  if (options.dryRun) return outcome;
  await ctx.prisma.$transaction(
    async (tx) => {
      for (const [i, rec] of records.entries()) {
        const id = ids[i];
        let row = existing.get(id);
        if (!row) {
          row = await workflow.insertEntry(tx, toolKind, id, rec, author, undefined, 'import');
        } else {
          row = await workflow.saveEdit(tx, toolKind, row, rec, author);
        }
        if (options.publish && (row.state !== 'PUBLISHED' || row.pendingDraft)) await workflow.publish(tx, toolKind, row, author);
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return outcome;
}
