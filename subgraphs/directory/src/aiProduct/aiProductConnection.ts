import { Field, Int, ObjectType } from 'type-graphql';
import { DirectoryPageInfo } from '../shared/pageInfo';
import { AiProduct } from './aiProduct';

@ObjectType({ description: 'One product of a page, with its position.' })
export class AiProductEdge {
  @Field({ description: 'Opaque position of this edge: pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => AiProduct)
  node!: AiProduct;
}

@ObjectType({ description: 'A page of products, sorted by name then id.' })
export class AiProductConnection {
  @Field(() => [AiProductEdge])
  edges!: AiProductEdge[];

  @Field(() => DirectoryPageInfo)
  pageInfo!: DirectoryPageInfo;

  @Field(() => Int, { description: 'Number of products matching the filter, on all pages.' })
  totalCount!: number;
}
