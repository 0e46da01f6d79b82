import { definedOnly, getEnvNum, getEnvStr } from '@bibia/kit';
import { defaultSupergraphFile } from './paths';

/**
 * Configuration of the gateway. `loadConfig()` reads the environment once; `createGateway` takes
 * the resulting object, so tests build one directly. Overrides beat env vars, which beat defaults.
 */
export interface GatewayConfig {
  /** HTTP port. @default 4000 (env `PORT`); 0 picks a free port */
  port: number;
  /** Interface. @default '127.0.0.1' (env `HOST`) */
  host: string;
  /**
   * Composed supergraph served by the gateway; watched, so an edited file is reloaded without a
   * restart. @default 'schema/supergraph.graphql' (env `SUPERGRAPH_FILE`)
   */
  supergraphFile: string;
  /**
   * GraphQL URL of the hub directory (env `DIRECTORY_URL`). When set, the `registry` subgraph is
   * routed to the members the directory lists, and the `directory` subgraph is reached at this
   * URL (whatever its routing URL in the supergraph); when absent, every subgraph is at its
   * routing URL and the gateway behaves like a stock Apollo Gateway.
   */
  directoryUrl?: string;
  /** Admin token of the directory, used to report member health (env `HUB_ADMIN_TOKEN`). No reports without it. */
  hubAdminToken?: string;
  /** Redis for the APQ and response caches (env `REDIS_URL`); in-process memory when absent. */
  redisUrl?: string;
  /** Prefix of every Redis key. @default 'bibia:gateway:' (env `REDIS_KEY_PREFIX`) */
  redisKeyPrefix: string;
  /** How long a member may take to answer one request. @default 3000 (env `MEMBER_TIMEOUT_MS`) */
  memberTimeoutMs: number;
  /** How often the member list is read from the directory. @default 5000 (env `MEMBER_REFRESH_MS`) */
  memberRefreshMs: number;
  /** Shortest interval between two health reports on one member. @default 5000 (env `HEALTH_REPORT_INTERVAL_MS`) */
  healthReportIntervalMs: number;
  /** Deepest selection nesting accepted. @default 12 (env `MAX_DEPTH`) */
  maxDepth: number;
  /** Highest estimated cost accepted (lists count `first` times). @default 5000 (env `MAX_COST`) */
  maxCost: number;
  /** Lifetime of a cached member answer; 0 disables the response cache. @default 5000 (env `RESPONSE_CACHE_TTL_MS`) */
  responseCacheTtlMs: number;
  /** Lifetime of a registered persisted query, in seconds. @default 86400 (env `APQ_TTL_SECONDS`) */
  apqTtlSeconds: number;
  /** Largest request body. @default 1 MiB (env `MAX_BODY_BYTES`) */
  maxBodyBytes: number;
}

export const DEFAULT_CONFIG: GatewayConfig = {
  port: 4000,
  host: '127.0.0.1',
  supergraphFile: defaultSupergraphFile(),
  redisKeyPrefix: 'bibia:gateway:',
  memberTimeoutMs: 3000,
  memberRefreshMs: 5000,
  healthReportIntervalMs: 5000,
  maxDepth: 12,
  maxCost: 5000,
  responseCacheTtlMs: 5000,
  apqTtlSeconds: 86_400,
  maxBodyBytes: 1024 * 1024,
};

/** Reads the environment (once per call) over the defaults; `overrides` win. */
export function loadConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  const d = DEFAULT_CONFIG;
  const fromEnv: GatewayConfig = {
    port: getEnvNum('PORT', d.port),
    host: getEnvStr('HOST', d.host)!,
    supergraphFile: getEnvStr('SUPERGRAPH_FILE', d.supergraphFile)!,
    directoryUrl: getEnvStr('DIRECTORY_URL'),
    hubAdminToken: getEnvStr('HUB_ADMIN_TOKEN'),
    redisUrl: getEnvStr('REDIS_URL'),
    redisKeyPrefix: getEnvStr('REDIS_KEY_PREFIX', d.redisKeyPrefix)!,
    memberTimeoutMs: getEnvNum('MEMBER_TIMEOUT_MS', d.memberTimeoutMs),
    memberRefreshMs: getEnvNum('MEMBER_REFRESH_MS', d.memberRefreshMs),
    healthReportIntervalMs: getEnvNum('HEALTH_REPORT_INTERVAL_MS', d.healthReportIntervalMs),
    maxDepth: getEnvNum('MAX_DEPTH', d.maxDepth),
    maxCost: getEnvNum('MAX_COST', d.maxCost),
    responseCacheTtlMs: getEnvNum('RESPONSE_CACHE_TTL_MS', d.responseCacheTtlMs),
    apqTtlSeconds: getEnvNum('APQ_TTL_SECONDS', d.apqTtlSeconds),
    maxBodyBytes: getEnvNum('MAX_BODY_BYTES', d.maxBodyBytes),
  };
  return { ...fromEnv, ...definedOnly(overrides) };
}
