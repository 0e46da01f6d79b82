import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { HubAdminOnly } from '../auth';
import { Collectivite } from '../collectivite/collectivite';
import type { DirectoryContext } from '../context';
import type { MembershipRequest as MembershipRequestRow } from '../generated/prisma/client';
import { MembershipRequest, MembershipRequestInput, MembershipRequestStatus } from './membershipRequest';
import { approveMembershipRequest, listMembershipRequests, rejectMembershipRequest, requestMembership } from './membershipRequests';

/** Joining BibIA: a collectivité asks (docs/joining.md), the hub admin approves or rejects. */
@Resolver(() => MembershipRequest)
export class MembershipRequestResolver {
  @Mutation(() => MembershipRequest, {
    description:
      "Asks the hub to admit a collectivité of the directory, whose registry answers at `input.registryUrl` (what `npm run registry -- join` sends). Anyone may ask; the hub admin checks the contact, then approves (the conformance check runs then) or rejects. One pending request per SIREN (CONFLICT), none for a member (CONFLICT).",
  })
  requestMembership(@Ctx() ctx: DirectoryContext, @Arg('input', () => MembershipRequestInput) input: MembershipRequestInput) {
    return requestMembership(ctx, input);
  }

  @UseMiddleware(HubAdminOnly)
  @Query(() => [MembershipRequest], { description: 'Hub admin: requests to join, newest first (at most 200); all statuses when `status` is omitted.' })
  membershipRequests(
    @Ctx() ctx: DirectoryContext,
    @Arg('status', () => [MembershipRequestStatus], { nullable: true, description: 'Only requests in one of these statuses.' })
    status: MembershipRequestStatus[] | null,
  ) {
    return listMembershipRequests(ctx, status);
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => MembershipRequest, {
    description:
      'Hub admin: approves a pending request, admitting the collectivité as `registerMember` does (same conformance check: a registry that fails leaves the request PENDING and the error lists every difference).',
  })
  approveMembershipRequest(@Ctx() ctx: DirectoryContext, @Arg('id', () => String) id: string) {
    return approveMembershipRequest(ctx, id);
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => MembershipRequest, { description: 'Hub admin: rejects a pending request, saying why (1 to 500 characters).' })
  rejectMembershipRequest(@Ctx() ctx: DirectoryContext, @Arg('id', () => String) id: string, @Arg('reason', () => String, { description: 'Why, 1 to 500 characters: kept with the request.' }) reason: string) {
    return rejectMembershipRequest(ctx, id, reason);
  }

  @FieldResolver(() => Collectivite, { description: 'The collectivité asking to join.' })
  async collectivite(@Root() request: MembershipRequestRow, @Ctx() ctx: DirectoryContext) {
    return ctx.loaders.collectivite.load(request.siren);
  }
}
