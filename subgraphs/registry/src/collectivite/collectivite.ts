import { Directive, Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "Figures of a collectivité's registry (public entries only)." })
export class RegistryStats {
  @Field(() => Int, { description: 'Published tools.' })
  toolCount!: number;

  @Field(() => Int, { description: 'Published tools in regular use.' })
  operationalToolCount!: number;

  @Field(() => Int, { description: 'Published public practice reports.' })
  reportCount!: number;

  @Field(() => Date, { nullable: true, description: 'Last time a public entry changed.' })
  lastUpdatedAt!: Date | null;
}

@Directive('@key(fields: "siren")')
@ObjectType({ description: 'A collectivité. Its identity comes from the hub directory; its member registry contributes its tools and reports.' })
export class Collectivite {
  @Field({ description: 'SIREN (9 digits).' })
  siren!: string;
}
