import { Directive, ID, Int, ObjectType } from 'type-graphql';
import type { RowOf } from '../model/fields';
import { declareFields, itemOutputType, outputFields } from '../model/toGraphQL';
import { PublicationState } from '../shared/enums';
import { indicatorModel, practiceReportModel } from './practiceReport.model';

export const Indicator = itemOutputType(indicatorModel);

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A practice report (retour d\'expérience) on one tool: what was done, what it gave, what was learnt.' })
export class PracticeReport {
  id!: string;
  slug!: string;
  toolId!: string;
  state!: PublicationState;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
  publishedAt!: Date | null;
}

// The model's fields, typed as stored.
export interface PracticeReport extends RowOf<(typeof practiceReportModel)['fields']> {}

// Declared in contract order: identity, the model's fields, then the workflow's.
declareFields(PracticeReport, [
  { name: 'id', type: () => ID, description: '`<siren>:<slug>`; never changes.' },
  { name: 'slug', type: () => String, description: 'The slug part of the id.' },
  ...outputFields(practiceReportModel.fields),
  { name: 'state', type: () => PublicationState, description: 'Publication state.' },
  { name: 'version', type: () => Int, description: 'Number of the version shown.' },
  { name: 'createdAt', type: () => Date, description: 'When the report was created.' },
  { name: 'updatedAt', type: () => Date, description: 'Last change of the version shown.' },
  { name: 'publishedAt', type: () => Date, nullable: true, description: 'When it was first made public.' },
]);
