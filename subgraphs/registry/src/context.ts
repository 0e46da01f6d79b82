import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { badInput, forbidden, isValidSiren, unauthenticated, type PartnerVerifier } from '@bibia/kit';
import type { AiTool, PracticeReport } from './generated/prisma/client';
import type { RegistryPrisma } from './storage';
import { identifyCaller, type Caller, type Publisher } from './auth/tokens';
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

/**
 * The context of one request. A partner credential that fails its checks (signature, issuer,
 * audience, expiry, revocation) is refused at once, UNAUTHENTICATED (HTTP 401): a partner must
 * not mistake an anonymous answer for the whole picture. An invalid publisher token is kept as
 * `invalid`: reads stay public, writes say why.
 */
export async function createRequestContext(
  prisma: RegistryPrisma,
  owner: Owner,
  authorization: string | undefined,
  partners?: PartnerVerifier,
  session?: Caller,
): Promise<RegistryContext> {
  // A back-office session (see @bibia/admin) stands for its publisher unless a token is sent.
  const caller = !authorization && session ? session : await identifyCaller(prisma, authorization, partners);
  if (caller.kind === 'invalid' && caller.credential === 'partner') {
    throw new GraphQLError(caller.reason, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
  return { prisma, owner, caller, loaders: createLoaders(prisma) };
}

export function isPublisher(ctx: RegistryContext): boolean {
  return ctx.caller.kind === 'publisher';
}

/** Reports kept for partners (`visibility: PARTNERS`) are for publishers of this registry and verified partners. */
export function maySeePartnerContent(ctx: RegistryContext): boolean {
  return ctx.caller.kind === 'publisher' || ctx.caller.kind === 'partner';
}

/** The publisher making a change; throws UNAUTHENTICATED otherwise (a partner credential never writes). */
export function requirePublisher(ctx: RegistryContext): Publisher {
  if (ctx.caller.kind === 'publisher') return ctx.caller.publisher;
  if (ctx.caller.kind === 'invalid') throw unauthenticated(ctx.caller.reason);
  if (ctx.caller.kind === 'partner') throw unauthenticated('A partner credential reads only: publishing needs a publisher token of this registry');
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
