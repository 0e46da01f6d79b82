import { Field, ObjectType } from 'type-graphql';

// Not named PageInfo: the registry contract's PageInfo is not @shareable, and composition refuses
// a value type that two subgraphs resolve unless both mark it shareable. Same fields, so clients
// read both alike; if the contract ever marks PageInfo @shareable, this can become PageInfo.
@ObjectType({ description: 'Where a page of a directory connection ends (same fields as the registry contract\'s PageInfo).' })
export class DirectoryPageInfo {
  @Field({ description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of this page's last edge: pass it as `after` to get the next page. Null on an empty page.",
  })
  endCursor!: string | null;
}
