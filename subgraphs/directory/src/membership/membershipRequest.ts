import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MembershipRequestStatus } from '../generated/prisma/enums';

export { MembershipRequestStatus };

registerEnumType(MembershipRequestStatus, {
  name: 'MembershipRequestStatus',
  description: 'Where a request to join BibIA stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the hub admin.' },
    APPROVED: { description: 'Approved: its registry passed the conformance check and the collectivité is a member.' },
    REJECTED: { description: 'Rejected by the hub admin (see `decisionReason`).' },
  },
});

@ObjectType({ description: "A collectivité's request to join BibIA, sent by its registry (`requestMembership`)." })
export class MembershipRequest {
  @Field(() => ID, { description: 'What the hub admin approves or rejects.' })
  id!: string;

  @Field({ description: 'SIREN of the collectivité asking to join.' })
  siren!: string;

  @Field({ description: 'GraphQL endpoint of its registry, as the hub will call it.' })
  registryUrl!: string;

  @Field(() => String, { nullable: true, description: 'Who to contact at the collectivité.' })
  contactName!: string | null;

  @Field({ description: 'E-mail address of that contact: the hub admin checks the request with it.' })
  contactEmail!: string;

  @Field(() => String, { nullable: true, description: 'A word for the hub admin.' })
  message!: string | null;

  @Field(() => MembershipRequestStatus)
  status!: MembershipRequestStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; null otherwise.' })
  decisionReason!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the hub received it.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the hub admin approved or rejected it.' })
  decidedAt!: Date | null;
}

@InputType({ description: 'A request to join BibIA: which collectivité, where its registry answers, who to contact.' })
export class MembershipRequestInput {
  @Field({ description: 'SIREN of a collectivité of the directory (every commune and intercommunalité of the administrative reference is).' })
  siren!: string;

  @Field({ description: 'Public GraphQL endpoint of its registry, https (the hub must reach it).' })
  registryUrl!: string;

  @Field({ description: 'E-mail address of a contact at the collectivité, at most 254 characters.' })
  contactEmail!: string;

  @Field(() => String, { nullable: true, description: 'Name of that contact, at most 200 characters.' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'A word for the hub admin, at most 1,000 characters.' })
  message?: string | null;
}
