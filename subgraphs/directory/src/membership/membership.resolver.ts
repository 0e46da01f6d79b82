import { Arg, Args, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { HubAdminOnly } from '../auth';
import { Collectivite } from '../collectivite/collectivite';
import type { DirectoryContext } from '../context';
import type { Collectivite as CollectiviteRow, Membership as MembershipRow } from '../generated/prisma/client';
import { checkSiren, checkText } from '../shared/validate';
import { reactivateMember, recordMemberHealth, suspendMember } from './memberStatus';
import { MembershipStatus } from './membership';
import { MemberHealthArgs, RegisterMemberArgs, SuspendMemberArgs } from './membershipArgs';
import { registerMember } from './registerMember';

@Resolver()
export class MembershipResolver {
  @Query(() => [Collectivite], {
    description:
      'The members of BibIA with their membership (registry URL, status), sorted by name: what the gateway routes to. All members when `status` is omitted.',
  })
  async members(
    @Ctx() ctx: DirectoryContext,
    @Arg('status', () => [MembershipStatus], { nullable: true, description: 'Only members in one of these statuses.' })
    status: MembershipStatus[] | null,
  ): Promise<CollectiviteRow[]> {
    // Their memberships come through the per-request loader: one more query for all of them.
    return ctx.prisma.collectivite.findMany({
      where: { membership: status ? { is: { status: { in: status } } } : { isNot: null } },
      orderBy: [{ sortName: 'asc' }, { siren: 'asc' }],
    });
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => Collectivite, {
    description:
      "Hub admin: admits a collectivité of the directory as a member once its registry passes the conformance check (schema against the contract, then live probes). Refused with BAD_USER_INPUT whose `extensions.differences` lists every difference. Re-registering updates the URL; a suspended member stays suspended.",
  })
  async registerMember(
    @Ctx() ctx: DirectoryContext,
    @Args(() => RegisterMemberArgs) { siren, registryUrl }: RegisterMemberArgs,
  ): Promise<CollectiviteRow> {
    return this.answer(ctx, await registerMember(ctx, siren, registryUrl));
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => Collectivite, { description: 'Hub admin: stops routing to a member until `reactivateMember`.' })
  async suspendMember(
    @Ctx() ctx: DirectoryContext,
    @Args(() => SuspendMemberArgs) { siren, reason }: SuspendMemberArgs,
  ): Promise<CollectiviteRow> {
    const checkedSiren = checkSiren(siren, 'siren');
    const checkedReason = checkText(reason, 'reason', { max: 500 });
    return this.answer(ctx, await suspendMember(ctx.prisma, checkedSiren, checkedReason));
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => Collectivite, { description: 'Hub admin: routes to a suspended or unreachable member again.' })
  async reactivateMember(@Ctx() ctx: DirectoryContext, @Arg('siren', () => String) siren: string): Promise<CollectiviteRow> {
    return this.answer(ctx, await reactivateMember(ctx.prisma, checkSiren(siren, 'siren')));
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => Collectivite, {
    description:
      'Hub admin (the gateway): records one health check of a member. After 3 failures in a row an ACTIVE member turns UNREACHABLE; one success turns it ACTIVE again and sets `lastSeenAt`. A SUSPENDED member stays SUSPENDED.',
  })
  async recordMemberHealth(
    @Ctx() ctx: DirectoryContext,
    @Args(() => MemberHealthArgs) { siren, reachable }: MemberHealthArgs,
  ): Promise<CollectiviteRow> {
    const checked = checkSiren(siren, 'siren');
    const { membership, previousStatus } = await recordMemberHealth(ctx.prisma, checked, reachable, ctx.unreachableAfter);
    if (previousStatus !== membership.status) {
      ctx.logger.warn({ siren: checked, from: previousStatus, to: membership.status }, 'member status changed by health checks');
    }
    return this.answer(ctx, membership);
  }

  /** The member's collectivité, with the membership just written (not a cached one). */
  private async answer(ctx: DirectoryContext, membership: MembershipRow): Promise<CollectiviteRow> {
    ctx.loaders.membership.clear(membership.siren).prime(membership.siren, membership);
    const collectivite = await ctx.loaders.collectivite.load(membership.siren);
    return collectivite!;
  }
}
