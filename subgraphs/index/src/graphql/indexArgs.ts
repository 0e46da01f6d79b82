import { ArgsType, Field } from 'type-graphql';
import { AiToolsArgs, PracticeReportsArgs } from '@bibia/registry/contract';

const RANKED = 'With `filter.search`: order by relevance (name and summary weigh more than the other texts) instead of `orderBy`. Cursors of a ranked list are valid on the index only.';

/** The contract's arguments, plus the index's ranked search. */
@ArgsType()
export class IndexAiToolsArgs extends AiToolsArgs {
  @Field(() => Boolean, { defaultValue: false, description: RANKED })
  ranked!: boolean;
}

@ArgsType()
export class IndexPracticeReportsArgs extends PracticeReportsArgs {
  @Field(() => Boolean, { defaultValue: false, description: RANKED })
  ranked!: boolean;
}
