import { notFound } from '@bibia/kit';
import type { Membership, PrismaClient } from '../generated/prisma/client';

/** The membership of `siren`, or NOT_FOUND. */
export async function requireMembership(prisma: PrismaClient, siren: string): Promise<Membership> {
  const membership = await prisma.membership.findUnique({ where: { siren } });
  if (!membership) throw notFound(`The collectivité ${siren} is not a member of BibIA`, { siren });
  return membership;
}

/** Stops routing to a member, whatever its health, until `reactivateMember`. */
export async function suspendMember(prisma: PrismaClient, siren: string, reason: string): Promise<Membership> {
  await requireMembership(prisma, siren);
  return prisma.membership.update({ where: { siren }, data: { status: 'SUSPENDED', statusReason: reason } });
}

/** Routes to a member again (from SUSPENDED or UNREACHABLE), with a fresh failure count. */
export async function reactivateMember(prisma: PrismaClient, siren: string): Promise<Membership> {
  await requireMembership(prisma, siren);
  return prisma.membership.update({
    where: { siren },
    data: { status: 'ACTIVE', statusReason: null, consecutiveFailures: 0 },
  });
}

/**
 * Records the outcome of one health check (the gateway's). A success resets the failure count,
 * sets `lastSeenAt` and turns an UNREACHABLE member ACTIVE; a failure counts, and the
 * `unreachableAfter`-th in a row turns an ACTIVE member UNREACHABLE. SUSPENDED stays SUSPENDED.
 * Both statements run in one transaction and the increment is done by the database, so
 * concurrent reports are all counted.
 */
export async function recordMemberHealth(
  prisma: PrismaClient,
  siren: string,
  reachable: boolean,
  unreachableAfter: number,
  now = new Date(),
): Promise<{ membership: Membership; previousStatus: Membership['status'] }> {
  const { status: previousStatus } = await requireMembership(prisma, siren);
  if (reachable) {
    await prisma.$transaction([
      prisma.membership.update({ where: { siren }, data: { consecutiveFailures: 0, lastSeenAt: now } }),
      prisma.membership.updateMany({ where: { siren, status: 'UNREACHABLE' }, data: { status: 'ACTIVE' } }),
    ]);
  } else {
    await prisma.$transaction([
      prisma.membership.update({ where: { siren }, data: { consecutiveFailures: { increment: 1 } } }),
      prisma.membership.updateMany({
        where: { siren, status: 'ACTIVE', consecutiveFailures: { gte: unreachableAfter } },
        data: { status: 'UNREACHABLE' },
      }),
    ]);
  }
  const membership = (await prisma.membership.findUnique({ where: { siren } }))!;
  return { membership, previousStatus };
}
