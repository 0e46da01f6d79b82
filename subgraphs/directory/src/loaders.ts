import DataLoader from 'dataloader';
import type { AiProduct, Collectivite, Membership, PrismaClient } from './generated/prisma/client';

/**
 * Per-request DataLoaders: every entity reference and nested lookup of one request costs one SQL
 * query per entity type. A batch answers in key order, null for a miss.
 */
export interface Loaders {
  collectivite: DataLoader<string, Collectivite | null>;
  membership: DataLoader<string, Membership | null>;
  aiProduct: DataLoader<string, AiProduct | null>;
}

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    collectivite: new DataLoader(async (sirens) =>
      inKeyOrder(sirens, await prisma.collectivite.findMany({ where: { siren: { in: [...sirens] } } }), (c) => c.siren),
    ),
    membership: new DataLoader(async (sirens) =>
      inKeyOrder(sirens, await prisma.membership.findMany({ where: { siren: { in: [...sirens] } } }), (m) => m.siren),
    ),
    aiProduct: new DataLoader(async (ids) =>
      inKeyOrder(ids, await prisma.aiProduct.findMany({ where: { id: { in: [...ids] } } }), (p) => p.id),
    ),
  };
}

function inKeyOrder<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}
