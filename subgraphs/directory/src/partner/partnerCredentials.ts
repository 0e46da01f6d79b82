import crypto from 'node:crypto';
import { badInput, forbidden, HUB_ISSUER, notFound, PARTNER_AUDIENCE, signHubCredential, type RevocationListJson } from '@bibia/kit';
import type { DirectoryContext } from '../context';
import type { Partner as PartnerRow, PrismaClient } from '../generated/prisma/client';
import { checkOptionalText, checkText } from '../shared/validate';
import { DEFAULT_PARTNER_DAYS, MAX_PARTNER_DAYS, type IssuePartnerCredentialInput } from './partnerInput';
import { PartnerStatus } from './partner';

const DAY_MS = 24 * 60 * 60 * 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Records a partner and signs its credential with the hub key. Every input is checked before
 * anything is written; the credential is returned once and never stored.
 */
export async function issuePartnerCredential(ctx: DirectoryContext, input: IssuePartnerCredentialInput): Promise<{ partner: PartnerRow; credential: string }> {
  if (!ctx.signingKey) {
    throw forbidden('Partner credentials cannot be issued: this directory has no hub signing key (set HUB_SIGNING_KEY or HUB_SIGNING_KEY_FILE).');
  }
  const name = checkText(input.name, 'name', { max: 200 });
  const organisation = checkOptionalText(input.organisation, 'organisation', 200);
  const contactEmail = checkOptionalText(input.contactEmail, 'contactEmail', 254);
  if (contactEmail && !EMAIL.test(contactEmail)) throw badInput(`contactEmail: "${contactEmail}" is not an e-mail address`, { field: 'contactEmail' });
  const days = input.expiresInDays ?? DEFAULT_PARTNER_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_PARTNER_DAYS) {
    throw badInput(`expiresInDays must be a whole number of days from 1 to ${MAX_PARTNER_DAYS}, got ${days}`, { field: 'expiresInDays' });
  }
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + days * DAY_MS);
  const id = `ptn_${crypto.randomBytes(9).toString('base64url')}`;
  // Signed first: a key that cannot sign leaves no partner without a credential behind.
  const credential = await signHubCredential(ctx.signingKey, {
    subject: id,
    jti: id,
    audience: PARTNER_AUDIENCE,
    name,
    organisation: organisation ?? undefined,
    issuedAt: createdAt,
    expiresAt,
  });
  const partner = await ctx.prisma.partner.create({ data: { id, name, organisation, contactEmail, createdAt, expiresAt } });
  ctx.logger.info({ partner: id, expiresAt }, 'partner credential issued');
  return { partner, credential };
}

/** Every partner, newest first. */
export function listPartners(prisma: PrismaClient): Promise<PartnerRow[]> {
  return prisma.partner.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
}

/** Revokes a partner's credential; revoking it again keeps the first date. */
export async function revokePartnerCredential(ctx: DirectoryContext, id: string): Promise<PartnerRow> {
  const found = await ctx.prisma.partner.findUnique({ where: { id } });
  if (!found) throw notFound(`No partner with id "${id}"`, { field: 'id' });
  if (found.revokedAt) return found;
  const partner = await ctx.prisma.partner.update({ where: { id }, data: { revokedAt: new Date() } });
  ctx.logger.info({ partner: id }, 'partner credential revoked');
  return partner;
}

export function partnerStatus(row: PartnerRow, now = new Date()): PartnerStatus {
  if (row.revokedAt) return PartnerStatus.REVOKED;
  return row.expiresAt <= now ? PartnerStatus.EXPIRED : PartnerStatus.ACTIVE;
}

/** What `/.well-known/bibia-partner-revocations.json` serves: revoked partners whose credential has not expired. */
export async function revocationList(prisma: PrismaClient): Promise<RevocationListJson> {
  const rows = await prisma.partner.findMany({
    where: { revokedAt: { not: null }, expiresAt: { gt: new Date() } },
    select: { id: true, expiresAt: true },
    orderBy: { id: 'asc' },
  });
  return { issuer: HUB_ISSUER, revoked: rows.map((r) => ({ id: r.id, expiresAt: r.expiresAt.toISOString() })) };
}
