import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { PracticeReport as ReportRow } from '../generated/prisma/client';
import { PracticeReport } from './practiceReport';
import { AiTool } from '../aiTool/aiTool';
import { EntryVersion } from '../shared/entryVersion';
import { Collectivite } from '../collectivite/collectivite';
import type { Connection } from '@bibia/kit';
import { PracticeReportConnection } from './practiceReportConnection';
import { PracticeReportsArgs } from './practiceReportsArgs';
import { canSee, isPublisher, type RegistryContext } from '../context';
import { getReport, listReports } from './reports';

@Resolver(() => PracticeReport)
export class PracticeReportResolver {
  @Query(() => PracticeReportConnection, { description: 'Practice reports, filtered, sorted, one page at a time.' })
  practiceReports(@Args() args: PracticeReportsArgs, @Ctx() ctx: RegistryContext): Promise<Connection<ReportRow>> {
    return listReports(ctx, args);
  }

  @Query(() => PracticeReport, { nullable: true, description: 'One practice report by id.' })
  practiceReport(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext): Promise<ReportRow | null> {
    return getReport(ctx, id);
  }

  @FieldResolver(() => AiTool, { nullable: true, description: 'The tool the report is about.' })
  async tool(@Root() report: ReportRow, @Ctx() ctx: RegistryContext) {
    const tool = await ctx.loaders.toolById.load(report.toolId);
    return tool && canSee(ctx, tool.state) ? tool : null;
  }

  @FieldResolver(() => Collectivite, { description: 'The collectivité that publishes the report.' })
  collectivite(@Ctx() ctx: RegistryContext): Collectivite {
    return { siren: ctx.owner.siren };
  }

  @FieldResolver(() => [EntryVersion], { description: 'Version history, oldest first. Draft versions are shown to publishers only.' })
  versions(@Root() report: ReportRow, @Ctx() ctx: RegistryContext) {
    return ctx.prisma.practiceReportVersion.findMany({
      where: { reportId: report.id, ...(isPublisher(ctx) ? {} : { state: { not: 'DRAFT' } }) },
      orderBy: { number: 'asc' },
    });
  }

  @FieldResolver(() => EntryVersion, { nullable: true, description: 'Unpublished changes of a public report (publishers only).' })
  pendingChanges(@Root() report: ReportRow, @Ctx() ctx: RegistryContext): EntryVersion | null {
    if (!isPublisher(ctx) || !report.pendingDraft) return null;
    return { number: report.version + 1, state: 'DRAFT', change: 'UPDATED', note: '', createdAt: report.updatedAt, data: report.pendingDraft as Record<string, unknown> };
  }
}
