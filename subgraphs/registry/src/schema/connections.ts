import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { AiTool } from './AiTool';
import { PracticeReport } from './PracticeReport';
import { Change } from './Registry';

@ObjectType({ description: 'Where a page ends.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item: pass it as `after` for the next page.' })
  endCursor!: string | null;
}

function connectionOf<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Position of this item: `base64url(JSON [sortValue, id])`, the same on every member.' })
    cursor!: string;

    @Field(() => node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${what}s of the page, in order.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where the page ends.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Number of ${what}s matching the filter, all pages together.` })
    totalCount!: number;
  }
  return ConnectionType;
}

export const AiToolConnection = connectionOf(AiTool, 'AiTool', 'tool');
export const PracticeReportConnection = connectionOf(PracticeReport, 'PracticeReport', 'practice report');
export const ChangeConnection = connectionOf(Change, 'Change', 'change');
