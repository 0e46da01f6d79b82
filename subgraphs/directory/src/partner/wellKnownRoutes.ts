import { JWKS_PATH, REVOCATIONS_PATH, sendJson, type HubSigningKey, type Logger, type RouteHandler } from '@bibia/kit';
import type { PrismaClient } from '../generated/prisma/client';
import { revocationList } from './partnerCredentials';

/**
 * The routes members and gateways read to check partner credentials locally: the hub's public
 * keys (`/.well-known/jwks.json`, empty without a signing key) and the revoked, unexpired partner
 * ids (`/.well-known/bibia-partner-revocations.json`). Both are public: they hold no secret.
 */
export function wellKnownRoutes(prisma: PrismaClient, signingKey: HubSigningKey | undefined, logger: Logger): Record<string, RouteHandler> {
  return {
    [JWKS_PATH]: (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      sendJson(res, 200, { keys: signingKey ? [signingKey.publicJwk] : [] });
    },
    [REVOCATIONS_PATH]: async (_req, res) => {
      try {
        const list = await revocationList(prisma);
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 200, list);
      } catch (err) {
        logger.error({ err }, 'could not read the revocation list');
        sendJson(res, 503, { error: 'The revocation list cannot be read now' });
      }
    },
  };
}
