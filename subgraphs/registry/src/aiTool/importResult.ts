import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One problem in one row of an import.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Row number, from 1.' })
  row!: number;

  @Field({ description: 'Field (column) concerned, or "(row)".' })
  field!: string;

  @Field({ description: 'What is wrong.' })
  message!: string;
}

@ObjectType({ description: 'Outcome of a bulk import.' })
export class ImportResult {
  @Field({ description: 'Whether the rows were (or, in a dry run, would be) accepted.' })
  ok!: boolean;

  @Field({ description: 'Whether nothing was written on purpose.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Rows received.' })
  rowCount!: number;

  @Field(() => Int, { description: 'Tools created (or that would be).' })
  created!: number;

  @Field(() => Int, { description: 'Existing tools updated (or that would be), matched by register id (`source` + `externalId`) or slug.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows equal to the tool they match: nothing written for them (no version, no change entry).' })
  unchanged!: number;

  @Field(() => [ID], { description: 'Ids of the tools, in row order.' })
  ids!: string[];

  @Field(() => [ImportRowError], { description: 'Every problem found; nothing is written when there is one.' })
  errors!: ImportRowError[];
}
