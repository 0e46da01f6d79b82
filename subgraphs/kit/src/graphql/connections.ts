import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';

/**
 * Where a page ends. One type for every connection of every subgraph: `@shareable`, since the
 * registry and the directory both resolve it.
 */
@Directive('@shareable')
@ObjectType({ description: 'Where a page ends.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item: pass it as `after` for the next page. Null on an empty page.' })
  endCursor!: string | null;
}

/**
 * The connection and edge types of a node type (`<name>Connection`, `<name>Edge`), shaped as the
 * contract's connections: `edges { cursor node }`, `pageInfo`, `totalCount`.
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, what: string, order = '') {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Position of this item: `base64url(JSON [sortValue, id])`; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s${order ? `, ${order}` : ''}.` })
  class Connection {
    @Field(() => [Edge], { description: `The ${what}s of the page, in order.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where the page ends.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Number of ${what}s matching the filter, all pages together.` })
    totalCount!: number;
  }
  return Connection;
}
