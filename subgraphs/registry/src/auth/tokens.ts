import crypto from 'node:crypto';
import { bearerOf, looksLikeJwt, type PartnerVerifier, type VerifiedPartner } from '@bibia/kit';
import type { RegistryPrisma } from '../storage';

/** What the registry knows of the caller. */
export interface Publisher {
  tokenId: string;
  label: string;
}

/**
 * Who calls. A partner (a hub-signed credential, see auth/partners.ts) reads reports kept for
 * partners and never writes. `invalid.credential` says which kind of credential was refused.
 */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'publisher'; publisher: Publisher }
  | { kind: 'partner'; partner: VerifiedPartner }
  | { kind: 'invalid'; reason: string; credential: 'publisher' | 'partner' };

const PREFIX = 'bibia_pub_';

/**
 * A publisher token names the member that issued it: `bibia_pub_<siren>_<random>`, so that the
 * gateway forwards it to that member only (gateway/src/routing/publisherToken.ts). Tokens created
 * before had no SIREN (`bibia_pub_<random>`): they still work when sent to their registry directly.
 */
export function formatToken(siren: string, random: string): string {
  return `${PREFIX}${siren}_${random}`;
}

/** The SIREN a publisher token names, or undefined for an older token (or anything else). */
export function sirenOfToken(token: string): string | undefined {
  return /^bibia_pub_(\d{9})_[A-Za-z0-9_-]+$/.exec(token)?.[1];
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Creates a publisher token naming this registry's SIREN (`options.siren`, else the owner in the
 * database); the clear token is returned once and only its hash is stored.
 */
export async function createToken(prisma: RegistryPrisma, label: string, options: { siren?: string } = {}): Promise<{ id: string; token: string }> {
  const cleanLabel = label.trim();
  if (!cleanLabel || cleanLabel.length > 100) throw new Error('The label must have 1 to 100 characters (e.g. "Service numérique - Jeanne")');
  const siren = options.siren ?? (await prisma.owner.findFirst({ select: { siren: true } }))?.siren;
  if (!siren || !/^\d{9}$/.test(siren)) throw new Error('The SIREN of this registry is unknown: give it (REGISTRY_SIREN or --siren), or start the registry once');
  const id = crypto.randomBytes(6).toString('hex');
  const token = formatToken(siren, crypto.randomBytes(32).toString('base64url'));
  await prisma.publisherToken.create({ data: { id, label: cleanLabel, hash: hashToken(token) } });
  return { id, token };
}

/** Revokes a token by id; false when there is no such active token. */
export async function revokeToken(prisma: RegistryPrisma, id: string): Promise<boolean> {
  const { count } = await prisma.publisherToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

export function listTokens(prisma: RegistryPrisma) {
  return prisma.publisherToken.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, label: true, createdAt: true, revokedAt: true, lastUsedAt: true },
  });
}

/**
 * Reads `Authorization: Bearer <token>`: a JWT is a partner credential, checked with `partners`
 * (undefined when the registry has no `HUB_URL`: every JWT is then refused); anything else is a
 * publisher token. An invalid token is remembered, not thrown: the context decides.
 */
export async function identifyCaller(prisma: RegistryPrisma, authorization: string | undefined, partners?: PartnerVerifier): Promise<Caller> {
  if (!authorization) return { kind: 'anonymous' };
  const token = bearerOf(authorization);
  if (!token) return { kind: 'invalid', reason: 'The Authorization header must be "Bearer <token>"', credential: 'publisher' };
  if (looksLikeJwt(token)) return identifyPartner(token, partners);
  const row = await prisma.publisherToken.findUnique({ where: { hash: hashToken(token) } });
  if (!row) return { kind: 'invalid', reason: 'Unknown publisher token', credential: 'publisher' };
  if (row.revokedAt) return { kind: 'invalid', reason: 'This publisher token has been revoked', credential: 'publisher' };
  // Best effort, at most once a minute: never delays or fails the request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    prisma.publisherToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return { kind: 'publisher', publisher: { tokenId: row.id, label: row.label } };
}

async function identifyPartner(token: string, partners: PartnerVerifier | undefined): Promise<Caller> {
  if (!partners) {
    return { kind: 'invalid', reason: 'This registry does not accept partner credentials: it has no HUB_URL configured to check them', credential: 'partner' };
  }
  const checked = await partners.verify(token);
  return checked.ok ? { kind: 'partner', partner: checked.partner } : { kind: 'invalid', reason: checked.reason, credential: 'partner' };
}
