import { Command } from 'commander';
import {
  addLimitsOptions, ConfigError, hubSigningKeyFromEnv, readHubSigningKeyFile, DEFAULT_QUERY_LIMITS, defaultLimitsConfig, definedOnly, envValue, flagValue, secretEnvValue, limitsConfigFromEnv, toHttpUrl, toNonNegativeInt, toPort,
  toBool, toPositiveInt, toText, type LimitsConfig,
} from '@bibia/core';

import { version } from '../package.json';
import { defaultSupergraphFile } from './paths';

/** Thrown for a value that cannot be used (one line, exit code 2); re-exported for the app's callers. */
export { ConfigError };

/**
 * Configuration of the gateway, read once by `loadConfig()`: flags beat environment variables,
 * which beat {@link DEFAULT_CONFIG}. `createGateway` takes the resulting object, so tests build
 * one directly. Every variable is listed in docs/configuration.md. The document, body and rate
 * limits (`maxDepth`, `maxCost`, `rateLimitPerMinute`, `trustProxy`...) are `@bibia/core`'s
 * {@link LimitsConfig}, with the gateway's defaults (`DEFAULT_QUERY_LIMITS`).
 */
export interface GatewayConfig extends LimitsConfig {
  /** HTTP port; 0 picks a free port. Flag `--port`, env `PORT`. @default 4000 */
  port: number;
  /** Interface listened on. Flag `--host`, env `HOST`. @default '127.0.0.1' */
  host: string;
  /**
   * Composed supergraph served by the gateway; watched, so an edited file is reloaded without a
   * restart. Flag `--supergraph-file`, env `SUPERGRAPH_FILE`. @default '<repo>/schema/supergraph.graphql'
   */
  supergraphFile: string;
  /**
   * GraphQL URL of the hub directory. When set, the `registry` subgraph is routed to the members
   * the directory lists, and the `directory` subgraph is reached at this URL (whatever its
   * routing URL in the supergraph); when absent, every subgraph is at its routing URL and the
   * gateway behaves like a stock Apollo Gateway. Flag `--directory-url`, env `DIRECTORY_URL`.
   * @default undefined (no member routing)
   */
  directoryUrl?: string;
  /**
   * Admin token of the directory, used to report member health; no reports without it.
   * Env `HUB_ADMIN_TOKEN` only (a flag would show in `ps`). @default undefined
   */
  hubAdminToken?: string;
  /** Redis for the APQ and response caches. Flag `--redis-url`, env `REDIS_URL`. @default undefined (in-process memory) */
  redisUrl?: string;
  /** Prefix of every Redis key. Flag `--redis-key-prefix`, env `REDIS_KEY_PREFIX`. @default 'bibia:gateway:' */
  redisKeyPrefix: string;
  /** How long a member (and any subgraph at its routing URL, the directory included) may take to answer one request. Flag `--member-timeout-ms`, env `MEMBER_TIMEOUT_MS`. @default 3000 */
  memberTimeoutMs: number;
  /**
   * How long a member may take to answer one mutation (an import writes a whole batch); when it
   * does not answer in time the error says the outcome is unknown (`MUTATION_OUTCOME_UNKNOWN`).
   * Flag `--mutation-timeout-ms`, env `MUTATION_TIMEOUT_MS`. @default 120000
   */
  mutationTimeoutMs: number;
  /** How often the member list is read from the directory. Flag `--member-refresh-ms`, env `MEMBER_REFRESH_MS`. @default 5000 */
  memberRefreshMs: number;
  /**
   * Development network: connect to members on loopback, private and link-local addresses.
   * Otherwise every new connection to a member is refused when its name resolves to one (checked
   * at connection time: DNS rebinding), as the directory refuses such URLs at admission.
   * Flag `--allow-private-member-urls`, env `ALLOW_PRIVATE_MEMBER_URLS`. @default false
   */
  allowPrivateMemberUrls: boolean;
  /**
   * Identical anonymous queries arriving while one is running share its response (each request is
   * still validated, limited and counted). Flag `--inbound-deduplication`, env
   * `INBOUND_DEDUPLICATION`. @default false
   */
  inboundDeduplication: boolean;
  /**
   * Shortest interval between two health reports on one member.
   * Flag `--health-report-interval-ms`, env `HEALTH_REPORT_INTERVAL_MS`. @default 5000
   */
  healthReportIntervalMs: number;
  /**
   * Lifetime of a cached member answer; 0 disables the response cache.
   * Flag `--response-cache-ttl-ms`, env `RESPONSE_CACHE_TTL_MS`. @default 5000
   */
  responseCacheTtlMs: number;
  /** Lifetime of a registered persisted query, in seconds. Flag `--apq-ttl-seconds`, env `APQ_TTL_SECONDS`. @default 86400 */
  apqTtlSeconds: number;
  /**
   * GraphQL URL of the hub's national index. When set, anonymous national lists (`aiTools`,
   * `practiceReports` not naming one member) are read from it in one request instead of every
   * member, falling back to live routing whenever it cannot answer; and the `index` subgraph, when
   * the supergraph has one, is reached at this URL (whatever its routing URL). Flag `--index-url`,
   * env `INDEX_URL`. @default undefined (no index: every list is read live from the members)
   */
  indexUrl?: string;
  /** How long the index may take to answer one request. Flag `--index-timeout-ms`, env `INDEX_TIMEOUT_MS`. @default 1500 */
  indexTimeoutMs: number;
  /**
   * How long the index is left alone after it failed (unreachable, too slow, not ready): lists
   * are read live meanwhile, then one request tries it again. Flag `--index-retry-after-ms`,
   * env `INDEX_RETRY_AFTER_MS`. @default 5000
   */
  indexRetryAfterMs: number;
  /**
   * The hub signing key (a private JWK as JSON, as the directory's): with it and `directoryUrl`,
   * the gateway accepts partner credentials and mints for each member a credential valid there
   * only, for one minute. Env `HUB_SIGNING_KEY` or `HUB_SIGNING_KEY_FILE`, flag
   * `--hub-signing-key-file`. @default undefined (partner credentials refused, UNAUTHENTICATED)
   */
  hubSigningKey?: string;
  /**
   * Interval between two reads of the hub's revocation list (`<directory>/.well-known/bibia-partner-revocations.json`).
   * Flag `--revocation-poll-ms`, env `REVOCATION_POLL_MS`. @default 30000
   */
  revocationPollMs?: number;
  /**
   * What plans and executes operations: `apollo` (Apollo Gateway's JavaScript query planner) or
   * `router` (Hive's Rust query planner and its runtime, with the same data sources, plugins and
   * HTTP layer; see docs/architecture.md, "Gateway engines"). Flag `--engine`, env `GATEWAY_ENGINE`.
   * @default 'router'
   */
  engine: GatewayEngine;
}

/** The gateway engines (`GatewayConfig.engine`). */
export const GATEWAY_ENGINES = ['apollo', 'router'] as const;
export type GatewayEngine = (typeof GATEWAY_ENGINES)[number];

/** Reads an engine name; anything else is a {@link ConfigError}. */
function toEngine(value: string, name: string): GatewayEngine {
  if ((GATEWAY_ENGINES as readonly string[]).includes(value)) return value as GatewayEngine;
  throw new ConfigError(`${name} must be ${GATEWAY_ENGINES.join(' or ')}, got ${JSON.stringify(value)}`);
}

export const DEFAULT_CONFIG: GatewayConfig = {
  ...defaultLimitsConfig(DEFAULT_QUERY_LIMITS),
  port: 4000,
  host: '127.0.0.1',
  supergraphFile: defaultSupergraphFile(),
  redisKeyPrefix: 'bibia:gateway:',
  memberTimeoutMs: 3000,
  mutationTimeoutMs: 120_000,
  memberRefreshMs: 5000,
  allowPrivateMemberUrls: false,
  inboundDeduplication: false,
  healthReportIntervalMs: 5000,
  responseCacheTtlMs: 5000,
  apqTtlSeconds: 86_400,
  indexTimeoutMs: 1500,
  indexRetryAfterMs: 5000,
  engine: 'router',
};

/** The environment layer: the variables that are set, checked. Read once per call. */
export function configFromEnv(): Partial<GatewayConfig> {
  return definedOnly({
    ...limitsConfigFromEnv(),
    port: envValue('PORT', toPort),
    host: envValue('HOST', toText),
    supergraphFile: envValue('SUPERGRAPH_FILE', toText),
    directoryUrl: envValue('DIRECTORY_URL', toHttpUrl),
    hubAdminToken: secretEnvValue('HUB_ADMIN_TOKEN', toText),
    redisUrl: secretEnvValue('REDIS_URL', toText),
    redisKeyPrefix: envValue('REDIS_KEY_PREFIX', toText),
    memberTimeoutMs: envValue('MEMBER_TIMEOUT_MS', toPositiveInt),
    mutationTimeoutMs: envValue('MUTATION_TIMEOUT_MS', toPositiveInt),
    memberRefreshMs: envValue('MEMBER_REFRESH_MS', toPositiveInt),
    allowPrivateMemberUrls: envValue('ALLOW_PRIVATE_MEMBER_URLS', toBool),
    inboundDeduplication: envValue('INBOUND_DEDUPLICATION', toBool),
    healthReportIntervalMs: envValue('HEALTH_REPORT_INTERVAL_MS', toNonNegativeInt),
    responseCacheTtlMs: envValue('RESPONSE_CACHE_TTL_MS', toNonNegativeInt),
    apqTtlSeconds: envValue('APQ_TTL_SECONDS', toPositiveInt),
    indexUrl: envValue('INDEX_URL', toHttpUrl),
    indexTimeoutMs: envValue('INDEX_TIMEOUT_MS', toPositiveInt),
    indexRetryAfterMs: envValue('INDEX_RETRY_AFTER_MS', toNonNegativeInt),
    hubSigningKey: hubSigningKeyFromEnv(),
    revocationPollMs: envValue('REVOCATION_POLL_MS', toPositiveInt),
    engine: envValue('GATEWAY_ENGINE', toEngine),
  });
}

/** The flags layer: one flag per option (`HUB_ADMIN_TOKEN` excepted), each checked as it is parsed. */
export function addConfigOptions(cmd: Command): Command {
  const d = DEFAULT_CONFIG;
  return addLimitsOptions(cmd, d)
    .option('--port <port>', `HTTP port, 0 for a free one (env PORT, default ${d.port})`, flagValue('--port', toPort))
    .option('--host <host>', `interface (env HOST, default ${d.host})`)
    .option('--supergraph-file <file>', 'supergraph served, reloaded when it changes (env SUPERGRAPH_FILE, default schema/supergraph.graphql)')
    .option('--directory-url <url>', 'GraphQL URL of the hub directory: routes the registry subgraph to its members (env DIRECTORY_URL)', flagValue('--directory-url', toHttpUrl))
    .option('--redis-url <url>', 'Redis for the APQ and response caches (env REDIS_URL, default in-process memory)')
    .option('--redis-key-prefix <prefix>', `prefix of every Redis key (env REDIS_KEY_PREFIX, default ${d.redisKeyPrefix})`)
    .option('--member-timeout-ms <ms>', `time a member may take per request (env MEMBER_TIMEOUT_MS, default ${d.memberTimeoutMs})`, flagValue('--member-timeout-ms', toPositiveInt))
    .option('--mutation-timeout-ms <ms>', `time a member may take per mutation (env MUTATION_TIMEOUT_MS, default ${d.mutationTimeoutMs})`, flagValue('--mutation-timeout-ms', toPositiveInt))
    .option('--member-refresh-ms <ms>', `member list refresh interval (env MEMBER_REFRESH_MS, default ${d.memberRefreshMs})`, flagValue('--member-refresh-ms', toPositiveInt))
    .option('--allow-private-member-urls', 'development network: connect to members on loopback/private/link-local addresses (env ALLOW_PRIVATE_MEMBER_URLS, default false)')
    .option('--inbound-deduplication', 'identical anonymous queries arriving while one runs share its response (env INBOUND_DEDUPLICATION, default false)')
    .option('--health-report-interval-ms <ms>', `shortest interval between health reports on one member (env HEALTH_REPORT_INTERVAL_MS, default ${d.healthReportIntervalMs})`, flagValue('--health-report-interval-ms', toNonNegativeInt))
    .option('--response-cache-ttl-ms <ms>', `lifetime of a cached member answer, 0 disables (env RESPONSE_CACHE_TTL_MS, default ${d.responseCacheTtlMs})`, flagValue('--response-cache-ttl-ms', toNonNegativeInt))
    .option('--apq-ttl-seconds <s>', `lifetime of a persisted query (env APQ_TTL_SECONDS, default ${d.apqTtlSeconds})`, flagValue('--apq-ttl-seconds', toPositiveInt))
    .option('--index-url <url>', 'GraphQL URL of the national index: anonymous national lists are read from it (env INDEX_URL, default none: live)', flagValue('--index-url', toHttpUrl))
    .option('--index-timeout-ms <ms>', `time the index may take per request (env INDEX_TIMEOUT_MS, default ${d.indexTimeoutMs})`, flagValue('--index-timeout-ms', toPositiveInt))
    .option('--index-retry-after-ms <ms>', `lists read live for this long after the index failed (env INDEX_RETRY_AFTER_MS, default ${d.indexRetryAfterMs})`, flagValue('--index-retry-after-ms', toNonNegativeInt))
    .option('--hub-signing-key-file <file>', 'private JWK of the hub: accept partner credentials (env HUB_SIGNING_KEY_FILE, or HUB_SIGNING_KEY with the JSON)', flagValue('--hub-signing-key-file', readHubSigningKeyFile))
    .option('--revocation-poll-ms <ms>', "interval between reads of the hub's revocation list (env REVOCATION_POLL_MS, default 30000)", flagValue('--revocation-poll-ms', toPositiveInt))
    .option('--engine <engine>', `query planner and executor: ${GATEWAY_ENGINES.join(' or ')} (env GATEWAY_ENGINE, default ${d.engine})`, flagValue('--engine', toEngine))
    .addHelpText('after', '\nSecrets are read from the environment only: HUB_ADMIN_TOKEN. See docs/configuration.md.');
}

/** The `bibia-gateway` command line: `--help`, `--version` and the flags of {@link addConfigOptions}. */
export function gatewayCommand(): Command {
  return addConfigOptions(
    new Command('bibia-gateway')
      .description('BibIA federation gateway: the national GraphQL endpoint, routing the registry subgraph to the members.')
      .version(version, '-V, --version')
      // Usage errors exit 2, as for every BibIA command; --help and --version exit 0.
      .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
      .allowExcessArguments(false),
  );
}

/**
 * Reads the command line (`process.argv` shape): answers `--help` and `--version` and exits on a
 * usage error, before any server code is loaded; returns the flags layer.
 */
export function parseCommandLine(argv: string[] = process.argv): Partial<GatewayConfig> {
  return withSigningKey(gatewayCommand().parse(argv).opts<ParsedFlags>());
}

/** Parses flags (without the node and script names) into the flags layer: for tests. */
export function parseFlags(args: string[]): Partial<GatewayConfig> {
  const cmd = addConfigOptions(new Command()).exitOverride();
  cmd.parse(args, { from: 'user' });
  return withSigningKey(cmd.opts<ParsedFlags>());
}

type ParsedFlags = Partial<GatewayConfig> & { hubSigningKeyFile?: string };

/** `--hub-signing-key-file` holds the key read from the file (read and checked as the flag is parsed). */
function withSigningKey({ hubSigningKeyFile, ...flags }: ParsedFlags): Partial<GatewayConfig> {
  return definedOnly({ ...flags, hubSigningKey: hubSigningKeyFile });
}

/** Flags beat environment variables, which beat {@link DEFAULT_CONFIG}. Throws a {@link ConfigError}. */
export function loadConfig(flags: Partial<GatewayConfig> = {}): GatewayConfig {
  return { ...DEFAULT_CONFIG, ...configFromEnv(), ...definedOnly(flags) };
}
