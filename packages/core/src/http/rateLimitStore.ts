import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { connectRedis } from './connectRedis';

/** What the rate limiter logs: plain messages (Apollo's and pino's loggers both take them). */
export interface RateLimitLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Where counters live; one store serves every bucket of a server. */
export interface RateLimitStore {
  kind: 'redis' | 'memory';
  /** Resolves once Redis is connected, or after the connect timeout (counters are in memory meanwhile). */
  ready: Promise<void>;
  /** A bucket of `points` per `durationSeconds` per key, its keys under `<prefix><name>:`. */
  bucket(name: string, points: number, durationSeconds: number): RateLimiterAbstract;
  close(): Promise<void>;
}

/**
 * Counters in Redis when `redisUrl` is given (shared by every instance of a server), else in this
 * process's memory. A Redis that is down or slow never fails a request: each Redis bucket is
 * insured by a memory bucket (rate-limiter-flexible's `insuranceLimiter`), used at once while the
 * connection is not ready (no offline queue, short command timeout); the switch is logged.
 */
export function openRateLimitStore(options: { redisUrl?: string; keyPrefix: string; logger: RateLimitLogger }): RateLimitStore {
  const { keyPrefix, logger } = options;
  const memoryBucket = (name: string, points: number, duration: number) => new RateLimiterMemory({ keyPrefix: `${keyPrefix}${name}`, points, duration });
  if (!options.redisUrl) {
    return { kind: 'memory', ready: Promise.resolve(), bucket: memoryBucket, close: async () => {} };
  }
  const { redis, ready } = connectRedis(options.redisUrl, {
    onDown: (err) => logger.warn(`Redis unavailable for rate limits (${err.message}): counting in this process's memory until it is back`),
    onBack: () => logger.info('Redis back: rate limits counted in Redis again'),
  });
  return {
    kind: 'redis',
    ready,
    bucket: (name, points, duration) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}${name}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memoryBucket(name, points, duration),
      }),
    close: async () => {
      // QUIT lets Redis close the connection at once; without a connection there is nothing to wait for.
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
