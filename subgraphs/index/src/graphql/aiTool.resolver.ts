import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '@bibia/kit';
import { AiProduct, AiTool, AiToolConnection, AiToolOrder, Collectivite, PracticeReport, Provider } from '@bibia/registry/contract';
import { IndexAiToolsArgs } from './indexArgs';
import { keysetPage } from '../reading/keyset';
import { toolConditions } from '../reading/filters';
import type { IndexContext, ReportNode, ToolNode } from '../reading/context';

/** The contract's `aiTools`, for every member at once, with the registry's own types. */
@Resolver(() => AiTool)
export class IndexAiToolResolver {
  @Query(() => AiToolConnection, { description: 'Published tools of every member, filtered, sorted, one page at a time (cursors as in live fan-out).' })
  aiTools(@Args() args: IndexAiToolsArgs, @Ctx() ctx: IndexContext): Promise<Connection<ToolNode>> {
    const { where, search } = toolConditions(ctx.members, args.filter);
    return keysetPage<ToolNode>(ctx.prisma, ctx.totals, {
      table: 'IndexedTool',
      where,
      orderBy: args.orderBy ?? AiToolOrder.NAME,
      search,
      ranked: args.ranked,
      first: args.first,
      after: args.after,
    });
  }

  @FieldResolver(() => Collectivite, { description: 'The collectivité that uses the tool and publishes this entry.' })
  collectivite(@Root() tool: ToolNode): Collectivite {
    return { siren: tool.siren };
  }

  @FieldResolver(() => AiProduct, { nullable: true, description: 'The product of the shared catalogue this tool is an instance of.' })
  product(@Root() tool: ToolNode): AiProduct | null {
    return tool.productId ? { id: tool.productId } : null;
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'Who provides the tool.' })
  provider(@Root() tool: ToolNode): Provider | null {
    return tool.providerName ? { name: tool.providerName, siren: tool.providerSiren } : null;
  }

  @FieldResolver(() => [PracticeReport], { description: 'Published public practice reports on this tool, newest first.' })
  practiceReports(@Root() tool: ToolNode, @Ctx() ctx: IndexContext): Promise<ReportNode[]> {
    return ctx.loaders.reportsByToolId.load(tool.id);
  }
}
