import { ArgsType, Field, Int } from 'type-graphql';
import { AiToolOrder } from '../shared/enums';
import { AiToolFilter } from './aiToolFilter';

@ArgsType()
export class AiToolsArgs {
  @Field(() => AiToolFilter, { nullable: true })
  filter?: AiToolFilter;

  @Field(() => AiToolOrder, { defaultValue: AiToolOrder.NAME })
  orderBy!: AiToolOrder;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string;
}
