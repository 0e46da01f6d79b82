import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Collectivite, RegistryStats } from '../schema/Collectivite';
import { AiToolConnection, PracticeReportConnection } from '../schema/connections';
import type { RegistryContext } from '../context';
import { listTools } from '../services/tools';
import { listReports } from '../services/reports';
import { registryStats } from '../services/stats';
import { emptyConnection, pageSize } from '@bibia/kit';
import { AiToolsArgs } from './AiToolResolver';
import { PracticeReportsArgs } from './PracticeReportResolver';

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
