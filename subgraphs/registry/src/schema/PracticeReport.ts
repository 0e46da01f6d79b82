import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from './scalars';
import { PublicationState, Visibility } from './enums';

@ObjectType({ description: 'A measured result of the practice.' })
export class Indicator {
  @Field({ description: 'What is measured (e.g. "Délai moyen de réponse").' })
  name!: string;

  @Field({ description: 'Measured value.' })
  value!: number;

  @Field({ description: 'Unit (e.g. "jours", "%", "€").' })
  unit!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A practice report (retour d\'expérience) on one tool: what was done, what it gave, what was learnt.' })
export class PracticeReport {
  @Field(() => ID, { description: '`<siren>:<slug>`; never changes.' })
  id!: string;

  @Field({ description: 'The slug part of the id.' })
  slug!: string;

  @Field({ description: 'Title of the report.' })
  title!: string;

  @Field(() => DateScalar, { description: 'Date of the report.' })
  reportDate!: Date;

  @Field({ description: 'Role of the author (e.g. "Chef de projet numérique"), never a personal name.' })
  authorRole!: string;

  @Field(() => Visibility, { description: 'Who may read it.' })
  visibility!: Visibility;

  @Field({ description: 'Context: the need, the situation before.' })
  context!: string;

  @Field({ description: 'What was done: steps, people involved, timeline.' })
  whatWasDone!: string;

  @Field({ description: 'Results, in words.' })
  results!: string;

  @Field(() => [Indicator], { description: 'Results, measured.' })
  indicators!: Indicator[];

  @Field({ description: 'Costs: purchase, subscription, staff time.' })
  costs!: string;

  @Field({ description: 'Lessons learnt; what to do differently.' })
  lessons!: string;

  @Field({ description: 'Ethics: bias, transparency to residents, citizen participation.' })
  ethics!: string;

  @Field({ description: 'Whether staff representatives were consulted (e.g. the CST).' })
  staffConsulted!: boolean;

  @Field({ description: 'Training given to agents.' })
  staffTraining!: string;

  @Field({ description: 'Effect on jobs and work organisation.' })
  jobImpact!: string;

  @Field({ description: 'Social dialogue with staff: how it went.' })
  socialDialogue!: string;

  @Field(() => PublicationState, { description: 'Publication state.' })
  state!: PublicationState;

  @Field(() => Int, { description: 'Number of the version shown.' })
  version!: number;

  @Field({ description: 'When the report was created.' })
  createdAt!: Date;

  @Field({ description: 'Last change of the version shown.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was first made public.' })
  publishedAt!: Date | null;

  toolId!: string;
}
