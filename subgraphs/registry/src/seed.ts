import fs from 'node:fs';
import path from 'node:path';
import type { RegistryPrisma } from './storage';
import { createLoaders, type Owner, type RegistryContext } from './context';
import { createTool, transitionTool } from './aiTool/tools';
import { createReport, transitionReport } from './practiceReport/reports';
import { makeId } from './shared/ids';

/** A seed file: `seed/<siren>.json` (format in seed/README.md). */
export interface SeedFile {
  owner: Owner;
  tools: (Record<string, unknown> & { slug: string; state?: string })[];
  reports: (Record<string, unknown> & { slug: string; toolSlug: string; state?: string })[];
}

export const BUNDLED_SEED_DIR = path.join(__dirname, '..', 'seed');

/** The demo data bundled for a SIREN, if any. */
export function bundledSeedFile(siren: string): string | undefined {
  const file = path.join(BUNDLED_SEED_DIR, `${siren}.json`);
  return fs.existsSync(file) ? file : undefined;
}

export function readSeedFile(file: string): SeedFile {
  const seed = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedFile;
  if (!seed.owner?.siren || !Array.isArray(seed.tools)) throw new Error(`${file}: not a registry seed file (owner and tools expected)`);
  seed.reports ??= [];
  return seed;
}

/**
 * Fills an empty registry through the same services as the API, so that versions and the change
 * feed are those a publisher would have produced.
 */
export async function seedRegistry(prisma: RegistryPrisma, owner: Owner, seed: SeedFile): Promise<{ tools: number; reports: number }> {
  const ctx: RegistryContext = {
    prisma,
    owner,
    caller: { kind: 'publisher', publisher: { tokenId: 'seed', label: 'seed' } },
    loaders: createLoaders(prisma),
  };
  const steps = async (state: string | undefined, publish: () => Promise<unknown>, withdraw: () => Promise<unknown>) => {
    if (state === 'PUBLISHED' || state === 'WITHDRAWN' || state === undefined) await publish();
    if (state === 'WITHDRAWN') await withdraw();
  };
  for (const { state, ...tool } of seed.tools) {
    const id = makeId(owner.siren, tool.slug);
    await createTool(ctx, owner.siren, tool);
    await steps(state, () => transitionTool(ctx, id, 'publish'), () => transitionTool(ctx, id, 'withdraw', 'Outil retiré du registre'));
  }
  for (const { state, toolSlug, ...report } of seed.reports) {
    const id = makeId(owner.siren, report.slug);
    await createReport(ctx, makeId(owner.siren, toolSlug), report);
    const toolState = seed.tools.find((t) => t.slug === toolSlug)?.state ?? 'PUBLISHED';
    if (toolState !== 'PUBLISHED') continue;
    await steps(state, () => transitionReport(ctx, id, 'publish'), () => transitionReport(ctx, id, 'withdraw'));
  }
  return { tools: seed.tools.length, reports: seed.reports.length };
}
