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
