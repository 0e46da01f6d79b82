import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { DocumentMemo, requestKey } from '@bibia/core';
import { getVariableValues } from 'graphql';
import { gatewayContextOf } from '../context';
import { analyseFetch } from '../routing/analyseFetch';
import { anonymousNationalLists } from '../routing/indexable';
import type { NationalIndex } from './NationalIndex';
import { readNationalLists } from './readNationalLists';

/**
 * The short way for the commonest national reading: an operation whose query plan is one fetch
 * to the `registry` subgraph, made of national lists the index serves, asked anonymously, is sent
 * to the national index as the client wrote it, and the index's answer is the response. The
 * planner, the plan's execution and the reshaping of its answer are skipped: the index executes
 * the same operation on the same contract types, so its answer already has the response's shape.
 *
 * Everything else takes the usual path, and so does this operation whenever the index does not
 * give a complete answer without errors (down, not harvested yet, refusing it): the shortcut
 * never answers what the usual path would have answered otherwise. Apollo Server's pipeline
 * (parsing, validation against the API schema, limits, plugins) runs as before, as it wraps the
 * executor. Which operations qualify is learnt from their query plans
 * ({@link didResolveQueryPlan}), once per document and operation name.
 */
export class IndexShortcut {
  /** Per API schema and parsed document, per operation name: the operation of its plan's one `registry` fetch. */
  private readonly singleFetch = new DocumentMemo<string>();
  /** Per API schema and document, per operation name and variables: the list keys the index answers, or null. */
  private readonly lists = new DocumentMemo<string[] | null>();

  constructor(
    private readonly index: NationalIndex,
    private readonly registrySubgraph: string,
  ) {}

  /** To pass as ApolloGateway's `experimental_didResolveQueryPlan`. */
  readonly didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, requestContext }) => {
    const node = queryPlan.node;
    if (node?.kind !== 'Fetch' || node.serviceName !== this.registrySubgraph || node.requires || requestContext.operation?.operation !== 'query') return;
    this.singleFetch.set(requestContext.schema, requestContext.document, requestContext.operationName ?? '', node.operation);
  };

  /** The gateway as Apollo Server sees it, its executor taking the shortcut when it can. */
  wrap(gateway: GatewayInterface): GatewayInterface {
    return {
      onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
      stop: () => gateway.stop(),
      load: async (options) => {
        const loaded = await gateway.load(options);
        return { ...loaded, executor: loaded.executor && this.executor(loaded.executor) };
      },
    };
  }

  private executor(usual: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => (await this.tryIndex(requestContext)) ?? usual(requestContext);
  }

  private async tryIndex(requestContext: GatewayGraphQLRequestContext): Promise<{ data: Record<string, unknown> } | undefined> {
    const { schema, document, request } = requestContext;
    // A caller with a credential may see more than the index holds; a partner's was checked by then.
    const context = gatewayContextOf(requestContext.context);
    if (!context || context.partner || request.http?.headers.get('authorization')) return undefined;
    const operationName = requestContext.operationName ?? '';
    const fetch = this.singleFetch.get(schema, document, operationName);
    if (fetch === undefined) return undefined;
    const variables = request.variables ?? {};
    // The usual path sends the plan's fetch: what the index refused of it, it would refuse here.
    if (this.index.refusedEarlier({ query: fetch, variables, operationName: requestContext.operationName })) return undefined;
    const key = requestKey(operationName, request.variables);
    let lists = this.lists.get(schema, document, key);
    if (lists === undefined) {
      // Variables the usual path would refuse get its error, not the index's.
      const operation = requestContext.operation;
      if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return undefined;
      const analysis = analyseFetch(document, request.variables, schema, requestContext.operationName);
      lists = anonymousNationalLists(analysis);
      this.lists.set(schema, document, key, lists);
    }
    if (!lists) return undefined;
    const answer = await readNationalLists(this.index, { query: requestContext.source, variables, operationName: requestContext.operationName }, lists);
    if (!answer.ok) {
      // Asked once per request: its fetches go live without asking again (nor counting again).
      context.indexDeclined = true;
      return undefined;
    }
    context.staleMembers.add(answer.staleMembers);
    return { data: answer.data };
  }
}
