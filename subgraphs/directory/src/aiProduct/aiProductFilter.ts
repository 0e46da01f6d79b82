import { Field, InputType } from 'type-graphql';
import { ProductCategory } from './aiProduct';

@InputType({ description: 'Narrows `aiProducts`; all given fields must match (AND).' })
export class AiProductFilter {
  @Field(() => ProductCategory, { nullable: true, description: 'Only this category.' })
  category?: ProductCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only open-source products; false: only the others.' })
  openSource?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words the name, vendor or id must contain, ignoring case, accents and punctuation.',
  })
  search?: string | null;
}
