import path from 'node:path';
import { parseArgs } from 'node:util';
import { getEnvBool, getEnvNum, getEnvStr } from '@bibia/kit';

/** Everything the directory server can be told. Flags beat environment variables beat defaults. */
export interface DirectoryConfig {
  /** `--port`, `PORT`. 0 picks a free port. @default 4100 */
  port: number;
  /** `--host`, `HOST`. @default '127.0.0.1' */
  host: string;
  /** `--database-url`, `DATABASE_URL`: PostgreSQL (`?schema=name` supported). @default undefined (embedded PGlite) */
  databaseUrl?: string;
  /** `--data-dir`, `DATA_DIR`: directory of the embedded database (`memory://name` in tests). @default '.data/directory' */
  dataDir: string;
  /** `HUB_ADMIN_TOKEN` (never a flag: it would show in `ps`). Unset disables the admin mutations. */
  hubAdminToken?: string;
  /** `--no-seed`, `SEED`: fill an empty database with the seed collectivités and products. @default true */
  seed: boolean;
  /**
   * `--member siren=url` (repeatable), `DIRECTORY_MEMBERS` (`siren=url` pairs separated by commas):
   * members set at start-up WITHOUT the conformance check — for the dev stack. @default []
   */
  members: { siren: string; registryUrl: string }[];
  /** `--contract`, `REGISTRY_CONTRACT`: SDL file members must conform to. @default '<repo>/schema/registry.graphql' */
  contractPath: string;
  /** The contract SDL itself, instead of `contractPath` (tests). */
  contractSdl?: string;
  /** `CONFORMANCE_TIMEOUT_MS`: per-request timeout of conformance probes. @default 5000 */
  conformanceTimeoutMs: number;
  /** `UNREACHABLE_AFTER`: failed health checks in a row that make an ACTIVE member UNREACHABLE. @default 3 */
  unreachableAfter: number;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The defaults, with nothing read from the environment. */
export function defaultConfig(): DirectoryConfig {
  return {
    port: 4100,
    host: '127.0.0.1',
    dataDir: '.data/directory',
    seed: true,
    members: [],
    contractPath: path.join(REPO_ROOT, 'schema', 'registry.graphql'),
    conformanceTimeoutMs: 5000,
    unreachableAfter: 3,
  };
}

/** Reads the configuration from command-line flags and the environment, once, at start-up. */
export function loadConfig(argv: string[] = process.argv.slice(2)): DirectoryConfig {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      'no-seed': { type: 'boolean' },
      member: { type: 'string', multiple: true },
      contract: { type: 'string' },
    },
  });
  const defaults = defaultConfig();
  const port = values.port !== undefined ? Number(values.port) : getEnvNum('PORT', defaults.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port must be 0..65535, got "${values.port ?? process.env.PORT}"`);
  const memberList = values.member?.length ? values.member.join(',') : (getEnvStr('DIRECTORY_MEMBERS') ?? '');
  return {
    port,
    host: values.host ?? getEnvStr('HOST', defaults.host)!,
    databaseUrl: values['database-url'] ?? getEnvStr('DATABASE_URL'),
    dataDir: values['data-dir'] ?? getEnvStr('DATA_DIR', defaults.dataDir)!,
    hubAdminToken: getEnvStr('HUB_ADMIN_TOKEN'),
    seed: values['no-seed'] ? false : getEnvBool('SEED', defaults.seed),
    members: parseMemberList(memberList),
    contractPath: path.resolve(values.contract ?? getEnvStr('REGISTRY_CONTRACT', defaults.contractPath)!),
    conformanceTimeoutMs: getEnvNum('CONFORMANCE_TIMEOUT_MS', defaults.conformanceTimeoutMs),
    unreachableAfter: getEnvNum('UNREACHABLE_AFTER', defaults.unreachableAfter),
  };
}

/** Parses `siren=url` pairs separated by commas or spaces. */
export function parseMemberList(value: string): { siren: string; registryUrl: string }[] {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`member "${pair}" is not siren=url`);
      return { siren: pair.slice(0, at), registryUrl: pair.slice(at + 1) };
    });
}
