import { hubEndpoint, JWKS_PATH, memberAudience, PARTNER_AUDIENCE, PartnerVerifier, REVOCATIONS_PATH, RevocationList, type Logger } from '@bibia/kit';

/** Options of {@link createPartnerVerification}. */
export interface PartnerVerificationOptions {
  /** Base URL of the hub's directory (`HUB_URL`). */
  hubUrl: string;
  /** This registry's SIREN: credentials the gateway mints for it name it in `aud`. */
  siren: string;
  /** Interval between two reads of the revocation list. @default DEFAULT_REVOCATION_POLL_MS (30 s) */
  revocationPollMs?: number;
  logger: Logger;
  /** The clock, for tests of expiry. @default () => new Date() */
  now?: () => Date;
}

/** How a member checks partner credentials, and how it stops polling the hub. */
export interface PartnerVerification {
  verifier: PartnerVerifier;
  stop(): void;
}

/**
 * Partner credentials at a member: the hub's JWKS read from `HUB_URL` (cached), the revocation
 * list polled from it, and two accepted audiences — a partner calling this registry directly
 * (`bibia:partner`) or the gateway's one-minute credential for this member (`bibia:member:<siren>`).
 */
export function createPartnerVerification(options: PartnerVerificationOptions): PartnerVerification {
  const revocations = new RevocationList({ url: hubEndpoint(options.hubUrl, REVOCATIONS_PATH), pollMs: options.revocationPollMs, logger: options.logger });
  revocations.start();
  const verifier = new PartnerVerifier({
    keys: { jwksUrl: hubEndpoint(options.hubUrl, JWKS_PATH) },
    audiences: [PARTNER_AUDIENCE, memberAudience(options.siren)],
    revocations,
    now: options.now,
  });
  return { verifier, stop: () => revocations.stop() };
}
