import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase, PGLITE_SETTINGS } from './openDatabase';
import { applyMigrations, readMigrations } from './schemaEngine';

/*
 * A new embedded database costs PGlite's initdb (about 5 s of CPU, and a second WASM instance
 * of several hundred megabytes while it runs) and then the schema engine. Both give the same
 * result every time for one set of migrations, so the result is kept: the data directory of a
 * new, fully migrated database, as a gzipped tar (a few megabytes) in node_modules/.cache/bibia,
 * made once per machine and set of migrations; later new databases load it. Existing databases
 * never use it: their pending migrations go through the engine as before.
 */

/** A migrated database's data directory, and the migrations it holds. */
export interface PgliteTemplate {
  /** Its tar (not compressed). */
  tar: Blob;
  migrations: string[];
}

/**
 * Where templates are kept: `BIBIA_CACHE_DIR`, else the workspace's `node_modules/.cache/bibia`
 * (written by whoever installed the packages, like every other build cache there).
 */
export function cacheDir(): string {
  return process.env.BIBIA_CACHE_DIR || path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', '..', '..', '.cache', 'bibia');
}

// 1 MB WAL segments instead of 16: the template, and each database loaded from it, is 15 MB
// smaller (a member's registry writes little).
const INITDB_ARGS = ['--wal-segsize=1'];

/**
 * The template's tar, decompressed once per process. PGlite reads a `loadDataDir` Blob with
 * `arrayBuffer()` and gunzips it through web streams; both cost more than the database's start
 * when a test or a hub makes several databases. This Blob hands out a copy of bytes at hand.
 */
class TarBlob extends Blob {
  constructor(private readonly tarBytes: Uint8Array) {
    super([]);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.tarBytes.slice().buffer as ArrayBuffer);
  }
}

// Read once per process: a hub or a test starts several new databases of one kind.
const loaded = new Map<string, Promise<PgliteTemplate>>();

/** The template of `migrationsDir`, read from the cache or made now. */
export function pgliteTemplate(migrationsDir: string): Promise<PgliteTemplate> {
  const migrations = readMigrations(migrationsDir);
  const names = migrations.migrationDirectories.map((d) => d.path);
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([pgliteVersion(), PGLITE_SETTINGS, INITDB_ARGS, migrations.lockfile.content, migrations.migrationDirectories]))
    .digest('hex')
    .slice(0, 24);
  const file = path.join(cacheDir(), `pglite-${key}.tar.gz`);
  let template = loaded.get(file);
  if (!template) {
    template = readOrBuild(file, migrationsDir).then((tar) => ({ tar, migrations: names }));
    loaded.set(file, template);
    template.catch(() => loaded.delete(file));
  }
  return template;
}

async function readOrBuild(file: string, migrationsDir: string): Promise<Blob> {
  const cached = await fs.promises.readFile(file).catch(() => undefined);
  if (cached) return new TarBlob(zlib.gunzipSync(cached));
  const gzipped = Buffer.from(await (await buildTemplate(migrationsDir)).arrayBuffer());
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside then renamed: processes making the same template at once each see a whole one.
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    await fs.promises.writeFile(tmp, gzipped);
    await fs.promises.rename(tmp, file);
  } catch {
    // A read-only installation: each process makes the template it needs once.
  }
  return new TarBlob(zlib.gunzipSync(gzipped));
}

async function buildTemplate(migrationsDir: string): Promise<Blob> {
  const database = await openDatabase({ dataDir: `memory://template-${crypto.randomBytes(4).toString('hex')}`, initdbArgs: INITDB_ARGS });
  try {
    await applyMigrations(database.adapter, migrationsDir);
    return await database.dumpDataDir!();
  } finally {
    await database.close();
  }
}

function pgliteVersion(): string {
  const pkg = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}
