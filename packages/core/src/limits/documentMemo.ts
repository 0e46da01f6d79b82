import type { DocumentNode, GraphQLSchema } from 'graphql';

/** Keys longer than this (variables as JSON) are not kept: such requests are worked out every time. */
const MAX_KEY_LENGTH = 2048;

/**
 * Results worked out from a parsed document, remembered per schema and document, then per key
 * (operation name and variables, see {@link requestKey}). Apollo hands back the same parsed
 * `DocumentNode` for the same text (its document store; the gateway's query plans keep their fetch
 * documents), so a document is worked out once; schema and document are weak keys, so entries go
 * with them (a new supergraph starts afresh). At most `perDocument` keys per document, least
 * recently used dropped. Only store results that are a pure function of schema, document and key.
 */
export class DocumentMemo<V> {
  private readonly bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, V>>>();

  constructor(private readonly perDocument = 64) {}

  get(schema: GraphQLSchema, document: DocumentNode, key: string | undefined): V | undefined {
    const entries = this.bySchema.get(schema)?.get(document);
    if (key === undefined || !entries?.has(key)) return undefined;
    const value = entries.get(key)!;
    entries.delete(key);
    entries.set(key, value);
    return value;
  }

  set(schema: GraphQLSchema, document: DocumentNode, key: string | undefined, value: V): void {
    if (key === undefined) return;
    let documents = this.bySchema.get(schema);
    if (!documents) this.bySchema.set(schema, (documents = new WeakMap()));
    let entries = documents.get(document);
    if (!entries) documents.set(document, (entries = new Map()));
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > this.perDocument) entries.delete(entries.keys().next().value!);
  }
}

/** The key of a request's operation name and variables; undefined when too long to be kept. */
export function requestKey(operationName: string | null | undefined, variables: Record<string, unknown> | undefined, ...more: string[]): string | undefined {
  const key = [operationName ?? '', JSON.stringify(variables ?? {}), ...more].join('\0');
  return key.length <= MAX_KEY_LENGTH ? key : undefined;
}
