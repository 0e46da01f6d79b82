import type { Command } from 'commander';
import {
  addLimitsOptions, ConfigError, DEFAULT_REVOCATION_POLL_MS, DEFAULT_SUBGRAPH_QUERY_LIMITS, defaultLimitsConfig, definedOnly, envValue, flagValue, secretEnvValue, isValidSiren,
  limitsConfigFromEnv, limitsFlags, toHttpUrl, toPort, toPositiveInt, toText, type LimitsConfig,
} from '@bibia/kit';

/** Thrown for a value that cannot be used (one line, exit code 2); re-exported for the app's callers. */
export { ConfigError };

/**
 * Configuration of one member registry, read once by `loadConfig()`: flags beat environment
 * variables, which beat {@link DEFAULT_CONFIG}. Every variable is listed in docs/configuration.md.
 * The document and rate limits are `@bibia/core`'s {@link LimitsConfig} (subgraph defaults; optional
 * here: a limit not given keeps its default).
 */
export interface RegistryConfig extends Partial<LimitsConfig> {
  /** SIREN of the collectivité that owns this registry. Flag `--siren`, env `REGISTRY_SIREN`. Required. */
  siren: string;
  /** Its name. Flag `--name`, env `REGISTRY_NAME`. @default undefined (from the seed file or the database) */
  name?: string;
  /** Département code, e.g. "62". Flag `--departement`, env `REGISTRY_DEPARTEMENT`. @default undefined */
  departement?: string;
  /** Région code, e.g. "32". Flag `--region`, env `REGISTRY_REGION`. @default undefined */
  region?: string;
  /** HTTP port; 0 picks a free port. Flag `--port`, env `PORT`. @default 4201 */
  port: number;
  /** Interface; use 0.0.0.0 behind a reverse proxy. Flag `--host`, env `HOST`. @default '127.0.0.1' */
  host: string;
  /** PostgreSQL URL. Flag `--database-url`, env `DATABASE_URL`. @default undefined (embedded PGlite in `dataDir`) */
  databaseUrl?: string;
  /** PostgreSQL pool size. Flag `--database-pool-size`, env `DATABASE_POOL_SIZE`. @default 10 */
  databasePoolSize?: number;
  /** Directory of the embedded database. Flag `--data-dir`, env `DATA_DIR`. @default '.data/registry-<siren>' */
  dataDir: string;
  /**
   * JSON seed loaded into an empty registry; `bundled` for the demo data of this SIREN.
   * Flag `--seed`, env `SEED_FILE`. @default undefined (no seed)
   */
  seedFile?: string;
  /** Largest request body, for bulk imports, in bytes. Flag `--max-body-bytes`, env `MAX_BODY_BYTES`. @default 10485760 (10 MiB) */
  maxBodyBytes: number;
  /** Redis for the rate-limit counters, shared by every instance. Flag `--redis-url`, env `REDIS_URL`. @default undefined (in-process memory) */
  redisUrl?: string;
  /**
   * Base URL of the hub's directory: partner credentials (JWTs) are checked with the hub's public
   * keys (`<hub>/.well-known/jwks.json`, cached) and revocation list, read from there. Flag
   * `--hub-url`, env `HUB_URL`. @default undefined (partner credentials refused)
   */
  hubUrl?: string;
  /** Interval between two reads of the hub's revocation list. Flag `--revocation-poll-ms`, env `REVOCATION_POLL_MS`. @default 30000 */
  revocationPollMs?: number;
}

/** The document, body and rate limits of a registry: a subgraph's, with room for bulk imports (10 MiB). */
const REGISTRY_LIMITS: LimitsConfig = defaultLimitsConfig(DEFAULT_SUBGRAPH_QUERY_LIMITS, 10 * 1024 * 1024);

/** The defaults; `dataDir` depends on the SIREN (`.data/registry-<siren>`), which has none. */
export const DEFAULT_CONFIG: Omit<RegistryConfig, 'siren' | 'dataDir'> = {
  ...REGISTRY_LIMITS,
  port: 4201,
  host: '127.0.0.1',
  databasePoolSize: 10,
  revocationPollMs: DEFAULT_REVOCATION_POLL_MS,
};

/** The environment layer: the variables that are set, checked. Read once per call. */
export function configFromEnv(): Partial<RegistryConfig> {
  return definedOnly({
    ...limitsConfigFromEnv(),
    redisUrl: secretEnvValue('REDIS_URL', toText),
    siren: envValue('REGISTRY_SIREN', toText),
    name: envValue('REGISTRY_NAME', toText),
    departement: envValue('REGISTRY_DEPARTEMENT', toText),
    region: envValue('REGISTRY_REGION', toText),
    port: envValue('PORT', toPort),
    host: envValue('HOST', toText),
    databaseUrl: secretEnvValue('DATABASE_URL', toText),
    databasePoolSize: envValue('DATABASE_POOL_SIZE', toPositiveInt),
    dataDir: envValue('DATA_DIR', toText),
    seedFile: envValue('SEED_FILE', toText),
    hubUrl: envValue('HUB_URL', toHttpUrl),
    revocationPollMs: envValue('REVOCATION_POLL_MS', toPositiveInt),
  });
}

/** Flags every command shares: whose registry, and where its data is. */
export function addStorageOptions(cmd: Command): Command {
  return cmd
    .option('--siren <siren>', 'SIREN of the collectivité (env REGISTRY_SIREN, required)')
    .option('--data-dir <dir>', 'embedded database directory (env DATA_DIR, default .data/registry-<siren>)')
    .option('--database-url <url>', 'PostgreSQL URL (env DATABASE_URL, default embedded PGlite)')
    .option('--database-pool-size <n>', `PostgreSQL pool size (env DATABASE_POOL_SIZE, default ${DEFAULT_CONFIG.databasePoolSize})`, flagValue('--database-pool-size', toPositiveInt));
}

/** The flags of `serve`: the storage flags and the server's. */
export function addServeOptions(cmd: Command): Command {
  const d = DEFAULT_CONFIG;
  return addLimitsOptions(addStorageOptions(cmd), REGISTRY_LIMITS)
    .option('--name <name>', 'name of the collectivité (env REGISTRY_NAME, default from the seed or the database)')
    .option('--departement <code>', 'département code, e.g. 62 (env REGISTRY_DEPARTEMENT)')
    .option('--region <code>', 'région code, e.g. 32 (env REGISTRY_REGION)')
    .option('--port <port>', `HTTP port, 0 for a free one (env PORT, default ${d.port})`, flagValue('--port', toPort))
    .option('--host <host>', `interface (env HOST, default ${d.host})`)
    .option('--seed <file>', 'seed an empty registry from this JSON file, or "bundled" (env SEED_FILE)')
    .option('--redis-url <url>', 'Redis for the rate-limit counters (env REDIS_URL, default in-process memory)')
    .option('--hub-url <url>', "base URL of the hub's directory, to check partner credentials (env HUB_URL; without it partner credentials are refused)", flagValue('--hub-url', toHttpUrl))
    .option('--revocation-poll-ms <ms>', `interval between reads of the hub's revocation list (env REVOCATION_POLL_MS, default ${d.revocationPollMs})`, flagValue('--revocation-poll-ms', toPositiveInt));
}

/** Commander's options of `serve` or `token …` as the flags layer. */
export function flagsFromOptions(opts: Record<string, unknown>): Partial<RegistryConfig> {
  const { seed, ...rest } = opts as Partial<RegistryConfig> & { seed?: string };
  return definedOnly({
    ...limitsFlags(rest),
    redisUrl: rest.redisUrl,
    siren: rest.siren,
    name: rest.name,
    departement: rest.departement,
    region: rest.region,
    port: rest.port,
    host: rest.host,
    databaseUrl: rest.databaseUrl,
    databasePoolSize: rest.databasePoolSize,
    dataDir: rest.dataDir,
    seedFile: seed,
    maxBodyBytes: rest.maxBodyBytes,
    hubUrl: rest.hubUrl,
    revocationPollMs: rest.revocationPollMs,
  });
}

/** Flags beat environment variables, which beat {@link DEFAULT_CONFIG}. Throws a {@link ConfigError}. */
export function loadConfig(flags: Partial<RegistryConfig> = {}): RegistryConfig {
  const merged = { ...DEFAULT_CONFIG, ...configFromEnv(), ...definedOnly(flags) };
  const { siren } = merged;
  if (!siren) throw new ConfigError('REGISTRY_SIREN (or --siren) is required: the SIREN of the collectivité that owns this registry');
  if (!isValidSiren(siren)) throw new ConfigError(`SIREN "${siren}" is not valid (9 digits with a valid check digit)`);
  return { ...merged, siren, dataDir: merged.dataDir ?? `.data/registry-${siren}` };
}
