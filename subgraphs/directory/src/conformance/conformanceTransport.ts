import { errorMessages, isObject, postGraphQL, type PostGraphQLResult, type RawGraphQLError } from '@bibia/kit';
import { describePostFailure, describePostFailureQuietly } from './describePostFailure';
import { guardedPostGraphQL } from '@bibia/kit';
import type { MemberAddressPolicy } from '@bibia/kit';

/** How the checks reach the candidate and word what went wrong. */
export interface ConformanceTransport {
  post: (url: string, query: string, variables: Record<string, unknown>, options: { timeoutMs?: number }) => Promise<PostGraphQLResult>;
  describeFailure: (answer: Extract<PostGraphQLResult, { ok: false }>) => string;
  describeErrors: (errors: RawGraphQLError[]) => string;
}

/** The transport of {@link ConformanceOptions}: guarded and quiet with an address policy. */
export function conformanceTransport(policy?: MemberAddressPolicy): ConformanceTransport {
  if (!policy) return { post: postGraphQL, describeFailure: describePostFailure, describeErrors: (errors) => errorMessages(errors).slice(0, 3).join(' | ') };
  return {
    post: (url, query, variables, options) => guardedPostGraphQL(policy, url, query, variables, options),
    describeFailure: describePostFailureQuietly,
    describeErrors: (errors) => {
      const codes = [...new Set(errors.map((e) => (isObject(e.extensions) ? e.extensions.code : undefined)).filter((c): c is string => typeof c === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(c)))];
      return `${errors.length} error${errors.length === 1 ? '' : 's'}${codes.length ? ` (${codes.join(', ')})` : ''}`;
    },
  };
}
