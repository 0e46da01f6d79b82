import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Collectivite, RegistryStats } from './collectivite';
import { AiToolConnection } from '../aiTool/aiToolConnection';
import { PracticeReportConnection } from '../practiceReport/practiceReportConnection';
import type { RegistryContext } from '../context';
import { listTools } from '../aiTool/tools';
import { listReports } from '../practiceReport/reports';
import { registryStats } from './registryStats';
import { emptyConnection, pageSize } from '@bibia/kit';
import { AiToolsArgs } from '../aiTool/aiToolsArgs';
import { PracticeReportsArgs } from '../practiceReport/practiceReportsArgs';

/** What a member adds to a collectivité of the directory: its own registry, nothing for others. */
@Resolver(() => Collectivite)
export class CollectiviteResolver {
  @FieldResolver(() => AiToolConnection, { nullable: true, description: "The collectivité's tools (from its own registry)." })
  aiTools(@Root() c: Collectivite, @Args() args: AiToolsArgs, @Ctx() ctx: RegistryContext) {
    if (c.siren !== ctx.owner.siren) return (pageSize(args.first), emptyConnection());
    return listTools(ctx, args);
  }

  @FieldResolver(() => PracticeReportConnection, { nullable: true, description: "The collectivité's practice reports." })
  practiceReports(@Root() c: Collectivite, @Args() args: PracticeReportsArgs, @Ctx() ctx: RegistryContext) {
    if (c.siren !== ctx.owner.siren) return (pageSize(args.first), emptyConnection());
    return listReports(ctx, args);
  }

  @FieldResolver(() => RegistryStats, { nullable: true, description: "Figures of the collectivité's registry; null when it has none." })
  registryStats(@Root() c: Collectivite, @Ctx() ctx: RegistryContext) {
    return c.siren === ctx.owner.siren ? registryStats(ctx) : null;
  }
}
