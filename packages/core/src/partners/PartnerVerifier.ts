import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWK, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { HUB_ISSUER, MEMBER_CREDENTIAL_TTL_SECONDS, PARTNER_AUDIENCE, type VerifiedPartner } from './claims';
import type { RevocationList } from './RevocationList';

/** Options of {@link PartnerVerifier}. */
export interface PartnerVerifierOptions {
  /** The hub's public keys: given (the gateway holds the hub key), or read from the hub's JWKS URL (members; cached by jose). */
  keys: { publicJwks: JWK[] } | { jwksUrl: URL };
  /** `aud` values this server accepts, e.g. `bibia:partner` and `bibia:member:<its SIREN>`. */
  audiences: string[];
  revocations: RevocationList;
  /** The clock (tests check expiry with it). @default () => new Date() */
  now?: () => Date;
}

export type PartnerVerification = { ok: true; partner: VerifiedPartner } | { ok: false; reason: string };

/** Seconds of clock difference tolerated between the hub and this server. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Checks partner credentials locally: signature by a hub key, `iss`, one of the accepted `aud`,
 * `exp`, the claims a partner credential must have, and the hub's revocation list. Never calls
 * the hub per request: the JWKS is cached, the revocation list polled.
 */
export class PartnerVerifier {
  private readonly getKey: JWTVerifyGetKey;

  constructor(private readonly options: PartnerVerifierOptions) {
    this.getKey = 'jwksUrl' in options.keys
      ? createRemoteJWKSet(options.keys.jwksUrl, { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 })
      : createLocalJWKSet({ keys: options.keys.publicJwks });
  }

  async verify(token: string): Promise<PartnerVerification> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        issuer: HUB_ISSUER,
        audience: this.options.audiences,
        algorithms: ['ES256', 'EdDSA'],
        requiredClaims: ['sub', 'jti', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.options.now?.(),
      }));
    } catch (err) {
      return { ok: false, reason: describeFailure(err) };
    }
    const { sub, exp, iat, name, organisation, aud } = payload;
    if (typeof name !== 'string' || !sub) return { ok: false, reason: 'The partner credential lacks its partner name' };
    const audiences = Array.isArray(aud) ? aud : [aud];
    // A credential minted for one member lives one minute: a longer one was not made by the gateway.
    if (!audiences.includes(PARTNER_AUDIENCE) && exp! - iat! > MEMBER_CREDENTIAL_TTL_SECONDS) {
      return { ok: false, reason: 'The member credential lives longer than the gateway ever grants' };
    }
    if (!(await this.options.revocations.ensureLoaded())) {
      return { ok: false, reason: "The hub's revocation list cannot be read yet: partner credentials cannot be checked for now" };
    }
    if (this.options.revocations.isRevoked(sub)) return { ok: false, reason: 'This partner credential has been revoked by the hub' };
    return {
      ok: true,
      partner: { id: sub, name, organisation: typeof organisation === 'string' ? organisation : undefined, expiresAt: new Date(exp! * 1000) },
    };
  }
}

/** One sentence for the client, from jose's error codes; never the token or a key. */
function describeFailure(err: unknown): string {
  const { code, claim } = (err ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'The partner credential has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'iss') return 'The credential was not issued by the BibIA hub (wrong issuer)';
      if (claim === 'aud') return 'The partner credential is not meant for this server (wrong audience)';
      if (claim === 'nbf' || claim === 'iat') return 'The partner credential is not valid yet';
      return `The partner credential lacks a valid "${claim ?? 'required'}" claim`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'The partner credential is not signed by the hub key';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'The partner credential uses an algorithm the hub does not sign with';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return "The hub's public keys cannot be read now: partner credentials cannot be checked for now";
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'The partner credential is not a well-formed JWT';
    default:
      // Network failures of the JWKS fetch have no jose code.
      return "The partner credential cannot be checked now (the hub's public keys could not be read)";
  }
}
