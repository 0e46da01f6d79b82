import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { applyMigrations, loadSchemaEngine, MIGRATION_LOCK_KEY, readMigrationState } from '../storage/schemaEngine';
import { openDatabase, type Database } from '../storage/openDatabase';
import { openStorage } from '../storage/openStorage';
import { dropSchema, splitSchema, testDatabaseUrl } from '../storage/schemas';
import { sql } from './rawSql';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const REGISTRY_MIGRATIONS = path.join(ROOT, 'subgraphs', 'registry', 'prisma', 'migrations');
const ALL = fs.readdirSync(REGISTRY_MIGRATIONS).filter((d) => fs.statSync(path.join(REGISTRY_MIGRATIONS, d)).isDirectory()).sort();
const [INIT] = ALL;

/** Counts how often the schema engine is loaded: the point of the check is that it is not. */
function countingEngine() {
  const counter = {
    loads: 0,
    loadEngine: (adapter: SqlMigrationAwareDriverAdapterFactory) => {
      counter.loads++;
      return loadSchemaEngine(adapter);
    },
  };
  return counter;
}

/** A private copy of the registry's first migration (and lock file), to edit freely. */
function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-migrations-'));
  fs.cpSync(path.join(REGISTRY_MIGRATIONS, INIT), path.join(dir, INIT), { recursive: true });
  fs.copyFileSync(path.join(REGISTRY_MIGRATIONS, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'));
  return dir;
}

describe('applyMigrations on an embedded database', () => {
  let db: Database;
  let dir: string;
  const engine = countingEngine();

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://migration-lock' });
    dir = copyMigrations();
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the engine to migrate a new database, and not again once it is up to date', async () => {
    expect(await readMigrationState(db.adapter, dir)).toMatchObject({ upToDate: false });
    expect(await applyMigrations(db.adapter, dir, { loadEngine: engine.loadEngine })).toEqual([INIT]);
    expect(engine.loads).toBe(1);
    // Also checks that checksums are computed as the engine records them.
    expect(await readMigrationState(db.adapter, dir)).toEqual({ schema: 'public', upToDate: true, changedSinceApplied: [] });
    expect(await applyMigrations(db.adapter, dir, { loadEngine: engine.loadEngine })).toEqual([]);
    expect(engine.loads).toBe(1);
  });

  it('reports an applied migration edited since, without re-applying it (as the engine would)', async () => {
    const file = path.join(dir, INIT, 'migration.sql');
    const original = fs.readFileSync(file, 'utf8');
    const messages: string[] = [];
    fs.writeFileSync(file, `${original}\n-- edited\n`);
    try {
      expect(await readMigrationState(db.adapter, dir)).toMatchObject({ upToDate: true, changedSinceApplied: [INIT] });
      expect(await applyMigrations(db.adapter, dir, { loadEngine: engine.loadEngine, log: (m) => messages.push(m) })).toEqual([]);
      expect(engine.loads).toBe(1);
      expect(messages.join('\n')).toContain(INIT);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('hands a failed run to the engine, which refuses to go on', async () => {
    await sql(db.adapter, `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = '${INIT}'`);
    try {
      expect(await readMigrationState(db.adapter, dir)).toMatchObject({ upToDate: false });
      await expect(applyMigrations(db.adapter, dir, { loadEngine: engine.loadEngine })).rejects.toThrow();
      expect(engine.loads).toBe(2);
    } finally {
      await sql(db.adapter, `UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = '${INIT}'`);
    }
  });

  it('does not count a rolled-back row as applied', async () => {
    await sql(db.adapter, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${INIT}'`);
    try {
      expect(await readMigrationState(db.adapter, dir)).toMatchObject({ upToDate: false });
    } finally {
      await sql(db.adapter, `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = '${INIT}'`);
    }
  });

  it('applies a new migration file', async () => {
    const name = '29990101000000_extra';
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), 'CREATE TABLE "extra_for_test" ("id" INTEGER PRIMARY KEY);\n');
    expect(await readMigrationState(db.adapter, dir)).toMatchObject({ upToDate: false });
    const loads = engine.loads;
    expect(await applyMigrations(db.adapter, dir, { loadEngine: engine.loadEngine })).toEqual([name]);
    expect(engine.loads).toBe(loads + 1);
    expect(await readMigrationState(db.adapter, dir)).toMatchObject({ upToDate: true });
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
const onPostgres = pgUrl ? describe : describe.skip;

onPostgres('applyMigrations on PostgreSQL, many schemas on one server', () => {
  const schemas: string[] = [];
  let holder: import('pg').Client | undefined;

  function newSchemaUrl(name: string): string {
    const url = testDatabaseUrl(name)!;
    schemas.push(url);
    return url;
  }

  /** Migrates like openStorage does: its own connection, released afterwards. */
  async function migrate(databaseUrl: string, options: Parameters<typeof applyMigrations>[2] = {}): Promise<string[]> {
    const db = await openDatabase({ databaseUrl, dataDir: 'unused', poolSize: 1 });
    const migration = await db.forMigrations();
    try {
      return await applyMigrations(migration.adapter, REGISTRY_MIGRATIONS, options);
    } finally {
      await migration.release();
      await db.close();
    }
  }

  /** Takes Prisma's migration lock from another connection, as another process migrating would. */
  async function holdLock(): Promise<() => Promise<void>> {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: splitSchema(pgUrl!).serverUrl });
    await client.connect();
    holder = client;
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    return async () => {
      holder = undefined;
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      await client.end();
    };
  }

  afterEach(async () => {
    await holder?.end().catch(() => {});
    holder = undefined;
  });
  afterAll(async () => {
    await Promise.all(schemas.map(dropSchema));
  });

  it('starts an up-to-date database without the engine, even while another process holds the lock', async () => {
    const url = newSchemaUrl('uptodate');
    expect(await migrate(url)).toEqual(ALL);
    const release = await holdLock();
    try {
      const engine = countingEngine();
      const messages: string[] = [];
      const started = Date.now();
      expect(await migrate(url, { loadEngine: engine.loadEngine, log: (m) => messages.push(m) })).toEqual([]);
      // The engine would have waited 10 s for the lock, then failed.
      expect(Date.now() - started).toBeLessThan(3000);
      expect(engine.loads).toBe(0);
      expect(messages).toEqual([]);
    } finally {
      await release();
    }
  });

  it('waits for the lock longer than the engine would, saying so, then migrates', async () => {
    const release = await holdLock();
    const messages: string[] = [];
    const urls = [newSchemaUrl('wait_a'), newSchemaUrl('wait_b')];
    const started = Date.now();
    // Two first-time migrations of two schemas, queued behind a third process for more than the
    // engine's own 10 s limit.
    const migrations = urls.map((url) => migrate(url, { log: (m) => messages.push(m) }));
    const released = new Promise((resolve) => setTimeout(resolve, 11_000)).then(release);
    const results = await Promise.all(migrations);
    await released;
    expect(results).toEqual([ALL, ALL]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(11_000);
    for (const url of urls) {
      const { schema } = splitSchema(url);
      expect(messages.some((m) => m.includes('waiting for another process to finish migrating') && m.includes(schema!))).toBe(true);
    }
  }, 60_000);

  it('gives up after lockWaitMs with an error naming the lock', async () => {
    const release = await holdLock();
    try {
      const started = Date.now();
      await expect(migrate(newSchemaUrl('give_up'), { lockWaitMs: 1500 })).rejects.toThrow(`pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    } finally {
      await release();
    }
  });

  it('migrates several new schemas at once through openStorage', async () => {
    const urls = Array.from({ length: 6 }, (_, i) => newSchemaUrl(`concurrent_${i}`));
    const storages = await Promise.all(
      urls.map((databaseUrl) =>
        openStorage({
          databaseUrl,
          dataDir: 'unused',
          poolSize: 1,
          migrationsDir: REGISTRY_MIGRATIONS,
          createClient: () => ({ $disconnect: async () => {} }),
        }),
      ),
    );
    try {
      expect(storages.map((s) => s.appliedMigrations)).toEqual(urls.map(() => ALL));
    } finally {
      await Promise.all(storages.map((s) => s.close()));
    }
  });
});
