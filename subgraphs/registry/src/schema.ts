import { GraphQLDateTime } from 'graphql-scalars';
import { buildFederatedSchema } from '@bibia/kit';
import type { GraphQLSchema } from 'graphql';
import { AiToolResolver } from './aiTool/aiTool.resolver';
import { aiToolReference } from './aiTool/aiTool.reference';
import { PracticeReportResolver } from './practiceReport/practiceReport.resolver';
import { practiceReportReference } from './practiceReport/practiceReport.reference';
import { CollectiviteResolver } from './collectivite/collectivite.resolver';
import { collectiviteReference } from './collectivite/collectivite.reference';
import { AiProductResolver } from './aiProduct/aiProduct.resolver';
import { aiProductReference } from './aiProduct/aiProduct.reference';
import { RegistryResolver } from './registry/registry.resolver';
import { PublishingResolver } from './publishing/publishing.resolver';

/** The registry subgraph schema: the contract every member implements. */
export async function buildRegistrySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [AiToolResolver, PracticeReportResolver, CollectiviteResolver, AiProductResolver, RegistryResolver, PublishingResolver],
      scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
      validate: false,
    },
    {
      AiTool: aiToolReference,
      PracticeReport: practiceReportReference,
      Collectivite: collectiviteReference,
      AiProduct: aiProductReference,
    } as never,
  );
}
