import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

/**
 * Apollo's `KeyValueCache` over an ioredis client: only what Redis itself needs (TTLs in
 * milliseconds). Key prefixes and "a Redis failure is a miss" come from Apollo's own
 * `PrefixingKeyValueCache` and `ErrorsAreMissesCache` (see `createSharedCache`); errors are
 * thrown here so that those wrappers, not this class, decide what a failure means.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  /** `ttl` is in seconds, as Apollo's caches take it (fractions allowed; PX keeps them). */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    if (ttl) await this.redis.set(key, value, 'PX', Math.max(1, Math.round(ttl * 1000)));
    else await this.redis.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(key)) > 0;
  }
}
