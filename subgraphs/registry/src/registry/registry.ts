import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Collectivite } from '../collectivite/collectivite';
import { ChangeKind, EntityType } from '../shared/enums';

@ObjectType({ description: 'A member registry: who owns it and what it holds.' })
export class Registry {
  @Field({ description: 'SIREN of the owner.' })
  siren!: string;

  @Field({ description: 'Name of the owner as the registry knows it (the directory is authoritative).' })
  name!: string;

  @Field(() => Collectivite, { description: 'The owner.' })
  owner!: Collectivite;

  @Field({ description: 'Version of the contract (schema/registry.graphql) this registry implements.' })
  contractVersion!: string;

  @Field(() => Int, { description: 'Published tools.' })
  toolCount!: number;

  @Field(() => Int, { description: 'Published public practice reports.' })
  reportCount!: number;

  @Field(() => Date, { nullable: true, description: 'Last time a public entry changed.' })
  lastUpdatedAt!: Date | null;
}

@ObjectType({ description: 'One public change, for harvesters that keep a copy of the library.' })
export class Change {
  @Field(() => ID, { description: 'Unique id of the change, `<siren>:change:<sequence>`.' })
  id!: string;

  @Field(() => EntityType, { description: 'Kind of entry that changed.' })
  entityType!: EntityType;

  @Field(() => ID, { description: 'Id of the tool or report that changed.' })
  entityId!: string;

  @Field(() => ChangeKind, { description: 'What happened.' })
  kind!: ChangeKind;

  @Field(() => Int, { description: 'Version of the entry after the change.' })
  version!: number;

  @Field({ description: 'When it happened.' })
  at!: Date;
}
