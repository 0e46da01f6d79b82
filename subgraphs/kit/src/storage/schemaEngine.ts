import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQueryable } from '@prisma/driver-adapter-utils';
import type { SchemaEngine, MigrationList } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };

/**
 * Prisma's schema engine compiled to WebAssembly. The native engine is a binary Prisma
 * downloads at install time, which BibIA never does; the WASM build ships in an npm package.
 * Its ESM entry imports the .wasm file directly, which Node refuses, so the module is
 * instantiated by hand.
 */
export async function loadSchemaEngine(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const bindings = await (wasmBindings ??= instantiateWasm());
  const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
  const log = () => {};
  return bindings.SchemaEngine.new({ datamodels: undefined }, log, bindMigrationAwareSqlAdapterFactory(adapter));
}

// The bindings keep module-level state tied to one WebAssembly instance: instantiate once.
let wasmBindings: Promise<typeof import('@prisma/schema-engine-wasm', { with: { 'resolution-mode': 'import' } })> | undefined;

async function instantiateWasm() {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bindings = await import(path.join(pkgDir, 'schema_engine_bg.js'));
  // A Rust panic reports its message here before it throws.
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => { lastPanic = m; } };
  const bytes = fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
  // `WebAssembly` is a Node global that the ES lib typings do not declare.
  const wasm = (globalThis as unknown as { WebAssembly: { instantiate(b: Buffer, i: object): Promise<{ instance: { exports: object } }> } }).WebAssembly;
  const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bindings;
}

/** The message of the last panic of the schema engine, for error reports. */
export let lastPanic: string | undefined;

const LOCKFILE = 'migration_lock.toml';
const LOCK_CONTENT = '# Managed by BibIA (npm run db:migration)\nprovider = "postgresql"\n';

/** Reads `prisma/migrations` the way the schema engine expects it. */
export function readMigrations(migrationsDir: string): MigrationList {
  const baseDir = path.resolve(migrationsDir);
  const dirs = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(baseDir, LOCKFILE);
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok', value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error', value: `missing ${name}/migration.sql` },
        },
      };
    }),
  } as MigrationList;
}

/**
 * The advisory lock Prisma's schema engine takes before migrating a PostgreSQL database
 * (`pg_advisory_lock(72707369)`, one key for the whole database, whatever the schema). The engine
 * gives up after 10 s, too short when many registries share one server and all start at once.
 */
export const MIGRATION_LOCK_KEY = 72707369;

export interface ApplyMigrationsOptions {
  /** How long to wait for another process's migration to finish. @default 120000 */
  lockWaitMs?: number;
  /** Where progress goes (waiting for the lock, applied files that were edited since). */
  log?: (message: string) => void;
  /** Loads the schema engine; tests pass a counting wrapper to observe that it was not needed. */
  loadEngine?: (adapter: SqlMigrationAwareDriverAdapterFactory) => Promise<SchemaEngine>;
}

/** What `_prisma_migrations` says about the migration files. */
export interface MigrationState {
  /** The schema holding `_prisma_migrations`. */
  schema: string;
  /** False when some file is not applied, a row records a failed run, or the table is missing. */
  upToDate: boolean;
  /** Applied migrations whose file no longer has the checksum recorded when it was applied. */
  changedSinceApplied: string[];
}

/**
 * Reads the migration table with plain SQL, without the engine and without its lock.
 * Mirrors the engine's own `applyMigrations` rules, so that skipping the engine changes nothing:
 * a file is applied when a row of its name is finished and not rolled back (rolled-back rows are an
 * audit trail it ignores); a failed row (neither finished nor rolled back) makes the engine
 * refuse to go on, so it must see it and report it. The engine does not compare checksums when
 * applying: an edited migration is only reported here.
 */
export async function readMigrationState(adapterFactory: SqlMigrationAwareDriverAdapterFactory, migrationsDir: string): Promise<MigrationState> {
  const migrations = readMigrations(migrationsDir);
  const adapter = await adapterFactory.connect();
  try {
    const given = adapter.getConnectionInfo?.().schemaName;
    const schema = given ?? String((await query(adapter, 'SELECT current_schema()'))[0]?.[0] ?? 'public');
    const exists = await query(
      adapter,
      `SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = ${literal(schema)} AND tablename = '_prisma_migrations'`,
    );
    if (!exists.length) return { schema, upToDate: false, changedSinceApplied: [] };
    const rows = await query(
      adapter,
      `SELECT migration_name, finished_at IS NOT NULL, rolled_back_at IS NOT NULL, checksum FROM ${ident(schema)}."_prisma_migrations"`,
    );
    const applied = new Map<string, string>();
    let failed = false;
    for (const [name, finished, rolledBack, checksum] of rows) {
      if (rolledBack) continue;
      if (!finished) failed = true;
      else applied.set(String(name), String(checksum));
    }
    // A lockfile naming another provider is an error the engine reports: let it.
    const lock = migrations.lockfile.content;
    const otherProvider = lock != null && !/provider\s*=\s*"postgresql"/.test(lock);
    let allApplied = true;
    const changedSinceApplied: string[] = [];
    for (const dir of migrations.migrationDirectories) {
      const checksum = applied.get(dir.path);
      if (checksum === undefined) {
        allApplied = false;
        continue;
      }
      const file = dir.migrationFile.content;
      if (file.tag === 'ok' && crypto.createHash('sha256').update(file.value).digest('hex') !== checksum) changedSinceApplied.push(dir.path);
    }
    return { schema, upToDate: allApplied && !failed && !otherProvider, changedSinceApplied };
  } finally {
    await adapter.dispose();
  }
}

/**
 * Applies every migration not yet applied; returns the names applied now.
 * A database already up to date is only read: no engine, no lock, so that registries restarting
 * together on one server do not queue behind each other. One that must migrate waits its turn
 * for the engine's lock (bounded by `lockWaitMs`) instead of failing after the engine's 10 s.
 */
export async function applyMigrations(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
  options: ApplyMigrationsOptions = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const before = await readMigrationState(adapter, migrationsDir);
  if (before.upToDate) {
    reportChanged(before, log);
    return [];
  }
  const connection = await adapter.connect();
  try {
    // The engine's own lock call then succeeds at once: session advisory locks are re-entrant,
    // and the migration adapter has one connection, shared with the engine.
    await acquireMigrationLock(connection, before.schema, options.lockWaitMs ?? 120_000, log);
    try {
      // Whoever held the lock may have been migrating this same schema (another replica).
      const after = await readMigrationState(adapter, migrationsDir);
      if (after.upToDate) {
        reportChanged(after, log);
        return [];
      }
      const engine = await (options.loadEngine ?? loadSchemaEngine)(adapter);
      try {
        const out = await engine.applyMigrations({
          migrationsList: readMigrations(migrationsDir),
          filters: { externalTables: [], externalEnums: [] },
        });
        return out.appliedMigrationNames;
      } finally {
        engine.free();
      }
    } finally {
      await execute(connection, `SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => {});
    }
  } finally {
    await connection.dispose();
  }
}

function reportChanged(state: MigrationState, log: (message: string) => void): void {
  if (state.changedSinceApplied.length) {
    log(`migrations edited after they were applied to ${state.schema} (not re-applied): ${state.changedSinceApplied.join(', ')}`);
  }
}

async function acquireMigrationLock(connection: SqlDriverAdapter, schema: string, waitMs: number, log: (message: string) => void): Promise<void> {
  const [[got]] = await query(connection, `SELECT pg_try_advisory_lock(${MIGRATION_LOCK_KEY})`);
  if (got === true) return;
  log(`waiting for another process to finish migrating this database (advisory lock ${MIGRATION_LOCK_KEY}) before migrating ${schema}…`);
  const started = Date.now();
  // One blocking wait rather than polling: PostgreSQL grants the lock to waiters in turn.
  await execute(connection, `SET lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
  try {
    await execute(connection, `SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  } catch (err) {
    if (isLockTimeout(err)) {
      throw new Error(
        `Could not migrate ${schema}: another process held the PostgreSQL advisory lock ${MIGRATION_LOCK_KEY} ` +
          `(SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY}), Prisma's migration lock) for ${Math.round((Date.now() - started) / 1000)} s. ` +
          'Look for a stuck migration in pg_locks (locktype = advisory).',
        { cause: err },
      );
    }
    throw err;
  } finally {
    await execute(connection, 'RESET lock_timeout').catch(() => {});
  }
  log(`got the migration lock for ${schema} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function isLockTimeout(err: unknown): boolean {
  const cause = (err as { cause?: { originalCode?: string; code?: string } } | undefined)?.cause;
  return cause?.originalCode === '55P03' || (err as { code?: string } | undefined)?.code === '55P03';
}

async function query(adapter: SqlQueryable, sql: string): Promise<unknown[][]> {
  return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows;
}

// For statements whose result has no type the adapters can map (pg_advisory_lock returns void).
async function execute(adapter: SqlQueryable, sql: string): Promise<void> {
  await adapter.executeRaw({ sql, args: [], argTypes: [] });
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Writes the SQL that takes the database from the last migration to `schemaFile`, as the next
 * migration directory. Returns its path, or null when the schema has not changed.
 * `adapter` must be a scratch database: the engine replays the migrations on its shadow database.
 */
export async function createMigration(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schemaFile: string,
  migrationsDir: string,
  name: string,
  now = new Date(),
): Promise<string | null> {
  const engine = await loadSchemaEngine(adapter);
  try {
    const migrations = readMigrations(migrationsDir);
    migrations.lockfile.content ??= LOCK_CONTENT;
    const { stdout } = (await engine.diff({
      from: { tag: 'migrations', ...migrations },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaFile, content: fs.readFileSync(schemaFile, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    })) as { stdout?: string | null };
    const sql = (stdout ?? '').trim();
    if (!sql || sql === '-- This is an empty migration.') return null;
    const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(path.resolve(migrationsDir), `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    const lockPath = path.join(path.resolve(migrationsDir), LOCKFILE);
    if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, LOCK_CONTENT);
    return dir;
  } finally {
    engine.free();
  }
}
