/**
 * What a partner credential says, and to whom. Partner credentials are JWTs signed by the hub
 * key (docs/partners.md): the one the hub admin issues (`aud` {@link PARTNER_AUDIENCE}) and the
 * short-lived ones the gateway mints for one member (`aud` {@link memberAudience}).
 */

/** `iss` of every credential the hub signs. */
export const HUB_ISSUER = 'urn:bibia:hub';

/** `aud` of a credential the hub admin issues to a partner. */
export const PARTNER_AUDIENCE = 'bibia:partner';

/** `aud` of a credential the gateway mints for one member registry: valid there only. */
export function memberAudience(siren: string): string {
  return `bibia:member:${siren}`;
}

/** Lifetime of a credential the gateway mints for one member, in seconds (at most). */
export const MEMBER_CREDENTIAL_TTL_SECONDS = 60;

/** Where the directory publishes the hub's public keys and its revocation list (paths of its HTTP server). */
export const JWKS_PATH = '/.well-known/jwks.json';
export const REVOCATIONS_PATH = '/.well-known/bibia-partner-revocations.json';

/** How often members and the gateway read the revocation list. @default 30 s */
export const DEFAULT_REVOCATION_POLL_MS = 30_000;

/** A verified partner, as every server that checked the credential knows it. */
export interface VerifiedPartner {
  /** The partner id (`sub`); revoking it revokes every credential naming it. */
  id: string;
  name: string;
  organisation?: string;
  /** Expiry of the credential presented. */
  expiresAt: Date;
}

/** Claims the hub puts in a partner credential beside the registered ones. */
export interface PartnerClaims {
  name: string;
  organisation?: string;
}

/** The revocation list the directory publishes: partner ids revoked and not yet expired. */
export interface RevocationListJson {
  issuer: string;
  revoked: { id: string; expiresAt: string }[];
}

/** A compact JWS (three base64url parts): the shape of a partner credential, not a publisher token. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}

/** The bearer token of an `Authorization` header, or undefined. */
export function bearerOf(authorization: string | undefined): string | undefined {
  return authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim())?.[1] : undefined;
}

/** The URL of a hub path (`JWKS_PATH`...) on the hub whose base or GraphQL URL is `hubUrl`. */
export function hubEndpoint(hubUrl: string, path: string): URL {
  return new URL(path, hubUrl);
}
