import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum PartnerStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(PartnerStatus, {
  name: 'PartnerStatus',
  description: 'Whether a partner credential is accepted.',
  valuesConfig: {
    ACTIVE: { description: 'Accepted by the gateway and the members until `expiresAt`.' },
    EXPIRED: { description: 'Past `expiresAt`: refused everywhere.' },
    REVOKED: { description: 'Revoked by the hub: refused by the gateway and the members within a minute.' },
  },
});

@ObjectType({ description: 'Hub admin: a partner of BibIA (a State service, researchers, journalists...) and its credential, which shows reports kept for partners.' })
export class Partner {
  @Field(() => ID, { description: 'Partner id: the `sub` of its credential.' })
  id!: string;

  @Field({ description: 'Who holds the credential.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Organisation of the partner.' })
  organisation!: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail address.' })
  contactEmail!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the hub issued the credential.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When the credential expires.' })
  expiresAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the hub revoked it; null while it is not revoked.' })
  revokedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last time the hub saw it used (not recorded yet: null).' })
  lastSeenAt!: Date | null;
}

@ObjectType({ description: 'A partner credential just issued: `credential` is shown this once and never stored.' })
export class IssuedPartnerCredential {
  @Field(() => Partner)
  partner!: Partner;

  @Field({ description: 'The credential (a JWT signed by the hub): send it as `Authorization: Bearer <credential>`. Shown once.' })
  credential!: string;
}
