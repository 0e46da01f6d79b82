import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { HubAdminOnly } from '../auth';
import type { DirectoryContext } from '../context';
import type { Collectivite as CollectiviteRow } from '../generated/prisma/client';
import { Membership } from '../membership/membership';
import { departementName, regionName } from '../shared/geo';
import { checkSiren } from '../shared/validate';
import { Collectivite } from './collectivite';
import { CollectiviteConnection } from './collectiviteConnection';
import { CollectiviteInput } from './collectiviteInput';
import { CollectivitesArgs } from './collectivitesArgs';
import { findCollectivites } from './findCollectivites';
import { upsertCollectivite } from './upsertCollectivite';

@Resolver(() => Collectivite)
export class CollectiviteResolver {
  @Query(() => CollectiviteConnection, {
    description: 'Collectivités known to the directory, members or not, sorted by name then SIREN.',
  })
  collectivites(@Ctx() ctx: DirectoryContext, @Args(() => CollectivitesArgs) { filter, first, after }: CollectivitesArgs) {
    return findCollectivites(ctx.prisma, { filter, first, after });
  }

  @Query(() => Collectivite, { nullable: true, description: 'The collectivité with this SIREN; null when the directory does not know it.' })
  collectivite(@Ctx() ctx: DirectoryContext, @Arg('siren', () => String) siren: string) {
    return ctx.loaders.collectivite.load(checkSiren(siren, 'siren'));
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => Collectivite, {
    description: 'Hub admin: creates a collectivité or replaces the one with the same SIREN (its membership is kept).',
  })
  upsertCollectivite(@Ctx() ctx: DirectoryContext, @Arg('input', () => CollectiviteInput) input: CollectiviteInput) {
    return upsertCollectivite(ctx.prisma, input);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the département, e.g. "Pas-de-Calais".' })
  departementName(@Root() c: CollectiviteRow): string | null {
    return departementName(c.departement);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the région, e.g. "Hauts-de-France".' })
  regionName(@Root() c: CollectiviteRow): string | null {
    return regionName(c.region);
  }

  @FieldResolver(() => Collectivite, {
    nullable: true,
    description: "The intercommunalité (EPCI à fiscalité propre) a commune belongs to, per the administrative reference; null otherwise.",
  })
  intercommunalite(@Root() c: CollectiviteRow, @Ctx() ctx: DirectoryContext) {
    return c.epciSiren ? ctx.loaders.collectivite.load(c.epciSiren) : null;
  }

  @FieldResolver(() => Membership, {
    nullable: true,
    description: 'Its membership of BibIA: where its registry is and how it is doing. Null for a non-member.',
  })
  membership(@Root() c: CollectiviteRow, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.membership.load(c.siren);
  }
}
