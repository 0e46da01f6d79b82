import type { GraphQLFormattedError } from 'graphql';
import type { MemberInfo } from './owners';
import type { AnswerCheck, MemberRequest, MemberResult } from '../members/MemberTransport';

/** What routing needs from the rest of the gateway, for one incoming request. */
export interface RoutingEnv {
  members: {
    list(): MemberInfo[];
    get(siren: string): MemberInfo | undefined;
    /** Refreshes the member list when one of these SIRENs is unknown (see `MemberDirectory`). */
    ensureKnown(sirens: Iterable<string>, options?: { rememberUnknown?: boolean }): Promise<void>;
  };
  /** Sends one request to one member; `forwardAuthorization` lets the caller's token go with it. */
  send(member: MemberInfo, request: MemberRequest, options: { forwardAuthorization: boolean; check: AnswerCheck }): Promise<MemberResult>;
}

/** What a routed fetch gives back to Apollo Gateway. */
export interface RoutedResponse {
  data: Record<string, unknown>;
  errors: GraphQLFormattedError[];
}

/**
 * An error a member returned, passed on with its SIREN and name; `path` is moved by `mapPath`
 * (member positions → merged positions).
 */
export function fromMember(
  error: GraphQLFormattedError,
  member: MemberInfo,
  mapPath: (path: ReadonlyArray<string | number>) => ReadonlyArray<string | number> | undefined = (p) => p,
): GraphQLFormattedError {
  return {
    ...error,
    message: typeof error.message === 'string' ? error.message : 'Error from a member registry',
    path: error.path ? mapPath(error.path) : undefined,
    extensions: { ...(error.extensions ?? {}), siren: member.siren, member: member.name || undefined },
  };
}
