/**
 * Publisher tokens name the member that issued them: `bibia_pub_<siren>_<random>` (see
 * subgraphs/registry/src/auth/tokens.ts). A credential must never reach a server that did not
 * issue it, so the caller's `Authorization` header goes to a member only when it is such a token
 * naming that member's SIREN. Anything else — another member's token, an older token without a
 * SIREN, any other bearer — goes to no member: the request is sent anonymously.
 */
const PUBLISHER_BEARER = /^Bearer\s+bibia_pub_(\d{9})_[A-Za-z0-9_-]+$/i;

/** The SIREN named by `Authorization: Bearer bibia_pub_<siren>_…`, or undefined. */
export function sirenOfAuthorization(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  return PUBLISHER_BEARER.exec(authorization.trim())?.[1];
}

/** The header to send to the member `siren`: the caller's, when its token was issued there; else none. */
export function authorizationFor(siren: string, authorization: string | undefined): string | undefined {
  return authorization !== undefined && sirenOfAuthorization(authorization) === siren ? authorization : undefined;
}
