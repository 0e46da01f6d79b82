import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createTransport, type TransportOptions } from './transport';
import { execute, type BibiaResult } from './execute';
import type { UnavailableMember } from './errors';
import {
  AiProductDocument, AiProductsDocument, AiToolDocument, ChangesDocument, CollectiviteDocument, CollectivitesDocument, CreateAiToolDocument,
  ExportAiToolsDocument, ImportAiToolsDocument, LibraryStatsPageDocument, PublishAiToolDocument, SearchAiToolsDocument, UpdateAiToolDocument,
  type AiToolFilter, type ExportAiToolsQuery, type ExportAiToolsQueryVariables,
} from './generated/graphql';
import { computeLibraryStats, type LibraryStats } from './libraryStats';

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
 * `{ data, unavailableMembers, errors }` and throws a `BibiaError` for any other error.
 */
export function createBibiaClient(options: BibiaClientOptions) {
  const transport = createTransport(options);
  const run = <T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables?: V) => execute(transport, document, variables);

  /** Follows every page of the export query; yields the tools and collects unavailable members. */
  async function* allAiTools(filter: AiToolFilter | undefined, unavailable: UnavailableMember[] = []) {
    let after: string | null | undefined;
    do {
      const page: BibiaResult<ExportAiToolsQuery> = await run(ExportAiToolsDocument, { filter, first: 100, after } as ExportAiToolsQueryVariables);
      mergeUnavailable(unavailable, page.unavailableMembers);
      for (const edge of page.data.aiTools.edges) yield edge.node;
      after = page.data.aiTools.pageInfo.hasNextPage ? page.data.aiTools.pageInfo.endCursor : null;
    } while (after);
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
     * Tools per theme, status, risk level and région, counted over every page of `aiTools`
     * (the schema has no aggregate query: members only know their own tools).
     */
    async libraryStats(filter?: AiToolFilter): Promise<BibiaResult<LibraryStats>> {
      const unavailableMembers: UnavailableMember[] = [];
      const errors: BibiaResult<unknown>['errors'] = [];
      const nodes = [];
      let after: string | null | undefined;
      do {
        const page = await run(LibraryStatsPageDocument, { filter, first: 100, after });
        mergeUnavailable(unavailableMembers, page.unavailableMembers);
        errors.push(...page.errors);
        nodes.push(...page.data.aiTools.edges.map((e) => e.node));
        after = page.data.aiTools.pageInfo.hasNextPage ? page.data.aiTools.pageInfo.endCursor : null;
      } while (after);
      return { data: computeLibraryStats(nodes), unavailableMembers, errors };
    },
  };
}

function mergeUnavailable(into: UnavailableMember[], more: UnavailableMember[]): void {
  for (const m of more) if (!into.some((x) => x.siren === m.siren)) into.push(m);
}
