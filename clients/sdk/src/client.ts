import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createTransport, type TransportOptions } from './transport';
import { execute, type BibiaResult } from './execute';
import { BibiaError, type GraphQLErrorJson, type UnavailableMember } from './errors';
import {
  AiProductDocument, AiProductsDocument, AiToolDocument, ChangesDocument, CollectiviteDocument, CollectivitesDocument, CreateAiToolDocument,
  ExportAiToolsDocument, ImportAiToolsDocument, LibraryStatsDocument, PublishAiToolDocument, SearchAiToolsDocument, UpdateAiToolDocument,
  type AiToolFilter, type ExportAiToolsQuery,
} from './generated/graphql';
import { toLibraryStats, type LibraryStats } from './libraryStats';
import { addStaleMembers, type StaleMember } from './staleMembers';

/** Options of {@link createBibiaClient}: where, who, and how hard to try. */
export type BibiaClientOptions = TransportOptions;

type Vars<D> = D extends TypedDocumentNode<any, infer V> ? V : never;
type Data<D> = D extends TypedDocumentNode<infer R, any> ? R : never;

/** A function running one operation of `schema/operations`, typed by its document. */
function operation<D extends TypedDocumentNode<any, any>>(run: <T, V extends Record<string, unknown>>(d: TypedDocumentNode<T, V>, v?: V) => Promise<BibiaResult<T>>, document: D) {
  return (variables: Vars<D>): Promise<BibiaResult<Data<D>>> => run(document, variables);
}

export type BibiaClient = ReturnType<typeof createBibiaClient>;

/**
 * A typed client of the BibIA national library (or of one member registry: the contract is the
 * same). One function per operation of `schema/operations`; each resolves to
 * `{ data, unavailableMembers, staleMembers, errors }` and throws a `BibiaError` for any other error.
 */
export function createBibiaClient(options: BibiaClientOptions) {
  const transport = createTransport(options);
  const run = <T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables?: V) => execute(transport, document, variables);

  /**
   * Every tool matching `filter`, all fields, every page followed; members that did not answer
   * are added to `unavailable`, members whose data may be out of date to `stale`.
   */
  async function* allAiTools(filter: AiToolFilter | undefined, unavailable: UnavailableMember[] = [], stale: StaleMember[] = []) {
    yield* followPages((after) => run(ExportAiToolsDocument, { filter, first: 100, after }), (d: ExportAiToolsQuery) => d.aiTools, { unavailable, stale, errors: [] });
  }

  return {
    /** The endpoint this client talks to. */
    url: options.url,
    /** Runs any typed document (e.g. one generated from your own operations). */
    execute: run,
    searchAiTools: operation(run, SearchAiToolsDocument),
    aiTool: operation(run, AiToolDocument),
    collectivite: operation(run, CollectiviteDocument),
    collectivites: operation(run, CollectivitesDocument),
    aiProduct: operation(run, AiProductDocument),
    aiProducts: operation(run, AiProductsDocument),
    changes: operation(run, ChangesDocument),
    createAiTool: operation(run, CreateAiToolDocument),
    updateAiTool: operation(run, UpdateAiToolDocument),
    publishAiTool: operation(run, PublishAiToolDocument),
    importAiTools: operation(run, ImportAiToolsDocument),
    exportAiTools: operation(run, ExportAiToolsDocument),
    allAiTools,
    /**
     * National figures (totals, tools per theme, status, risk level, algorithm type, hosting,
     * product, région and département) in one query, computed by the hub's national index.
     * `staleMembers` names the members whose figures are those of an old harvest. Throws a
     * `BibiaError` with code `INDEX_UNAVAILABLE` when the hub's index cannot answer.
     */
    async libraryStats(filter?: AiToolFilter): Promise<BibiaResult<LibraryStats>> {
      const result = await run(LibraryStatsDocument, { filter });
      // Null comes with an INDEX_UNAVAILABLE error, which `run` has thrown; never without one.
      if (!result.data.libraryStats) throw new BibiaError('BAD_RESPONSE', 'the hub answered no national figures and no error', { errors: result.errors });
      return { ...result, data: toLibraryStats(result.data.libraryStats) };
    },
  };
}

interface Page<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Yields the nodes of every page of a connection; the partial-result errors and stale members of each page are collected in `seen`. */
async function* followPages<D, N>(
  fetchPage: (after: string | null) => Promise<BibiaResult<D>>,
  connection: (data: D) => Page<N>,
  seen: { unavailable: UnavailableMember[]; stale: StaleMember[]; errors: GraphQLErrorJson[] },
): AsyncGenerator<N> {
  let after: string | null = null;
  do {
    const page = await fetchPage(after);
    for (const m of page.unavailableMembers) if (!seen.unavailable.some((x) => x.siren === m.siren)) seen.unavailable.push(m);
    addStaleMembers(seen.stale, page.staleMembers);
    seen.errors.push(...page.errors);
    const c = connection(page.data);
    for (const edge of c.edges) yield edge.node;
    after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor ?? null : null;
  } while (after);
}
