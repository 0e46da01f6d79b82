import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@bibia/kit';
import { Redis } from 'ioredis';
import { RedisKeyValueCache } from './RedisKeyValueCache';

export interface SharedCache {
  cache: KeyValueCache<string>;
  kind: 'redis' | 'memory';
  close(): Promise<void>;
}

/**
 * The store of the APQ and response caches: Redis when `redisUrl` is set (shared by every gateway
 * instance), else an in-process LRU. Redis commands fail fast instead of queueing while Redis is
 * down (no offline queue, short timeouts), and the client keeps reconnecting in the background.
 */
export function createSharedCache(options: { redisUrl?: string; keyPrefix: string; logger: Logger }): SharedCache {
  if (!options.redisUrl) {
    return { cache: new InMemoryLRUCache<string>({ maxSize: 64 * 1024 * 1024 }), kind: 'memory', close: async () => {} };
  }
  const redis = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  let reported = false;
  redis.on('error', (err) => {
    if (!reported) options.logger.warn({ err: err.message }, 'Redis connection error (will keep retrying)');
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) options.logger.info('Redis connection back');
    reported = false;
  });
  return {
    cache: new RedisKeyValueCache(redis, { prefix: options.keyPrefix, logger: options.logger }),
    kind: 'redis',
    close: async () => {
      redis.disconnect();
    },
  };
}
