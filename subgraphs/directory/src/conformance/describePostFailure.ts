import type { PostGraphQLResult } from '@bibia/kit';

/**
 * Why a member gave no usable GraphQL answer, as one sentence its operator can act on. The
 * detail names the member's own URL and addresses: it goes to the candidate, never to a client.
 */
export function describePostFailure(answer: Extract<PostGraphQLResult, { ok: false }>): string {
  const http = answer.status === undefined ? '' : `HTTP ${answer.status}, `;
  switch (answer.failure) {
    case 'redirect':
      return `redirected (${answer.detail.replace(/ to /, ') to ')}: use the final URL`;
    case 'timeout':
    case 'too large':
      return answer.detail;
    case 'unreachable':
      return `request failed (${answer.detail})`;
    case 'http':
      return `${http}answer is not a GraphQL response`;
    case 'invalid answer':
      return answer.detail.startsWith('not JSON') ? `${http}answer is ${answer.detail}` : `${http}answer is not a GraphQL response (${answer.detail})`;
  }
}

/**
 * The same, for an answer whose author is not trusted (`registerMember`): says what rule or limit
 * failed, never what the server sent (body bytes, redirect target, socket error). A registry
 * operator sees the details with `bibia-conformance` on their own machine.
 */
export function describePostFailureQuietly(answer: Extract<PostGraphQLResult, { ok: false }>): string {
  const http = answer.status === undefined ? '' : `HTTP ${answer.status}, `;
  switch (answer.failure) {
    case 'redirect':
      return `redirected (HTTP ${answer.status}), which the hub does not follow: use the final URL`;
    case 'timeout':
    case 'too large':
      return answer.detail;
    case 'unreachable':
      return answer.detail.startsWith('forbidden address: ')
        ? `connection refused by the hub: the host resolves to a ${answer.detail.slice('forbidden address: '.length)} address, which a member registry may not use`
        : 'request failed: the registry could not be reached';
    case 'http':
    case 'invalid answer':
      return `${http}answer is not a GraphQL response`;
  }
}
