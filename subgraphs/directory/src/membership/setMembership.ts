import { notFound } from '@bibia/kit';
import type { Membership, MembershipStatus, PrismaClient } from '../generated/prisma/client';
import { checkHttpUrl, checkSiren } from '../shared/validate';

/** Options of {@link setMembership}. */
export interface SetMembershipOptions {
  siren: string;
  /** The member registry's GraphQL endpoint. */
  registryUrl: string;
  /** @default 'ACTIVE' */
  status?: MembershipStatus;
  /** @default 'unchecked' (no conformance check was run) */
  contractVersion?: string;
}

/**
 * Makes a known collectivité a member, or updates its membership, WITHOUT the conformance check
 * `registerMember` runs: for the dev stack and operators who register members at start-up
 * (`DIRECTORY_MEMBERS`, `--member siren=url`). Resets the failure count.
 */
export async function setMembership(prisma: PrismaClient, options: SetMembershipOptions): Promise<Membership> {
  const siren = checkSiren(options.siren, 'siren');
  const registryUrl = checkHttpUrl(options.registryUrl, 'registryUrl');
  const known = await prisma.collectivite.findUnique({ where: { siren }, select: { siren: true } });
  if (!known) throw notFound(`No collectivité with SIREN ${siren} in the directory`, { siren });
  const data = {
    registryUrl,
    status: options.status ?? 'ACTIVE',
    statusReason: null,
    contractVersion: options.contractVersion ?? 'unchecked',
    consecutiveFailures: 0,
  };
  return prisma.membership.upsert({ where: { siren }, create: { siren, ...data }, update: data });
}
