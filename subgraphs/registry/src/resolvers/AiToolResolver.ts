import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { AiTool as AiToolRow } from '../generated/prisma/client';
import { AiTool, EntryVersion, Provider } from '../schema/AiTool';
import { PracticeReport } from '../schema/PracticeReport';
import { Collectivite } from '../schema/Collectivite';
import { AiProduct } from '../schema/AiProduct';
import type { Connection } from '@bibia/kit';
import { AiToolConnection } from '../schema/connections';
import { AiToolFilter } from '../schema/inputs';
import { AiToolOrder } from '../schema/enums';
import { isPublisher, type RegistryContext } from '../context';
import { getTool, listTools } from '../services/tools';
import { canRead } from '../services/reports';

@ArgsType()
export class AiToolsArgs {
  @Field(() => AiToolFilter, { nullable: true })
  filter?: AiToolFilter;

  @Field(() => AiToolOrder, { defaultValue: AiToolOrder.NAME })
  orderBy!: AiToolOrder;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string;
}

@Resolver(() => AiTool)
export class AiToolResolver {
  @Query(() => AiToolConnection, { description: 'Tools of the registry, filtered, sorted, one page at a time.' })
  aiTools(@Args() args: AiToolsArgs, @Ctx() ctx: RegistryContext): Promise<Connection<AiToolRow>> {
    return listTools(ctx, args);
  }

  @Query(() => AiTool, { nullable: true, description: 'One tool by id (published, withdrawn or archived; drafts for publishers).' })
  aiTool(@Arg('id', () => ID) id: string, @Ctx() ctx: RegistryContext): Promise<AiToolRow | null> {
    return getTool(ctx, id);
  }

  @FieldResolver(() => Collectivite, { description: 'The collectivité that uses the tool and publishes this entry.' })
  collectivite(@Ctx() ctx: RegistryContext): Collectivite {
    return { siren: ctx.owner.siren };
  }

  @FieldResolver(() => AiProduct, { nullable: true, description: 'The product of the shared catalogue this tool is an instance of.' })
  product(@Root() tool: AiToolRow): AiProduct | null {
    return tool.productId ? { id: tool.productId } : null;
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'Who provides the tool.' })
  provider(@Root() tool: AiToolRow): Provider | null {
    return tool.providerName ? { name: tool.providerName, siren: tool.providerSiren } : null;
  }

  @FieldResolver(() => [PracticeReport], { description: 'Practice reports on this tool that the caller may read, newest first.' })
  async practiceReports(@Root() tool: AiToolRow, @Ctx() ctx: RegistryContext) {
    const reports = await ctx.loaders.reportsByToolId.load(tool.id);
    return reports.filter((r) => canRead(ctx, r) && (r.state === 'PUBLISHED' || isPublisher(ctx)));
  }

  @FieldResolver(() => [EntryVersion], { description: 'Version history, oldest first. Draft versions are shown to publishers only.' })
  versions(@Root() tool: AiToolRow, @Ctx() ctx: RegistryContext) {
    return ctx.prisma.aiToolVersion.findMany({
      where: { toolId: tool.id, ...(isPublisher(ctx) ? {} : { state: { not: 'DRAFT' } }) },
      orderBy: { number: 'asc' },
    });
  }

  @FieldResolver(() => EntryVersion, {
    nullable: true,
    description: 'Changes saved on a public tool and not yet published (publishers only; null for others).',
  })
  pendingChanges(@Root() tool: AiToolRow, @Ctx() ctx: RegistryContext): EntryVersion | null {
    if (!isPublisher(ctx) || !tool.pendingDraft) return null;
    return { number: tool.version + 1, state: 'DRAFT', change: 'UPDATED', note: '', createdAt: tool.updatedAt, data: tool.pendingDraft as Record<string, unknown> };
  }
}
