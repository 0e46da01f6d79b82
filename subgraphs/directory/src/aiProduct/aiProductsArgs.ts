import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from '@bibia/kit';
import { AiProductFilter } from './aiProductFilter';

@ArgsType()
export class AiProductsArgs {
  @Field(() => AiProductFilter, { nullable: true })
  filter?: AiProductFilter | null;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to continue after (`pageInfo.endCursor`).' })
  after?: string | null;
}
