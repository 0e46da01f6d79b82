import type { DirectoryContext } from '../context';
import type { AiProduct } from '../generated/prisma/client';

/** `_entities` for AiProduct: batched per request; null for an unknown id. */
export function resolveAiProductReference(reference: { id: string }, ctx: DirectoryContext): Promise<AiProduct | null> {
  return typeof reference.id === 'string' ? ctx.loaders.aiProduct.load(reference.id) : Promise.resolve(null);
}
