import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CollectiviteKind } from '../generated/prisma/enums';

export { CollectiviteKind };

registerEnumType(CollectiviteKind, {
  name: 'CollectiviteKind',
  description: 'What kind of collectivité this is, derived from its INSEE legal category (`legalCategory`).',
  valuesConfig: {
    COMMUNE: { description: 'Commune (legal category 7210).' },
    COMMUNAUTE_DE_COMMUNES: { description: 'Communauté de communes (7346).' },
    COMMUNAUTE_D_AGGLOMERATION: { description: "Communauté d'agglomération (7348)." },
    COMMUNAUTE_URBAINE: { description: 'Communauté urbaine (7343).' },
    METROPOLE: { description: 'Métropole (7344).' },
    DEPARTEMENT: { description: 'Département (7220).' },
    REGION: { description: 'Région (7230).' },
    SYNDICAT: { description: 'Syndicat intercommunal or syndicat mixte (7345, 7353, 7354, 7355).' },
    OTHER: { description: 'Any other public body (another legal category).' },
  },
});

/**
 * A French local authority. The directory owns its identity; member registries contribute its
 * AI tools and practice reports.
 */
@Directive('@key(fields: "siren")')
@ObjectType({
  description:
    'A French local authority (collectivité territoriale or grouping of them). The hub directory owns its identity and membership; each member registry adds its own AI tools and practice reports.',
})
export class Collectivite {
  @Field(() => String, { description: 'SIREN: 9 digits, the last one a Luhn check digit. Never changes.' })
  siren!: string;

  @Field({ description: 'Official name, e.g. "Commune d\'Arras".' })
  name!: string;

  @Field(() => CollectiviteKind, { description: 'Kind, derived from the INSEE legal category.' })
  kind!: CollectiviteKind;

  @Field({ description: 'INSEE legal category code (catégorie juridique), 4 digits, e.g. "7348" for a communauté d\'agglomération.' })
  legalCategory!: string;

  @Field(() => String, {
    nullable: true,
    description: 'COG INSEE code: the commune code (5 characters) of a commune, the département or région code of those; null for groupings.',
  })
  cogCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the département it lies in, e.g. "62"; null for a région.' })
  departement!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the région it lies in, e.g. "32" for Hauts-de-France.' })
  region!: string | null;

  @Field(() => Int, { nullable: true, description: 'Population (INSEE legal population, rounded), when known.' })
  population!: number | null;

  @Field(() => String, { nullable: true, description: 'Official website.' })
  website!: string | null;

  @Field(() => [String], { description: 'Postal codes of a commune (from the administrative reference); empty for others.' })
  postalCodes!: string[];
}
