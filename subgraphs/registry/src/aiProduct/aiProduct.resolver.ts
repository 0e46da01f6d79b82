import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AiProduct } from './aiProduct';
import { AiTool } from '../aiTool/aiTool';
import type { RegistryContext } from '../context';

@Resolver(() => AiProduct)
export class AiProductResolver {
  @FieldResolver(() => [AiTool], { description: 'Published tools of this member that are instances of the product. Through the hub: every member\'s, concatenated.' })
  deployments(@Root() product: AiProduct, @Ctx() ctx: RegistryContext) {
    return ctx.loaders.toolsByProductId.load(product.id);
  }
}
