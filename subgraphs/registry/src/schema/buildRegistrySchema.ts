import { GraphQLDateTime } from 'graphql-scalars';
import { buildFederatedSchema } from '@bibia/kit';
import type { GraphQLSchema } from 'graphql';
import type { RegistryContext } from '../context';
import { canRead } from '../services/reports';
import { canSee } from '../context';
import { AiToolResolver } from '../resolvers/AiToolResolver';
import { PracticeReportResolver } from '../resolvers/PracticeReportResolver';
import { CollectiviteResolver } from '../resolvers/CollectiviteResolver';
import { AiProductResolver } from '../resolvers/AiProductResolver';
import { RegistryResolver } from '../resolvers/RegistryResolver';
import { PublishingResolver } from '../resolvers/PublishingResolver';

/**
 * Entity references: every one goes through the request's DataLoaders, so a batch of
 * representations costs one SQL query per entity type.
 */
const referenceResolvers = {
  AiTool: {
    __resolveReference: async (ref: { id: string }, ctx: RegistryContext) => {
      const row = await ctx.loaders.toolById.load(ref.id);
      return row && canSee(ctx, row.state) ? row : null;
    },
  },
  PracticeReport: {
    __resolveReference: async (ref: { id: string }, ctx: RegistryContext) => {
      const row = await ctx.loaders.reportById.load(ref.id);
      return row && canRead(ctx, row) ? row : null;
    },
  },
  Collectivite: { __resolveReference: (ref: { siren: string }) => ({ siren: ref.siren }) },
  AiProduct: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};

/** The registry subgraph schema: the contract every member implements. */
export function buildRegistrySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [AiToolResolver, PracticeReportResolver, CollectiviteResolver, AiProductResolver, RegistryResolver, PublishingResolver],
      scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
      validate: false,
    },
    referenceResolvers as never,
  );
}
