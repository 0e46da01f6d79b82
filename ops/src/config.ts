import path from 'node:path';
import { Command } from 'commander';
import { ConfigError, definedOnly, envValue, flagValue, secretEnvValue, hubSigningKeyFromEnv, limitsConfigFromEnv, toPath, toPort, toText, type LimitsConfig } from '@bibia/core';

import { version } from '../package.json';

/** Thrown for a value that cannot be used (one line, exit code 2); re-exported for the app's callers. */
export { ConfigError };

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Configuration of the dev stack (`npm start`, `bibia-dev-stack`), read once by `loadConfig()`:
 * flags beat environment variables, which beat {@link DEFAULT_CONFIG}. The benchmark reads its
 * own `BENCH_*` variables (ops/src/bench). Every variable is listed in docs/configuration.md.
 */
export interface DevStackConfig {
  /** Root of the services' embedded databases (one directory each). Flag `--data-dir`, env `DATA_DIR`. @default '<repo>/.data' */
  dataDir: string;
  /** Port of the gateway (the national endpoint and the catalogue page). Flag `--port`, env `PORT`. @default 4000 */
  port: number;
  /** Port of the directory subgraph. Flag `--directory-port`, env `DIRECTORY_PORT`. @default 4100 */
  directoryPort: number;
  /** Port of the national index. Flag `--index-port`, env `INDEX_PORT`. @default 4050 */
  indexPort: number;
  /** Port of the first demo member registry; the others follow. Flag `--member-port`, env `MEMBER_PORT`. @default 4201 */
  memberPort: number;
  /** Redis for the gateway's caches. Flag `--redis-url`, env `REDIS_URL`. @default undefined (in-process memory) */
  redisUrl?: string;
  /** Admin token of the directory and gateway (secret: env `HUB_ADMIN_TOKEN` only). @default a random one per start */
  hubAdminToken?: string;
  /**
   * The hub signing key (private JWK JSON) of the directory and gateway: env `HUB_SIGNING_KEY` or
   * `HUB_SIGNING_KEY_FILE`. @default one generated at the first start and kept in `<dataDir>/hub-signing-key.json` (mode 0600)
   */
  hubSigningKey?: string;
  /**
   * The gateway's document and rate limits, from the gateway's own variables (`RATE_LIMIT_PER_MINUTE`,
   * `RATE_LIMIT_EXEMPT`, `TRUST_PROXY`, `MAX_DEPTH`...; no flags). Members and the directory exempt
   * loopback, where the gateway runs. @default {} (the gateway's defaults: clients are rate-limited)
   */
  gatewayLimits: Partial<LimitsConfig>;
}

export const DEFAULT_CONFIG: DevStackConfig = {
  dataDir: path.join(REPO_ROOT, '.data'),
  port: 4000,
  directoryPort: 4100,
  indexPort: 4050,
  memberPort: 4201,
  gatewayLimits: {},
};

/** The environment layer: the variables that are set, checked. Read once per call. */
export function configFromEnv(): Partial<DevStackConfig> {
  return definedOnly({
    dataDir: envValue('DATA_DIR', toPath),
    port: envValue('PORT', toPort),
    directoryPort: envValue('DIRECTORY_PORT', toPort),
    indexPort: envValue('INDEX_PORT', toPort),
    memberPort: envValue('MEMBER_PORT', toPort),
    redisUrl: secretEnvValue('REDIS_URL', toText),
    hubAdminToken: secretEnvValue('HUB_ADMIN_TOKEN', toText),
    hubSigningKey: hubSigningKeyFromEnv(),
    gatewayLimits: limitsConfigFromEnv(),
  });
}

/** The flags layer, each checked as it is parsed. */
export function addConfigOptions(cmd: Command): Command {
  const d = DEFAULT_CONFIG;
  return cmd
    .option('--data-dir <dir>', 'root of the embedded databases (env DATA_DIR, default .data at the repository root)', flagValue('--data-dir', toPath))
    .option('--port <port>', `gateway port (env PORT, default ${d.port})`, flagValue('--port', toPort))
    .option('--directory-port <port>', `directory port (env DIRECTORY_PORT, default ${d.directoryPort})`, flagValue('--directory-port', toPort))
    .option('--index-port <port>', `national index port (env INDEX_PORT, default ${d.indexPort})`, flagValue('--index-port', toPort))
    .option('--member-port <port>', `port of the first demo member, the others follow (env MEMBER_PORT, default ${d.memberPort})`, flagValue('--member-port', toPort))
    .option('--redis-url <url>', 'Redis for the gateway caches (env REDIS_URL, default in-process memory)')
    .addHelpText('after', '\nLOG_LEVEL defaults to warn here. See docs/configuration.md.');
}

/** The `bibia-dev-stack` command line: `--help`, `--version` and the flags of {@link addConfigOptions}. */
export function devStackCommand(): Command {
  return addConfigOptions(
    new Command('bibia-dev-stack')
      .description('The whole hub on this machine (npm start): the directory, three demo member registries and the gateway, on fixed ports.')
      .version(version, '-V, --version')
      // Usage errors exit 2, as for every BibIA command; --help and --version exit 0.
      .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
      .allowExcessArguments(false),
  );
}

/**
 * Reads the command line (`process.argv` shape): answers `--help` and `--version` and exits on a
 * usage error, before the servers' code is loaded; returns the flags layer.
 */
export function parseCommandLine(argv: string[] = process.argv): Partial<DevStackConfig> {
  return devStackCommand().parse(argv).opts<Partial<DevStackConfig>>();
}

/** Parses flags (without the node and script names) into the flags layer: for tests. */
export function parseFlags(args: string[]): Partial<DevStackConfig> {
  const cmd = addConfigOptions(new Command()).exitOverride();
  cmd.parse(args, { from: 'user' });
  return cmd.opts<Partial<DevStackConfig>>();
}

/** Flags beat environment variables, which beat {@link DEFAULT_CONFIG}. Throws a {@link ConfigError}. */
export function loadConfig(flags: Partial<DevStackConfig> = {}): DevStackConfig {
  return { ...DEFAULT_CONFIG, ...configFromEnv(), ...definedOnly(flags) };
}
