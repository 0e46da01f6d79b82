// Partner credentials: JWTs signed by the hub key, verified locally (docs/partners.md).
export {
  HUB_ISSUER, PARTNER_AUDIENCE, MEMBER_CREDENTIAL_TTL_SECONDS, JWKS_PATH, REVOCATIONS_PATH, DEFAULT_REVOCATION_POLL_MS,
  memberAudience, looksLikeJwt, bearerOf, hubEndpoint, type VerifiedPartner, type PartnerClaims, type RevocationListJson,
} from './claims';
export {
  parseHubSigningJwk, hubSigningKeyFromEnv, readHubSigningKeyFile, importHubSigningKey, generateHubSigningKey, type HubSigningKey, type HubKeyAlgorithm,
} from './hubSigningKey';
export { signHubCredential, type HubCredentialContent } from './signHubCredential';
export { RevocationList, type RevocationListOptions } from './RevocationList';
export { PartnerVerifier, type PartnerVerifierOptions, type PartnerVerification } from './PartnerVerifier';
