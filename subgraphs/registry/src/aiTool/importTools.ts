import { badInput } from '@bibia/kit';
import type { AiTool as AiToolRow } from '../generated/prisma/client';
import type { RegistryContext } from '../context';
import { requireOwnData, requirePublisher } from '../context';
import { makeId, slugify } from '../shared/ids';
import { fieldErrors, withoutNulls, type FieldError } from '../shared/records';
import * as workflow from '../publishing/workflow';
import { toolRecordSchema, type ToolRecord } from './aiToolRecord';
import { toolKind } from './tools';
import { sameRecord } from './sameRecord';

export const MAX_IMPORT_ROWS = 2000;

export interface ImportOutcome {
  ok: boolean;
  dryRun: boolean;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  ids: string[];
  errors: (FieldError & { row: number })[];
}

type Parsed = { row: number; rec: ToolRecord; explicitSlug: boolean };

const externalKey = (r: { source?: string | null; externalId?: string | null }) => (r.source && r.externalId ? `${r.source}\u0000${r.externalId}` : null);

/**
 * Creates or updates many tools at once, all or nothing. A row is matched to an existing tool by
 * its register of origin and id there (`source` + `externalId`) when it has them, else by slug.
 * A row equal to what the tool already holds writes nothing (no version, no change entry).
 * Every problem is reported with its row number; nothing is written when there is one, or in a
 * dry run.
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
  const parsed: Parsed[] = [];
  rows.forEach((input, i) => {
    const row = i + 1;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      errors.push({ row, field: '(row)', message: 'must be an object' });
      return;
    }
    const explicitSlug = typeof input.slug === 'string' && input.slug !== '';
    const result = toolRecordSchema.safeParse(withoutNulls({ ...input, slug: input.slug || (typeof input.name === 'string' ? slugify(input.name) : undefined) }));
    if (!result.success) errors.push(...fieldErrors(result.error).map((e) => ({ row, ...e })));
    else parsed.push({ row, rec: result.data, explicitSlug });
  });

  const byExternal = await existingByExternalId(ctx, parsed);
  assignSlugs(parsed, byExternal, errors);
  const existing = await existingBySlug(ctx, parsed);
  const ids = parsed.map((p) => makeId(ctx.owner.siren, p.rec.slug));
  const plans = parsed.map((p, i) => {
    const row = existing.get(ids[i]);
    const key = externalKey(p.rec);
    if (row && key && externalKey(row) !== key) {
      errors.push({ row: p.row, field: 'slug', message: `tool ${ids[i]} is another tool (${row.source ?? 'entered here'} ${row.externalId ?? ''}), not ${p.rec.source} ${p.rec.externalId}` });
    }
    if (row?.state === 'ARCHIVED') errors.push({ row: p.row, field: 'slug', message: `tool ${ids[i]} is archived and cannot change` });
    const current = row ? ((row.pendingDraft as ToolRecord | null) ?? toolKind.record(row)) : null;
    return { id: ids[i], rec: p.rec, row, same: current !== null && sameRecord(current, p.rec) };
  });
  errors.sort((a, b) => a.row - b.row);
  const ok = errors.length === 0;
  const outcome: ImportOutcome = {
    ok,
    dryRun: options.dryRun,
    rowCount: rows.length,
    created: ok ? plans.filter((p) => !p.row).length : 0,
    updated: ok ? plans.filter((p) => p.row && !p.same).length : 0,
    unchanged: ok ? plans.filter((p) => p.same).length : 0,
    ids: ok ? ids : [],
    errors,
  };
  if (!ok) {
    if (options.dryRun) return outcome;
    throw badInput(`Import refused: ${errors.length} problem(s) found, nothing was written. First: row ${errors[0].row}, ${errors[0].field} ${errors[0].message}`, {
      field: 'rows',
      rowErrors: errors,
    });
  }
  if (options.dryRun) return outcome;
  await ctx.prisma.$transaction(
    async (tx) => {
      for (const plan of plans) {
        let row: AiToolRow | undefined = plan.row;
        if (!row) row = await workflow.insertEntry(tx, toolKind, plan.id, plan.rec, author, undefined, 'import');
        else if (!plan.same) row = await workflow.saveEdit(tx, toolKind, row, plan.rec, author);
        if (options.publish && (row.state !== 'PUBLISHED' || row.pendingDraft)) await workflow.publish(tx, toolKind, row, author);
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return outcome;
}

/**
 * The existing tools the rows' slugs name. A register entry seen for the first time whose
 * derived slug belongs to another tool gets a slug of its own (see `slugWithId`) instead.
 */
async function existingBySlug(ctx: RegistryContext, parsed: Parsed[]): Promise<Map<string, AiToolRow>> {
  const load = async (list: Parsed[]) =>
    (await ctx.prisma.aiTool.findMany({ where: { id: { in: list.map((p) => makeId(ctx.owner.siren, p.rec.slug)) } } })).map((r) => [r.id, r] as const);
  const existing = new Map(await load(parsed));
  const renamed = parsed.filter((p) => {
    const row = existing.get(makeId(ctx.owner.siren, p.rec.slug));
    const key = externalKey(p.rec);
    if (!row || !key || p.explicitSlug || externalKey(row) === key) return false;
    p.rec.slug = slugWithId(p.rec.slug, p.rec.externalId!);
    return true;
  });
  if (renamed.length) for (const [id, row] of await load(renamed)) existing.set(id, row);
  return existing;
}

/** Tools already imported from the same register entries, by `source` + `externalId`. */
async function existingByExternalId(ctx: RegistryContext, parsed: Parsed[]): Promise<Map<string, string>> {
  const keyed = parsed.filter((p) => externalKey(p.rec));
  if (keyed.length === 0) return new Map();
  const found = await ctx.prisma.aiTool.findMany({
    where: { OR: keyed.map((p) => ({ source: p.rec.source, externalId: p.rec.externalId })) },
    select: { slug: true, source: true, externalId: true },
  });
  return new Map(found.map((t) => [externalKey(t)!, t.slug]));
}

/**
 * The slug of each row: the matched tool's when the register entry was imported before; else the
 * given or derived one. Register entries often share a name ("Chatbot"): a derived slug that
 * another row or tool already has gets the register id appended rather than failing the row.
 */
function assignSlugs(parsed: Parsed[], byExternal: Map<string, string>, errors: ImportOutcome['errors']): void {
  const taken = new Map<string, number>();
  const seenExternal = new Map<string, number>();
  for (const p of parsed) {
    const key = externalKey(p.rec);
    if (key) {
      const first = seenExternal.get(key);
      if (first) errors.push({ row: p.row, field: 'externalId', message: `duplicates the register id of row ${first}` });
      seenExternal.set(key, p.row);
      const matched = byExternal.get(key);
      if (matched && !p.explicitSlug) p.rec.slug = matched;
      else if (!p.explicitSlug && taken.has(p.rec.slug)) p.rec.slug = slugWithId(p.rec.slug, p.rec.externalId!);
    } else if (p.rec.source && !p.explicitSlug && taken.has(p.rec.slug)) {
      // A register's record without an id of its own: numbered in file order, stable at re-import.
      let n = 2;
      while (taken.has(slugWithId(p.rec.slug, String(n)))) n++;
      p.rec.slug = slugWithId(p.rec.slug, String(n));
    }
    const first = taken.get(p.rec.slug);
    if (first) errors.push({ row: p.row, field: 'slug', message: `duplicates the slug of row ${first}` });
    taken.set(p.rec.slug, p.row);
  }
}

function slugWithId(slug: string, externalId: string): string {
  const suffix = slugify(externalId).slice(-30) || 'bis';
  return `${slug.slice(0, 79 - suffix.length).replace(/-+$/, '')}-${suffix}`;
}
