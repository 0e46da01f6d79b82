import { badInput, emptyConnection, pageSize, type Connection } from '@bibia/kit';
import { Prisma, type AiTool as AiToolRow } from '../generated/prisma/client';
import type { RegistryContext } from '../context';
import { canSee, requireOwnData, requirePublisher } from '../context';
import { parseId, sortKey } from '../shared/ids';
import { AiToolOrder, EntityType } from '../shared/enums';
import { checkInputText, keysetIds, raw, rowsToConnection, searchText, sql, type Sql } from '../shared/keysetPage';
import { loadAll } from '../shared/loadAll';
import { ownerMatches, visibleStates } from '../shared/readerFilters';
import { columnsOf, recordOf } from '../model/rows';
import * as workflow from '../publishing/workflow';
import { aiToolModel } from './aiTool.model';
import { toolRecordSchema, type ToolRecord } from './aiToolRecord';
import type { AiToolFilter } from './aiToolFilter';

// Prisma writes a JSON column's null as DbNull (SQL NULL), not as the JSON value null.
const columns = (rec: ToolRecord) => ({
  ...columnsOf(aiToolModel, rec),
  sourceExtra: (rec.sourceExtra as Prisma.InputJsonObject | null) ?? Prisma.DbNull,
  sortName: sortKey(rec.name),
});

export const toolKind: workflow.EntryKind<AiToolRow, ToolRecord> = {
  entityType: EntityType.AI_TOOL,
  label: 'tool',
  schema: toolRecordSchema,
  titleField: aiToolModel.titleField,
  find: (db, id) => db.aiTool.findUnique({ where: { id } }),
  insert: (tx, id, rec) => tx.aiTool.create({ data: { id, slug: rec.slug, ...columns(rec) } }),
  record: (row) => recordOf(aiToolModel, row),
  update: (tx, id, rec, wf) =>
    tx.aiTool.update({
      where: { id },
      data: { ...(rec ? columns(rec) : {}), ...wf, ...('pendingDraft' in wf && wf.pendingDraft === null ? { pendingDraft: Prisma.DbNull } : {}) },
    }),
  addVersion: (tx, v) =>
    tx.aiToolVersion.create({ data: { toolId: v.id, number: v.number, state: v.state, change: v.change, data: v.data as Prisma.InputJsonObject, note: v.note, author: v.author } }),
};

const sqlList = (values: string[], type: string) => sql`ARRAY[${Prisma.join(values)}]::${raw(`"${type}"[]`)}`;

export async function listTools(
  ctx: RegistryContext,
  args: { filter?: AiToolFilter; orderBy?: AiToolOrder; first?: number; after?: string },
): Promise<Connection<AiToolRow>> {
  const f = args.filter ?? {};
  const orderBy = args.orderBy ?? AiToolOrder.NAME;
  const states = visibleStates(ctx, f.states);
  pageSize(args.first);
  // Checked before the owner filter, so every member answers a bad search the same way.
  const search = searchText(f.search);
  if (!ownerMatches(ctx, f)) return emptyConnection();
  const where: Sql[] = [sql`state = ANY(${sqlList(states, 'PublicationState')})`];
  if (f.themes?.length) where.push(sql`themes && ${sqlList(f.themes, 'Theme')}`);
  if (f.statuses?.length) where.push(sql`status = ANY(${sqlList(f.statuses, 'ToolStatus')})`);
  if (f.riskLevels?.length) where.push(sql`"riskLevel" = ANY(${sqlList(f.riskLevels, 'RiskLevel')})`);
  if (f.algorithmTypes?.length) where.push(sql`"algorithmType" = ANY(${sqlList(f.algorithmTypes, 'AlgorithmType')})`);
  if (f.productId) where.push(sql`"productId" = ${checkInputText(f.productId, 'filter.productId')}`);
  if (f.updatedSince) where.push(sql`"updatedAt" >= (${f.updatedSince.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  if (search) {
    where.push(sql`to_tsvector('french', name || ' ' || summary || ' ' || description || ' ' || purpose || ' ' || department) @@ websearch_to_tsquery('french', ${search})`);
  }
  const page = await keysetIds(ctx.prisma, { table: raw('"AiTool"'), where, orderBy, first: args.first, after: args.after });
  const rows = await loadAll(ctx.loaders.toolById, page.ids);
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
