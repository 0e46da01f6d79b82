import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MembershipStatus } from '../generated/prisma/enums';

export { MembershipStatus };

registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'Whether the gateway routes queries to a member registry.',
  valuesConfig: {
    ACTIVE: { description: 'Admitted and answering: queries are routed to it.' },
    SUSPENDED: { description: 'Suspended by the hub (see `statusReason`): not routed to, whatever its health.' },
    UNREACHABLE: {
      description: 'Failed several health checks in a row; turns ACTIVE again as soon as one succeeds.',
    },
  },
});

@ObjectType({ description: "A collectivité's membership of BibIA: the registry it runs and its state." })
export class Membership {
  @Field({ description: 'GraphQL endpoint of its registry (the contract `schema/registry.graphql`).' })
  registryUrl!: string;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => String, { nullable: true, description: 'Why the hub suspended the member; null unless SUSPENDED.' })
  statusReason!: string | null;

  @Field({ description: 'Version of the registry contract it conformed to when admitted.' })
  contractVersion!: string;

  @Field(() => DateTimeResolver, { description: 'When the hub admitted it.' })
  admittedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last time its registry answered the hub or the gateway.' })
  lastSeenAt!: Date | null;

  @Field(() => Int, { description: 'Failed health checks since the last success.' })
  consecutiveFailures!: number;
}
