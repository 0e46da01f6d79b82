import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { addressMatcher, clientAddressResolver, clientKeyOf, type TrustProxy } from './clientAddress';
import { openRateLimitStore, type RateLimitLogger } from './rateLimitStore';

/** Options of {@link createRateLimiter}, and `listenHttp`'s `rateLimit`. */
export interface RateLimitOptions {
  /** Requests per minute from one client address, and with one credential; 0 turns both off. @default 600 */
  perMinute?: number;
  /**
   * Refused credentials per minute from one address; past it, every request with a credential
   * from that address is refused until its minute is over. 0 turns it off. @default 10
   */
  failedAuthPerMinute?: number;
  /** Addresses, CIDRs or names (`loopback`...) never limited, e.g. the hub gateway seen by a member. @default [] */
  exempt?: readonly string[];
  /** Proxies trusted to name the client in `X-Forwarded-For` (see `TrustProxy`). @default 0 (none) */
  trustProxy?: TrustProxy;
  /** Redis shared by every instance of the server. @default undefined (this process's memory) */
  redisUrl?: string;
  /** Prefix of every counter's key. @default 'bibia:ratelimit:' */
  keyPrefix?: string;
  /** @default a logger that says nothing */
  logger?: RateLimitLogger;
}

export const DEFAULT_RATE_LIMITS = Object.freeze({ perMinute: 600, failedAuthPerMinute: 10 });

export type RateLimitVerdict =
  | { limited: false }
  | { limited: true; retryAfterSeconds: number; message: string; limit: number };

export interface RateLimiter {
  /** Where counters live; `off` when both limits are 0. */
  readonly store: 'redis' | 'memory' | 'off';
  /** Resolves once the store is usable (Redis connected, or given up on after its connect timeout). */
  readonly ready: Promise<void>;
  /** Counts a request, before it is read: says whether it must be refused. */
  admit(req: IncomingMessage): Promise<RateLimitVerdict>;
  /** Whether {@link credentialRefused} may count something for this request (it has a credential, its client is not exempt). */
  watchesCredentialOf(req: IncomingMessage): boolean;
  /** Counts a request whose credential was refused (UNAUTHENTICATED) against its address. */
  credentialRefused(req: IncomingMessage): Promise<void>;
  close(): Promise<void>;
}

const MINUTE = 60;

/**
 * Rate limits per client address and per credential, and a much smaller budget of refused
 * credentials per address (token guessing). Credentials are counted by a SHA-256 of the header,
 * never by the credential itself. A store failure never refuses a request.
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const perMinute = options.perMinute ?? DEFAULT_RATE_LIMITS.perMinute;
  const failedPerMinute = options.failedAuthPerMinute ?? DEFAULT_RATE_LIMITS.failedAuthPerMinute;
  if (perMinute === 0 && failedPerMinute === 0) {
    return { store: 'off', ready: Promise.resolve(), admit: async () => ({ limited: false }), watchesCredentialOf: () => false, credentialRefused: async () => {}, close: async () => {} };
  }
  const logger = options.logger ?? { info: () => {}, warn: () => {} };
  const exempt = addressMatcher(options.exempt ?? []);
  const addressOf = clientAddressResolver(options.trustProxy ?? 0);
  const store = openRateLimitStore({ redisUrl: options.redisUrl, keyPrefix: options.keyPrefix ?? 'bibia:ratelimit:', logger });
  const requests = perMinute > 0 ? store.bucket('requests', perMinute, MINUTE) : undefined;
  const refused = failedPerMinute > 0 ? store.bucket('refused', failedPerMinute, MINUTE) : undefined;

  /** The counted client of a request, undefined when it is exempt. */
  const clientOf = (req: IncomingMessage): string | undefined => {
    const address = addressOf(req);
    return exempt(address) ? undefined : clientKeyOf(address);
  };

  return {
    store: store.kind,
    ready: store.ready,
    async admit(req) {
      const client = clientOf(req);
      if (client === undefined) return { limited: false };
      const credential = credentialOf(req);
      try {
        if (credential && refused) {
          const res = await refused.get(client);
          if (res && res.consumedPoints >= failedPerMinute) {
            return limitedFor(res, failedPerMinute, `Too many refused credentials from this address (limit ${failedPerMinute} a minute): requests with a credential are refused`);
          }
        }
        if (!requests) return { limited: false };
        const counted = [consume(requests, `address:${client}`)];
        if (credential) counted.push(consume(requests, `credential:${credential}`));
        const over = (await Promise.all(counted)).find((res) => res !== undefined);
        return over ? limitedFor(over, perMinute, `Too many requests (limit ${perMinute} a minute per address and per credential)`) : { limited: false };
      } catch (err) {
        // Never reached with the stores above (Redis errors go to memory); a bug must not refuse clients.
        logger.warn(`rate limiter failed, request let through: ${err instanceof Error ? err.message : String(err)}`);
        return { limited: false };
      }
    },
    watchesCredentialOf: (req) => refused !== undefined && credentialOf(req) !== undefined && clientOf(req) !== undefined,
    async credentialRefused(req) {
      const client = clientOf(req);
      if (!refused || client === undefined || !credentialOf(req)) return;
      // A rejection only says the budget is spent: `admit` refuses the next requests.
      await refused.consume(client).catch(() => {});
    },
    close: () => store.close(),
  };
}

/** Answers a refused request: HTTP 429, `Retry-After` in seconds, a GraphQL-shaped body. */
export function sendRateLimited(res: ServerResponse, verdict: Extract<RateLimitVerdict, { limited: true }>): void {
  res.statusCode = 429;
  res.setHeader('retry-after', String(verdict.retryAfterSeconds));
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(
    JSON.stringify({
      errors: [{ message: verdict.message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: verdict.retryAfterSeconds, limit: verdict.limit } }],
    }),
  );
}

/** The `Authorization` header as a counter key: its SHA-256, so no store or log ever holds it. */
function credentialOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization?.trim();
  return header ? createHash('sha256').update(header, 'utf8').digest('hex').slice(0, 32) : undefined;
}

/** Consumes one point: undefined when within the limit, the bucket's state when over it. */
async function consume(bucket: RateLimiterAbstract, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await bucket.consume(key);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

function limitedFor(res: RateLimiterRes, limit: number, reason: string): RateLimitVerdict {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return { limited: true, retryAfterSeconds, limit, message: `${reason}. Retry after ${retryAfterSeconds} s.` };
}
