import { sendJson, type RouteHandler } from '@bibia/core';
import type { Registry } from 'prom-client';

export interface ReadinessSource {
  /** Why the gateway cannot serve yet (empty when ready). */
  notReadyBecause(): string[];
}

/** `/health` (the process is up), `/ready` (it can serve queries), `/metrics` (Prometheus). */
export function gatewayRoutes(readiness: ReadinessSource, registry: Registry): Record<string, RouteHandler> {
  return {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': (_req, res) => {
      const reasons = readiness.notReadyBecause();
      if (reasons.length) sendJson(res, 503, { status: 'unavailable', reasons });
      else sendJson(res, 200, { status: 'ready' });
    },
    '/metrics': async (_req, res) => {
      res.statusCode = 200;
      res.setHeader('content-type', registry.contentType);
      res.end(await registry.metrics());
    },
  };
}
