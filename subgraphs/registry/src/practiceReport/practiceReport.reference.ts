import type { RegistryContext } from '../context';
import { canRead } from './reports';

/** Through the request's DataLoader: a batch of representations costs one SQL query. */
export const practiceReportReference = {
  __resolveReference: async (ref: { id: string }, ctx: RegistryContext) => {
    const row = await ctx.loaders.reportById.load(ref.id);
    return row && canRead(ctx, row) ? row : null;
  },
};
