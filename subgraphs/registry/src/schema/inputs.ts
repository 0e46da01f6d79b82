import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from './scalars';
import {
  AiActRole, AlgorithmType, AutomationLevel, Hosting, ImpactAssessmentType, PublicationState, RiskLevel, Theme, ToolStatus, Visibility,
} from './enums';

@InputType({ description: 'A source of data the tool uses.' })
export class DataSourceInput {
  @Field({ description: 'At most 200 characters.' })
  name!: string;

  @Field({ nullable: true, description: 'At most 2000 characters.' })
  description?: string;

  @Field({ nullable: true, defaultValue: false, description: 'Contains personal data.' })
  personalData?: boolean;
}

@InputType({ description: 'An impact assessment.' })
export class ImpactAssessmentInput {
  @Field(() => ImpactAssessmentType, { description: 'Kind of assessment.' })
  type!: ImpactAssessmentType;

  @Field(() => DateScalar, { nullable: true, description: 'When it was completed.' })
  date?: string;

  @Field(() => String, { nullable: true, description: 'http(s) URL.' })
  url?: string;
}

@InputType({ description: 'A measured result.' })
export class IndicatorInput {
  @Field({ description: 'What is measured (at most 200 characters).' })
  name!: string;

  @Field({ description: 'Measured value.' })
  value!: number;

  @Field({ nullable: true, description: 'Unit (at most 50 characters).' })
  unit?: string;
}

/**
 * The tool input and its patch have the same fields; in the patch every field is optional.
 * One factory keeps them in step.
 */
function toolInputType(name: string, patch: boolean, description: string) {
  const req = (d: string) => ({ nullable: patch, description: d });
  const opt = (d: string) => ({ nullable: true, description: d });

  @InputType(name, { description })
  class ToolInput {
    @Field(() => String, opt(patch ? 'Not changeable: ids never change.' : 'Slug of the id (`[a-z0-9-]`, at most 80); derived from the name when absent.'))
    slug?: string;

    @Field(() => String, req('At most 100 characters.'))
    name?: string;

    @Field(() => String, req('At most 400 characters.'))
    summary?: string;

    @Field(() => String, opt('Plain text.'))
    description?: string;

    @Field(() => String, opt('Goal of the tool.'))
    purpose?: string;

    @Field(() => String, opt('Department or service that uses it.'))
    department?: string;

    @Field(() => [Theme], req('1 to 5 themes.'))
    themes?: Theme[];

    @Field(() => ToolStatus, req('Life-cycle stage.'))
    status?: ToolStatus;

    @Field(() => DateScalar, opt('Start of use.'))
    startDate?: string;

    @Field(() => DateScalar, opt('End of use; not before startDate.'))
    endDate?: string;

    @Field(() => AlgorithmType, req('Kind of algorithm.'))
    algorithmType?: AlgorithmType;

    @Field(() => RiskLevel, req('AI Act risk level.'))
    riskLevel?: RiskLevel;

    @Field(() => AiActRole, opt('Default DEPLOYER.'))
    aiActRole?: AiActRole;

    @Field(() => AutomationLevel, opt('Default DECISION_SUPPORT.'))
    automationLevel?: AutomationLevel;

    @Field(() => Boolean, opt('Default false.'))
    individualDecisions?: boolean;

    @Field(() => Int, opt('Decisions per year.'))
    decisionsPerYear?: number;

    @Field(() => String, opt('Who is affected.'))
    affectedPublic?: string;

    @Field(() => String, opt('Human oversight and recourse.'))
    humanOversight?: string;

    @Field(() => [DataSourceInput], opt('Replaces the whole list.'))
    dataSources?: DataSourceInput[];

    @Field(() => String, opt('Legal basis.'))
    legalBasis?: string;

    @Field(() => [ImpactAssessmentInput], opt('Replaces the whole list.'))
    impactAssessments?: ImpactAssessmentInput[];

    @Field(() => Hosting, req('Where it runs.'))
    hosting?: Hosting;

    @Field(() => String, opt('Hosting details.'))
    hostingDetails?: string;

    @Field(() => String, opt('Provider name.'))
    providerName?: string;

    @Field(() => String, opt('Provider SIREN (9 digits with check digit).'))
    providerSiren?: string;

    @Field(() => ID, opt('Id of a product of the shared catalogue.'))
    productId?: string;

    @Field(() => Boolean, opt('Default false.'))
    openSource?: boolean;

    @Field(() => String, opt('http(s) URL of the source code.'))
    sourceCodeUrl?: string;

    @Field(() => String, opt('Licence.'))
    licence?: string;

    @Field(() => String, opt('Contact email.'))
    contactEmail?: string;

    @Field(() => String, opt('http(s) URL of a public page.'))
    websiteUrl?: string;
  }
  return ToolInput;
}

export const AiToolInput = toolInputType('AiToolInput', false, 'A new tool. Saved as a draft until published.');
export type AiToolInput = InstanceType<typeof AiToolInput>;
export const AiToolPatch = toolInputType('AiToolPatch', true, 'Changes to a tool: only the fields given change.');
export type AiToolPatch = InstanceType<typeof AiToolPatch>;

function reportInputType(name: string, patch: boolean, description: string) {
  const req = (d: string) => ({ nullable: patch, description: d });
  const opt = (d: string) => ({ nullable: true, description: d });

  @InputType(name, { description })
  class ReportInput {
    @Field(() => String, opt(patch ? 'Not changeable.' : 'Slug of the id; derived from the title when absent.'))
    slug?: string;

    @Field(() => String, req('At most 200 characters.'))
    title?: string;

    @Field(() => DateScalar, req('Date of the report.'))
    reportDate?: string;

    @Field(() => String, opt('Role of the author, not a personal name.'))
    authorRole?: string;

    @Field(() => Visibility, opt('Default PUBLIC.'))
    visibility?: Visibility;

    @Field(() => String, opt('Context.'))
    context?: string;

    @Field(() => String, opt('What was done.'))
    whatWasDone?: string;

    @Field(() => String, opt('Results.'))
    results?: string;

    @Field(() => [IndicatorInput], opt('Replaces the whole list.'))
    indicators?: IndicatorInput[];

    @Field(() => String, opt('Costs.'))
    costs?: string;

    @Field(() => String, opt('Lessons learnt.'))
    lessons?: string;

    @Field(() => String, opt('Ethics.'))
    ethics?: string;

    @Field(() => Boolean, opt('Staff representatives consulted.'))
    staffConsulted?: boolean;

    @Field(() => String, opt('Training of agents.'))
    staffTraining?: string;

    @Field(() => String, opt('Effect on jobs.'))
    jobImpact?: string;

    @Field(() => String, opt('Social dialogue.'))
    socialDialogue?: string;
  }
  return ReportInput;
}

export const PracticeReportInput = reportInputType('PracticeReportInput', false, 'A new practice report. Saved as a draft until published.');
export type PracticeReportInput = InstanceType<typeof PracticeReportInput>;
export const PracticeReportPatch = reportInputType('PracticeReportPatch', true, 'Changes to a practice report.');
export type PracticeReportPatch = InstanceType<typeof PracticeReportPatch>;

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

@ObjectType({ description: 'One problem in one row of an import.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Row number, from 1.' })
  row!: number;

  @Field({ description: 'Field (column) concerned, or "(row)".' })
  field!: string;

  @Field({ description: 'What is wrong.' })
  message!: string;
}

@ObjectType({ description: 'Outcome of a bulk import.' })
export class ImportResult {
  @Field({ description: 'Whether the rows were (or, in a dry run, would be) accepted.' })
  ok!: boolean;

  @Field({ description: 'Whether nothing was written on purpose.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Rows received.' })
  rowCount!: number;

  @Field(() => Int, { description: 'Tools created (or that would be).' })
  created!: number;

  @Field(() => Int, { description: 'Existing tools updated (or that would be), matched by slug.' })
  updated!: number;

  @Field(() => [ID], { description: 'Ids of the tools, in row order.' })
  ids!: string[];

  @Field(() => [ImportRowError], { description: 'Every problem found; nothing is written when there is one.' })
  errors!: ImportRowError[];
}
