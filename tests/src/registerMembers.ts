import { setMembership, upsertCollectivite, type CollectiviteInput } from '@bibia/directory';
import type { Stack } from './startStack';

export interface MemberToRegister {
  siren: string;
  name: string;
  departement: string;
  /** The member registry's GraphQL endpoint. */
  registryUrl: string;
}

/**
 * Records collectivités in a stack's directory (as communes) and makes them ACTIVE members at
 * these URLs, e.g. members that are not registries started by `startStack` (the light
 * synthetic members of the benchmark). Then reads the member list again in the index and gateway.
 */
export async function registerMembers(stack: Stack, members: MemberToRegister[]): Promise<void> {
  const prisma = stack.directory.prisma;
  for (const m of members) {
    await upsertCollectivite(prisma, { siren: m.siren, name: m.name, legalCategory: '7210', departement: m.departement } as CollectiviteInput);
    await setMembership(prisma, { siren: m.siren, registryUrl: m.registryUrl });
  }
  await Promise.all([stack.index?.members.refresh(), stack.gateway.members?.refresh()]);
}
