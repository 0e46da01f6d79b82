import crypto from 'node:crypto';
import os from 'node:os';
import { Command } from 'commander';
import {
  addLimitsOptions, ConfigError, DEFAULT_SUBGRAPH_QUERY_LIMITS, defaultLimitsConfig, definedOnly, envValue, flagValue, secretEnvValue, limitsConfigFromEnv, toBool, toPort, toPositiveInt,
  toText, type LimitsConfig,
} from '@bibia/kit';
import { version } from '../package.json';

/** Thrown for a value that cannot be used (one line, exit code 2); re-exported for the app's callers. */
export { ConfigError };

/**
 * Everything the index can be told, read once by `loadConfig()`: flags beat environment
 * variables, which beat {@link DEFAULT_CONFIG}. The document, body and rate limits are
 * `@bibia/core`'s {@link LimitsConfig} (subgraph defaults).
 */
export interface IndexConfig extends LimitsConfig {
  /** Redis for the rate-limit counters, shared by every instance. Flag `--redis-url`, env `REDIS_URL`. @default undefined (in-process memory) */
  redisUrl?: string;
  /** HTTP port; 0 picks a free port. Flag `--port`, env `PORT`. @default 4050 */
  port: number;
  /** Interface. Flag `--host`, env `HOST`. @default '127.0.0.1' */
  host: string;
  /** PostgreSQL (`?schema=name` supported); needed to run several harvesters. Flag `--database-url`, env `DATABASE_URL`. @default undefined (embedded PGlite) */
  databaseUrl?: string;
  /** Directory of the embedded database (`memory://name` in tests). Flag `--data-dir`, env `DATA_DIR`. @default '.data/index' */
  dataDir: string;
  /** PostgreSQL pool size. Flag `--database-pool-size`, env `DATABASE_POOL_SIZE`. @default 10 */
  databasePoolSize: number;
  /** GraphQL URL of the hub directory (members, their places). Flag `--directory-url`, env `DIRECTORY_URL`. @default 'http://127.0.0.1:4100/graphql' */
  directoryUrl: string;
  /** Time between two harvests of one member. Flag `--harvest-interval-ms`, env `HARVEST_INTERVAL_MS`. @default 2000 */
  harvestIntervalMs: number;
  /** Members harvested at once by this instance. Flag `--harvest-concurrency`, env `HARVEST_CONCURRENCY`. @default 16 */
  harvestConcurrency: number;
  /** A member whose last successful harvest is older is named in `extensions.bibia.staleMembers`. Flag `--stale-after-ms`, env `STALE_AFTER_MS`. @default 30000 */
  staleAfterMs: number;
  /** How long a member stays leased to the instance harvesting it (renewed on release). Flag `--lease-ms`, env `LEASE_MS`. @default 60000 */
  leaseMs: number;
  /** Name of this instance in leases. Flag `--instance-id`, env `INSTANCE_ID`. @default '<hostname>-<pid>-<random>' */
  instanceId: string;
  /** Timeout of one request to a member (or the directory). Flag `--member-timeout-ms`, env `MEMBER_TIMEOUT_MS`. @default 5000 */
  memberTimeoutMs: number;
  /**
   * Development network: harvest members on loopback, private and link-local addresses.
   * Otherwise every new connection to a member is refused when its name resolves to one (checked
   * at connection time: DNS rebinding). Flag `--allow-private-member-urls`, env
   * `ALLOW_PRIVATE_MEMBER_URLS`. @default false
   */
  allowPrivateMemberUrls: boolean;
  /** Period of the read of the directory's member list. Flag `--members-refresh-ms`, env `MEMBERS_REFRESH_MS`. @default 1500 */
  membersRefreshMs: number;
  /** Harvest in the background (false: only `harvestOnce()`, for tests and `resync`). No flag, env `HARVEST`. @default true */
  harvest: boolean;
}

export const DEFAULT_CONFIG: Readonly<Omit<IndexConfig, 'instanceId'>> = Object.freeze({
  ...defaultLimitsConfig(DEFAULT_SUBGRAPH_QUERY_LIMITS),
  port: 4050,
  host: '127.0.0.1',
  dataDir: '.data/index',
  databasePoolSize: 10,
  directoryUrl: 'http://127.0.0.1:4100/graphql',
  harvestIntervalMs: 2000,
  harvestConcurrency: 16,
  staleAfterMs: 30_000,
  leaseMs: 60_000,
  memberTimeoutMs: 5000,
  allowPrivateMemberUrls: false,
  membersRefreshMs: 1500,
  harvest: true,
});

export const defaultInstanceId = () => `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;

/** The environment layer: the variables that are set, checked. */
export function configFromEnv(): Partial<IndexConfig> {
  return definedOnly({
    ...limitsConfigFromEnv(),
    redisUrl: secretEnvValue('REDIS_URL', toText),
    port: envValue('PORT', toPort),
    host: envValue('HOST', toText),
    databaseUrl: secretEnvValue('DATABASE_URL', toText),
    dataDir: envValue('DATA_DIR', toText),
    databasePoolSize: envValue('DATABASE_POOL_SIZE', toPositiveInt),
    directoryUrl: envValue('DIRECTORY_URL', toText),
    harvestIntervalMs: envValue('HARVEST_INTERVAL_MS', toPositiveInt),
    harvestConcurrency: envValue('HARVEST_CONCURRENCY', toPositiveInt),
    staleAfterMs: envValue('STALE_AFTER_MS', toPositiveInt),
    leaseMs: envValue('LEASE_MS', toPositiveInt),
    instanceId: envValue('INSTANCE_ID', toText),
    memberTimeoutMs: envValue('MEMBER_TIMEOUT_MS', toPositiveInt),
    allowPrivateMemberUrls: envValue('ALLOW_PRIVATE_MEMBER_URLS', toBool),
    membersRefreshMs: envValue('MEMBERS_REFRESH_MS', toPositiveInt),
    harvest: envValue('HARVEST', toBool),
  });
}

/** One flag per option (`harvest` excepted). */
export function addConfigOptions(cmd: Command): Command {
  const d = DEFAULT_CONFIG;
  return addLimitsOptions(cmd, d)
    .option('--redis-url <url>', 'Redis for the rate-limit counters (env REDIS_URL, default in-process memory)')
    .option('--port <port>', `HTTP port, 0 for a free one (env PORT, default ${d.port})`, flagValue('--port', toPort))
    .option('--host <host>', `interface (env HOST, default ${d.host})`)
    .option('--database-url <url>', 'PostgreSQL URL (env DATABASE_URL, default embedded PGlite)')
    .option('--data-dir <dir>', `embedded database directory (env DATA_DIR, default ${d.dataDir})`)
    .option('--database-pool-size <n>', `PostgreSQL pool size (env DATABASE_POOL_SIZE, default ${d.databasePoolSize})`, flagValue('--database-pool-size', toPositiveInt))
    .option('--directory-url <url>', `directory GraphQL URL (env DIRECTORY_URL, default ${d.directoryUrl})`)
    .option('--harvest-interval-ms <ms>', `time between two harvests of a member (env HARVEST_INTERVAL_MS, default ${d.harvestIntervalMs})`, flagValue('--harvest-interval-ms', toPositiveInt))
    .option('--harvest-concurrency <n>', `members harvested at once (env HARVEST_CONCURRENCY, default ${d.harvestConcurrency})`, flagValue('--harvest-concurrency', toPositiveInt))
    .option('--stale-after-ms <ms>', `age of the last harvest that makes a member stale (env STALE_AFTER_MS, default ${d.staleAfterMs})`, flagValue('--stale-after-ms', toPositiveInt))
    .option('--lease-ms <ms>', `lease of a member to this instance (env LEASE_MS, default ${d.leaseMs})`, flagValue('--lease-ms', toPositiveInt))
    .option('--instance-id <id>', 'name of this instance in leases (env INSTANCE_ID, default host-pid-random)')
    .option('--member-timeout-ms <ms>', `timeout of a request to a member (env MEMBER_TIMEOUT_MS, default ${d.memberTimeoutMs})`, flagValue('--member-timeout-ms', toPositiveInt))
    .option('--allow-private-member-urls', 'development network: harvest members on loopback/private/link-local addresses (env ALLOW_PRIVATE_MEMBER_URLS, default false)')
    .option('--members-refresh-ms <ms>', `period of the member list read (env MEMBERS_REFRESH_MS, default ${d.membersRefreshMs})`, flagValue('--members-refresh-ms', toPositiveInt));
}

/** The `bibia-index` command line: `serve`, `resync [--siren …]`, `print-schema [--check]`. */
export function indexCommand(): Command {
  return new Command('bibia-index')
    .description("The hub's national index: harvests every member's change feed, answers national reading in one query.")
    .version(version, '-V, --version')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .showHelpAfterError();
}

/** Flags beat environment variables, which beat {@link DEFAULT_CONFIG}. */
export function loadConfig(flags: Partial<IndexConfig> = {}): IndexConfig {
  const merged = { ...DEFAULT_CONFIG, ...configFromEnv(), ...definedOnly(flags) };
  return { ...merged, instanceId: merged.instanceId ?? defaultInstanceId() };
}

