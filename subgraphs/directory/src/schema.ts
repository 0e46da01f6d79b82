import { buildFederatedSchema } from '@bibia/kit';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { resolveAiProductReference } from './aiProduct/aiProduct.reference';
import { AiProductResolver } from './aiProduct/aiProduct.resolver';
import { resolveCollectiviteReference } from './collectivite/collectivite.reference';
import { CollectiviteResolver } from './collectivite/collectivite.resolver';
import { MembershipResolver } from './membership/membership.resolver';
import { MembershipRequestResolver } from './membership/membershipRequest.resolver';
import { PartnerResolver } from './partner/partner.resolver';

/** The directory's Federation 2 subgraph schema. Needs no database: resolvers get it from the context. */
export function buildDirectorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [CollectiviteResolver, MembershipResolver, MembershipRequestResolver, AiProductResolver, PartnerResolver],
      scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
      validate: false,
    },
    {
      Collectivite: { __resolveReference: resolveCollectiviteReference },
      AiProduct: { __resolveReference: resolveAiProductReference },
    } as never,
  );
}
