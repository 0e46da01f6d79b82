import { badInput, forbidden, notFound } from '@bibia/kit';
import { checkConformance } from '../conformance/checkConformance';
import { checkMemberUrl } from '@bibia/kit';
import type { DirectoryContext } from '../context';
import type { Membership } from '../generated/prisma/client';
import { checkHttpUrl, checkSiren } from '../shared/validate';

/**
 * Admits a collectivité of the directory as a member, after its registry passed the conformance
 * check; re-registering updates the URL (a SUSPENDED member stays suspended). A registry that
 * fails is refused with BAD_USER_INPUT listing every difference in `extensions.differences`.
 */
export async function registerMember(ctx: DirectoryContext, sirenArg: string, registryUrlArg: string): Promise<Membership> {
  const siren = checkSiren(sirenArg, 'siren');
  const registryUrl = checkHttpUrl(registryUrlArg, 'registryUrl');
  // The hub will call this URL (probes now, every query later): not one of its own network's.
  const addressPolicy = { allowPrivateAddresses: ctx.allowPrivateMemberUrls };
  const refused = await checkMemberUrl(registryUrl, addressPolicy);
  if (refused) throw badInput(`registryUrl refused: ${refused}`, { field: 'registryUrl' });
  const collectivite = await ctx.prisma.collectivite.findUnique({ where: { siren }, select: { siren: true } });
  if (!collectivite) {
    throw notFound(`No collectivité with SIREN ${siren} in the directory: every commune and intercommunalité of the administrative reference is; add others with upsertCollectivite`, { siren });
  }
  const contractSdl = ctx.readContract();
  if (!contractSdl) throw forbidden(`Member registration is disabled: the hub has no registry contract (${ctx.contractSource}).`);

  const report = await checkConformance({ url: registryUrl, contractSdl, siren, timeoutMs: ctx.conformanceTimeoutMs, addressPolicy });
  if (!report.ok) {
    const n = report.differences.length;
    throw badInput(
      `The registry at ${registryUrl} does not conform to the contract (${n} difference${n === 1 ? '' : 's'}):\n` +
        report.differences.map((d) => `- ${d}`).join('\n'),
      { field: 'registryUrl', differences: report.differences },
    );
  }
  ctx.logger.info({ siren, registryUrl, contractVersion: report.contractVersion, checks: report.checks }, 'member registered');
  const existing = await ctx.prisma.membership.findUnique({ where: { siren } });
  const now = new Date();
  const data = { registryUrl, contractVersion: report.contractVersion, lastSeenAt: now, consecutiveFailures: 0 };
  return ctx.prisma.membership.upsert({
    where: { siren },
    create: { siren, ...data, status: 'ACTIVE', admittedAt: now },
    update: existing?.status === 'SUSPENDED' ? data : { ...data, status: 'ACTIVE', statusReason: null },
  });
}
