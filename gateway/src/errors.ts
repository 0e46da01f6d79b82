// Errors the gateway writes itself; their codes are documented in `@bibia/core`'s `ErrorCodes`.
import type { ErrorCode, PostFailure } from '@bibia/core';
import type { GraphQLFormattedError } from 'graphql';
import type { MemberInfo } from './members/MemberInfo';

/** Why a member's answer was not used (`extensions.reason`): the ways `postGraphQL` fails. */
export type MemberFailure = PostFailure;

/**
 * The error entry for a member that did not answer usefully. Returned by a data source, so it is
 * a formatted error (plain object); the gateway adds `serviceName`.
 */
export function memberUnavailable(member: Pick<MemberInfo, 'siren' | 'name'>, failure: MemberFailure, detail?: string): GraphQLFormattedError {
  const what = {
    timeout: 'did not answer in time',
    unreachable: 'could not be reached',
    redirect: 'answered with a redirect, which the hub does not follow',
    'too large': 'sent an answer larger than the hub accepts',
    http: 'answered with an HTTP error',
    'invalid answer': 'answered something that is not a valid GraphQL response',
  }[failure];
  return {
    message: `Member registry ${member.name ? `"${member.name}" ` : ''}(SIREN ${member.siren}) ${what}${detail ? `: ${detail}` : ''}. Its data is missing from this response.`,
    extensions: { code: 'MEMBER_UNAVAILABLE', siren: member.siren, member: member.name || undefined, reason: failure },
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
    timeout: 'did not answer in time',
    unreachable: 'could not be reached',
    redirect: 'answered with a redirect, which the hub does not follow',
    'too large': 'sent an answer larger than the hub accepts',
    http: 'answered with an HTTP error',
    'invalid answer': 'answered something that is not a valid GraphQL response',
    'not ready': 'has not completed its first harvest yet',
    'index down': 'failed a moment ago and is given time to recover',
  }[failure];
  return {
    message: `The national index ${what}${detail ? `: ${detail}` : ''}. National figures are missing from this response; try again shortly.`,
    extensions: { code: 'INDEX_UNAVAILABLE', reason: failure },
  };
}
