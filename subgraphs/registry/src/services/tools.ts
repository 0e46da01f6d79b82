import { badInput, emptyConnection, forbidden, pageSize, type Connection } from '@bibia/kit';
import { Prisma, type AiTool as AiToolRow } from '../generated/prisma/client';
import type { RegistryContext } from '../context';
import { canSee, isPublisher, requireOwnData, requirePublisher } from '../context';
import { makeId, parseId, slugify, sortKey } from '../domain/ids';
import { fieldErrors, toolRecordSchema, withoutNulls, type FieldError, type ToolRecord } from '../domain/records';
import type { AiToolFilter } from '../schema/inputs';
import { AiToolOrder, EntityType } from '../schema/enums';
import { keysetIds, raw, rowsToConnection, searchText, sql, type Sql } from './keysetPage';
import * as workflow from './workflow';

const toDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
const fromDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function columns(rec: ToolRecord) {
  const { slug: _slug, startDate, endDate, ...rest } = rec;
  return { ...rest, sortName: sortKey(rec.name), startDate: toDate(startDate), endDate: toDate(endDate) };
}

export const toolKind: workflow.EntryKind<AiToolRow, ToolRecord> = {
  entityType: EntityType.AI_TOOL,
  label: 'tool',
  schema: toolRecordSchema,
  titleField: 'name',
  find: (db, id) => db.aiTool.findUnique({ where: { id } }),
  insert: (tx, id, rec) => tx.aiTool.create({ data: { id, slug: rec.slug, ...columns(rec) } }),
  record: (row) => ({
    slug: row.slug, name: row.name, summary: row.summary, description: row.description, purpose: row.purpose,
    department: row.department, themes: row.themes, status: row.status, startDate: fromDate(row.startDate),
    endDate: fromDate(row.endDate), algorithmType: row.algorithmType, riskLevel: row.riskLevel, aiActRole: row.aiActRole,
    automationLevel: row.automationLevel, individualDecisions: row.individualDecisions, decisionsPerYear: row.decisionsPerYear,
    affectedPublic: row.affectedPublic, humanOversight: row.humanOversight, dataSources: row.dataSources as ToolRecord['dataSources'],
    legalBasis: row.legalBasis, impactAssessments: row.impactAssessments as ToolRecord['impactAssessments'], hosting: row.hosting,
    hostingDetails: row.hostingDetails, providerName: row.providerName, providerSiren: row.providerSiren, productId: row.productId,
    openSource: row.openSource, sourceCodeUrl: row.sourceCodeUrl, licence: row.licence, contactEmail: row.contactEmail,
    websiteUrl: row.websiteUrl,
  }),
  update: (tx, id, rec, wf) =>
    tx.aiTool.update({
      where: { id },
      data: { ...(rec ? columns(rec) : {}), ...wf, ...('pendingDraft' in wf && wf.pendingDraft === null ? { pendingDraft: Prisma.DbNull } : {}) },
    }),
  addVersion: (tx, v) =>
    tx.aiToolVersion.create({ data: { toolId: v.id, number: v.number, state: v.state, change: v.change, data: v.data, note: v.note, author: v.author } }),
};

/** Public readers see published entries; `states` other than PUBLISHED are allowed, DRAFT needs a token. */
export function visibleStates(ctx: RegistryContext, states: string[] | undefined): string[] {
  const wanted = states?.length ? states : ['PUBLISHED'];
  if (wanted.includes('DRAFT') && !isPublisher(ctx)) {
    throw forbidden('Drafts are visible to the publishers of this registry only: send a publisher token', { field: 'filter.states' });
  }
  return wanted;
}

/** Whether the owner matches the place filters (a member knows its own place). */
export function ownerMatches(ctx: RegistryContext, f: { sirens?: string[]; departement?: string; region?: string } | undefined): boolean {
  if (!f) return true;
  if (f.sirens?.length && !f.sirens.includes(ctx.owner.siren)) return false;
  if (f.departement && f.departement !== ctx.owner.departement) return false;
  if (f.region && f.region !== ctx.owner.region) return false;
  return true;
}

const sqlList = (values: string[], type: string) => sql`ARRAY[${Prisma.join(values)}]::${raw(`"${type}"[]`)}`;

export async function listTools(
  ctx: RegistryContext,
  args: { filter?: AiToolFilter; orderBy?: AiToolOrder; first?: number; after?: string },
): Promise<Connection<AiToolRow>> {
  const f = args.filter ?? {};
  const orderBy = args.orderBy ?? AiToolOrder.NAME;
  const states = visibleStates(ctx, f.states);
  pageSize(args.first);
  if (!ownerMatches(ctx, f)) return emptyConnection();
  const where: Sql[] = [sql`state = ANY(${sqlList(states, 'PublicationState')})`];
  if (f.themes?.length) where.push(sql`themes && ${sqlList(f.themes, 'Theme')}`);
  if (f.statuses?.length) where.push(sql`status = ANY(${sqlList(f.statuses, 'ToolStatus')})`);
  if (f.riskLevels?.length) where.push(sql`"riskLevel" = ANY(${sqlList(f.riskLevels, 'RiskLevel')})`);
  if (f.algorithmTypes?.length) where.push(sql`"algorithmType" = ANY(${sqlList(f.algorithmTypes, 'AlgorithmType')})`);
  if (f.productId) where.push(sql`"productId" = ${f.productId}`);
  if (f.updatedSince) where.push(sql`"updatedAt" >= (${f.updatedSince.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  const search = searchText(f.search);
  if (search) {
    where.push(sql`to_tsvector('french', name || ' ' || summary || ' ' || description || ' ' || purpose || ' ' || department) @@ websearch_to_tsquery('french', ${search})`);
  }
  const page = await keysetIds(ctx.prisma, { table: raw('"AiTool"'), where, orderBy, first: args.first, after: args.after });
  const rows = (await ctx.loaders.toolById.loadMany(page.ids)).filter((r): r is AiToolRow => !!r && !(r instanceof Error));
  return rowsToConnection(rows, orderBy, page);
}

/** A tool the caller may see, or null. Withdrawn and archived tools stay readable by id. */
export async function getTool(ctx: RegistryContext, id: string): Promise<AiToolRow | null> {
  if (!parseId(id)) throw badInput(`Invalid tool id "${id}": expected <siren>:<slug>`, { field: 'id' });
  const row = await ctx.loaders.toolById.load(id);
  return row && canSee(ctx, row.state) ? row : null;
}

export async function createTool(ctx: RegistryContext, siren: string, input: Record<string, unknown>): Promise<AiToolRow> {
  const author = requirePublisher(ctx).label;
  requireOwnData(ctx, siren, 'siren');
  return workflow.createEntry(ctx, toolKind, workflow.parseNew(toolKind, input), author);
}

export const updateTool = (ctx: RegistryContext, id: string, patch: Record<string, unknown>) => workflow.editEntry(ctx, toolKind, id, patch);

export const transitionTool = (ctx: RegistryContext, id: string, to: workflow.Transition, reason = '') =>
  workflow.transitionEntry(ctx, toolKind, id, to, reason);

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
