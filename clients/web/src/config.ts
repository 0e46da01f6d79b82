import { Command, Option } from 'commander';
import { ConfigError, definedOnly, envValue, flagValue, getEnvStr, toHttpUrl, toPort, toPositiveInt, toText } from '@bibia/core';

import { version } from '../package.json';

/** Thrown for a value that cannot be used (one line, exit code 2); re-exported for the app's callers. */
export { ConfigError };

/**
 * Configuration of the standalone catalogue server (`bibia-web`), read once by `loadConfig()`:
 * flags beat environment variables, which beat {@link DEFAULT_CONFIG}. Every variable is listed
 * in docs/configuration.md.
 */
export interface WebConfig {
  /** HTTP port; 0 picks a free port. Flag `--port`, env `PORT` (deprecated: `WEB_PORT`). @default 4300 */
  port: number;
  /** Interface. Flag `--host`, env `HOST`. @default '127.0.0.1' */
  host: string;
  /**
   * The national GraphQL endpoint POST /graphql is forwarded to, as for the `bibia` CLI.
   * Flag `--endpoint` (deprecated: `--gateway`), env `BIBIA_ENDPOINT` (deprecated: `BIBIA_GATEWAY_URL`).
   * @default 'http://localhost:4000/graphql'
   */
  endpoint: string;
  /** Largest request body forwarded, in bytes. Flag `--max-body-bytes`, env `MAX_BODY_BYTES`. @default 1048576 (1 MiB) */
  maxBodyBytes: number;
}

export const DEFAULT_CONFIG: WebConfig = {
  port: 4300,
  host: '127.0.0.1',
  endpoint: 'http://localhost:4000/graphql',
  maxBodyBytes: 1024 * 1024,
};

/** Old names still read, with a warning: `[old, new]`. */
const DEPRECATED_ENV: [string, string][] = [
  ['BIBIA_GATEWAY_URL', 'BIBIA_ENDPOINT'],
  ['WEB_PORT', 'PORT'],
];

/** Prints a deprecation notice; tests pass their own. */
export type Warn = (message: string) => void;
const warnOnStderr: Warn = (message) => console.error(`bibia-web: ${message}`);

/** The environment layer: the variables that are set, checked. Read once per call. */
export function configFromEnv(warn: Warn = warnOnStderr): Partial<WebConfig> {
  for (const [old, current] of DEPRECATED_ENV) {
    if (getEnvStr(old) !== undefined) warn(`${old} is deprecated, use ${current}${getEnvStr(current) !== undefined ? ` (${current} is set and wins)` : ''}`);
  }
  return definedOnly({
    port: envValue('PORT', toPort) ?? envValue('WEB_PORT', toPort),
    host: envValue('HOST', toText),
    endpoint: envValue('BIBIA_ENDPOINT', toHttpUrl) ?? envValue('BIBIA_GATEWAY_URL', toHttpUrl),
    maxBodyBytes: envValue('MAX_BODY_BYTES', toPositiveInt),
  });
}

/** The flags layer, each checked as it is parsed. */
export function addConfigOptions(cmd: Command): Command {
  const d = DEFAULT_CONFIG;
  return cmd
    .option('--port <port>', `HTTP port, 0 for a free one (env PORT, default ${d.port})`, flagValue('--port', toPort))
    .option('--host <host>', `interface (env HOST, default ${d.host})`)
    .option('--endpoint <url>', `national GraphQL endpoint POST /graphql is forwarded to (env BIBIA_ENDPOINT, default ${d.endpoint})`, flagValue('--endpoint', toHttpUrl))
    .addOption(new Option('--gateway <url>', 'deprecated: --endpoint').hideHelp().argParser(flagValue('--gateway', toHttpUrl)))
    .option('--max-body-bytes <bytes>', `largest request body forwarded (env MAX_BODY_BYTES, default ${d.maxBodyBytes})`, flagValue('--max-body-bytes', toPositiveInt))
    .addHelpText('after', '\nSee docs/configuration.md.');
}

/** The `bibia-web` command line: `--help`, `--version` and the flags of {@link addConfigOptions}. */
export function webCommand(): Command {
  return addConfigOptions(
    new Command('bibia-web')
      .description('The national catalogue page on its own (the gateway serves it too, at its root).')
      .version(version, '-V, --version')
      // Usage errors exit 2, as for every BibIA command; --help and --version exit 0.
      .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
      .allowExcessArguments(false),
  );
}

type ParsedFlags = Partial<WebConfig> & { gateway?: string };

function flagsFrom(opts: ParsedFlags, warn: Warn): Partial<WebConfig> {
  const { gateway, ...flags } = opts;
  if (gateway !== undefined) warn('--gateway is deprecated, use --endpoint');
  return definedOnly({ ...flags, endpoint: flags.endpoint ?? gateway });
}

/**
 * Reads the command line (`process.argv` shape): answers `--help` and `--version` and exits on a
 * usage error; returns the flags layer.
 */
export function parseCommandLine(argv: string[] = process.argv, warn: Warn = warnOnStderr): Partial<WebConfig> {
  return flagsFrom(webCommand().parse(argv).opts<ParsedFlags>(), warn);
}

/** Parses flags (without the node and script names) into the flags layer: for tests. */
export function parseFlags(args: string[], warn: Warn = warnOnStderr): Partial<WebConfig> {
  const cmd = addConfigOptions(new Command()).exitOverride();
  cmd.parse(args, { from: 'user' });
  return flagsFrom(cmd.opts<ParsedFlags>(), warn);
}

/** Flags beat environment variables, which beat {@link DEFAULT_CONFIG}. Throws a {@link ConfigError}. */
export function loadConfig(flags: Partial<WebConfig> = {}, warn: Warn = warnOnStderr): WebConfig {
  return { ...DEFAULT_CONFIG, ...configFromEnv(warn), ...definedOnly(flags) };
}
