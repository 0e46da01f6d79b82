import { Field, Int, ObjectType } from 'type-graphql';
import { DirectoryPageInfo } from '../shared/pageInfo';
import { Collectivite } from './collectivite';

@ObjectType({ description: 'One collectivité of a page, with its position.' })
export class CollectiviteEdge {
  @Field({ description: 'Opaque position of this edge: pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Collectivite)
  node!: Collectivite;
}

@ObjectType({ description: 'A page of collectivités, sorted by name then SIREN.' })
export class CollectiviteConnection {
  @Field(() => [CollectiviteEdge])
  edges!: CollectiviteEdge[];

  @Field(() => DirectoryPageInfo)
  pageInfo!: DirectoryPageInfo;

  @Field(() => Int, { description: 'Number of collectivités matching the filter, on all pages.' })
  totalCount!: number;
}
