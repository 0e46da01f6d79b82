import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` a BibIA service puts on an error a client sees, with what it means.
 * Clients branch on the code, never on the message.
 */
export const ErrorCodes = {
  BAD_USER_INPUT: 'An argument or input field is invalid; `extensions.field` names it when known.',
  UNAUTHENTICATED: 'The operation needs a bearer token and none valid was given (missing, unknown or revoked).',
  FORBIDDEN: 'The token is valid but does not allow this operation on this data.',
  NOT_FOUND: 'The entity named by an argument does not exist (or is not visible to the caller).',
  CONFLICT: 'The operation does not apply to the entity in its current state.',
  MEMBER_UNAVAILABLE: 'A member registry did not answer in time or answered garbage; `extensions.siren` names it.',
  DIRECTORY_UNAVAILABLE: 'The hub directory did not answer, or the member list is not known yet; its fields are null; `extensions.reason` says why.',
  MUTATION_OUTCOME_UNKNOWN: 'A member did not answer a mutation in time: the change may have been applied (`extensions.outcome` = "UNKNOWN"); read before retrying.',
  INDEX_UNAVAILABLE: 'The national index did not answer; fields only it serves (e.g. `libraryStats`) are null; `extensions.reason` says why.',
  SUBGRAPH_UNAVAILABLE: 'A subgraph the gateway reaches at its routing URL (a gateway without a directory) did not answer usefully; its fields are null; `extensions.serviceName` names it, `extensions.reason` says why.',
  INDEX_NOT_READY: 'The national index has not completed its first harvest yet; the gateway reads national lists live meanwhile.',
  RATE_LIMITED: 'Too many requests from this client address or with this credential, or too many refused credentials from this address (HTTP 429): wait the `Retry-After` header\'s seconds (also `extensions.retryAfterSeconds`). Nothing was run.',
  QUERY_TOO_COMPLEX: 'The document exceeds a limit (tokens, depth, aliases, fields or cost; HTTP 400); `extensions` gives the measure and the limit (e.g. `depth`, `maxDepth`). Nothing was run.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request the server can read (no `query`, wrong method, unsupported persisted-query version...); HTTP 4xx.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED: 'The document does not fit the schema (unknown field, wrong argument type, an operation type the server lacks such as `subscription`...); HTTP 400.',
  QUERY_PLANNING_FAILED: 'The gateway found no way to fetch a selection of the operation from the subgraphs (e.g. a field only a non-resolvable entity has, asked where that entity cannot be reached); `extensions.field` names it; `data` is null and nothing was run.',
  OPERATION_RESOLUTION_FAILURE: 'The operation to run cannot be chosen: `operationName` names none of the document, or the document has several operations and no `operationName` (HTTP 400).',
  PERSISTED_QUERY_NOT_FOUND: 'The persisted-query hash is not known (yet): send the request again with `query` to register it.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'This server does not accept persisted queries: send `query`.',
  PERSISTED_QUERY_HASH_MISMATCH: 'The persisted-query hash sent is not the SHA-256 of the `query` sent (HTTP 400).',
  INTERNAL_SERVER_ERROR: 'A bug. The message is generic; details are in the server log.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** A GraphQL error with a documented code and optional structured details. */
export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, extensions: Record<string, unknown> = {}) =>
  userError('BAD_USER_INPUT', message, extensions);
export const notFound = (message: string, extensions: Record<string, unknown> = {}) =>
  userError('NOT_FOUND', message, extensions);
export const forbidden = (message: string, extensions: Record<string, unknown> = {}) =>
  userError('FORBIDDEN', message, extensions);
export const unauthenticated = (message: string) => userError('UNAUTHENTICATED', message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  userError('CONFLICT', message, extensions);
