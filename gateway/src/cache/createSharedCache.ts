import { ErrorsAreMissesCache, InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { connectRedis, type Logger } from '@bibia/core';
import { RedisKeyValueCache } from './RedisKeyValueCache';

export interface SharedCache {
  cache: KeyValueCache<string>;
  kind: 'redis' | 'memory';
  /**
   * Resolves once Redis is connected, or after the connect timeout: without it the first
   * writes (a persisted query registered at once) would be dropped while the connection opens,
   * since commands do not queue. A gateway whose Redis is down still starts, without cache.
   */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The store of the APQ and response caches: Redis when `redisUrl` is set (shared by every gateway
 * instance), else an in-process LRU. Redis commands fail fast instead of queueing while Redis is
 * down (no offline queue, short timeouts), and the client keeps reconnecting in the background.
 * A cache must never fail a query: a failed read is a miss (`ErrorsAreMissesCache`); writers drop
 * failed writes (Apollo Server does for APQ, `MemberTransport` for member answers).
 */
export function createSharedCache(options: { redisUrl?: string; keyPrefix: string; logger: Logger }): SharedCache {
  if (!options.redisUrl) {
    return { cache: new InMemoryLRUCache<string>({ maxSize: 64 * 1024 * 1024 }), kind: 'memory', ready: Promise.resolve(), close: async () => {} };
  }
  // Fails fast while Redis is down and keeps reconnecting (see connectRedis).
  const { redis, ready } = connectRedis(options.redisUrl, {
    onDown: (err) => options.logger.warn({ err: err.message }, 'Redis connection error (will keep retrying)'),
    onBack: () => options.logger.info('Redis connection back'),
  });
  return {
    ready,
    cache: new PrefixingKeyValueCache(new ErrorsAreMissesCache(new RedisKeyValueCache(redis), throttledWarnings(options.logger)), options.keyPrefix),
    kind: 'redis',
    close: async () => {
      redis.disconnect();
    },
  };
}

type CacheLogger = NonNullable<ConstructorParameters<typeof ErrorsAreMissesCache>[1]>;

/**
 * The logger `ErrorsAreMissesCache` reports failed reads to: while Redis is down every read
 * fails, so one warning at most every `everyMs` says the gateway serves without cache.
 */
function throttledWarnings(logger: Logger, everyMs = 10_000): CacheLogger {
  let last = 0;
  const warn = (err: unknown) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'Redis cache unavailable: serving without cache');
  };
  return { debug: () => {}, info: () => {}, warn, error: warn };
}
