import { badInput, conflict, emptyConnection, notFound, pageSize, type Connection } from '@bibia/kit';
import { Prisma, type PracticeReport as ReportRow } from '../generated/prisma/client';
import type { RegistryContext } from '../context';
import { canSee, isPublisher, requireOwnData, requirePublisher } from '../context';
import { makeId, parseId, slugify, sortKey } from '../domain/ids';
import { parseOrThrow, reportRecordSchema, withoutNulls, type ReportRecord } from '../domain/records';
import type { PracticeReportFilter } from '../schema/inputs';
import { AiToolOrder, EntityType } from '../schema/enums';
import { keysetIds, raw, rowsToConnection, searchText, sql, type Sql } from './keysetPage';
import { ownerMatches, visibleStates } from './tools';
import * as workflow from './workflow';

function columns(rec: ReportRecord) {
  const { slug: _slug, reportDate, ...rest } = rec;
  return { ...rest, sortName: sortKey(rec.title), reportDate: new Date(`${reportDate}T00:00:00Z`) };
}

export const reportKind: workflow.EntryKind<ReportRow, ReportRecord> = {
  entityType: EntityType.PRACTICE_REPORT,
  label: 'practice report',
  find: (db, id) => db.practiceReport.findUnique({ where: { id } }),
  record: (row) => ({
    slug: row.slug, title: row.title, reportDate: row.reportDate.toISOString().slice(0, 10), authorRole: row.authorRole,
    visibility: row.visibility, context: row.context, whatWasDone: row.whatWasDone, results: row.results,
    indicators: row.indicators as ReportRecord['indicators'], costs: row.costs, lessons: row.lessons, ethics: row.ethics,
    staffConsulted: row.staffConsulted, staffTraining: row.staffTraining, jobImpact: row.jobImpact, socialDialogue: row.socialDialogue,
  }),
  update: (tx, id, rec, wf) =>
    tx.practiceReport.update({
      where: { id },
      data: { ...(rec ? columns(rec) : {}), ...wf, ...('pendingDraft' in wf && wf.pendingDraft === null ? { pendingDraft: Prisma.DbNull } : {}) },
    }),
  addVersion: (tx, v) =>
    tx.practiceReportVersion.create({ data: { reportId: v.id, number: v.number, state: v.state, change: v.change, data: v.data, note: v.note, author: v.author } }),
};

/** Reports for partners only are shown to the publishers of this registry. */
export function canRead(ctx: RegistryContext, row: ReportRow): boolean {
  return canSee(ctx, row.state) && (row.visibility === 'PUBLIC' || isPublisher(ctx));
}

export async function listReports(
  ctx: RegistryContext,
  args: { filter?: PracticeReportFilter; orderBy?: AiToolOrder; first?: number; after?: string },
): Promise<Connection<ReportRow>> {
  const f = args.filter ?? {};
  const orderBy = args.orderBy ?? AiToolOrder.RECENT;
  const states = visibleStates(ctx, f.states);
  pageSize(args.first);
  if (!ownerMatches(ctx, f)) return emptyConnection();
  const where: Sql[] = [sql`state = ANY(ARRAY[${Prisma.join(states)}]::"PublicationState"[])`];
  if (!isPublisher(ctx)) where.push(sql`visibility = 'PUBLIC'`);
  if (f.toolId) where.push(sql`"toolId" = ${f.toolId}`);
  if (f.themes?.length) {
    where.push(sql`"toolId" IN (SELECT id FROM "AiTool" WHERE themes && ARRAY[${Prisma.join(f.themes)}]::"Theme"[])`);
  }
  if (f.updatedSince) where.push(sql`"updatedAt" >= (${f.updatedSince.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  const search = searchText(f.search);
  if (search) {
    where.push(sql`to_tsvector('french', title || ' ' || context || ' ' || "whatWasDone" || ' ' || results || ' ' || lessons) @@ websearch_to_tsquery('french', ${search})`);
  }
  const page = await keysetIds(ctx.prisma, { table: raw('"PracticeReport"'), where, orderBy, first: args.first, after: args.after });
  const rows = (await ctx.loaders.reportById.loadMany(page.ids)).filter((r): r is ReportRow => !!r && !(r instanceof Error));
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
  const candidate = withoutNulls(input);
  if (!candidate.slug && typeof candidate.title === 'string') candidate.slug = slugify(candidate.title);
  const rec = parseOrThrow(reportRecordSchema, candidate, 'practice report');
  const id = makeId(ctx.owner.siren, rec.slug);
  return ctx.prisma.$transaction(async (tx) => {
    if (await tx.practiceReport.findUnique({ where: { id }, select: { id: true } })) {
      throw conflict(`A practice report with id ${id} already exists: choose another slug`, { field: 'slug', id });
    }
    const row = await tx.practiceReport.create({ data: { id, slug: rec.slug, toolId, ...columns(rec) } });
    await reportKind.addVersion(tx, { id, number: 1, state: 'DRAFT', change: 'CREATED', data: rec, note: '', author });
    return row;
  });
}

async function editable(ctx: RegistryContext, id: string) {
  requirePublisher(ctx);
  requireOwnData(ctx, id, 'id');
  return workflow.findVisible(ctx, reportKind, id);
}

export async function updateReport(ctx: RegistryContext, id: string, patch: Record<string, unknown>): Promise<ReportRow> {
  const author = requirePublisher(ctx).label;
  const row = await editable(ctx, id);
  const changes = withoutNulls(patch);
  if (changes.slug !== undefined && changes.slug !== row.slug) throw badInput('The slug, part of the id, cannot change', { field: 'slug' });
  const base = (row.pendingDraft as ReportRecord | null) ?? reportKind.record(row);
  const rec = parseOrThrow(reportRecordSchema, { ...base, ...changes, slug: row.slug }, 'practice report');
  return ctx.prisma.$transaction((tx) => workflow.saveEdit(tx, reportKind, row, rec, author));
}

export async function transitionReport(ctx: RegistryContext, id: string, to: 'publish' | 'withdraw' | 'archive', reason = ''): Promise<ReportRow> {
  const author = requirePublisher(ctx).label;
  const row = await editable(ctx, id);
  if (to === 'publish') {
    const tool = await ctx.prisma.aiTool.findUnique({ where: { id: row.toolId }, select: { state: true } });
    if (tool?.state !== 'PUBLISHED') throw conflict('Publish the tool before its practice reports', { field: 'id', toolId: row.toolId });
  }
  return ctx.prisma.$transaction((tx) => {
    if (to === 'publish') return workflow.publish(tx, reportKind, row, author);
    if (to === 'withdraw') return workflow.withdraw(tx, reportKind, row, reason, author);
    return workflow.archive(tx, reportKind, row, author);
  });
}
