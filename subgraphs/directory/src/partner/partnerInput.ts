import { Field, InputType, Int } from 'type-graphql';

/** Default lifetime of a partner credential, in days. */
export const DEFAULT_PARTNER_DAYS = 365;
/** Longest lifetime of a partner credential, in days (3 years). */
export const MAX_PARTNER_DAYS = 1095;

@InputType({ description: 'A partner credential to issue.' })
export class IssuePartnerCredentialInput {
  @Field({ description: 'Who holds the credential, 1 to 200 characters (put in the credential).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Organisation, at most 200 characters (put in the credential).' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail address (kept by the hub, not put in the credential).' })
  contactEmail?: string | null;

  @Field(() => Int, { nullable: true, description: `Lifetime in days, 1 to ${MAX_PARTNER_DAYS}; default ${DEFAULT_PARTNER_DAYS}.` })
  expiresInDays?: number | null;
}
