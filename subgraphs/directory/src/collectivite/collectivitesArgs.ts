import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_FIRST } from '../shared/pagination';
import { CollectiviteFilter } from './collectiviteFilter';

@ArgsType()
export class CollectivitesArgs {
  @Field(() => CollectiviteFilter, { nullable: true })
  filter?: CollectiviteFilter | null;

  @Field(() => Int, { defaultValue: DEFAULT_FIRST, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the edge to continue after (`pageInfo.endCursor`).' })
  after?: string | null;
}
