import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Logger } from '@bibia/kit';
import type { Redis } from 'ioredis';

/**
 * Apollo's `KeyValueCache` over Redis (APQ and member answers shared by every gateway instance).
 * A cache must never fail a query: when Redis is down, reads miss and writes are dropped, with a
 * warning at most every `warnEveryMs`.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; logger: Logger; warnEveryMs?: number },
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.options.prefix + key)) ?? undefined;
    } catch (err) {
      this.warn('get', err);
      return undefined;
    }
  }

  /** `ttl` is in seconds, as Apollo's caches take it (fractions allowed). */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      const ttl = options?.ttl;
      if (ttl) await this.redis.set(this.options.prefix + key, value, 'PX', Math.max(1, Math.round(ttl * 1000)));
      else await this.redis.set(this.options.prefix + key, value);
    } catch (err) {
      this.warn('set', err);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.options.prefix + key)) > 0;
    } catch (err) {
      this.warn('delete', err);
      return false;
    }
  }

  private warn(operation: string, err: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < (this.options.warnEveryMs ?? 10_000)) return;
    this.lastWarning = now;
    this.options.logger.warn({ operation, err: (err as Error)?.message }, 'Redis cache unavailable: serving without cache');
  }
}
