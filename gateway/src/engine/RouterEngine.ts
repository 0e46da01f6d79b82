import { ApolloGateway, type Experimental_DidResolveQueryPlanCallback, type GraphQLDataSource, type SupergraphSdlHook } from '@apollo/gateway';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayGraphQLResponse,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { Supergraph } from '@apollo/federation-internals';
import type { Logger } from '@bibia/core';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { entityBatch, mergeEntityAnswers } from './entityBatches';
import {
  buildSchema, execute, getVariableValues, GraphQLError, isCompositeType, isListType, isNonNullType, isUnionType, Kind, parse, print,
  type DocumentNode, type ExecutionResult, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLFormattedError, type GraphQLOutputType, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';

/** Options of {@link RouterEngine}: the same supergraph hook and data sources as Apollo Gateway's. */
export interface RouterEngineOptions {
  /** Where the supergraph comes from, and how it is updated (`supergraphFromFile`). */
  supergraphSdl: SupergraphSdlHook;
  /** The data source of each subgraph (called once per subgraph name and URL, as Apollo Gateway does). */
  buildService(definition: { name: string; url?: string }): GraphQLDataSource;
  logger: Logger;
  /**
   * Told each operation's query plan once (per parsed document and operation name), after its
   * first execution: Apollo's callback, given the router's plan, whose nodes have the same `kind`,
   * `serviceName`, `operation` and `requires` (the IndexShortcut reads these only).
   */
  didResolveQueryPlan?: Experimental_DidResolveQueryPlanCallback;
  /**
   * Subgraphs whose data source reads one `_entities` field per fetch (member routing): the
   * router's batched entity fetches are sent to them one field at a time. @default none
   */
  oneEntityFieldPerFetch?: readonly string[];
}

/** The router's query plan, as far as the engine reads it. */
interface RouterQueryPlan {
  node?: { kind: string; serviceName?: string; operation?: string; requires?: unknown };
}

/** One fetch of a query plan, as the router runtime hands it to {@link RouterEngine}. */
interface SubgraphRequest {
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  context?: unknown;
}

/** The engine's spans (a no-op until tracing is registered, see telemetry/tracing.ts). */
const tracer = trace.getTracer('bibia-gateway');

/** What the engine uses of `@graphql-hive/router-runtime`. */
interface RouterRuntime {
  unifiedGraphHandler(opts: {
    unifiedGraph: GraphQLSchema;
    getUnifiedGraphSDL(): string;
    onSubgraphExecute(subgraphName: string, request: SubgraphRequest): Promise<ExecutionResult>;
  }): Promise<{ executor?: (request: { document: DocumentNode; variables?: Record<string, unknown>; operationName?: string; context: object }) => unknown }>;
  /** An envelop plugin; its `onExecuteDone` hands over the plan the executor used for a context. */
  useQueryPlan(opts: { onQueryPlan(plan: RouterQueryPlan | undefined): void }): {
    onExecute(args: { context: object; args: { document: DocumentNode } }): { onExecuteDone(args: { result: unknown; setResult(result: unknown): void }): void };
  };
}

/** One loaded supergraph: its API schema and the Rust planner's executor over it. */
interface Generation {
  apiSchema: GraphQLSchema;
  supergraphSdl: string;
  execute: NonNullable<Awaited<ReturnType<RouterRuntime['unifiedGraphHandler']>>['executor']>;
  /** Apollo's engine on the same supergraph, made at the first operation the Rust planner cannot plan. */
  fallback?: Promise<GatewayExecutor>;
}

/** What the runtime throws, or answers, when the Rust planner finds no plan (before any fetch). */
const PLANNING_FAILED = /Failed to plan query/;

/**
 * The planner's words for a selection no subgraph can fetch where it is asked (e.g. a field only a
 * non-resolvable `@interfaceObject` has): the operation cannot run, and Apollo's planner would
 * answer a silent null. Introspection fields (`__type` beside other fields) are not such a case.
 */
const NO_PATH = /No paths found for selection item: ([_A-Za-z][_0-9A-Za-z]*)/;

/** The planner's message when it found no plan for an operation, or null. */
function planningFailure(errorOrResult: unknown): string | null {
  // Errors from the native planner may come from another realm than this module's `Error`.
  const message = typeof errorOrResult === 'string' ? errorOrResult : (errorOrResult as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return PLANNING_FAILED.test(message) ? message : null;
  const result = errorOrResult as ExecutionResult | null;
  return !result?.data && result?.errors?.length && result.errors.every((e) => PLANNING_FAILED.test(e.message)) ? result.errors[0].message : null;
}

/** The selection no subgraph can fetch, when that is why planning failed (not an introspection field). */
function unreachableSelection(failure: string): string | null {
  const field = NO_PATH.exec(failure)?.[1];
  return field && !field.startsWith('__') ? field : null;
}

/**
 * Loads the router runtime on demand, through `require` so that the compiler does not read its
 * typings (they pull in a newer `@types/node` than the repository's).
 */
function loadRouterRuntime(): RouterRuntime {
  return (require as (id: string) => RouterRuntime)('@graphql-hive/router-runtime');
}

/**
 * Why the router engine cannot run here, or null when it can: its query planner is a prebuilt
 * native module (Linux glibc and macOS, x64 and arm64), which e.g. Windows or Alpine (musl) lack.
 */
export function routerEngineUnavailable(load: (id: string) => unknown = require): string | null {
  try {
    load('@graphql-hive/router-query-planner');
    return null;
  } catch (err) {
    return `the Rust query planner does not load on ${process.platform}-${process.arch} (${(err as Error).message.split('\n')[0]})`;
  }
}

/**
 * The gateway engine on Hive's Rust query planner (`GATEWAY_ENGINE=router`): an Apollo Server
 * `GatewayInterface`, as `ApolloGateway` is, so that Apollo Server's pipeline (parsing, validation
 * against the API schema, limits, APQ, plugins, error formatting) stays as it is. Operations are
 * planned by `@graphql-hive/router-query-planner` (one plan per parsed document and operation
 * name) and executed by `@graphql-hive/router-runtime`, whose every subgraph fetch goes to the
 * same data sources as with Apollo Gateway (member routing, directory, index, tokens).
 *
 * The API schema is Apollo's own (`Supergraph.apiSchema()`): the same one Apollo Gateway serves.
 */
export class RouterEngine implements GatewayInterface {
  private current?: Generation;
  /** Each generation by its API schema: a request validated against a schema is executed with its plan. */
  private readonly generations = new WeakMap<GraphQLSchema, Generation>();
  /** Bumped by every supergraph given: a slow older build never replaces a newer one. */
  private version = 0;
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  private readonly services = new Map<string, GraphQLDataSource>();
  /** Query text of each fetch document (the runtime keeps one document per plan fetch). */
  private readonly printed = new WeakMap<DocumentNode, string>();
  /** Per parsed document, the operation names whose plan was told to `didResolveQueryPlan`. */
  private readonly announced = new WeakMap<DocumentNode, Set<string>>();
  private cleanup?: () => Promise<void>;

  constructor(private readonly options: RouterEngineOptions) {}

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    this.listeners.add(callback);
    return () => void this.listeners.delete(callback);
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    const hook = await this.options.supergraphSdl({
      update: (sdl) => this.update(sdl),
      healthCheck: async () => undefined,
      getDataSource: ({ name, url }) => this.service(name, url),
    });
    this.cleanup = hook.cleanup;
    await this.apply(this.prepare(hook.supergraphSdl), ++this.version);
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  async stop(): Promise<void> {
    await this.cleanup?.();
    this.cleanup = undefined;
  }

  /** A new supergraph: checked now (a file that does not load throws, and the previous one stays), planned when ready. */
  private update(supergraphSdl: string): void {
    if (supergraphSdl === this.current?.supergraphSdl) return;
    const prepared = this.prepare(supergraphSdl);
    const version = ++this.version;
    this.apply(prepared, version).catch((err: unknown) =>
      this.options.logger.error({ err: (err as Error).message }, 'the query planner does not take the new supergraph; the previous one stays in service'));
  }

  /** Checks a supergraph and derives its API schema (as Apollo Gateway does); creates missing data sources. */
  private prepare(supergraphSdl: string): { supergraphSdl: string; apiSchema: GraphQLSchema } {
    const supergraph = Supergraph.build(supergraphSdl, { validateSupergraph: true });
    for (const { name, url } of supergraph.subgraphsMetadata()) this.service(name, url);
    return { supergraphSdl, apiSchema: supergraph.apiSchema().toGraphQLJSSchema() };
  }

  private async apply({ supergraphSdl, apiSchema }: { supergraphSdl: string; apiSchema: GraphQLSchema }, version: number): Promise<void> {
    const { unifiedGraphHandler } = loadRouterRuntime();
    const handler = await unifiedGraphHandler({
      unifiedGraph: buildSchema(supergraphSdl, { assumeValid: true, assumeValidSDL: true }),
      getUnifiedGraphSDL: () => supergraphSdl,
      onSubgraphExecute: (subgraphName, request) => this.fetch(subgraphName, request),
    });
    if (!handler.executor) throw new Error('the router runtime gave no executor');
    if (version !== this.version) return;
    this.current = { apiSchema, supergraphSdl, execute: handler.executor };
    this.generations.set(apiSchema, this.current);
    for (const listener of this.listeners) {
      try {
        listener({ apiSchema, coreSupergraphSdl: supergraphSdl });
      } catch (err) {
        this.options.logger.error({ err: (err as Error).message }, 'a schema listener failed; the schema is updated all the same');
      }
    }
  }

  private service(name: string, url: string | undefined): GraphQLDataSource {
    const key = `${name}\n${url ?? ''}`;
    let service = this.services.get(key);
    if (!service) {
      service = this.options.buildService({ name, url });
      this.services.set(key, service);
      this.services.set(name, service);
    }
    return service;
  }

  /** One operation, in a `gateway.request` span (as Apollo's engine): member fetch spans are its children. */
  private execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    return tracer.startActiveSpan('gateway.request', async (span) => {
      try {
        if (requestContext.operationName) span.setAttribute('graphql.operation.name', requestContext.operationName);
        const result = await this.executeOperation(requestContext);
        if (result.errors?.length) span.setStatus({ code: SpanStatusCode.ERROR });
        return result;
      } finally {
        span.end();
      }
    });
  }

  private async executeOperation(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const generation = this.generations.get(requestContext.schema) ?? this.current!;
    const { document, request, operationName } = requestContext;
    if (onlyIntrospection(requestContext)) {
      // Introspection is the API schema's (the planner's own answer would be the supergraph's).
      return execute({ schema: generation.apiSchema, document, variableValues: request.variables, operationName, contextValue: requestContext.context });
    }
    // Variables are checked as Apollo's engine does (the runtime throws on the first bad one).
    if (requestContext.operation.variableDefinitions?.length) {
      const { errors } = getVariableValues(generation.apiSchema, requestContext.operation.variableDefinitions, request.variables ?? {});
      if (errors) return { errors };
    }
    // The runtime hands its execution request's context to every fetch: the request context
    // itself, so that the data sources get the caller's request as with Apollo Gateway.
    let result: ExecutionResult;
    try {
      result = (await generation.execute({ document, variables: request.variables, operationName: operationName ?? undefined, context: requestContext })) as ExecutionResult;
    } catch (err) {
      const failure = planningFailure(err);
      if (failure === null) throw err;
      return this.unplanned(generation, requestContext, failure);
    }
    const failure = planningFailure(result);
    if (failure !== null) return this.unplanned(generation, requestContext, failure);
    if (this.options.didResolveQueryPlan) this.announcePlan(requestContext, result);
    // Every root field skipped (`@include(if: $no)`): nothing to plan, and Apollo's engine answers `data: {}`.
    if (!result.errors?.length) return result.data === undefined || result.data === null ? { ...result, data: {} } : result;
    // A fetch failed: the response is completed as Apollo's engine completes it.
    const errors = result.errors.map(withoutAddedPath);
    // The runtime leaves `data` out when no fetch gave any; Apollo's engine answers nulls.
    if (result.data === undefined || result.data === null) return { ...result, errors, data: emptyData(generation.apiSchema, requestContext) };
    return { ...result, errors, data: bubbleNulls(generation.apiSchema, requestContext, result.data as Record<string, unknown>) };
  }

  /**
   * An operation the Rust planner found no plan for (planning comes before any fetch: no subgraph
   * was asked). A selection no subgraph can fetch is refused, as Hive's gateway does; the other
   * cases (every root field skipped, `__type` beside other root fields) are Apollo's engine's.
   */
  private unplanned(generation: Generation, requestContext: GatewayGraphQLRequestContext, failure: string): Promise<GatewayExecutionResult> | GatewayExecutionResult {
    const field = unreachableSelection(failure);
    if (field === null) return this.withApolloPlanner(generation, requestContext, failure);
    return {
      data: null,
      errors: [new GraphQLError(`No subgraph can fetch the selection "${field}" where this operation asks for it (the query planner found no path to it); nothing was run.`, { extensions: { code: 'QUERY_PLANNING_FAILED', field } })],
    };
  }

  /**
   * An operation the Rust planner found no plan for, planned and executed by Apollo's engine on the
   * same supergraph and data sources (made once per supergraph, at its first such operation).
   */
  private async withApolloPlanner(generation: Generation, requestContext: GatewayGraphQLRequestContext, why: unknown): Promise<GatewayExecutionResult> {
    this.options.logger.debug({ reason: String((why as { message?: unknown } | null)?.message ?? why), operationName: requestContext.operationName }, 'the Rust planner has no plan for this operation; Apollo\'s planner serves it');
    generation.fallback ??= new ApolloGateway({
      supergraphSdl: generation.supergraphSdl,
      logger: this.options.logger,
      queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
      buildService: ({ name, url }) => this.service(name, url),
    }).load().then(({ executor }) => executor);
    const executor = await generation.fallback;
    return executor(requestContext);
  }

  /** Tells `didResolveQueryPlan` the plan of this document and operation, the first time. */
  private announcePlan(requestContext: GatewayGraphQLRequestContext, result: ExecutionResult): void {
    const { document } = requestContext;
    const name = requestContext.operationName ?? '';
    let names = this.announced.get(document);
    if (names?.has(name)) return;
    let plan: RouterQueryPlan | undefined;
    loadRouterRuntime()
      .useQueryPlan({ onQueryPlan: (p) => void (plan = p) })
      .onExecute({ context: requestContext, args: { document } })
      .onExecuteDone({ result, setResult: () => undefined });
    if (!plan) return;
    if (!names) this.announced.set(document, (names = new Set()));
    names.add(name);
    // Fetch operations as the data sources send them (printed from the parsed fetch document).
    const node = plan.node?.kind === 'Fetch' && plan.node.operation ? { ...plan.node, operation: print(parse(plan.node.operation)) } : plan.node;
    this.options.didResolveQueryPlan!({ queryPlan: { kind: 'QueryPlan', node } as unknown as Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'], requestContext, serviceMap: {}, operationContext: undefined as never });
  }

  /** One fetch of the plan, sent through the subgraph's data source. */
  private async fetch(subgraphName: string, fetch: SubgraphRequest): Promise<ExecutionResult> {
    const service = this.services.get(subgraphName);
    if (!service) return { errors: [new GraphQLError(`No data source for subgraph "${subgraphName}"`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
    const requestContext = fetch.context as GatewayGraphQLRequestContext;
    const batch = this.options.oneEntityFieldPerFetch?.includes(subgraphName) ? entityBatch(fetch.document) : null;
    let response: GatewayGraphQLResponse;
    try {
      if (batch) {
        const variables = fetch.variables ?? {};
        const answers = await Promise.all(batch.map((f) =>
          this.send(service, requestContext, { ...fetch, document: f.document, variables: { ...variables, representations: variables[f.representationsVariable] } }, f.query)));
        response = mergeEntityAnswers(batch, answers);
      } else {
        let query = this.printed.get(fetch.document);
        if (query === undefined) {
          query = print(fetch.document);
          this.printed.set(fetch.document, query);
        }
        response = await this.send(service, requestContext, fetch, query);
      }
    } catch (err) {
      return { data: null, errors: [downstreamError(err as GraphQLFormattedError, subgraphName)] };
    }
    const errors = response.errors?.map((e) => downstreamError(e, subgraphName));
    return errors?.length ? { data: response.data ?? null, errors } : { data: response.data ?? null };
  }

  private send(service: GraphQLDataSource, requestContext: GatewayGraphQLRequestContext, fetch: SubgraphRequest, query: string): Promise<GatewayGraphQLResponse> {
    return service.process({
      kind: 'incoming operation' as never,
      request: { query, variables: fetch.variables ?? {}, operationName: fetch.operationName },
      incomingRequestContext: requestContext,
      context: requestContext.context,
      document: fetch.document,
    });
  }
}

/**
 * Marks, in its extensions, a subgraph error that came without a path: the runtime gives such an
 * error the path of the fetch's first root field, Apollo's engine leaves it without one.
 */
const PATHLESS = Symbol('pathless subgraph error');

/** A subgraph's error as Apollo Gateway reports it: its own code (or DOWNSTREAM_SERVICE_ERROR), and the subgraph's name. */
function downstreamError(error: GraphQLFormattedError, serviceName: string): GraphQLError {
  const extensions: Record<string | symbol, unknown> = { ...error.extensions, serviceName };
  if (!extensions.code) extensions.code = 'DOWNSTREAM_SERVICE_ERROR';
  if (!error.path) extensions[PATHLESS] = true;
  return new GraphQLError(error.message || `Error while fetching subquery from service "${serviceName}"`, { path: error.path, extensions });
}

/** The error as the subgraph gave it: without the path the runtime added (see {@link PATHLESS}). */
function withoutAddedPath(error: GraphQLError): GraphQLError {
  if (!error.extensions?.[PATHLESS as never]) return error;
  const { [PATHLESS]: _marker, ...extensions } = error.extensions as Record<string | symbol, unknown>;
  return new GraphQLError(error.message, { extensions, originalError: error.originalError ?? undefined });
}

/** Stands for a value that must be null where a non-null type does not allow it: the null goes up. */
const INVALID = Symbol('null bubbles up');

/**
 * Null propagation, as GraphQL (and Apollo's engine) completes a response: a null where the type
 * is non-null makes the nearest nullable parent null. The runtime's projection keeps such nulls.
 * Only values present are checked (absent ones are the runtime's business).
 */
function bubbleNulls(apiSchema: GraphQLSchema, { operation, document }: GatewayGraphQLRequestContext, data: Record<string, unknown>): Record<string, unknown> | null {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const complete = (value: unknown, type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): unknown => {
    if (isNonNullType(type)) {
      const inner = value === null ? null : complete(value, type.ofType, selectionSet);
      return inner === null ? INVALID : inner;
    }
    if (value === null || value === undefined) return value;
    if (isListType(type)) {
      const items = (value as unknown[]).map((item) => complete(item, type.ofType, selectionSet));
      return items.includes(INVALID) ? null : items;
    }
    if (!selectionSet || !isCompositeType(type)) return value;
    return completeObject(value as Record<string, unknown>, type, selectionSet) ? value : null;
  };
  /** Completes an object's fields in place; false when it must be null. */
  const completeObject = (object: Record<string, unknown>, type: GraphQLCompositeType, selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const field = isUnionType(type) ? undefined : type.getFields()[selection.name.value];
        if (!field || object[key] === undefined) continue;
        const completed = complete(object[key], field.type, selection.selectionSet);
        if (completed === INVALID) return false;
        object[key] = completed;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? apiSchema.getType(fragment.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition) && !completeObject(object, condition, fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  const root = apiSchema.getRootType(operation.operation);
  return root && !completeObject(data, root, operation.selectionSet) ? null : data;
}

/**
 * The response's data when no fetch answered anything, as Apollo's engine completes it: null for
 * each nullable root field, the whole data null when one is non-null.
 */
function emptyData(apiSchema: GraphQLSchema, { operation }: GatewayGraphQLRequestContext): Record<string, unknown> | null {
  const root = apiSchema.getRootType(operation.operation);
  const data: Record<string, unknown> = {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === '__typename') data[key] = root?.name;
    else if (isNonNullType(root?.getFields()[selection.name.value]?.type)) return null;
    else data[key] = null;
  }
  return data;
}

/** Whether the selected operation asks only for `__schema`, `__type` and `__typename` at its root. */
function onlyIntrospection({ operation }: GatewayGraphQLRequestContext): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}
