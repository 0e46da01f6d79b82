import fs from 'node:fs';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
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

/** Applies every migration not yet applied; returns the names applied now. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory, migrationsDir: string): Promise<string[]> {
  const engine = await loadSchemaEngine(adapter);
  try {
    const out = await engine.applyMigrations({
      migrationsList: readMigrations(migrationsDir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

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
