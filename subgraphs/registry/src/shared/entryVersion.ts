import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PublicationState } from './enums';

@ObjectType({ description: 'One saved state of an entry: its version history, and a pending draft of a published entry.' })
export class EntryVersion {
  @Field(() => Int, { description: 'Version number, from 1.' })
  number!: number;

  @Field(() => PublicationState, { description: 'State of the entry in this version.' })
  state!: PublicationState;

  @Field({ description: 'What made this version: CREATED, UPDATED, PUBLISHED, WITHDRAWN or ARCHIVED.' })
  change!: string;

  @Field({ description: 'Reason given with the change (e.g. for a withdrawal), or empty.' })
  note!: string;

  @Field({ description: 'When the version was saved.' })
  createdAt!: Date;

  @Field(() => GraphQLJSONObject, { description: 'Every field of the entry in this version, as in its input type.' })
  data!: Record<string, unknown>;
}
