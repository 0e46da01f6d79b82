import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { RowOf } from '../model/fields';
import { declareFields, itemOutputType, outputFields } from '../model/toGraphQL';
import { PublicationState } from '../shared/enums';
import { aiToolModel, dataSourceModel, impactAssessmentModel } from './aiTool.model';

export const DataSource = itemOutputType(dataSourceModel);
export const ImpactAssessment = itemOutputType(impactAssessmentModel);

@ObjectType({ description: 'The provider of the tool (vendor, integrator or public body).' })
export class Provider {
  @Field({ description: 'Name of the provider.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SIREN of the provider when it is a French legal entity.' })
  siren!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An AI tool as one collectivité uses it (one tool, one owner). Fields follow the public algorithm registers (Dutch Algoritmeregister, Eurocities standard, UK ATRS, Etalab inventory).',
})
export class AiTool {
  id!: string;
  slug!: string;
  state!: PublicationState;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  publishedAt!: Date | null;
}

// The model's fields, typed as stored (columns used by field resolvers included).
export interface AiTool extends RowOf<(typeof aiToolModel)['fields']> {}

// Declared in contract order: identity, the model's fields, then the workflow's.
declareFields(AiTool, [
  { name: 'id', type: () => ID, description: '`<siren>:<slug>`: the owner SIREN and a slug; never changes.' },
  { name: 'slug', type: () => String, description: 'The slug part of the id.' },
  ...outputFields(aiToolModel.fields),
  { name: 'state', type: () => PublicationState, description: 'Publication state of the entry.' },
  { name: 'version', type: () => Int, description: 'Number of the version shown.' },
  { name: 'createdAt', type: () => Date, description: 'When the entry was created.' },
  { name: 'updatedAt', type: () => Date, description: 'Last change of the version shown.' },
  { name: 'publishedAt', type: () => Date, nullable: true, description: 'When it was first made public.' },
]);
