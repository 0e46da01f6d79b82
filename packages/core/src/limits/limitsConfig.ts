import type { Command } from 'commander';
import { addressMatcher, type TrustProxy } from '../http/clientAddress';
import { DEFAULT_RATE_LIMITS, type RateLimitOptions } from '../http/rateLimit';
import { ConfigError, envValue, flagValue, toNonNegativeInt, toPositiveInt, type Parse } from '../config';
import type { QueryLimits } from './queryLimits';

/**
 * The limits every BibIA server takes from its configuration, with the same variables and flags
 * everywhere (docs/configuration.md, docs/security.md "Limits"). Each app's `config.ts` extends
 * its options with these, its defaults with {@link defaultLimitsConfig}, its environment layer
 * with {@link limitsConfigFromEnv} and its command line with {@link addLimitsOptions}.
 */
export interface LimitsConfig extends QueryLimits {
  /** Most lexical tokens in a document. Flag `--max-tokens`, env `MAX_TOKENS`. @default gateway 3000, subgraphs 10000 */
  maxTokens: number;
  /** Deepest selection nesting. Flag `--max-depth`, env `MAX_DEPTH`. @default gateway 12, subgraphs 13 */
  maxDepth: number;
  /** Most aliased fields in one operation. Flag `--max-aliases`, env `MAX_ALIASES`. @default gateway 30, subgraphs 200 */
  maxAliases: number;
  /** Most field selections in one operation. Flag `--max-fields`, env `MAX_FIELDS`. @default gateway 500, subgraphs 2000 */
  maxFields: number;
  /** Highest estimated cost (lists count `first` times). Flag `--max-cost`, env `MAX_COST`. @default gateway 5000, subgraphs 20000 */
  maxCost: number;
  /** Largest request body, in bytes. Flag `--max-body-bytes`, env `MAX_BODY_BYTES`. @default 1048576 (registry: 10485760, for imports) */
  maxBodyBytes: number;
  /** Requests per minute per client address and per credential; 0 turns it off. Flag `--rate-limit-per-minute`, env `RATE_LIMIT_PER_MINUTE`. @default 600 */
  rateLimitPerMinute: number;
  /**
   * Refused credentials per minute per address, after which requests with a credential from it get
   * 429 until the minute is over; 0 turns it off. Flag `--rate-limit-failed-auth-per-minute`,
   * env `RATE_LIMIT_FAILED_AUTH_PER_MINUTE`. @default 10
   */
  rateLimitFailedAuthPerMinute: number;
  /** Addresses, CIDRs or `loopback` never rate-limited. Flag `--rate-limit-exempt`, env `RATE_LIMIT_EXEMPT` (comma-separated). @default [] */
  rateLimitExempt: string[];
  /**
   * Proxies trusted to name the client in `X-Forwarded-For`: a number of hops, or their addresses
   * and CIDRs (comma-separated). Flag `--trust-proxy`, env `TRUST_PROXY`. @default 0 (none)
   */
  trustProxy: TrustProxy;
}

/** The defaults of a server whose document limits default to `queryDefaults`. */
export function defaultLimitsConfig(queryDefaults: Readonly<QueryLimits>, maxBodyBytes = 1024 * 1024): LimitsConfig {
  return {
    ...queryDefaults,
    maxBodyBytes,
    rateLimitPerMinute: DEFAULT_RATE_LIMITS.perMinute,
    rateLimitFailedAuthPerMinute: DEFAULT_RATE_LIMITS.failedAuthPerMinute,
    rateLimitExempt: [],
    trustProxy: 0,
  };
}

/** The rate-limit settings that turn rate limiting off (load tests, a stack's own traffic). */
export const NO_RATE_LIMITS: Readonly<Pick<LimitsConfig, 'rateLimitPerMinute' | 'rateLimitFailedAuthPerMinute'>> = Object.freeze({
  rateLimitPerMinute: 0,
  rateLimitFailedAuthPerMinute: 0,
});

/** A comma- or space-separated list of addresses, CIDRs and names (`loopback`, `linklocal`, `uniquelocal`); `none` for an empty one. */
export const toAddressList: Parse<string[]> = (raw, name) => {
  const list = raw.trim().toLowerCase() === 'none' ? [] : raw.split(/[\s,]+/).filter(Boolean);
  try {
    addressMatcher(list);
  } catch (err) {
    throw new ConfigError(`${name} must list IP addresses, CIDRs (e.g. 10.0.0.0/8) or loopback, linklocal, uniquelocal: ${(err as Error).message}`);
  }
  return list;
};

/** A number of proxy hops (0: trust none) or a list of proxy addresses; `true` is refused (it would trust any client). */
export const toTrustProxy: Parse<TrustProxy> = (raw, name) => {
  const value = raw.trim();
  if (/^\d+$/.test(value)) return toNonNegativeInt(value, name);
  if (/^(false|none|no|off)$/i.test(value)) return 0;
  if (/^(true|yes|on|all)$/i.test(value)) {
    throw new ConfigError(`${name} must say how many proxy hops to trust (e.g. 1) or which proxy addresses (e.g. 10.0.0.5, 10.1.0.0/16), not ${JSON.stringify(raw)}: trusting any address lets every client choose its own`);
  }
  return toAddressList(value, name);
};

const ENTRIES = [
  ['maxTokens', 'MAX_TOKENS', '--max-tokens <n>', 'most lexical tokens in a document', toPositiveInt],
  ['maxDepth', 'MAX_DEPTH', '--max-depth <n>', 'deepest selection nesting', toPositiveInt],
  ['maxAliases', 'MAX_ALIASES', '--max-aliases <n>', 'most aliased fields in an operation', toNonNegativeInt],
  ['maxFields', 'MAX_FIELDS', '--max-fields <n>', 'most field selections in an operation', toPositiveInt],
  ['maxCost', 'MAX_COST', '--max-cost <n>', 'highest estimated query cost', toPositiveInt],
  ['maxBodyBytes', 'MAX_BODY_BYTES', '--max-body-bytes <bytes>', 'largest request body', toPositiveInt],
  ['rateLimitPerMinute', 'RATE_LIMIT_PER_MINUTE', '--rate-limit-per-minute <n>', 'requests a minute per client address and per credential, 0 for none', toNonNegativeInt],
  ['rateLimitFailedAuthPerMinute', 'RATE_LIMIT_FAILED_AUTH_PER_MINUTE', '--rate-limit-failed-auth-per-minute <n>', 'refused credentials a minute per address, 0 for no limit', toNonNegativeInt],
  ['rateLimitExempt', 'RATE_LIMIT_EXEMPT', '--rate-limit-exempt <list>', 'addresses/CIDRs never rate-limited, comma-separated', toAddressList],
  ['trustProxy', 'TRUST_PROXY', '--trust-proxy <hops|list>', 'proxy hops, or proxy addresses/CIDRs, trusted for X-Forwarded-For', toTrustProxy],
] as const satisfies readonly (readonly [keyof LimitsConfig, string, string, string, Parse<unknown>])[];

/** The environment layer of the limits: the variables that are set, checked. */
export function limitsConfigFromEnv(): Partial<LimitsConfig> {
  const out: Partial<Record<keyof LimitsConfig, unknown>> = {};
  for (const [key, variable, , , parse] of ENTRIES) {
    const value = envValue<unknown>(variable, parse);
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<LimitsConfig>;
}

/** Adds one flag per limit, each checked as it is parsed; `defaults` are shown in `--help`. */
export function addLimitsOptions(cmd: Command, defaults: LimitsConfig): Command {
  for (const [key, variable, flags, what, parse] of ENTRIES) {
    const shown = Array.isArray(defaults[key]) ? (defaults[key] as string[]).join(',') || 'none' : String(defaults[key]);
    cmd.option(flags, `${what} (env ${variable}, default ${shown})`, flagValue<unknown>(flags.split(' ')[0], parse));
  }
  return cmd;
}

/** The limits among parsed options (commander's `opts()`), for apps that pick their flags one by one. */
export function limitsFlags(opts: Partial<Record<keyof LimitsConfig, unknown>>): Partial<LimitsConfig> {
  const out: Partial<Record<keyof LimitsConfig, unknown>> = {};
  for (const [key] of ENTRIES) if (opts[key] !== undefined) out[key] = opts[key];
  return out as Partial<LimitsConfig>;
}

/** The document limits of a configuration (those it sets), for `queryLimits` or `serveSubgraph`. */
export function queryLimitsOf(config: Partial<QueryLimits>): Partial<QueryLimits> {
  const { maxTokens, maxDepth, maxAliases, maxFields, maxCost } = config;
  return { maxTokens, maxDepth, maxAliases, maxFields, maxCost };
}

/** The rate-limit options of a configuration, for `listenHttp` (`redisUrl` and `keyPrefix` are the server's). */
export function rateLimitOptionsOf(config: Partial<LimitsConfig>, store: Pick<RateLimitOptions, 'redisUrl' | 'keyPrefix'> = {}): RateLimitOptions {
  return {
    perMinute: config.rateLimitPerMinute,
    failedAuthPerMinute: config.rateLimitFailedAuthPerMinute,
    exempt: config.rateLimitExempt,
    trustProxy: config.trustProxy,
    ...store,
  };
}
