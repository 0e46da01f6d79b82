import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput, isValidSiren } from '@bibia/kit';
import { Registry } from './registry';
import { ChangeConnection } from './changeConnection';
import type { RegistryContext } from '../context';
import { CONTRACT_VERSION } from '../shared/ids';
import { registryStats } from '../collectivite/registryStats';
import { listChanges } from './changes';

@Resolver(() => Registry)
export class RegistryResolver {
  @Query(() => Registry, { nullable: true, description: "This member's registry, when `siren` is its owner's; null otherwise. Through the hub, the registry of that collectivité." })
  async registry(@Arg('siren', () => String) siren: string, @Ctx() ctx: RegistryContext): Promise<Registry | null> {
    if (!isValidSiren(siren)) throw badInput(`Invalid SIREN "${siren}": 9 digits with a valid check digit expected`, { field: 'siren' });
    if (siren !== ctx.owner.siren) return null;
    const stats = await registryStats(ctx);
    return {
      siren,
      name: ctx.owner.name,
      owner: { siren },
      contractVersion: CONTRACT_VERSION,
      toolCount: stats.toolCount,
      reportCount: stats.reportCount,
      lastUpdatedAt: stats.lastUpdatedAt,
    };
  }

  @Query(() => ChangeConnection, { description: 'What was published, updated, withdrawn or archived after `since`, oldest first: the feed harvesters follow.' })
  changes(
    @Arg('since', () => Date) since: Date,
    @Arg('first', () => Int, { defaultValue: 100, description: '1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RegistryContext,
  ) {
    return listChanges(ctx, since, first, after);
  }
}
