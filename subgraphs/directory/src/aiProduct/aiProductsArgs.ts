import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_FIRST } from '../shared/pagination';
import { AiProductFilter } from './aiProductFilter';

@ArgsType()
export class AiProductsArgs {
  @Field(() => AiProductFilter, { nullable: true })
  filter?: AiProductFilter | null;

  @Field(() => Int, { defaultValue: DEFAULT_FIRST, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to continue after (`pageInfo.endCursor`).' })
  after?: string | null;
}
