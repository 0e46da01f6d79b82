import { Field, InputType } from 'type-graphql';
import { MembershipStatus } from '../membership/membership';
import { CollectiviteKind } from './collectivite';

@InputType({ description: 'Narrows `collectivites`; all given fields must match (AND).' })
export class CollectiviteFilter {
  @Field(() => CollectiviteKind, { nullable: true, description: 'Only this kind.' })
  kind?: CollectiviteKind | null;

  @Field(() => String, { nullable: true, description: 'Only collectivités of this département code, e.g. "62".' })
  departement?: string | null;

  @Field(() => String, { nullable: true, description: 'Only collectivités of this région code, e.g. "32".' })
  region?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only members of BibIA; false: only non-members.' })
  memberOnly?: boolean | null;

  @Field(() => MembershipStatus, { nullable: true, description: 'Only members in this status (implies members only).' })
  memberStatus?: MembershipStatus | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A SIREN (9 digits), an INSEE commune code or a postal code ("62041", "62000"), or words that each start a word of the name, ignoring case, accents and punctuation ("bethune bru" finds "Béthune-Bruay").',
  })
  search?: string | null;
}
