import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { HUB_ISSUER, type PartnerClaims } from './claims';
import type { HubSigningKey } from './hubSigningKey';

/** What a credential signed by the hub says. */
export interface HubCredentialContent extends PartnerClaims {
  /** The partner id. */
  subject: string;
  audience: string;
  expiresAt: Date;
  /** @default a random id */
  jti?: string;
  /** @default now */
  issuedAt?: Date;
}

/** Signs a partner credential (JWT) with the hub key: `iss` {@link HUB_ISSUER}, `sub`, `aud`, `jti`, `iat`, `exp`, name, organisation. */
export function signHubCredential(key: HubSigningKey, content: HubCredentialContent): Promise<string> {
  const issuedAt = content.issuedAt ?? new Date();
  return new SignJWT({ name: content.name, ...(content.organisation ? { organisation: content.organisation } : {}) })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(HUB_ISSUER)
    .setSubject(content.subject)
    .setAudience(content.audience)
    .setJti(content.jti ?? crypto.randomUUID())
    .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
    .setExpirationTime(Math.floor(content.expiresAt.getTime() / 1000))
    .sign(key.privateKey);
}
