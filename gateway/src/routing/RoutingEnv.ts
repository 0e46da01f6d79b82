import type { GraphQLFormattedError } from 'graphql';
import type { MemberInfo } from '../members/MemberInfo';
import type { AnswerCheck, MemberRequest, MemberResult } from '../members/MemberTransport';

/** What routing needs from the rest of the gateway, for one incoming request. */
export interface RoutingEnv {
  members: {
    list(): MemberInfo[];
    get(siren: string): MemberInfo | undefined;
    /** Refreshes the member list when one of these SIRENs is unknown (see `MemberDirectory`). */
    ensureKnown(sirens: Iterable<string>, options?: { rememberUnknown?: boolean }): Promise<void>;
  };
  /** Sends one request to one member; `forwardAuthorization` lets the caller's token go with it, if it names that member. */
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

/**
 * Collapses identical errors from several members (same code, message and path), as a national
 * query with a bad argument gets from every member: one error, its `extensions.sirens` listing
 * them all (`extensions.siren` stays the first one's).
 */
export function collapseMemberErrors(errors: GraphQLFormattedError[]): GraphQLFormattedError[] {
  const byKey = new Map<string, GraphQLFormattedError>();
  const out: GraphQLFormattedError[] = [];
  for (const e of errors) {
    const siren = e.extensions?.siren;
    if (typeof siren !== 'string' || e.extensions?.code === 'MEMBER_UNAVAILABLE') {
      out.push(e);
      continue;
    }
    const key = JSON.stringify([e.extensions?.code, e.message, e.path]);
    const first = byKey.get(key);
    if (!first) {
      const copy = { ...e, extensions: { ...e.extensions, sirens: [siren] } };
      byKey.set(key, copy);
      out.push(copy);
    } else {
      (first.extensions!.sirens as string[]).push(siren);
    }
  }
  for (const e of byKey.values()) if ((e.extensions!.sirens as string[]).length === 1) delete (e.extensions as Record<string, unknown>).sirens;
  return out;
}
