import type { RegistryContext } from '../context';

/** Figures of the public part of the registry. */
export async function registryStats(ctx: RegistryContext) {
  const [toolCount, operationalToolCount, reportCount, lastChange] = await Promise.all([
    ctx.prisma.aiTool.count({ where: { state: 'PUBLISHED' } }),
    ctx.prisma.aiTool.count({ where: { state: 'PUBLISHED', status: 'OPERATIONAL' } }),
    ctx.prisma.practiceReport.count({ where: { state: 'PUBLISHED', visibility: 'PUBLIC' } }),
    ctx.prisma.changeEvent.findFirst({ orderBy: { seq: 'desc' }, select: { at: true } }),
  ]);
  return { toolCount, operationalToolCount, reportCount, lastUpdatedAt: lastChange?.at ?? null };
}
