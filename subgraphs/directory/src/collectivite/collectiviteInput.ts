import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A collectivité as the hub records it. `kind` is derived from `legalCategory`.' })
export class CollectiviteInput {
  @Field({ description: 'SIREN (9 digits, Luhn-valid). Creates the collectivité or replaces the one with this SIREN.' })
  siren!: string;

  @Field({ description: 'Official name, 1 to 200 characters.' })
  name!: string;

  @Field({ description: 'INSEE legal category, 4 digits (7210 commune, 7348 communauté d\'agglomération...).' })
  legalCategory!: string;

  @Field(() => String, { nullable: true, description: 'COG INSEE code (commune code, or département / région code).' })
  cogCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Département code ("62", "2A", "974"); sets the région when `region` is omitted.' })
  departement?: string | null;

  @Field(() => String, { nullable: true, description: 'Région code ("32"); must be the région of `departement` when both are given.' })
  region?: string | null;

  @Field(() => Int, { nullable: true, description: 'Population, 0 to 100,000,000.' })
  population?: number | null;

  @Field(() => String, { nullable: true, description: 'Official website, http or https.' })
  website?: string | null;
}
