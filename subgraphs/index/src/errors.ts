import { GraphQLError } from 'graphql';

/**
 * Codes this service adds to those of `@bibia/core` (`ErrorCodes`).
 * - GRAPHQL_VALIDATION_FAILED: the document, or its arguments, ask for something the index does
 *   not hold (drafts, withdrawn entries, version histories, a caller's credential...). Answered
 *   with HTTP 400 so that the gateway falls back to live routing.
 */
export const INDEX_ERROR_CODES = {
  GRAPHQL_VALIDATION_FAILED: 'The index cannot serve this document: ask the members (live routing).',
} as const;

/** The index does not hold what is asked: HTTP 400, so the gateway routes the query live. */
export function cannotServe(message: string): GraphQLError {
  return new GraphQLError(`The national index cannot serve this: ${message}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}
