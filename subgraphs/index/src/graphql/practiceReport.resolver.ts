import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '@bibia/kit';
import { AiTool, AiToolOrder, Collectivite, PracticeReport, PracticeReportConnection } from '@bibia/registry/contract';
import { IndexPracticeReportsArgs } from './indexArgs';
import { keysetPage } from '../reading/keyset';
import { reportConditions } from '../reading/filters';
import type { IndexContext, ReportNode, ToolNode } from '../reading/context';

@Resolver(() => PracticeReport)
export class IndexPracticeReportResolver {
  @Query(() => PracticeReportConnection, { description: 'Published public practice reports of every member, filtered, sorted, one page at a time.' })
  practiceReports(@Args() args: IndexPracticeReportsArgs, @Ctx() ctx: IndexContext): Promise<Connection<ReportNode>> {
    const { where, search } = reportConditions(ctx.members, args.filter);
    return keysetPage<ReportNode>(ctx.prisma, ctx.totals, {
      table: 'IndexedReport',
      where,
      orderBy: args.orderBy ?? AiToolOrder.RECENT,
      search,
      ranked: args.ranked,
      first: args.first,
      after: args.after,
    });
  }

  @FieldResolver(() => AiTool, { nullable: true, description: 'The tool the report is about (null when the index does not hold it: withdrawn).' })
  tool(@Root() report: ReportNode, @Ctx() ctx: IndexContext): Promise<ToolNode | null> {
    return ctx.loaders.toolById.load(report.toolId);
  }

  @FieldResolver(() => Collectivite, { description: 'The collectivité that publishes the report.' })
  collectivite(@Root() report: ReportNode): Collectivite {
    return { siren: report.siren };
  }
}
