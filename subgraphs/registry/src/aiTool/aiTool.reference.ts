import { canSee, type RegistryContext } from '../context';

/** Through the request's DataLoader: a batch of representations costs one SQL query. */
export const aiToolReference = {
  __resolveReference: async (ref: { id: string }, ctx: RegistryContext) => {
    const row = await ctx.loaders.toolById.load(ref.id);
    return row && canSee(ctx, row.state) ? row : null;
  },
};
