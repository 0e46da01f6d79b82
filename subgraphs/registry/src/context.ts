import DataLoader from 'dataloader';
import { badInput, forbidden, isValidSiren, unauthenticated } from '@bibia/kit';
import type { AiTool, PracticeReport } from './generated/prisma/client';
import type { RegistryPrisma } from './storage';
import type { Caller, Publisher } from './auth/tokens';
import { parseId } from './shared/ids';

/** The collectivité this registry belongs to. */
export interface Owner {
  siren: string;
  name: string;
  departement: string | null;
  region: string | null;
}

export interface RegistryContext {
  prisma: RegistryPrisma;
  owner: Owner;
  caller: Caller;
  loaders: Loaders;
}

export interface Loaders {
  toolById: DataLoader<string, AiTool | null>;
  reportById: DataLoader<string, PracticeReport | null>;
  reportsByToolId: DataLoader<string, PracticeReport[]>;
  toolsByProductId: DataLoader<string, AiTool[]>;
}

/**
 * Per-request loaders: each batch is one SQL query whatever the number of keys, and returns one
 * result per key, in key order. Visibility rules are applied by the callers, not here.
 */
export function createLoaders(prisma: RegistryPrisma): Loaders {
  const byKey = <T, K>(rows: T[], key: (r: T) => K) => new Map(rows.map((r) => [key(r), r]));
  return {
    toolById: new DataLoader(async (ids) => {
      const rows = byKey(await prisma.aiTool.findMany({ where: { id: { in: [...ids] } } }), (r) => r.id);
      return ids.map((id) => rows.get(id) ?? null);
    }),
    reportById: new DataLoader(async (ids) => {
      const rows = byKey(await prisma.practiceReport.findMany({ where: { id: { in: [...ids] } } }), (r) => r.id);
      return ids.map((id) => rows.get(id) ?? null);
    }),
    reportsByToolId: new DataLoader(async (toolIds) => {
      const rows = await prisma.practiceReport.findMany({
        where: { toolId: { in: [...toolIds] } },
        orderBy: [{ reportDate: 'desc' }, { id: 'asc' }],
      });
      return toolIds.map((id) => rows.filter((r) => r.toolId === id));
    }),
    toolsByProductId: new DataLoader(async (productIds) => {
      const rows = await prisma.aiTool.findMany({
        where: { productId: { in: [...productIds] }, state: 'PUBLISHED' },
        orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
      });
      return productIds.map((id) => rows.filter((r) => r.productId === id));
    }),
  };
}

export function isPublisher(ctx: RegistryContext): boolean {
  return ctx.caller.kind === 'publisher';
}

/** The publisher making a change; throws UNAUTHENTICATED otherwise. */
export function requirePublisher(ctx: RegistryContext): Publisher {
  if (ctx.caller.kind === 'publisher') return ctx.caller.publisher;
  if (ctx.caller.kind === 'invalid') throw unauthenticated(ctx.caller.reason);
  throw unauthenticated('Publishing needs a publisher token: send "Authorization: Bearer <token>"');
}

/** Throws FORBIDDEN when `sirenOrId` names another collectivité than this registry's owner. */
export function requireOwnData(ctx: RegistryContext, sirenOrId: string, field: string): void {
  const siren = field === 'siren' ? sirenOrId : parseId(sirenOrId)?.siren;
  if (!siren) throw badInput(`Invalid id "${sirenOrId}": expected <siren>:<slug>`, { field });
  if (!isValidSiren(siren)) throw badInput(`Invalid SIREN "${siren}": 9 digits with a valid check digit expected`, { field });
  if (siren !== ctx.owner.siren) {
    throw forbidden(`This registry belongs to ${ctx.owner.name} (${ctx.owner.siren}); its tokens cannot change data of ${siren}`, { field });
  }
}

/** Whether the caller may see an entry in this state (drafts are for publishers). */
export function canSee(ctx: RegistryContext, state: string): boolean {
  return state !== 'DRAFT' || isPublisher(ctx);
}
