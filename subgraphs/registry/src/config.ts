import { definedOnly, getEnvNum, getEnvStr, isValidSiren } from '@bibia/kit';

/** Configuration of one member registry. Flags (CLI) override env vars, which override defaults. */
export interface RegistryConfig {
  /** SIREN of the collectivité that owns this registry (env `REGISTRY_SIREN`). Required. */
  siren: string;
  /** Its name (env `REGISTRY_NAME`); taken from the seed file or the database when absent. */
  name?: string;
  /** Département code, e.g. "62" (env `REGISTRY_DEPARTEMENT`). */
  departement?: string;
  /** Région code, e.g. "32" (env `REGISTRY_REGION`). */
  region?: string;
  /** @default 4201 (env `PORT`) */
  port: number;
  /** @default '127.0.0.1' (env `HOST`); use 0.0.0.0 behind a reverse proxy */
  host: string;
  /** PostgreSQL URL (env `DATABASE_URL`); embedded PGlite in `dataDir` when absent. */
  databaseUrl?: string;
  /** PostgreSQL pool size. @default 10 (env `DATABASE_POOL_SIZE`) */
  databasePoolSize?: number;
  /** @default `.data/registry-<siren>` (env `DATA_DIR`) */
  dataDir: string;
  /** JSON seed loaded into an empty registry (env `SEED_FILE`); `bundled` for the demo data of this SIREN. */
  seedFile?: string;
  /** Largest request body, for bulk imports. @default 10 MiB (env `MAX_BODY_BYTES`) */
  maxBodyBytes: number;
}

export function loadConfig(overrides: Partial<RegistryConfig> = {}): RegistryConfig {
  const siren = overrides.siren ?? getEnvStr('REGISTRY_SIREN');
  if (!siren) throw new Error('REGISTRY_SIREN is required: the SIREN of the collectivité that owns this registry');
  if (!isValidSiren(siren)) throw new Error(`REGISTRY_SIREN "${siren}" is not a valid SIREN (9 digits with a valid check digit)`);
  const config: RegistryConfig = {
    siren,
    name: getEnvStr('REGISTRY_NAME'),
    departement: getEnvStr('REGISTRY_DEPARTEMENT'),
    region: getEnvStr('REGISTRY_REGION'),
    port: getEnvNum('PORT', 4201),
    host: getEnvStr('HOST', '127.0.0.1')!,
    databaseUrl: getEnvStr('DATABASE_URL'),
    databasePoolSize: getEnvNum('DATABASE_POOL_SIZE', 10),
    dataDir: getEnvStr('DATA_DIR', `.data/registry-${siren}`)!,
    seedFile: getEnvStr('SEED_FILE'),
    maxBodyBytes: getEnvNum('MAX_BODY_BYTES', 10 * 1024 * 1024),
    ...definedOnly(overrides),
  };
  return config;
}
