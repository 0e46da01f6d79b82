import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AiTool as AiToolRow } from '../generated/prisma/client';
import { AiTool, Provider } from './aiTool';
import { EntryVersion } from '../shared/entryVersion';
import { PracticeReport } from '../practiceReport/practiceReport';
import { Collectivite } from '../collectivite/collectivite';
import { AiProduct } from '../aiProduct/aiProduct';
import type { Connection } from '@bibia/kit';
import { AiToolConnection } from './aiToolConnection';
import { AiToolsArgs } from './aiToolsArgs';
import { isPublisher, type RegistryContext } from '../context';
import { getTool, listTools } from './tools';
import { canRead } from '../practiceReport/reports';
import { Completeness, completenessOf } from './completeness';

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

  @FieldResolver(() => Completeness, { description: 'How much of the entry is filled in; what is missing is "non renseigné", never assumed.' })
  completeness(@Root() tool: AiToolRow): Completeness {
    return completenessOf(tool);
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
