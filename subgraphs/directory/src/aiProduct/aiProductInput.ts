import { Field, InputType } from 'type-graphql';
import { Hosting } from '../shared/hosting';
import { ProductCategory } from './aiProduct';

@InputType({ description: 'Who makes a product.' })
export class VendorInput {
  @Field({ description: 'Company or organisation name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SIREN of a French vendor (Luhn-valid).' })
  siren?: string | null;
}

@InputType({ description: 'A product of the shared catalogue. Creates it or replaces the one with the same id.' })
export class AiProductInput {
  @Field({ description: 'Slug `[a-z0-9-]+` (1 to 80 characters), never changed once members link to it.' })
  id!: string;

  @Field({ description: 'Product name, 1 to 200 characters.' })
  name!: string;

  @Field(() => VendorInput)
  vendor!: VendorInput;

  @Field(() => ProductCategory)
  category!: ProductCategory;

  @Field(() => String, { nullable: true, description: 'Website, http or https.' })
  website?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether it is published under an open-source licence.' })
  openSource!: boolean;

  @Field(() => [Hosting], { description: 'The ways it can be hosted; at least one.' })
  hosting!: Hosting[];

  @Field(() => String, { defaultValue: '', description: 'Plain text, at most 5,000 characters.' })
  description!: string;
}
