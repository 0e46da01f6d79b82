import { createHash, timingSafeEqual } from 'node:crypto';
import { forbidden, unauthenticated } from '@bibia/kit';
import type { MiddlewareFn } from 'type-graphql';
import type { DirectoryContext } from './context';

/**
 * Hub-admin operations need `Authorization: Bearer <HUB_ADMIN_TOKEN>`. Without a configured
 * token they are disabled (FORBIDDEN), so that a forgotten variable never opens them.
 */
export function requireHubAdmin(ctx: Pick<DirectoryContext, 'hubAdminToken' | 'bearer'>): void {
  if (!ctx.hubAdminToken) {
    throw forbidden('Hub administration is disabled on this server: it has no HUB_ADMIN_TOKEN configured.');
  }
  if (!ctx.bearer) throw unauthenticated('This operation needs the hub admin token: Authorization: Bearer <token>.');
  if (!sameSecret(ctx.bearer, ctx.hubAdminToken)) throw unauthenticated('The bearer token is not the hub admin token.');
}

/** type-graphql middleware of every hub-admin mutation; runs before any argument is looked at. */
export const HubAdminOnly: MiddlewareFn<DirectoryContext> = ({ context }, next) => {
  requireHubAdmin(context);
  return next();
};

// Hashing first gives equal-length buffers, so the comparison time says nothing about the token.
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
