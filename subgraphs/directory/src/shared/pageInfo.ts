import { Directive, Field, ObjectType } from 'type-graphql';

// Shareable: the registry contract has the same value type, and composition requires both
// subgraphs to declare a type they share.
@Directive('@shareable')
@ObjectType({ description: 'Where a page of a connection ends.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of this page's last edge: pass it as `after` to get the next page. Null on an empty page.",
  })
  endCursor!: string | null;
}
