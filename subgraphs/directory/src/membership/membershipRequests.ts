import crypto from 'node:crypto';
import { badInput, conflict, notFound } from '@bibia/kit';
import { checkMemberUrl } from '@bibia/kit';
import type { DirectoryContext } from '../context';
import type { MembershipRequest, MembershipRequestStatus } from '../generated/prisma/client';
import { checkHttpUrl, checkOptionalText, checkSiren, checkText } from '../shared/validate';
import type { MembershipRequestInput } from './membershipRequest';
import { registerMember } from './registerMember';

/**
 * Pending requests the directory keeps at most: an anonymous mutation writes rows, and the rate
 * limit alone bounds them per minute, not in total.
 */
export const MAX_PENDING_REQUESTS = 1000;

/** At most this many requests per `membershipRequests` answer, newest first. */
export const MAX_LISTED_REQUESTS = 200;

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/**
 * Records a collectivité's request to join (anyone may send one; the hub admin decides). The
 * SIREN must be in the directory, the URL must be one the hub would call; one pending request per
 * SIREN, none from a member. Nothing is fetched now: the conformance check runs at approval.
 */
export async function requestMembership(ctx: DirectoryContext, input: MembershipRequestInput): Promise<MembershipRequest> {
  const siren = checkSiren(input.siren, 'input.siren');
  const registryUrl = checkHttpUrl(input.registryUrl, 'input.registryUrl');
  const contactEmail = checkText(input.contactEmail, 'input.contactEmail', { max: 254 });
  if (!EMAIL.test(contactEmail)) throw badInput(`input.contactEmail: "${contactEmail}" is not an e-mail address`, { field: 'input.contactEmail' });
  const contactName = checkOptionalText(input.contactName, 'input.contactName', 200);
  const message = checkOptionalText(input.message, 'input.message', 1000);
  const refused = await checkMemberUrl(registryUrl, { allowPrivateAddresses: ctx.allowPrivateMemberUrls });
  if (refused) throw badInput(`input.registryUrl refused: ${refused}`, { field: 'input.registryUrl' });

  const collectivite = await ctx.loaders.collectivite.load(siren);
  if (!collectivite) {
    throw notFound(`No collectivité with SIREN ${siren} in the directory: check the SIREN, or ask the hub admin to add the collectivité`, { siren });
  }
  if (await ctx.loaders.membership.load(siren)) throw conflict(`${collectivite.name} (${siren}) is already a member of BibIA`, { siren });
  const [pendingForSiren, pending] = await Promise.all([
    ctx.prisma.membershipRequest.count({ where: { siren, status: 'PENDING' } }),
    ctx.prisma.membershipRequest.count({ where: { status: 'PENDING' } }),
  ]);
  if (pendingForSiren) throw conflict(`A request for ${collectivite.name} (${siren}) is already waiting for the hub admin`, { siren });
  if (pending >= MAX_PENDING_REQUESTS) throw conflict('The hub has too many requests waiting: try again later');
  const request = await ctx.prisma.membershipRequest.create({
    data: { id: crypto.randomBytes(8).toString('hex'), siren, registryUrl, contactEmail, contactName, message },
  });
  ctx.logger.info({ id: request.id, siren, registryUrl }, 'membership requested');
  return request;
}

/** Hub admin: requests in these statuses (all when omitted), newest first. */
export function listMembershipRequests(ctx: DirectoryContext, status: MembershipRequestStatus[] | null): Promise<MembershipRequest[]> {
  return ctx.prisma.membershipRequest.findMany({
    where: status ? { status: { in: status } } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: MAX_LISTED_REQUESTS,
  });
}

/**
 * Hub admin: admits the collectivité with `registerMember` (same URL policy and conformance
 * check); a registry that fails leaves the request PENDING, with the differences in the error.
 */
export async function approveMembershipRequest(ctx: DirectoryContext, id: string): Promise<MembershipRequest> {
  const request = await pendingRequest(ctx, id);
  await registerMember(ctx, request.siren, request.registryUrl);
  return decide(ctx, request, { status: 'APPROVED', decisionReason: null });
}

/** Hub admin: refuses a pending request, saying why (shown to whoever reads the request). */
export async function rejectMembershipRequest(ctx: DirectoryContext, id: string, reason: string): Promise<MembershipRequest> {
  const decisionReason = checkText(reason, 'reason', { max: 500 });
  const request = await pendingRequest(ctx, id);
  return decide(ctx, request, { status: 'REJECTED', decisionReason });
}

async function pendingRequest(ctx: DirectoryContext, id: string): Promise<MembershipRequest> {
  const request = await ctx.prisma.membershipRequest.findUnique({ where: { id: id.trim() } });
  if (!request) throw notFound(`No membership request with id "${id}"`, { id });
  if (request.status !== 'PENDING') throw conflict(`The membership request ${request.id} is already ${request.status}`, { id: request.id, status: request.status });
  return request;
}

async function decide(
  ctx: DirectoryContext,
  request: MembershipRequest,
  decision: { status: 'APPROVED' | 'REJECTED'; decisionReason: string | null },
): Promise<MembershipRequest> {
  // Only from PENDING: of two admins deciding at once, the second is told.
  const { count } = await ctx.prisma.membershipRequest.updateMany({
    where: { id: request.id, status: 'PENDING' },
    data: { ...decision, decidedAt: new Date() },
  });
  if (count !== 1) throw conflict(`The membership request ${request.id} was decided meanwhile`, { id: request.id });
  ctx.logger.info({ id: request.id, siren: request.siren, status: decision.status }, 'membership request decided');
  return (await ctx.prisma.membershipRequest.findUnique({ where: { id: request.id } }))!;
}
