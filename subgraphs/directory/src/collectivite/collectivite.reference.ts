import type { DirectoryContext } from '../context';
import type { Collectivite } from '../generated/prisma/client';

/** `_entities` for Collectivite: batched per request; null when the directory does not know the SIREN. */
export function resolveCollectiviteReference(
  reference: { siren: string },
  ctx: DirectoryContext,
): Promise<Collectivite | null> {
  return typeof reference.siren === 'string' ? ctx.loaders.collectivite.load(reference.siren) : Promise.resolve(null);
}
