import { badInput, conflict, emptyConnection, notFound, pageSize, type Connection } from '@bibia/kit';
import { Prisma, type PracticeReport as ReportRow } from '../generated/prisma/client';
import type { RegistryContext } from '../context';
import { canSee, maySeePartnerContent, requireOwnData, requirePublisher } from '../context';
import { parseId, sortKey } from '../shared/ids';
import { AiToolOrder, EntityType } from '../shared/enums';
import { checkInputText, keysetIds, raw, rowsToConnection, searchText, sql, type Sql } from '../shared/keysetPage';
import { loadAll } from '../shared/loadAll';
import { ownerMatches, visibleStates } from '../shared/readerFilters';
import { columnsOf, recordOf } from '../model/rows';
import * as workflow from '../publishing/workflow';
import { practiceReportModel } from './practiceReport.model';
import { reportRecordSchema, type ReportRecord } from './practiceReportRecord';
import type { PracticeReportFilter } from './practiceReportFilter';

const columns = (rec: ReportRecord) => ({ ...columnsOf(practiceReportModel, rec), sortName: sortKey(rec.title) });

export const reportKind: workflow.EntryKind<ReportRow, ReportRecord> = {
  entityType: EntityType.PRACTICE_REPORT,
  label: 'practice report',
  schema: reportRecordSchema,
  titleField: practiceReportModel.titleField,
  find: (db, id) => db.practiceReport.findUnique({ where: { id } }),
  insert: (tx, id, rec, toolId) => tx.practiceReport.create({ data: { id, slug: rec.slug, toolId: toolId!, ...columns(rec) } }),
  record: (row) => recordOf(practiceReportModel, row),
  update: (tx, id, rec, wf) =>
    tx.practiceReport.update({
      where: { id },
      data: { ...(rec ? columns(rec) : {}), ...wf, ...('pendingDraft' in wf && wf.pendingDraft === null ? { pendingDraft: Prisma.DbNull } : {}) },
    }),
  addVersion: (tx, v) =>
    tx.practiceReportVersion.create({ data: { reportId: v.id, number: v.number, state: v.state, change: v.change, data: v.data, note: v.note, author: v.author } }),
};

/** Reports for partners only are shown to the publishers of this registry and to verified partners. */
export function canRead(ctx: RegistryContext, row: ReportRow): boolean {
  return canSee(ctx, row.state) && (row.visibility === 'PUBLIC' || maySeePartnerContent(ctx));
}

export async function listReports(
  ctx: RegistryContext,
  args: { filter?: PracticeReportFilter; orderBy?: AiToolOrder; first?: number; after?: string },
): Promise<Connection<ReportRow>> {
  const f = args.filter ?? {};
  const orderBy = args.orderBy ?? AiToolOrder.RECENT;
  const states = visibleStates(ctx, f.states);
  pageSize(args.first);
  // Checked before the owner filter, so every member answers a bad search the same way.
  const search = searchText(f.search);
  if (!ownerMatches(ctx, f)) return emptyConnection();
  const where: Sql[] = [sql`state = ANY(ARRAY[${Prisma.join(states)}]::"PublicationState"[])`];
  if (!maySeePartnerContent(ctx)) where.push(sql`visibility = 'PUBLIC'`);
  if (f.toolId) where.push(sql`"toolId" = ${checkInputText(f.toolId, 'filter.toolId')}`);
  if (f.themes?.length) {
    where.push(sql`"toolId" IN (SELECT id FROM "AiTool" WHERE themes && ARRAY[${Prisma.join(f.themes)}]::"Theme"[])`);
  }
  if (f.updatedSince) where.push(sql`"updatedAt" >= (${f.updatedSince.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  if (search) {
    where.push(sql`to_tsvector('french', title || ' ' || context || ' ' || "whatWasDone" || ' ' || results || ' ' || lessons) @@ websearch_to_tsquery('french', ${search})`);
  }
  const page = await keysetIds(ctx.prisma, { table: raw('"PracticeReport"'), where, orderBy, first: args.first, after: args.after });
  const rows = await loadAll(ctx.loaders.reportById, page.ids);
  return rowsToConnection(rows, orderBy, page);
}

export async function getReport(ctx: RegistryContext, id: string): Promise<ReportRow | null> {
  if (!parseId(id)) throw badInput(`Invalid practice report id "${id}": expected <siren>:<slug>`, { field: 'id' });
  const row = await ctx.loaders.reportById.load(id);
  return row && canRead(ctx, row) ? row : null;
}

export async function createReport(ctx: RegistryContext, toolId: string, input: Record<string, unknown>): Promise<ReportRow> {
  const author = requirePublisher(ctx).label;
  requireOwnData(ctx, toolId, 'toolId');
  const tool = await ctx.prisma.aiTool.findUnique({ where: { id: toolId }, select: { id: true, state: true } });
  if (!tool) throw notFound(`No tool with id ${toolId}`, { field: 'toolId' });
  if (tool.state === 'ARCHIVED') throw conflict('The tool is archived: no new report can be attached to it', { field: 'toolId' });
  return workflow.createEntry(ctx, reportKind, workflow.parseNew(reportKind, input), author, toolId);
}

export const updateReport = (ctx: RegistryContext, id: string, patch: Record<string, unknown>) => workflow.editEntry(ctx, reportKind, id, patch);

/** A report is published after its tool. */
export const transitionReport = (ctx: RegistryContext, id: string, to: workflow.Transition, reason = '') =>
  workflow.transitionEntry(ctx, reportKind, id, to, reason, async (row) => {
    if (to !== 'publish') return;
    const tool = await ctx.prisma.aiTool.findUnique({ where: { id: row.toolId }, select: { state: true } });
    if (tool?.state !== 'PUBLISHED') throw conflict('Publish the tool before its practice reports', { field: 'id', toolId: row.toolId });
  });
