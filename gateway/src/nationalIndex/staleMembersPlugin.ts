import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

/**
 * Names in `extensions.bibia.staleMembers` (`[{ siren, harvestedAt }]`) the members whose data in
 * the national index may be old, when an index answer was used for the request; absent when no
 * answer came from the index or none is stale. Clients show it as they show `MEMBER_UNAVAILABLE`.
 */
export function staleMembersPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const stale = contextValue.staleMembers?.list() ?? [];
          if (!stale.length) return;
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const bibia = body.extensions?.bibia;
          body.extensions = { ...body.extensions, bibia: { ...(bibia && typeof bibia === 'object' ? bibia : {}), staleMembers: stale } };
        },
      };
    },
  };
}
