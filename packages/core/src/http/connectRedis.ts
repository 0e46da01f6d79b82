import { Redis } from 'ioredis';

/** How long a start waits for Redis before going on without it. */
export const REDIS_CONNECT_TIMEOUT_MS = 2000;

/**
 * A Redis client for a store that must never fail a request (caches, rate-limit counters):
 * commands fail fast instead of queueing while Redis is down (no offline queue, short timeouts),
 * and the client keeps reconnecting in the background. `onDown` is called once per outage, with
 * the first error (never with the URL, which may hold a password), `onBack` when it is over.
 * `ready` resolves once connected, or after the connect timeout: callers wait for it before
 * serving, so that the first commands are not dropped while the connection opens.
 */
export function connectRedis(url: string, events: { onDown(err: Error): void; onBack(): void }): { redis: Redis; ready: Promise<void> } {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) events.onDown(err);
    down = true;
  });
  redis.on('ready', () => {
    if (down) events.onBack();
    down = false;
  });
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REDIS_CONNECT_TIMEOUT_MS);
    timer.unref();
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { redis, ready };
}
