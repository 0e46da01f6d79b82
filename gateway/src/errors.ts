// Errors the gateway writes itself; their codes are documented in `@bibia/core`'s `ErrorCodes`,
// and, for the gateway's own, in `GatewayErrorCodes` below.
import type { ErrorCode, PostFailure } from '@bibia/core';
import type { GraphQLFormattedError } from 'graphql';
import type { MemberInfo } from './members/MemberInfo';

/**
 * Codes only the gateway writes (not yet in `@bibia/core`'s `ErrorCodes`). Clients branch on the
 * code, never on the message.
 */
export const GatewayErrorCodes = {
  DIRECTORY_UNAVAILABLE:
    'The hub directory did not answer: its fields (collectivités, products, memberships) are null, or, before the gateway could read the member list once, the members\' data is missing; `extensions.reason` says why.',
  MUTATION_OUTCOME_UNKNOWN:
    'A member registry did not answer a mutation usefully (e.g. in time): it may have applied it. `extensions.outcome` is "UNKNOWN"; check with a read before retrying.',
} as const;

/** Why a member's answer was not used (`extensions.reason`): the ways `postGraphQL` fails. */
export type MemberFailure = PostFailure;

/** How a server failed, in words, for the messages below (never the internal `detail`). */
const FAILURE_WORDS: Record<PostFailure, string> = {
  timeout: 'did not answer in time',
  unreachable: 'could not be reached',
  redirect: 'answered with a redirect, which the hub does not follow',
  'too large': 'sent an answer larger than the hub accepts',
  http: 'answered with an HTTP error',
  'invalid answer': 'answered something that is not a valid GraphQL response',
};

/**
 * The error entry for a member that did not answer usefully. Returned by a data source, so it is
 * a formatted error (plain object); the gateway adds `serviceName`.
 */
export function memberUnavailable(member: Pick<MemberInfo, 'siren' | 'name'>, failure: MemberFailure, detail?: string): GraphQLFormattedError {
  const what = FAILURE_WORDS[failure];
  return {
    message: `Member registry ${member.name ? `"${member.name}" ` : ''}(SIREN ${member.siren}) ${what}${detail ? `: ${detail}` : ''}. Its data is missing from this response.`,
    extensions: { code: 'MEMBER_UNAVAILABLE', siren: member.siren, member: member.name || undefined, reason: failure },
  };
}

/**
 * The error entry for a subgraph at its routing URL that did not answer usefully (no internal
 * address in it: the detail goes to the log only).
 */
export function subgraphUnavailable(serviceName: string, failure: PostFailure, detail?: string): GraphQLFormattedError {
  return {
    message: `Subgraph "${serviceName}" ${FAILURE_WORDS[failure]}${detail ? `: ${detail}` : ''}. Its data is missing from this response.`,
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName, reason: failure },
  };
}

/**
 * Connection failures that happen before anything is sent (`postGraphQL`'s `detail` of an
 * `unreachable` failure is the socket error code): a mutation that failed so was not applied.
 */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether a mutation that failed so may still have been applied by the member. */
export function mutationMayHaveApplied(failure: MemberFailure, detail: string): boolean {
  return !(failure === 'unreachable' && NOT_SENT.has(detail));
}

/**
 * The error entry for a mutation the member may have applied although the gateway got no usable
 * answer (typically a timeout): saying "unavailable" would make callers retry blindly, or believe
 * nothing was written. `extensions.outcome` is `UNKNOWN`.
 */
export function mutationOutcomeUnknown(member: Pick<MemberInfo, 'siren' | 'name'>, failure: MemberFailure, detail?: string): GraphQLFormattedError {
  // Connection refused stays MEMBER_UNAVAILABLE: here the request may have been received.
  const what = { ...FAILURE_WORDS, unreachable: 'closed the connection before answering' }[failure];
  return {
    message:
      `Member registry ${member.name ? `"${member.name}" ` : ''}(SIREN ${member.siren}) ${what}${detail ? ` (${detail})` : ''}: ` +
      'the change may have been applied. Check with a read before retrying.',
    extensions: { code: 'MUTATION_OUTCOME_UNKNOWN', outcome: 'UNKNOWN', siren: member.siren, member: member.name || undefined, reason: failure },
  };
}

/** Why the hub directory gave no usable answer, or `member list unknown` (never read since start-up). */
export type DirectoryFailure = PostFailure | 'member list unknown';

/**
 * The error entry for the directory's fields when it cannot answer (the rest of the response is
 * kept, as for members), and for member data while the member list has never been read. The
 * message names no internal address.
 */
export function directoryUnavailable(failure: DirectoryFailure, detail?: string): GraphQLFormattedError {
  if (failure === 'member list unknown') {
    return {
      message:
        'The hub directory has not answered since the gateway started: the list of member registries is unknown, so their data is missing from this response (lists are empty, not complete). Try again shortly.',
      extensions: { code: 'DIRECTORY_UNAVAILABLE', reason: failure },
    };
  }
  const what = FAILURE_WORDS[failure];
  return {
    message: `The hub directory ${what}${detail ? `: ${detail}` : ''}. Its data (collectivités, products, memberships) is missing from this response; try again shortly.`,
    extensions: { code: 'DIRECTORY_UNAVAILABLE', reason: failure },
  };
}

/** An error about one field of a routed operation (e.g. a mutation that names no member). */
export function fieldError(code: ErrorCode, message: string, path: Array<string | number>, extensions: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, path, extensions: { ...extensions, code } };
}

/** Why the national index gave no usable answer: a transport failure, not harvested yet, or left alone after a failure. */
export type IndexFailure = PostFailure | 'not ready' | 'index down';

/**
 * The error entry for fields only the national index serves (`libraryStats`) when it cannot
 * answer. Like `MEMBER_UNAVAILABLE`, the rest of the response is kept; the message names no
 * internal address. (National lists never get it: they are read live instead.)
 */
export function indexUnavailable(failure: IndexFailure, detail?: string): GraphQLFormattedError {
  const what = {
    ...FAILURE_WORDS,
    'not ready': 'has not completed its first harvest yet',
    'index down': 'failed a moment ago and is given time to recover',
  }[failure];
  return {
    message: `The national index ${what}${detail ? `: ${detail}` : ''}. National figures are missing from this response; try again shortly.`,
    extensions: { code: 'INDEX_UNAVAILABLE', reason: failure },
  };
}
