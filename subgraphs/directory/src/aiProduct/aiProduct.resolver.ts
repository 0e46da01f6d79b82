import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { HubAdminOnly } from '../auth';
import type { DirectoryContext } from '../context';
import type { AiProduct as AiProductRow } from '../generated/prisma/client';
import { AiProduct, Vendor } from './aiProduct';
import { AiProductConnection } from './aiProductConnection';
import { AiProductInput } from './aiProductInput';
import { AiProductsArgs } from './aiProductsArgs';
import { findAiProducts } from './findAiProducts';
import { upsertAiProduct } from './upsertAiProduct';

@Resolver(() => AiProduct)
export class AiProductResolver {
  @Query(() => AiProductConnection, { description: 'The shared catalogue of AI products, sorted by name then id.' })
  aiProducts(@Ctx() ctx: DirectoryContext, @Args(() => AiProductsArgs) { filter, first, after }: AiProductsArgs) {
    return findAiProducts(ctx.prisma, { filter, first, after });
  }

  @Query(() => AiProduct, { nullable: true, description: 'The product with this id; null when there is none.' })
  aiProduct(@Ctx() ctx: DirectoryContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.aiProduct.load(id);
  }

  @UseMiddleware(HubAdminOnly)
  @Mutation(() => AiProduct, { description: 'Hub admin: adds a product to the catalogue or replaces the one with the same id.' })
  upsertAiProduct(@Ctx() ctx: DirectoryContext, @Arg('input', () => AiProductInput) input: AiProductInput) {
    return upsertAiProduct(ctx.prisma, input);
  }

  @FieldResolver(() => Vendor, { description: 'Who makes it.' })
  vendor(@Root() product: AiProductRow): Vendor {
    return { name: product.vendorName, siren: product.vendorSiren };
  }
}
