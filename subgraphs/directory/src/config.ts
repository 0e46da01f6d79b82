import path from 'node:path';
import { Command } from 'commander';
import {
  addLimitsOptions, ConfigError, DEFAULT_SUBGRAPH_QUERY_LIMITS, defaultLimitsConfig, definedOnly, envValue, flagValue, secretEnvValue, hubSigningKeyFromEnv, limitsConfigFromEnv,
  readHubSigningKeyFile, toBool, toPath, toPort, toPositiveInt, toText, type LimitsConfig,
} from '@bibia/kit';

import { version } from '../package.json';

/** Thrown for a value that cannot be used (one line, exit code 2); re-exported for the app's callers. */
export { ConfigError };

/**
 * Everything the directory server can be told, read once by `loadConfig()`: flags beat
 * environment variables, which beat {@link DEFAULT_CONFIG}. Every variable is listed in
 * docs/configuration.md. The document, body and rate limits are `@bibia/core`'s {@link LimitsConfig}
 * (subgraph defaults).
 */
export interface DirectoryConfig extends LimitsConfig {
  /** Redis for the rate-limit counters, shared by every instance. Flag `--redis-url`, env `REDIS_URL`. @default undefined (in-process memory) */
  redisUrl?: string;
  /** HTTP port; 0 picks a free port. Flag `--port`, env `PORT`. @default 4100 */
  port: number;
  /** Interface. Flag `--host`, env `HOST`. @default '127.0.0.1' */
  host: string;
  /** PostgreSQL (`?schema=name` supported). Flag `--database-url`, env `DATABASE_URL`. @default undefined (embedded PGlite) */
  databaseUrl?: string;
  /** Directory of the embedded database (`memory://name` in tests). Flag `--data-dir`, env `DATA_DIR`. @default '.data/directory' */
  dataDir: string;
  /** Enables the admin mutations. Env `HUB_ADMIN_TOKEN` only (a flag would show in `ps`). @default undefined (admin mutations disabled) */
  hubAdminToken?: string;
  /** Fill an empty database with the seed collectivités and products. Flags `--seed`/`--no-seed`, env `SEED`. @default true */
  seed: boolean;
  /**
   * Load the administrative reference (every commune and intercommunalité of France, from
   * `@etalab/decoupage-administratif`) at start-up when its version is not loaded yet: seconds
   * once per version, one query otherwise. Flags `--reference`/`--no-reference`, env `LOAD_REFERENCE`.
   * @default true
   */
  reference: boolean;
  /**
   * Load only the collectivités of these départements (a regional hub). Flag
   * `--reference-departements 62,59`, env `REFERENCE_DEPARTEMENTS` (codes separated by commas or
   * spaces). @default [] (all of France)
   */
  referenceDepartements: string[];
  /**
   * Members set at start-up WITHOUT the conformance check — for the dev stack. Flag
   * `--member siren=url` (repeatable), env `DIRECTORY_MEMBERS` (`siren=url` pairs separated by
   * commas or spaces). @default []
   */
  members: { siren: string; registryUrl: string }[];
  /** SDL file members must conform to. Flag `--contract`, env `REGISTRY_CONTRACT`. @default '<repo>/schema/registry.graphql' */
  contractPath: string;
  /** The contract SDL itself, instead of `contractPath` (tests; no flag or variable). @default undefined */
  contractSdl?: string;
  /** Per-request timeout of conformance probes. Flag `--conformance-timeout-ms`, env `CONFORMANCE_TIMEOUT_MS`. @default 5000 */
  conformanceTimeoutMs: number;
  /**
   * Failed health checks in a row that make an ACTIVE member UNREACHABLE.
   * Flag `--unreachable-after`, env `UNREACHABLE_AFTER`. @default 3
   */
  unreachableAfter: number;
  /**
   * Development networks only: `registerMember` accepts `http` URLs and hosts on loopback,
   * private and link-local addresses (otherwise refused, when the URL is given and at each
   * connection of the conformance check). Flag `--allow-private-member-urls`, env
   * `ALLOW_PRIVATE_MEMBER_URLS`. @default false
   */
  allowPrivateMemberUrls: boolean;
  /**
   * The hub signing key (a private JWK as JSON, ES256 or EdDSA) that signs partner credentials;
   * its public half is served at `/.well-known/jwks.json`. Env `HUB_SIGNING_KEY` (the JSON) or
   * `HUB_SIGNING_KEY_FILE` (a file holding it), flag `--hub-signing-key-file`.
   * @default undefined (no partner credential can be issued)
   */
  hubSigningKey?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The defaults, with nothing read from the environment. */
export const DEFAULT_CONFIG: Readonly<DirectoryConfig> = Object.freeze({
  ...defaultLimitsConfig(DEFAULT_SUBGRAPH_QUERY_LIMITS),
  port: 4100,
  host: '127.0.0.1',
  dataDir: '.data/directory',
  seed: true,
  reference: true,
  referenceDepartements: [],
  members: [],
  contractPath: path.join(REPO_ROOT, 'schema', 'registry.graphql'),
  conformanceTimeoutMs: 5000,
  unreachableAfter: 3,
  allowPrivateMemberUrls: false,
});

/** The environment layer: the variables that are set, checked. Read once per call. */
export function configFromEnv(): Partial<DirectoryConfig> {
  return definedOnly({
    ...limitsConfigFromEnv(),
    redisUrl: secretEnvValue('REDIS_URL', toText),
    port: envValue('PORT', toPort),
    host: envValue('HOST', toText),
    databaseUrl: secretEnvValue('DATABASE_URL', toText),
    dataDir: envValue('DATA_DIR', toText),
    hubAdminToken: secretEnvValue('HUB_ADMIN_TOKEN', toText),
    seed: envValue('SEED', toBool),
    reference: envValue('LOAD_REFERENCE', toBool),
    referenceDepartements: envValue('REFERENCE_DEPARTEMENTS', parseCodeList),
    members: envValue('DIRECTORY_MEMBERS', parseMemberList),
    contractPath: envValue('REGISTRY_CONTRACT', toPath),
    conformanceTimeoutMs: envValue('CONFORMANCE_TIMEOUT_MS', toPositiveInt),
    unreachableAfter: envValue('UNREACHABLE_AFTER', toPositiveInt),
    allowPrivateMemberUrls: envValue('ALLOW_PRIVATE_MEMBER_URLS', toBool),
    hubSigningKey: hubSigningKeyFromEnv(),
  });
}

/** The flags layer: one flag per option (`HUB_ADMIN_TOKEN` excepted), each checked as it is parsed. */
export function addConfigOptions(cmd: Command): Command {
  const d = DEFAULT_CONFIG;
  return addLimitsOptions(cmd, d)
    .option('--redis-url <url>', 'Redis for the rate-limit counters (env REDIS_URL, default in-process memory)')
    .option('--port <port>', `HTTP port, 0 for a free one (env PORT, default ${d.port})`, flagValue('--port', toPort))
    .option('--host <host>', `interface (env HOST, default ${d.host})`)
    .option('--database-url <url>', 'PostgreSQL URL (env DATABASE_URL, default embedded PGlite)')
    .option('--data-dir <dir>', `embedded database directory (env DATA_DIR, default ${d.dataDir})`)
    // Both forms are declared so that neither sets a default: SEED then applies when neither is given.
    .option('--seed', 'seed an empty database with the collectivités and products (env SEED, default true)')
    .option('--no-seed', 'do not seed an empty database')
    .option('--reference', 'load the administrative reference (communes, intercommunalités) when its version is new (env LOAD_REFERENCE, default true)')
    .option('--no-reference', 'do not load the administrative reference')
    .option('--reference-departements <codes>', 'load only these départements of the reference, e.g. 62,59 (env REFERENCE_DEPARTEMENTS, default all)', parseCodeList)
    .option(
      '--member <siren=url>',
      'member set at start-up without the conformance check, repeatable (env DIRECTORY_MEMBERS)',
      (raw: string, previous?: DirectoryConfig['members']) => [...(previous ?? []), ...parseMemberList(raw, '--member')],
    )
    .option('--contract <file>', 'SDL members must conform to (env REGISTRY_CONTRACT, default schema/registry.graphql)', flagValue('--contract', toPath))
    .option('--conformance-timeout-ms <ms>', `timeout of each conformance probe (env CONFORMANCE_TIMEOUT_MS, default ${d.conformanceTimeoutMs})`, flagValue('--conformance-timeout-ms', toPositiveInt))
    .option('--unreachable-after <n>', `failed health checks that make a member UNREACHABLE (env UNREACHABLE_AFTER, default ${d.unreachableAfter})`, flagValue('--unreachable-after', toPositiveInt))
    .option('--allow-private-member-urls', 'development network: registerMember accepts http and loopback/private/link-local member URLs (env ALLOW_PRIVATE_MEMBER_URLS, default false)')
    .option('--hub-signing-key-file <file>', 'private JWK that signs partner credentials (env HUB_SIGNING_KEY_FILE, or HUB_SIGNING_KEY with the JSON)', flagValue('--hub-signing-key-file', readHubSigningKeyFile))
    .addHelpText('after', '\nSecrets are read from the environment only: HUB_ADMIN_TOKEN, HUB_SIGNING_KEY. See docs/configuration.md.');
}

/** The `bibia-directory` command line: `--help`, `--version` and the flags of {@link addConfigOptions}. */
export function directoryCommand(): Command {
  return addConfigOptions(
    new Command('bibia-directory')
      .description("The hub's directory subgraph: collectivités, membership, shared product catalogue.")
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
export function parseCommandLine(argv: string[] = process.argv): Partial<DirectoryConfig> {
  return flagsFrom(directoryCommand().parse(argv).opts<ParsedFlags>());
}

/** Parses flags (without the node and script names) into the flags layer: for tests. */
export function parseFlags(args: string[]): Partial<DirectoryConfig> {
  const cmd = addConfigOptions(new Command()).exitOverride();
  cmd.parse(args, { from: 'user' });
  return flagsFrom(cmd.opts<ParsedFlags>());
}

type ParsedFlags = Omit<Partial<DirectoryConfig>, 'members'> & { member?: DirectoryConfig['members']; hubSigningKeyFile?: string };

/**
 * Commander names the repeatable `--member` option `member`: the flags layer calls it `members`;
 * `--hub-signing-key-file` holds the key read from the file, which is `hubSigningKey`.
 */
function flagsFrom({ member, hubSigningKeyFile, ...flags }: ParsedFlags): Partial<DirectoryConfig> {
  return definedOnly({ ...flags, members: member, hubSigningKey: hubSigningKeyFile });
}

/** Flags beat environment variables, which beat {@link DEFAULT_CONFIG}. Throws a {@link ConfigError}. */
export function loadConfig(flags: Partial<DirectoryConfig> = {}): DirectoryConfig {
  return { ...DEFAULT_CONFIG, ...configFromEnv(), ...definedOnly(flags) };
}

/** Parses codes separated by commas or spaces ("62, 59" → ["62", "59"]); upper case, for "2A". */
export function parseCodeList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean).map((code) => code.toUpperCase());
}

/** Parses `siren=url` pairs separated by commas or spaces; `name` is the flag or variable, for errors. */
export function parseMemberList(value: string, name = 'DIRECTORY_MEMBERS'): { siren: string; registryUrl: string }[] {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new ConfigError(`${name}: "${pair}" is not siren=url`);
      return { siren: pair.slice(0, at), registryUrl: pair.slice(at + 1) };
    });
}
