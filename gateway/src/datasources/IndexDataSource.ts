import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { gatewayContextOf } from '../context';
import { indexUnavailable } from '../errors';
import type { NationalIndex } from '../nationalIndex/NationalIndex';

/**
 * The `index` subgraph (national figures such as `libraryStats`), served by the national index
 * at `indexUrl`. Only the index has these fields, so when it cannot answer they are missing and
 * one `INDEX_UNAVAILABLE` error says why; the rest of the response is kept. The caller's
 * credentials never go to the index (it serves public content only).
 */
export class IndexDataSource implements GraphQLDataSource {
  constructor(private readonly index: NationalIndex) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const answer = await this.index.send({ query: request.query!, variables: request.variables ?? {}, operationName: request.operationName }, 'index');
    if (!answer.ok) {
      this.index.fellBack('index', answer.failure);
      return { errors: [indexUnavailable(answer.failure)] };
    }
    this.index.answered('index');
    gatewayContextOf(options.context)?.staleMembers.add(answer.staleMembers);
    return answer.errors.length ? { data: answer.data, errors: answer.errors } : { data: answer.data };
  }
}
