import { forbidden } from '@bibia/kit';
import { isPublisher, type RegistryContext } from '../context';

/** Public readers see published entries; `states` other than PUBLISHED are allowed, DRAFT needs a token. */
export function visibleStates(ctx: RegistryContext, states: string[] | undefined): string[] {
  const wanted = states?.length ? states : ['PUBLISHED'];
  if (wanted.includes('DRAFT') && !isPublisher(ctx)) {
    throw forbidden('Drafts are visible to the publishers of this registry only: send a publisher token', { field: 'filter.states' });
  }
  return wanted;
}

/** Whether the owner matches the place filters (a member knows its own place). */
export function ownerMatches(ctx: RegistryContext, f: { sirens?: string[]; departement?: string; region?: string } | undefined): boolean {
  if (!f) return true;
  if (f.sirens?.length && !f.sirens.includes(ctx.owner.siren)) return false;
  if (f.departement && f.departement !== ctx.owner.departement) return false;
  if (f.region && f.region !== ctx.owner.region) return false;
  return true;
}
