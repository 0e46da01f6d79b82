import { bearerOf, looksLikeJwt } from '@bibia/core';
import { directoryUnavailable } from '../errors';
import { SubgraphDataSource, type SubgraphDataSourceOptions } from './SubgraphDataSource';

/** Options of {@link DirectoryDataSource}: `url` is the hub directory's (`DIRECTORY_URL`). */
export type DirectoryDataSourceOptions = Pick<SubgraphDataSourceOptions, 'url' | 'timeoutMs' | 'fetch' | 'tracer' | 'metrics' | 'logger'>;

/**
 * The `directory` subgraph, at `DIRECTORY_URL`, through the hub's one client (no redirect
 * followed, bounded answer, timeout). When the directory cannot answer, its fields are null and
 * one `DIRECTORY_UNAVAILABLE` error says why, the rest of the response is kept — as for a member,
 * and never with the directory's internal address. Only hub credentials go to it.
 */
export class DirectoryDataSource extends SubgraphDataSource {
  constructor(options: DirectoryDataSourceOptions) {
    super({ ...options, name: 'directory', authorization: hubAuthorization, unavailable: directoryUnavailable });
  }
}

/**
 * The caller's header when it may be a hub credential (the hub admin token, for the directory's
 * admin operations through the gateway, e.g. `bibia partner issue`). A member's publisher token
 * and a partner credential are not the directory's business: they never go there.
 */
function hubAuthorization(authorization: string): string | undefined {
  const token = bearerOf(authorization);
  if (!token || looksLikeJwt(token) || token.startsWith('bibia_pub_')) return undefined;
  return authorization;
}
