import {
  bearerOf, hubEndpoint, importHubSigningKey, looksLikeJwt, MEMBER_CREDENTIAL_TTL_SECONDS, memberAudience, PARTNER_AUDIENCE, PartnerVerifier, REVOCATIONS_PATH,
  RevocationList, signHubCredential, type HubSigningKey, type Logger, type VerifiedPartner,
} from '@bibia/core';
import { GraphQLError } from 'graphql';

/** Options of {@link PartnerAccess.create}. */
export interface PartnerAccessOptions {
  /** The hub signing key (private JWK JSON): verifies partner credentials and signs member credentials. */
  signingKey: string;
  /** GraphQL or base URL of the hub directory: its revocation list is read from there. */
  directoryUrl: string;
  /** @default 30 s */
  revocationPollMs?: number;
  logger: Logger;
}

/** How long a minted member credential is reused for the same partner and member. */
const REUSE_MS = 10_000;

/**
 * Partner credentials at the gateway. A partner's own JWT (`aud` `bibia:partner`) is checked here
 * (hub key, issuer, expiry, the revocation list polled from the directory) and never sent on:
 * each member gets instead a JWT signed by the hub key for it alone (`aud`
 * `bibia:member:<siren>`), living one minute, so that no member can replay what it received
 * against another member or later.
 */
export class PartnerAccess {
  private readonly minted = new Map<string, { authorization: string; until: number }>();

  private constructor(
    private readonly key: HubSigningKey,
    private readonly verifier: PartnerVerifier,
    private readonly revocations: RevocationList,
  ) {}

  static async create(options: PartnerAccessOptions): Promise<PartnerAccess> {
    const key = await importHubSigningKey(options.signingKey);
    const revocations = new RevocationList({ url: hubEndpoint(options.directoryUrl, REVOCATIONS_PATH), pollMs: options.revocationPollMs, logger: options.logger });
    revocations.start();
    // Only what a partner holds: a credential minted for a member is refused here.
    const verifier = new PartnerVerifier({ keys: { publicJwks: [key.publicJwk] }, audiences: [PARTNER_AUDIENCE], revocations });
    return new PartnerAccess(key, verifier, revocations);
  }

  stop(): void {
    this.revocations.stop();
  }

  /**
   * The verified partner of a request whose bearer is a JWT; undefined for no credential or
   * another kind (a publisher token). Throws UNAUTHENTICATED for a JWT that fails a check.
   */
  async identify(authorization: string | undefined): Promise<VerifiedPartner | undefined> {
    const token = bearerOf(authorization);
    if (!token || !looksLikeJwt(token)) return undefined;
    const checked = await this.verifier.verify(token);
    if (!checked.ok) throw refused(checked.reason);
    return checked.partner;
  }

  /** `Bearer <JWT for this member only>`, reused for a few seconds per partner and member. */
  async authorizationFor(partner: VerifiedPartner, siren: string): Promise<string> {
    const cacheKey = `${partner.id}\0${siren}`;
    const now = Date.now();
    const reused = this.minted.get(cacheKey);
    if (reused && reused.until > now) return reused.authorization;
    if (this.minted.size > 10_000) this.forgetExpired(now);
    const expiresAt = new Date(Math.min(now + MEMBER_CREDENTIAL_TTL_SECONDS * 1000, partner.expiresAt.getTime()));
    const token = await signHubCredential(this.key, {
      subject: partner.id,
      audience: memberAudience(siren),
      name: partner.name,
      organisation: partner.organisation,
      issuedAt: new Date(now),
      expiresAt,
    });
    const authorization = `Bearer ${token}`;
    this.minted.set(cacheKey, { authorization, until: Math.min(now + REUSE_MS, expiresAt.getTime() - 1000) });
    return authorization;
  }

  private forgetExpired(now: number): void {
    for (const [key, entry] of this.minted) if (entry.until <= now) this.minted.delete(key);
  }
}

/**
 * A partner credential the gateway refuses: UNAUTHENTICATED, HTTP 401, never served as if
 * anonymous (the partner would take a public answer for the whole picture).
 */
export function refused(reason: string): GraphQLError {
  return new GraphQLError(reason, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
