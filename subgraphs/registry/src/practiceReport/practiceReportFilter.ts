import { Field, ID, InputType } from 'type-graphql';
import { PublicationState, Theme } from '../shared/enums';

@InputType({ description: 'Filters on practice reports; all given filters must match.' })
export class PracticeReportFilter {
  @Field(() => [String], { nullable: true, description: 'Only these collectivités (SIRENs).' })
  sirens?: string[];

  @Field(() => String, { nullable: true, description: 'Only collectivités of this département.' })
  departement?: string;

  @Field(() => String, { nullable: true, description: 'Only collectivités of this région.' })
  region?: string;

  @Field(() => ID, { nullable: true, description: 'Only reports on this tool.' })
  toolId?: string;

  @Field(() => [Theme], { nullable: true, description: 'Reports on tools with any of these themes.' })
  themes?: Theme[];

  @Field(() => Date, { nullable: true, description: 'Only reports updated at or after this time.' })
  updatedSince?: Date;

  @Field(() => String, { nullable: true, description: 'French full-text search in the report texts.' })
  search?: string;

  @Field(() => [PublicationState], { nullable: true, description: 'Default PUBLISHED; other states need a publisher token.' })
  states?: PublicationState[];
}
