import { Field, ID, InputType } from 'type-graphql';
import { AlgorithmType, PublicationState, RiskLevel, Theme, ToolStatus } from '../shared/enums';

@InputType({ description: 'Filters on tools; all given filters must match.' })
export class AiToolFilter {
  @Field(() => [String], { nullable: true, description: 'Only these collectivités (SIRENs).' })
  sirens?: string[];

  @Field(() => String, { nullable: true, description: 'Only collectivités of this département (code, e.g. "62").' })
  departement?: string;

  @Field(() => String, { nullable: true, description: 'Only collectivités of this région (code, e.g. "32").' })
  region?: string;

  @Field(() => [Theme], { nullable: true, description: 'Any of these themes.' })
  themes?: Theme[];

  @Field(() => [ToolStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: ToolStatus[];

  @Field(() => [RiskLevel], { nullable: true, description: 'Any of these risk levels.' })
  riskLevels?: RiskLevel[];

  @Field(() => [AlgorithmType], { nullable: true, description: 'Any of these algorithm types.' })
  algorithmTypes?: AlgorithmType[];

  @Field(() => ID, { nullable: true, description: 'Only tools linked to this product of the shared catalogue.' })
  productId?: string;

  @Field(() => Date, { nullable: true, description: 'Only entries updated at or after this time.' })
  updatedSince?: Date;

  @Field(() => String, { nullable: true, description: 'French full-text search in name, summary, description and purpose (web-search syntax: words, "phrases", -exclusions).' })
  search?: string;

  @Field(() => [PublicationState], { nullable: true, description: 'Publication states (default PUBLISHED). Other states need a publisher token.' })
  states?: PublicationState[];
}
