import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar } from './scalars';
import {
  AiActRole, AlgorithmType, AutomationLevel, Hosting, ImpactAssessmentType, PublicationState, RiskLevel, Theme, ToolStatus,
} from './enums';

@ObjectType({ description: 'A source of data the tool uses.' })
export class DataSource {
  @Field({ description: 'Name of the data set or system (e.g. "Courriers entrants numérisés").' })
  name!: string;

  @Field({ description: 'What the data is and how it is used.' })
  description!: string;

  @Field({ description: 'Whether it contains personal data (GDPR).' })
  personalData!: boolean;
}

@ObjectType({ description: 'An impact assessment carried out on the tool.' })
export class ImpactAssessment {
  @Field(() => ImpactAssessmentType, { description: 'Kind of assessment.' })
  type!: ImpactAssessmentType;

  @Field(() => DateScalar, { nullable: true, description: 'When it was completed.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it is published, if it is.' })
  url!: string | null;
}

@ObjectType({ description: 'The provider of the tool (vendor, integrator or public body).' })
export class Provider {
  @Field({ description: 'Name of the provider.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SIREN of the provider when it is a French legal entity.' })
  siren!: string | null;
}

@ObjectType({ description: 'One saved state of an entry: its version history, and a pending draft of a published entry.' })
export class EntryVersion {
  @Field(() => Int, { description: 'Version number, from 1.' })
  number!: number;

  @Field(() => PublicationState, { description: 'State of the entry in this version.' })
  state!: PublicationState;

  @Field({ description: 'What made this version: CREATED, UPDATED, PUBLISHED, WITHDRAWN or ARCHIVED.' })
  change!: string;

  @Field({ description: 'Reason given with the change (e.g. for a withdrawal), or empty.' })
  note!: string;

  @Field({ description: 'When the version was saved.' })
  createdAt!: Date;

  @Field(() => GraphQLJSONObject, { description: 'Every field of the entry in this version, as in its input type.' })
  data!: Record<string, unknown>;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An AI tool as one collectivité uses it (one tool, one owner). Fields follow the public algorithm registers (Dutch Algoritmeregister, Eurocities standard, UK ATRS, Etalab inventory).',
})
export class AiTool {
  @Field(() => ID, { description: '`<siren>:<slug>`: the owner SIREN and a slug; never changes.' })
  id!: string;

  @Field({ description: 'The slug part of the id.' })
  slug!: string;

  @Field({ description: 'Name of the tool (at most 100 characters).' })
  name!: string;

  @Field({ description: 'Short description (at most 400 characters).' })
  summary!: string;

  @Field({ description: 'Full description: how it works, in plain text.' })
  description!: string;

  @Field({ description: 'Goal: the public need it serves, why an algorithm.' })
  purpose!: string;

  @Field({ description: 'Department or service of the collectivité that uses it.' })
  department!: string;

  @Field(() => [Theme], { description: 'Public-policy themes.' })
  themes!: Theme[];

  @Field(() => ToolStatus, { description: 'Life-cycle stage.' })
  status!: ToolStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Start of use (or of the pilot).' })
  startDate!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'End of use.' })
  endDate!: Date | null;

  @Field(() => AlgorithmType, { description: 'Kind of algorithm.' })
  algorithmType!: AlgorithmType;

  @Field(() => RiskLevel, { description: 'AI Act risk level, as assessed by the collectivité.' })
  riskLevel!: RiskLevel;

  @Field(() => AiActRole, { description: 'Role of the collectivité under the AI Act.' })
  aiActRole!: AiActRole;

  @Field(() => AutomationLevel, { description: 'How far the tool acts without a person.' })
  automationLevel!: AutomationLevel;

  @Field({ description: 'Whether it contributes to individual administrative decisions (CRPA L311-3-1).' })
  individualDecisions!: boolean;

  @Field(() => Int, { nullable: true, description: 'Number of decisions it contributes to per year, when known.' })
  decisionsPerYear!: number | null;

  @Field({ description: 'Who is affected: residents, agents, businesses...' })
  affectedPublic!: string;

  @Field({ description: 'How people oversee it and can override it; how a resident can object.' })
  humanOversight!: string;

  @Field(() => [DataSource], { description: 'Data the tool uses.' })
  dataSources!: DataSource[];

  @Field({ description: 'Legal basis of the processing.' })
  legalBasis!: string;

  @Field(() => [ImpactAssessment], { description: 'Impact assessments carried out.' })
  impactAssessments!: ImpactAssessment[];

  @Field(() => Hosting, { description: 'Where it runs (sovereignty).' })
  hosting!: Hosting;

  @Field({ description: 'Details on hosting: provider, region, certifications (SecNumCloud, HDS...).' })
  hostingDetails!: string;

  @Field({ description: 'Whether the tool is open source.' })
  openSource!: boolean;

  @Field(() => String, { nullable: true, description: 'Where the source code is published.' })
  sourceCodeUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Licence of the code or model.' })
  licence!: string | null;

  @Field(() => String, { nullable: true, description: 'Contact for questions about the tool.' })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'Public page about the tool.' })
  websiteUrl!: string | null;

  @Field(() => PublicationState, { description: 'Publication state of the entry.' })
  state!: PublicationState;

  @Field(() => Int, { description: 'Number of the version shown.' })
  version!: number;

  @Field({ description: 'When the entry was created.' })
  createdAt!: Date;

  @Field({ description: 'Last change of the version shown.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was first made public.' })
  publishedAt!: Date | null;

  // Columns used by field resolvers, not exposed as such.
  providerName!: string;
  providerSiren!: string | null;
  productId!: string | null;
}
