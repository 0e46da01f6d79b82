import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { isIncomingOperation } from './MemberRoutingDataSource';

/**
 * A plain remote subgraph that receives the caller's `Authorization` header: used for `registry`
 * when the gateway runs without a directory (one registry at its routing URL), so that publishers
 * can still write through the gateway. No other subgraph ever gets the header.
 */
export class AuthorizationForwardingDataSource extends RemoteGraphQLDataSource {
  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    if (!isIncomingOperation(options)) return;
    const authorization = options.incomingRequestContext.request.http?.headers.get('authorization');
    if (authorization) options.request.http?.headers.set('authorization', authorization);
  }
}
