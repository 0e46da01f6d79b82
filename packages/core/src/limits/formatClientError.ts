import type { GraphQLFormattedError } from 'graphql';

// graphql-js 16 writes "more that".
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/**
 * Apollo `formatError` step that gives a client mistake a client code, so that no client gets
 * INTERNAL_SERVER_ERROR for its own request:
 * - the parser's token limit (`GRAPHQL_PARSE_FAILED`) becomes `QUERY_TOO_COMPLEX`, like the other limits;
 * - an APQ hash that does not match its query becomes `PERSISTED_QUERY_HASH_MISMATCH`;
 * - any other error Apollo raises with a 4xx status but no code becomes `BAD_REQUEST`.
 * Apply it before masking internal errors.
 */
export function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED') {
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    if (!tokens) return formatted;
    const maxTokens = Number(tokens[1]);
    return {
      ...formatted,
      message: `The query has more than ${maxTokens} tokens; the limit is ${maxTokens}. Send a smaller document.`,
      extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX', maxTokens },
    };
  }
  if (code !== 'INTERNAL_SERVER_ERROR' || !isClientStatus(error)) return formatted;
  const hashMismatch = formatted.message === 'provided sha does not match query';
  return {
    ...formatted,
    message: hashMismatch ? 'The persisted query hash (extensions.persistedQuery.sha256Hash) is not the SHA-256 of `query`.' : formatted.message,
    extensions: { ...formatted.extensions, code: hashMismatch ? 'PERSISTED_QUERY_HASH_MISMATCH' : 'BAD_REQUEST' },
  };
}

/** Whether Apollo gave the error a 4xx status (`extensions.http.status`). */
function isClientStatus(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
