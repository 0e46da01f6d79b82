import { aiProductData } from '../aiProduct/upsertAiProduct';
import type { AiProductInput } from '../aiProduct/aiProductInput';
import type { CollectiviteInput } from '../collectivite/collectiviteInput';
import { collectiviteData } from '../collectivite/upsertCollectivite';
import type { PrismaClient } from '../generated/prisma/client';
import { SEED_AI_PRODUCTS } from './aiProducts';
import { SEED_COLLECTIVITES } from './collectivites';

/** Options of {@link seedDirectory}. */
export interface SeedOptions {
  /** @default SEED_COLLECTIVITES */
  collectivites?: readonly CollectiviteInput[];
  /** @default SEED_AI_PRODUCTS */
  aiProducts?: readonly AiProductInput[];
}

/**
 * Fills an empty directory: the seed collectivités when there is none, the seed products when
 * there is none. A directory that has data is left alone, so an operator's changes survive
 * restarts. Seeds no membership (see `setMembership`). Returns how many rows were added.
 */
export async function seedDirectory(prisma: PrismaClient, options: SeedOptions = {}): Promise<{ collectivites: number; aiProducts: number }> {
  // Validated like mutation inputs: a bad seed entry fails the start-up, loudly.
  const collectivites = (options.collectivites ?? SEED_COLLECTIVITES).map(collectiviteData);
  const aiProducts = (options.aiProducts ?? SEED_AI_PRODUCTS).map(aiProductData);
  const [hasCollectivites, hasProducts] = await Promise.all([prisma.collectivite.count(), prisma.aiProduct.count()]);
  const added = { collectivites: 0, aiProducts: 0 };
  if (!hasCollectivites) added.collectivites = (await prisma.collectivite.createMany({ data: collectivites, skipDuplicates: true })).count;
  if (!hasProducts) added.aiProducts = (await prisma.aiProduct.createMany({ data: aiProducts, skipDuplicates: true })).count;
  return added;
}
