import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { HubAdminOnly } from '../auth';
import type { DirectoryContext } from '../context';
import type { Partner as PartnerRow } from '../generated/prisma/client';
import { IssuedPartnerCredential, Partner, PartnerStatus } from './partner';
import { issuePartnerCredential, listPartners, partnerStatus, revokePartnerCredential } from './partnerCredentials';
import { IssuePartnerCredentialInput } from './partnerInput';

@Resolver(() => Partner)
export class PartnerResolver {
  @UseMiddleware(HubAdminOnly)
  @Query(() => [Partner], { description: 'Hub admin: every partner and the state of its credential, newest first (never the credentials).' })
  partnerCredentials(@Ctx() ctx: DirectoryContext): Promise<PartnerRow[]> {
    return listPartners(ctx.prisma);
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => IssuedPartnerCredential, {
    description:
      'Hub admin: records a partner and issues its credential, a JWT signed by the hub key that shows reports kept for partners (through the gateway and at every member). The credential is in this answer only. FORBIDDEN when the hub has no signing key.',
  })
  issuePartnerCredential(
    @Ctx() ctx: DirectoryContext,
    @Arg('input', () => IssuePartnerCredentialInput) input: IssuePartnerCredentialInput,
  ): Promise<{ partner: PartnerRow; credential: string }> {
    return issuePartnerCredential(ctx, input);
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => Partner, { description: 'Hub admin: revokes a partner credential; the gateway and the members refuse it within a minute.' })
  revokePartnerCredential(@Ctx() ctx: DirectoryContext, @Arg('id', () => ID) id: string): Promise<PartnerRow> {
    return revokePartnerCredential(ctx, id);
  }

  @FieldResolver(() => PartnerStatus, { description: 'Whether the credential is accepted: ACTIVE, EXPIRED or REVOKED.' })
  status(@Root() partner: PartnerRow): PartnerStatus {
    return partnerStatus(partner);
  }
}
