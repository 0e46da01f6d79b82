import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { DocumentMemo, requestKey, type Logger } from '@bibia/core';
import { parse } from 'graphql';
import { gatewayContextOf } from '../context';
import { directoryUnavailable } from '../errors';
import type { MemberDirectory } from '../members/MemberDirectory';
import type { MemberTransport } from '../members/MemberTransport';
import type { NationalIndex } from '../nationalIndex/NationalIndex';
import type { PartnerAccess } from '../partners/PartnerAccess';
import { readNationalLists } from '../nationalIndex/readNationalLists';
import { analyseFetch, type FetchAnalysis } from '../routing/analyseFetch';
import { ORDER_ARGUMENT } from '../routing/contractConventions';
import { anonymousNationalLists } from '../routing/indexable';
import { authorizationFor } from '../routing/publisherToken';
import { routeEntities } from '../routing/routeEntities';
import { routeMutation } from '../routing/routeMutation';
import { routeQuery } from '../routing/routeQuery';
import type { RoutedResponse, RoutingEnv } from '../routing/RoutingEnv';

/**
 * The `registry` subgraph as the set of members the directory lists: every fetch the query
 * planner sends to `registry` is routed by key value to the members that own the data (see
 * docs/architecture.md), and their answers are merged into one subgraph answer. With a national
 * index, anonymous national lists are read from it in one request instead (`routing/indexable`),
 * and live whenever it cannot answer.
 */
export class MemberRoutingDataSource implements GraphQLDataSource {
  /** Per fetch document and variables: the root fields to read from the index (anonymous caller), or null (read live). */
  private readonly nationalLists = new DocumentMemo<string[] | null>();

  constructor(
    private readonly members: MemberDirectory,
    private readonly transport: MemberTransport,
    private readonly logger: Logger,
    private readonly index?: NationalIndex,
    private readonly partners?: PartnerAccess,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    if (!isIncomingOperation(options)) {
      // Health checks of `registry` are the directory's business (it tracks every member).
      return { data: { __typename: 'Query' } };
    }
    const { request, incomingRequestContext } = options;
    const document = options.document ?? parse(request.query!);
    const { schema } = incomingRequestContext;
    const analyse = () => analyseFetch(document, request.variables, schema, request.operationName);
    let analysis: FetchAnalysis | undefined;
    const authorization = incomingRequestContext.request.http?.headers.get('authorization') || undefined;
    if (this.index && authorization === undefined && !gatewayContextOf(options.context)?.indexDeclined) {
      // Whether the index may answer depends on the fetch document and variables only: worked out
      // once for each (the query plan keeps its fetch documents), not on every request.
      const key = requestKey(request.operationName, request.variables);
      let lists = schema ? this.nationalLists.get(schema, document, key) : undefined;
      if (lists === undefined) {
        analysis = analyse();
        lists = anonymousNationalLists(analysis);
        if (schema) this.nationalLists.set(schema, document, key, lists);
      }
      if (lists) {
        const fromIndex = await readNationalLists(this.index, { query: request.query!, variables: request.variables ?? {}, operationName: request.operationName }, lists);
        if (fromIndex.ok) {
          gatewayContextOf(options.context)?.staleMembers.add(fromIndex.staleMembers);
          return { data: fromIndex.data };
        }
      }
    }
    analysis ??= analyse();
    for (const f of analysis.rootFields) {
      if (f.kind === 'connection' && f.direction === null) {
        this.logger.error({ field: f.name, order: f.args[ORDER_ARGUMENT] }, 'list order unknown to gateway/src/routing/contractConventions.ts (SORT_ORDERS): the list is refused');
      }
    }
    // Until the directory was read once, no member is known: an empty list would pass for a
    // complete one ("0 tools"), so the answer says the member list is unknown.
    await this.members.ensureLoaded();
    const listUnknown = !this.members.loaded;
    if (listUnknown && analysis.kind === 'mutation') return { errors: [directoryUnavailable('member list unknown')] };
    const partner = gatewayContextOf(options.context)?.partner;
    const env: RoutingEnv = {
      members: this.members,
      send: async (member, memberRequest, { forwardAuthorization, check }) =>
        this.transport.send(member, memberRequest, {
          // A partner: a credential minted for this member only, on every request (the partner's own
          // never leaves the gateway). A publisher token: only to the member that issued it.
          authorization: partner && this.partners
            ? await this.partners.authorizationFor(partner, member.siren)
            : forwardAuthorization ? authorizationFor(member.siren, authorization) : undefined,
          // A caller with a token may see drafts: never share its answers through the cache.
          cacheable: analysis.kind === 'query' && !authorization,
          check,
          mutation: analysis.kind === 'mutation',
        }),
    };
    let routed: RoutedResponse;
    if (analysis.kind === 'mutation') {
      routed = await routeMutation(env, analysis, document, request.operationName);
    } else if (analysis.kind === 'query' && analysis.rootFields.length === 1 && analysis.rootFields[0].name === '_entities') {
      routed = await routeEntities(env, analysis, { query: request.query!, variables: analysis.variables, operationName: request.operationName });
    } else if (analysis.kind === 'query') {
      routed = await routeQuery(env, analysis, document, request.operationName);
    } else {
      this.logger.error({ kind: analysis.kind }, 'unsupported operation sent to the registry members');
      return { errors: [{ message: 'Subscriptions are not supported across member registries', extensions: { code: 'BAD_USER_INPUT' } }] };
    }
    if (listUnknown) routed.errors.push(directoryUnavailable('member list unknown'));
    return routed.errors.length ? { data: routed.data, errors: routed.errors } : { data: routed.data };
  }
}

type IncomingOperationOptions = Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>;

/** Apollo Gateway does not export its request-kind enum; its value for client operations. */
export function isIncomingOperation(options: GraphQLDataSourceProcessOptions): options is IncomingOperationOptions {
  return (options.kind as string) === 'incoming operation';
}
