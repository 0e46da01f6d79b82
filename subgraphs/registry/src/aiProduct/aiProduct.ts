import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A product of the shared catalogue (kept by the hub); each member adds its deployments.' })
export class AiProduct {
  @Field(() => ID, { description: 'Product id in the shared catalogue (e.g. "albert").' })
  id!: string;
}
