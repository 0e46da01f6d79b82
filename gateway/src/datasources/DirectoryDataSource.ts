import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { bearerOf, looksLikeJwt, postGraphQL, type Logger } from '@bibia/core';
import type { GraphQLFormattedError } from 'graphql';
import { directoryUnavailable } from '../errors';
import { isIncomingOperation } from './MemberRoutingDataSource';

/** Options of {@link DirectoryDataSource}. */
export interface DirectoryDataSourceOptions {
  /** GraphQL URL of the hub directory (`DIRECTORY_URL`). */
  url: string;
  /** Time the directory has to answer one fetch. */
  timeoutMs: number;
  logger: Logger;
}

/**
 * The `directory` subgraph, at `DIRECTORY_URL`, through the hub's one client (`postGraphQL`: no
 * redirect followed, bounded answer, timeout). When the directory cannot answer, its fields are
 * null and one `DIRECTORY_UNAVAILABLE` error says why, the rest of the response is kept — as for
 * a member, and never with the directory's internal address (Apollo's own data source would put
 * "request to http://10.… failed, reason: …" in an INTERNAL_SERVER_ERROR).
 */
export class DirectoryDataSource implements GraphQLDataSource {
  private lastWarning = 0;

  constructor(private readonly options: DirectoryDataSourceOptions) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const authorization = isIncomingOperation(options) ? hubAuthorization(options.incomingRequestContext.request.http?.headers.get('authorization')) : undefined;
    const answer = await postGraphQL(this.options.url, request.query!, request.variables ?? {}, {
      timeoutMs: this.options.timeoutMs,
      operationName: request.operationName,
      headers: authorization ? { authorization } : {},
    });
    if (!answer.ok) {
      const now = Date.now();
      if (now - this.lastWarning > 5000) {
        this.lastWarning = now;
        this.options.logger.warn({ url: this.options.url, failure: answer.failure, detail: answer.detail }, 'directory request failed (further failures logged at most every 5 s)');
      }
      return { errors: [directoryUnavailable(answer.failure, answer.failure === 'timeout' ? `${this.options.timeoutMs} ms` : undefined)] };
    }
    const errors = answer.errors as GraphQLFormattedError[];
    const data = answer.data ?? undefined;
    return errors.length ? { data, errors } : { data };
  }
}

/**
 * The caller's header when it may be a hub credential (the hub admin token, for the directory's
 * admin operations through the gateway, e.g. `bibia partner issue`). A member's publisher token
 * and a partner credential are not the directory's business: they never go there.
 */
function hubAuthorization(authorization: string | undefined | null): string | undefined {
  const token = bearerOf(authorization ?? undefined);
  if (!token || looksLikeJwt(token) || token.startsWith('bibia_pub_')) return undefined;
  return authorization ?? undefined;
}
