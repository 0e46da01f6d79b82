import { ArgsType, Field, Int } from 'type-graphql';
import { AiToolOrder } from '../shared/enums';
import { PracticeReportFilter } from './practiceReportFilter';

@ArgsType()
export class PracticeReportsArgs {
  @Field(() => PracticeReportFilter, { nullable: true })
  filter?: PracticeReportFilter;

  @Field(() => AiToolOrder, { defaultValue: AiToolOrder.RECENT })
  orderBy!: AiToolOrder;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
